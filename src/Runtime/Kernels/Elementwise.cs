using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// Elementwise arithmetic on complex spans and on real/complex mixes. Where a complex operation is
/// the same operation on the interleaved doubles (adding, subtracting, scaling by a real), it
/// reinterprets the span as doubles and lets <see cref="TensorPrimitives"/> vectorize it; the rest
/// are plain loops over <see cref="Complex"/> arithmetic (whose division is Smith's algorithm,
/// safe from overflow).
/// </summary>
internal static class Elementwise
{
    private static ReadOnlySpan<double> D(ReadOnlySpan<Complex> x) => MemoryMarshal.Cast<Complex, double>(x);

    private static Span<double> D(Span<Complex> x) => MemoryMarshal.Cast<Complex, double>(x);

    /// <summary>dest = x + y.</summary>
    public static void Add(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> y, Span<Complex> dest) => TensorPrimitives.Add(D(x), D(y), D(dest));

    /// <summary>dest = x − y.</summary>
    public static void Subtract(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> y, Span<Complex> dest) => TensorPrimitives.Subtract(D(x), D(y), D(dest));

    /// <summary>dest = −x.</summary>
    public static void Negate(ReadOnlySpan<Complex> x, Span<Complex> dest) => TensorPrimitives.Negate(D(x), D(dest));

    /// <summary>dest = x / s for a real s: each part divided, as numpy does (no complex division, so ∞ parts stay ∞).</summary>
    public static void Divide(ReadOnlySpan<Complex> x, double s, Span<Complex> dest) => TensorPrimitives.Divide(D(x), s, D(dest));

    /// <summary>dest = x·s for a real s.</summary>
    public static void Scale(ReadOnlySpan<Complex> x, double s, Span<Complex> dest) => TensorPrimitives.Multiply(D(x), s, D(dest));

    /// <summary>
    /// dest = x ⊙ y. With AVX2/FMA two complex products per instruction sequence, on the interleaved
    /// layout: re = ar·br − ai·bi and im = ai·br + ar·bi come out of one <c>vfmaddsub</c> of
    /// (a · broadcast re b) and (swapped a · broadcast im b); the same formula as <see cref="Complex"/>'s
    /// operator, with one rounding fewer.
    /// </summary>
    public static void Multiply(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> y, Span<Complex> dest)
    {
        int i = 0;
        if (Fma.IsSupported && Avx.IsSupported)
        {
            ref double xd = ref MemoryMarshal.GetReference(D(x));
            ref double yd = ref MemoryMarshal.GetReference(D(y));
            ref double dd = ref MemoryMarshal.GetReference(D(dest));
            for (; i + 2 <= dest.Length; i += 2)
            {
                nuint offset = 2 * (nuint)i;
                Vector256<double> a = Vector256.LoadUnsafe(ref xd, offset);
                Vector256<double> b = Vector256.LoadUnsafe(ref yd, offset);
                Vector256<double> bRe = Avx.Permute(b, 0b0000);      // br0 br0 br1 br1
                Vector256<double> bIm = Avx.Permute(b, 0b1111);      // bi0 bi0 bi1 bi1
                Vector256<double> aSwap = Avx.Permute(a, 0b0101);    // ai0 ar0 ai1 ar1
                Fma.MultiplyAddSubtract(a, bRe, Avx.Multiply(aSwap, bIm)).StoreUnsafe(ref dd, offset);
            }
        }
        for (; i < dest.Length; i++)
            dest[i] = x[i] * y[i];
    }

    /// <summary>dest = x ⊘ y.</summary>
    public static void Divide(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = x[i] / y[i];
    }

    /// <summary>dest = x + s.</summary>
    public static void Add(ReadOnlySpan<Complex> x, Complex s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = x[i] + s;
    }

