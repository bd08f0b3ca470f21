using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Diff.Runtime.Tests.Reference;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ReferenceExpm;
using CDD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ComplexDoubleDouble;
using DD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.DoubleDouble;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>
/// The double-double reference exponential and Fréchet derivative against closed forms, against scipy's values in
/// expm.json, and against e^A·e^(−A) = I, at the 1e-28 level where the closed form is itself double-double.
/// </summary>
public class ReferenceExpmTests
{
    /// <summary>‖X − Y‖₁/‖Y‖₁ in double-double (the difference is formed before rounding).</summary>
    internal static double RelativeError(CDD[] x, CDD[] y, int n)
    {
        var d = new CDD[x.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] - y[i];
        return OneNorm(d, n) / OneNorm(y, n);
    }

    private static CDD[] Matrix(params DD[] values) => Array.ConvertAll(values, v => (CDD)v);

    [Fact]
    public void TaylorDegreeForAQuarterIs22()
    {
        // (1/4)²²/22! ≈ 5.1e-35 > 1e-35·e^(−1/4); (1/4)²³/23! ≈ 5.5e-37 is below.
        Assert.Equal(22, TaylorDegree(0.25));
        Assert.Equal(0, TaylorDegree(0));
        Assert.True(TaylorDegree(1e-10) <= 4);
    }

