using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// One elementwise comparison of doubles, on one pair and on four lanes at once. IEEE 754 ordered comparisons, as
/// numpy's: anything compared with NaN is false (also NaN == NaN), and −0 == +0.
/// </summary>
internal interface IComparison
{
    static abstract bool One(double a, double b);

    /// <summary>All bits set in the lanes where the comparison holds, zero elsewhere.</summary>
    static abstract Vector256<double> Lanes(Vector256<double> a, Vector256<double> b);
}

/// <summary>
/// The comparisons that <see cref="Ops.Greater(Tensor, Tensor)"/> and its siblings apply, and the span operation
/// that writes their 0/1 masks run by run for <see cref="Broadcast"/>. TensorPrimitives has no comparison that
/// writes doubles, so the runs are written here: a vector compare ANDed with 1.0 gives 1.0 or +0 per lane
/// without a branch.
/// </summary>
internal static class Comparisons
{
    public readonly struct Greater : IComparison
    {
        public static bool One(double a, double b) => a > b;

        public static Vector256<double> Lanes(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    }

    public readonly struct Less : IComparison
    {
        public static bool One(double a, double b) => a < b;

        public static Vector256<double> Lanes(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    }

    public readonly struct GreaterOrEqual : IComparison
    {
        public static bool One(double a, double b) => a >= b;

        public static Vector256<double> Lanes(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    }

    public readonly struct LessOrEqual : IComparison
    {
        public static bool One(double a, double b) => a <= b;

        public static Vector256<double> Lanes(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    }

    public readonly struct Equal : IComparison
    {
        public static bool One(double a, double b) => a == b;

        public static Vector256<double> Lanes(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    }

    /// <summary>The mask of a comparison as a broadcastable span operation: 1 where it holds, 0 elsewhere.</summary>
    public readonly struct Mask<TC> : IBinarySpanOp<double, double, double>
        where TC : IComparison
    {
        public static double One(double a, double b) => TC.One(a, b) ? 1 : 0;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref double ar = ref MemoryMarshal.GetReference(a);
                ref double br = ref MemoryMarshal.GetReference(b);
                ref double rr = ref MemoryMarshal.GetReference(r);
                for (; i + Vector256<double>.Count <= r.Length; i += Vector256<double>.Count)
                {
                    Vector256<double> lanes = TC.Lanes(Vector256.LoadUnsafe(ref ar, (nuint)i), Vector256.LoadUnsafe(ref br, (nuint)i));
                    (lanes & Vector256<double>.One).StoreUnsafe(ref rr, (nuint)i);
                }
            }

            for (; i < r.Length; i++)
                r[i] = One(a[i], b[i]);
        }

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref double ar = ref MemoryMarshal.GetReference(a);
                ref double rr = ref MemoryMarshal.GetReference(r);
                Vector256<double> bv = Vector256.Create(b);
                for (; i + Vector256<double>.Count <= r.Length; i += Vector256<double>.Count)
                    (TC.Lanes(Vector256.LoadUnsafe(ref ar, (nuint)i), bv) & Vector256<double>.One).StoreUnsafe(ref rr, (nuint)i);
            }

            for (; i < r.Length; i++)
                r[i] = One(a[i], b);
        }

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref double br = ref MemoryMarshal.GetReference(b);
                ref double rr = ref MemoryMarshal.GetReference(r);
                Vector256<double> av = Vector256.Create(a);
                for (; i + Vector256<double>.Count <= r.Length; i += Vector256<double>.Count)
                    (TC.Lanes(av, Vector256.LoadUnsafe(ref br, (nuint)i)) & Vector256<double>.One).StoreUnsafe(ref rr, (nuint)i);
            }

            for (; i < r.Length; i++)
                r[i] = One(a, b[i]);
        }
    }
}