    /// <summary>dest = x·s, two products at a time with AVX2/FMA as in <see cref="Multiply(ReadOnlySpan{Complex}, ReadOnlySpan{Complex}, Span{Complex})"/>.</summary>
    public static void Multiply(ReadOnlySpan<Complex> x, Complex s, Span<Complex> dest)
    {
        int i = 0;
        if (Fma.IsSupported && Avx.IsSupported)
        {
            ref double xd = ref MemoryMarshal.GetReference(D(x));
            ref double dd = ref MemoryMarshal.GetReference(D(dest));
            Vector256<double> sRe = Vector256.Create(s.Real);
            Vector256<double> sIm = Vector256.Create(s.Imaginary);
            for (; i + 2 <= dest.Length; i += 2)
            {
                nuint offset = 2 * (nuint)i;
                Vector256<double> a = Vector256.LoadUnsafe(ref xd, offset);
                Vector256<double> aSwap = Avx.Permute(a, 0b0101);    // ai0 ar0 ai1 ar1
                Fma.MultiplyAddSubtract(a, sRe, Avx.Multiply(aSwap, sIm)).StoreUnsafe(ref dd, offset);
            }
        }
        for (; i < dest.Length; i++)
            dest[i] = x[i] * s;
    }

    /// <summary>dest = s − x.</summary>
    public static void SubtractFrom(Complex s, ReadOnlySpan<Complex> x, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = s - x[i];
    }

    /// <summary>dest = x / s.</summary>
    public static void Divide(ReadOnlySpan<Complex> x, Complex s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = x[i] / s;
    }

    /// <summary>dest = s / x.</summary>
    public static void DivideInto(Complex s, ReadOnlySpan<Complex> x, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = s / x[i];
    }

    /// <summary>dest = x (real) + s.</summary>
    public static void Add(ReadOnlySpan<double> x, Complex s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i] + s.Real, s.Imaginary);
    }

    /// <summary>dest = x (real) · s.</summary>
    public static void Multiply(ReadOnlySpan<double> x, Complex s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i] * s.Real, x[i] * s.Imaginary);
    }

    /// <summary>dest = s − x (real).</summary>
    public static void SubtractFrom(Complex s, ReadOnlySpan<double> x, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(s.Real - x[i], s.Imaginary);
    }

    /// <summary>dest = s / x (real).</summary>
    public static void DivideInto(Complex s, ReadOnlySpan<double> x, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(s.Real / x[i], s.Imaginary / x[i]);
    }

    /// <summary>dest = x (real) / s.</summary>
    public static void Divide(ReadOnlySpan<double> x, Complex s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = x[i] / s;
    }

    /// <summary>dest = x + s for a complex x and a real s (only the real parts change).</summary>
    public static void Add(ReadOnlySpan<Complex> x, double s, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i].Real + s, x[i].Imaginary);
    }

    /// <summary>dest = s − x for a complex x and a real s.</summary>
    public static void SubtractFrom(double s, ReadOnlySpan<Complex> x, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(s - x[i].Real, -x[i].Imaginary);
    }

    /// <summary>dest = x + y for a complex x and a real y.</summary>
    public static void Add(ReadOnlySpan<Complex> x, ReadOnlySpan<double> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i].Real + y[i], x[i].Imaginary);
    }

    /// <summary>dest = x − y for a complex x and a real y.</summary>
    public static void Subtract(ReadOnlySpan<Complex> x, ReadOnlySpan<double> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i].Real - y[i], x[i].Imaginary);
    }

    /// <summary>dest = x − y for a real x and a complex y.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<Complex> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i] - y[i].Real, -y[i].Imaginary);
    }

    /// <summary>dest = x ⊙ y for a complex x and a real y.</summary>
    public static void Multiply(ReadOnlySpan<Complex> x, ReadOnlySpan<double> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i].Real * y[i], x[i].Imaginary * y[i]);
    }

    /// <summary>dest = x ⊘ y for a complex x and a real y.</summary>
    public static void Divide(ReadOnlySpan<Complex> x, ReadOnlySpan<double> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i].Real / y[i], x[i].Imaginary / y[i]);
    }

    /// <summary>dest = x ⊘ y for a real x and a complex y.</summary>
    public static void Divide(ReadOnlySpan<double> x, ReadOnlySpan<Complex> y, Span<Complex> dest)
    {
        for (int i = 0; i < dest.Length; i++)
            dest[i] = new Complex(x[i], 0) / y[i];
    }
}
