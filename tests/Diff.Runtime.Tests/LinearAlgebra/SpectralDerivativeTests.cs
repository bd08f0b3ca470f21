using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Runtime.Tests.LinearAlgebra.LinAlgTestMath;

namespace Diff.Runtime.Tests.LinearAlgebra;

/// <summary>
/// The derivatives of Eigh and Svd (tuple outputs, one seed per output), real and complex: eigen/singular values'
/// tangents against differences; the adjoint identity with random seeds on every output; the gradient of a
/// gauge-invariant loss (Σ W∘|V|², which ignores each vector's sign or phase) against differences of that loss;
/// split against whole; and the errors at degenerate eigenvalues only where the vectors' seed needs them.
/// </summary>
public class SpectralDerivativeTests
{
    private const double H = 1e-6;

    private static Tensor AbsSquared(object x) => x switch
    {
        Tensor t => t * t,
        ComplexTensor z => (z * z.Conj()).Real(),
        _ => throw new ArgumentException(x.GetType().Name),
    };

    /// <summary>∂/∂Re + i·∂/∂Im of Σ W∘|X|²: 2·W∘X.</summary>
    private static object AbsSquaredSeed(Tensor w, object x) => x switch
    {
        Tensor t => 2.0 * w * t,
        ComplexTensor z => 2.0 * w * z,
        _ => throw new ArgumentException(x.GetType().Name),
    };

