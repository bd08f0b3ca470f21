using System;
using System.Numerics;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.LogmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

public class LogmFrechetTests
{
    private static readonly int[] FrechetSizes = { 1, 2, 3, 5, 8, 13, 21 };

    /// <summary>L(A, E) as the upper right block of log [[A, E], [0, A]] (Higham, Functions of Matrices, ch. 3).</summary>
    private static Complex[] BlockMethod(Complex[] a, Complex[] e, int n) =>
        UpperRightBlock(Ops.Logm(ToTensor(BlockUpper(a, e, n), 2 * n)).Data, n);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatchesTheBlockTriangularLogarithm(bool complex)
    {
        foreach (int n in FrechetSizes)
        {
            Complex[] a = NearIdentity(n, complex, seed: 700 + n);
            Complex[] e = Gaussian(n, complex, seed: 800 + n);
            Complex[] derivative = Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data;
            double error = RelativeError(derivative, BlockMethod(a, e, n), n);
            Assert.True(error <= 1e-11, $"n = {n}: relative difference from the block method {error:G3}");
        }
    }

    [Fact]
    public void MatchesTheBlockMethodFarFromTheIdentityAndWithANegativeEigenvalue()
    {
        // Several square roots are taken for the first; the second, a real similarity of diag(−2, 3, 0.5), has an eigenvalue on the branch cut.
        int n = 8;
        Complex[] a = Add(Scale(Gaussian(n, complex: true, seed: 900), 2 / Math.Sqrt(n)), Identity(n), 4);
        Complex[] e = Gaussian(n, complex: true, seed: 901);
        Assert.True(RelativeError(Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data, BlockMethod(a, e, n), n) <= 1e-11);

        int m = 3;
        Complex[] similarity = NearIdentity(m, complex: false, seed: 902);
        var diagonal = new Complex[m * m];
        diagonal[0] = -2;
        diagonal[4] = 3;
        diagonal[8] = 0.5;
        Complex[] b = Multiply(Multiply(similarity, diagonal, m), Inverse(similarity, m), m);
        Complex[] f = Gaussian(m, complex: false, seed: 903);
        Complex[] derivative = Ops.LogmFrechet(ToRealTensor(b, m), ToRealTensor(f, m)).Data;
        Assert.True(RelativeError(derivative, BlockMethod(b, f, m), m) <= 1e-11);
    }

    [Fact]
    public void MatchesTheBlockMethodForRandomRealMatricesWithNegativeEigenvalues()
    {
        // Unstructured real Gaussian matrices: several have real negative eigenvalues, where both
        // logarithms must take the same (upper) side of the branch cut for the blocks to agree.
        foreach (int n in new[] { 2, 3, 5, 8, 13 })
        {
            Complex[] a = Gaussian(n, complex: false, seed: 3000 + n);
            Complex[] e = Gaussian(n, complex: false, seed: 4000 + n);
            Complex[] derivative = Ops.LogmFrechet(ToRealTensor(a, n), ToRealTensor(e, n)).Data;
            double error = RelativeError(derivative, BlockMethod(a, e, n), n);
            Assert.True(error <= 1e-11, $"n = {n}: relative difference from the block method {error:G3}");
        }
    }

    [Theory]
    [InlineData(1e-100)]
    [InlineData(1e100)]
    public void ScalingTheMatrixScalesTheDerivativeInversely(double c)
    {
        // log(c·A + ε·E) = ln c·I + log(A + ε·E/c), so L(c·A, E) = L(A, E)/c.
        int n = 6;
        Complex[] a = NearIdentity(n, complex: true, seed: 2300);
        Complex[] e = Gaussian(n, complex: true, seed: 2301);
        Complex[] expected = Scale(Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data, 1 / c);
        Complex[] derivative = Ops.LogmFrechet(ToTensor(Scale(a, c), n), ToTensor(e, n)).Data;
        double error = RelativeError(derivative, expected, n);
        Assert.True(error <= 1e-13, $"c = {c}: relative error {error:G3}");
    }

