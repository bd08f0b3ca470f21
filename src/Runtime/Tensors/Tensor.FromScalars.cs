using System;

namespace Diff;

// A rank-1 tensor from scalars, with registered derivatives: the tangent is the tensor of the scalars' tangents and
// the adjoint hands each scalar its element of the seed. Besides the params form there are overloads for two and
// three scalars: a [Differentiable] method differentiates separate arguments, not an array built from its values.
public sealed partial class Tensor
{
    /// <summary>A rank-1 tensor of the given scalars (numpy's <c>array([x, y, z])</c>); differentiable in each of them.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <param name="values">The elements, copied.</param>
    /// <returns>A new tensor of shape <c>(values.Length,)</c>.</returns>
    public static Tensor FromScalars(params double[] values) => FromArray(values);

    /// <summary>The rank-1 tensor <c>[a, b]</c>; see <see cref="FromScalars(double[])"/>.</summary>
    /// <param name="a">The first element.</param>
    /// <param name="b">The second element.</param>
    /// <returns>A new tensor of shape <c>(2,)</c>.</returns>
    public static Tensor FromScalars(double a, double b) => new([a, b], [2]);

    /// <summary>The rank-1 tensor <c>[a, b, c]</c>; see <see cref="FromScalars(double[])"/>.</summary>
    /// <param name="a">The first element.</param>
    /// <param name="b">The second element.</param>
    /// <param name="c">The third element.</param>
    /// <returns>A new tensor of shape <c>(3,)</c>.</returns>
    public static Tensor FromScalars(double a, double b, double c) => new([a, b, c], [3]);

    /// <summary>Forward mode of <see cref="FromScalars(double[])"/>: the value and the tensor of the tangents.</summary>
    [TangentOf(nameof(FromScalars))]
    public static (Tensor Value, Tensor Tangent) FromScalarsTangent(double[] values, double[] dvalues)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dvalues);
        if (dvalues.Length != values.Length)
            throw new ArgumentException($"FromScalars: {dvalues.Length} tangents for {values.Length} values.", nameof(dvalues));
        return (FromArray(values), FromArray(dvalues));
    }

    /// <summary>Reverse mode of <see cref="FromScalars(double[])"/>: the value and the seed's elements.</summary>
    [AdjointOf(nameof(FromScalars))]
    public static (Tensor Value, double[] values) FromScalarsAdjoint(double[] values, Tensor seed)
    {
        Tensor value = FromScalars(values);
        ArgumentNullException.ThrowIfNull(seed);
        if (!Shapes.Equal(seed._shape, value._shape))
            throw new ArgumentException($"FromScalars: the seed has shape {Shapes.Format(seed._shape)}, the value {Shapes.Format(value._shape)}.", nameof(seed));
        return (value, seed.ToArray());
    }

    /// <summary>Forward mode of <see cref="FromScalars(double, double)"/>.</summary>
    [TangentOf(nameof(FromScalars))]
    public static (Tensor Value, Tensor Tangent) FromScalarsTangent(double a, double b, double da, double db) =>
        (FromScalars(a, b), FromScalars(da, db));

    /// <summary>Reverse mode of <see cref="FromScalars(double, double)"/>: the value and the seed's two elements.</summary>
    [AdjointOf(nameof(FromScalars))]
    public static (Tensor Value, double a, double b) FromScalarsAdjoint(double a, double b, Tensor seed)
    {
        var (value, bar) = FromScalarsAdjoint([a, b], seed);
        return (value, bar[0], bar[1]);
    }

    /// <summary>Forward mode of <see cref="FromScalars(double, double, double)"/>.</summary>
    [TangentOf(nameof(FromScalars))]
    public static (Tensor Value, Tensor Tangent) FromScalarsTangent(double a, double b, double c, double da, double db, double dc) =>
        (FromScalars(a, b, c), FromScalars(da, db, dc));

    /// <summary>Reverse mode of <see cref="FromScalars(double, double, double)"/>: the value and the seed's three elements.</summary>
    [AdjointOf(nameof(FromScalars))]
    public static (Tensor Value, double a, double b, double c) FromScalarsAdjoint(double a, double b, double c, Tensor seed)
    {
        var (value, bar) = FromScalarsAdjoint([a, b, c], seed);
        return (value, bar[0], bar[1], bar[2]);
    }
}
