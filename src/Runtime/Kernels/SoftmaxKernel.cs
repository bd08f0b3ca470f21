using System;
using System.Buffers;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// Softmax and log-sum-exp along one axis, shifted by the largest element so that no exponential overflows and the
/// largest term is exactly 1 (the standard stabilisation; Blanchard, Higham and Higham, "Accurately computing the
/// log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021, Algorithms 2 and 3 without the log1p refinement).
/// </summary>
/// <remarks>
/// <para>Memory is read once for the maximum and once for the exponentials: each run (a row when the axis is the last
/// one, else a slab of <c>Inner</c> contiguous elements) is shifted, exponentiated and summed by TensorPrimitives calls
/// that work on it while it sits in the L1 cache (a run of 1,000 doubles is 8 kB), and softmax scales it there.</para>
/// <para>Measured, not assumed: a single fused loop around <c>Vector256.Exp</c> (exp, store and sum in one pass) was
/// 1.5× slower than these calls on 1,000×1,000 (TensorPrimitives.Exp's own unrolled loop is faster than a loop around
/// the vector function), so the passes over the cached run stay separate. Softmax scales by the reciprocal of the sum
/// (a multiply per element instead of a division, at most one rounding more).</para>
/// </remarks>
internal static class SoftmaxKernel
{
    /// <summary>Runs up to this long (8 kB) are handled whole; longer ones in blocks of it, so that each stays in L1.</summary>
    private const int Block = 1024;

    /// <summary>s[o, k, i] = exp(x[o, k, i] − m[o, i]) / Σ_k exp(x[o, k, i] − m[o, i]) with m the maximum along the axis.</summary>
    public static void Softmax(ReadOnlySpan<double> x, Span<double> s, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        if (n == 0)
            return;
        if (inner == 1)
        {
            for (int o = 0; o < l.Outer; o++)
            {
                ReadOnlySpan<double> row = x.Slice(o * n, n);
                Span<double> dst = s.Slice(o * n, n);
                double max = TensorPrimitives.Max(row);
                double sum = 0;
                for (int b = 0; b < n; b += Block)
                {
                    int w = Math.Min(Block, n - b);
                    Span<double> part = dst.Slice(b, w);
                    TensorPrimitives.Subtract(row.Slice(b, w), max, part);
                    TensorPrimitives.Exp(part, part);
                    sum += TensorPrimitives.Sum(part);
                }
                TensorPrimitives.Multiply(dst, 1 / sum, dst);
            }
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(2 * inner);
        Span<double> m = rented.AsSpan(0, inner), total = rented.AsSpan(inner, inner);
        for (int o = 0; o < l.Outer; o++)
        {
            MaxOfSlabs(x, m, o, l);
            total.Clear();
            for (int k = 0; k < n; k++)
            {
                Span<double> dst = s.Slice((o * n + k) * inner, inner);
                TensorPrimitives.Subtract(x.Slice((o * n + k) * inner, inner), m, dst);
                TensorPrimitives.Exp(dst, dst);
                TensorPrimitives.Add(total, dst, total);
            }
            TensorPrimitives.Reciprocal(total, total);
            for (int k = 0; k < n; k++)
            {
                Span<double> dst = s.Slice((o * n + k) * inner, inner);
                TensorPrimitives.Multiply(dst, total, dst);
            }
        }
        ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>
    /// r[o, i] = m + log Σ_k exp(x[o, k, i] − m) with m the maximum along the axis; −∞ for an empty axis or one of
    /// only −∞, +∞ where an element is +∞, NaN where one is NaN.
    /// </summary>
    public static void LogSumExp(ReadOnlySpan<double> x, Span<double> r, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        if (n == 0)
        {
            r.Fill(double.NegativeInfinity);
            return;
        }
        if (inner == 1)
        {
            double[] buffer = ArrayPool<double>.Shared.Rent(Math.Min(n, Block));
            for (int o = 0; o < l.Outer; o++)
            {
                ReadOnlySpan<double> row = x.Slice(o * n, n);
                double m = TensorPrimitives.Max(row);
                if (!double.IsFinite(m))
                {
                    r[o] = m;
                    continue;
                }
                double sum = 0;
                for (int b = 0; b < n; b += Block)
                {
                    int w = Math.Min(Block, n - b);
                    Span<double> t = buffer.AsSpan(0, w);
                    TensorPrimitives.Subtract(row.Slice(b, w), m, t);
                    TensorPrimitives.Exp(t, t);
                    sum += TensorPrimitives.Sum(t);
                }
                r[o] = m + Math.Log(sum);
            }
            ArrayPool<double>.Shared.Return(buffer);
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(3 * inner);
        Span<double> shift = rented.AsSpan(0, inner), total = rented.AsSpan(inner, inner), term = rented.AsSpan(2 * inner, inner);
        for (int o = 0; o < l.Outer; o++)
        {
            Span<double> m = r.Slice(o * inner, inner);
            MaxOfSlabs(x, m, o, l);
            // An infinite or NaN maximum is the result itself; shifting by 0 there keeps ∞ − ∞ out of the sums.
            for (int i = 0; i < inner; i++)
                shift[i] = double.IsFinite(m[i]) ? m[i] : 0;
            total.Clear();
            for (int k = 0; k < n; k++)
            {
                TensorPrimitives.Subtract(x.Slice((o * n + k) * inner, inner), shift, term);
                TensorPrimitives.Exp(term, term);
                TensorPrimitives.Add(total, term, total);
            }
            for (int i = 0; i < inner; i++)
                if (double.IsFinite(m[i]))
                    m[i] += Math.Log(total[i]);
        }
        ArrayPool<double>.Shared.Return(rented);
    }

    private static void MaxOfSlabs(ReadOnlySpan<double> x, Span<double> m, int o, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        x.Slice(o * n * inner, inner).CopyTo(m);
        for (int k = 1; k < n; k++)
            TensorPrimitives.Max(m, x.Slice((o * n + k) * inner, inner), m);
    }
}
