using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Diff.Kernels;
using Diff.Runtime.Tests.Reference;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

public class ExpmTests
{
    private const double Tolerance = 1e-12;

    public static IEnumerable<object[]> ReferenceNames() => ReferenceData.CaseNames("expm");

    private static (ComplexTensor A, ComplexTensor Expected, Tensor? RealA) ReadCase(string name)
    {
        JsonElement c = ReferenceData.Case("expm", name);
        JsonElement a = c.GetProperty("a");
        return (ReferenceData.ReadComplex(a), ReferenceData.ReadComplex(c.GetProperty("expm")),
            ReferenceData.IsComplex(a) ? null : ReferenceData.ReadReal(a));
    }

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void MatchesReferenceComplexPath(string name)
    {
        (ComplexTensor a, ComplexTensor expected, _) = ReadCase(name);
        ComplexTensor actual = Ops.Expm(a);
        Assert.Equal(expected.ShapeRef, actual.ShapeRef);
        double error = RelativeError(actual.Data, expected.Data, a.ShapeRef[0]);
        Assert.True(error <= Tolerance, $"{name}: relative error {error:E2}");
    }

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void MatchesReferenceRealPath(string name)
    {
        (ComplexTensor a, ComplexTensor expected, Tensor? realA) = ReadCase(name);
        if (realA is null)
            return; // complex input: covered by the complex path
        Tensor actual = Ops.Expm(realA);
        double error = RelativeError(Array.ConvertAll(actual.Data, x => new Complex(x, 0)), expected.Data, a.ShapeRef[0]);
        Assert.True(error <= Tolerance, $"{name}: relative error {error:E2}");
    }

    public static IEnumerable<object[]> UpperTriangularCases() =>
    [
        // [[λ₁, t], [0, λ₂]]: e^A = [[e^λ₁, t·(e^λ₂ − e^λ₁)/(λ₂ − λ₁)], [0, e^λ₂]].
        [1.0, 1e8, -1.0],        // Al-Mohy & Higham 2009, eq. (1.3)-style: off-diagonal t·sinh(1)
        [1.0, 1e8, 1.0 + 1e-10], // nearly equal eigenvalues, huge coupling
        [1.0, 1e8, 1.0],         // equal eigenvalues: t·e
        [-1.0, 1e4, -2.0],
        [0.5, -3e10, 0.5 - 1e-6],
        [10.0, 1e12, -10.0],
        [-100.0, 1e6, -99.0],
    ];

    /// <summary>(e^λ₂ − e^λ₁)/(λ₂ − λ₁) in closed forms chosen per case (not the kernel's formula).</summary>
    private static double DividedDifference(double l1, double l2)
    {
        double d = l2 - l1;
        if (d == 0)
            return Math.Exp(l1);
        if (Math.Abs(d) < 1e-4)
            return Math.Exp(l1) * (1 + d / 2 + d * d / 6 + d * d * d / 24);
        return (Math.Exp(l2) - Math.Exp(l1)) / d;
    }

    [Theory]
    [MemberData(nameof(UpperTriangularCases))]
    public void TwoByTwoTriangularMatchesClosedForm(double l1, double t, double l2)
    {
        double[] expected = [Math.Exp(l1), t * DividedDifference(l1, l2), 0, Math.Exp(l2)];
        Tensor upper = Ops.Expm(RealMatrix(2, l1, t, 0, l2));
        Assert.True(RelativeError(upper.Data, expected, 2) <= Tolerance, $"upper: {string.Join(", ", upper.Data)}");
        Tensor lower = Ops.Expm(RealMatrix(2, l1, 0, t, l2));
        double[] expectedLower = [expected[0], 0, expected[1], expected[3]];
        Assert.True(RelativeError(lower.Data, expectedLower, 2) <= Tolerance, $"lower: {string.Join(", ", lower.Data)}");
        ComplexTensor complexUpper = Ops.Expm(ToComplex(RealMatrix(2, l1, t, 0, l2)));
        Assert.True(RelativeError(complexUpper.Data, Array.ConvertAll(expected, x => new Complex(x, 0)), 2) <= Tolerance);
    }

