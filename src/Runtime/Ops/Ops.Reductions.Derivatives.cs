using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of the reductions. A sum along an axis is linear: its tangent is the sum of the tangent and
// its adjoint spreads the seed back along the axis (AxisReduction.Expand). Max and Min split the seed equally among
// tied extremes; Norm's derivative is a/‖a‖ (0 where the norm is 0).
public static partial class Ops
{
    // ---- Sum along an axis -------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Sum(Tensor, int, bool)"/>: the value and the sum of the tangent.</summary>
    [TangentOf(nameof(Sum))]
    public static (Tensor Value, Tensor Tangent) SumTangent(Tensor a, int axis, bool keepDims, Tensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Sum));
        return (Sum(a, axis, keepDims), Sum(da!, axis, keepDims));
    }

    /// <summary>Forward mode of <see cref="Sum(ComplexTensor, int, bool)"/>: the value and the sum of the tangent.</summary>
    [TangentOf(nameof(Sum))]
    public static (ComplexTensor Value, ComplexTensor Tangent) SumTangent(ComplexTensor a, int axis, bool keepDims, ComplexTensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Sum));
        return (Sum(a, axis, keepDims), Sum(da!, axis, keepDims));
    }

    /// <summary>Reverse mode of <see cref="Sum(Tensor, int, bool)"/>: the value and the seed spread along the axis.</summary>
    [AdjointOf(nameof(Sum))]
    public static (Tensor Value, Tensor a) SumAdjoint(Tensor a, int axis, bool keepDims, Tensor seed)
    {
        Tensor value = Sum(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Sum));
        return (value, Spread(seed!, a.ShapeRef, AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Sum)), 1));
    }

    /// <summary>Reverse mode of <see cref="Sum(ComplexTensor, int, bool)"/>: the value and the seed spread along the axis.</summary>
    [AdjointOf(nameof(Sum))]
    public static (ComplexTensor Value, ComplexTensor a) SumAdjoint(ComplexTensor a, int axis, bool keepDims, ComplexTensor seed)
    {
        ComplexTensor value = Sum(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Sum));
        return (value, Spread(seed!, a.ShapeRef, AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Sum)), 1));
    }

    // ---- Mean --------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Mean(Tensor)"/>: the value and the mean of the tangent.</summary>
    [TangentOf(nameof(Mean))]
    public static (double Value, double Tangent) MeanTangent(Tensor a, Tensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Mean));
        return (Mean(a), Mean(da!));
    }

    /// <summary>Forward mode of <see cref="Mean(ComplexTensor)"/>: the value and the mean of the tangent.</summary>
    [TangentOf(nameof(Mean))]
    public static (Complex Value, Complex Tangent) MeanTangent(ComplexTensor a, ComplexTensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Mean));
        return (Mean(a), Mean(da!));
    }

    /// <summary>Reverse mode of <see cref="Mean(Tensor)"/>: the value and ā = seed / a.Length everywhere.</summary>
    [AdjointOf(nameof(Mean))]
    public static (double Value, Tensor a) MeanAdjoint(Tensor a, double seed) => (Mean(a), Tensor.Full(seed / a.Length, a.Shape));

    /// <summary>Reverse mode of <see cref="Mean(ComplexTensor)"/>: the value and ā = seed / a.Length everywhere.</summary>
    [AdjointOf(nameof(Mean))]
    public static (Complex Value, ComplexTensor a) MeanAdjoint(ComplexTensor a, Complex seed) => (Mean(a), ComplexTensor.Full(seed / a.Length, a.Shape));

    /// <summary>Forward mode of <see cref="Mean(Tensor, int, bool)"/>: the value and the mean of the tangent.</summary>
    [TangentOf(nameof(Mean))]
    public static (Tensor Value, Tensor Tangent) MeanTangent(Tensor a, int axis, bool keepDims, Tensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Mean));
        return (Mean(a, axis, keepDims), Mean(da!, axis, keepDims));
    }

    /// <summary>Forward mode of <see cref="Mean(ComplexTensor, int, bool)"/>: the value and the mean of the tangent.</summary>
    [TangentOf(nameof(Mean))]
    public static (ComplexTensor Value, ComplexTensor Tangent) MeanTangent(ComplexTensor a, int axis, bool keepDims, ComplexTensor da)
    {
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Mean));
        return (Mean(a, axis, keepDims), Mean(da!, axis, keepDims));
    }

    /// <summary>Reverse mode of <see cref="Mean(Tensor, int, bool)"/>: the value and the seed spread along the axis, divided by its length.</summary>
    [AdjointOf(nameof(Mean))]
    public static (Tensor Value, Tensor a) MeanAdjoint(Tensor a, int axis, bool keepDims, Tensor seed)
    {
        Tensor value = Mean(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Mean));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Mean));
        return (value, Spread(seed!, a.ShapeRef, layout, 1.0 / layout.Count));
    }

    /// <summary>Reverse mode of <see cref="Mean(ComplexTensor, int, bool)"/>: the value and the seed spread along the axis, divided by its length.</summary>
    [AdjointOf(nameof(Mean))]
    public static (ComplexTensor Value, ComplexTensor a) MeanAdjoint(ComplexTensor a, int axis, bool keepDims, ComplexTensor seed)
    {
        ComplexTensor value = Mean(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Mean));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Mean));
        return (value, Spread(seed!, a.ShapeRef, layout, 1.0 / layout.Count));
    }

    // ---- Max, Min ----------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Max(Tensor)"/>: the value and the mean tangent of the tied maxima.</summary>
    [TangentOf(nameof(Max))]
    public static (double Value, double Tangent) MaxTangent(Tensor a, Tensor da) => ExtremeTangent(a, da, max: true);

    /// <summary>Reverse mode of <see cref="Max(Tensor)"/>: the value and the seed split equally among the tied maxima.</summary>
    [AdjointOf(nameof(Max))]
    public static (double Value, Tensor a) MaxAdjoint(Tensor a, double seed) => ExtremeAdjoint(a, seed, max: true);

    /// <summary>Forward mode of <see cref="Min(Tensor)"/>: the value and the mean tangent of the tied minima.</summary>
    [TangentOf(nameof(Min))]
    public static (double Value, double Tangent) MinTangent(Tensor a, Tensor da) => ExtremeTangent(a, da, max: false);

    /// <summary>Reverse mode of <see cref="Min(Tensor)"/>: the value and the seed split equally among the tied minima.</summary>
    [AdjointOf(nameof(Min))]
    public static (double Value, Tensor a) MinAdjoint(Tensor a, double seed) => ExtremeAdjoint(a, seed, max: false);

    /// <summary>Forward mode of <see cref="Max(Tensor, int, bool)"/>: the values and, per run, the mean tangent of its tied maxima.</summary>
    [TangentOf(nameof(Max))]
    public static (Tensor Value, Tensor Tangent) MaxTangent(Tensor a, int axis, bool keepDims, Tensor da) => ExtremeTangent(a, axis, keepDims, da, max: true);

    /// <summary>Reverse mode of <see cref="Max(Tensor, int, bool)"/>: the values and each seed split equally among its run's tied maxima.</summary>
    [AdjointOf(nameof(Max))]
    public static (Tensor Value, Tensor a) MaxAdjoint(Tensor a, int axis, bool keepDims, Tensor seed) => ExtremeAdjoint(a, axis, keepDims, seed, max: true);

    /// <summary>Forward mode of <see cref="Min(Tensor, int, bool)"/>: the values and, per run, the mean tangent of its tied minima.</summary>
    [TangentOf(nameof(Min))]
    public static (Tensor Value, Tensor Tangent) MinTangent(Tensor a, int axis, bool keepDims, Tensor da) => ExtremeTangent(a, axis, keepDims, da, max: false);

    /// <summary>Reverse mode of <see cref="Min(Tensor, int, bool)"/>: the values and each seed split equally among its run's tied minima.</summary>
    [AdjointOf(nameof(Min))]
    public static (Tensor Value, Tensor a) MinAdjoint(Tensor a, int axis, bool keepDims, Tensor seed) => ExtremeAdjoint(a, axis, keepDims, seed, max: false);

    private static (double, double) ExtremeTangent(Tensor a, Tensor da, bool max)
    {
        double value = Extreme(a, max);
        TangentShape(a.ShapeRef, da?.ShapeRef, max ? nameof(Max) : nameof(Min));
        double[] w = AxisReduction.TieWeights(a.Span, [value], AxisLayout.Whole(a.Length));
        return (value, TensorPrimitives.Dot(w, da!.Span));
    }

    private static (double, Tensor) ExtremeAdjoint(Tensor a, double seed, bool max)
    {
        double value = Extreme(a, max);
        double[] w = AxisReduction.TieWeights(a.Span, [value], AxisLayout.Whole(a.Length));
        TensorPrimitives.Multiply(w, seed, w);
        return (value, new Tensor(w, [.. a.ShapeRef]));
    }

    private static (Tensor, Tensor) ExtremeTangent(Tensor a, int axis, bool keepDims, Tensor da, bool max)
    {
        Tensor value = Extreme(a, axis, keepDims, max);
        TangentShape(a.ShapeRef, da?.ShapeRef, max ? nameof(Max) : nameof(Min));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, max ? nameof(Max) : nameof(Min));
        double[] w = AxisReduction.TieWeights(a.Span, value.Span, layout);
        TensorPrimitives.Multiply(w, da!.Span, w);
        var t = new double[layout.Results];
        AxisReduction.Sum(w, t, layout);
        return (value, new Tensor(t, layout.Shape));
    }

    private static (Tensor, Tensor) ExtremeAdjoint(Tensor a, int axis, bool keepDims, Tensor seed, bool max)
    {
        Tensor value = Extreme(a, axis, keepDims, max);
        SeedShape(value.ShapeRef, seed?.ShapeRef, max ? nameof(Max) : nameof(Min));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, max ? nameof(Max) : nameof(Min));
        double[] w = AxisReduction.TieWeights(a.Span, value.Span, layout);
        var spread = new double[a.Length];
        AxisReduction.Expand(seed!.Span, spread, layout);
        TensorPrimitives.Multiply(w, spread, w);
        return (value, new Tensor(w, [.. a.ShapeRef]));
    }

    // ---- Norm --------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Norm(Tensor)"/>: the value and ⟨a, da⟩/‖a‖ (0 at a = 0).</summary>
    [TangentOf(nameof(Norm))]
    public static (double Value, double Tangent) NormTangent(Tensor a, Tensor da)
    {
        double value = Norm(a);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Norm));
        return (value, value == 0 ? 0 : TensorPrimitives.Dot(a.Span, da!.Span) / value);
    }

    /// <summary>Forward mode of <see cref="Norm(ComplexTensor)"/>: the value and Re⟨a, da⟩/‖a‖ (0 at a = 0).</summary>
    [TangentOf(nameof(Norm))]
    public static (double Value, double Tangent) NormTangent(ComplexTensor a, ComplexTensor da)
    {
        double value = Norm(a);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Norm));
        // Re Σ conj(a)·da = Σ (Re a·Re da + Im a·Im da): the real dot product of the interleaved doubles.
        return (value, value == 0 ? 0 : TensorPrimitives.Dot(AsDoubles(a.Span), AsDoubles(da!.Span)) / value);
    }

    /// <summary>Reverse mode of <see cref="Norm(Tensor)"/>: the value and ā = seed·a/‖a‖ (0 at a = 0).</summary>
    [AdjointOf(nameof(Norm))]
    public static (double Value, Tensor a) NormAdjoint(Tensor a, double seed)
    {
        double value = Norm(a);
        var bar = new double[a.Length];
        if (value != 0)
            TensorPrimitives.Multiply(a.Span, seed / value, bar);
        return (value, new Tensor(bar, [.. a.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Norm(ComplexTensor)"/>: the value and ā = seed·a/‖a‖ (0 at a = 0).</summary>
    [AdjointOf(nameof(Norm))]
    public static (double Value, ComplexTensor a) NormAdjoint(ComplexTensor a, double seed)
    {
        double value = Norm(a);
        var bar = new Complex[a.Length];
        if (value != 0)
            TensorPrimitives.Multiply(AsDoubles(a.Span), seed / value, MemoryMarshal.Cast<Complex, double>(bar.AsSpan()));
        return (value, new ComplexTensor(bar, [.. a.ShapeRef]));
    }

    /// <summary>Forward mode of <see cref="Norm(Tensor, int, bool)"/>: the values and Σ_axis a·da / ‖a‖ (0 where the norm is 0).</summary>
    [TangentOf(nameof(Norm))]
    public static (Tensor Value, Tensor Tangent) NormTangent(Tensor a, int axis, bool keepDims, Tensor da)
    {
        Tensor value = Norm(a, axis, keepDims);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Norm));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        var product = new double[a.Length];
        TensorPrimitives.Multiply(a.Span, da!.Span, product);
        var t = new double[layout.Results];
        AxisReduction.Sum(product, t, layout);
        DivideOrZero(t, value.Span);
        return (value, new Tensor(t, layout.Shape));
    }

    /// <summary>Forward mode of <see cref="Norm(ComplexTensor, int, bool)"/>: the values and Re Σ_axis conj(a)·da / ‖a‖ (0 where the norm is 0).</summary>
    [TangentOf(nameof(Norm))]
    public static (Tensor Value, Tensor Tangent) NormTangent(ComplexTensor a, int axis, bool keepDims, ComplexTensor da)
    {
        Tensor value = Norm(a, axis, keepDims);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Norm));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        // Re(conj(a)·da) per element: the products of the interleaved doubles, summed in pairs.
        var doubles = new double[2 * a.Length];
        TensorPrimitives.Multiply(AsDoubles(a.Span), AsDoubles(da!.Span), doubles);
        var product = new double[a.Length];
        for (int i = 0; i < product.Length; i++)
            product[i] = doubles[2 * i] + doubles[2 * i + 1];
        var t = new double[layout.Results];
        AxisReduction.Sum(product, t, layout);
        DivideOrZero(t, value.Span);
        return (value, new Tensor(t, layout.Shape));
    }

    /// <summary>Reverse mode of <see cref="Norm(Tensor, int, bool)"/>: the values and ā = a·(seed/‖a‖) spread along the axis (0 where the norm is 0).</summary>
    [AdjointOf(nameof(Norm))]
    public static (Tensor Value, Tensor a) NormAdjoint(Tensor a, int axis, bool keepDims, Tensor seed)
    {
        Tensor value = Norm(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Norm));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        double[] scale = seed!.Span.ToArray();
        DivideOrZero(scale, value.Span);
        var bar = new double[a.Length];
        AxisReduction.Expand<double>(scale, bar, layout);
        TensorPrimitives.Multiply(bar, a.Span, bar);
        return (value, new Tensor(bar, [.. a.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Norm(ComplexTensor, int, bool)"/>: the values and ā = a·(seed/‖a‖) spread along the axis (0 where the norm is 0).</summary>
    [AdjointOf(nameof(Norm))]
    public static (Tensor Value, ComplexTensor a) NormAdjoint(ComplexTensor a, int axis, bool keepDims, Tensor seed)
    {
        Tensor value = Norm(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Norm));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(Norm));
        double[] scale = seed!.Span.ToArray();
        DivideOrZero(scale, value.Span);
        var spread = new double[a.Length];
        AxisReduction.Expand<double>(scale, spread, layout);
        var bar = new Complex[a.Length];
        for (int i = 0; i < bar.Length; i++)
            bar[i] = a.Data[i] * spread[i];
        return (value, new ComplexTensor(bar, [.. a.ShapeRef]));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>x[i] /= d[i], and 0 where d[i] is 0 (the chosen derivative of a norm at 0).</summary>
    private static void DivideOrZero(Span<double> x, ReadOnlySpan<double> d)
    {
        for (int i = 0; i < x.Length; i++)
            x[i] = d[i] == 0 ? 0 : x[i] / d[i];
    }

    /// <summary>The seed (of a reduction's result shape) spread back along the axis to <paramref name="shape"/>, times <paramref name="scale"/>.</summary>
    private static Tensor Spread(Tensor seed, int[] shape, AxisLayout layout, double scale)
    {
        var data = new double[Shapes.Product(shape)];
        AxisReduction.Expand(seed.Span, data, layout);
        if (scale != 1)
            TensorPrimitives.Multiply(data, scale, data);
        return new Tensor(data, [.. shape]);
    }

    private static ComplexTensor Spread(ComplexTensor seed, int[] shape, AxisLayout layout, double scale)
    {
        var data = new Complex[Shapes.Product(shape)];
        AxisReduction.Expand(seed.Span, data, layout);
        if (scale != 1)
        {
            Span<double> doubles = MemoryMarshal.Cast<Complex, double>(data.AsSpan());
            TensorPrimitives.Multiply(doubles, scale, doubles);
        }
        return new ComplexTensor(data, [.. shape]);
    }

    /// <summary>A tangent must have its value's shape.</summary>
    private static void TangentShape(int[] value, int[]? tangent, string operation)
    {
        if (tangent is null)
            throw new ArgumentNullException("da");
        if (!Shapes.Equal(value, tangent))
            throw new ArgumentException($"{operation}: the tangent has shape {Shapes.Format(tangent)}, the operand {Shapes.Format(value)}.", "da");
    }
}
