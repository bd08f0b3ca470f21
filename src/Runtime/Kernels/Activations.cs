using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// The logistic sigmoid and softplus, one vectorized pass each (<see cref="Vector256.Exp(Vector256{double})"/> and
/// <see cref="Vector256.Log(Vector256{double})"/>), in forms that neither overflow nor lose relative accuracy for
/// large |x|. Written by hand because <c>TensorPrimitives.Sigmoid</c> computes 1/(1 + e⁻ˣ), which underflows to 0
/// below x ≈ −709.8 where the sigmoid is still a normal or subnormal number, and has no softplus.
/// </summary>
internal static class Activations
{
    /// <summary>
    /// y = σ(x) = 1/(1 + e⁻ˣ) for x ≥ 0 and eˣ/(1 + eˣ) for x &lt; 0, both from e = e^−|x| ∈ (0, 1], so the
    /// exponential never overflows and the small tail keeps its relative accuracy down to the subnormals.
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            for (; i + Vector256<double>.Count <= x.Length; i += Vector256<double>.Count)
            {
                Vector256<double> v = Vector256.LoadUnsafe(ref xr, (nuint)i);
                Vector256<double> e = Vector256.Exp(-Vector256.Abs(v));
                Vector256<double> q = Vector256<double>.One / (Vector256<double>.One + e);
                Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(v, Vector256<double>.Zero), q, e * q).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            double e = Math.Exp(-Math.Abs(x[i]));
            double q = 1 / (1 + e);
            y[i] = x[i] >= 0 ? q : e * q;
        }
    }

    /// <summary>
    /// r = σ′(x)·g = σ(x)σ(−x)·g = e/(1 + e)²·g with e = e^−|x| (σ′ is even): accurate in both tails, where the
    /// familiar y(1 − y) from the value loses all relative accuracy for large positive x (1 − y cancels).
    /// </summary>
    public static void SigmoidSlopeTimes(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> r)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double gr = ref MemoryMarshal.GetReference(g);
            ref double rr = ref MemoryMarshal.GetReference(r);
            for (; i + Vector256<double>.Count <= x.Length; i += Vector256<double>.Count)
            {
                Vector256<double> e = Vector256.Exp(-Vector256.Abs(Vector256.LoadUnsafe(ref xr, (nuint)i)));
                Vector256<double> q = Vector256<double>.One / (Vector256<double>.One + e);
                (e * q * q * Vector256.LoadUnsafe(ref gr, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            double e = Math.Exp(-Math.Abs(x[i]));
            double q = 1 / (1 + e);
            r[i] = e * q * q * g[i];
        }
    }

    /// <summary>
    /// y = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|) (the rewriting in Mächler, "Accurately computing log(1 − exp(−|a|))",
    /// CRAN Rmpfr vignette, 2012, eq. (10)), with log1p(e) = log(u)·e/(u − 1) for u = 1 + e ≠ 1 and e where u rounds
    /// to 1 (Goldberg, "What every computer scientist should know about floating-point arithmetic", ACM Computing
    /// Surveys 23(1), 1991, Theorem 4): accurate to a few ulps, no overflow for large x and no underflow to 0 for
    /// negative x where eˣ is representable.
    /// </summary>
    public static void Softplus(ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            for (; i + Vector256<double>.Count <= x.Length; i += Vector256<double>.Count)
            {
                Vector256<double> v = Vector256.LoadUnsafe(ref xr, (nuint)i);
                Vector256<double> e = Vector256.Exp(-Vector256.Abs(v));
                Vector256<double> u = Vector256<double>.One + e;
                Vector256<double> log1p = Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<double>.One), e, Vector256.Log(u) * (e / (u - Vector256<double>.One)));
                (Vector256.Max(v, Vector256<double>.Zero) + log1p).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            double e = Math.Exp(-Math.Abs(x[i]));
            double u = 1 + e;
            double log1p = u == 1 ? e : Math.Log(u) * (e / (u - 1));
            y[i] = Math.Max(x[i], 0) + log1p;
        }
    }
}
