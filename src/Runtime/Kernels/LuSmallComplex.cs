using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// The LU factorisation and solves of <see cref="Lu"/> for complex orders up to <see cref="ExpmSmallGemm.MaxOrder"/>
/// (the Padé denominators of the small matrix exponentials), on interleaved (re, im) doubles with AVX2 and FMA: the
/// same right-looking elimination with partial pivoting and the same substitutions (Golub &amp; Van Loan, Matrix
/// Computations, 4th ed., Algorithms 3.4.1 and 3.1.1–3.1.2), with the row updates inline and two rows at a time.
/// </summary>
internal static partial class Lu
{
    /// <summary>
    /// <see cref="Factor{T}"/> for complex orders up to <see cref="ExpmSmallGemm.MaxOrder"/> (interleaved re, im), the
    /// same right-looking elimination with the row updates inline, where the call overhead of a span kernel per row
    /// would cost more than the arithmetic.
    /// </summary>
    private static unsafe bool FactorSmallComplex(Span<double> lu, Span<int> pivots, int n)
    {
        int w = 2 * n;
        fixed (double* a = lu)
        {
            // The pivot of column 0 by a scan; that of column k + 1 is found while step k writes it, row by row in the
            // same order and with the same strict comparison as a scan (the first largest |re| + |im| wins), so that no
            // separate pass reads the column back after the row updates.
            int nextPivot = 0;
            double nextBest = Math.Abs(a[0]) + Math.Abs(a[1]);
            for (int i = 1; i < n; i++)
            {
                double v = Math.Abs(a[i * w]) + Math.Abs(a[i * w + 1]);
                if (v > nextBest)
                {
                    nextBest = v;
                    nextPivot = i;
                }
            }
            for (int k = 0; k < n; k++)
            {
                double* rowK = a + k * w;
                int p = nextPivot;
                double best = nextBest;
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
                int r = k + 1;
                nextPivot = r;
                nextBest = -1;
                // Two rows at a time where both multipliers are nonzero: each entry of the pivot row (and its swapped
                // copy) is loaded once for both, and the loop control is shared.
                for (; r + 1 < n; r += 2)
                {
                    double* row0 = a + r * w, row1 = row0 + w;
                    Complex l0 = Multiplier(row0 + 2 * k, inversePivot), l1 = Multiplier(row1 + 2 * k, inversePivot);
                    if (l0 == Complex.Zero || l1 == Complex.Zero)
                    {
                        if (l0 != Complex.Zero)
                            EliminateRow(pivotRow, row0 + 2 * (k + 1), length, l0);
                        if (l1 != Complex.Zero)
                            EliminateRow(pivotRow, row1 + 2 * (k + 1), length, l1);
                    }
                    else
                    {
                        EliminateTwoRows(pivotRow, row0 + 2 * (k + 1), row1 + 2 * (k + 1), length, l0, l1);
                    }
                    if (length > 0)
                    {
                        TrackPivot(row0 + 2 * (k + 1), r, ref nextBest, ref nextPivot);
                        TrackPivot(row1 + 2 * (k + 1), r + 1, ref nextBest, ref nextPivot);
                    }
                }
                if (r < n)
                {
                    double* row = a + r * w;
                    Complex l = Multiplier(row + 2 * k, inversePivot);
                    if (l != Complex.Zero)
                        EliminateRow(pivotRow, row + 2 * (k + 1), length, l);
                    if (length > 0)
                        TrackPivot(row + 2 * (k + 1), r, ref nextBest, ref nextPivot);
                }
            }
        }
        return true;
    }

    /// <summary>The running search for the next pivot: row <paramref name="row"/>'s entry at <paramref name="entry"/>, if larger.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void TrackPivot(double* entry, int row, ref double best, ref int pivot)
    {
        double v = Math.Abs(entry[0]) + Math.Abs(entry[1]);
        if (v > best)
        {
            best = v;
            pivot = row;
        }
    }

    /// <summary>l = a_ik/a_kk (as a_ik·(1/a_kk)), written over a_ik at <paramref name="entry"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Complex Multiplier(double* entry, Complex inversePivot)
    {
        Complex l = new Complex(entry[0], entry[1]) * inversePivot;
        entry[0] = l.Real;
        entry[1] = l.Imaginary;
        return l;
    }

