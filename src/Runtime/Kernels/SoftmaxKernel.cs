using System;
using System.Buffers;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// Softmax and log-sum-exp along one axis, shifted by the largest element so that no exponential overflows and the
/// largest term is exactly 1 (the standard stabilisation; Blanchard, Higham and Higham, "Accurately computing the
/// log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021, Algorithms 2 and 3 without the log1p refinement).
/// </summary>
internal static class SoftmaxKernel
{
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
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), dst);
                TensorPrimitives.Exp(dst, dst);
                TensorPrimitives.Divide(dst, TensorPrimitives.Sum(dst), dst);
            }
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(2 * inner);
        Span<double> m = rented.AsSpan(0, inner), sum = rented.AsSpan(inner, inner);
        for (int o = 0; o < l.Outer; o++)
        {
            MaxOfSlabs(x, m, o, l);
            sum.Clear();
            for (int k = 0; k < n; k++)
            {
                Span<double> dst = s.Slice((o * n + k) * inner, inner);
                TensorPrimitives.Subtract(x.Slice((o * n + k) * inner, inner), m, dst);
                TensorPrimitives.Exp(dst, dst);
                TensorPrimitives.Add(sum, dst, sum);
            }
            for (int k = 0; k < n; k++)
            {
                Span<double> dst = s.Slice((o * n + k) * inner, inner);
                TensorPrimitives.Divide(dst, sum, dst);
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
            double[] buffer = ArrayPool<double>.Shared.Rent(n);
            Span<double> t = buffer.AsSpan(0, n);
            for (int o = 0; o < l.Outer; o++)
            {
                ReadOnlySpan<double> row = x.Slice(o * n, n);
                double m = TensorPrimitives.Max(row);
                if (!double.IsFinite(m))
                {
                    r[o] = m;
                    continue;
                }
                TensorPrimitives.Subtract(row, m, t);
                TensorPrimitives.Exp(t, t);
                r[o] = m + Math.Log(TensorPrimitives.Sum(t));
            }
            ArrayPool<double>.Shared.Return(buffer);
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(3 * inner);
        Span<double> shift = rented.AsSpan(0, inner), sum = rented.AsSpan(inner, inner), term = rented.AsSpan(2 * inner, inner);
        for (int o = 0; o < l.Outer; o++)
        {
            Span<double> m = r.Slice(o * inner, inner);
            MaxOfSlabs(x, m, o, l);
            // An infinite or NaN maximum is the result itself; shifting by 0 there keeps ∞ − ∞ out of the sums.
            for (int i = 0; i < inner; i++)
                shift[i] = double.IsFinite(m[i]) ? m[i] : 0;
            sum.Clear();
            for (int k = 0; k < n; k++)
            {
                TensorPrimitives.Subtract(x.Slice((o * n + k) * inner, inner), shift, term);
                TensorPrimitives.Exp(term, term);
                TensorPrimitives.Add(sum, term, sum);
            }
            for (int i = 0; i < inner; i++)
                if (double.IsFinite(m[i]))
                    m[i] += Math.Log(sum[i]);
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
