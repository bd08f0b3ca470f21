using System;
using System.Linq;
using System.Numerics;
using Diff.Kernels;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.LogmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

public class SchurTests
{
    /// <summary>Decomposes A and checks Q unitary, T upper triangular and Q·T·Qᴴ = A, all to a small multiple of n·u.</summary>
    private static (Complex[] T, Complex[] Q) CheckDecomposition(Complex[] a, int n, bool throughRealSchur = false)
    {
        var t = new Complex[n * n];
        var q = new Complex[n * n];
        if (throughRealSchur)
            Schur.DecomposeReal(a, n, t, q);
        else
            Schur.Decompose(a, n, t, q);

        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.Equal(Complex.Zero, t[i * n + j]);

        double orthogonality = Frobenius(Add(Multiply(ConjugateTranspose(q, n), q, n), Identity(n), -1));
        Assert.True(orthogonality <= 20 * n * Unit, $"‖QᴴQ − I‖_F = {orthogonality:G3} for n = {n}");

        double residual = Frobenius(Add(Multiply(Multiply(q, t, n), ConjugateTranspose(q, n), n), a, -1));
        double bound = 20 * n * Unit * Math.Max(Frobenius(a), double.Epsilon);
        Assert.True(residual <= bound, $"‖QTQᴴ − A‖_F = {residual:G3} > {bound:G3} for n = {n}");
        return (t, q);
    }

    private static Complex[] Diagonal(Complex[] t, int n) => Enumerable.Range(0, n).Select(i => t[i * n + i]).ToArray();

