using System;
using System.Numerics;

namespace Diff;

// Registered derivatives of Svd (J. Townsend, "Differentiating the singular value decomposition", 2016; the complex
// case's gauge term after Z.-Q. Wan and S.-X. Zhang, arXiv:1909.02659, 2019); the rules are in SpectralRules. Three
// outputs, so the reverse rules take uSeed, sSeed, vhSeed (a null seed is zero) and return ((U, S, Vh) Value, A a).
public static partial class Ops
{
    /// <summary>
    /// Forward mode of <see cref="Svd(Tensor)"/>: with dP = Uᵀ·dA·V, dS = diag(dP), Uᵀ·dU = F∘(dP·S + S·dPᵀ),
    /// Vᵀ·dV = F∘(S·dP + dPᵀ·S), F_ij = 1/(sⱼ² − sᵢ²), plus the components outside span(U), span(V) of a non-square A
    /// (Townsend 2016).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and the derivative of each output along the given tangent.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Svd(Tensor)"/>; the tangent's shape differs from A's; or singular values are repeated (or zero
    /// where a vector needs 1/s) and the tangent needs the vectors there (the message names the pair).
    /// </exception>
    [TangentOf(nameof(Svd))]
    public static ((Tensor U, Tensor S, Tensor Vh) Value, (Tensor U, Tensor S, Tensor Vh) Tangent) SvdTangent(Tensor a, Tensor da)
    {
        var (value, r) = SvdAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(SvdTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        var (du, ds, dvh) = SpectralRules.SvdTangent(r, da!.Data);
        return (value, (new Tensor(du, value.U.Shape), new Tensor(ds, value.S.Shape), new Tensor(dvh, value.Vh.Shape)));
    }

    /// <summary>Forward mode of <see cref="Svd(ComplexTensor)"/>: as for the real case, with dS = Re diag(dP) and the gauge term i·Im diag(dP)/S on Uᴴ·dU.</summary>
    /// <inheritdoc cref="SvdTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(Svd))]
    public static ((ComplexTensor U, Tensor S, ComplexTensor Vh) Value, (ComplexTensor U, Tensor S, ComplexTensor Vh) Tangent) SvdTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = SvdAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(SvdTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        var (du, ds, dvh) = SpectralRules.SvdTangent(r, da!.Data);
        return (value, (new ComplexTensor(du, value.U.Shape), new Tensor(ds, value.S.Shape), new ComplexTensor(dvh, value.Vh.Shape)));
    }

    /// <summary>
    /// Reverse mode of <see cref="Svd(Tensor)"/>, with one seed per output: ā = U·P̄·Vᵀ + (I − UUᵀ)·Ū·S⁻¹·Vᵀ +
    /// U·S⁻¹·V̄ᵀ·(I − VVᵀ), P̄ = F∘(J − Jᵀ)·S + S·F∘(K − Kᵀ) + diag(S̄), J = Uᵀ·Ū, K = Vᵀ·V̄, V̄ = V̄hᵀ (Townsend 2016).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="uSeed">The cotangent of U (m×k), or null for zero.</param>
    /// <param name="sSeed">The cotangent of S (length k), or null for zero.</param>
    /// <param name="vhSeed">The cotangent of Vh (k×n), or null for zero.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Svd(Tensor)"/>; a seed's shape is wrong; or singular values are repeated (or zero) and the
    /// vectors' seeds are not invariant under the rotations that leave the SVD unchanged (the message names the pair).
    /// </exception>
    [AdjointOf(nameof(Svd))]
    public static ((Tensor U, Tensor S, Tensor Vh) Value, Tensor a) SvdAdjoint(Tensor a, Tensor? uSeed, Tensor? sSeed, Tensor? vhSeed)
    {
        var (value, r) = SvdAdjointForward(a);
        return (value, SvdAdjointBackward(r, uSeed, sSeed, vhSeed));
    }

    /// <summary>Reverse mode of <see cref="Svd(ComplexTensor)"/>, with one seed per output: as for the real case with conjugate transposes, plus U·diag(i·Im diag(Uᴴ·Ū)/S)·Vᴴ.</summary>
    /// <inheritdoc cref="SvdAdjoint(Tensor, Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(Svd))]
    public static ((ComplexTensor U, Tensor S, ComplexTensor Vh) Value, ComplexTensor a) SvdAdjoint(ComplexTensor a, ComplexTensor? uSeed, Tensor? sSeed, ComplexTensor? vhSeed)
    {
        var (value, r) = SvdAdjointForward(a);
        return (value, SvdAdjointBackward(r, uSeed, sSeed, vhSeed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Svd(Tensor)"/>: the value, whose factors are the residual.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Svd(Tensor)"/>.</exception>
    [AdjointOf(nameof(Svd), Part = AdjointPart.Forward)]
    public static ((Tensor U, Tensor S, Tensor Vh) Value, SvdAdjointResidual<double> Residual) SvdAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Svd(a.Data, a.ShapeRef);
        int k = r.S.Length;
        return ((new Tensor(r.U, [r.Rows, k]), new Tensor(r.S, [k]), new Tensor(r.Vh, [k, r.Columns])), r);
    }

    /// <inheritdoc cref="SvdAdjointForward(Tensor)"/>
    [AdjointOf(nameof(Svd), Part = AdjointPart.Forward)]
    public static ((ComplexTensor U, Tensor S, ComplexTensor Vh) Value, SvdAdjointResidual<Complex> Residual) SvdAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = SpectralRules.Svd(a.Data, a.ShapeRef);
        int k = r.S.Length;
        return ((new ComplexTensor(r.U, [r.Rows, k]), new Tensor(r.S, [k]), new ComplexTensor(r.Vh, [k, r.Columns])), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Svd(Tensor)"/>: ā from the kept factors and one seed per output.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="uSeed">The cotangent of U (m×k), or null for zero.</param>
    /// <param name="sSeed">The cotangent of S (length k), or null for zero.</param>
    /// <param name="vhSeed">The cotangent of Vh (k×n), or null for zero.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">A seed's shape is wrong, or a repeated or zero singular value meets seeds that need its vectors.</exception>
    [AdjointOf(nameof(Svd), Part = AdjointPart.Backward)]
    public static Tensor SvdAdjointBackward(SvdAdjointResidual<double> residual, Tensor? uSeed, Tensor? sSeed, Tensor? vhSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SvdSeeds(residual, uSeed?.ShapeRef, sSeed?.ShapeRef, vhSeed?.ShapeRef);
        return new Tensor(SpectralRules.SvdBackward(residual, uSeed?.Data, sSeed?.Data, vhSeed?.Data), [residual.Rows, residual.Columns]);
    }

    /// <inheritdoc cref="SvdAdjointBackward(SvdAdjointResidual{double}, Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(Svd), Part = AdjointPart.Backward)]
    public static ComplexTensor SvdAdjointBackward(SvdAdjointResidual<Complex> residual, ComplexTensor? uSeed, Tensor? sSeed, ComplexTensor? vhSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SvdSeeds(residual, uSeed?.ShapeRef, sSeed?.ShapeRef, vhSeed?.ShapeRef);
        return new ComplexTensor(SpectralRules.SvdBackward(residual, uSeed?.Data, sSeed?.Data, vhSeed?.Data), [residual.Rows, residual.Columns]);
    }

    private static void SvdSeeds<T>(SvdAdjointResidual<T> r, int[]? u, int[]? s, int[]? vh) where T : unmanaged, INumberBase<T>
    {
        int k = r.S.Length;
        SeedOrNull("uSeed", [r.Rows, k], u);
        SeedOrNull("sSeed", [k], s);
        SeedOrNull("vhSeed", [k, r.Columns], vh);
    }
}
