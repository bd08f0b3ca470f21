using System;
using System.Numerics;

namespace Diff;

// Cholesky, Hermitian eigendecomposition and SVD, real and complex. Their derivatives are in
// Ops.Decompositions.Derivatives.cs.
public static partial class Ops
{
    /// <summary>
    /// The Cholesky factor of a symmetric positive definite matrix: the lower-triangular L with positive diagonal and
    /// ½(A + Aᵀ) = L·Lᵀ. Only the symmetric part is factored, so the derivative is symmetric and agrees with finite
    /// differences in any direction (numpy's <c>linalg.cholesky</c> reads one triangle instead).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape), has a NaN or infinite entry, or is not positive definite.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>L, n×n, zero above the diagonal.</returns>
    public static Tensor Cholesky(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Tensor(LinearAlgebraRules.Cholesky(a.Data, a.ShapeRef).Factor, [.. a.ShapeRef]);
    }

    /// <summary>The Cholesky factor of a Hermitian positive definite matrix: lower-triangular L with real positive diagonal and ½(A + Aᴴ) = L·Lᴴ.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape), has a NaN or infinite entry, or is not positive definite.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>L, n×n, zero above the diagonal.</returns>
    public static ComplexTensor Cholesky(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ComplexTensor(LinearAlgebraRules.Cholesky(a.Data, a.ShapeRef).Factor, [.. a.ShapeRef]);
    }

    /// <summary>
    /// The eigendecomposition of a symmetric matrix (numpy's <c>linalg.eigh</c>): ½(A + Aᵀ) = V·diag(λ)·Vᵀ with the
    /// eigenvalues ascending and the orthonormal eigenvectors as the columns of V. Each vector's sign is whatever the
    /// algorithm gives, as in numpy; losses that do not depend on it (|v|², projectors v·vᵀ) have derivatives.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix; only its symmetric part is used.</param>
    /// <returns>The eigenvalues (length n, ascending) and the eigenvectors (n×n, column j for eigenvalue j).</returns>
    public static (Tensor Values, Tensor Vectors) Eigh(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Eigh(a.Data, a.ShapeRef);
        return (new Tensor(r.Values, [r.Order]), new Tensor(r.Vectors, [r.Order, r.Order]));
    }

    /// <summary>
    /// The eigendecomposition of a Hermitian matrix: ½(A + Aᴴ) = V·diag(λ)·Vᴴ with real eigenvalues ascending and
    /// orthonormal eigenvectors as the columns of V. Each vector's phase is whatever the algorithm gives; losses that do
    /// not depend on it (|v|², projectors v·vᴴ) have derivatives.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix; only its Hermitian part is used.</param>
    /// <returns>The eigenvalues (real, length n, ascending) and the eigenvectors (n×n, column j for eigenvalue j).</returns>
    public static (Tensor Values, ComplexTensor Vectors) Eigh(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Eigh(a.Data, a.ShapeRef);
        return (new Tensor(r.Values, [r.Order]), new ComplexTensor(r.Vectors, [r.Order, r.Order]));
    }

    /// <summary>
    /// The reduced singular value decomposition (numpy's <c>linalg.svd(a, full_matrices=False)</c>): A = U·diag(S)·Vh
    /// for A m×n and k = min(m, n), with U m×k and Vh k×n having orthonormal columns and rows, and S descending.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not a matrix (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The m×n matrix.</param>
    /// <returns>U (m×k), S (length k, descending, nonnegative) and Vh (k×n).</returns>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Svd(a.Data, a.ShapeRef);
        int k = r.S.Length;
        return (new Tensor(r.U, [r.Rows, k]), new Tensor(r.S, [k]), new Tensor(r.Vh, [k, r.Columns]));
    }

    /// <summary>The reduced SVD of a complex matrix: A = U·diag(S)·Vh with S real, nonnegative and descending; see <see cref="Svd(Tensor)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not a matrix (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The m×n matrix.</param>
    /// <returns>U (m×k), S (length k, real, descending) and Vh (k×n).</returns>
    public static (ComplexTensor U, Tensor S, ComplexTensor Vh) Svd(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Svd(a.Data, a.ShapeRef);
        int k = r.S.Length;
        return (new ComplexTensor(r.U, [r.Rows, k]), new Tensor(r.S, [k]), new ComplexTensor(r.Vh, [k, r.Columns]));
    }
}
