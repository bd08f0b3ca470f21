using System;
using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// Softmax and log-sum-exp along one axis, shifted by the largest element so that no exponential overflows and the
/// largest term is exactly 1 (the standard stabilisation; Blanchard, Higham and Higham, "Accurately computing the
/// log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021, Algorithms 2 and 3 without the log1p refinement).
/// </summary>
/// <remarks>
/// Each run costs one pass for the maximum and one fused pass that takes exp(x − m), stores it (softmax only) and adds
/// it up (<see cref="ExpShifted"/>, <see cref="ExpShiftedSlab"/>); softmax then scales its output in place. Chains of
/// TensorPrimitives calls (subtract, exp, sum, divide) took five passes: TensorPrimitives has no fused
/// "exp of a shifted run and its sum". The exponential is <see cref="Vector256.Exp(Vector256{double})"/>, the one
/// TensorPrimitives.Exp uses for doubles on this hardware, so the terms are the same; only the order of the sum differs.
/// Along an axis other than the last, the runs are the axis's slabs (contiguous, <c>Inner</c> long) combined
/// elementwise, so memory is still read in order.
/// </remarks>
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
                double total = ExpShifted(row, TensorPrimitives.Max(row), dst);
                TensorPrimitives.Divide(dst, total, dst);
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
                int at = (o * n + k) * inner;
                ExpShiftedSlab(x.Slice(at, inner), m, s.Slice(at, inner), sum);
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
            for (int o = 0; o < l.Outer; o++)
            {
                ReadOnlySpan<double> row = x.Slice(o * n, n);
                double m = TensorPrimitives.Max(row);
                r[o] = double.IsFinite(m) ? m + Math.Log(ExpShifted(row, m, [])) : m;
            }
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(2 * inner);
        Span<double> shift = rented.AsSpan(0, inner), sum = rented.AsSpan(inner, inner);
        for (int o = 0; o < l.Outer; o++)
        {
            Span<double> m = r.Slice(o * inner, inner);
            MaxOfSlabs(x, m, o, l);
            // An infinite or NaN maximum is the result itself; shifting by 0 there keeps ∞ − ∞ out of the sums.
            for (int i = 0; i < inner; i++)
                shift[i] = double.IsFinite(m[i]) ? m[i] : 0;
            sum.Clear();
            for (int k = 0; k < n; k++)
                ExpShiftedSlab(x.Slice((o * n + k) * inner, inner), shift, [], sum);
            for (int i = 0; i < inner; i++)
                if (double.IsFinite(m[i]))
                    m[i] += Math.Log(sum[i]);
        }
        ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>
    /// Σ exp(x − m) in one pass, storing each term in <paramref name="terms"/> unless it is empty (log-sum-exp only
    /// needs the sum). Four accumulators, so that the additions do not wait on each other.
    /// </summary>
    internal static double ExpShifted(ReadOnlySpan<double> x, double m, Span<double> terms)
    {
        bool store = !terms.IsEmpty;
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<double>.Count)
        {
            ref double xs = ref MemoryMarshal.GetReference(x);
            ref double ts = ref MemoryMarshal.GetReference(terms);
            var shift = Vector256.Create(m);
            Vector256<double> s0 = Vector256<double>.Zero, s1 = s0;
            int w = Vector256<double>.Count;
            for (; i <= x.Length - 2 * w; i += 2 * w)
            {
                Vector256<double> e0 = Vector256.Exp(Vector256.LoadUnsafe(ref xs, (nuint)i) - shift);
                Vector256<double> e1 = Vector256.Exp(Vector256.LoadUnsafe(ref xs, (nuint)(i + w)) - shift);
                if (store)
                {
                    e0.StoreUnsafe(ref ts, (nuint)i);
                    e1.StoreUnsafe(ref ts, (nuint)(i + w));
                }
                s0 += e0;
                s1 += e1;
            }
            for (; i <= x.Length - w; i += w)
            {
                Vector256<double> e = Vector256.Exp(Vector256.LoadUnsafe(ref xs, (nuint)i) - shift);
                if (store)
                    e.StoreUnsafe(ref ts, (nuint)i);
                s0 += e;
            }
            total = Vector256.Sum(s0 + s1);
        }
        for (; i < x.Length; i++)
        {
            double e = Math.Exp(x[i] - m);
            if (store)
                terms[i] = e;
            total += e;
        }
        return total;
    }

    /// <summary>
    /// sum[i] += exp(x[i] − m[i]) for one slab of an axis that is not the last, storing each term in
    /// <paramref name="terms"/> unless it is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ExpShiftedSlab(ReadOnlySpan<double> x, ReadOnlySpan<double> m, Span<double> terms, Span<double> sum)
    {
        bool store = !terms.IsEmpty;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double xs = ref MemoryMarshal.GetReference(x);
            ref double ms = ref MemoryMarshal.GetReference(m);
            ref double ts = ref MemoryMarshal.GetReference(terms);
            ref double ss = ref MemoryMarshal.GetReference(sum);
            int w = Vector256<double>.Count;
            for (; i <= x.Length - w; i += w)
            {
                Vector256<double> e = Vector256.Exp(Vector256.LoadUnsafe(ref xs, (nuint)i) - Vector256.LoadUnsafe(ref ms, (nuint)i));
                if (store)
                    e.StoreUnsafe(ref ts, (nuint)i);
                (Vector256.LoadUnsafe(ref ss, (nuint)i) + e).StoreUnsafe(ref ss, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            double e = Math.Exp(x[i] - m[i]);
            if (store)
                terms[i] = e;
            sum[i] += e;
        }
    }

    private static void MaxOfSlabs(ReadOnlySpan<double> x, Span<double> m, int o, AxisLayout l)
    {
        int n = l.Count, inner = l.Inner;
        x.Slice(o * n * inner, inner).CopyTo(m);
        for (int k = 1; k < n; k++)
            TensorPrimitives.Max(m, x.Slice((o * n + k) * inner, inner), m);
    }
}
