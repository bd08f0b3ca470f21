using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// Kernels on upper triangular complex matrices (row-major n×n spans): products, solves with a
/// shifted triangular matrix I + x·R from either side, and the triangular Sylvester equation
/// A·X + X·B = C (Bartels–Stewart with both coefficients already triangular).
/// </summary>
internal static partial class Triangular
{
    /// <summary>C = A·B for upper triangular A and B (C upper triangular; its lower part is written as zero).</summary>
    public static void MultiplyUpper(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        c.Slice(0, n * n).Clear();
        for (int i = 0; i < n; i++)
        {
            Span<Complex> ci = c.Slice(i * n, n);
            for (int k = i; k < n; k++)
            {
                Complex aik = a[i * n + k];
                if (aik == Complex.Zero)
                    continue;
                SubtractScaled(ci.Slice(k), -aik, b.Slice(k * n + k, n - k));
            }
        }
    }

    /// <summary>The 1-norm (largest column sum of moduli) of an upper triangular matrix.</summary>
    public static double OneNormUpper(ReadOnlySpan<Complex> a, int n)
    {
        double best = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i <= j; i++)
                sum += Complex.Abs(a[i * n + j]);
            best = Math.Max(best, sum);
        }
        return best;
    }

    /// <summary>
    /// Solves (I + x·R)·Y = B for Y by back substitution, R upper triangular, B any n×n matrix
    /// (<paramref name="y"/> may be <paramref name="b"/>). When B is upper triangular, pass
    /// <paramref name="upperRhs"/> = true to skip the zeros; Y is then upper triangular too.
    /// </summary>
    public static void SolveShiftedLeft(ReadOnlySpan<Complex> r, double x, ReadOnlySpan<Complex> b, Span<Complex> y, int n, bool upperRhs)
    {
        for (int i = n - 1; i >= 0; i--)
        {
            int first = upperRhs ? i : 0;
            Span<Complex> yi = y.Slice(i * n, n);
            yi.Slice(0, first).Clear();
            b.Slice(i * n + first, n - first).CopyTo(yi.Slice(first));
            for (int k = i + 1; k < n; k++)
            {
                Complex m = x * r[i * n + k];
                if (m == Complex.Zero)
                    continue;
                int from = upperRhs ? k : 0;
                SubtractScaled(yi.Slice(from), m, y.Slice(k * n + from, n - from));
            }
            Complex pivot = 1 + x * r[i * n + i];
            for (int j = first; j < n; j++)
                yi[j] /= pivot;
        }
    }

    /// <summary>
    /// Solves W·(I + x·R) = B for W, R upper triangular, B any n×n matrix, one row at a time by
    /// forward substitution along the columns (<paramref name="w"/> may be <paramref name="b"/>).
    /// </summary>
    public static void SolveShiftedRight(ReadOnlySpan<Complex> r, double x, ReadOnlySpan<Complex> b, Span<Complex> w, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Span<Complex> wi = w.Slice(i * n, n);
            b.Slice(i * n, n).CopyTo(wi);
            for (int k = 0; k < n; k++)
            {
                wi[k] /= 1 + x * r[k * n + k];
                Complex wik = wi[k];
                if (wik == Complex.Zero)
                    continue;
                SubtractScaled(wi.Slice(k + 1), wik * x, r.Slice(k * n + k + 1, n - k - 1));
            }
        }
    }

    /// <summary>
    /// Solves the Sylvester equation A·X + X·B = C for X (any n×n), A and B upper triangular
    /// (Golub &amp; Van Loan §7.6 with both Schur factors given). Entry (i,j) satisfies
    /// (a(i,i) + b(j,j))·x(i,j) = c(i,j) − Σ_{k&gt;i} a(i,k)·x(k,j) − Σ_{k&lt;j} x(i,k)·b(k,j),
    /// so rows are taken from the bottom up and, within a row, columns from left to right.
    /// A unique solution needs a(i,i) + b(j,j) ≠ 0 for all i, j (for A = B = a principal square
    /// root of a nonsingular matrix this always holds). <paramref name="x"/> may be <paramref name="c"/>.
    /// </summary>
    public static void SolveSylvester(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> c, Span<Complex> x, int n)
    {
        for (int i = n - 1; i >= 0; i--)
        {
            Span<Complex> xi = x.Slice(i * n, n);
            c.Slice(i * n, n).CopyTo(xi);
            // xi -= Σ_{k>i} a(i,k)·x(k,:) — rows below are final.
            for (int k = i + 1; k < n; k++)
            {
                Complex aik = a[i * n + k];
                if (aik == Complex.Zero)
                    continue;
                SubtractScaled(xi, aik, x.Slice(k * n, n));
            }
            // then left to right: x(i,j) = (xi[j] − Σ_{k<j} x(i,k)·b(k,j)) / (a(i,i) + b(j,j)).
            Complex aii = a[i * n + i];
            for (int j = 0; j < n; j++)
            {
                xi[j] /= aii + b[j * n + j];
                Complex xij = xi[j];
                if (xij == Complex.Zero)
                    continue;
                SubtractScaled(xi.Slice(j + 1), xij, b.Slice(j * n + j + 1, n - j - 1));
            }
        }
    }
}
