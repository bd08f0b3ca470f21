using System;
using System.Numerics;

namespace Diff;

// Registered derivatives of Cholesky (I. Murray, "Differentiation of the Cholesky decomposition", 2016), Eigh
// (Seeger et al., "Auto-differentiating linear algebra", 2017) and Svd (J. Townsend, "Differentiating the singular
// value decomposition", 2016; complex gauge term after Wan & Zhang 2019); the rules are in LinearAlgebraRules and
// SpectralRules. Eigh and Svd return tuples, so their reverse rules take one seed per output, in output order and
// named after the outputs ({output}Seed), and return ((outputs…) Value, A a); a null seed is a zero seed. Their split
// form keeps the factors (all the backward parts need), so nothing is factored twice.
public static partial class Ops
{
    // ---- Cholesky ----------------------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Cholesky(Tensor)"/>: L and dL = L·Φ(L⁻¹·dS·L⁻ᵀ), dS = ½(dA + dAᵀ), Φ the lower triangle with half the diagonal (Murray 2016, eq. 7).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangent.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Cholesky(Tensor)"/>, or the tangent's shape differs from A's.</exception>
    [TangentOf(nameof(Cholesky))]
    public static (Tensor Value, Tensor Tangent) CholeskyTangent(Tensor a, Tensor da)
    {
        var (value, r) = CholeskyAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(CholeskyTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, new Tensor(LinearAlgebraRules.CholeskyTangent(r, da!.Data), [.. a.ShapeRef]));
    }

