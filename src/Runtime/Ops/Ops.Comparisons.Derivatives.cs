using System;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of the comparisons: a mask is piecewise constant in its operands, so its tangent and the
// operands' adjoints are zeros (of the operands' shapes). They are registered so that a mask may be computed from
// differentiated values inside a [Differentiable] method (Where(Greater(x, 0), x, 0.1 * x)) without a diagnostic.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Greater(Tensor, Tensor)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Greater))]
    public static (Tensor Value, Tensor Tangent) GreaterTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor.SeedOf(a, da);
        Tensor.SeedOf(b, db);
        Tensor value = Greater(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Greater(Tensor, Tensor)"/>: the mask and zero adjoints of the operands' shapes.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the broadcast shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Greater))]
    public static (Tensor Value, Tensor a, Tensor b) GreaterAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Greater(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), Tensor.Like(b));
    }

    /// <summary>Forward mode of <see cref="Greater(Tensor, double)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="da"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Greater))]
    public static (Tensor Value, Tensor Tangent) GreaterTangent(Tensor a, double b, Tensor da, double db)
    {
        Tensor.SeedOf(a, da);
        Tensor value = Greater(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Greater(Tensor, double)"/>: the mask and zero adjoints.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of <paramref name="a"/>'s shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Greater))]
    public static (Tensor Value, Tensor a, double b) GreaterAdjoint(Tensor a, double b, Tensor seed)
    {
        Tensor value = Greater(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), 0);
    }

    /// <summary>Forward mode of <see cref="Less(Tensor, Tensor)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Less))]
    public static (Tensor Value, Tensor Tangent) LessTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor.SeedOf(a, da);
        Tensor.SeedOf(b, db);
        Tensor value = Less(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Less(Tensor, Tensor)"/>: the mask and zero adjoints of the operands' shapes.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the broadcast shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Less))]
    public static (Tensor Value, Tensor a, Tensor b) LessAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Less(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), Tensor.Like(b));
    }

    /// <summary>Forward mode of <see cref="Less(Tensor, double)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="da"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Less))]
    public static (Tensor Value, Tensor Tangent) LessTangent(Tensor a, double b, Tensor da, double db)
    {
        Tensor.SeedOf(a, da);
        Tensor value = Less(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Less(Tensor, double)"/>: the mask and zero adjoints.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of <paramref name="a"/>'s shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Less))]
    public static (Tensor Value, Tensor a, double b) LessAdjoint(Tensor a, double b, Tensor seed)
    {
        Tensor value = Less(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), 0);
    }

    /// <summary>Forward mode of <see cref="GreaterOrEqual(Tensor, Tensor)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(GreaterOrEqual))]
    public static (Tensor Value, Tensor Tangent) GreaterOrEqualTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor.SeedOf(a, da);
        Tensor.SeedOf(b, db);
        Tensor value = GreaterOrEqual(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="GreaterOrEqual(Tensor, Tensor)"/>: the mask and zero adjoints of the operands' shapes.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the broadcast shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(GreaterOrEqual))]
    public static (Tensor Value, Tensor a, Tensor b) GreaterOrEqualAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = GreaterOrEqual(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), Tensor.Like(b));
    }

    /// <summary>Forward mode of <see cref="GreaterOrEqual(Tensor, double)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="da"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(GreaterOrEqual))]
    public static (Tensor Value, Tensor Tangent) GreaterOrEqualTangent(Tensor a, double b, Tensor da, double db)
    {
        Tensor.SeedOf(a, da);
        Tensor value = GreaterOrEqual(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="GreaterOrEqual(Tensor, double)"/>: the mask and zero adjoints.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of <paramref name="a"/>'s shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(GreaterOrEqual))]
    public static (Tensor Value, Tensor a, double b) GreaterOrEqualAdjoint(Tensor a, double b, Tensor seed)
    {
        Tensor value = GreaterOrEqual(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), 0);
    }

    /// <summary>Forward mode of <see cref="LessOrEqual(Tensor, Tensor)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(LessOrEqual))]
    public static (Tensor Value, Tensor Tangent) LessOrEqualTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor.SeedOf(a, da);
        Tensor.SeedOf(b, db);
        Tensor value = LessOrEqual(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="LessOrEqual(Tensor, Tensor)"/>: the mask and zero adjoints of the operands' shapes.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the broadcast shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(LessOrEqual))]
    public static (Tensor Value, Tensor a, Tensor b) LessOrEqualAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = LessOrEqual(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), Tensor.Like(b));
    }

    /// <summary>Forward mode of <see cref="LessOrEqual(Tensor, double)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="da"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(LessOrEqual))]
    public static (Tensor Value, Tensor Tangent) LessOrEqualTangent(Tensor a, double b, Tensor da, double db)
    {
        Tensor.SeedOf(a, da);
        Tensor value = LessOrEqual(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="LessOrEqual(Tensor, double)"/>: the mask and zero adjoints.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of <paramref name="a"/>'s shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(LessOrEqual))]
    public static (Tensor Value, Tensor a, double b) LessOrEqualAdjoint(Tensor a, double b, Tensor seed)
    {
        Tensor value = LessOrEqual(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), 0);
    }

    /// <summary>Forward mode of <see cref="Equal(Tensor, Tensor)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException">A tangent does not have its operand's shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Equal))]
    public static (Tensor Value, Tensor Tangent) EqualTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor.SeedOf(a, da);
        Tensor.SeedOf(b, db);
        Tensor value = Equal(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Equal(Tensor, Tensor)"/>: the mask and zero adjoints of the operands' shapes.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the broadcast shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of the broadcast shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Equal))]
    public static (Tensor Value, Tensor a, Tensor b) EqualAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Equal(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), Tensor.Like(b));
    }

    /// <summary>Forward mode of <see cref="Equal(Tensor, double)"/>: the mask and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="da"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape; its values are ignored.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(Equal))]
    public static (Tensor Value, Tensor Tangent) EqualTangent(Tensor a, double b, Tensor da, double db)
    {
        Tensor.SeedOf(a, da);
        Tensor value = Equal(a, b);
        return (value, Tensor.Like(value));
    }

    /// <summary>Reverse mode of <see cref="Equal(Tensor, double)"/>: the mask and zero adjoints.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have <paramref name="a"/>'s shape.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result, of <paramref name="a"/>'s shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of each operand.</returns>
    [AdjointOf(nameof(Equal))]
    public static (Tensor Value, Tensor a, double b) EqualAdjoint(Tensor a, double b, Tensor seed)
    {
        Tensor value = Equal(a, b);
        Tensor.SeedOf(value, seed);
        return (value, Tensor.Like(a), 0);
    }
}
