using System;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// Test matrices of Higham's gallery (MATLAB's <c>gallery</c>, the Matrix Computation Toolbox) shared by the hard-matrix
/// batteries of the exponential and the logarithm, row-major n×n.
/// </summary>
internal static class GalleryMatrices
{
    /// <summary>H(i, j) = 1/(i + j − 1) (1-based), rounded to double.</summary>
    public static double[] Hilbert(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = 1.0 / (i + j + 1);
        return a;
    }

    /// <summary>pascal(n): P(i, j) = binomial(i + j, i) (0-based), exact integers.</summary>
    public static double[] Pascal(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = i == 0 || j == 0 ? 1 : a[(i - 1) * n + j] + a[i * n + j - 1];
        return a;
    }

    /// <summary>gallery('moler', n) = UᵀU with U unit upper triangular with −1 above the diagonal: M(i, i) = i, M(i, j) = min(i, j) − 2 (1-based).</summary>
    public static double[] Moler(int n)
    {
        var a = new double[n * n];
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= n; j++)
                a[(i - 1) * n + j - 1] = i == j ? i : Math.Min(i, j) - 2;
        return a;
    }

    /// <summary>gallery('kahan', n, θ): diag(1, s, …, s^(n−1))·(I − c·strict upper ones), s = sin θ, c = cos θ.</summary>
    public static double[] Kahan(int n, double theta)
    {
        double s = Math.Sin(theta), c = Math.Cos(theta);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double si = Math.Pow(s, i);
            a[i * n + i] = si;
            for (int j = i + 1; j < n; j++)
                a[i * n + j] = -c * si;
        }
        return a;
    }

    /// <summary>gallery('frank', n): upper Hessenberg, F(i, j) = n + 1 − max(i, j) for j ≥ i − 1 (1-based); real positive eigenvalues in reciprocal pairs, the small ones ill-conditioned.</summary>
    public static double[] Frank(int n)
    {
        var a = new double[n * n];
        for (int i = 1; i <= n; i++)
            for (int j = Math.Max(1, i - 1); j <= n; j++)
                a[(i - 1) * n + j - 1] = n + 1 - Math.Max(i, j);
        return a;
    }

    /// <summary>After gallery('lesp', n): tridiagonal, diagonal −5, −7, …, −(2n+3), superdiagonal 2 … n, subdiagonal 1/2 … 1/n (real negative eigenvalues).</summary>
    public static double[] Lesp(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = -(2 * (i + 1) + 3);
            if (i + 1 < n)
            {
                a[i * n + i + 1] = i + 2;
                a[(i + 1) * n + i] = 1.0 / (i + 2);
            }
        }
        return a;
    }

    /// <summary>gallery('chebspec', n, 0): the Chebyshev spectral differentiation matrix on x_j = cos(jπ/(n−1)); nilpotent in exact arithmetic, extremely non-normal.</summary>
    public static double[] Chebspec(int n)
    {
        int m = n - 1;
        var x = new double[n];
        var c = new double[n];
        for (int j = 0; j < n; j++)
        {
            x[j] = Math.Cos(j * Math.PI / m);
            c[j] = (j == 0 || j == m ? 2 : 1) * (j % 2 == 0 ? 1 : -1);
        }
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j)
                    a[i * n + j] = c[i] / c[j] / (x[i] - x[j]);
        for (int i = 1; i < m; i++)
            a[i * n + i] = -x[i] / (2 * (1 - x[i] * x[i]));
        a[0] = (2.0 * m * m + 1) / 6;
        a[n * n - 1] = -a[0];
        return a;
    }

    /// <summary>λ on the diagonal, <paramref name="super"/> on the superdiagonal, <paramref name="corner"/> at (n−1, 0) (gallery('forsythe')).</summary>
    public static double[] Jordan(int n, double lambda, double super, double corner = 0)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = lambda;
            if (i + 1 < n)
                a[i * n + i + 1] = super;
        }
        a[(n - 1) * n] += corner;
        return a;
    }
}