    [Fact]
    public void DiagonalMatrixUsesDividedDifferences()
    {
        // For diagonal A, L(A, E)_ij = E_ij·(log λ_i − log λ_j)/(λ_i − λ_j) (1/λ_i when equal).
        Complex[] lambda = { 2, 2, new Complex(-1, 0), new Complex(0.5, 3) };
        int n = lambda.Length;
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + i] = lambda[i];
        Complex[] e = Gaussian(n, complex: true, seed: 1000);
        Complex[] derivative = Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Complex li = Log(lambda[i]), lj = Log(lambda[j]);
                Complex divided = lambda[i] == lambda[j] ? 1 / lambda[i] : (li - lj) / (lambda[i] - lambda[j]);
                Complex want = e[i * n + j] * divided;
                Assert.True(Complex.Abs(derivative[i * n + j] - want) <= 1e-15 * Math.Max(1, Complex.Abs(want)), $"({i},{j})");
            }
        Assert.True(RelativeError(derivative, BlockMethod(a, e, n), n) <= 1e-12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatchesCentralDifferences(bool complex)
    {
        foreach (int n in new[] { 2, 5, 13 })
        {
            Complex[] a = NearIdentity(n, complex, seed: 1100 + n);
            Complex[] e = Gaussian(n, complex, seed: 1200 + n);
            double h = 1e-5;
            Complex[] plus = Ops.Logm(ToTensor(Add(a, e, h), n)).Data;
            Complex[] minus = Ops.Logm(ToTensor(Add(a, e, -h), n)).Data;
            Complex[] difference = Scale(Add(plus, minus, -1), 1 / (2 * h));
            Complex[] derivative = Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data;
            // Truncation O(h²) and rounding O(u/h): about 1e-10 relative.
            double error = RelativeError(derivative, difference, n);
            Assert.True(error <= 1e-8, $"n = {n}: relative difference from central differences {error:G3}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AdjointIsTheDerivativeAtTheConjugateTranspose(bool complex)
    {
        // L(A, ·)* = L(Aᴴ, ·): Re⟨G, L(A, E)⟩ = Re⟨L(Aᴴ, G), E⟩.
        foreach (int n in new[] { 1, 3, 8, 21 })
        {
            Complex[] a = NearIdentity(n, complex, seed: 1300 + n);
            Complex[] e = Gaussian(n, complex, seed: 1400 + n);
            Complex[] g = Gaussian(n, complex: true, seed: 1500 + n);
            double left = RealInner(g, Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data);
            double right = RealInner(Ops.LogmFrechet(ToTensor(ConjugateTranspose(a, n), n), ToTensor(g, n)).Data, e);
            double scale = Frobenius(g) * Frobenius(e);
            Assert.True(Math.Abs(left - right) <= 100 * n * Unit * scale, $"n = {n}: {left} vs {right}");
        }
    }

    [Fact]
    public void AdjointRegistrationIsTheGradientOfTheRealLoss()
    {
        // L(A) = Re Σ conj(seed)·log A; the adjoint of complex A is ∂L/∂Re A + i·∂L/∂Im A.
        int n = 3;
        Complex[] a = NearIdentity(n, complex: true, seed: 1900);
        Complex[] seed = Gaussian(n, complex: true, seed: 1901);
        var (value, adjoint) = Ops.LogmAdjoint(ToTensor(a, n), ToTensor(seed, n));
        Assert.Equal(Ops.Logm(ToTensor(a, n)).Data, value.Data);
        double Loss(Complex[] m) => RealInner(seed, Ops.Logm(ToTensor(m, n)).Data);
        double h = 1e-6;
        for (int k = 0; k < n * n; k++)
        {
            foreach (Complex step in new[] { Complex.One, Complex.ImaginaryOne })
            {
                Complex[] plus = (Complex[])a.Clone(), minus = (Complex[])a.Clone();
                plus[k] += h * step;
                minus[k] -= h * step;
                double slope = (Loss(plus) - Loss(minus)) / (2 * h);
                double component = step == Complex.One ? adjoint.Data[k].Real : adjoint.Data[k].Imaginary;
                Assert.True(Math.Abs(slope - component) <= 1e-8 * Math.Max(1, Math.Abs(slope)), $"entry {k}, {step}: {slope} vs {component}");
            }
        }
    }

    [Fact]
    public void AdjointRegistrationHoldsOnTheBranchCutAndForRealInput()
    {
        // A real similarity of diag(−2, 3, 0.5): log(Aᴴ) ≠ (log A)ᴴ here, yet the adjoint identity
        // Re⟨seed, L(A, E)⟩ = Re⟨W, E⟩ must hold, for real E with the real adjoint too.
        int n = 3;
        Complex[] similarity = NearIdentity(n, complex: false, seed: 2000);
        var diagonal = new Complex[n * n];
        diagonal[0] = -2;
        diagonal[4] = 3;
        diagonal[8] = 0.5;
        Complex[] a = Multiply(Multiply(similarity, diagonal, n), Inverse(similarity, n), n);
        Complex[] seed = Gaussian(n, complex: true, seed: 2001);
        Complex[] e = Gaussian(n, complex: true, seed: 2002);
        Complex[] realE = Gaussian(n, complex: false, seed: 2003);

        var (_, adjoint) = Ops.LogmAdjoint(ToTensor(a, n), ToTensor(seed, n));
        double left = RealInner(seed, Ops.LogmFrechet(ToTensor(a, n), ToTensor(e, n)).Data);
        Assert.True(Math.Abs(left - RealInner(adjoint.Data, e)) <= 1e-13 * Frobenius(seed) * Frobenius(e));
        // L(Aᴴ, seed) is not the adjoint here: log Aᴴ takes +iπ at −2 where (log A)ᴴ has −iπ.
        Complex[] atConjugateTranspose = Ops.LogmFrechet(ToTensor(ConjugateTranspose(a, n), n), ToTensor(seed, n)).Data;
        Assert.True(RelativeError(atConjugateTranspose, adjoint.Data, n) > 0.1);

        var (value, realAdjoint) = Ops.LogmAdjoint(ToRealTensor(a, n), ToTensor(seed, n));
        Assert.Equal(Ops.Logm(ToRealTensor(a, n)).Data, value.Data);
        Assert.Equal(new[] { n, n }, realAdjoint.Shape);
        double realLeft = RealInner(seed, Ops.LogmFrechet(ToRealTensor(a, n), ToRealTensor(realE, n)).Data);
        double realRight = 0;
        for (int k = 0; k < n * n; k++)
            realRight += realAdjoint.Data[k] * realE[k].Real;
        Assert.True(Math.Abs(realLeft - realRight) <= 1e-13 * Frobenius(seed) * Frobenius(realE));
    }

    [Fact]
    public void TangentRegistrationIsTheFrechetDerivative()
    {
        int n = 4;
        Complex[] a = NearIdentity(n, complex: false, seed: 2100);
        Complex[] e = Gaussian(n, complex: false, seed: 2101);
        var (value, tangent) = Ops.LogmTangent(ToRealTensor(a, n), ToRealTensor(e, n));
        Assert.Equal(Ops.Logm(ToRealTensor(a, n)).Data, value.Data);
        Assert.Equal(Ops.LogmFrechet(ToRealTensor(a, n), ToRealTensor(e, n)).Data, tangent.Data);
        var (complexValue, complexTangent) = Ops.LogmTangent(ToTensor(a, n), ToTensor(e, n));
        Assert.Equal(value.Data, complexValue.Data);
        Assert.Equal(tangent.Data, complexTangent.Data);
    }

    [Fact]
    public void SeveralDirectionsEqualOneAtATime()
    {
        int n = 13;
        Complex[] a = Add(Scale(Gaussian(n, complex: true, seed: 1600), 1 / Math.Sqrt(n)), Identity(n), 2);
        var directions = new ComplexTensor[4];
        for (int k = 0; k < directions.Length; k++)
            directions[k] = ToTensor(Gaussian(n, complex: k % 2 == 0, seed: 1700 + k), n);

        var (value, derivatives) = Ops.LogmWithFrechet(ToTensor(a, n), directions);
        Assert.Equal(Ops.Logm(ToTensor(a, n)).Data, value.Data);
        Assert.Equal(directions.Length, derivatives.Length);
        for (int k = 0; k < directions.Length; k++)
        {
            Assert.Equal(Ops.LogmFrechet(ToTensor(a, n), directions[k]).Data, derivatives[k].Data);
            Assert.True(RelativeError(derivatives[k].Data, BlockMethod(a, directions[k].Data, n), n) <= 1e-11);
        }
        ComplexTensor[] only = Ops.LogmFrechet(ToTensor(a, n), directions);
        for (int k = 0; k < directions.Length; k++)
            Assert.Equal(derivatives[k].Data, only[k].Data);
    }

    [Fact]
    public void RealAndComplexOverloadsAgree()
    {
        int n = 5;
        Complex[] a = NearIdentity(n, complex: false, seed: 1800);
        Complex[] e = Gaussian(n, complex: false, seed: 1801);
        Tensor ra = ToRealTensor(a, n), re = ToRealTensor(e, n);
        ComplexTensor ca = ToTensor(a, n), ce = ToTensor(e, n);
        Complex[] expected = Ops.LogmFrechet(ca, ce).Data;
        Assert.Equal(expected, Ops.LogmFrechet(ra, re).Data);
        Assert.Equal(expected, Ops.LogmFrechet(ra, ce).Data);
        Assert.Equal(expected, Ops.LogmFrechet(ca, re).Data);
        var (value, derivative) = Ops.LogmWithFrechet(ra, re);
        Assert.Equal(Ops.Logm(ra).Data, value.Data);
        Assert.Equal(expected, derivative.Data);
        Assert.Equal(expected, Ops.LogmWithFrechet(ca, new[] { re }).Derivatives[0].Data);
        Assert.Equal(expected, Ops.LogmFrechet(ra, new[] { re })[0].Data);
        // A real matrix with no negative eigenvalue and a real direction: a real derivative.
        foreach (Complex z in expected)
            Assert.True(Math.Abs(z.Imaginary) <= 1e-14);
    }

    [Fact]
    public void BadDirectionsAreRejected()
    {
        var a = ToTensor(Identity(3), 3);
        var shape = Assert.Throws<ArgumentException>(() => Ops.LogmFrechet(a, new Tensor(new double[4], new[] { 2, 2 })));
        Assert.Contains("[2, 2]", shape.Message);
        Assert.Equal("e", shape.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => Ops.LogmFrechet(a, new Tensor(new double[9] { 0, 0, 0, 0, double.NaN, 0, 0, 0, 0 }, new[] { 3, 3 })));
        Assert.Contains("finite", nan.Message);
        var many = Assert.Throws<ArgumentException>(() => Ops.LogmFrechet(a, new[] { a, ToTensor(Identity(2), 2) }));
        Assert.Equal("directions[1]", many.ParamName);
        Assert.Throws<ArgumentException>(() => Ops.LogmFrechet(new Tensor(new double[9], new[] { 3, 3 }), a));
    }

    private static Complex Log(Complex z) =>
        z.Imaginary == 0 && z.Real < 0 ? new Complex(Math.Log(-z.Real), Math.PI) : Complex.Log(z);
}
