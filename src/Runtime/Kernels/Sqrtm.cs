using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// Principal square roots: of a complex number on the branch used by <c>Ops.Logm</c>, and of an
/// upper triangular matrix by the Schur method of Björck &amp; Hammarling (1983) in Higham's
/// column-oriented form (Higham, "Computing real square roots of a real matrix", 1987;
/// <i>Functions of Matrices</i>, 2008, Algorithm 6.3).
/// </summary>
internal static class Sqrtm
{
    /// <summary>
    /// The principal square root of <paramref name="z"/>, Re √z ≥ 0, with the closed negative real
    /// axis mapped to the upper imaginary axis: √(−x) = +i·√x also when the imaginary part is −0.
    /// This matches <see cref="Logm.PrincipalLog"/>, which takes Im log z = +π there.
    /// </summary>
    public static Complex PrincipalSqrt(Complex z)
    {
        if (z.Imaginary == 0)
            return z.Real >= 0 ? new Complex(Math.Sqrt(z.Real), 0) : new Complex(0, Math.Sqrt(-z.Real));
        return Complex.Sqrt(z);
    }

    /// <summary>
    /// U = T^{1/2} for upper triangular <paramref name="t"/> (n×n, row-major; entries below the
    /// diagonal are ignored and written as zero in <paramref name="u"/>). Column by column,
    /// u(j,j) = √t(j,j) and, for i = j−1 down to 0,
    /// u(i,j) = (t(i,j) − Σ_{k=i+1}^{j−1} u(i,k)·u(k,j)) / (u(i,i) + u(j,j)).
    /// The denominators are nonzero whenever T is nonsingular, since principal roots lie in the
    /// closed right half plane and never cancel. <paramref name="u"/> must not overlap <paramref name="t"/>.
    /// </summary>
    public static void UpperTriangular(ReadOnlySpan<Complex> t, Span<Complex> u, int n)
    {
        u.Slice(0, n * n).Clear();
        for (int j = 0; j < n; j++)
        {
            u[j * n + j] = PrincipalSqrt(t[j * n + j]);
            for (int i = j - 1; i >= 0; i--)
            {
                Complex sum = t[i * n + j];
                for (int k = i + 1; k < j; k++)
                    sum -= u[i * n + k] * u[k * n + j];
                u[i * n + j] = sum / (u[i * n + i] + u[j * n + j]);
            }
        }
    }
}
