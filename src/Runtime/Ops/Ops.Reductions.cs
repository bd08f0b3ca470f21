using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Diff.Kernels;

namespace Diff;

// Reductions: Sum along an axis, Mean, Max, Min and the Frobenius Norm, whole or along an axis. An axis counts from 0,
// or from the end when negative (-1 is the last); the result drops the axis, or keeps it with length 1 when keepDims
// is true, so that it broadcasts back against the operand (numpy's keepdims).
public static partial class Ops
{
    // ---- Sum, Mean ---------------------------------------------------------------------------

    /// <summary>The sums along <paramref name="axis"/> (numpy's <c>sum(a, axis)</c>); an empty axis sums to 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to sum over; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 (so the result broadcasts against <paramref name="a"/>) instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Sum(Tensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Sum));
        var r = new double[layout.Results];
        AxisReduction.Sum(a.Span, r, layout);
        return new Tensor(r, layout.Shape);
    }

    /// <summary>The sums along <paramref name="axis"/> of a complex tensor; see <see cref="Sum(Tensor, int, bool)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to sum over; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static ComplexTensor Sum(ComplexTensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Sum));
        var r = new Complex[layout.Results];
        // Interleaved (re, im) pairs: summing slabs of 2·inner doubles sums real and imaginary parts apart.
        AxisReduction.Sum(AsDoubles(a.Span), MemoryMarshal.Cast<Complex, double>(r.AsSpan()), Pairs(layout));
        return new ComplexTensor(r, layout.Shape);
    }

    /// <summary>The mean of all elements (NaN for an empty tensor, as numpy).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>Σ a / a.Length.</returns>
    public static double Mean(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return TensorPrimitives.Sum(a.Span) / a.Length;
    }

    /// <summary>The mean of all elements of a complex tensor (NaN for an empty tensor).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>Σ a / a.Length.</returns>
    public static Complex Mean(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Sum(a) / a.Length;
    }

    /// <summary>The means along <paramref name="axis"/> (numpy's <c>mean(a, axis)</c>; NaN along an empty axis).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to average over; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Mean(Tensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Mean));
        var r = new double[layout.Results];
        AxisReduction.Sum(a.Span, r, layout);
        TensorPrimitives.Divide(r, layout.Count, r);
        return new Tensor(r, layout.Shape);
    }

    /// <summary>The means along <paramref name="axis"/> of a complex tensor; see <see cref="Mean(Tensor, int, bool)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to average over; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static ComplexTensor Mean(ComplexTensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Mean));
        var r = new Complex[layout.Results];
        Span<double> doubles = MemoryMarshal.Cast<Complex, double>(r.AsSpan());
        AxisReduction.Sum(AsDoubles(a.Span), doubles, Pairs(layout));
        TensorPrimitives.Divide(doubles, layout.Count, doubles);
        return new ComplexTensor(r, layout.Shape);
    }

    // ---- Max, Min ----------------------------------------------------------------------------

    /// <summary>
    /// The largest element (NaN if any element is NaN, as numpy's <c>max</c>). Its derivative is the subgradient that
    /// splits equally among tied maxima (as JAX's <c>max</c>): with c elements equal to the maximum, each gets 1/c of the
    /// seed, and the tangent is the mean of their tangents.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is empty (a maximum of nothing has no value).</exception>
    /// <param name="a">The tensor, of any shape, not empty.</param>
    /// <returns>max a.</returns>
    public static double Max(Tensor a) => Extreme(a, max: true);

    /// <summary>The smallest element (NaN if any element is NaN); derivative split equally among ties as for <see cref="Max(Tensor)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is empty.</exception>
    /// <param name="a">The tensor, of any shape, not empty.</param>
    /// <returns>min a.</returns>
    public static double Min(Tensor a) => Extreme(a, max: false);

    /// <summary>
    /// The maxima along <paramref name="axis"/> (numpy's <c>max(a, axis)</c>); derivative split equally among the
    /// tied maxima of each run, as for <see cref="Max(Tensor)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <exception cref="ArgumentException">The axis has length 0.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to reduce; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Max(Tensor a, int axis, bool keepDims = false) => Extreme(a, axis, keepDims, max: true);

    /// <summary>The minima along <paramref name="axis"/>; derivative split equally among ties, as for <see cref="Max(Tensor)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <exception cref="ArgumentException">The axis has length 0.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to reduce; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Min(Tensor a, int axis, bool keepDims = false) => Extreme(a, axis, keepDims, max: false);

    private static double Extreme(Tensor a, bool max)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length == 0)
            throw new ArgumentException($"{(max ? nameof(Max) : nameof(Min))} of an empty tensor, shape {Shapes.Format(a.ShapeRef)}: there is no element to return.", nameof(a));
        return max ? TensorPrimitives.Max(a.Span) : TensorPrimitives.Min(a.Span);
    }

    private static Tensor Extreme(Tensor a, int axis, bool keepDims, bool max)
    {
        ArgumentNullException.ThrowIfNull(a);
        string name = max ? nameof(Max) : nameof(Min);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, name);
        if (layout.Count == 0 && layout.Results > 0)
            throw new ArgumentException($"{name} along axis {axis} of shape {Shapes.Format(a.ShapeRef)}: the axis is empty, so there is no element to return.", nameof(axis));
        var r = new double[layout.Results];
        AxisReduction.Extreme(a.Span, r, layout, max);
        return new Tensor(r, layout.Shape);
    }

    // ---- Norm --------------------------------------------------------------------------------

    /// <summary>
    /// The Frobenius norm √(Σ a²) (the 2-norm of a vector), safe from overflow and underflow of the squares. Its
    /// derivative is a/‖a‖; at a = 0, where the norm has no derivative, it is 0 (the smallest subgradient, as PyTorch).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>‖a‖_F (0 for an empty tensor).</returns>
    public static double Norm(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return AxisReduction.SafeNorm(a.Span);
    }

    /// <summary>The Frobenius norm √(Σ |a|²) of a complex tensor, a real number; derivative a/‖a‖, and 0 at a = 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>‖a‖_F (0 for an empty tensor).</returns>
    public static double Norm(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return AxisReduction.SafeNorm(AsDoubles(a.Span));
    }

    /// <summary>The 2-norms along <paramref name="axis"/> (numpy's <c>linalg.norm(a, axis=axis)</c>); derivative as <see cref="Norm(Tensor)"/>, 0 where a norm is 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to reduce; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Norm(Tensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        var r = new double[layout.Results];
        AxisReduction.Norm(a.Span, r, layout, 1);
        return new Tensor(r, layout.Shape);
    }

    /// <summary>The 2-norms along <paramref name="axis"/> of a complex tensor, a real tensor; see <see cref="Norm(Tensor, int, bool)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to reduce; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 instead of dropping it.</param>
    /// <returns>A new real tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor Norm(ComplexTensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        var r = new double[layout.Results];
        AxisReduction.Norm(AsDoubles(a.Span), r, layout, 2);
        return new Tensor(r, layout.Shape);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static ReadOnlySpan<double> AsDoubles(ReadOnlySpan<Complex> z) => MemoryMarshal.Cast<Complex, double>(z);

    /// <summary>A complex layout seen as doubles: each element is two consecutive doubles.</summary>
    private static AxisLayout Pairs(AxisLayout l) => l with { Inner = 2 * l.Inner };
}
