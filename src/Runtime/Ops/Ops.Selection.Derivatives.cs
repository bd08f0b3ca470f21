using System;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of Maximum, Minimum and Where. Their operands broadcast, so an operand's adjoint is the
// seed's share summed over the axes along which the operand was stretched (Broadcast.ReduceTo). Where's result is
// piecewise constant in its mask, so the mask's tangent is ignored and its adjoint is zero: registered as a
// differentiable operand, a mask made from differentiated values (Greater(x, 0)) is no error inside generated code.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Maximum"/>: max(a, b) and w∘da + (1 − w)∘db, w = 1 where a &gt; b, 0 where a &lt; b, ½ at ties.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Maximum))]
    public static (Tensor Value, Tensor Tangent) MaximumTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor value = Maximum(a, b);
        Tensor share = Tensor.Binary<BinaryOps.MaximumShare>(a, b, nameof(Maximum));
        return (value, share * Tensor.SeedOf(a, da) + (1.0 - share) * Tensor.SeedOf(b, db));
    }

    /// <summary>Reverse mode of <see cref="Maximum"/>: max(a, b), ā = Σ w∘seed and b̄ = Σ (1 − w)∘seed over the broadcast axes (w as in <see cref="MaximumTangent"/>).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Maximum))]
    public static (Tensor Value, Tensor a, Tensor b) MaximumAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Maximum(a, b);
        Tensor share = Tensor.Binary<BinaryOps.MaximumShare>(a, b, nameof(Maximum));
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(share * seed, a.ShapeRef), Broadcast.ReduceTo((1.0 - share) * seed, b.ShapeRef));
    }

    /// <summary>Forward mode of <see cref="Minimum"/>: min(a, b) and w∘da + (1 − w)∘db, w = 1 where a &lt; b, 0 where a &gt; b, ½ at ties.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Minimum))]
    public static (Tensor Value, Tensor Tangent) MinimumTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor value = Minimum(a, b);
        Tensor share = Tensor.Binary<BinaryOps.MaximumShare>(b, a, nameof(Minimum));
        return (value, share * Tensor.SeedOf(a, da) + (1.0 - share) * Tensor.SeedOf(b, db));
    }

    /// <summary>Reverse mode of <see cref="Minimum"/>: min(a, b), ā = Σ w∘seed and b̄ = Σ (1 − w)∘seed over the broadcast axes (w as in <see cref="MinimumTangent"/>).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Minimum))]
    public static (Tensor Value, Tensor a, Tensor b) MinimumAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Minimum(a, b);
        Tensor share = Tensor.Binary<BinaryOps.MaximumShare>(b, a, nameof(Minimum));
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(share * seed, a.ShapeRef), Broadcast.ReduceTo((1.0 - share) * seed, b.ShapeRef));
    }

    /// <summary>Forward mode of <see cref="Where(Tensor, Tensor, Tensor)"/>: the value and Where(mask, da, db); the mask's tangent contributes nothing.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="mask">The mask at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="dmask">The tangent of <paramref name="mask"/>, of its shape; its values are ignored (the result is piecewise constant in the mask).</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Where))]
    public static (Tensor Value, Tensor Tangent) WhereTangent(Tensor mask, Tensor a, Tensor b, Tensor dmask, Tensor da, Tensor db)
    {
        Tensor.SeedOf(mask, dmask);
        return (Where(mask, a, b), Where(mask, Tensor.SeedOf(a, da), Tensor.SeedOf(b, db)));
    }

    /// <summary>Reverse mode of <see cref="Where(Tensor, Tensor, Tensor)"/>: the value, a zero adjoint for the mask, ā = Σ seed where the mask is true and b̄ = Σ seed where it is false, over the broadcast axes.</summary>
    /// <param name="mask">The mask at which the derivative is taken; its adjoint is zero.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape.</param>
    /// <returns>The value and the adjoint of each operand (zeros for the mask).</returns>
    [AdjointOf(nameof(Where))]
    public static (Tensor Value, Tensor mask, Tensor a, Tensor b) WhereAdjoint(Tensor mask, Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Where(mask, a, b);
        Tensor.SeedOf(value, seed);
        Tensor zero = Tensor.Zeros();
        return (value, Tensor.Like(mask), Broadcast.ReduceTo(Where(mask, seed, zero), a.ShapeRef), Broadcast.ReduceTo(Where(mask, zero, seed), b.ShapeRef));
    }

    /// <summary>Forward mode of <see cref="Where(Tensor, ComplexTensor, ComplexTensor)"/>: the value and Where(mask, da, db); the mask's tangent contributes nothing.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="mask">The mask at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="dmask">The tangent of <paramref name="mask"/>, of its shape; its values are ignored (the result is piecewise constant in the mask).</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Where))]
    public static (ComplexTensor Value, ComplexTensor Tangent) WhereTangent(Tensor mask, ComplexTensor a, ComplexTensor b, Tensor dmask, ComplexTensor da, ComplexTensor db)
    {
        Tensor.SeedOf(mask, dmask);
        return (Where(mask, a, b), Where(mask, Tensor.SeedOf(a, da), Tensor.SeedOf(b, db)));
    }

    /// <summary>Reverse mode of <see cref="Where(Tensor, ComplexTensor, ComplexTensor)"/>: the value, a zero adjoint for the mask, ā = Σ seed where the mask is true and b̄ = Σ seed where it is false, over the broadcast axes.</summary>
    /// <param name="mask">The mask at which the derivative is taken; its adjoint is zero.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape.</param>
    /// <returns>The value and the adjoint of each operand (zeros for the mask).</returns>
    [AdjointOf(nameof(Where))]
    public static (ComplexTensor Value, Tensor mask, ComplexTensor a, ComplexTensor b) WhereAdjoint(Tensor mask, ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = Where(mask, a, b);
        Tensor.SeedOf(value, seed);
        ComplexTensor zero = ComplexTensor.Zeros();
        return (value, Tensor.Like(mask), Broadcast.ReduceTo(Where(mask, seed, zero), a.ShapeRef), Broadcast.ReduceTo(Where(mask, zero, seed), b.ShapeRef));
    }
}