    /// <summary>y −= l·x over <paramref name="length"/> doubles (interleaved re, im), as in ComplexAxpy: l·(c, d) = re·(c, d) + im·(−d, c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void EliminateRow(double* x, double* y, int length, Complex l)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        Vector256<double> re = Vector256.Create(l.Real), im = Vector256.Create(l.Imaginary) * sign;
        int j = 0;
        for (; j + 4 <= length; j += 4)
        {
            Vector256<double> v = Avx.LoadVector256(x + j);
            Vector256<double> yv = Fma.MultiplyAddNegated(re, v, Avx.LoadVector256(y + j));
            Avx.Store(y + j, Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), yv));
        }
        if (j < length)
        {
            // The last entry of an odd-length row: the same fused update on one 128-bit register.
            Vector128<double> v = Sse2.LoadVector128(x + j);
            Vector128<double> yv = Fma.MultiplyAddNegated(re.GetLower(), v, Sse2.LoadVector128(y + j));
            Sse2.Store(y + j, Fma.MultiplyAddNegated(im.GetLower(), Avx.Permute(v, 0b01), yv));
        }
    }

    /// <summary><see cref="EliminateRow"/> for two rows with the same pivot row, each entry of it loaded once; the same operations per entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void EliminateTwoRows(double* x, double* y0, double* y1, int length, Complex l0, Complex l1)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        Vector256<double> re0 = Vector256.Create(l0.Real), im0 = Vector256.Create(l0.Imaginary) * sign;
        Vector256<double> re1 = Vector256.Create(l1.Real), im1 = Vector256.Create(l1.Imaginary) * sign;
        int j = 0;
        for (; j + 4 <= length; j += 4)
        {
            Vector256<double> v = Avx.LoadVector256(x + j), swapped = Avx.Permute(v, 0b0101);
            Vector256<double> u0 = Fma.MultiplyAddNegated(re0, v, Avx.LoadVector256(y0 + j));
            Vector256<double> u1 = Fma.MultiplyAddNegated(re1, v, Avx.LoadVector256(y1 + j));
            Avx.Store(y0 + j, Fma.MultiplyAddNegated(im0, swapped, u0));
            Avx.Store(y1 + j, Fma.MultiplyAddNegated(im1, swapped, u1));
        }
        if (j < length)
        {
            Vector128<double> v = Sse2.LoadVector128(x + j), swapped = Avx.Permute(v, 0b01);
            Vector128<double> u0 = Fma.MultiplyAddNegated(re0.GetLower(), v, Sse2.LoadVector128(y0 + j));
            Vector128<double> u1 = Fma.MultiplyAddNegated(re1.GetLower(), v, Sse2.LoadVector128(y1 + j));
            Sse2.Store(y0 + j, Fma.MultiplyAddNegated(im0.GetLower(), swapped, u0));
            Sse2.Store(y1 + j, Fma.MultiplyAddNegated(im1.GetLower(), swapped, u1));
        }
    }

    /// <summary>
    /// <see cref="Solve{T}"/> for complex systems with at most <see cref="ExpmSmallGemm.MaxOrder"/> unknowns and columns,
    /// after the row interchanges, two rows of the right-hand side at a time: rows i and i + 1 take their common terms
    /// b −= L_{·,&lt;i}·Y_{&lt;i} in one pass over the solved rows (<see cref="SubtractTwoRowProducts"/>, each row of Y
    /// loaded once for both), then row i + 1 the term of row i; the back substitution likewise pairs rows i and i − 1,
    /// with the terms of X_{&gt;i} taken from the last row up (the order of <see cref="SolveFour"/>), so that row i − 1
    /// can take the term of x_i last, after x_i = y_i/u_ii.
    /// </summary>
    private static unsafe void SolveSmallComplex(ReadOnlySpan<double> factors, Span<double> rhs, int n, int columns)
    {
        int w = 2 * columns, rowLength = 2 * n;
        fixed (double* lu = factors, b = rhs)
        {
            if (n == 4 && columns == 4)
            {
                SolveFour(lu, b);
                return;
            }
            // L·Y = B: y_i = b_i − Σ_{p<i} l_ip·y_p, p increasing.
            int i = 1;
            for (; i + 1 < n; i += 2)
            {
                double* l0 = lu + i * rowLength, l1 = l0 + rowLength;
                SubtractTwoRowProducts(l0, l1, 2, b, w, b + i * w, b + (i + 1) * w, i, w);
                SubtractTwoRowProducts(l1 + 2 * i, l1 + 2 * i, 2, b + i * w, w, b + (i + 1) * w, b + (i + 1) * w, 1, w);
            }
            if (i < n)
                SubtractTwoRowProducts(lu + i * rowLength, lu + i * rowLength, 2, b, w, b + i * w, b + i * w, i, w);

            // U·X = Y: x_i = (y_i − Σ_{p>i} u_ip·x_p)/u_ii, p decreasing.
            i = n - 1;
            for (; i >= 1; i -= 2)
            {
                double* u0 = lu + i * rowLength, u1 = u0 - rowLength;
                int terms = n - 1 - i;
                if (terms > 0)
                    SubtractTwoRowProducts(u0 + 2 * (n - 1), u1 + 2 * (n - 1), -2, b + (n - 1) * w, -w, b + i * w, b + (i - 1) * w, terms, w);
                ScaleRow(b + i * w, w, Complex.One / new Complex(u0[2 * i], u0[2 * i + 1]));
                SubtractTwoRowProducts(u1 + 2 * i, u1 + 2 * i, -2, b + i * w, -w, b + (i - 1) * w, b + (i - 1) * w, 1, w);
                ScaleRow(b + (i - 1) * w, w, Complex.One / new Complex(u1[2 * (i - 1)], u1[2 * (i - 1) + 1]));
            }
            if (i == 0)
            {
                if (n > 1)
                    SubtractTwoRowProducts(lu + 2 * (n - 1), lu + 2 * (n - 1), -2, b + (n - 1) * w, -w, b, b, n - 1, w);
                ScaleRow(b, w, Complex.One / new Complex(lu[0], lu[1]));
            }
        }
    }

    /// <summary>row ·= z over <paramref name="w"/> doubles, two entries per register: (c, d)·(p + iq) = p·(c, d) + q·(−d, c).</summary>
    private static unsafe void ScaleRow(double* row, int w, Complex z)
    {
        Vector256<double> re = Vector256.Create(z.Real), im = Vector256.Create(z.Imaginary) * Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        int j = 0;
        for (; j + 4 <= w; j += 4)
        {
            Vector256<double> x = Avx.LoadVector256(row + j);
            Avx.Store(row + j, Fma.MultiplyAdd(im, Avx.Permute(x, 0b0101), re * x));
        }
        if (j < w)
        {
            Complex x = new Complex(row[j], row[j + 1]) * z;
            row[j] = x.Real;
            row[j + 1] = x.Imaginary;
        }
    }

    /// <summary>
    /// c₀ −= Σ_t a₀[t]·B_t and c₁ −= Σ_t a₁[t]·B_t for t = 0 … k − 1, with the complex coefficients a₀[t], a₁[t] at
    /// <paramref name="a0"/>, <paramref name="a1"/> + t·<paramref name="aStep"/> doubles and the rows B_t of w/2 complex
    /// entries at <paramref name="b"/> + t·<paramref name="bStep"/> (steps may be negative, to go backwards). Sixteen
    /// doubles of both rows stay in registers while the rows of B stream past, each loaded (and swapped) once for both;
    /// per entry the operations are those of the one-row kernel: c −= re·(x, y), then c −= im·(−y, x), term by term.
    /// With <paramref name="c1"/> = <paramref name="c0"/> (and <paramref name="a1"/> = <paramref name="a0"/>) it serves
    /// one row.
    /// </summary>
    private static unsafe void SubtractTwoRowProducts(double* a0, double* a1, int aStep, double* b, int bStep,
        double* c0, double* c1, int k, int w)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        int j = 0;
        for (; j + 16 <= w; j += 16)
        {
            Vector256<double> x0 = Avx.LoadVector256(c0 + j), x1 = Avx.LoadVector256(c0 + j + 4);
            Vector256<double> x2 = Avx.LoadVector256(c0 + j + 8), x3 = Avx.LoadVector256(c0 + j + 12);
            Vector256<double> y0 = Avx.LoadVector256(c1 + j), y1 = Avx.LoadVector256(c1 + j + 4);
            Vector256<double> y2 = Avx.LoadVector256(c1 + j + 8), y3 = Avx.LoadVector256(c1 + j + 12);
            double* p0 = a0, p1 = a1, bp = b + j;
            for (int t = 0; t < k; t++, p0 += aStep, p1 += aStep, bp += bStep)
            {
                Vector256<double> re0 = Vector256.Create(p0[0]), im0 = Vector256.Create(p0[1]) * sign;
                Vector256<double> re1 = Vector256.Create(p1[0]), im1 = Vector256.Create(p1[1]) * sign;
                Vector256<double> v = Avx.LoadVector256(bp), s = Avx.Permute(v, 0b0101);
                x0 = Fma.MultiplyAddNegated(im0, s, Fma.MultiplyAddNegated(re0, v, x0));
                y0 = Fma.MultiplyAddNegated(im1, s, Fma.MultiplyAddNegated(re1, v, y0));
                v = Avx.LoadVector256(bp + 4);
                s = Avx.Permute(v, 0b0101);
                x1 = Fma.MultiplyAddNegated(im0, s, Fma.MultiplyAddNegated(re0, v, x1));
                y1 = Fma.MultiplyAddNegated(im1, s, Fma.MultiplyAddNegated(re1, v, y1));
                v = Avx.LoadVector256(bp + 8);
                s = Avx.Permute(v, 0b0101);
                x2 = Fma.MultiplyAddNegated(im0, s, Fma.MultiplyAddNegated(re0, v, x2));
                y2 = Fma.MultiplyAddNegated(im1, s, Fma.MultiplyAddNegated(re1, v, y2));
                v = Avx.LoadVector256(bp + 12);
                s = Avx.Permute(v, 0b0101);
                x3 = Fma.MultiplyAddNegated(im0, s, Fma.MultiplyAddNegated(re0, v, x3));
                y3 = Fma.MultiplyAddNegated(im1, s, Fma.MultiplyAddNegated(re1, v, y3));
            }
            Avx.Store(c0 + j, x0);
            Avx.Store(c0 + j + 4, x1);
            Avx.Store(c0 + j + 8, x2);
            Avx.Store(c0 + j + 12, x3);
            Avx.Store(c1 + j, y0);
            Avx.Store(c1 + j + 4, y1);
            Avx.Store(c1 + j + 8, y2);
            Avx.Store(c1 + j + 12, y3);
        }
        for (; j + 4 <= w; j += 4)
        {
            Vector256<double> x0 = Avx.LoadVector256(c0 + j), y0 = Avx.LoadVector256(c1 + j);
            double* p0 = a0, p1 = a1, bp = b + j;
            for (int t = 0; t < k; t++, p0 += aStep, p1 += aStep, bp += bStep)
            {
                Vector256<double> v = Avx.LoadVector256(bp), s = Avx.Permute(v, 0b0101);
                x0 = Fma.MultiplyAddNegated(Vector256.Create(p0[1]) * sign, s, Fma.MultiplyAddNegated(Vector256.Create(p0[0]), v, x0));
                y0 = Fma.MultiplyAddNegated(Vector256.Create(p1[1]) * sign, s, Fma.MultiplyAddNegated(Vector256.Create(p1[0]), v, y0));
            }
            Avx.Store(c0 + j, x0);
            Avx.Store(c1 + j, y0);
        }
        if (j < w)
        {
            // The last column of an odd order: one complex dot product per row.
            double re0 = c0[j], im0 = c0[j + 1], re1 = c1[j], im1 = c1[j + 1];
            double* p0 = a0, p1 = a1, bp = b + j;
            for (int t = 0; t < k; t++, p0 += aStep, p1 += aStep, bp += bStep)
            {
                re0 -= p0[0] * bp[0] - p0[1] * bp[1];
                im0 -= p0[0] * bp[1] + p0[1] * bp[0];
                re1 -= p1[0] * bp[0] - p1[1] * bp[1];
                im1 -= p1[0] * bp[1] + p1[1] * bp[0];
            }
            c0[j] = re0;
            c0[j + 1] = im0;
            c1[j] = re1;
            c1[j + 1] = im1;
        }
    }

    /// <summary>
    /// <see cref="SolveSmallComplex"/> for n = 4 with four columns (the Padé solve of a 4×4 exponential): the whole
    /// right-hand side in eight registers and every loop unrolled, where the calls and loop control of the row kernel
    /// cost more than its 48 multiply-adds. Each entry gets the operations of the general small solve in the same
    /// order (the terms of each row in increasing column order going down and in decreasing column order going up, then
    /// the product with 1/u_ii), so the results are the same to the last bit.
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
        // U·X = Y: row i −= u_ip·row p, p = 3 … i + 1 (from the last row up), then row i ·= 1/u_ii.
        DivideTerm(ref r30, ref r31, lu + 30);
        SubtractTerm(ref r20, ref r21, lu + 22, r30, r31);
        DivideTerm(ref r20, ref r21, lu + 20);
        SubtractTerm(ref r10, ref r11, lu + 14, r30, r31);
        SubtractTerm(ref r10, ref r11, lu + 12, r20, r21);
        DivideTerm(ref r10, ref r11, lu + 10);
        SubtractTerm(ref r00, ref r01, lu + 6, r30, r31);
        SubtractTerm(ref r00, ref r01, lu + 4, r20, r21);
        SubtractTerm(ref r00, ref r01, lu + 2, r10, r11);
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
}
