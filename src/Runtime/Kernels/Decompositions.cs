using System;
using System.Linq;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Diff.Kernels;

/// <summary>
/// Cholesky, symmetric/Hermitian eigendecomposition and SVD of row-major matrices, real or complex. Eigh and Svd
/// call MathNet.Numerics (Householder tridiagonalisation and implicit QL for Evd; Golub–Kahan bidiagonalisation and
/// implicit QR for Svd — Golub &amp; Van Loan, 4th ed., Algorithms 8.3.3 and 8.6.2); Cholesky is written here, the
/// row-oriented Cholesky–Crout recurrence of Golub &amp; Van Loan Algorithm 4.2.1, because on row-major storage its
/// inner products run over contiguous rows and it measured faster than MathNet's (which needs a column-major copy)
/// at every order from 4 to 256 (LinearAlgebraBenchmarks).
/// </summary>
internal static class Decompositions
{
    /// <summary>
    /// The lower-triangular L with real positive diagonal and S = L·Lᴴ for the Hermitian n×n <paramref name="s"/>
    /// (only its lower triangle is read), or null when S is not positive definite (a pivot d ≤ 0 or NaN).
    /// </summary>
    public static T[]? Cholesky<T>(ReadOnlySpan<T> s, int n) where T : unmanaged, INumberBase<T>
    {
        var l = new T[n * n];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<T> rowJ = l.AsSpan(j * n, j);
            double d = DenseMatrix.Re(s[j * n + j]);
            foreach (T v in rowJ)
                d -= DenseMatrix.Re(v) * DenseMatrix.Re(v) + DenseMatrix.Im(v) * DenseMatrix.Im(v);
            if (!(d > 0) || double.IsInfinity(d))
                return null;
            double ljj = Math.Sqrt(d);
            l[j * n + j] = DenseMatrix.Make<T>(ljj);
            for (int i = j + 1; i < n; i++)
            {
                // L[i, j] = (S[i, j] − Σ_k<j L[i, k]·conj(L[j, k])) / L[j, j]
                T sum = s[i * n + j];
                ReadOnlySpan<T> rowI = l.AsSpan(i * n, j);
                for (int k = 0; k < j; k++)
                    sum -= rowI[k] * DenseMatrix.Conj(rowJ[k]);
                l[i * n + j] = sum / DenseMatrix.Make<T>(ljj);
            }
        }
        return l;
    }

    /// <summary>MathNet's Cholesky of the same matrix (for the benchmark that chose <see cref="Cholesky{T}"/>).</summary>
    public static T[]? CholeskyMathNet<T>(T[] s, int n) where T : unmanaged, INumberBase<T>, IEquatable<T>, IFormattable
    {
        try
        {
            return Matrix<T>.Build.DenseOfRowMajor(n, n, s).Cholesky().Factor.ToRowMajorArray();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The eigenvalues (ascending) and orthonormal eigenvectors (columns of the row-major n×n result) of the Hermitian
    /// <paramref name="s"/>, by MathNet's symmetric/Hermitian Evd.
    /// </summary>
    public static (double[] Values, T[] Vectors) Eigh<T>(T[] s, int n) where T : unmanaged, INumberBase<T>, IEquatable<T>, IFormattable
    {
        if (n == 0)
            return ([], []);
        var evd = Matrix<T>.Build.DenseOfRowMajor(n, n, s).Evd(DenseMatrix.IsComplex<T>() ? Symmetricity.Hermitian : Symmetricity.Symmetric);
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = evd.EigenValues[i].Real;
        int[] order = Ascending(values);
        Matrix<T> v = evd.EigenVectors;
        var vectors = new T[n * n];
        var sorted = new double[n];
        for (int c = 0; c < n; c++)
        {
            sorted[c] = values[order[c]];
            for (int r = 0; r < n; r++)
                vectors[r * n + c] = v[r, order[c]];
        }
        return (sorted, vectors);
    }

    /// <summary>
    /// The reduced SVD A = U·diag(S)·Vh of the m×n <paramref name="a"/>: U m×k, S (descending) and Vh k×n for
    /// k = min(m, n), by MathNet's Svd (which forms the full U and Vᴴ; the first k columns and rows are kept).
    /// </summary>
    public static (T[] U, double[] S, T[] Vh) Svd<T>(T[] a, int m, int n) where T : unmanaged, INumberBase<T>, IEquatable<T>, IFormattable
    {
        int k = Math.Min(m, n);
        if (k == 0)
            return (new T[m * k], [], new T[k * n]);
        var svd = Matrix<T>.Build.DenseOfRowMajor(m, n, a).Svd(computeVectors: true);
        var s = new double[k];
        for (int i = 0; i < k; i++)
            s[i] = DenseMatrix.Re(svd.S[i]);
        // MathNet returns them descending; sorting keeps the contract whatever it does.
        int[] order = Ascending(s);
        Array.Reverse(order);
        var u = new T[m * k];
        var vh = new T[k * n];
        var sorted = new double[k];
        Matrix<T> fullU = svd.U, fullVt = svd.VT;
        for (int c = 0; c < k; c++)
        {
            int o = order[c];
            sorted[c] = s[o];
            for (int r = 0; r < m; r++)
                u[r * k + c] = fullU[r, o];
            for (int j = 0; j < n; j++)
                vh[c * n + j] = fullVt[o, j];
        }
        return (u, sorted, vh);
    }

    // A stable sort (OrderBy) keeps MathNet's order among equal values.
    private static int[] Ascending(double[] values) => Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
}
