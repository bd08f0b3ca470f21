using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text.Json;
using Diff.Runtime.Tests.Reference;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.LogmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

public class LogmTests
{
    public static IEnumerable<object[]> ReferenceCases()
    {
        using JsonDocument document = ReferenceData.Load("expm.json");
        foreach (JsonElement item in document.RootElement.GetProperty("logm").EnumerateArray())
            yield return new object[] { item.GetProperty("name").GetString()! };
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesReferenceValues(string name)
    {
        using JsonDocument document = ReferenceData.Load("expm.json");
        foreach (JsonElement item in document.RootElement.GetProperty("logm").EnumerateArray())
        {
            if (item.GetProperty("name").GetString() != name)
                continue;
            JsonElement a = item.GetProperty("a");
            ComplexTensor expected = ReferenceData.ReadComplex(item.GetProperty("logm"));
            ComplexTensor actual = ReferenceData.IsComplex(a) ? Ops.Logm(ReferenceData.ReadComplex(a)) : Ops.Logm(ReferenceData.ReadReal(a));
            int n = expected.Shape[0];
            Assert.Equal(expected.Shape, actual.Shape);
            double error = RelativeError(actual.Data, expected.Data, n);
            Assert.True(error <= 1e-12, $"{name}: relative 1-norm error {error:G3}");
            return;
        }
        Assert.Fail($"no reference case named {name}");
    }

    [Fact]
    public void SeedNotebookSingularMatrixIsRejected()
    {
        // scipy.linalg.logm(np.arange(9).reshape(3, 3)): rank 2, so log A does not exist.
        var a = new Tensor(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, new[] { 3, 3 });
        var error = Assert.Throws<ArgumentException>(() => Ops.Logm(a));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("smallest eigenvalue modulus", error.Message);
        Assert.Contains("n·u·‖A‖₁", error.Message);
        Assert.Equal("a", error.ParamName);
    }

    [Fact]
    public void ZeroAndRankDeficientMatricesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new double[4], new[] { 2, 2 })));
        Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new double[1], new[] { 1, 1 })));
        // Complex rank one: u·vᵀ.
        var uv = new Complex[9];
        Complex[] u = { 1, new Complex(0, 2), -1 }, v = { 3, 1, new Complex(1, 1) };
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                uv[i * 3 + j] = u[i] * v[j];
        var error = Assert.Throws<ArgumentException>(() => Ops.Logm(ToTensor(uv, 3)));
        Assert.Contains("singular", error.Message);
    }

    [Fact]
    public void BadShapesAndValuesAreRejectedWithTheReason()
    {
        var nonSquare = Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new double[6], new[] { 2, 3 })));
        Assert.Contains("[2, 3]", nonSquare.Message);
        var rank3 = Assert.Throws<ArgumentException>(() => Ops.Logm(new ComplexTensor(new Complex[8], new[] { 2, 2, 2 })));
        Assert.Contains("rank-3", rank3.Message);
        var vector = Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new double[3], new[] { 3 })));
        Assert.Contains("rank-1", vector.Message);
        var nan = Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new[] { 1, double.NaN, 0, 1 }, new[] { 2, 2 })));
        Assert.Contains("finite", nan.Message);
        var infinity = Assert.Throws<ArgumentException>(() =>
            Ops.Logm(new ComplexTensor(new[] { Complex.One, Complex.Zero, new Complex(0, double.PositiveInfinity), Complex.One }, new[] { 2, 2 })));
        Assert.Contains("finite", infinity.Message);
    }

    [Fact]
    public void EmptyMatrixHasEmptyLogarithm()
    {
        ComplexTensor x = Ops.Logm(new Tensor(Array.Empty<double>(), new[] { 0, 0 }));
        Assert.Equal(new[] { 0, 0 }, x.Shape);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExponentialOfLogarithmIsTheMatrix(bool complex)
    {
        foreach (int n in Sizes)
        {
            Complex[] a = NearIdentity(n, complex, seed: 200 + n);
            Complex[] x = Logm(a, n, complex);
            double error = RelativeError(Expm(x, n), a, n);
            // Observed ≤ 4.4·n·u (oracle included) for these seeds.
            Assert.True(error <= 10 * n * Unit, $"n = {n}: ‖e^X − A‖₁/‖A‖₁ = {error:G3}");
            // logm(A) is a polynomial in A, so it commutes with A.
            double commutator = OneNorm(Add(Multiply(x, a, n), Multiply(a, x, n), -1), n);
            Assert.True(commutator <= 50 * n * Unit * OneNorm(x, n) * OneNorm(a, n), $"n = {n}: ‖XA − AX‖₁ = {commutator:G3}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExponentialOfLogarithmForMatricesFarFromTheIdentity(bool complex)
    {
        // A = 2·G/√n + 4·I: eigenvalues in a disc of radius ~2 about 4, so several square roots are taken.
        foreach (int n in new[] { 3, 8, 21 })
        {
            Complex[] a = Add(Scale(Gaussian(n, complex, seed: 300 + n), 2 / Math.Sqrt(n)), Identity(n), 4);
            Complex[] x = Logm(a, n, complex);
            double error = RelativeError(Expm(x, n), a, n);
            // These are less well conditioned than the ones near I; observed ≤ 26·n·u.
            Assert.True(error <= 50 * n * Unit, $"n = {n}: ‖e^X − A‖₁/‖A‖₁ = {error:G3}");
        }
    }

    [Fact]
    public void RandomRealMatricesTakeTheUpperSideOfTheBranchCut()
    {
        // Gaussian real matrices have real negative eigenvalues; each must get log λ = ln|λ| + iπ,
        // so Im trace log A = π·(number of real negative eigenvalues): conjugate pairs cancel.
        int withNegative = 0;
        foreach (int n in Sizes)
        {
            Complex[] a = Gaussian(n, complex: false, seed: 3000 + n);
            var t = new Complex[n * n];
            var q = new Complex[n * n];
            Diff.Kernels.Schur.DecomposeReal(a, n, t, q);
            int negative = 0;
            for (int i = 0; i < n; i++)
                if (t[i * n + i].Imaginary == 0 && t[i * n + i].Real < 0)
                    negative++;
            withNegative += negative > 0 ? 1 : 0;

            Complex[] x = Logm(a, n, complex: false);
            Complex trace = 0;
            for (int i = 0; i < n; i++)
                trace += x[i * n + i];
            Assert.True(Math.Abs(trace.Imaginary - Math.PI * negative) <= 1e-10 * n, $"n = {n}: Im trace log A = {trace.Imaginary}, {negative} negative eigenvalues");
            // These are far less well conditioned than the matrices near I (‖log A‖₁ up to ~400).
            double error = RelativeError(Expm(x, n), a, n);
            Assert.True(error <= 1e-10, $"n = {n}: ‖e^X − A‖₁/‖A‖₁ = {error:G3}");
        }
        Assert.True(withNegative >= 3, "the seeds should give several matrices with negative eigenvalues");
    }

    [Theory]
    [InlineData(1e-7)]   // Padé degree 1
    [InlineData(1e-4)]   // degree 2
    [InlineData(1e-2)]   // degree 3
    [InlineData(3e-2)]   // degree 4
    [InlineData(6e-2)]   // degree 5
    [InlineData(1e-1)]   // degree 6
    public void NearTheIdentityMatchesTheMercatorSeriesToRelativeAccuracy(double epsilon)
    {
        // log(I + εB) = Σ_{k≥1} (−1)^{k+1}·(εB)^k/k; with ‖εB‖ ≤ ~0.25 sixty terms are exact in
        // double precision. The error is measured relative to ‖log A‖ ≈ ε, not ‖A‖ ≈ 1: the Schur
        // form is taken of A − I, the diagonal log(1 + δ) without rounding 1 + δ, the Padé step
        // works on T − I. (A Schur form of A itself would lose a factor 1/ε.)
        int n = 6;
        foreach (string kind in new[] { "complex", "real", "triangular" })
        {
            Complex[] a = Add(Identity(n), Gaussian(n, complex: kind != "real", seed: 77), epsilon / Math.Sqrt(n));
            if (kind == "triangular")
            {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < i; j++)
                        a[i * n + j] = 0;
            }
            // εB as stored: A − I is exact in floating point (Sterbenz), so the series is of the A we pass.
            Complex[] b = Add(a, Identity(n), -1);
            Complex[] series = new Complex[n * n];
            Complex[] power = Identity(n);
            for (int k = 1; k <= 60; k++)
            {
                power = Multiply(power, b, n);
                series = Add(series, power, (k % 2 == 1 ? 1.0 : -1.0) / k);
            }
            Complex[] x = Logm(a, n, complex: kind != "real");
            double error = RelativeError(x, series, n);
            // Observed ≤ 4.2·n·u.
            Assert.True(error <= 10 * n * Unit, $"ε = {epsilon}, {kind}: ‖X − series‖₁/‖X‖₁ = {error:G3}");
        }
    }

    [Theory]
    [InlineData(1e-150)]
    [InlineData(1e-10)]
    [InlineData(1e10)]
    [InlineData(1e150)]
    public void ScalingByAPositiveNumberAddsItsLogarithm(double c)
    {
        // log(c·A) = ln c·I + log A for c > 0: far from 1 in either direction nothing overflows,
        // underflows or is called singular.
        int n = 8;
        Complex[] a = NearIdentity(n, complex: true, seed: 2200);
        Complex[] expected = Add(Logm(a, n, complex: true), Identity(n), Math.Log(c));
        Complex[] x = Logm(Scale(a, c), n, complex: true);
        double error = RelativeError(x, expected, n);
        Assert.True(error <= 100 * n * Unit, $"c = {c}: relative error {error:G3}");
    }

    [Fact]
    public void RealMatrixWithoutNegativeEigenvaluesHasRealLogarithm()
    {
        int n = 13;
        Complex[] a = NearIdentity(n, complex: false, seed: 400);
        Complex[] x = Logm(a, n, complex: false);
        foreach (Complex z in x)
            Assert.True(Math.Abs(z.Imaginary) <= 1e-14, $"imaginary part {z.Imaginary:G3}");
    }

    [Fact]
    public void InverseHasTheNegatedLogarithm()
    {
        foreach (int n in new[] { 2, 5, 13, 34 })
        {
            Complex[] a = NearIdentity(n, complex: true, seed: 500 + n);
            Complex[] x = Logm(a, n, complex: true);
            Complex[] xInverse = Logm(Inverse(a, n), n, complex: true);
            double error = OneNorm(Add(xInverse, x, 1), n) / OneNorm(x, n);
            Assert.True(error <= 100 * n * Unit, $"n = {n}: ‖log A⁻¹ + log A‖₁/‖log A‖₁ = {error:G3}");
        }
    }

    [Fact]
    public void DiagonalMatrixTakesTheLogOfEachEntryWithTheBranchCutOnTop()
    {
        Complex[] diagonal = { 2, -3, new Complex(0, 1), new Complex(-1, -1e-300), new Complex(-4, -0.0), 1e-3 };
        int n = diagonal.Length;
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + i] = diagonal[i];
        Complex[] x = Logm(a, n, complex: true);
        Complex[] expected =
        {
            Math.Log(2), new Complex(Math.Log(3), Math.PI), new Complex(0, Math.PI / 2),
            new Complex(0, -Math.PI), new Complex(Math.Log(4), Math.PI), Math.Log(1e-3),
        };
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Complex want = i == j ? expected[i] : Complex.Zero;
                Assert.True(Complex.Abs(x[i * n + j] - want) <= 1e-15 * Math.Max(1, Complex.Abs(want)), $"({i},{j}): {x[i * n + j]} vs {want}");
            }
    }

    [Theory]
    [InlineData(2.0, 0.0, 3.0, 0.0)]            // far apart
    [InlineData(2.0, 0.0, 2.0, 0.0)]            // equal: t/a
    [InlineData(2.0, 0.0, 2.000000001, 0.0)]    // close: the atanh form avoids cancellation
    [InlineData(1.0, 1.0, 1.0, 1.0000001)]      // close complex
    [InlineData(0.0, 1.0, 0.0, -1.0)]           // i and −i, opposite: the plain quotient
    [InlineData(-1.0, 1e-3, -1.0, -1e-3)]       // straddling the branch cut, close in value
    [InlineData(-2.0, 0.0, 5.0, 0.0)]           // negative and positive
    public void TwoByTwoTriangularMatchesTheDividedDifference(double re1, double im1, double re2, double im2)
    {
        var a1 = new Complex(re1, im1);
        var a2 = new Complex(re2, im2);
        Complex t = new(3, -1);
        Complex[] x = Logm(new[] { a1, t, 0, a2 }, 2, complex: true);
        Complex log1 = PrincipalLog(a1), log2 = PrincipalLog(a2);
        Complex divided;
        if (a1 == a2)
        {
            divided = 1 / a1;
        }
        else if (Complex.Abs(a2 - a1) < 1e-3 * Complex.Abs(a1) && Math.Abs(log2.Imaginary - log1.Imaginary) < Math.PI)
        {
            // log a₂ − log a₁ = log(1 + δ/a₁), δ = a₂ − a₁, summed as a series: (1/a₁)·Σ (−δ/a₁)^k/(k+1).
            Complex r = (a2 - a1) / a1, sum = 0, power = 1;
            for (int k = 0; k < 30; k++, power *= -r)
                sum += power / (k + 1);
            divided = sum / a1;
        }
        else
        {
            divided = (log2 - log1) / (a2 - a1);
        }
        Assert.True(Complex.Abs(x[0] - log1) <= 1e-15 * Complex.Abs(log1) + 1e-300);
        Assert.True(Complex.Abs(x[3] - log2) <= 1e-15 * Complex.Abs(log2) + 1e-300);
        Assert.Equal(Complex.Zero, x[2]);
        Complex want = t * divided;
        Assert.True(Complex.Abs(x[1] - want) <= 1e-14 * Complex.Abs(want), $"(1,2): {x[1]} vs {want}");
    }

    [Fact]
    public void JordanBlockHasTheSeriesLogarithm()
    {
        // log(λ(I + N/λ)) = log λ·I + Σ_{k=1}^{n−1} (−1)^{k+1}·(N/λ)^k/k for nilpotent N.
        int n = 6;
        Complex lambda = new(0.5, 2);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = lambda;
            if (i + 1 < n)
                a[i * n + i + 1] = 1;
        }
        Complex[] x = Logm(a, n, complex: true);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int k = j - i;
                Complex want = k < 0 ? 0 : k == 0 ? Complex.Log(lambda) : (k % 2 == 1 ? 1 : -1) / (k * Complex.Pow(lambda, k));
                Assert.True(Complex.Abs(x[i * n + j] - want) <= 1e-14 * Math.Max(1, Complex.Abs(want)), $"({i},{j}): {x[i * n + j]} vs {want}");
            }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(-2.5)]
    [InlineData(3.1)]
    public void RotationHasItsGeneratorAsLogarithm(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        Complex[] x = Logm(new Complex[] { c, -s, s, c }, 2, complex: false);
        Complex[] generator = { 0, -angle, angle, 0 };
        Assert.True(RelativeError(x, generator, 2) <= 1e-14, $"{x[0]} {x[1]} {x[2]} {x[3]}");
    }

    [Fact]
    public void ThreeDimensionalRotationHasItsSkewGeneratorAsLogarithm()
    {
        // Rodrigues: R = I + sin θ·K + (1 − cos θ)·K² for the unit axis's cross-product matrix K.
        double[] axis = { 1, -2, 2 };
        double length = 3, theta = 2.2;
        double kx = axis[0] / length, ky = axis[1] / length, kz = axis[2] / length;
        Complex[] k = { 0, -kz, ky, kz, 0, -kx, -ky, kx, 0 };
        Complex[] r = Add(Add(Identity(3), k, Math.Sin(theta)), Multiply(k, k, 3), 1 - Math.Cos(theta));
        Complex[] x = Logm(r, 3, complex: false);
        Assert.True(RelativeError(x, Scale(k, theta), 3) <= 1e-14);
    }

    [Fact]
    public void RealMatrixWithANegativeEigenvalueHasAComplexLogarithm()
    {
        // S·diag(−2, 3, 0.5)·S⁻¹: trace log A = log 2 + iπ + log 3 + log 0.5, and e^{log A} = A.
        int n = 3;
        Complex[] similarity = NearIdentity(n, complex: false, seed: 600);
        var diagonal = new Complex[n * n];
        diagonal[0] = -2;
        diagonal[4] = 3;
        diagonal[8] = 0.5;
        Complex[] a = Multiply(Multiply(similarity, diagonal, n), Inverse(similarity, n), n);
        Complex[] x = Logm(a, n, complex: false);
        Complex trace = x[0] + x[4] + x[8];
        Complex want = new(Math.Log(2) + Math.Log(3) + Math.Log(0.5), Math.PI);
        Assert.True(Complex.Abs(trace - want) <= 1e-13, $"trace {trace} vs {want}");
        Assert.True(RelativeError(Expm(x, n), a, n) <= 1e-13);
    }

    [Fact]
    public void LargeNonNormalTriangularMatrix()
    {
        // Al-Mohy & Higham (2012), Experiment 1: upper triangular, diagonal near 0.3, entries 3·10⁴
        // above. Checked against the exact logarithm of its 2×2 leading block and, for the whole
        // matrix, by log A commuting with A.
        Complex[] a =
        {
            0.32346, 3e4, 3e4, 3e4,
            0, 0.30089, 3e4, 3e4,
            0, 0, 0.3221, 3e4,
            0, 0, 0, 0.30744,
        };
        Complex[] x = Logm(a, 4, complex: false);
        Complex leading = 3e4 * (Math.Log(0.30089) - Math.Log(0.32346)) / (0.30089 - 0.32346);
        Assert.True(Complex.Abs(x[1] - leading) <= 1e-13 * Complex.Abs(leading));
        double commutator = OneNorm(Add(Multiply(x, a, 4), Multiply(a, x, 4), -1), 4);
        Assert.True(commutator <= 1e-12 * OneNorm(x, 4) * OneNorm(a, 4), $"‖XA − AX‖₁ = {commutator:G3}");
    }

    private static Complex PrincipalLog(Complex z) =>
        z.Imaginary == 0 && z.Real < 0 ? new Complex(Math.Log(-z.Real), Math.PI) : Complex.Log(z);

    /// <summary>Ops.Logm on a real tensor when the matrix is real and <paramref name="complex"/> is false, else on a complex tensor.</summary>
    private static Complex[] Logm(Complex[] a, int n, bool complex) =>
        (complex ? Ops.Logm(ToTensor(a, n)) : Ops.Logm(ToRealTensor(a, n))).Data;
}
