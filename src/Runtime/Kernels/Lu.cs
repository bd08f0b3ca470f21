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
internal static class Lu
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

    /// <summary>
    /// <see cref="Factor{T}"/> for complex orders up to <see cref="ExpmSmallGemm.MaxOrder"/> (interleaved re, im), the
    /// same right-looking elimination with the row updates inline, where the call overhead of a span kernel per row
    /// would cost more than the arithmetic.
    /// </summary>
    private static unsafe bool FactorSmallComplex(Span<double> lu, Span<int> pivots, int n)
    {
        int w = 2 * n;
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        fixed (double* a = lu)
        {
            for (int k = 0; k < n; k++)
            {
                double* rowK = a + k * w;
                int p = k;
                double best = Math.Abs(rowK[2 * k]) + Math.Abs(rowK[2 * k + 1]);
                for (int i = k + 1; i < n; i++)
                {
                    double v = Math.Abs(a[i * w + 2 * k]) + Math.Abs(a[i * w + 2 * k + 1]);
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
                {
                    double* rowP = a + p * w;
                    int j = 0;
                    for (; j + 4 <= w; j += 4)
                    {
                        Vector256<double> x = Avx.LoadVector256(rowK + j);
                        Avx.Store(rowK + j, Avx.LoadVector256(rowP + j));
                        Avx.Store(rowP + j, x);
                    }
                    for (; j < w; j++)
                        (rowK[j], rowP[j]) = (rowP[j], rowK[j]);
                }

                Complex inversePivot = Complex.One / new Complex(rowK[2 * k], rowK[2 * k + 1]);
                double* pivotRow = rowK + 2 * (k + 1);
                int length = w - 2 * (k + 1);
                for (int i = k + 1; i < n; i++)
                {
                    double* rowI = a + i * w;
                    Complex l = new Complex(rowI[2 * k], rowI[2 * k + 1]) * inversePivot;
                    rowI[2 * k] = l.Real;
                    rowI[2 * k + 1] = l.Imaginary;
                    if (l == Complex.Zero)
                        continue;
                    // row_i −= l·pivot row, as in ComplexAxpy: l·(c, d) = re·(c, d) + im·(−d, c).
                    double* y = rowI + 2 * (k + 1);
                    Vector256<double> re = Vector256.Create(l.Real), im = Vector256.Create(l.Imaginary) * sign;
                    int j = 0;
                    for (; j + 4 <= length; j += 4)
                    {
                        Vector256<double> x = Avx.LoadVector256(pivotRow + j);
                        Vector256<double> yv = Fma.MultiplyAddNegated(re, x, Avx.LoadVector256(y + j));
                        Avx.Store(y + j, Fma.MultiplyAddNegated(im, Avx.Permute(x, 0b0101), yv));
                    }
                    if (j < length)
                    {
                        // The last entry of an odd-length row: the same fused update on one 128-bit register.
                        Vector128<double> x = Sse2.LoadVector128(pivotRow + j);
                        Vector128<double> yv = Fma.MultiplyAddNegated(re.GetLower(), x, Sse2.LoadVector128(y + j));
                        Sse2.Store(y + j, Fma.MultiplyAddNegated(im.GetLower(), Avx.Permute(x, 0b01), yv));
                    }
                }
            }
        }
        return true;
    }

    /// <summary>
    /// <see cref="Solve{T}"/> for complex systems with at most <see cref="ExpmSmallGemm.MaxOrder"/> unknowns and columns,
    /// after the row interchanges: each row of the right-hand side is updated by one register-blocked row product with
    /// the rows already solved (b_i −= L_{i,&lt;i}·Y_{&lt;i}, then x_i = (y_i − U_{i,&gt;i}·X_{&gt;i})/u_ii).
    /// </summary>
    private static unsafe void SolveSmallComplex(ReadOnlySpan<double> factors, Span<double> rhs, int n, int columns)
    {
        int w = 2 * columns, rowLength = 2 * n;
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        fixed (double* lu = factors, b = rhs)
        {
            if (n == 4 && columns == 4)
            {
                SolveFour(lu, b);
                return;
            }
            for (int i = 1; i < n; i++)
                ExpmSmallGemm.SubtractComplexRowProduct(lu + i * rowLength, b, b + i * w, i, w);
            for (int i = n - 1; i >= 0; i--)
            {
                double* row = b + i * w;
                ExpmSmallGemm.SubtractComplexRowProduct(lu + i * rowLength + 2 * (i + 1), b + (i + 1) * w, row, n - i - 1, w);
                Complex inverse = Complex.One / new Complex(lu[i * rowLength + 2 * i], lu[i * rowLength + 2 * i + 1]);
                // row ·= 1/u_ii, two entries per register: (c, d)·(p + iq) = p·(c, d) + q·(−d, c).
                Vector256<double> re = Vector256.Create(inverse.Real), im = Vector256.Create(inverse.Imaginary) * sign;
                int j = 0;
                for (; j + 4 <= w; j += 4)
                {
                    Vector256<double> x = Avx.LoadVector256(row + j);
                    Avx.Store(row + j, Fma.MultiplyAdd(im, Avx.Permute(x, 0b0101), re * x));
                }
                if (j < w)
                {
                    Complex x = new Complex(row[j], row[j + 1]) * inverse;
                    row[j] = x.Real;
                    row[j + 1] = x.Imaginary;
                }
            }
        }
    }

    /// <summary>
    /// <see cref="SolveSmallComplex"/> for n = 4 with four columns (the Padé solve of a 4×4 exponential): the whole
    /// right-hand side in eight registers and every loop unrolled, where the calls and loop control of the row kernel
    /// cost more than its 48 multiply-adds. Each entry gets the operations of the general small solve in the same
    /// order (the terms of each row in increasing column order, then the product with 1/u_ii), so the results are the
    /// same to the last bit.
    /// </summary>
    private static unsafe void SolveFour(double* lu, double* b)
    {
        Vector256<double> r00 = Avx.LoadVector256(b), r01 = Avx.LoadVector256(b + 4);
        Vector256<double> r10 = Avx.LoadVector256(b + 8), r11 = Avx.LoadVector256(b + 12);
        Vector256<double> r20 = Avx.LoadVector256(b + 16), r21 = Avx.LoadVector256(b + 20);
        Vector256<double> r30 = Avx.LoadVector256(b + 24), r31 = Avx.LoadVector256(b + 28);
        // L·Y = B: row i −= l_ip·row p, p = 0 … i − 1 (l_ip at lu[8i + 2p]).
        SubtractTerm(ref r10, ref r11, lu + 8, r00, r01);
        SubtractTerm(ref r20, ref r21, lu + 16, r00, r01);
        SubtractTerm(ref r20, ref r21, lu + 18, r10, r11);
        SubtractTerm(ref r30, ref r31, lu + 24, r00, r01);
        SubtractTerm(ref r30, ref r31, lu + 26, r10, r11);
        SubtractTerm(ref r30, ref r31, lu + 28, r20, r21);
        // U·X = Y: row i −= u_ip·row p, p = i + 1 … 3, then row i ·= 1/u_ii.
        DivideTerm(ref r30, ref r31, lu + 30);
        SubtractTerm(ref r20, ref r21, lu + 22, r30, r31);
        DivideTerm(ref r20, ref r21, lu + 20);
        SubtractTerm(ref r10, ref r11, lu + 12, r20, r21);
        SubtractTerm(ref r10, ref r11, lu + 14, r30, r31);
        DivideTerm(ref r10, ref r11, lu + 10);
        SubtractTerm(ref r00, ref r01, lu + 2, r10, r11);
        SubtractTerm(ref r00, ref r01, lu + 4, r20, r21);
        SubtractTerm(ref r00, ref r01, lu + 6, r30, r31);
        DivideTerm(ref r00, ref r01, lu);
        Avx.Store(b, r00);
        Avx.Store(b + 4, r01);
        Avx.Store(b + 8, r10);
        Avx.Store(b + 12, r11);
        Avx.Store(b + 16, r20);
        Avx.Store(b + 20, r21);
        Avx.Store(b + 24, r30);
        Avx.Store(b + 28, r31);
    }

    /// <summary>(c₀, c₁) −= l·(b₀, b₁) for the complex l at <paramref name="l"/>, as in <see cref="ExpmSmallGemm.SubtractComplexRowProduct"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void SubtractTerm(ref Vector256<double> c0, ref Vector256<double> c1, double* l, Vector256<double> b0, Vector256<double> b1)
    {
        Vector256<double> re = Vector256.Create(l[0]), im = Vector256.Create(l[1]) * Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        c0 = Fma.MultiplyAddNegated(im, Avx.Permute(b0, 0b0101), Fma.MultiplyAddNegated(re, b0, c0));
        c1 = Fma.MultiplyAddNegated(im, Avx.Permute(b1, 0b0101), Fma.MultiplyAddNegated(re, b1, c1));
    }

    /// <summary>(c₀, c₁) ·= 1/u for the complex pivot u at <paramref name="u"/>, as in the general small solve.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void DivideTerm(ref Vector256<double> c0, ref Vector256<double> c1, double* u)
    {
        Complex inverse = Complex.One / new Complex(u[0], u[1]);
        Vector256<double> re = Vector256.Create(inverse.Real), im = Vector256.Create(inverse.Imaginary) * Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        c0 = Fma.MultiplyAdd(im, Avx.Permute(c0, 0b0101), re * c0);
        c1 = Fma.MultiplyAdd(im, Avx.Permute(c1, 0b0101), re * c1);
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

    private static void SwapRows<T>(Span<T> a, int r1, int r2, int width)
    {
        Span<T> x = a.Slice(r1 * width, width), y = a.Slice(r2 * width, width);
        for (int j = 0; j < width; j++)
            (x[j], y[j]) = (y[j], x[j]);
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
