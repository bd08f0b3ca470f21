using System;
using System.Numerics;
using Xunit;
using static Diff.Runtime.Tests.LinearAlgebra.LinAlgTestMath;

namespace Diff.Runtime.Tests.LinearAlgebra;

/// <summary>
/// The registered derivatives of Solve, Inverse, Det, LogDet, SlogDet and Cholesky, real and complex: tangents against
/// central finite differences, adjoints against tangents by the adjoint identity Re⟨seed, J·v⟩ = Re⟨Jᴴ·seed, v⟩, and
/// the split reverse rules against the whole ones.
/// </summary>
public class LinearAlgebraDerivativeTests
{
    private const double H = 1e-6;

    /// <summary>Checks one function of one matrix: tangent vs. differences, adjoint vs. tangent, split vs. whole.</summary>
    private static void Check<TIn>(Func<TIn, object> f, Func<TIn, TIn, (object Value, object Tangent)> tangent, Func<TIn, object, (object Value, object Adjoint)> adjoint,
        Func<TIn, object, object>? split, TIn a, TIn da, object seed, double fdTolerance = 1e-7) where TIn : class
    {
        var (value, t) = tangent(a, da);
        AssertClose(f(a), value, 0);
        AssertClose(CentralDifference(f, a, da, H), t, fdTolerance);
        var (adjValue, abar) = adjoint(a, seed);
        AssertClose(f(a), adjValue, 0);
        AssertRelative(Inner(seed, t), Inner(abar, da), 1e-11, "adjoint identity");
        if (split is not null)
            AssertClose(abar, split(a, seed), 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void SolveReal(int n)
    {
        var r = new Random(100 + n);
        Tensor a = RealMatrix(r, n, n) + 2.0 * Tensor.Identity(n), da = RealMatrix(r, n, n);
        foreach (int[] bShape in new[] { new[] { n }, new[] { n, 2 } })
        {
            Tensor b = RealMatrix(r, bShape), db = RealMatrix(r, bShape), seed = RealMatrix(r, bShape);
            var (x, dx) = Ops.SolveTangent(a, b, da, db);
            AssertClose(Ops.Solve(a, b), x, 0);
            var fd = (Ops.Solve(a + H * da, b + H * db) - Ops.Solve(a - H * da, b - H * db)) / (2 * H);
            AssertClose(fd, dx, 1e-7);
            var (_, abar, bbar) = Ops.SolveAdjoint(a, b, seed);
            AssertRelative(Inner(seed, dx), Inner(abar, da) + Inner(bbar, db), 1e-11, "adjoint identity");
            var (_, residual) = Ops.SolveAdjointForward(a, b);
            var (sa, sb) = Ops.SolveAdjointBackward(residual, seed);
            AssertClose(abar, sa, 0);
            AssertClose(bbar, sb, 0);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(40)]
    public void SolveComplex(int n)
    {
        var r = new Random(200 + n);
        ComplexTensor a = ComplexMatrix(r, n, n) + ComplexTensor.FromTensor(3.0 * Tensor.Identity(n)), da = ComplexMatrix(r, n, n);
        ComplexTensor b = ComplexMatrix(r, n, 3), db = ComplexMatrix(r, n, 3), seed = ComplexMatrix(r, n, 3);
        var (_, dx) = Ops.SolveTangent(a, b, da, db);
        var fd = (Ops.Solve(a + H * da, b + H * db) - Ops.Solve(a - H * da, b - H * db)) / (2 * H);
        AssertClose(fd, dx, 1e-7);
        var (_, abar, bbar) = Ops.SolveAdjoint(a, b, seed);
        AssertRelative(Inner(seed, dx), Inner(abar, da) + Inner(bbar, db), 1e-11, "adjoint identity");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Inverse(int n)
    {
        var r = new Random(300 + n);
        Tensor a = RealMatrix(r, n, n) + 2.0 * Tensor.Identity(n);
        Check(x => Ops.Inverse(x), (x, d) => Ops.InverseTangent(x, d), (x, s) => Ops.InverseAdjoint(x, (Tensor)s),
            (x, s) => Ops.InverseAdjointBackward(Ops.InverseAdjointForward(x).Residual, (Tensor)s), a, RealMatrix(r, n, n), RealMatrix(r, n, n));
        ComplexTensor z = ComplexMatrix(r, n, n) + ComplexTensor.FromTensor(2.0 * Tensor.Identity(n));
        Check(x => Ops.Inverse(x), (x, d) => Ops.InverseTangent(x, d), (x, s) => Ops.InverseAdjoint(x, (ComplexTensor)s),
            (x, s) => Ops.InverseAdjointBackward(Ops.InverseAdjointForward(x).Residual, (ComplexTensor)s), z, ComplexMatrix(r, n, n), ComplexMatrix(r, n, n));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Det(int n)
    {
        var r = new Random(400 + n);
        Tensor a = RealMatrix(r, n, n);
        Check(x => Ops.Det(x), (x, d) => Ops.DetTangent(x, d), (x, s) => Ops.DetAdjoint(x, (double)s),
            (x, s) => Ops.DetAdjointBackward(Ops.DetAdjointForward(x).Residual, (double)s), a, RealMatrix(r, n, n), 0.7);
        ComplexTensor z = ComplexMatrix(r, n, n);
        Check(x => Ops.Det(x), (x, d) => Ops.DetTangent(x, d), (x, s) => Ops.DetAdjoint(x, (Complex)s),
            (x, s) => Ops.DetAdjointBackward(Ops.DetAdjointForward(x).Residual, (Complex)s), z, ComplexMatrix(r, n, n), new Complex(0.3, -0.8));
    }

    [Fact]
    public void DetAtASingularMatrixHasTheAdjugateAsGradient()
    {
        // rank 2 of 3: det = 0 exactly (LU meets a zero pivot), yet d det = tr(adj(A)·dA) exists.
        Tensor a = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } });
        Assert.Equal(0, Ops.Det(a));
        var r = new Random(7);
        Tensor da = RealMatrix(r, 3, 3);
        Check(x => Ops.Det(x), (x, d) => Ops.DetTangent(x, d), (x, s) => Ops.DetAdjoint(x, (double)s), null, a, da, 1.0);
        // adj(A) by cofactors, by hand: the gradient of det is adj(A)ᵀ = the cofactor matrix.
        double[] expectedCofactors = [4, 4, -4, -2, -2, 2, 0, 0, 0];
        AssertClose(Tensor.FromArray(expectedCofactors, 3, 3), Ops.DetAdjoint(a, 1.0).a, 1e-12);
        ComplexTensor z = ComplexTensor.FromTensor(a) * new Complex(0.6, 0.8);
        Check(x => Ops.Det(x), (x, d) => Ops.DetTangent(x, d), (x, s) => Ops.DetAdjoint(x, (Complex)s), null, z, ComplexMatrix(r, 3, 3), new Complex(1, 0.5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void LogDetAndSlogDet(int n)
    {
        var r = new Random(500 + n);
        Tensor a = RealMatrix(r, n, n) + 1.5 * Tensor.Identity(n), da = RealMatrix(r, n, n);
        Check(x => Ops.LogDet(x), (x, d) => Ops.LogDetTangent(x, d), (x, s) => Ops.LogDetAdjoint(x, (double)s),
            (x, s) => Ops.LogDetAdjointBackward(Ops.LogDetAdjointForward(x).Residual, (double)s), a, da, 1.3);
        ComplexTensor z = ComplexMatrix(r, n, n) + ComplexTensor.FromTensor(1.5 * Tensor.Identity(n)), dz = ComplexMatrix(r, n, n);
        Check(x => Ops.LogDet(x), (x, d) => Ops.LogDetTangent(x, d), (x, s) => Ops.LogDetAdjoint(x, (Complex)s),
            (x, s) => Ops.LogDetAdjointBackward(Ops.LogDetAdjointForward(x).Residual, (Complex)s), z, dz, new Complex(0.4, 0.9));

        // SlogDet, real: the log-abs output against LogDet; the sign's seed changes nothing.
        var (value, tangent) = Ops.SlogDetTangent(a, da);
        Assert.Equal(Ops.SlogDet(a), value);
        Assert.Equal(0, tangent.Sign);
        Assert.Equal(Ops.LogDetTangent(a, da).Tangent, tangent.LogAbsDet, 1e-14);
        AssertClose(Ops.LogDetAdjoint(a, 0.7).a, Ops.SlogDetAdjoint(a, 5.0, 0.7).a, 1e-15);

        // SlogDet, complex: both outputs against differences, and the adjoint identity with seeds on both.
        var (zv, zt) = Ops.SlogDetTangent(z, dz);
        var plus = Ops.SlogDet(z + H * dz);
        var minus = Ops.SlogDet(z - H * dz);
        AssertClose((plus.Sign - minus.Sign) / (2 * H), zt.Sign, 1e-7);
        AssertRelative((plus.LogAbsDet - minus.LogAbsDet) / (2 * H), zt.LogAbsDet, 1e-7, "d log|det|");
        Complex signSeed = new(0.3, -1.1);
        double logSeed = 0.8;
        var (av, abar) = Ops.SlogDetAdjoint(z, signSeed, logSeed);
        Assert.Equal(zv, av);
        AssertRelative(Inner(signSeed, zt.Sign) + logSeed * zt.LogAbsDet, Inner(abar, dz), 1e-11, "adjoint identity");
        AssertClose(abar, Ops.SlogDetAdjointBackward(Ops.SlogDetAdjointForward(z).Residual, signSeed, logSeed), 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void Cholesky(int n)
    {
        var r = new Random(600 + n);
        Tensor m = RealMatrix(r, n, n);
        // Directions that are not symmetric: Cholesky factors ½(A + Aᵀ), so any direction agrees with differences.
        Check(x => Ops.Cholesky(x), (x, d) => Ops.CholeskyTangent(x, d), (x, s) => Ops.CholeskyAdjoint(x, (Tensor)s),
            (x, s) => Ops.CholeskyAdjointBackward(Ops.CholeskyAdjointForward(x).Residual, (Tensor)s),
            Ops.MatMul(m, m.Transpose()) + Tensor.Identity(n), RealMatrix(r, n, n), RealMatrix(r, n, n));
        ComplexTensor zm = ComplexMatrix(r, n, n);
        Check(x => Ops.Cholesky(x), (x, d) => Ops.CholeskyTangent(x, d), (x, s) => Ops.CholeskyAdjoint(x, (ComplexTensor)s),
            (x, s) => Ops.CholeskyAdjointBackward(Ops.CholeskyAdjointForward(x).Residual, (ComplexTensor)s),
            Ops.MatMul(zm, zm.ConjugateTranspose()) + ComplexTensor.FromTensor(Tensor.Identity(n)), ComplexMatrix(r, n, n), ComplexMatrix(r, n, n));
    }

    [Fact]
    public void CholeskyAdjointIsHermitian()
    {
        var r = new Random(9);
        ComplexTensor zm = ComplexMatrix(r, 4, 4);
        ComplexTensor abar = Ops.CholeskyAdjoint(Ops.MatMul(zm, zm.ConjugateTranspose()) + ComplexTensor.FromTensor(Tensor.Identity(4)), ComplexMatrix(r, 4, 4)).a;
        AssertClose(abar, abar.ConjugateTranspose(), 1e-14);
    }

    [Fact]
    public void DerivativesRejectBadInput()
    {
        Tensor singular = Tensor.FromArray(new double[,] { { 1, 2 }, { 2, 4 } });
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.LogDetAdjoint(singular, 1.0)).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.SlogDetTangent(singular, Tensor.Ones(2, 2))).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.SolveAdjoint(singular, Tensor.Ones(2), Tensor.Ones(2))).Message);
        Tensor a = Tensor.Identity(3);
        var e = Assert.Throws<ArgumentException>(() => Ops.InverseAdjoint(a, Tensor.Ones(2, 2)));
        Assert.Contains("(2, 2)", e.Message);
        Assert.Contains("(3, 3)", e.Message);
        Assert.Contains("(3,)", Assert.Throws<ArgumentException>(() => Ops.SolveTangent(a, Tensor.Ones(3), Tensor.Ones(3, 3), Tensor.Ones(4))).Message);
        Assert.Throws<ArgumentNullException>(() => Ops.CholeskyAdjoint(a, null!));
        Assert.Contains("not positive definite", Assert.Throws<ArgumentException>(() => Ops.CholeskyTangent(-1.0 * a, a)).Message);
    }
}
