using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// The two row operations that the triangular, square-root and Schur kernels spend their time in,
/// on spans of <see cref="Complex"/> (stored as interleaved re, im pairs), with AVX2/FMA where
/// available: four doubles, two complex numbers, per step. With v̂ = (−im, re) per element,
/// α·v = Re α·v + Im α·v̂, which needs one in-lane swap and two fused multiply-adds.
/// </summary>
internal static partial class Triangular
{
    /// <summary>y ← y − α·x, elementwise over <paramref name="y"/> (x at least as long).</summary>
    public static void SubtractScaled(Span<Complex> y, Complex alpha, ReadOnlySpan<Complex> x)
    {
        int j = 0;
        if (Fma.IsSupported && y.Length >= 2)
        {
            ref double yRef = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(y));
            ref double xRef = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(x));
            Vector256<double> re = Vector256.Create(alpha.Real);
            Vector256<double> im = Vector256.Create(-alpha.Imaginary, alpha.Imaginary, -alpha.Imaginary, alpha.Imaginary);
            for (; j + 2 <= y.Length; j += 2)
            {
                nuint offset = (nuint)(2 * j);
                Vector256<double> xv = Vector256.LoadUnsafe(ref xRef, offset);
                Vector256<double> yv = Vector256.LoadUnsafe(ref yRef, offset);
                yv = Fma.MultiplyAddNegated(re, xv, yv);
                yv = Fma.MultiplyAddNegated(im, Avx.Permute(xv, 0b0101), yv);
                yv.StoreUnsafe(ref yRef, offset);
            }
        }
        for (; j < y.Length; j++)
            y[j] -= alpha * x[j];
    }

    /// <summary>
    /// Applies the rotation [c s; −s̄ c] to the pair of rows (x, y): x ← c·x + s·y, y ← c·y − s̄·x,
    /// elementwise over equal-length spans.
    /// </summary>
    public static void Rotate(Span<Complex> x, Span<Complex> y, double c, Complex s)
    {
        int j = 0;
        if (Fma.IsSupported && x.Length >= 2)
        {
            ref double xRef = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(x));
            ref double yRef = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(y));
            Vector256<double> cv = Vector256.Create(c);
            Vector256<double> re = Vector256.Create(s.Real);
            Vector256<double> im = Vector256.Create(-s.Imaginary, s.Imaginary, -s.Imaginary, s.Imaginary);
            for (; j + 2 <= x.Length; j += 2)
            {
                nuint offset = (nuint)(2 * j);
                Vector256<double> xv = Vector256.LoadUnsafe(ref xRef, offset);
                Vector256<double> yv = Vector256.LoadUnsafe(ref yRef, offset);
                // c·x + Re s·y + Im s·ŷ  and  c·y − Re s·x + Im s·x̂  (s̄·x = Re s·x − Im s·x̂).
                Vector256<double> top = Fma.MultiplyAdd(im, Avx.Permute(yv, 0b0101), Fma.MultiplyAdd(re, yv, cv * xv));
                Vector256<double> bottom = Fma.MultiplyAdd(im, Avx.Permute(xv, 0b0101), Fma.MultiplyAddNegated(re, xv, cv * yv));
                top.StoreUnsafe(ref xRef, offset);
                bottom.StoreUnsafe(ref yRef, offset);
            }
        }
        Complex sBar = Complex.Conjugate(s);
        for (; j < x.Length; j++)
        {
            Complex xj = x[j], yj = y[j];
            x[j] = c * xj + s * yj;
            y[j] = c * yj - sBar * xj;
        }
    }
}
