using System;
using System.Numerics;
using System.Numerics.Tensors;
using Diff.Kernels;

namespace Diff;

// LogSumExp and Softmax along an axis (shifted by the maximum, so large inputs neither overflow nor lose the
// largest term), and the outer product, with their registered derivatives. With s = softmax(a) along the axis:
// d logsumexp = Σ s·da, d s = s ⊙ (da − Σ s·da); both adjoints are their transposes.
public static partial class Ops
{
    /// <summary>
    /// log Σ exp(a) along <paramref name="axis"/>, computed as m + log Σ exp(a − m) with m the maximum (scipy's
    /// <c>logsumexp</c>): no overflow for large entries. An axis of only −∞ (or of length 0) gives −∞; a +∞ gives +∞.
    /// Its derivative is the softmax along the axis.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="axis">The axis to reduce; negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with length 1 (so <c>a - LogSumExp(a, -1, keepDims: true)</c> broadcasts) instead of dropping it.</param>
    /// <returns>A new tensor: the shape of <paramref name="a"/> without the axis (or with it as 1).</returns>
    public static Tensor LogSumExp(Tensor a, int axis, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(LogSumExp));
        var r = new double[layout.Results];
        SoftmaxKernel.LogSumExp(a.Span, r, layout);
        return new Tensor(r, layout.Shape);
    }

    /// <summary>
    /// exp(a) / Σ exp(a) along <paramref name="axis"/> (each run along the axis sums to 1), computed from a − max so
    /// that large entries do not overflow. A run of only −∞ gives NaN, as scipy's <c>softmax</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="a">The tensor (the logits).</param>
    /// <param name="axis">The axis along which the result sums to 1; negative counts from the end.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Softmax(Tensor a, int axis)
    {
        ArgumentNullException.ThrowIfNull(a);
        var layout = AxisLayout.Of(a.ShapeRef, axis, false, nameof(Softmax));
        var s = GC.AllocateUninitializedArray<double>(a.Length); // the kernel writes every entry
        SoftmaxKernel.Softmax(a.Span, s, layout);
        return new Tensor(s, [.. a.ShapeRef]);
    }

    /// <summary>The outer product u·vᵀ of two vectors: <c>r[i, j] = u[i]·v[j]</c> (numpy's <c>outer</c>, which flattens tensors of other ranks first).</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <param name="u">The left vector (flattened if it is not of rank 1).</param>
    /// <param name="v">The right vector (flattened if it is not of rank 1).</param>
    /// <returns>A new tensor of shape <c>(u.Length, v.Length)</c>.</returns>
    public static Tensor Outer(Tensor u, Tensor v)
    {
        NotNull(u, v);
        int m = u.Length, n = v.Length;
        var r = new double[Shapes.Product([m, n])];
        for (int i = 0; i < m; i++)
            TensorPrimitives.Multiply(v.Span, u.Data[i], r.AsSpan(i * n, n));
        return new Tensor(r, [m, n]);
    }

    /// <summary>The outer product of two complex vectors, without conjugation (numpy's <c>outer</c>); see <see cref="Outer(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <param name="u">The left vector (flattened if it is not of rank 1).</param>
    /// <param name="v">The right vector (flattened if it is not of rank 1).</param>
    /// <returns>A new tensor of shape <c>(u.Length, v.Length)</c>.</returns>
    public static ComplexTensor Outer(ComplexTensor u, ComplexTensor v)
    {
        NotNull(u, v);
        int m = u.Length, n = v.Length;
        var r = new Complex[Shapes.Product([m, n])];
        for (int i = 0; i < m; i++)
        {
            Complex ui = u.Data[i];
            for (int j = 0; j < n; j++)
                r[i * n + j] = ui * v.Data[j];
        }
        return new ComplexTensor(r, [m, n]);
    }

    // ---- derivatives -------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="LogSumExp"/>: the value and Σ_axis softmax(a)·da.</summary>
    [TangentOf(nameof(LogSumExp))]
    public static (Tensor Value, Tensor Tangent) LogSumExpTangent(Tensor a, int axis, bool keepDims, Tensor da)
    {
        Tensor value = LogSumExp(a, axis, keepDims);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(LogSumExp));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(LogSumExp));
        var s = GC.AllocateUninitializedArray<double>(a.Length);
        SoftmaxKernel.Softmax(a.Span, s, layout);
        TensorPrimitives.Multiply(s, da!.Span, s);
        var t = new double[layout.Results];
        AxisReduction.Sum(s, t, layout);
        return (value, new Tensor(t, layout.Shape));
    }

    /// <summary>Reverse mode of <see cref="LogSumExp"/>: the value and ā = softmax(a) ⊙ seed spread along the axis.</summary>
    [AdjointOf(nameof(LogSumExp))]
    public static (Tensor Value, Tensor a) LogSumExpAdjoint(Tensor a, int axis, bool keepDims, Tensor seed)
    {
        Tensor value = LogSumExp(a, axis, keepDims);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(LogSumExp));
        var layout = AxisLayout.Of(a.ShapeRef, axis, keepDims, nameof(LogSumExp));
        var s = GC.AllocateUninitializedArray<double>(a.Length);
        SoftmaxKernel.Softmax(a.Span, s, layout);
        var spread = new double[a.Length];
        AxisReduction.Expand(seed!.Span, spread, layout);
        TensorPrimitives.Multiply(s, spread, s);
        return (value, new Tensor(s, [.. a.ShapeRef]));
    }

    /// <summary>Forward mode of <see cref="Softmax"/>: the value s and s ⊙ (da − Σ_axis s·da).</summary>
    [TangentOf(nameof(Softmax))]
    public static (Tensor Value, Tensor Tangent) SoftmaxTangent(Tensor a, int axis, Tensor da)
    {
        Tensor s = Softmax(a, axis);
        TangentShape(a.ShapeRef, da?.ShapeRef, nameof(Softmax));
        return (s, new Tensor(SoftmaxTranspose(s, da!, AxisLayout.Of(a.ShapeRef, axis, false, nameof(Softmax))), [.. a.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Softmax"/>: the value s and ā = s ⊙ (seed − Σ_axis s·seed) (the Jacobian is symmetric).</summary>
    [AdjointOf(nameof(Softmax))]
    public static (Tensor Value, Tensor a) SoftmaxAdjoint(Tensor a, int axis, Tensor seed)
    {
        Tensor s = Softmax(a, axis);
        SeedShape(s.ShapeRef, seed?.ShapeRef, nameof(Softmax));
        return (s, new Tensor(SoftmaxTranspose(s, seed!, AxisLayout.Of(a.ShapeRef, axis, false, nameof(Softmax))), [.. a.ShapeRef]));
    }

    /// <summary>s ⊙ (x − Σ_axis s·x): the softmax Jacobian diag(s) − s·sᵀ of each run applied to x.</summary>
    private static double[] SoftmaxTranspose(Tensor s, Tensor x, AxisLayout layout)
    {
        var product = new double[s.Length];
        TensorPrimitives.Multiply(s.Span, x.Span, product);
        var sums = new double[layout.Results];
        AxisReduction.Sum(product, sums, layout);
        var spread = new double[s.Length];
        AxisReduction.Expand<double>(sums, spread, layout);
        // s·x − s·(Σ s·x) = product − s ⊙ spread
        TensorPrimitives.Negate(spread, spread);
        TensorPrimitives.MultiplyAdd(s.Span, spread, product, product);
        return product;
    }

    /// <summary>Forward mode of <see cref="Outer(Tensor, Tensor)"/>: the value and du·vᵀ + u·dvᵀ.</summary>
    [TangentOf(nameof(Outer))]
    public static (Tensor Value, Tensor Tangent) OuterTangent(Tensor u, Tensor v, Tensor du, Tensor dv)
    {
        TangentShape(u.ShapeRef, du?.ShapeRef, nameof(Outer));
        TangentShape(v.ShapeRef, dv?.ShapeRef, nameof(Outer));
        return (Outer(u, v), Outer(du!, v) + Outer(u, dv!));
    }

    /// <summary>Forward mode of <see cref="Outer(ComplexTensor, ComplexTensor)"/>: the value and du·vᵀ + u·dvᵀ.</summary>
    [TangentOf(nameof(Outer))]
    public static (ComplexTensor Value, ComplexTensor Tangent) OuterTangent(ComplexTensor u, ComplexTensor v, ComplexTensor du, ComplexTensor dv)
    {
        TangentShape(u.ShapeRef, du?.ShapeRef, nameof(Outer));
        TangentShape(v.ShapeRef, dv?.ShapeRef, nameof(Outer));
        return (Outer(u, v), Outer(du!, v) + Outer(u, dv!));
    }

    /// <summary>Reverse mode of <see cref="Outer(Tensor, Tensor)"/>: the value and ū = S·v, v̄ = Sᵀ·u for the seed S.</summary>
    [AdjointOf(nameof(Outer))]
    public static (Tensor Value, Tensor u, Tensor v) OuterAdjoint(Tensor u, Tensor v, Tensor seed)
    {
        Tensor value = Outer(u, v);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Outer));
        int m = u.Length, n = v.Length;
        var ub = new double[m];
        var vb = new double[n];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<double> row = seed!.Span.Slice(i * n, n);
            ub[i] = TensorPrimitives.Dot(row, v.Span);
            TensorPrimitives.MultiplyAdd(row, u.Data[i], vb, vb);
        }
        return (value, new Tensor(ub, [.. u.ShapeRef]), new Tensor(vb, [.. v.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Outer(ComplexTensor, ComplexTensor)"/>: the value and ū = S·conj(v), v̄ = Sᵀ·conj(u) for the seed S.</summary>
    [AdjointOf(nameof(Outer))]
    public static (ComplexTensor Value, ComplexTensor u, ComplexTensor v) OuterAdjoint(ComplexTensor u, ComplexTensor v, ComplexTensor seed)
    {
        ComplexTensor value = Outer(u, v);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Outer));
        int m = u.Length, n = v.Length;
        var ub = new Complex[m];
        var vb = new Complex[n];
        for (int i = 0; i < m; i++)
        {
            Complex ui = Complex.Conjugate(u.Data[i]);
            for (int j = 0; j < n; j++)
            {
                Complex s = seed!.Data[i * n + j];
                ub[i] += s * Complex.Conjugate(v.Data[j]);
                vb[j] += s * ui;
            }
        }
        return (value, new ComplexTensor(ub, [.. u.ShapeRef]), new ComplexTensor(vb, [.. v.ShapeRef]));
    }
}
