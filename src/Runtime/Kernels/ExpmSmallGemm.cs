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

    private static void ComplexKernel(double* a, double* b, double* c, int m, int k, int n, bool accumulate)
    {
        int w = 2 * n; // doubles per row of B and C
        int i = 0;
        for (; i + 1 < m && w >= 16; i += 2)
        {
            int j = ComplexTwoRows(a + 2 * i * k, b, c + i * w, k, w, accumulate);
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
    private static int ComplexTwoRows(double* a0, double* b, double* c0, int k, int w, bool accumulate)
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
        }
        return j;
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
        for (int i = 0; i < m; i++)
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
}
