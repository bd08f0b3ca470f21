using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// Products of small row-major matrices (orders up to 16 in the exponential; measured against the blocked Gemm, which wins from about 32 on), where a call into
/// a blocked general kernel costs more than the arithmetic: each row of C is kept in up to four AVX registers
/// while the rows of B stream past, C(i, :) += a_ip·B(p, :). Complex entries are interleaved (re, im), and
/// (a + ib)·(c + id) is formed as a·(c, d) + b·(−d, c) with one in-lane swap.
/// </summary>
internal static unsafe class ExpmSmallGemm
{
    /// <summary>Products whose inner and outer orders are at most this use this kernel (and AVX2 with FMA is needed).</summary>
    public const int MaxOrder = 16;

    /// <summary>Whether this kernel takes a product of the given orders on this machine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Applies(int k, int n) => k <= MaxOrder && n <= MaxOrder && Fma.IsSupported;

    /// <summary>C (m×n) = A (m×k)·B (k×n), or C += A·B with <paramref name="accumulate"/>.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n, bool accumulate)
    {
        fixed (Complex* pa = a, pb = b, pc = c)
            ComplexKernel((double*)pa, (double*)pb, (double*)pc, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = A (m×k)·B (k×n), or C += A·B with <paramref name="accumulate"/>.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, bool accumulate)
    {
        fixed (double* pa = a, pb = b, pc = c)
            RealKernel(pa, pb, pc, m, k, n, accumulate);
    }

    /// <summary>Whether <see cref="SquareWithNorm"/> takes the product of two complex n×n matrices on this machine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FusesNorm(int n) => Fma.IsSupported && (n == 4 || n == 8 || n == 16);

    /// <summary>
    /// C = A·B for complex n×n matrices with n ∈ {4, 8, 16} (see <see cref="FusesNorm"/>), and returns the column sums of
    /// moduli of C reduced to ‖C‖₁ while the rows of C are still in registers: the square roots (the slow part of a
    /// 1-norm) then overlap the multiply-adds of the next rows instead of making a second pass over C. The sums are
    /// formed in exactly the order of <see cref="Norm.One{T}"/> (rows i and i + 1 share one square root, even and odd
    /// rows summed apart and added at the end), so the value is the same to the last bit; the caller must still fall
    /// back to <see cref="Norm.One{T}"/> when it lies outside (10⁻¹⁴⁰, 10¹⁴⁰), as that does.
    /// </summary>
    [SkipLocalsInit]
    public static double SquareWithNorm(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        int w = 2 * n;
        double* sums = stackalloc double[2 * MaxOrder];
        fixed (Complex* pa = a, pb = b, pc = c)
        {
            if (n == 4)
            {
                // Complex4 writes the eight sums rather than adding to them.
                Complex4((double*)pa, (double*)pb, (double*)pc, accumulate: false, sums);
            }
            else
            {
                new Span<double>(sums, w).Clear();
                for (int i = 0; i < n; i += 2)
                    ComplexTwoRows((double*)pa + 2 * i * n, (double*)pb, (double*)pc + i * w, n, w, accumulate: false, sums);
            }
        }
        // As Norm.One: lanes (0 + 1) are column j, lanes (2 + 3) column j + 1.
        Vector256<double> max = Vector256<double>.Zero;
        for (int j = 0; j < w; j += 4)
        {
            Vector256<double> sum = Avx.LoadVector256(sums + j);
            max = Avx.Max(max, Avx.HorizontalAdd(sum, sum));
        }
        return Math.Max(max[0], max[2]);
    }

    private static void ComplexKernel(double* a, double* b, double* c, int m, int k, int n, bool accumulate)
    {
        if (m == 4 && k == 4 && n == 4)
        {
            Complex4(a, b, c, accumulate, null);
            return;
        }
        int w = 2 * n; // doubles per row of B and C
        int i = 0;
        for (; i + 1 < m && w >= 16; i += 2)
        {
            int j = ComplexTwoRows(a + 2 * i * k, b, c + i * w, k, w, accumulate, null);
            ComplexRow(a + 2 * i * k, b, c + i * w, k, w, j, accumulate);
            ComplexRow(a + 2 * (i + 1) * k, b, c + (i + 1) * w, k, w, j, accumulate);
        }
        for (; i < m; i++)
            ComplexRow(a + 2 * i * k, b, c + i * w, k, w, 0, accumulate);
    }

    /// <summary>
    /// Two rows of C at once, eight complex columns at a time, so that each row of B (and its swapped copy) is loaded
    /// once for both; returns the first column (in doubles) not done.
    /// </summary>
    /// <remarks>
    /// With <paramref name="sums"/> (w doubles, or null), sqrt(|c₀|², |c₁|²) of each pair of columns of the two rows is
    /// added to it, in the lane order of the 1-norm of <see cref="Norm.One{T}"/> (see <see cref="SquareWithNorm"/>).
    /// </remarks>
    private static int ComplexTwoRows(double* a0, double* b, double* c0, int k, int w, bool accumulate, double* sums)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        double* a1 = a0 + 2 * k, c1 = c0 + w;
        int j = 0;
        for (; j + 16 <= w; j += 16)
        {
            Vector256<double> x0 = accumulate ? Avx.LoadVector256(c0 + j) : Vector256<double>.Zero;
            Vector256<double> x1 = accumulate ? Avx.LoadVector256(c0 + j + 4) : Vector256<double>.Zero;
            Vector256<double> x2 = accumulate ? Avx.LoadVector256(c0 + j + 8) : Vector256<double>.Zero;
            Vector256<double> x3 = accumulate ? Avx.LoadVector256(c0 + j + 12) : Vector256<double>.Zero;
            Vector256<double> y0 = accumulate ? Avx.LoadVector256(c1 + j) : Vector256<double>.Zero;
            Vector256<double> y1 = accumulate ? Avx.LoadVector256(c1 + j + 4) : Vector256<double>.Zero;
            Vector256<double> y2 = accumulate ? Avx.LoadVector256(c1 + j + 8) : Vector256<double>.Zero;
            Vector256<double> y3 = accumulate ? Avx.LoadVector256(c1 + j + 12) : Vector256<double>.Zero;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> re0 = Vector256.Create(a0[2 * p]), im0 = Vector256.Create(a0[2 * p + 1]) * sign;
                Vector256<double> re1 = Vector256.Create(a1[2 * p]), im1 = Vector256.Create(a1[2 * p + 1]) * sign;
                Vector256<double> v = Avx.LoadVector256(bp), s = Avx.Permute(v, 0b0101);
                x0 = Fma.MultiplyAdd(im0, s, Fma.MultiplyAdd(re0, v, x0));
                y0 = Fma.MultiplyAdd(im1, s, Fma.MultiplyAdd(re1, v, y0));
                v = Avx.LoadVector256(bp + 4);
                s = Avx.Permute(v, 0b0101);
                x1 = Fma.MultiplyAdd(im0, s, Fma.MultiplyAdd(re0, v, x1));
                y1 = Fma.MultiplyAdd(im1, s, Fma.MultiplyAdd(re1, v, y1));
                v = Avx.LoadVector256(bp + 8);
                s = Avx.Permute(v, 0b0101);
                x2 = Fma.MultiplyAdd(im0, s, Fma.MultiplyAdd(re0, v, x2));
                y2 = Fma.MultiplyAdd(im1, s, Fma.MultiplyAdd(re1, v, y2));
                v = Avx.LoadVector256(bp + 12);
                s = Avx.Permute(v, 0b0101);
                x3 = Fma.MultiplyAdd(im0, s, Fma.MultiplyAdd(re0, v, x3));
                y3 = Fma.MultiplyAdd(im1, s, Fma.MultiplyAdd(re1, v, y3));
            }
            Avx.Store(c0 + j, x0);
            Avx.Store(c0 + j + 4, x1);
            Avx.Store(c0 + j + 8, x2);
            Avx.Store(c0 + j + 12, x3);
            Avx.Store(c1 + j, y0);
            Avx.Store(c1 + j + 4, y1);
            Avx.Store(c1 + j + 8, y2);
            Avx.Store(c1 + j + 12, y3);
            if (sums != null)
            {
                double* sj = sums + j;
                Avx.Store(sj, Avx.LoadVector256(sj) + Avx.Sqrt(Avx.HorizontalAdd(x0 * x0, y0 * y0)));
                Avx.Store(sj + 4, Avx.LoadVector256(sj + 4) + Avx.Sqrt(Avx.HorizontalAdd(x1 * x1, y1 * y1)));
                Avx.Store(sj + 8, Avx.LoadVector256(sj + 8) + Avx.Sqrt(Avx.HorizontalAdd(x2 * x2, y2 * y2)));
                Avx.Store(sj + 12, Avx.LoadVector256(sj + 12) + Avx.Sqrt(Avx.HorizontalAdd(x3 * x3, y3 * y3)));
            }
        }
        return j;
    }

    /// <summary>
    /// C = A·B (or C += A·B) for complex 4×4 matrices, the whole of C in eight registers and every loop unrolled: at this
    /// order the loop and call overhead of the general row kernel cost as much as the 64 multiply-adds. Each entry gets
    /// the same operations in the same order as in <see cref="ComplexRow"/>, so the results are identical. With
    /// <paramref name="sums"/> (8 doubles, or null), the column sums of moduli as in <see cref="SquareWithNorm"/> are written to it.
    /// </summary>
    private static void Complex4(double* a, double* b, double* c, bool accumulate, double* sums)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        Vector256<double> c00, c01, c10, c11, c20, c21, c30, c31;
        if (accumulate)
        {
            c00 = Avx.LoadVector256(c);
            c01 = Avx.LoadVector256(c + 4);
            c10 = Avx.LoadVector256(c + 8);
            c11 = Avx.LoadVector256(c + 12);
            c20 = Avx.LoadVector256(c + 16);
            c21 = Avx.LoadVector256(c + 20);
            c30 = Avx.LoadVector256(c + 24);
            c31 = Avx.LoadVector256(c + 28);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<double>.Zero;
        }
        for (int p = 0; p < 4; p++)
        {
            double* bp = b + 8 * p;
            Vector256<double> b0 = Avx.LoadVector256(bp), b1 = Avx.LoadVector256(bp + 4);
            Vector256<double> s0 = Avx.Permute(b0, 0b0101), s1 = Avx.Permute(b1, 0b0101);
            Vector256<double> re = Vector256.Create(a[2 * p]), im = Vector256.Create(a[2 * p + 1]) * sign;
            c00 = Fma.MultiplyAdd(im, s0, Fma.MultiplyAdd(re, b0, c00));
            c01 = Fma.MultiplyAdd(im, s1, Fma.MultiplyAdd(re, b1, c01));
            re = Vector256.Create(a[8 + 2 * p]);
            im = Vector256.Create(a[8 + 2 * p + 1]) * sign;
            c10 = Fma.MultiplyAdd(im, s0, Fma.MultiplyAdd(re, b0, c10));
            c11 = Fma.MultiplyAdd(im, s1, Fma.MultiplyAdd(re, b1, c11));
            re = Vector256.Create(a[16 + 2 * p]);
            im = Vector256.Create(a[16 + 2 * p + 1]) * sign;
            c20 = Fma.MultiplyAdd(im, s0, Fma.MultiplyAdd(re, b0, c20));
            c21 = Fma.MultiplyAdd(im, s1, Fma.MultiplyAdd(re, b1, c21));
            re = Vector256.Create(a[24 + 2 * p]);
            im = Vector256.Create(a[24 + 2 * p + 1]) * sign;
            c30 = Fma.MultiplyAdd(im, s0, Fma.MultiplyAdd(re, b0, c30));
            c31 = Fma.MultiplyAdd(im, s1, Fma.MultiplyAdd(re, b1, c31));
        }
        Avx.Store(c, c00);
        Avx.Store(c + 4, c01);
        Avx.Store(c + 8, c10);
        Avx.Store(c + 12, c11);
        Avx.Store(c + 16, c20);
        Avx.Store(c + 20, c21);
        Avx.Store(c + 24, c30);
        Avx.Store(c + 28, c31);
        if (sums != null)
        {
            // Rows 0 and 1, then rows 2 and 3, added to zero in that order as Norm.One does.
            Avx.Store(sums, Avx.Sqrt(Avx.HorizontalAdd(c00 * c00, c10 * c10)) + Avx.Sqrt(Avx.HorizontalAdd(c20 * c20, c30 * c30)));
            Avx.Store(sums + 4, Avx.Sqrt(Avx.HorizontalAdd(c01 * c01, c11 * c11)) + Avx.Sqrt(Avx.HorizontalAdd(c21 * c21, c31 * c31)));
        }
    }

    /// <summary>One row of C from column <paramref name="start"/> (in doubles) on.</summary>
    private static void ComplexRow(double* ai, double* b, double* ci, int k, int w, int start, bool accumulate)
    {
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        int j = start;
        for (; j + 16 <= w; j += 16)
        {
            Vector256<double> c0 = accumulate ? Avx.LoadVector256(ci + j) : Vector256<double>.Zero;
            Vector256<double> c1 = accumulate ? Avx.LoadVector256(ci + j + 4) : Vector256<double>.Zero;
            Vector256<double> c2 = accumulate ? Avx.LoadVector256(ci + j + 8) : Vector256<double>.Zero;
            Vector256<double> c3 = accumulate ? Avx.LoadVector256(ci + j + 12) : Vector256<double>.Zero;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> re = Vector256.Create(ai[2 * p]);
                Vector256<double> im = Vector256.Create(ai[2 * p + 1]) * sign;
                Vector256<double> b0 = Avx.LoadVector256(bp), b1 = Avx.LoadVector256(bp + 4);
                Vector256<double> b2 = Avx.LoadVector256(bp + 8), b3 = Avx.LoadVector256(bp + 12);
                c0 = Fma.MultiplyAdd(re, b0, c0);
                c1 = Fma.MultiplyAdd(re, b1, c1);
                c2 = Fma.MultiplyAdd(re, b2, c2);
                c3 = Fma.MultiplyAdd(re, b3, c3);
                c0 = Fma.MultiplyAdd(im, Avx.Permute(b0, 0b0101), c0);
                c1 = Fma.MultiplyAdd(im, Avx.Permute(b1, 0b0101), c1);
                c2 = Fma.MultiplyAdd(im, Avx.Permute(b2, 0b0101), c2);
                c3 = Fma.MultiplyAdd(im, Avx.Permute(b3, 0b0101), c3);
            }
            Avx.Store(ci + j, c0);
            Avx.Store(ci + j + 4, c1);
            Avx.Store(ci + j + 8, c2);
            Avx.Store(ci + j + 12, c3);
        }
        for (; j + 8 <= w; j += 8)
        {
            Vector256<double> c0 = accumulate ? Avx.LoadVector256(ci + j) : Vector256<double>.Zero;
            Vector256<double> c1 = accumulate ? Avx.LoadVector256(ci + j + 4) : Vector256<double>.Zero;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> re = Vector256.Create(ai[2 * p]);
                Vector256<double> im = Vector256.Create(ai[2 * p + 1]) * sign;
                Vector256<double> b0 = Avx.LoadVector256(bp), b1 = Avx.LoadVector256(bp + 4);
                c0 = Fma.MultiplyAdd(re, b0, c0);
                c1 = Fma.MultiplyAdd(re, b1, c1);
                c0 = Fma.MultiplyAdd(im, Avx.Permute(b0, 0b0101), c0);
                c1 = Fma.MultiplyAdd(im, Avx.Permute(b1, 0b0101), c1);
            }
            Avx.Store(ci + j, c0);
            Avx.Store(ci + j + 4, c1);
        }
        for (; j + 4 <= w; j += 4)
        {
            Vector256<double> c0 = accumulate ? Avx.LoadVector256(ci + j) : Vector256<double>.Zero;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> b0 = Avx.LoadVector256(bp);
                c0 = Fma.MultiplyAdd(Vector256.Create(ai[2 * p]), b0, c0);
                c0 = Fma.MultiplyAdd(Vector256.Create(ai[2 * p + 1]) * sign, Avx.Permute(b0, 0b0101), c0);
            }
            Avx.Store(ci + j, c0);
        }
        if (j < w)
        {
            // The last column of an odd order: one complex dot product.
            double re = accumulate ? ci[j] : 0, im = accumulate ? ci[j + 1] : 0;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                double ar = ai[2 * p], aim = ai[2 * p + 1];
                re += ar * bp[0] - aim * bp[1];
                im += ar * bp[1] + aim * bp[0];
            }
            ci[j] = re;
            ci[j + 1] = im;
        }
    }

    /// <summary>
    /// c −= a·B for one complex row: <paramref name="a"/> is 1×k, B is k×(w/2) with rows w doubles apart, c is 1×(w/2),
    /// all interleaved (re, im). The row update of the small triangular solves; the whole row stays in registers.
    /// </summary>
    public static void SubtractComplexRowProduct(double* a, double* b, double* c, int k, int w)
    {
        if (k == 0)
            return;
        Vector256<double> sign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
        int j = 0;
        for (; j + 32 <= w; j += 32)
        {
            Vector256<double> c0 = Avx.LoadVector256(c + j), c1 = Avx.LoadVector256(c + j + 4);
            Vector256<double> c2 = Avx.LoadVector256(c + j + 8), c3 = Avx.LoadVector256(c + j + 12);
            Vector256<double> c4 = Avx.LoadVector256(c + j + 16), c5 = Avx.LoadVector256(c + j + 20);
            Vector256<double> c6 = Avx.LoadVector256(c + j + 24), c7 = Avx.LoadVector256(c + j + 28);
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> re = Vector256.Create(a[2 * p]);
                Vector256<double> im = Vector256.Create(a[2 * p + 1]) * sign;
                Vector256<double> v = Avx.LoadVector256(bp);
                c0 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c0));
                v = Avx.LoadVector256(bp + 4);
                c1 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c1));
                v = Avx.LoadVector256(bp + 8);
                c2 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c2));
                v = Avx.LoadVector256(bp + 12);
                c3 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c3));
                v = Avx.LoadVector256(bp + 16);
                c4 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c4));
                v = Avx.LoadVector256(bp + 20);
                c5 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c5));
                v = Avx.LoadVector256(bp + 24);
                c6 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c6));
                v = Avx.LoadVector256(bp + 28);
                c7 = Fma.MultiplyAddNegated(im, Avx.Permute(v, 0b0101), Fma.MultiplyAddNegated(re, v, c7));
            }
            Avx.Store(c + j, c0);
            Avx.Store(c + j + 4, c1);
            Avx.Store(c + j + 8, c2);
            Avx.Store(c + j + 12, c3);
            Avx.Store(c + j + 16, c4);
            Avx.Store(c + j + 20, c5);
            Avx.Store(c + j + 24, c6);
            Avx.Store(c + j + 28, c7);
        }
        for (; j + 4 <= w; j += 4)
        {
            Vector256<double> c0 = Avx.LoadVector256(c + j);
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                Vector256<double> v = Avx.LoadVector256(bp);
                c0 = Fma.MultiplyAddNegated(Vector256.Create(a[2 * p]), v, c0);
                c0 = Fma.MultiplyAddNegated(Vector256.Create(a[2 * p + 1]) * sign, Avx.Permute(v, 0b0101), c0);
            }
            Avx.Store(c + j, c0);
        }
        if (j < w)
        {
            // The last column of an odd order: one complex dot product.
            double re = c[j], im = c[j + 1];
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += w)
            {
                double ar = a[2 * p], ai = a[2 * p + 1];
                re -= ar * bp[0] - ai * bp[1];
                im -= ar * bp[1] + ai * bp[0];
            }
            c[j] = re;
            c[j + 1] = im;
        }
    }

    private static void RealKernel(double* a, double* b, double* c, int m, int k, int n, bool accumulate)
    {
        // Orders that are multiples of 16 (the |X|² and |X|⁴ of ℓ(A, m) at n = 16): two rows at a time, eight
        // independent sums instead of four, since one row's chains of k dependent multiply-adds are latency bound.
        // Each entry gets the same operations in the same order as below.
        int i = 0;
        if (n % 16 == 0)
        {
            for (; i + 1 < m; i += 2)
                RealTwoRows(a + i * k, b, c + i * n, k, n, accumulate);
        }
        for (; i < m; i++)
        {
            double* ai = a + i * k;
            double* ci = c + i * n;
            int j = 0;
            for (; j + 16 <= n; j += 16)
            {
                Vector256<double> c0 = accumulate ? Avx.LoadVector256(ci + j) : Vector256<double>.Zero;
                Vector256<double> c1 = accumulate ? Avx.LoadVector256(ci + j + 4) : Vector256<double>.Zero;
                Vector256<double> c2 = accumulate ? Avx.LoadVector256(ci + j + 8) : Vector256<double>.Zero;
                Vector256<double> c3 = accumulate ? Avx.LoadVector256(ci + j + 12) : Vector256<double>.Zero;
                double* bp = b + j;
                for (int p = 0; p < k; p++, bp += n)
                {
                    Vector256<double> x = Vector256.Create(ai[p]);
                    c0 = Fma.MultiplyAdd(x, Avx.LoadVector256(bp), c0);
                    c1 = Fma.MultiplyAdd(x, Avx.LoadVector256(bp + 4), c1);
                    c2 = Fma.MultiplyAdd(x, Avx.LoadVector256(bp + 8), c2);
                    c3 = Fma.MultiplyAdd(x, Avx.LoadVector256(bp + 12), c3);
                }
                Avx.Store(ci + j, c0);
                Avx.Store(ci + j + 4, c1);
                Avx.Store(ci + j + 8, c2);
                Avx.Store(ci + j + 12, c3);
            }
            for (; j + 4 <= n; j += 4)
            {
                Vector256<double> c0 = accumulate ? Avx.LoadVector256(ci + j) : Vector256<double>.Zero;
                double* bp = b + j;
                for (int p = 0; p < k; p++, bp += n)
                    c0 = Fma.MultiplyAdd(Vector256.Create(ai[p]), Avx.LoadVector256(bp), c0);
                Avx.Store(ci + j, c0);
            }
            for (; j < n; j++)
            {
                double sum = accumulate ? ci[j] : 0;
                for (int p = 0; p < k; p++)
                    sum += ai[p] * b[p * n + j];
                ci[j] = sum;
            }
        }
    }

    /// <summary>Rows i and i + 1 of C = A·B (or C += A·B) for n a multiple of 16, sixteen columns of both at a time.</summary>
    private static void RealTwoRows(double* a0, double* b, double* c0, int k, int n, bool accumulate)
    {
        double* a1 = a0 + k, c1 = c0 + n;
        for (int j = 0; j + 16 <= n; j += 16)
        {
            Vector256<double> x0 = accumulate ? Avx.LoadVector256(c0 + j) : Vector256<double>.Zero;
            Vector256<double> x1 = accumulate ? Avx.LoadVector256(c0 + j + 4) : Vector256<double>.Zero;
            Vector256<double> x2 = accumulate ? Avx.LoadVector256(c0 + j + 8) : Vector256<double>.Zero;
            Vector256<double> x3 = accumulate ? Avx.LoadVector256(c0 + j + 12) : Vector256<double>.Zero;
            Vector256<double> y0 = accumulate ? Avx.LoadVector256(c1 + j) : Vector256<double>.Zero;
            Vector256<double> y1 = accumulate ? Avx.LoadVector256(c1 + j + 4) : Vector256<double>.Zero;
            Vector256<double> y2 = accumulate ? Avx.LoadVector256(c1 + j + 8) : Vector256<double>.Zero;
            Vector256<double> y3 = accumulate ? Avx.LoadVector256(c1 + j + 12) : Vector256<double>.Zero;
            double* bp = b + j;
            for (int p = 0; p < k; p++, bp += n)
            {
                Vector256<double> u = Vector256.Create(a0[p]), v = Vector256.Create(a1[p]);
                Vector256<double> b0 = Avx.LoadVector256(bp), b1 = Avx.LoadVector256(bp + 4);
                Vector256<double> b2 = Avx.LoadVector256(bp + 8), b3 = Avx.LoadVector256(bp + 12);
                x0 = Fma.MultiplyAdd(u, b0, x0);
                x1 = Fma.MultiplyAdd(u, b1, x1);
                x2 = Fma.MultiplyAdd(u, b2, x2);
                x3 = Fma.MultiplyAdd(u, b3, x3);
                y0 = Fma.MultiplyAdd(v, b0, y0);
                y1 = Fma.MultiplyAdd(v, b1, y1);
                y2 = Fma.MultiplyAdd(v, b2, y2);
                y3 = Fma.MultiplyAdd(v, b3, y3);
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
    }
}
