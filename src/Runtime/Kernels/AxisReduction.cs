using System;
using System.Buffers;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// A tensor seen from one axis: <see cref="Outer"/> blocks (the axes before it), each of <see cref="Count"/> slabs
/// along the axis, each slab <see cref="Inner"/> contiguous elements (the axes after it). A whole-tensor reduction
/// is the layout (1, length, 1). <see cref="Shape"/> is the shape of a reduction's result.
/// </summary>
internal readonly record struct AxisLayout(int Outer, int Count, int Inner, int[] Shape)
{
    /// <summary>The number of results (<see cref="Outer"/> · <see cref="Inner"/>).</summary>
    public int Results => Outer * Inner;

    /// <summary>The whole tensor as one axis: a reduction to a scalar.</summary>
    public static AxisLayout Whole(int length) => new(1, length, 1, []);

    /// <summary>
    /// The layout of <paramref name="shape"/> along <paramref name="axis"/> (negative counts from the end); the
    /// result shape drops the axis, or keeps it as 1 when <paramref name="keepDims"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside <c>[-rank, rank)</c>.</exception>
    public static AxisLayout Of(int[] shape, int axis, bool keepDims, string operation)
    {
        int a = Normalize(shape, axis, operation);
        int outer = Shapes.Product(shape.AsSpan(0, a));
        int inner = Shapes.Product(shape.AsSpan(a + 1));
        // Built in place: slicing the array with ranges would allocate two temporaries per call.
        var result = new int[keepDims ? shape.Length : shape.Length - 1];
        for (int d = 0, k = 0; d < shape.Length; d++)
        {
            if (d != a)
                result[k++] = shape[d];
            else if (keepDims)
                result[k++] = 1;
        }
        return new AxisLayout(outer, shape[a], inner, result);
    }

    /// <summary>The axis counted from 0: <paramref name="axis"/> itself, or rank + axis for a negative one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside <c>[-rank, rank)</c>.</exception>
    public static int Normalize(int[] shape, int axis, string operation, int rank = -1)
    {
        if (rank < 0)
            rank = shape.Length;
        if (axis < -rank || axis >= rank)
            throw new ArgumentOutOfRangeException(nameof(axis), axis,
                $"{operation}: axis {axis} is out of range for shape {Shapes.Format(shape)} (rank {shape.Length}; an axis is in [{-rank}, {rank - 1}]).");
        return axis < 0 ? axis + rank : axis;
    }
}

/// <summary>
/// Reductions of a row-major tensor along one axis (<see cref="AxisLayout"/>) and their transposes. Where the axis is
/// the last one (<c>Inner == 1</c>) every result is one contiguous run and goes to <see cref="TensorPrimitives"/>;
/// otherwise whole slabs are combined elementwise (also through TensorPrimitives), which reads memory in order.
/// </summary>
internal static class AxisReduction
{
    /// <summary>r[o, i] = Σ_k x[o, k, i].</summary>
    public static void Sum(ReadOnlySpan<double> x, Span<double> r, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        if (inner == 1)
        {
            for (int o = 0; o < l.Outer; o++)
                r[o] = TensorPrimitives.Sum(x.Slice(o * n, n));
            return;
        }
        for (int o = 0; o < l.Outer; o++)
        {
            Span<double> dst = r.Slice(o * inner, inner);
            if (n == 0)
            {
                dst.Clear();
                continue;
            }
            x.Slice(o * n * inner, inner).CopyTo(dst);
            for (int k = 1; k < n; k++)
                TensorPrimitives.Add(dst, x.Slice((o * n + k) * inner, inner), dst);
        }
    }

    /// <summary>r[o, i] = max_k x[o, k, i] (or min); NaN where a NaN is among the x (as numpy's <c>max</c>).</summary>
    public static void Extreme(ReadOnlySpan<double> x, Span<double> r, AxisLayout l, bool max)
    {
        int n = l.Count, inner = l.Inner;
        if (inner == 1)
        {
            for (int o = 0; o < l.Outer; o++)
                r[o] = max ? TensorPrimitives.Max(x.Slice(o * n, n)) : TensorPrimitives.Min(x.Slice(o * n, n));
            return;
        }
        for (int o = 0; o < l.Outer; o++)
        {
            Span<double> dst = r.Slice(o * inner, inner);
            x.Slice(o * n * inner, inner).CopyTo(dst);
            for (int k = 1; k < n; k++)
            {
                ReadOnlySpan<double> slab = x.Slice((o * n + k) * inner, inner);
                if (max)
                    TensorPrimitives.Max(dst, slab, dst);
                else
                    TensorPrimitives.Min(dst, slab, dst);
            }
        }
    }

