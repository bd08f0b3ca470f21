using System;
using System.Numerics;

namespace Diff;

// StopGradient: the identity on values, with a zero derivative, for every differentiable value type of the runtime.
public static partial class Ops
{
    /// <summary>
    /// <paramref name="x"/> itself, with a zero derivative (JAX's <c>stop_gradient</c>, PyTorch's <c>detach</c>): inside
    /// a <c>[Differentiable]</c> method what is computed from it does not depend on the inputs for the derivative.
    /// </summary>
    /// <param name="x">The value.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static double StopGradient(double x) => x;

    /// <inheritdoc cref="StopGradient(double)"/>
    public static Complex StopGradient(Complex x) => x;

    /// <summary>
    /// <paramref name="x"/> itself (tensors are immutable, so it is not copied), with a zero derivative (JAX's
    /// <c>stop_gradient</c>, PyTorch's <c>detach</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <param name="x">The value.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static Tensor StopGradient(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x;
    }

    /// <inheritdoc cref="StopGradient(Tensor)"/>
    public static ComplexTensor StopGradient(ComplexTensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x;
    }

    /// <summary>Forward mode of <see cref="StopGradient(double)"/>: x and a zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="dx">The tangent of <paramref name="x"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(StopGradient))]
    public static (double Value, double Tangent) StopGradientTangent(double x, double dx) => (x, 0);

    /// <summary>Forward mode of <see cref="StopGradient(Complex)"/>: x and a zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="dx">The tangent of <paramref name="x"/>, ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(StopGradient))]
    public static (Complex Value, Complex Tangent) StopGradientTangent(Complex x, Complex dx) => (x, Complex.Zero);

    /// <summary>Forward mode of <see cref="StopGradient(Tensor)"/>: x and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="dx"/> does not have the shape of <paramref name="x"/>.</exception>
    /// <param name="x">The operand.</param>
    /// <param name="dx">The tangent of <paramref name="x"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(StopGradient))]
    public static (Tensor Value, Tensor Tangent) StopGradientTangent(Tensor x, Tensor dx) => (StopGradient(x), Tensor.Like(Tensor.SeedOf(x, dx)));

    /// <summary>Forward mode of <see cref="StopGradient(ComplexTensor)"/>: x and a zero tangent of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="dx"/> does not have the shape of <paramref name="x"/>.</exception>
    /// <param name="x">The operand.</param>
    /// <param name="dx">The tangent of <paramref name="x"/>, of its shape; its values are ignored.</param>
    /// <returns>The value and its (zero) derivative.</returns>
    [TangentOf(nameof(StopGradient))]
    public static (ComplexTensor Value, ComplexTensor Tangent) StopGradientTangent(ComplexTensor x, ComplexTensor dx) =>
        (StopGradient(x), ComplexTensor.Like(Tensor.SeedOf(x, dx)));

    /// <summary>Reverse mode of <see cref="StopGradient(double)"/>: x and a zero adjoint.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="seed">The cotangent of the result, ignored.</param>
    /// <returns>The value and the (zero) adjoint of the operand.</returns>
    [AdjointOf(nameof(StopGradient))]
    public static (double Value, double x) StopGradientAdjoint(double x, double seed) => (x, 0);

    /// <summary>Reverse mode of <see cref="StopGradient(Complex)"/>: x and a zero adjoint.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="seed">The cotangent of the result, ignored.</param>
    /// <returns>The value and the (zero) adjoint of the operand.</returns>
    [AdjointOf(nameof(StopGradient))]
    public static (Complex Value, Complex x) StopGradientAdjoint(Complex x, Complex seed) => (x, Complex.Zero);

    /// <summary>Reverse mode of <see cref="StopGradient(Tensor)"/>: x and a zero adjoint of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the shape of <paramref name="x"/>.</exception>
    /// <param name="x">The operand.</param>
    /// <param name="seed">The cotangent of the result, of its shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of the operand.</returns>
    [AdjointOf(nameof(StopGradient))]
    public static (Tensor Value, Tensor x) StopGradientAdjoint(Tensor x, Tensor seed) => (StopGradient(x), Tensor.Like(Tensor.SeedOf(x, seed)));

    /// <summary>Reverse mode of <see cref="StopGradient(ComplexTensor)"/>: x and a zero adjoint of its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have the shape of <paramref name="x"/>.</exception>
    /// <param name="x">The operand.</param>
    /// <param name="seed">The cotangent of the result, of its shape; its values are ignored.</param>
    /// <returns>The value and the (zero) adjoint of the operand.</returns>
    [AdjointOf(nameof(StopGradient))]
    public static (ComplexTensor Value, ComplexTensor x) StopGradientAdjoint(ComplexTensor x, ComplexTensor seed) =>
        (StopGradient(x), ComplexTensor.Like(Tensor.SeedOf(x, seed)));
}
