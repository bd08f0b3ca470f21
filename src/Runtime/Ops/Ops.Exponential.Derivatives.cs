using System.Numerics;

namespace Diff;

// Registered derivatives of the matrix exponential. The tangent is the Fréchet derivative L(A, dA); the
// adjoint of A for the seed G is L(Aᴴ, G) (Al-Mohy & Higham, SIAM J. Matrix Anal. Appl. 30(4), 2009, for
// L; its adjoint is L(Aᴴ, ·) since exp is a primary matrix function with real Taylor coefficients). The
// reverse rule is also registered split: the forward part keeps the Padé data, the backward part uses it.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Expm(Tensor)"/>: e^A and the Fréchet derivative L(A, dA), from one Padé evaluation.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Expm))]
    public static (Tensor Value, Tensor Tangent) ExpmTangent(Tensor a, Tensor da) => ExpmWithFrechet(a, da);

    /// <summary>Forward mode of <see cref="Expm(ComplexTensor)"/>: e^A and the Fréchet derivative L(A, dA), from one Padé evaluation.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Expm))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpmTangent(ComplexTensor a, ComplexTensor da) => ExpmWithFrechet(a, da);

    /// <summary>Reverse mode of <see cref="Expm(Tensor)"/>: e^A and ā = L(Aᵀ, seed).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Expm))]
    public static (Tensor Value, Tensor a) ExpmAdjoint(Tensor a, Tensor seed)
    {
        var (value, residual) = ExpmAdjointForward(a);
        return (value, ExpmAdjointBackward(residual, seed));
    }

    /// <summary>Reverse mode of <see cref="Expm(ComplexTensor)"/>: e^A and ā = L(Aᴴ, seed).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Expm))]
    public static (ComplexTensor Value, ComplexTensor a) ExpmAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        var (value, residual) = ExpmAdjointForward(a);
        return (value, ExpmAdjointBackward(residual, seed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Expm(Tensor)"/>: e^A and the Padé data the backward part needs.</summary>
    /// <exception cref="System.ArgumentException">As for <see cref="Expm(Tensor)"/>.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <returns>The value of the differentiated method and the residual its backward part needs.</returns>
    [AdjointOf(nameof(Expm), Part = AdjointPart.Forward)]
    public static (Tensor Value, ExpmAdjointResidual<double> Residual) ExpmAdjointForward(Tensor a)
    {
        System.ArgumentNullException.ThrowIfNull(a);
        var (value, residual) = ExpmForward(a);
        return (value, new ExpmAdjointResidual<double>(residual));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Expm(ComplexTensor)"/>: e^A and the Padé data the backward part needs.</summary>
    /// <exception cref="System.ArgumentException">As for <see cref="Expm(ComplexTensor)"/>.</exception>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <returns>The value of the differentiated method and the residual its backward part needs.</returns>
    [AdjointOf(nameof(Expm), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, ExpmAdjointResidual<Complex> Residual) ExpmAdjointForward(ComplexTensor a)
    {
        System.ArgumentNullException.ThrowIfNull(a);
        var (value, residual) = ExpmForward(a);
        return (value, new ExpmAdjointResidual<Complex>(residual));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Expm(Tensor)"/>: ā = L(Aᵀ, seed) from the kept Padé data only.</summary>
    /// <exception cref="System.ArgumentException">The seed is not of the shape of A or not finite.</exception>
    /// <param name="residual">What the forward part returned for this evaluation.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of the differentiable operand.</returns>
    [AdjointOf(nameof(Expm), Part = AdjointPart.Backward)]
    public static Tensor ExpmAdjointBackward(ExpmAdjointResidual<double> residual, Tensor seed)
    {
        System.ArgumentNullException.ThrowIfNull(residual);
        System.ArgumentNullException.ThrowIfNull(seed);
        return ExpmFrechetAdjoint(residual.Kernel, seed);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Expm(ComplexTensor)"/>: ā = L(Aᴴ, seed) from the kept Padé data only.</summary>
    /// <exception cref="System.ArgumentException">The seed is not of the shape of A or not finite.</exception>
    /// <param name="residual">What the forward part returned for this evaluation.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of the differentiable operand.</returns>
    [AdjointOf(nameof(Expm), Part = AdjointPart.Backward)]
    public static ComplexTensor ExpmAdjointBackward(ExpmAdjointResidual<Complex> residual, ComplexTensor seed)
    {
        System.ArgumentNullException.ThrowIfNull(residual);
        System.ArgumentNullException.ThrowIfNull(seed);
        return ExpmFrechetAdjoint(residual.Kernel, seed);
    }
}