    /// <summary>
    /// The weights of the subgradient of max/min that splits equally among ties: w[o, k, i] = 1/c where x[o, k, i]
    /// equals the extreme r[o, i] (c such entries), 0 elsewhere; NaN throughout a run whose extreme is NaN.
    /// </summary>
    public static double[] TieWeights(ReadOnlySpan<double> x, ReadOnlySpan<double> r, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        var w = new double[x.Length];
        for (int o = 0; o < l.Outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                double e = r[o * inner + i];
                int count = 0;
                for (int k = 0; k < n; k++)
                    if (x[(o * n + k) * inner + i] == e)
                        count++;
                double share = count == 0 ? double.NaN : 1.0 / count;
                for (int k = 0; k < n; k++)
                {
                    int at = (o * n + k) * inner + i;
                    if (count == 0 || x[at] == e)
                        w[at] = share;
                }
            }
        }
        return w;
    }

    /// <summary>The transpose of a reduction: x[o, k, i] = r[o, i] for every k (the seed spread back along the axis).</summary>
    public static void Expand<T>(ReadOnlySpan<T> r, Span<T> x, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        for (int o = 0; o < l.Outer; o++)
        {
            if (inner == 1)
            {
                x.Slice(o * n, n).Fill(r[o]);
                continue;
            }
            ReadOnlySpan<T> src = r.Slice(o * inner, inner);
            for (int k = 0; k < n; k++)
                src.CopyTo(x.Slice((o * n + k) * inner, inner));
        }
    }

    /// <summary>
    /// r[o, i] = √(Σ_k x[o, k, i]²), where each element is <paramref name="pair"/> consecutive doubles (2 for the
    /// interleaved real and imaginary parts of a complex tensor). Sums squares directly, and only where that over-
    /// or underflows rescales by the largest magnitude (Blue, "A portable Fortran program to find the Euclidean norm
    /// of a vector", ACM TOMS 4(1), 1978: the unscaled sum is exact enough whenever it stays in range).
    /// </summary>
    public static void Norm(ReadOnlySpan<double> x, Span<double> r, AxisLayout l, int pair)
    {
        int n = l.Count, inner = l.Inner;
        if (inner == 1)
        {
            for (int o = 0; o < l.Outer; o++)
                r[o] = SafeNorm(x.Slice(o * n * pair, n * pair));
            return;
        }
        int width = inner * pair;
        double[] rented = ArrayPool<double>.Shared.Rent(width);
        Span<double> acc = rented.AsSpan(0, width);
        for (int o = 0; o < l.Outer; o++)
        {
            acc.Clear();
            for (int k = 0; k < n; k++)
            {
                ReadOnlySpan<double> slab = x.Slice((o * n + k) * width, width);
                TensorPrimitives.MultiplyAdd(slab, slab, acc, acc);
            }
            for (int i = 0; i < inner; i++)
            {
                double s = pair == 1 ? acc[i] : acc[2 * i] + acc[2 * i + 1];
                r[o * inner + i] = InRange(s) ? Math.Sqrt(s) : ScaledNorm(x, o, i, l, pair);
            }
        }
        ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>The Euclidean norm of a contiguous run, safe from over- and underflow.</summary>
    public static double SafeNorm(ReadOnlySpan<double> v)
    {
        double s = TensorPrimitives.SumOfSquares(v);
        if (InRange(s))
            return Math.Sqrt(s);
        double scale = v.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(v));
        if (scale == 0 || double.IsNaN(scale) || double.IsInfinity(scale))
            return scale;
        double t = 0;
        foreach (double e in v)
        {
            double q = e / scale;
            t += q * q;
        }
        return scale * Math.Sqrt(t);
    }

    /// <summary>Whether a sum of squares is free of overflow and of harmful underflow (or NaN; a 0 may be squares that underflowed, so it is rechecked): above 1e-292 (≈ 2⁻⁹⁷⁰) a square that went subnormal (below 2.2e-308) is under 1e-16 of the sum, so dropping its digits costs nothing.</summary>
    private static bool InRange(double s) => double.IsNaN(s) || (s < double.MaxValue && s >= 1e-292);

    private static double ScaledNorm(ReadOnlySpan<double> x, int o, int i, AxisLayout l, int pair)
    {
        int n = l.Count, width = l.Inner * pair;
        double scale = 0;
        for (int k = 0; k < n; k++)
            for (int p = 0; p < pair; p++)
                scale = Math.Max(scale, Math.Abs(x[(o * n + k) * width + i * pair + p]));
        if (scale == 0 || double.IsInfinity(scale))
            return scale;
        double t = 0;
        for (int k = 0; k < n; k++)
        {
            for (int p = 0; p < pair; p++)
            {
                double q = x[(o * n + k) * width + i * pair + p] / scale;
                t += q * q;
            }
        }
        return scale * Math.Sqrt(t);
    }
}
