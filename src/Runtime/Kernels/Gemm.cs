using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// Dense general matrix multiply, C = A·B (or C += A·B), on row-major spans.
/// </summary>
/// <remarks>
/// The work is done by the blocked, packed kernels <see cref="RealGemmKernel"/> and
/// <see cref="ComplexGemmKernel"/> (Goto &amp; van de Geijn, ACM TOMS 34(3), 2008), with an AVX2/FMA
/// micro-kernel and a scalar one for other machines. Above a size threshold the row blocks of A and C
/// are shared out among the cores with <c>Parallel.For</c> while each packed slice of B is
/// shared (BLIS's parallel "loop 3"); the parallel code lives in its own methods because a lambda's
/// closure is allocated on entry to the scope of the variables it captures. Products whose
/// packing buffers fit in 64 KiB (every square product up to n = 32 among them) run on the calling
/// thread and allocate nothing: the buffers are on the stack; larger ones rent them from
/// <see cref="System.Buffers.ArrayPool{T}"/>.
/// </remarks>
internal static unsafe class Gemm
{
    /// <summary>Real products with at least this many multiply-adds (m·k·n) may use several threads.</summary>
    internal const long RealParallelThreshold = 64L * 64 * 64;

    /// <summary>Complex products with at least this many multiply-adds (m·k·n) may use several threads.</summary>
    internal const long ComplexParallelThreshold = 64L * 64 * 64;

    /// <summary>C (m×n) = A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
        => Multiply(a, b, c, m, k, n, Environment.ProcessorCount, simd: true);

    /// <summary>C (m×n) += A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
        => MultiplyAdd(a, b, c, m, k, n, Environment.ProcessorCount, simd: true);

    /// <summary>C (m×n) = A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n)
        => Multiply(a, b, c, m, k, n, Environment.ProcessorCount, simd: true);

    /// <summary>C (m×n) += A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void MultiplyAdd(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n)
        => MultiplyAdd(a, b, c, m, k, n, Environment.ProcessorCount, simd: true);

