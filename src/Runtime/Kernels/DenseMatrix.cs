using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Diff.Kernels;

/// <summary>
/// Small generic helpers on row-major matrices of <see cref="double"/> or <see cref="Complex"/> for the linear-algebra
/// kernels and their derivative rules: products through <see cref="Gemm"/>, conjugate transposes, Hermitian parts.
/// One body serves both element types; the type tests are constants to the JIT.
/// </summary>
internal static class DenseMatrix
{
    /// <summary>Whether <typeparamref name="T"/> is <see cref="Complex"/>.</summary>
    public static bool IsComplex<T>() => typeof(T) == typeof(Complex);

    /// <summary>The complex conjugate (the identity for real numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Conj<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(Complex))
        {
            Complex z = Complex.Conjugate(Unsafe.As<T, Complex>(ref x));
            return Unsafe.As<Complex, T>(ref z);
        }
        return x;
    }

    /// <summary>The real part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Re<T>(T x) where T : unmanaged, INumberBase<T> =>
        typeof(T) == typeof(Complex) ? Unsafe.As<T, Complex>(ref x).Real : Unsafe.As<T, double>(ref x);

    /// <summary>The imaginary part (zero for real numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Im<T>(T x) where T : unmanaged, INumberBase<T> =>
        typeof(T) == typeof(Complex) ? Unsafe.As<T, Complex>(ref x).Imaginary : 0;

    /// <summary>The number re + i·im (re alone for real numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Make<T>(double re, double im = 0) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(Complex))
        {
            var z = new Complex(re, im);
            return Unsafe.As<Complex, T>(ref z);
        }
        return Unsafe.As<double, T>(ref re);
    }

    /// <summary>C = A·B for A m×k and B k×n, row-major.</summary>
    public static T[] Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n) where T : unmanaged, INumberBase<T>
    {
        var c = new T[m * n];
        if (m == 0 || n == 0)
            return c;
        if (k == 0)
            return c;
        if (typeof(T) == typeof(double))
            Gemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c.AsSpan()), m, k, n);
        else
            Gemm.Multiply(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c.AsSpan()), m, k, n);
        return c;
    }

    /// <summary>The conjugate transpose (cols×rows) of a rows×cols matrix.</summary>
    public static T[] Adjoint<T>(ReadOnlySpan<T> x, int rows, int cols) where T : unmanaged, INumberBase<T>
    {
        var t = new T[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = Conj(x[i * cols + j]);
        return t;
    }

    /// <summary>½(A + Aᴴ) of a square matrix: the Hermitian (real: symmetric) part that Cholesky and Eigh factor.</summary>
    public static T[] HermitianPart<T>(ReadOnlySpan<T> a, int n) where T : unmanaged, INumberBase<T>
    {
        var s = new T[n * n];
        T half = Make<T>(0.5);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                s[i * n + j] = half * (a[i * n + j] + Conj(a[j * n + i]));
        return s;
    }

    /// <summary>The trace of A·B for A, B n×n, without forming the product.</summary>
    public static T TraceOfProduct<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int n) where T : unmanaged, INumberBase<T>
    {
        T s = T.Zero;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                s += a[i * n + j] * b[j * n + i];
        return s;
    }

    /// <summary>The largest magnitude of the entries (0 for none).</summary>
    public static double MaxAbs<T>(ReadOnlySpan<T> x) where T : unmanaged, INumberBase<T>
    {
        double m = 0;
        foreach (T v in x)
            m = Math.Max(m, Math.Sqrt(Re(v) * Re(v) + Im(v) * Im(v)));
        return m;
    }

    /// <summary>Whether every entry is finite.</summary>
    public static bool AllFinite<T>(ReadOnlySpan<T> x) where T : unmanaged, INumberBase<T> => NormScalar.AllFinite(x);
}