    private static double Sum(Tensor t) => t.ToArray().Sum();

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(6, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Eigh(int n, bool complex)
    {
        var r = new Random(700 + n);
        object a = complex ? ComplexMatrix(r, n, n) : RealMatrix(r, n, n);
        object da = complex ? ComplexMatrix(r, n, n) : RealMatrix(r, n, n);
        Tensor w = RealMatrix(r, n, n), c = RealMatrix(r, n);
        (Tensor Values, object Vectors) F(object x) => x is Tensor t ? Ops.Eigh(t) : Ops.Eigh((ComplexTensor)x);
        double Loss(object x) { var (l, v) = F(x); return Sum(c * l) + Sum(w * AbsSquared(v)); }
        object Step(object x, double h) => x is Tensor t ? t + h * (Tensor)da : (object)((ComplexTensor)x + h * (ComplexTensor)da);

        var value = F(a);
        var (tValues, tVectors, aBar, split) = a is Tensor ta
            ? Unpack(Ops.EighTangent(ta, (Tensor)da), Ops.EighAdjoint(ta, c, (Tensor)AbsSquaredSeed(w, value.Vectors)).a,
                Ops.EighAdjointBackward(Ops.EighAdjointForward(ta).Residual, c, (Tensor)AbsSquaredSeed(w, value.Vectors)))
            : Unpack(Ops.EighTangent((ComplexTensor)a, (ComplexTensor)da), Ops.EighAdjoint((ComplexTensor)a, c, (ComplexTensor)AbsSquaredSeed(w, value.Vectors)).a,
                Ops.EighAdjointBackward(Ops.EighAdjointForward((ComplexTensor)a).Residual, c, (ComplexTensor)AbsSquaredSeed(w, value.Vectors)));
        // eigenvalues: gauge-free, so their tangent is the difference quotient
        AssertClose((F(Step(a, H)).Values - F(Step(a, -H)).Values) / (2 * H), tValues, 1e-7);
        // the loss's gradient against its differences
        AssertRelative((Loss(Step(a, H)) - Loss(Step(a, -H))) / (2 * H), Inner(aBar, da), 1e-7, "loss gradient");
        AssertClose(aBar, split, 0);
        // the adjoint is the transpose of the tangent for any seeds
        object vSeed = complex ? ComplexMatrix(r, n, n) : RealMatrix(r, n, n);
        Tensor lSeed = RealMatrix(r, n);
        object anyBar = a is Tensor at ? Ops.EighAdjoint(at, lSeed, (Tensor)vSeed).a : Ops.EighAdjoint((ComplexTensor)a, lSeed, (ComplexTensor)vSeed).a;
        AssertRelative(Inner(lSeed, tValues) + Inner(vSeed, tVectors), Inner(anyBar, da), 1e-11, "adjoint identity");
    }

    private static (Tensor, object, object, object) Unpack<TV>(((Tensor Values, TV Vectors) Value, (Tensor Values, TV Vectors) Tangent) t, object aBar, object split) where TV : class =>
        (t.Tangent.Values, t.Tangent.Vectors, aBar, split);

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(5, 3, false)]
    [InlineData(2, 4, false)]
    [InlineData(3, 3, true)]
    [InlineData(4, 2, true)]
    [InlineData(2, 5, true)]
    public void Svd(int m, int n, bool complex)
    {
        var r = new Random(800 + 10 * m + n);
        int k = Math.Min(m, n);
        object a = complex ? ComplexMatrix(r, m, n) : RealMatrix(r, m, n);
        object da = complex ? ComplexMatrix(r, m, n) : RealMatrix(r, m, n);
        Tensor wu = RealMatrix(r, m, k), wv = RealMatrix(r, k, n), c = RealMatrix(r, k);
        (object U, Tensor S, object Vh) F(object x) => x is Tensor t ? Ops.Svd(t) : Ops.Svd((ComplexTensor)x);
        double Loss(object x) { var (u, s, vh) = F(x); return Sum(c * s) + Sum(wu * AbsSquared(u)) + Sum(wv * AbsSquared(vh)); }
        object Step(object x, double h) => x is Tensor t ? t + h * (Tensor)da : (object)((ComplexTensor)x + h * (ComplexTensor)da);
        object Adjoint(object x, object uSeed, Tensor sSeed, object vhSeed) => x is Tensor t
            ? Ops.SvdAdjoint(t, (Tensor)uSeed, sSeed, (Tensor)vhSeed).a
            : Ops.SvdAdjoint((ComplexTensor)x, (ComplexTensor)uSeed, sSeed, (ComplexTensor)vhSeed).a;

        var value = F(a);
        var (dU, dS, dVh) = a is Tensor ta ? Boxed(Ops.SvdTangent(ta, (Tensor)da).Tangent) : Boxed(Ops.SvdTangent((ComplexTensor)a, (ComplexTensor)da).Tangent);
        AssertClose((F(Step(a, H)).S - F(Step(a, -H)).S) / (2 * H), dS, 1e-7);
        object aBar = Adjoint(a, AbsSquaredSeed(wu, value.U), c, AbsSquaredSeed(wv, value.Vh));
        AssertRelative((Loss(Step(a, H)) - Loss(Step(a, -H))) / (2 * H), Inner(aBar, da), 1e-7, "loss gradient");
        object split = a is Tensor ts
            ? Ops.SvdAdjointBackward(Ops.SvdAdjointForward(ts).Residual, (Tensor)AbsSquaredSeed(wu, value.U), c, (Tensor)AbsSquaredSeed(wv, value.Vh))
            : Ops.SvdAdjointBackward(Ops.SvdAdjointForward((ComplexTensor)a).Residual, (ComplexTensor)AbsSquaredSeed(wu, value.U), c, (ComplexTensor)AbsSquaredSeed(wv, value.Vh));
        AssertClose(aBar, split, 0);
        object us = complex ? ComplexMatrix(r, m, k) : RealMatrix(r, m, k), vs = complex ? ComplexMatrix(r, k, n) : RealMatrix(r, k, n);
        Tensor ss = RealMatrix(r, k);
        AssertRelative(Inner(us, dU) + Inner(ss, dS) + Inner(vs, dVh), Inner(Adjoint(a, us, ss, vs), da), 1e-11, "adjoint identity");
    }