    /// <summary>
    /// C = A·B using at most <paramref name="maxThreads"/> threads; <paramref name="simd"/> false forces
    /// the scalar micro-kernel (for tests of the path taken on machines without AVX2/FMA).
    /// </summary>
    internal static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, int maxThreads, bool simd)
    {
        Check(a.Length, b.Length, c.Length, m, k, n);
        CheckOverlap(a.Overlaps(c) || b.Overlaps(c));
        if (simd && m > 1 && n > 1 && ExpmSmallGemm.Applies(k, n))
        {
            // Small orders write C directly: no clearing pass.
            ExpmSmallGemm.Multiply(a, b, c, m, k, n, accumulate: false);
            return;
        }

        c.Slice(0, m * n).Clear();
        MultiplyAdd(a, b, c, m, k, n, maxThreads, simd);
    }

    /// <summary>C += A·B using at most <paramref name="maxThreads"/> threads; see <see cref="Multiply(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int, int, bool)"/>.</summary>
    internal static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, int maxThreads, bool simd)
    {
        Check(a.Length, b.Length, c.Length, m, k, n);
        CheckOverlap(a.Overlaps(c) || b.Overlaps(c));
        if (n == 1 || m == 1)
        {
            RealVectorProduct(a, b, c, m, k, n);
            return;
        }

        if (simd && ExpmSmallGemm.Applies(k, n))
        {
            // Orders up to 16: packing for the blocked kernel costs more than the arithmetic.
            ExpmSmallGemm.Multiply(a, b, c, m, k, n, accumulate: true);
            return;
        }
        fixed (double* pa = a, pb = b, pc = c)
        {
            if (UseThreads(m, k, n, maxThreads, RealGemmKernel.MR, RealParallelThreshold))
                RealGemmKernel.MultiplyAddParallel(pa, k, pb, n, pc, n, m, k, n, simd, maxThreads);
            else
                RealGemmKernel.MultiplyAdd(pa, k, pb, n, pc, n, m, k, n, simd);
        }
    }

    /// <summary>C = A·B using at most <paramref name="maxThreads"/> threads; <paramref name="simd"/> false forces the scalar micro-kernel.</summary>
    internal static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n, int maxThreads, bool simd)
    {
        Check(a.Length, b.Length, c.Length, m, k, n);
        CheckOverlap(a.Overlaps(c) || b.Overlaps(c));
        if (simd && m > 1 && n > 1 && ExpmSmallGemm.Applies(k, n))
        {
            // Small orders write C directly: no clearing pass.
            ExpmSmallGemm.Multiply(a, b, c, m, k, n, accumulate: false);
            return;
        }

        c.Slice(0, m * n).Clear();
        MultiplyAdd(a, b, c, m, k, n, maxThreads, simd);
    }

    /// <summary>C += A·B using at most <paramref name="maxThreads"/> threads; <paramref name="simd"/> false forces the scalar micro-kernel.</summary>
    internal static void MultiplyAdd(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n, int maxThreads, bool simd)
    {
        Check(a.Length, b.Length, c.Length, m, k, n);
        CheckOverlap(a.Overlaps(c) || b.Overlaps(c));
        if (n == 1 || m == 1)
        {
            ComplexVectorProduct(a, b, c, m, k, n);
            return;
        }

        if (simd && ExpmSmallGemm.Applies(k, n))
        {
            // Orders up to 16: packing for the blocked kernel costs more than the arithmetic.
            ExpmSmallGemm.Multiply(a, b, c, m, k, n, accumulate: true);
            return;
        }
        fixed (Complex* pa = a, pb = b, pc = c)
        {
            if (UseThreads(m, k, n, maxThreads, ComplexGemmKernel.MR, ComplexParallelThreshold))
                ComplexGemmKernel.MultiplyAddParallel(pa, k, pb, n, pc, n, m, k, n, simd, maxThreads);
            else
                ComplexGemmKernel.MultiplyAdd(pa, k, pb, n, pc, n, m, k, n, simd);
        }
    }

    /// <summary>
    /// Matrix·vector (n = 1: one dot product per row of A) and vector·matrix (m = 1: C += a[p]·B[p, :]
    /// for each p). Packing a vector into micro-panels would waste most of each micro-tile, so these
    /// take the vectorized level-1 kernels of <see cref="TensorPrimitives"/> instead.
    /// </summary>
    private static void RealVectorProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        if (n == 1)
        {
            ReadOnlySpan<double> x = b.Slice(0, k);
            for (int i = 0; i < m; i++)
                c[i] += TensorPrimitives.Dot(a.Slice(i * k, k), x);
            return;
        }
        Span<double> row = c.Slice(0, n);
        for (int p = 0; p < k; p++)
            TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), a[p], row, row);
    }

    /// <summary>Complex matrix·vector and vector·matrix; see <see cref="RealVectorProduct"/>.</summary>
    private static void ComplexVectorProduct(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n)
    {
        if (n == 1)
        {
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<Complex> ai = a.Slice(i * k, k);
                double re = 0, im = 0;
                for (int p = 0; p < k; p++)
                {
                    Complex x = ai[p], y = b[p];
                    re += x.Real * y.Real - x.Imaginary * y.Imaginary;
                    im += x.Real * y.Imaginary + x.Imaginary * y.Real;
                }
                c[i] += new Complex(re, im);
            }
            return;
        }
        Span<Complex> row = c.Slice(0, n);
        for (int p = 0; p < k; p++)
        {
            Complex s = a[p];
            ReadOnlySpan<Complex> bp = b.Slice(p * n, n);
            for (int j = 0; j < n; j++)
            {
                Complex y = bp[j];
                row[j] += new Complex(s.Real * y.Real - s.Imaginary * y.Imaginary, s.Real * y.Imaginary + s.Imaginary * y.Real);
            }
        }
    }

    /// <summary>Whether a product is worth several threads: enough work, and at least two micro-tile rows.</summary>
    private static bool UseThreads(int m, int k, int n, int maxThreads, int mr, long threshold) =>
        maxThreads > 1 && (long)m * k * n >= threshold && m >= 2 * mr;

    private static void Check(int aLength, int bLength, int cLength, int m, int k, int n)
    {
        if (m < 0 || k < 0 || n < 0)
            throw new ArgumentException($"Matrix dimensions must not be negative, got m = {m}, k = {k}, n = {n}.");
        if ((long)m * k > aLength)
            throw new ArgumentException($"A holds {aLength} elements, too few for {m}×{k}.", "a");
        if ((long)k * n > bLength)
            throw new ArgumentException($"B holds {bLength} elements, too few for {k}×{n}.", "b");
        if ((long)m * n > cLength)
            throw new ArgumentException($"C holds {cLength} elements, too few for {m}×{n}.", "c");
    }

    private static void CheckOverlap(bool overlaps)
    {
        if (overlaps)
            throw new ArgumentException("C must not overlap A or B.", "c");
    }
}
