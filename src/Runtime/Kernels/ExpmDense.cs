using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Diff.Kernels;

/// <summary>
/// Generic dense building blocks for the matrix-function kernels (row-major spans): products through
/// <see cref="Gemm"/> (through <see cref="ExpmSmallGemm"/> for orders up to 16, where the call overhead
/// of a general kernel dominates), and linear combinations with real coefficients, which act on the real
/// components (<see cref="NormScalar.AsReals{T}(Span{T})"/>) and so vectorise for complex matrices too.
/// </summary>
internal static class Dense
{
    /// <summary>C (m×n) = A (m×k) · B (k×n). C must not overlap A or B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        if (ExpmSmallGemm.Applies(k, n))
            SmallProduct(a, b, c, m, k, n, accumulate: false);
        else if (typeof(T) == typeof(double))
            Gemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n);
        else if (typeof(T) == typeof(Complex))
            Gemm.Multiply(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>C (m×n) += A (m×k) · B (k×n). C must not overlap A or B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        if (ExpmSmallGemm.Applies(k, n))
            SmallProduct(a, b, c, m, k, n, accumulate: true);
        else if (typeof(T) == typeof(double))
            Gemm.MultiplyAdd(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n);
        else if (typeof(T) == typeof(Complex))
            Gemm.MultiplyAdd(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    private static void SmallProduct<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            ExpmSmallGemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n, accumulate);
        else if (typeof(T) == typeof(Complex))
            ExpmSmallGemm.Multiply(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n, accumulate);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>n×n: C = A·B.</summary>
    public static void Square<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n) where T : unmanaged, INumberBase<T> =>
        Multiply(a, b, c, n, n, n);

    /// <summary>n×n: C = A·B + B·A (the Fréchet derivative of a square-like product), C not overlapping A or B.</summary>
    public static void Anticommutator<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n) where T : unmanaged, INumberBase<T>
    {
        Multiply(a, b, c, n, n, n);
        MultiplyAdd(b, a, c, n, n, n);
    }

    /// <summary>y = α·x.</summary>
    public static void Scale<T>(double alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Multiply(NormScalar.AsReals(x), alpha, NormScalar.AsReals(y));

    /// <summary>y += α·x.</summary>
    public static void AddScaled<T>(double alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        Span<double> yr = NormScalar.AsReals(y);
        TensorPrimitives.MultiplyAdd(NormScalar.AsReals(x), alpha, yr, yr);
    }

    /// <summary>y = α·x + β·z + γ·w (any of the inputs may be empty to drop its term; y may alias none of them).</summary>
    public static void Combine<T>(double alpha, ReadOnlySpan<T> x, double beta, ReadOnlySpan<T> z, double gamma, ReadOnlySpan<T> w, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        Scale(alpha, x, y);
        if (!z.IsEmpty)
            AddScaled(beta, z, y);
        if (!w.IsEmpty)
            AddScaled(gamma, w, y);
    }

    /// <summary>y += α·x + β·z + γ·w.</summary>
    public static void AddCombination<T>(double alpha, ReadOnlySpan<T> x, double beta, ReadOnlySpan<T> z, double gamma, ReadOnlySpan<T> w, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        AddScaled(alpha, x, y);
        AddScaled(beta, z, y);
        AddScaled(gamma, w, y);
    }

    /// <summary>Adds <paramref name="alpha"/> to each diagonal entry of the n×n matrix <paramref name="y"/>.</summary>
    public static void AddToDiagonal<T>(double alpha, Span<T> y, int n) where T : unmanaged, INumberBase<T>
    {
        T a = NormScalar.FromReal<T>(alpha);
        for (int i = 0; i < n; i++)
            y[i * n + i] += a;
    }

    /// <summary>z = x + y.</summary>
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Add(NormScalar.AsReals(x), NormScalar.AsReals(y), NormScalar.AsReals(z));

    /// <summary>z = x − y.</summary>
    public static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Subtract(NormScalar.AsReals(x), NormScalar.AsReals(y), NormScalar.AsReals(z));

    /// <summary>y = xᴴ (conjugate transpose) of the n×n matrix x; y must not overlap x.</summary>
    public static void ConjugateTranspose<T>(ReadOnlySpan<T> x, Span<T> y, int n) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                y[j * n + i] = NormScalar.Conjugate(x[i * n + j]);
        }
    }
}
