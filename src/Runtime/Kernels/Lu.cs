using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// LU factorisation with partial pivoting, PA = LU, of a row-major n×n matrix in place, and solves
/// with the factors (Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithms 3.4.1 and 3.1.1–3.1.2).
/// Rows are the unit of work, so every inner loop is a row update y += α·x that vectorises.
/// </summary>
internal static partial class Lu
{
    /// <summary>
    /// Overwrites <paramref name="a"/> with L (unit lower, below the diagonal) and U (on and above it),
    /// and <paramref name="pivots"/>[k] with the row swapped with row k at step k.
    /// Returns false if a pivot is exactly zero (the matrix is singular); the factors are then incomplete.
    /// </summary>
    public static bool Factor<T>(Span<T> a, Span<int> pivots, int n) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(Complex) && n <= ExpmSmallGemm.MaxOrder && Fma.IsSupported)
            return FactorSmallComplex(MemoryMarshal.Cast<T, double>(a), pivots, n);
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = NormScalar.Magnitude1(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = NormScalar.Magnitude1(a[i * n + k]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }
            pivots[k] = p;
            if (best == 0)
                return false;
            if (p != k)
                SwapRows(a, k, p, n);

            T inversePivot = T.One / a[k * n + k];
            ReadOnlySpan<T> pivotRow = a.Slice(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                T l = a[i * n + k] * inversePivot;
                a[i * n + k] = l;
                if (l != T.Zero)
                    Axpy(-l, pivotRow, a.Slice(i * n + k + 1, n - k - 1));
            }
        }
        return true;
    }

    /// <summary>Orders above this solve by blocks of <see cref="BlockRows"/> rows, with the bulk of the work in <see cref="Gemm"/>.</summary>
    public const int BlockThreshold = 32;

    /// <summary>Rows per block of the blocked triangular solves.</summary>
    private const int BlockRows = 32;

    /// <summary>
    /// Solves A·X = B for the factors of <see cref="Factor{T}"/>, overwriting the row-major n×<paramref name="columns"/>
    /// right-hand side <paramref name="b"/> with X. Above <see cref="BlockThreshold"/> the triangular solves go by
    /// blocks of rows: B_I −= L_{I,&lt;I}·B_{&lt;I} (and the same with U backwards) is one matrix product, and only the
    /// small diagonal blocks are solved row by row.
    /// </summary>
    public static void Solve<T>(ReadOnlySpan<T> lu, ReadOnlySpan<int> pivots, Span<T> b, int n, int columns)
        where T : unmanaged, INumberBase<T>
    {
        for (int k = 0; k < n; k++)
        {
            if (pivots[k] != k)
                SwapRows(b, k, pivots[k], columns);
        }
        if (typeof(T) == typeof(Complex) && ExpmSmallGemm.Applies(n, columns))
        {
            SolveSmallComplex(MemoryMarshal.Cast<T, double>(lu), MemoryMarshal.Cast<T, double>(b), n, columns);
            return;
        }
        if (ExpmSmallGemm.Applies(n, columns))
        {
            SolveByRowProducts(lu, b, n, columns);
            return;
        }
        if (n <= BlockThreshold)
        {
            ForwardRows(lu, b, n, columns, 0, n);
            BackwardRows(lu, b, n, columns, 0, n);
            return;
        }
        T[] scratch = ArrayPool<T>.Shared.Rent(BlockRows * n + BlockRows * columns);
        try
        {
            Span<T> panel = scratch.AsSpan(0, BlockRows * n), update = scratch.AsSpan(BlockRows * n, BlockRows * columns);
            // L·Y = P·B by blocks of rows, top to bottom.
            for (int start = 0; start < n; start += BlockRows)
            {
                int rows = Math.Min(BlockRows, n - start);
                if (start > 0)
                    SubtractPanelProduct(lu, b, n, columns, start, rows, 0, start, panel, update);
                ForwardRows(lu, b, n, columns, start, start + rows);
            }
            // U·X = Y by blocks of rows, bottom to top.
            int last = (n - 1) / BlockRows * BlockRows;
            for (int start = last; start >= 0; start -= BlockRows)
            {
                int rows = Math.Min(BlockRows, n - start);
                if (start + rows < n)
                    SubtractPanelProduct(lu, b, n, columns, start, rows, start + rows, n - start - rows, panel, update);
                BackwardRows(lu, b, n, columns, start, start + rows);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The substitutions for small orders, one row at a time as a vector–matrix product (left-looking):
    /// y_i = b_i − L_{i,&lt;i}·Y_{&lt;i}, then x_i = (y_i − U_{i,&gt;i}·X_{&gt;i})/u_ii, each product one call of the
    /// register-blocked <see cref="ExpmSmallGemm"/> instead of i row updates.
    /// </summary>
    private static void SolveByRowProducts<T>(ReadOnlySpan<T> lu, Span<T> b, int n, int columns) where T : unmanaged, INumberBase<T>
    {
        Span<T> negated = stackalloc T[n];
        for (int i = 1; i < n; i++)
        {
            for (int k = 0; k < i; k++)
                negated[k] = -lu[i * n + k];
            Dense.MultiplyAdd<T>(negated.Slice(0, i), b.Slice(0, i * columns), b.Slice(i * columns, columns), 1, i, columns);
        }
        for (int i = n - 1; i >= 0; i--)
        {
            int width = n - i - 1;
            Span<T> row = b.Slice(i * columns, columns);
            if (width > 0)
            {
                for (int k = 0; k < width; k++)
                    negated[k] = -lu[i * n + i + 1 + k];
                Dense.MultiplyAdd<T>(negated.Slice(0, width), b.Slice((i + 1) * columns, width * columns), row, 1, width, columns);
            }
            T inverse = T.One / lu[i * n + i];
            for (int j = 0; j < columns; j++)
                row[j] *= inverse;
        }
    }

    /// <summary>B[rows start..start+rows) −= LU[those rows, columns from..from+width) · B[rows from..from+width).</summary>
    private static void SubtractPanelProduct<T>(ReadOnlySpan<T> lu, Span<T> b, int n, int columns, int start, int rows,
        int from, int width, Span<T> panel, Span<T> update) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < rows; i++)
            lu.Slice((start + i) * n + from, width).CopyTo(panel.Slice(i * width, width));
        Span<T> target = b.Slice(start * columns, rows * columns);
        Dense.Multiply<T>(panel.Slice(0, rows * width), b.Slice(from * columns, width * columns), update.Slice(0, rows * columns), rows, width, columns);
        Dense.Subtract<T>(target, update.Slice(0, rows * columns), target);
    }

    /// <summary>Forward substitution with the unit lower factor, restricted to rows and columns [from, to).</summary>
    private static void ForwardRows<T>(ReadOnlySpan<T> lu, Span<T> b, int n, int columns, int from, int to)
        where T : unmanaged, INumberBase<T>
    {
        for (int k = from; k < to; k++)
        {
            ReadOnlySpan<T> bk = b.Slice(k * columns, columns);
            for (int i = k + 1; i < to; i++)
            {
                T l = lu[i * n + k];
                if (l != T.Zero)
                    Axpy(-l, bk, b.Slice(i * columns, columns));
            }
        }
    }

    /// <summary>Back substitution with the upper factor, restricted to rows and columns [from, to).</summary>
    private static void BackwardRows<T>(ReadOnlySpan<T> lu, Span<T> b, int n, int columns, int from, int to)
        where T : unmanaged, INumberBase<T>
    {
        for (int k = to - 1; k >= from; k--)
        {
            Span<T> bk = b.Slice(k * columns, columns);
            T inverse = T.One / lu[k * n + k];
            for (int j = 0; j < columns; j++)
                bk[j] *= inverse;
            for (int i = from; i < k; i++)
            {
                T u = lu[i * n + k];
                if (u != T.Zero)
                    Axpy(-u, bk, b.Slice(i * columns, columns));
            }
        }
    }

    /// <summary>Exchanges rows r1 and r2 (of <paramref name="width"/> elements), 32 bytes at a time where AVX is there.</summary>
    private static unsafe void SwapRows<T>(Span<T> a, int r1, int r2, int width) where T : unmanaged
    {
        Span<T> x = a.Slice(r1 * width, width), y = a.Slice(r2 * width, width);
        int bytes = width * sizeof(T), j = 0;
        fixed (T* px = x, py = y)
        {
            byte* bx = (byte*)px, by = (byte*)py;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 32 <= bytes; j += 32)
                {
                    Vector256<byte> u = Vector256.Load(bx + j);
                    Vector256.Load(by + j).Store(bx + j);
                    u.Store(by + j);
                }
            }
            for (; j + 8 <= bytes; j += 8)
                (*(long*)(bx + j), *(long*)(by + j)) = (*(long*)(by + j), *(long*)(bx + j));
            for (; j < bytes; j++)
                (bx[j], by[j]) = (by[j], bx[j]);
        }
    }

    /// <summary>y += α·x, vectorised for both real and complex (interleaved re, im) elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy<T>(T alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
        {
            Span<double> yr = MemoryMarshal.Cast<T, double>(y);
            TensorPrimitives.MultiplyAdd(MemoryMarshal.Cast<T, double>(x), Unsafe.As<T, double>(ref alpha), yr, yr);
            return;
        }
        if (typeof(T) == typeof(Complex))
        {
            ComplexAxpy(Unsafe.As<T, Complex>(ref alpha), MemoryMarshal.Cast<T, Complex>(x), MemoryMarshal.Cast<T, Complex>(y));
            return;
        }
        for (int j = 0; j < x.Length; j++)
            y[j] += alpha * x[j];
    }

    private static void ComplexAxpy(Complex alpha, ReadOnlySpan<Complex> x, Span<Complex> y)
    {
        int j = 0;
        if (Avx.IsSupported && x.Length >= 2)
        {
            ReadOnlySpan<double> xr = MemoryMarshal.Cast<Complex, double>(x);
            Span<double> yr = MemoryMarshal.Cast<Complex, double>(y);
            var re = Vector256.Create(alpha.Real);
            // (a + ib)(c + id) = (ac − bd) + i(ad + bc): with x = (c, d), add re·(c, d) + b·(−d, c).
            var im = Vector256.Create(-alpha.Imaginary, alpha.Imaginary, -alpha.Imaginary, alpha.Imaginary);
            ref double xRef = ref MemoryMarshal.GetReference(xr);
            ref double yRef = ref MemoryMarshal.GetReference(yr);
            int pairs = x.Length & ~1;
            for (; j < pairs; j += 2)
            {
                Vector256<double> xv = Vector256.LoadUnsafe(ref xRef, (nuint)(2 * j));
                Vector256<double> yv = Vector256.LoadUnsafe(ref yRef, (nuint)(2 * j));
                Vector256<double> swapped = Avx.Permute(xv, 0b0101);
                yv = Vector256.FusedMultiplyAdd(re, xv, yv);
                yv = Vector256.FusedMultiplyAdd(im, swapped, yv);
                yv.StoreUnsafe(ref yRef, (nuint)(2 * j));
            }
        }
        for (; j < x.Length; j++)
            y[j] += alpha * x[j];
    }
}
