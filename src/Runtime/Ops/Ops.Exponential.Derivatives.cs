using System.Numerics;

namespace Diff;

// Registered derivatives of the matrix exponential. The tangent is the Fréchet derivative L(A, dA); the
// adjoint of A for the seed G is L(Aᴴ, G) (Al-Mohy & Higham, SIAM J. Matrix Anal. Appl. 30(4), 2009, for
// L; its adjoint is L(Aᴴ, ·) since exp is a primary matrix function with real Taylor coefficients). The
// reverse rule is also registered split: the forward part keeps the Padé data, the backward part uses it.
// Forward mode shares work across directions: a Jacobian's forward sweeps take the tangent of the same A once per
// input element, so from the second call with an equal A on (compared exactly, element by element) the Padé data
// of A are kept (ExpmDirections) and each further direction costs only the Fréchet part — the multi-direction
// sharing of Al-Mohy & Higham's Algorithm 6.4 (powers, LU factors and squarings computed once), across calls.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Expm(Tensor)"/>: e^A and the Fréchet derivative L(A, dA), from one Padé evaluation.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Expm))]
    public static (Tensor Value, Tensor Tangent) ExpmTangent(Tensor a, Tensor da)
    {
        if (ExpmDirections<double>.Repeat(a.Data, () => ExpmForward(a)) is { } kept)
        {
            return ((Tensor)kept.Value, ExpmFrechetForward(kept.Residual, da));
        }

        return ExpmWithFrechet(a, da);
    }

    /// <summary>Forward mode of <see cref="Expm(ComplexTensor)"/>: e^A and the Fréchet derivative L(A, dA), from one Padé evaluation.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Expm))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpmTangent(ComplexTensor a, ComplexTensor da)
    {
        if (ExpmDirections<Complex>.Repeat(a.Data, () => ExpmForward(a)) is { } kept)
        {
            return ((ComplexTensor)kept.Value, ExpmFrechetForward(kept.Residual, da));
        }

        return ExpmWithFrechet(a, da);
    }

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
        var (value, residual) = ExpmForward(a, pooled: true);
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
        var (value, residual) = ExpmForward(a, pooled: true);
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

    /// <summary>L(A, E) from the kept Padé data of A.</summary>
    private static Tensor ExpmFrechetForward(Diff.Kernels.ExpmResidual<double> residual, Tensor e)
    {
        int n = residual.Order;
        ExpmCheckDirection(nameof(ExpmTangent), [n, n], e.ShapeRef, e.Span, 0);
        var result = new double[n * n];
        residual.Frechet(e.Span, result);
        return new Tensor(result, [n, n]);
    }

    /// <inheritdoc cref="ExpmFrechetForward(Diff.Kernels.ExpmResidual{double}, Tensor)"/>
    private static ComplexTensor ExpmFrechetForward(Diff.Kernels.ExpmResidual<Complex> residual, ComplexTensor e)
    {
        int n = residual.Order;
        ExpmCheckDirection(nameof(ExpmTangent), [n, n], e.ShapeRef, e.Span, 0);
        var result = new Complex[n * n];
        residual.Frechet(e.Span, result);
        return new ComplexTensor(result, [n, n]);
    }
}

/// <summary>
/// The last matrix whose exponential's tangent was asked for on this thread, and, once it is asked again, its
/// value and Padé data: consecutive tangents at an equal A (a Jacobian's forward sweeps) then share them.
/// </summary>
internal static class ExpmDirections<T> where T : unmanaged, INumberBase<T>
{
    [System.ThreadStatic]
    private static T[]? _last;

    [System.ThreadStatic]
    private static (object Value, Diff.Kernels.ExpmResidual<T> Residual)? _kept;

    /// <summary>
    /// The kept value and residual when <paramref name="a"/> equals the previous call's matrix (computing them with
    /// <paramref name="forward"/> the first time it repeats); null for a new matrix, which is remembered.
    /// </summary>
    public static (object Value, Diff.Kernels.ExpmResidual<T> Residual)? Repeat<TValue>(T[] a, System.Func<(TValue Value, Diff.Kernels.ExpmResidual<T> Residual)> forward)
        where TValue : class
    {
        if (_last is not null && (ReferenceEquals(_last, a) || System.MemoryExtensions.SequenceEqual<T>(_last, a)))
        {
            if (_kept is null)
            {
                var (value, residual) = forward();
                _kept = (value, residual);
            }

            return _kept;
        }

        // Tensors are immutable, so keeping the array keeps the matrix.
        _last = a;
        _kept = null;
        return null;
    }
}
