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
/// The double-double reference logarithm (<see cref="ReferenceLogm"/>) and its scalar building blocks against
/// closed forms, against scipy's values in expm.json, and against e^(log A) = A (with the independent
/// <see cref="ReferenceExpm"/>), at the 1e-28 level where the closed form is itself double-double.
/// </summary>
public class ReferenceLogmTests
{
    private static double RelativeError(CDD[] x, CDD[] y, int n) => ReferenceExpmTests.RelativeError(x, y, n);

    private static CDD[] Matrix(params CDD[] values) => values;

    private static CDD[] Diagonal(CDD[] d)
    {
        int n = d.Length;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            a[i * n + i] = d[i];
        return a;
    }

    private static double Distance(CDD x, CDD y) => (x - y).Magnitude;

    [Fact]
    public void ScalarLogarithms()
    {
        Assert.True(Math.Abs((DD.Log(2) - DD.Ln2).ToDouble()) <= 1e-31);
        Assert.True(Math.Abs(DD.Log(1).ToDouble()) <= 1e-32);
        foreach (double x in new[] { -30.0, -1e-5, 0.3, 7.0, 60.0 })
            Assert.True(Math.Abs((DD.Log(DD.Exp(x)) - x).ToDouble()) <= 1e-31 * Math.Max(1, Math.Abs(x)), $"{x}");
        DD pi = DD.Pi;
        // log(−1) = iπ, also from a −0 imaginary part; log i = iπ/2; log(1 + i) = ln 2/2 + iπ/4; log(−3i) = ln 3 − iπ/2.
        Assert.True(Distance(CDD.Log(-1.0), new CDD(0, pi)) <= 1e-31);
        Assert.True(Distance(CDD.Log(new CDD(-1, new DD(-0.0))), new CDD(0, pi)) <= 1e-31);
        Assert.True(Distance(CDD.Log(new CDD(0, 1)), new CDD(0, pi * 0.5)) <= 1e-31);
        Assert.True(Distance(CDD.Log(new CDD(1, 1)), new CDD(DD.Ln2 * 0.5, pi / 4.0)) <= 1e-31);
        Assert.True(Distance(CDD.Log(new CDD(0, -3)), new CDD(DD.Log(3), -pi * 0.5)) <= 1e-31);
        // e^(log z) = z for z near the cut on either side.
        foreach (Complex z in new[] { new Complex(-1, 1e-6), new Complex(-1, -1e-6), new Complex(3, -4), new Complex(-1e4, 1) })
        {
            CDD w = CDD.Log(z);
            Assert.True(Distance(CDD.Exp(w), z) <= 1e-30 * Complex.Abs(z), $"{z}");
            Assert.True(Math.Sign(w.Im.Hi) == Math.Sign(z.Imaginary), $"{z}");
        }
    }

    [Fact]
    public void ScalarSquareRoots()
    {
        Assert.True(Distance(CDD.Sqrt(-4.0), new CDD(0, 2)) <= 1e-31);
        Assert.True(Distance(CDD.Sqrt(new CDD(3, 4)), new CDD(2, 1)) <= 1e-31);
        Assert.True(Distance(CDD.Sqrt(new CDD(-3, -4)), new CDD(1, -2)) <= 1e-31);
        CDD z = new(DD.Parse("0.1"), DD.Parse("-7.3"));
        CDD r = CDD.Sqrt(z);
        Assert.True(Distance(r * r, z) <= 1e-30 && r.Re.Hi > 0);
    }

