using System;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of the activation functions: f'(x)·dx forward and f'(x)·seed backward, with the slope
// computed from the value where it is a function of it (the sigmoid's σ(1 − σ)).
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Relu"/>: max(x, 0) and dx where x &gt; 0, 0 elsewhere.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Relu))]
    public static (Tensor Value, Tensor Tangent) ReluTangent(Tensor a, Tensor da) => (Relu(a), WherePositive(a, da));

    /// <summary>Reverse mode of <see cref="Relu"/>: max(x, 0) and ā = seed where x &gt; 0, 0 elsewhere.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of its shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Relu))]
    public static (Tensor Value, Tensor a) ReluAdjoint(Tensor a, Tensor seed) => (Relu(a), WherePositive(a, seed));

    /// <summary>Forward mode of <see cref="Sigmoid"/>: y = σ(x) and y(1 − y)·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sigmoid))]
    public static (Tensor Value, Tensor Tangent) SigmoidTangent(Tensor a, Tensor da)
    {
        Tensor y = Sigmoid(a);
        return (y, SigmoidSlopeTimes(y, da));
    }

    /// <summary>Reverse mode of <see cref="Sigmoid"/>: y = σ(x) and ā = y(1 − y)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of its shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sigmoid))]
    public static (Tensor Value, Tensor a) SigmoidAdjoint(Tensor a, Tensor seed)
    {
        Tensor y = Sigmoid(a);
        return (y, SigmoidSlopeTimes(y, seed));
    }

    /// <summary>Forward mode of <see cref="Softplus"/>: softplus(x) and σ(x)·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Softplus))]
    public static (Tensor Value, Tensor Tangent) SoftplusTangent(Tensor a, Tensor da) => (Softplus(a), Sigmoid(a) * Tensor.SeedOf(a, da));

    /// <summary>Reverse mode of <see cref="Softplus"/>: softplus(x) and ā = σ(x)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of its shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Softplus))]
    public static (Tensor Value, Tensor a) SoftplusAdjoint(Tensor a, Tensor seed) => (Softplus(a), Sigmoid(a) * Tensor.SeedOf(a, seed));

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>g where x &gt; 0, 0 elsewhere (NaN x included).</summary>
    private static Tensor WherePositive(Tensor x, Tensor g)
    {
        Shapes.RequireSame(x.ShapeRef, g.ShapeRef, "derivative");
        var r = Tensor.Like(x);
        ReadOnlySpan<double> xs = x.Span, gs = g.Span;
        Span<double> rs = r.Data;
        for (int i = 0; i < rs.Length; i++)
            rs[i] = xs[i] > 0 ? gs[i] : 0;
        return r;
    }

    /// <summary>y(1 − y)·g elementwise, the sigmoid's slope from its value.</summary>
    private static Tensor SigmoidSlopeTimes(Tensor y, Tensor g)
    {
        Shapes.RequireSame(y.ShapeRef, g.ShapeRef, "derivative");
        var r = Tensor.Like(y);
        ReadOnlySpan<double> ys = y.Span, gs = g.Span;
        Span<double> rs = r.Data;
        for (int i = 0; i < rs.Length; i++)
            rs[i] = ys[i] * (1 - ys[i]) * gs[i];
        return r;
    }
}