    private static (object, Tensor, object) Boxed<TU>((TU U, Tensor S, TU Vh) t) where TU : class => (t.U, t.S, t.Vh);

    [Fact]
    public void DegenerateEigenvaluesErOnlyWhereTheVectorsSeedNeedsThem()
    {
        // eigenvalues 1, 1, 3 in a generic orientation Q: the first two vectors are any rotation of a plane
        var r = new Random(3);
        Tensor m = RealMatrix(r, 3, 3);
        Tensor q = Ops.Eigh(m + m.Transpose()).Vectors;
        Tensor a = Ops.MatMul(Ops.MatMul(q, Diagonal(Tensor.FromArray(new double[] { 1, 1, 3 }))), q.Transpose());
        a = 0.5 * (a + a.Transpose());
        var (values, vectors) = Ops.Eigh(a);
        Assert.Equal(1, values[0], 13);
        Assert.Equal(1, values[1], 13);
        // values' seed only: fine, and the gradient of λ₀ + λ₁ is the projector onto their eigenspace
        Tensor onlyValues = Ops.EighAdjoint(a, Tensor.FromArray(new double[] { 1, 1, 0 }), null).a;
        Tensor v01 = Tensor.FromArray(new double[,] { { vectors[0, 0], vectors[0, 1] }, { vectors[1, 0], vectors[1, 1] }, { vectors[2, 0], vectors[2, 1] } });
        AssertClose(Ops.MatMul(v01, v01.Transpose()), onlyValues, 1e-12);
        // a rotation-invariant vectors' seed (from the loss Σ|v₀|² + |v₁|² weighted equally per row): fine
        Tensor w = Tensor.FromArray(new double[,] { { 1, 1, 0 }, { 2, 2, 0 }, { 3, 3, 0 } });
        Ops.EighAdjoint(a, null, 2.0 * w * vectors);
        // a seed on v₀ alone: the derivative does not exist
        Tensor w0 = Tensor.FromArray(new double[,] { { 1, 0, 0 }, { 1, 0, 0 }, { 0, 0, 0 } });
        var e = Assert.Throws<ArgumentException>(() => Ops.EighAdjoint(a, null, 2.0 * w0 * vectors));
        Assert.Contains("eigenvalues 0 and 1", e.Message);
        Assert.Contains("gap", e.Message);
        // the tangent: fine along a direction that keeps the degeneracy, an error along one that splits it
        Ops.EighTangent(a, Tensor.Identity(3));
        Assert.Throws<ArgumentException>(() => Ops.EighTangent(a, m + m.Transpose()));
    }

    [Fact]
    public void RepeatedSingularValuesErOnlyWhereTheSeedsNeedThem()
    {
        Tensor a = Tensor.FromArray(new double[,] { { 2, 0 }, { 0, 2 }, { 0, 0 } });
        var (u, _, vh) = Ops.Svd(a);
        // singular values' seed only: the gradient of s₀ + s₁ is U·Vh
        AssertClose(Ops.MatMul(u, vh), Ops.SvdAdjoint(a, null, Tensor.Ones(2), null).a, 1e-13);
        var e = Assert.Throws<ArgumentException>(() => Ops.SvdAdjoint(a, Tensor.FromArray(new double[,] { { 1, 0 }, { 0, 0 }, { 0, 0 } }), null, null));
        Assert.Contains("squared singular values 0 and 1", e.Message);
    }

    [Fact]
    public void SeedsOfTheWrongShapeAreNamed()
    {
        Tensor a = Tensor.Identity(3);
        Assert.Contains("(3, 3)", Assert.Throws<ArgumentException>(() => Ops.EighAdjoint(a, null, Tensor.Ones(2, 2))).Message);
        Assert.Contains("(2,)", Assert.Throws<ArgumentException>(() => Ops.SvdAdjoint(Tensor.Ones(2, 4), null, Tensor.Ones(3), null)).Message);
    }
}