    [Fact]
    public void DiagonalGivesScalarExponentials()
    {
        double[] d = [-30, -7.25, -1e-3, 0, 0.5, 3, 12.125, 29.5];
        int n = d.Length;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            a[i * n + i] = d[i];
        // The general path (the diagonal not written from scalar exponentials): the squarings (s ≤ 7 here) let the
        // error grow to ~2ˢ·u² ≈ 1e-29 at most.
        CDD[] x = Exp(a, n, out _, exactTriangularDiagonal: false);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    Assert.True(x[i * n + j].IsZero);
                    continue;
                }
                DD expected = DD.Exp(d[i]);
                Assert.True(Math.Abs((x[i * n + i].Re - expected).ToDouble()) <= 1e-28 * expected.ToDouble(), $"{d[i]}");
                Assert.True(x[i * n + i].Im.IsZero);
            }
        }
    }

    [Fact]
    public void ComplexDiagonalWithKnownCosinesAndSines()
    {
        // e^(iπ/6) = √3/2 + i/2, e^(iπ/3) = 1/2 + i√3/2, e^(iπ/2) = i, e^(1 + iπ/4) = e(1 + i)/√2, e^(7iπ) = −1.
        DD pi = DD.Pi, half = 0.5, r3 = DD.Sqrt(3) * half, r2 = DD.Sqrt(2) * half;
        CDD[] lambda = [new(0, pi / 6.0), new(0, pi / 3.0), new(0, pi * half), new(1, pi / 4.0), new(0, pi * 7.0)];
        DD e = DD.Exp(1);
        CDD[] expected = [new(r3, half), new(half, r3), new(0, 1), new(e * r2, e * r2), new(-1, 0)];
        int n = lambda.Length;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            a[i * n + i] = lambda[i];
        CDD[] x = Exp(a, n, out _, exactTriangularDiagonal: false); // the general path, as above
        for (int i = 0; i < n; i++)
        {
            CDD diff = x[i * n + i] - expected[i];
            Assert.True(diff.Magnitude <= 1e-28 * expected[i].Magnitude, $"λ{i}: {diff.Magnitude:E2}");
        }
    }

    public static IEnumerable<object[]> TriangularCases() =>
    [
        [1.0, 1e8, -1.0],
        [-100.0, 1e4, -99.0],
        [0.5, -3e10, 0.25],
        [10.0, 1e12, -10.0],
        [-1.0, 1e7, -1e3],
        [2.0, 1.0, 2.0],
    ];

    /// <summary>[[a, b], [0, c]]: e^A = [[e^a, b(e^c − e^a)/(c − a)], [0, e^c]] (b·e^a when a = c).</summary>
    [Theory]
    [MemberData(nameof(TriangularCases))]
    public void TwoByTwoTriangularClosedForm(double a, double b, double c)
    {
        DD ea = DD.Exp(a), ec = DD.Exp(c);
        DD offDiagonal = a == c ? ea * b : (ec - ea) / ((DD)c - a) * b;
        CDD[] expected = Matrix(ea, offDiagonal, 0, ec);
        CDD[] x = Exp(Matrix(a, b, 0, c), 2);
        Assert.True(RelativeError(x, expected, 2) <= 1e-28, $"{RelativeError(x, expected, 2):E2}");
        // Every entry to its own relative accuracy, including the small diagonal ones.
        for (int i = 0; i < 4; i++)
        {
            if (i == 2)
                continue;
            Assert.True((x[i] - expected[i]).Magnitude <= 1e-26 * expected[i].Magnitude, $"entry {i}");
        }
    }

    [Theory]
    [InlineData(1, 6)]    // π/6
    [InlineData(1, 2)]    // π/2
    [InlineData(50, 3)]   // 50π/3 = 16π + 2π/3
    [InlineData(1000, 1)] // 1000π: 1000 turns back to the identity
    public void RotationGeneratorGivesRotation(int numerator, int denominator)
    {
        DD theta = DD.Pi * numerator / denominator;
        CDD[] x = Exp(Matrix(0, theta, -theta, 0), 2);
        (DD cos, DD sin) = (numerator % (2 * denominator), denominator) switch
        {
            (1, 6) => (DD.Sqrt(3) * 0.5, (DD)0.5),
            (1, 2) => ((DD)0, (DD)1),
            (2, 3) => ((DD)(-0.5), DD.Sqrt(3) * 0.5),
            (0, 1) => ((DD)1, (DD)0),
            _ => throw new InvalidOperationException(),
        };
        CDD[] expected = Matrix(cos, sin, -sin, cos);
        // Conditioning: θ carries a relative error of ~1e-32 from π, i.e. an absolute error of ~θ·1e-32.
        double tolerance = 1e-29 * Math.Max(1, theta.ToDouble());
        Assert.True(RelativeError(x, expected, 2) <= tolerance, $"{RelativeError(x, expected, 2):E2}");
    }

    public static IEnumerable<object[]> ScipyNames() => ReferenceData.CaseNames("expm");

    /// <summary>
    /// scipy's expm (Al-Mohy &amp; Higham 2009 in double) is accurate to a modest multiple of u on these, so the
    /// reference must agree to about that: 1e-14.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScipyNames))]
    public void AgreesWithScipy(string name)
    {
        JsonElement c = ReferenceData.Case("expm", name);
        ComplexTensor a = ReferenceData.ReadComplex(c.GetProperty("a"));
        Complex[] scipy = ReferenceData.ReadComplex(c.GetProperty("expm")).Data;
        int n = a.ShapeRef[0];
        Complex[] x = ToComplex(Exp(FromComplex(a.Data), n));
        double error = ExpmTestMatrices.RelativeError(scipy, x, n);
        Assert.True(error <= 1e-14, $"{name}: {error:E2}");
    }

    [Theory]
    [InlineData(4, 1.0)]
    [InlineData(9, 10.0)]
    [InlineData(16, 3.0)]
    public void ExpOfMinusAIsTheInverse(int n, double scale)
    {
        CDD[] a = FromComplex(ExpmTestMatrices.RandomComplex(n, 1000 + n, scale).Data);
        CDD[] minus = Array.ConvertAll(a, z => -z);
        CDD[] x = Exp(a, n), y = Exp(minus, n);
        CDD[] product = Multiply(x, y, n);
        for (int i = 0; i < n; i++)
            product[i * n + i] -= CDD.One;
        double residual = OneNorm(product, n) / (OneNorm(x, n) * OneNorm(y, n));
        Assert.True(residual <= 1e-28, $"{residual:E2}");
    }

    [Fact]
    public void ExpOfMinusAIsTheInverseForAHighlyNonNormalMatrix()
    {
        // Upper triangular, diagonal −1…−8, 1e4 couplings: ‖e^A‖·‖e^(−A)‖ is huge, the residual still ~u_dd.
        int n = 8;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                a[i * n + j] = i == j ? -(i + 1.0) : 1e4 / (j - i);
        CDD[] x = Exp(a, n), y = Exp(Array.ConvertAll(a, z => -z), n);
        CDD[] product = Multiply(x, y, n);
        for (int i = 0; i < n; i++)
            product[i * n + i] -= CDD.One;
        Assert.True(OneNorm(product, n) <= 1e-28 * OneNorm(x, n) * OneNorm(y, n));
    }

    [Fact]
    public void ExpOfTwoAIsTheSquare()
    {
        int n = 6;
        CDD[] a = FromReal(ExpmTestMatrices.RandomReal(n, 77, 5).Data);
        CDD[] x = Exp(a, n), x2 = Exp(Array.ConvertAll(a, z => CDD.ScaleB(z, 1)), n);
        Assert.True(RelativeError(Multiply(x, x, n), x2, n) <= 1e-28);
    }

    /// <summary>For A = diag(d): L(A, E)_ij = E_ij·(e^(d_i) − e^(d_j))/(d_i − d_j) (E_ij·e^(d_i) when d_i = d_j).</summary>
    [Fact]
    public void FrechetOfDiagonalIsDividedDifferences()
    {
        double[] d = [-3, 0.5, 0.5, 4, 11];
        int n = d.Length;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            a[i * n + i] = d[i];
        CDD[] e = FromComplex(ExpmTestMatrices.RandomComplex(n, 5, 1).Data);
        CDD[] l = Frechet(a, e, n);
        var expected = new CDD[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                DD f = d[i] == d[j] ? DD.Exp(d[i]) : (DD.Exp(d[i]) - DD.Exp(d[j])) / ((DD)d[i] - d[j]);
                expected[i * n + j] = e[i * n + j] * f;
            }
        }
        Assert.True(RelativeError(l, expected, n) <= 1e-28, $"{RelativeError(l, expected, n):E2}");
    }

    [Fact]
    public void FrechetInACommutingDirectionIsEtimesExp()
    {
        // L(A, A) = A·e^A and L(A, I) = e^A.
        int n = 5;
        CDD[] a = FromComplex(ExpmTestMatrices.RandomComplex(n, 9, 4).Data);
        CDD[] x = Exp(a, n);
        Assert.True(RelativeError(Frechet(a, a, n), Multiply(a, x, n), n) <= 1e-28);
        Assert.True(RelativeError(Frechet(a, Identity(n), n), x, n) <= 1e-28);
        // Scaling the direction by a non-power of two scales the result.
        CDD[] e = FromComplex(ExpmTestMatrices.RandomComplex(n, 10, 1e-6).Data);
        CDD[] l = Frechet(a, e, n);
        CDD[] l3 = Frechet(a, Array.ConvertAll(e, z => z * (DD)3), n);
        Assert.True(RelativeError(l3, Array.ConvertAll(l, z => z * (DD)3), n) <= 1e-28);
    }

    [Fact]
    public void FrechetMatchesACentralDifferenceInDoubleDouble()
    {
        // (e^(A+hE) − e^(A−hE))/(2h) = L(A, E) + O(h²); with h = 1e-9 the truncation is ~1e-18 relative.
        int n = 4;
        CDD[] a = FromReal(ExpmTestMatrices.RandomReal(n, 21, 3).Data);
        CDD[] e = FromReal(ExpmTestMatrices.RandomReal(n, 22, 1).Data);
        DD h = 1e-9;
        CDD[] plus = Exp(a.Zip(e, (x, y) => x + y * h).ToArray(), n);
        CDD[] minus = Exp(a.Zip(e, (x, y) => x - y * h).ToArray(), n);
        CDD[] difference = plus.Zip(minus, (x, y) => (x - y) / (h * 2.0)).ToArray();
        double error = RelativeError(difference, Frechet(a, e, n), n);
        Assert.True(error <= 1e-15, $"{error:E2}");
    }

    [Fact]
    public void FrechetAgreesWithScipy()
    {
        using JsonDocument doc = ReferenceData.Load("expm.json");
        JsonElement c = doc.RootElement.GetProperty("frechet")[0];
        ComplexTensor a = ReferenceData.ReadComplex(c.GetProperty("a")), e = ReferenceData.ReadComplex(c.GetProperty("e"));
        Complex[] scipy = ReferenceData.ReadComplex(c.GetProperty("frechet")).Data;
        Complex[] l = ToComplex(Frechet(FromComplex(a.Data), FromComplex(e.Data), 2));
        Assert.True(ExpmTestMatrices.RelativeError(scipy, l, 2) <= 1e-14);
    }

    [Fact]
    public void ConditionOfANormalMatrixIsItsNorm()
    {
        // For normal A, ‖L(A)‖_F = max over eigenvalue pairs of |f[λ_i, λ_j]| = e^(max Re λ) (Higham, Functions of
        // Matrices, Cor. 3.16), so κ_exp(A) = ‖A‖_F·e^(max Re λ)/‖e^A‖_F. For A = diag(2, −1, 0.5): κ = ‖A‖_F·e²/‖e^A‖_F.
        var a = Matrix(2, 0, 0, 0, -1, 0, 0, 0, 0.5);
        CDD[] x = Exp(a, 3);
        double expected = Math.Sqrt(4 + 1 + 0.25) * Math.Exp(2) / Math.Sqrt(Math.Exp(4) + Math.Exp(-2) + Math.Exp(1));
        double kappa = Condition(a, 3, x, iterations: 8);
        Assert.True(Math.Abs(kappa - expected) <= 1e-3 * expected, $"{kappa} vs {expected}");
    }
}

/// <summary>
/// The reference against itself on every hard matrix of <see cref="ExpmHardMatrices"/>: four more squarings (a
/// 16 times smaller scaled matrix) must give the same e^A to 1e-16 relative (four orders below the 1e-12 the
/// double code is held to; most cases agree to 1e-25). The error the squarings let grow differs between the two,
/// so a reference that had lost its margin over the 1e-12 checks would show it here.
/// </summary>
public class ReferenceExpmSelfConsistencyTests
{
    public static IEnumerable<object[]> Names() => ExpmHardMatrices.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void MoreSquaringsGiveTheSameResult(string name)
    {
        HardMatrix c = ExpmHardMatrices.Get(name);
        CDD[] a = FromComplex(c.A);
        CDD[] x = Exp(a, c.N), y = Exp(a, c.N, out _, extraSquarings: 4);
        double difference = ReferenceExpmTests.RelativeError(y, x, c.N);
        Assert.True(difference <= 1e-16, $"{name}: {difference:E2}");
    }
}