    [Fact]
    public void AlMohyHighamTriangularExampleKeepsEveryEntryAccurate()
    {
        // [[1, b], [0, −1]] with b = 1e8: the (1,2) entry is b·sinh(1) and each diagonal entry must be exact
        // to full relative precision, which plain squaring of r_m loses (Al-Mohy & Higham 2009, §2).
        double b = 1e8;
        Tensor x = Ops.Expm(RealMatrix(2, 1, b, 0, -1));
        Assert.Equal(Math.E, x.Data[0], 15);
        Assert.True(Math.Abs(x.Data[3] - Math.Exp(-1)) <= 2e-16 * Math.Exp(-1));
        Assert.True(Math.Abs(x.Data[1] - b * Math.Sinh(1)) <= 1e-15 * b * Math.Sinh(1) * 4);
        Assert.Equal(0.0, x.Data[2]);
    }

    [Fact]
    public void ThreeByThreeTriangularWithLargeCouplingKeepsItsDiagonal()
    {
        // Upper triangular with 1e6 couplings: the diagonal is e^λ exactly and the first superdiagonal is
        // t·(e^λ₂ − e^λ₁)/(λ₂ − λ₁); the corner follows from the 2×2 blocks by the Sylvester equation
        // λ-difference formula t₁₃·f[λ₁,λ₃] + t₁₂t₂₃·f[λ₁,λ₂,λ₃].
        double l1 = -1, l2 = -2, l3 = -3, t12 = 1e6, t23 = 1e6, t13 = 1e3;
        Tensor x = Ops.Expm(RealMatrix(3, l1, t12, t13, 0, l2, t23, 0, 0, l3));
        double f12 = DividedDifference(l1, l2), f23 = DividedDifference(l2, l3), f13 = DividedDifference(l1, l3);
        double f123 = (f23 - f12) / (l3 - l1);
        double[] expected = [Math.Exp(l1), t12 * f12, t13 * f13 + t12 * t23 * f123, 0, Math.Exp(l2), t23 * f23, 0, 0, Math.Exp(l3)];
        Assert.True(RelativeError(x.Data, expected, 3) <= 1e-11, string.Join(", ", x.Data));
        for (int i = 0; i < 3; i++)
            Assert.True(Math.Abs(x.Data[4 * i] - expected[4 * i]) <= 4e-16 * expected[4 * i]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    [InlineData(100.0)]
    [InlineData(1e3)]
    public void RotationGeneratorGivesRotation(double theta)
    {
        Tensor x = Ops.Expm(RealMatrix(2, 0, theta, -theta, 0));
        double[] expected = [Math.Cos(theta), Math.Sin(theta), -Math.Sin(theta), Math.Cos(theta)];
        Assert.True(RelativeError(x.Data, expected, 2) <= theta * 1e-15 + 1e-15, string.Join(", ", x.Data));
        ComplexTensor z = Ops.Expm(ComplexMatrix(2, 0, new Complex(0, theta), new Complex(0, theta), 0));
        // exp(iθ[[0,1],[1,0]]) = [[cos θ, i sin θ], [i sin θ, cos θ]]
        Complex[] expectedZ = [Math.Cos(theta), new Complex(0, Math.Sin(theta)), new Complex(0, Math.Sin(theta)), Math.Cos(theta)];
        Assert.True(RelativeError(z.Data, expectedZ, 2) <= theta * 1e-15 + 1e-15);
    }

    [Theory]
    [InlineData(40.0, -300.0)]
    [InlineData(300.0, 299.5)]
    [InlineData(-700.0, 5.0)]
    [InlineData(1e-300, -1e-300)]
    public void NormalMatrixWithKnownEigenvectors(double d1, double d2)
    {
        // A = H·diag(d₁, d₂)·H with H = [[1, 1], [1, −1]]/√2 (entries exact in binary):
        // e^A = [[(e₁ + e₂)/2, (e₁ − e₂)/2], [(e₁ − e₂)/2, (e₁ + e₂)/2]].
        double p = (d1 + d2) / 2, q = (d1 - d2) / 2;
        Tensor x = Ops.Expm(RealMatrix(2, p, q, q, p));
        double e1 = Math.Exp(d1), e2 = Math.Exp(d2);
        double[] expected = [(e1 + e2) / 2, (e1 - e2) / 2, (e1 - e2) / 2, (e1 + e2) / 2];
        Assert.True(RelativeError(x.Data, expected, 2) <= Tolerance + Math.Max(Math.Abs(d1), Math.Abs(d2)) * 2e-16,
            string.Join(", ", x.Data));
    }

    [Fact]
    public void FourByFourNormalMatrixWithHadamardEigenvectors()
    {
        // H₄/2 is symmetric and orthogonal with entries ±1/2, so A = (H₄/2)·D·(H₄/2) is exact in binary.
        double[] h = [1, 1, 1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, 1];
        double[] d = [25, -30, 3.5, 0.25];
        double[] a = new double[16], expected = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 4; k++)
                {
                    a[i * 4 + j] += h[i * 4 + k] * d[k] * h[k * 4 + j] / 4;
                    expected[i * 4 + j] += h[i * 4 + k] * Math.Exp(d[k]) * h[k * 4 + j] / 4;
                }
        Tensor x = Ops.Expm(RealMatrix(4, a));
        Assert.True(RelativeError(x.Data, expected, 4) <= Tolerance);
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e8)]
    public void BadlyScaledMatrix(double scale)
    {
        // A = D·B·D⁻¹ with D = diag(1, scale) and B = H·diag(1, −2)·H: e^A = D·e^B·D⁻¹.
        double p = -0.5, q = 1.5;
        Tensor x = Ops.Expm(RealMatrix(2, p, q / scale, q * scale, p));
        double e1 = Math.Exp(1), e2 = Math.Exp(-2);
        double[] expected = [(e1 + e2) / 2, (e1 - e2) / 2 / scale, (e1 - e2) / 2 * scale, (e1 + e2) / 2];
        Assert.True(RelativeError(x.Data, expected, 2) <= Tolerance, string.Join(", ", x.Data));
        // The small entry is accurate relative to itself too.
        Assert.True(Math.Abs(x.Data[1] - expected[1]) <= 1e-12 * expected[1]);
    }