    /// <summary>Forward mode of <see cref="Cholesky(ComplexTensor)"/>: L and dL = L·Φ(L⁻¹·dS·L⁻ᴴ), dS = ½(dA + dAᴴ) (Murray 2016, eq. 7).</summary>
    /// <inheritdoc cref="CholeskyTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(Cholesky))]
    public static (ComplexTensor Value, ComplexTensor Tangent) CholeskyTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = CholeskyAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(CholeskyTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, new ComplexTensor(LinearAlgebraRules.CholeskyTangent(r, da!.Data), [.. a.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Cholesky(Tensor)"/>: L and ā = ½(Q + Qᵀ), Q = L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹ (Murray 2016, eq. 10), symmetric.</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of L.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Cholesky(Tensor)"/>, or the seed's shape differs from A's.</exception>
    [AdjointOf(nameof(Cholesky))]
    public static (Tensor Value, Tensor a) CholeskyAdjoint(Tensor a, Tensor seed)
    {
        var (value, r) = CholeskyAdjointForward(a);
        return (value, CholeskyAdjointBackward(r, seed));
    }

    /// <summary>Reverse mode of <see cref="Cholesky(ComplexTensor)"/>: L and ā = ½(Q + Qᴴ), Q = L⁻ᴴ·Φ(Lᴴ·L̄)·L⁻¹, Hermitian.</summary>
    /// <inheritdoc cref="CholeskyAdjoint(Tensor, Tensor)"/>
    [AdjointOf(nameof(Cholesky))]
    public static (ComplexTensor Value, ComplexTensor a) CholeskyAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        var (value, r) = CholeskyAdjointForward(a);
        return (value, CholeskyAdjointBackward(r, seed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Cholesky(Tensor)"/>: L, kept with L⁻¹.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Cholesky(Tensor)"/>.</exception>
    [AdjointOf(nameof(Cholesky), Part = AdjointPart.Forward)]
    public static (Tensor Value, CholeskyAdjointResidual<double> Residual) CholeskyAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = LinearAlgebraRules.Cholesky(a.Data, a.ShapeRef);
        return (new Tensor(r.Factor, [.. a.ShapeRef]), r);
    }

    /// <inheritdoc cref="CholeskyAdjointForward(Tensor)"/>
    [AdjointOf(nameof(Cholesky), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, CholeskyAdjointResidual<Complex> Residual) CholeskyAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = LinearAlgebraRules.Cholesky(a.Data, a.ShapeRef);
        return (new ComplexTensor(r.Factor, [.. a.ShapeRef]), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Cholesky(Tensor)"/>: ā = ½(Q + Qᵀ), Q = L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹, from the kept L and L⁻¹.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="seed">The cotangent of L.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">The seed's shape differs from A's.</exception>
    [AdjointOf(nameof(Cholesky), Part = AdjointPart.Backward)]
    public static Tensor CholeskyAdjointBackward(CholeskyAdjointResidual<double> residual, Tensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        int n = residual.Order;
        LinearAlgebraChecks.SameShape(nameof(CholeskyAdjointBackward), nameof(seed), [n, n], seed?.ShapeRef);
        return new Tensor(LinearAlgebraRules.CholeskyBackward(residual, seed!.Data), [n, n]);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Cholesky(ComplexTensor)"/>: ā = ½(Q + Qᴴ), Q = L⁻ᴴ·Φ(Lᴴ·L̄)·L⁻¹.</summary>
    /// <inheritdoc cref="CholeskyAdjointBackward(CholeskyAdjointResidual{double}, Tensor)"/>
    [AdjointOf(nameof(Cholesky), Part = AdjointPart.Backward)]
    public static ComplexTensor CholeskyAdjointBackward(CholeskyAdjointResidual<Complex> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        int n = residual.Order;
        LinearAlgebraChecks.SameShape(nameof(CholeskyAdjointBackward), nameof(seed), [n, n], seed?.ShapeRef);
        return new ComplexTensor(LinearAlgebraRules.CholeskyBackward(residual, seed!.Data), [n, n]);
    }

    // ---- Eigh --------------------------------------------------------------------------------------------------

    /// <summary>
    /// Forward mode of <see cref="Eigh(Tensor)"/>: with M = Vᵀ·dS·V (dS = ½(dA + dAᵀ)), dλ = diag(M) and
    /// dV = V·(F∘M), F_ij = 1/(λⱼ − λᵢ), F_ii = 0 (Seeger et al. 2017, §3).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and the derivative of each output along the given tangent.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Eigh(Tensor)"/>; the tangent's shape differs from A's; or two eigenvalues are equal and the
    /// tangent splits them (the eigenvectors have no derivative; the message names the pair and the gap).
    /// </exception>
    [TangentOf(nameof(Eigh))]
    public static ((Tensor Values, Tensor Vectors) Value, (Tensor Values, Tensor Vectors) Tangent) EighTangent(Tensor a, Tensor da)
    {
        var (value, r) = EighAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(EighTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        var (dl, dv) = SpectralRules.EighTangent(r, da!.Data);
        return (value, (new Tensor(dl, [r.Order]), new Tensor(dv, [r.Order, r.Order])));
    }

    /// <summary>Forward mode of <see cref="Eigh(ComplexTensor)"/>: dλ = Re diag(M), dV = V·(F∘M) for M = Vᴴ·dS·V, dS = ½(dA + dAᴴ).</summary>
    /// <inheritdoc cref="EighTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(Eigh))]
    public static ((Tensor Values, ComplexTensor Vectors) Value, (Tensor Values, ComplexTensor Vectors) Tangent) EighTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = EighAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(EighTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        var (dl, dv) = SpectralRules.EighTangent(r, da!.Data);
        return (value, (new Tensor(dl, [r.Order]), new ComplexTensor(dv, [r.Order, r.Order])));
    }

    /// <summary>
    /// Reverse mode of <see cref="Eigh(Tensor)"/>, with one seed per output: the value and ā = V·H·Vᵀ,
    /// H_ii = λ̄ᵢ, H_ij = (X_ij − X_ji) / (2(λⱼ − λᵢ)) for X = Vᵀ·V̄ (symmetric, as the input's symmetric part is what is factored).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="valuesSeed">The cotangent of the eigenvalues (length n), or null for zero.</param>
    /// <param name="vectorsSeed">The cotangent of the eigenvectors (n×n), or null for zero.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Eigh(Tensor)"/>; a seed's shape is wrong; or two eigenvalues are equal and the vectors' seed is
    /// not invariant under rotations of their eigenvectors (the message names the pair and the gap).
    /// </exception>
    [AdjointOf(nameof(Eigh))]
    public static ((Tensor Values, Tensor Vectors) Value, Tensor a) EighAdjoint(Tensor a, Tensor? valuesSeed, Tensor? vectorsSeed)
    {
        var (value, r) = EighAdjointForward(a);
        return (value, EighAdjointBackward(r, valuesSeed, vectorsSeed));
    }

    /// <summary>
    /// Reverse mode of <see cref="Eigh(ComplexTensor)"/>, with one seed per output: ā = V·H·Vᴴ, H_ii = λ̄ᵢ,
    /// H_ij = (X_ij − conj X_ji) / (2(λⱼ − λᵢ)) for X = Vᴴ·V̄ (Hermitian).
    /// </summary>
    /// <inheritdoc cref="EighAdjoint(Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(Eigh))]
    public static ((Tensor Values, ComplexTensor Vectors) Value, ComplexTensor a) EighAdjoint(ComplexTensor a, Tensor? valuesSeed, ComplexTensor? vectorsSeed)
    {
        var (value, r) = EighAdjointForward(a);
        return (value, EighAdjointBackward(r, valuesSeed, vectorsSeed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Eigh(Tensor)"/>: the value, whose factors are the residual.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Eigh(Tensor)"/>.</exception>
    [AdjointOf(nameof(Eigh), Part = AdjointPart.Forward)]
    public static ((Tensor Values, Tensor Vectors) Value, EighAdjointResidual<double> Residual) EighAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Eigh(a.Data, a.ShapeRef);
        return ((new Tensor(r.Values, [r.Order]), new Tensor(r.Vectors, [r.Order, r.Order])), r);
    }

    /// <inheritdoc cref="EighAdjointForward(Tensor)"/>
    [AdjointOf(nameof(Eigh), Part = AdjointPart.Forward)]
    public static ((Tensor Values, ComplexTensor Vectors) Value, EighAdjointResidual<Complex> Residual) EighAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Eigh(a.Data, a.ShapeRef);
        return ((new Tensor(r.Values, [r.Order]), new ComplexTensor(r.Vectors, [r.Order, r.Order])), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Eigh(Tensor)"/>: ā from the kept factors and one seed per output.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="valuesSeed">The cotangent of the eigenvalues (length n), or null for zero.</param>
    /// <param name="vectorsSeed">The cotangent of the eigenvectors (n×n), or null for zero.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">A seed's shape is wrong, or a degenerate pair meets a vectors' seed that is not invariant under its rotations.</exception>
    [AdjointOf(nameof(Eigh), Part = AdjointPart.Backward)]
    public static Tensor EighAdjointBackward(EighAdjointResidual<double> residual, Tensor? valuesSeed, Tensor? vectorsSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        int n = residual.Order;
        SeedOrNull(nameof(valuesSeed), [n], valuesSeed?.ShapeRef);
        SeedOrNull(nameof(vectorsSeed), [n, n], vectorsSeed?.ShapeRef);
        return new Tensor(SpectralRules.EighBackward(residual, valuesSeed?.Data, vectorsSeed?.Data), [n, n]);
    }

    /// <inheritdoc cref="EighAdjointBackward(EighAdjointResidual{double}, Tensor, Tensor)"/>
    [AdjointOf(nameof(Eigh), Part = AdjointPart.Backward)]
    public static ComplexTensor EighAdjointBackward(EighAdjointResidual<Complex> residual, Tensor? valuesSeed, ComplexTensor? vectorsSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        int n = residual.Order;
        SeedOrNull(nameof(valuesSeed), [n], valuesSeed?.ShapeRef);
        SeedOrNull(nameof(vectorsSeed), [n, n], vectorsSeed?.ShapeRef);
        return new ComplexTensor(SpectralRules.EighBackward(residual, valuesSeed?.Data, vectorsSeed?.Data), [n, n]);
    }

    private static void SeedOrNull(string name, int[] expected, int[]? actual)
    {
        if (actual is not null)
            LinearAlgebraChecks.SameShape("the adjoint", name, expected, actual);
    }
}