    /// <summary>log diag(λ) = diag(log λ), including complex λ and λ close to the negative real axis.</summary>
    [Fact]
    public void DiagonalGivesScalarLogarithms()
    {
        CDD[] lambda =
        [
            2.0, 1e-6, 1e6, 1e-12, new CDD(-1, 2), new CDD(0, 3), new CDD(0, -5),
            CDD.Exp(new CDD(0, 3)), CDD.Exp(new CDD(0, -3)), new CDD(-1, DD.Parse("1e-3")),
        ];
        int n = lambda.Length;
        CDD[] x = ReferenceLogm.Log(Diagonal(lambda), n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    Assert.True(x[i * n + j].IsZero, $"({i}, {j})");
                    continue;
                }
                CDD expected = CDD.Log(lambda[i]);
                Assert.True(Distance(x[i * n + i], expected) <= 1e-28 * Math.Max(1, expected.Magnitude), $"λ{i}: {Distance(x[i * n + i], expected):E2}");
            }
        }
    }

    public static IEnumerable<object[]> TriangularCases() =>
    [
        [1.0, 0.0, 1e8, 1.0 + 1e-6, 0.0],
        [2.0, 0.0, 1e4, 3.0, 0.0],
        [1e-4, 0.0, 1.0, 1e4, 0.0],
        [0.5, 2.0, 1e4, 1.0, -1.0],
        [-1.0, 1.0, 1e8, -1.0, 1.001],
        [3.0, 0.0, 1e8, 3.0, 0.0],
        [0.25, -1.0, -1e4, 0.25, -1.0],
    ];

    /// <summary>[[a, b], [0, c]]: log A = [[log a, b(log c − log a)/(c − a)], [0, log c]] (b/a when a = c).</summary>
    [Theory]
    [MemberData(nameof(TriangularCases))]
    public void TwoByTwoTriangularClosedForm(double aRe, double aIm, double b, double cRe, double cIm)
    {
        CDD a = new Complex(aRe, aIm), c = new Complex(cRe, cIm);
        CDD la = CDD.Log(a), lc = CDD.Log(c);
        CDD offDiagonal = aRe == cRe && aIm == cIm ? (CDD)b / a : (lc - la) / (c - a) * (DD)b;
        CDD[] expected = Matrix(la, offDiagonal, 0.0, lc);
        CDD[] x = ReferenceLogm.Log(Matrix(a, b, 0.0, c), 2, out ReferenceLogm.Statistics stats);
        // κ(A) ~ b²/|ac| up to 1e16 here; the closed form itself loses |log c − log a|/|c − a| digits for close a, c.
        double error = RelativeError(x, expected, 2);
        Assert.True(error <= 1e-24, $"{error:E2}");
        // The diagonal entries follow the scalar iteration exactly (the matrices stay upper triangular), but their
        // absolute rounding errors are multiplied by 2ᵏ, and k ~ log₂ b: an absolute 2ᵏ·1e-30.
        double diagonalTolerance = Math.ScaleB(1e-30, stats.SquareRoots);
        Assert.True(Distance(x[0], la) <= diagonalTolerance, $"log a: {Distance(x[0], la):E2}, k = {stats.SquareRoots}");
        Assert.True(Distance(x[3], lc) <= diagonalTolerance, $"log c: {Distance(x[3], lc):E2}, k = {stats.SquareRoots}");
        // The transpose (lower triangular) gives the transposed logarithm.
        CDD[] xt = ReferenceLogm.Log(Matrix(a, 0.0, b, c), 2);
        Assert.True(RelativeError(xt, Matrix(la, 0.0, offDiagonal, lc), 2) <= 1e-24, $"transpose: {RelativeError(xt, Matrix(la, 0.0, offDiagonal, lc), 2):E2}");
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("3.1405926535897932384626433832795")] // π − 1e-3
    [InlineData("3.1415916535897932384626433832795")] // π − 1e-6
    public void RotationGivesSkewGenerator(string angle)
    {
        DD t = DD.Parse(angle);
        (DD cos, DD sin) = DD.CosSin(t);
        CDD[] x = ReferenceLogm.Log(Matrix(cos, -sin, sin, cos), 2);
        CDD[] expected = Matrix(0.0, -t, t, 0.0);
        // The rotation's entries carry ~1e-32 from CosSin; the condition of log at e^(±it) is t/sin t.
        double tolerance = 1e-29 * Math.Max(1, t.ToDouble() / sin.ToDouble());
        Assert.True(RelativeError(x, expected, 2) <= tolerance, $"{RelativeError(x, expected, 2):E2}");
    }

    /// <summary>e^(log A) = A with the independent reference exponential.</summary>
    [Theory]
    [InlineData(4, false, 1.0, 1.5)]
    [InlineData(8, false, 3.0, 4.0)]
    [InlineData(6, true, 1.0, 0.0)]
    [InlineData(5, true, 1e8, 0.0)]
    [InlineData(5, false, 1e-8, 1e-7)]
    [InlineData(12, true, 2.0, 3.0)]
    public void ExpOfLogIsTheMatrix(int n, bool complex, double scale, double shift)
    {
        CDD[] a = complex ? FromComplex(ExpmTestMatrices.RandomComplex(n, 1100 + n, scale).Data) : FromReal(ExpmTestMatrices.RandomReal(n, 1100 + n, scale).Data);
        for (int i = 0; i < n; i++)
            a[i * n + i] += (CDD)shift;
        CDD[] x = ReferenceLogm.Log(a, n, out ReferenceLogm.Statistics stats);
        double residual = RelativeError(Exp(x, n), a, n);
        Assert.True(residual <= 1e-28, $"{residual:E2} (k = {stats.SquareRoots})");
    }

    [Fact]
    public void ExpOfLogIsTheMatrixForAHighlyNonNormalMatrix()
    {
        // Upper triangular, diagonal 1…8, couplings 10/(j − i), and a full 1e4 coupling of two close eigenvalues.
        int n = 8;
        var a = new CDD[n * n];
        Array.Fill(a, CDD.Zero);
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                a[i * n + j] = i == j ? i + 1.0 : 10.0 / (j - i);
        CDD[] x = ReferenceLogm.Log(a, n);
        double residual = RelativeError(Exp(x, n), a, n);
        Assert.True(residual <= 1e-27, $"{residual:E2}");
        CDD[] b = Matrix(2.0, 1e4, 0.0, 2.0 + 1e-8);
        CDD[] xb = ReferenceLogm.Log(b, 2);
        residual = RelativeError(Exp(xb, 2), b, 2);
        Assert.True(residual <= 1e-27, $"{residual:E2}");
    }

    [Fact]
    public void ExtraSquareRootsGiveTheSameResult()
    {
        int n = 6;
        CDD[] a = FromComplex(ExpmTestMatrices.RandomComplex(n, 1200, 5).Data);
        CDD[] x = ReferenceLogm.Log(a, n, out var s0), y = ReferenceLogm.Log(a, n, out var s1, extraSquareRoots: 5);
        Assert.Equal(s0.SquareRoots + 5, s1.SquareRoots);
        Assert.True(RelativeError(y, x, n) <= 1e-27, $"{RelativeError(y, x, n):E2}");
    }

    public static IEnumerable<object[]> ScipyNames() => ReferenceData.CaseNames("logm");

    /// <summary>
    /// scipy's logm agrees to 1e-14 where the reference applies; an input with an eigenvalue on the negative real
    /// axis (scipy's "real with a negative eigenvalue") is refused by the reference and checked against the
    /// closed form of its 2×2 triangular structure or eigen-decomposition elsewhere (<see cref="LogmHardMatricesTests"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(ScipyNames))]
    public void AgreesWithScipy(string name)
    {
        JsonElement c = ReferenceData.Case("logm", name);
        ComplexTensor a = ReferenceData.ReadComplex(c.GetProperty("a"));
        Complex[] scipy = ReferenceData.ReadComplex(c.GetProperty("logm")).Data;
        int n = a.ShapeRef[0];
        if (name.Contains("negative"))
        {
            Assert.Throws<InvalidOperationException>(() => ReferenceLogm.Log(FromComplex(a.Data), n));
            return;
        }
        Complex[] x = ToComplex(ReferenceLogm.Log(FromComplex(a.Data), n));
        double error = ExpmTestMatrices.RelativeError(scipy, x, n);
        Assert.True(error <= 1e-14, $"{name}: {error:E2}");
    }

    [Fact]
    public void EigenvaluesOnTheNegativeRealAxisAreRefused()
    {
        CDD[][] cases =
        [
            Diagonal([2.0, -1.0]),
            Matrix(-1.0, 0.0, 0.0, -1.0),
            Matrix(-2.0, 1.0, 0.0, 3.0),
            Matrix(0.0, 1.0, 2.0, 0.0), // ±√2
        ];
        for (int i = 0; i < cases.Length; i++)
        {
            int k = i;
            Exception? error = Record.Exception(() => ReferenceLogm.Log(cases[k], 2));
            Assert.True(error is InvalidOperationException, $"case {i}: {error?.GetType().Name ?? "no exception"}");
        }
    }

    /// <summary>For A = diag(λ): L(A, E)_ij = E_ij·(log λ_i − log λ_j)/(λ_i − λ_j) (E_ij/λ_i when λ_i = λ_j).</summary>
    [Fact]
    public void FrechetOfDiagonalIsDividedDifferences()
    {
        CDD[] lambda = [0.5, 0.5, 4.0, new CDD(-2, 1), new CDD(1e-3, -1)];
        int n = lambda.Length;
        CDD[] e = FromComplex(ExpmTestMatrices.RandomComplex(n, 5, 1).Data);
        CDD[] l = ReferenceLogm.Frechet(Diagonal(lambda), e, n);
        var expected = new CDD[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                CDD li = lambda[i], lj = lambda[j];
                CDD f = (li - lj).IsZero ? CDD.One / li : (CDD.Log(li) - CDD.Log(lj)) / (li - lj);
                expected[i * n + j] = e[i * n + j] * f;
            }
        }
        Assert.True(RelativeError(l, expected, n) <= 1e-28, $"{RelativeError(l, expected, n):E2}");
    }

    [Fact]
    public void FrechetInCommutingDirections()
    {
        // log((1 + t)A) = log(1 + t)·I + log A gives L(A, A) = I; L(A, I) = A⁻¹.
        int n = 5;
        CDD[] a = FromComplex(ExpmTestMatrices.RandomComplex(n, 9, 2).Data);
        for (int i = 0; i < n; i++)
            a[i * n + i] += (CDD)2.0;
        double e1 = RelativeError(ReferenceLogm.Frechet(a, a, n), Identity(n), n);
        double e2 = RelativeError(ReferenceLogm.Frechet(a, Identity(n), n), ReferenceLogm.Inverse(a, n, out _), n);
        Assert.True(e1 <= 1e-28 && e2 <= 1e-28, $"L(A, A): {e1:E2}, L(A, I): {e2:E2}");
    }

    [Fact]
    public void FrechetMatchesACentralDifferenceInDoubleDouble()
    {
        // (log(A + hE) − log(A − hE))/(2h) = L(A, E) + O(h²); with h = 1e-9 the truncation is ~1e-18 relative.
        int n = 4;
        CDD[] a = FromReal(ExpmTestMatrices.RandomReal(n, 21, 3).Data);
        for (int i = 0; i < n; i++)
            a[i * n + i] += (CDD)4.0;
        CDD[] e = FromReal(ExpmTestMatrices.RandomReal(n, 22, 1).Data);
        DD h = 1e-9;
        CDD[] plus = ReferenceLogm.Log(a.Zip(e, (x, y) => x + y * h).ToArray(), n);
        CDD[] minus = ReferenceLogm.Log(a.Zip(e, (x, y) => x - y * h).ToArray(), n);
        CDD[] difference = plus.Zip(minus, (x, y) => (x - y) / (h * 2.0)).ToArray();
        double error = RelativeError(difference, ReferenceLogm.Frechet(a, e, n), n);
        Assert.True(error <= 1e-15, $"{error:E2}");
    }

    [Fact]
    public void ConditionOfANormalMatrix()
    {
        // For normal A, ‖L(A)‖_F = max over eigenvalue pairs of |log[λ_i, λ_j]| (Higham 2008, Cor. 3.16). For
        // A = diag(1, 2, 100) that is 1 (λ = 1), so κ_log = ‖A‖_F/‖log A‖_F.
        CDD[] a = Diagonal([1.0, 2.0, 100.0]);
        CDD[] x = ReferenceLogm.Log(a, 3);
        double expected = Math.Sqrt(1 + 4 + 1e4) / Math.Sqrt(Math.Pow(Math.Log(2), 2) + Math.Pow(Math.Log(100), 2));
        double kappa = ReferenceLogm.Condition(a, 3, x, iterations: 8);
        Assert.True(kappa <= expected * (1 + 1e-12) && kappa >= 0.99 * expected, $"{kappa} vs {expected}");
    }
}

/// <summary>
/// The reference against itself on every hard matrix of <see cref="LogmHardMatrices"/>: three more square roots
/// (an 8 times smaller series argument, different rounding in every root and in the series) must give the same
/// log A to 1e-16 relative, four orders below the 1e-12 the double code is held to.
/// </summary>
public class ReferenceLogmSelfConsistencyTests
{
    public static IEnumerable<object[]> Names() => LogmHardMatrices.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void MoreSquareRootsGiveTheSameResult(string name)
    {
        HardMatrix c = LogmHardMatrices.Get(name);
        CDD[] a = FromComplex(c.A);
        CDD[] x = ReferenceLogm.Log(a, c.N), y = ReferenceLogm.Log(a, c.N, out _, extraSquareRoots: 3);
        var d = new CDD[x.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] - y[i];
        double nx = OneNorm(x, c.N);
        double difference = nx == 0 ? OneNorm(d, c.N) : OneNorm(d, c.N) / nx;
        Assert.True(difference <= 1e-16, $"{name}: {difference:E2}");
    }
}