    public static IEnumerable<object[]> Sizes() => new[] { 1, 2, 3, 5, 8, 13, 21, 34, 64 }.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ExpOfMinusAIsTheInverse(int n)
    {
        foreach (double scale in new[] { 0.01, 1, 8 })
        {
            ComplexTensor a = RandomComplex(n, 100 + n, scale);
            var minus = new ComplexTensor(Array.ConvertAll(a.Data, z => -z), [n, n]);
            Complex[] x = Ops.Expm(a).Data, y = Ops.Expm(minus).Data;
            Complex[] product = Multiply(x, y, n);
            for (int i = 0; i < n; i++)
                product[i * n + i] -= 1;
            double bound = 1e-13 * OneNorm(x, n) * OneNorm(y, n);
            Assert.True(OneNorm(product, n) <= bound, $"n={n}, scale={scale}: {OneNorm(product, n):E2} > {bound:E2}");

            Tensor r = RandomReal(n, 200 + n, scale);
            double[] xr = Ops.Expm(r).Data, yr = Ops.Expm(new Tensor(Array.ConvertAll(r.Data, v => -v), [n, n])).Data;
            Complex[] pr = Multiply(Array.ConvertAll(xr, v => new Complex(v, 0)), Array.ConvertAll(yr, v => new Complex(v, 0)), n);
            for (int i = 0; i < n; i++)
                pr[i * n + i] -= 1;
            Assert.True(OneNorm(pr, n) <= 1e-13 * OneNorm(xr, n) * OneNorm(yr, n), $"real n={n}, scale={scale}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DiagonalMatrixGivesElementwiseExp(int n)
    {
        var random = new Random(n);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + i] = new Complex(40 * random.NextDouble() - 20, 40 * random.NextDouble() - 20);
        Complex[] x = Ops.Expm(new ComplexTensor(a, [n, n])).Data;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Complex expected = i == j ? Complex.Exp(a[i * n + i]) : 0;
                Assert.True(Complex.Abs(x[i * n + j] - expected) <= 4e-16 * Complex.Abs(expected), $"[{i},{j}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ConjugateTransposeCommutesWithExp(int n)
    {
        ComplexTensor a = RandomComplex(n, 300 + n, 3);
        Complex[] x = Ops.Expm(a).Data;
        Complex[] y = Ops.Expm(new ComplexTensor(ConjugateTranspose(a.Data, n), [n, n])).Data;
        Assert.True(RelativeError(ConjugateTranspose(x, n), y, n) <= 1e-13);
    }

    [Fact]
    public void LargeRandomMatrixUsesTheEstimatorAndStaysConsistent()
    {
        // n > EstimatorThreshold: the unformed powers are estimated. e^A = (e^(A/2))² checks the result.
        int n = ExpmKernel.EstimatorThreshold + 2;
        ComplexTensor a = RandomComplex(n, 7, 2);
        var half = new ComplexTensor(Array.ConvertAll(a.Data, z => z / 2), [n, n]);
        Complex[] x = Ops.Expm(a).Data, h = Ops.Expm(half).Data;
        Assert.True(RelativeError(x, Multiply(h, h, n), n) <= 1e-11);
    }

    [Fact]
    public void EmptyMatrixGivesEmptyResult()
    {
        Tensor x = Ops.Expm(new Tensor([], [0, 0]));
        Assert.Equal(new[] { 0, 0 }, x.Shape);
        ComplexTensor z = Ops.Expm(new ComplexTensor([], [0, 0]));
        Assert.Equal(new[] { 0, 0 }, z.Shape);
    }

    [Fact]
    public void NonSquareIsRejectedWithItsShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Expm(new Tensor(new double[6], [2, 3])));
        Assert.Contains("square", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        var c = Assert.Throws<ArgumentException>(() => Ops.Expm(new ComplexTensor(new Complex[6], [3, 2])));
        Assert.Contains("[3, 2]", c.Message);
    }

    [Fact]
    public void WrongRankIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Expm(new Tensor(new double[8], [2, 2, 2])));
        Assert.Contains("rank 3", e.Message);
        var v = Assert.Throws<ArgumentException>(() => Ops.Expm(new Tensor(new double[4], [4])));
        Assert.Contains("rank 1", v.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteInputIsRejected(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Expm(RealMatrix(2, 1, 2, bad, 4)));
        Assert.Contains("NaN or infinity", e.Message);
        Assert.Contains("[1, 0]", e.Message);
        var c = Assert.Throws<ArgumentException>(() => Ops.Expm(ComplexMatrix(2, 1, new Complex(0, bad), 0, 4)));
        Assert.Contains("NaN or infinity", c.Message);
    }

    /// <summary>
    /// fahi19r3 of the matrices-expm collection (Fasi &amp; Higham 2019), 10⁴ times a rotation by π/12: e^A has entries
    /// of size e^9659, far beyond double precision. The squarings would leave ∞ − ∞ = NaN: that is an error naming the
    /// cause, on every path. A diagonal entry e^800 alone is the correctly rounded ∞ and stays.
    /// </summary>
    [Fact]
    public void OverflowIsAnErrorNotNaN()
    {
        double theta = Math.PI / 12;
        var a = new Tensor([1e4 * Math.Cos(theta), -1e4 * Math.Sin(theta), 1e4 * Math.Sin(theta), 1e4 * Math.Cos(theta)], [2, 2]);
        OverflowException real = Assert.Throws<OverflowException>(() => Ops.Expm(a));
        Assert.Contains("overflows double precision", real.Message);
        Assert.Throws<OverflowException>(() => Ops.Expm(ToComplex(a)));
        Assert.Throws<OverflowException>(() => Ops.ExpmFrechet(a, Tensor.Identity(2)));
        Assert.Throws<OverflowException>(() => Ops.ExpmAdjoint(a, Tensor.Identity(2)));

        Tensor big = Ops.Expm(new Tensor([800.0, 0, 0, 1], [2, 2]));
        Assert.Equal(double.PositiveInfinity, big[0, 0]);
        Assert.Equal(Math.E, big[1, 1], 15);
        Assert.Equal(0, big[0, 1]);
    }

    [Fact]
    public void PadeCoefficientsFollowTheirFormula()
    {
        // b_j/b_{j+1} = (j + 1)(2m − j)/(m − j) for b_j ∝ (2m − j)!/(j!(m − j)!).
        foreach (int m in ExpmPadeTables.Degrees)
        {
            ReadOnlySpan<double> b = ExpmPadeTables.Coefficients(m);
            Assert.Equal(m + 1, b.Length);
            Assert.Equal(1.0, b[m]);
            for (int j = 0; j < m; j++)
                Assert.Equal((double)(j + 1) * (2 * m - j) / (m - j), b[j] / b[j + 1], 12);
        }
        Assert.Equal(Math.Log2(1.0 / 100800), ExpmPadeTables.Log2LeadingErrorCoefficient(0), 10);
        Assert.Equal(Math.Log2(1.0 / 113250775606021113483283660800000000.0), ExpmPadeTables.Log2LeadingErrorCoefficient(4), 9);
    }
}
