using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// Principal square roots: of a complex number on the branch used by <c>Ops.Logm</c>, and of an
/// upper triangular matrix by the Schur method of Björck &amp; Hammarling (1983), with Higham's
/// recurrence (Higham, "Computing real square roots of a real matrix", 1987;
/// <i>Functions of Matrices</i>, 2008, Algorithm 6.3).
/// </summary>
internal static class Sqrtm
{
    /// <summary>
    /// The principal square root of <paramref name="z"/>, Re √z ≥ 0, with the closed negative real
    /// axis mapped to the upper imaginary axis: √(−x) = +i·√x also when the imaginary part is −0.
    /// This matches <see cref="Logm.PrincipalLog(Complex)"/>, which takes Im log z = +π there.
    /// </summary>
    public static Complex PrincipalSqrt(Complex z)
    {
        if (z.Imaginary == 0)
            return z.Real >= 0 ? new Complex(Math.Sqrt(z.Real), 0) : new Complex(0, Math.Sqrt(-z.Real));
        return Complex.Sqrt(z);
    }

    /// <summary>
    /// U = T^{1/2} for upper triangular <paramref name="t"/> (n×n, row-major; entries below the
    /// diagonal are ignored and written as zero in <paramref name="u"/>), from U·U = T:
    /// u(i,i) = √t(i,i) and u(i,j) = (t(i,j) − Σ_{k=i+1}^{j−1} u(i,k)·u(k,j)) / (u(i,i) + u(j,j)).
    /// Higham's recurrence runs a column at a time; here the same recurrence runs a row at a time
    /// from the bottom up, so that the sums become row updates: once u(i,k) is final,
    /// u(i,k)·U(k, k+1:n) is subtracted from the rest of row i. The denominators are nonzero
    /// whenever T is nonsingular, since principal roots lie in the closed right half plane and
    /// never cancel. <paramref name="u"/> must not overlap <paramref name="t"/>.
    /// </summary>
    public static void UpperTriangular(ReadOnlySpan<Complex> t, Span<Complex> u, int n)
    {
        u.Slice(0, n * n).Clear();
        for (int i = n - 1; i >= 0; i--)
        {
            Span<Complex> row = u.Slice(i * n, n);
            Complex uii = PrincipalSqrt(t[i * n + i]);
            row[i] = uii;
            t.Slice(i * n + i + 1, n - i - 1).CopyTo(row.Slice(i + 1));
            for (int k = i + 1; k < n; k++)
            {
                Complex uik = row[k] / (uii + u[k * n + k]);
                row[k] = uik;
                if (uik != Complex.Zero)
                    Triangular.SubtractScaled(row.Slice(k + 1), uik, u.Slice(k * n + k + 1, n - k - 1));
            }
        }
    }
}
