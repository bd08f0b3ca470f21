using System;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of the activation functions: f'(x)·dx forward and f'(x)·seed backward, with the slope
// computed from the argument in forms that keep their relative accuracy in the tails.
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

    /// <summary>Forward mode of <see cref="Sigmoid"/>: σ(x) and σ(x)σ(−x)·dx (= σ(1 − σ)·dx, computed without cancellation).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sigmoid))]
    public static (Tensor Value, Tensor Tangent) SigmoidTangent(Tensor a, Tensor da) => (Sigmoid(a), SigmoidSlopeTimes(a, da));

    /// <summary>Reverse mode of <see cref="Sigmoid"/>: σ(x) and ā = σ(x)σ(−x)·seed (= σ(1 − σ)·seed, computed without cancellation).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of its shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sigmoid))]
    public static (Tensor Value, Tensor a) SigmoidAdjoint(Tensor a, Tensor seed) => (Sigmoid(a), SigmoidSlopeTimes(a, seed));

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

    /// <summary>σ′(x)·g elementwise.</summary>
    private static Tensor SigmoidSlopeTimes(Tensor x, Tensor g)
    {
        Shapes.RequireSame(x.ShapeRef, g.ShapeRef, "derivative");
        var r = Tensor.Like(x);
        Activations.SigmoidSlopeTimes(x.Span, g.Span, r.Data);
        return r;
    }
}
