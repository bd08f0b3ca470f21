using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// The few scalar operations that the generic dense kernels (1-norms, LU, the matrix exponential) need
/// beyond <see cref="INumberBase{TSelf}"/>: modulus, conjugate, finiteness, and a view of a span as its
/// real components. Instantiated for <see cref="double"/> and <see cref="Complex"/> only; the
/// <c>typeof</c> tests are constants to the JIT, so each instantiation compiles to straight code.
/// </summary>
internal static class NormScalar
{
    /// <summary>|x| (the modulus for a complex number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Magnitude<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            return Math.Abs(Unsafe.As<T, double>(ref x));
        if (typeof(T) == typeof(Complex))
        {
            Complex z = Unsafe.As<T, Complex>(ref x);
            double r = Math.Sqrt(z.Real * z.Real + z.Imaginary * z.Imaginary);
            // The plain formula is exact enough; only where the squares over- or underflow is hypot needed.
            return r is > 1e-150 and < 1e150 ? r : Complex.Abs(z);
        }
        throw Unsupported<T>();
    }

    /// <summary>|Re x| + |Im x|, the cheap modulus LAPACK uses to choose pivots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Magnitude1<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            return Math.Abs(Unsafe.As<T, double>(ref x));
        if (typeof(T) == typeof(Complex))
        {
            Complex z = Unsafe.As<T, Complex>(ref x);
            return Math.Abs(z.Real) + Math.Abs(z.Imaginary);
        }
        throw Unsupported<T>();
    }

    /// <summary>The real part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RealPart<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            return Unsafe.As<T, double>(ref x);
        if (typeof(T) == typeof(Complex))
            return Unsafe.As<T, Complex>(ref x).Real;
        throw Unsupported<T>();
    }

    /// <summary>The complex conjugate (the identity on real numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Conjugate<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            return x;
        if (typeof(T) == typeof(Complex))
        {
            Complex z = Complex.Conjugate(Unsafe.As<T, Complex>(ref x));
            return Unsafe.As<Complex, T>(ref z);
        }
        throw Unsupported<T>();
    }

    /// <summary>The real number <paramref name="x"/> as a <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FromReal<T>(double x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            return Unsafe.As<double, T>(ref x);
        if (typeof(T) == typeof(Complex))
        {
            var z = new Complex(x, 0);
            return Unsafe.As<Complex, T>(ref z);
        }
        throw Unsupported<T>();
    }

    /// <summary>
    /// Whether every element of <paramref name="values"/> is finite (no NaN, no infinity): x·0 is ±0 for finite x
    /// and NaN otherwise, so one vector sum of those products over the whole span, tested once at the end, decides
    /// (four lanes at a time, no branch per element; a scalar loop with <see cref="double.IsFinite"/> cost as much
    /// as a 16×16 complex LU factorisation in the checks of the matrix exponential). Hand-written rather than
    /// TensorPrimitives.IsFiniteAll: that measured twice as slow on a 16×16 complex matrix (128 against 60 ns, it
    /// tests every vector) and answers false for an empty span.
    /// </summary>
    public static unsafe bool AllFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<double> reals = AsReals(values);
        int length = reals.Length, i = 0;
        double sum = 0;
        fixed (double* p = reals)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<double> zero = Vector256<double>.Zero, a0 = zero, a1 = zero;
                for (; i + 8 <= length; i += 8)
                {
                    a0 += Vector256.Load(p + i) * zero;
                    a1 += Vector256.Load(p + i + 4) * zero;
                }
                Vector256<double> a = a0 + a1;
                sum = a[0] + a[1] + a[2] + a[3];
            }
            for (; i < length; i++)
                sum += p[i] * 0.0;
        }
        return sum == 0;
    }

    /// <summary>
    /// The span as its real components: itself for <see cref="double"/>, the interleaved
    /// (re, im) pairs for <see cref="Complex"/>. Scaling and adding by real coefficients acts on
    /// this view componentwise, which lets those loops vectorise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<double> AsReals<T>(Span<T> values) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(Complex))
            return MemoryMarshal.Cast<T, double>(values);
        throw Unsupported<T>();
    }

    /// <inheritdoc cref="AsReals{T}(Span{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<double> AsReals<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(Complex))
            return MemoryMarshal.Cast<T, double>(values);
        throw Unsupported<T>();
    }

    private static NotSupportedException Unsupported<T>() =>
        new($"The dense kernels support double and Complex elements, not {typeof(T).Name}.");
}