    /// <summary>Each expected eigenvalue is matched by a distinct diagonal entry of T within <paramref name="tolerance"/>.</summary>
    private static void AssertEigenvalues(Complex[] expected, Complex[] t, int n, double tolerance)
    {
        var remaining = Diagonal(t, n).ToList();
        foreach (Complex lambda in expected)
        {
            Complex nearest = remaining.OrderBy(z => Complex.Abs(z - lambda)).First();
            Assert.True(Complex.Abs(nearest - lambda) <= tolerance, $"eigenvalue {lambda} not found; nearest {nearest}");
            remaining.Remove(nearest);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RandomMatricesDecompose(bool complex)
    {
        foreach (int n in Sizes)
        {
            Complex[] a = Gaussian(n, complex, seed: 100 + n);
            var (t, _) = CheckDecomposition(a, n);
            // The trace is the sum of the eigenvalues.
            Complex trace = Enumerable.Range(0, n).Aggregate(Complex.Zero, (s, i) => s + a[i * n + i]);
            Complex sum = Diagonal(t, n).Aggregate(Complex.Zero, (s, z) => s + z);
            Assert.True(Complex.Abs(trace - sum) <= 100 * n * Unit * Frobenius(a), $"trace {trace} vs Σλ {sum}");
        }
    }

    [Fact]
    public void RealMatricesThroughTheRealSchurForm()
    {
        foreach (int n in Sizes)
        {
            Complex[] a = Gaussian(n, complex: false, seed: 150 + n);
            var (t, _) = CheckDecomposition(a, n, throughRealSchur: true);
            Complex trace = Enumerable.Range(0, n).Aggregate(Complex.Zero, (s, i) => s + a[i * n + i]);
            Complex sum = Diagonal(t, n).Aggregate(Complex.Zero, (s, z) => s + z);
            Assert.True(Complex.Abs(trace - sum) <= 100 * n * Unit * Frobenius(a), $"trace {trace} vs Σλ {sum}");
            // Same eigenvalues as the complex iteration finds.
            var (complexT, _) = CheckDecomposition(a, n);
            AssertEigenvalues(Diagonal(complexT, n), t, n, 1e-8);
            // Non-real eigenvalues come in conjugate pairs; the real ones are exactly real.
            foreach (Complex lambda in Diagonal(t, n))
            {
                if (lambda.Imaginary != 0)
                    Assert.Contains(Diagonal(t, n), mu => Complex.Abs(mu - Complex.Conjugate(lambda)) <= 1e-8 * Complex.Abs(lambda));
            }
        }
    }

    [Fact]
    public void RealSchurKeepsRealNegativeEigenvaluesExactlyReal()
    {
        // A real similarity of diag(−2, −1, 3) ⊕ (a rotation block with eigenvalues 0.5·e^{±2i}):
        // complex shifts are needed for the pair, yet −2 and −1 must come out with Im = 0 exactly.
        int n = 5;
        var blocks = new Complex[n * n];
        blocks[0] = -2;
        blocks[6] = -1;
        blocks[12] = 3;
        double c = 0.5 * Math.Cos(2.0), s = 0.5 * Math.Sin(2.0);
        blocks[18] = c;
        blocks[19] = -s;
        blocks[23] = s;
        blocks[24] = c;
        Complex[] similarity = NearIdentity(n, complex: false, seed: 160);
        Complex[] a = Multiply(Multiply(similarity, blocks, n), Inverse(similarity, n), n);
        var (t, _) = CheckDecomposition(a, n, throughRealSchur: true);
        Complex[] expected = { -2, -1, 3, Complex.FromPolarCoordinates(0.5, 2.0), Complex.FromPolarCoordinates(0.5, -2.0) };
        AssertEigenvalues(expected, t, n, 1e-13);
        int exactlyReal = Diagonal(t, n).Count(z => z.Imaginary == 0);
        Assert.Equal(3, exactlyReal);
    }

    [Fact]
    public void RealSchurOnAwkwardRealMatrices()
    {
        // Cyclic shift (roots of unity, real ones ±1), the zero matrix, a real diagonal and 1×1.
        int n = 6;
        var cyclic = new Complex[n * n];
        for (int i = 0; i < n; i++)
            cyclic[i * n + (i + n - 1) % n] = 1;
        var (t, _) = CheckDecomposition(cyclic, n, throughRealSchur: true);
        AssertEigenvalues(Enumerable.Range(0, n).Select(k => Complex.FromPolarCoordinates(1, 2 * Math.PI * k / n)).ToArray(), t, n, 1e-13);
        CheckDecomposition(new Complex[9], 3, throughRealSchur: true);
        CheckDecomposition(new Complex[] { 4, 0, 0, 0, -1, 0, 0, 0, 2 }, 3, throughRealSchur: true);
        CheckDecomposition(new Complex[] { -7 }, 1, throughRealSchur: true);
    }

    [Fact]
    public void OneByOneIsItself()
    {
        var (t, q) = CheckDecomposition(new[] { new Complex(-3, 2) }, 1);
        Assert.Equal(new Complex(-3, 2), t[0]);
        Assert.Equal(Complex.One, q[0]);
    }

    [Fact]
    public void ZeroMatrixGivesZeroT()
    {
        var (t, _) = CheckDecomposition(new Complex[16], 4);
        Assert.All(t, z => Assert.Equal(Complex.Zero, z));
    }

    [Fact]
    public void DiagonalAndTriangularInputsKeepTheirEigenvalues()
    {
        int n = 5;
        var diagonal = new Complex[n * n];
        var triangular = new Complex[n * n];
        var random = new Random(7);
        for (int i = 0; i < n; i++)
        {
            diagonal[i * n + i] = new Complex(i - 2, 0.5 * i);
            for (int j = i; j < n; j++)
                triangular[i * n + j] = j == i ? new Complex(i + 1, -i) : new Complex(Normal(random), Normal(random));
        }
        var (td, _) = CheckDecomposition(diagonal, n);
        AssertEigenvalues(Diagonal(diagonal, n), td, n, 1e-15);
        var (tt, _) = CheckDecomposition(triangular, n);
        AssertEigenvalues(Diagonal(triangular, n), tt, n, 1e-13);
    }

    [Fact]
    public void RealMatrixWithComplexPairs()
    {
        // Block diagonal of rotations scaled by r, then a random similarity: eigenvalues r·e^{±iθ}.
        int n = 6;
        var blocks = new Complex[n * n];
        var expected = new Complex[n];
        double[] angles = { 0.3, 2.0, 3.0 };
        double[] radii = { 1.0, 0.5, 2.0 };
        for (int b = 0; b < 3; b++)
        {
            int k = 2 * b;
            double c = radii[b] * Math.Cos(angles[b]), s = radii[b] * Math.Sin(angles[b]);
            blocks[k * n + k] = c;
            blocks[k * n + k + 1] = -s;
            blocks[(k + 1) * n + k] = s;
            blocks[(k + 1) * n + k + 1] = c;
            expected[k] = Complex.FromPolarCoordinates(radii[b], angles[b]);
            expected[k + 1] = Complex.Conjugate(expected[k]);
        }
        Complex[] similarity = NearIdentity(n, complex: false, seed: 11);
        Complex[] a = Multiply(Multiply(similarity, blocks, n), Inverse(similarity, n), n);
        var (t, _) = CheckDecomposition(a, n);
        AssertEigenvalues(expected, t, n, 1e-12);
    }

    [Fact]
    public void RepeatedEigenvalues()
    {
        // 2·I + a nilpotent Jordan part, hidden by a similarity: a defective eigenvalue 2 of multiplicity 4.
        int n = 4;
        var jordan = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            jordan[i * n + i] = 2;
            if (i + 1 < n)
                jordan[i * n + i + 1] = 1;
        }
        Complex[] similarity = NearIdentity(n, complex: true, seed: 12);
        Complex[] a = Multiply(Multiply(similarity, jordan, n), Inverse(similarity, n), n);
        var (t, _) = CheckDecomposition(a, n);
        // A defective eigenvalue of multiplicity 4 is only determined to about u^{1/4}.
        AssertEigenvalues(Enumerable.Repeat(new Complex(2, 0), n).ToArray(), t, n, 1e-3);

        // The identity and a multiple of it: already triangular, nothing to do.
        var (ti, qi) = CheckDecomposition(Scale(Identity(n), 3), n);
        Assert.Equal(Scale(Identity(n), 3), ti);
        Assert.Equal(Identity(n), qi);
    }

    [Fact]
    public void CyclicPermutationNeedsShiftsThatBreakSymmetry()
    {
        // The cyclic shift: unreduced Hessenberg and unitary, eigenvalues the n-th roots of unity.
        // Unshifted QR makes no progress on it and the Wilkinson shift is ambiguous at first.
        int n = 8;
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + (i + n - 1) % n] = 1;
        var (t, _) = CheckDecomposition(a, n);
        Complex[] roots = Enumerable.Range(0, n).Select(k => Complex.FromPolarCoordinates(1, 2 * Math.PI * k / n)).ToArray();
        AssertEigenvalues(roots, t, n, 1e-13);
    }

    [Fact]
    public void CompanionMatrixHasThePolynomialRoots()
    {
        // Companion matrix of (x − 1)(x − 2)(x − 3)(x + 4)(x − i) in Frobenius form.
        Complex[] roots = { 1, 2, 3, -4, Complex.ImaginaryOne };
        int n = roots.Length;
        Complex[] coefficients = { 1 }; // monic, highest degree first
        foreach (Complex r in roots)
        {
            var next = new Complex[coefficients.Length + 1];
            for (int k = 0; k < coefficients.Length; k++)
            {
                next[k] += coefficients[k];
                next[k + 1] -= r * coefficients[k];
            }
            coefficients = next;
        }
        var a = new Complex[n * n];
        for (int j = 0; j < n; j++)
            a[j] = -coefficients[j + 1];
        for (int i = 1; i < n; i++)
            a[i * n + i - 1] = 1;
        var (t, _) = CheckDecomposition(a, n);
        AssertEigenvalues(roots, t, n, 1e-11);
    }
}
