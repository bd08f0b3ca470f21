using System.Numerics;
using Diff;

namespace QuantumControl;

/// <summary>
/// The GRAPE figure of merit, differentiated by Diff: the gate fidelity of piecewise-constant controls.
/// </summary>
public static partial class GateFidelity
{
    /// <summary>
    /// F = |tr(V†·U)|² / d² for U = Π_j exp(−i·dt·(H₀ + Σ_k u[j·K + k]·H_k)), the product taken with the first
    /// slice rightmost (applied first). F is 1 exactly when U equals the target V up to a global phase.
    /// </summary>
    /// <param name="amplitudes">The controls, slice by slice: u[j·K + k] is the amplitude of H_k in slice j; length N·K.</param>
    /// <param name="drift">The drift Hamiltonian H₀, d×d Hermitian.</param>
    /// <param name="controls">The control Hamiltonians stacked as a K×d×d tensor.</param>
    /// <param name="target">The target unitary V, d×d.</param>
    /// <param name="dt">The length of one slice.</param>
    [Differentiable]
    public static double Fidelity(
        double[] amplitudes,
        [NoDerivative] ComplexTensor drift,
        [NoDerivative] ComplexTensor controls,
        [NoDerivative] ComplexTensor target,
        [NoDerivative] double dt)
    {
        int d = drift.Shape[0];
        int controlCount = controls.Shape[0];
        int slices = amplitudes.Length / controlCount;
        Complex step = -dt * Complex.ImaginaryOne;
        ComplexTensor propagator = ComplexTensor.FromTensor(Tensor.Identity(d));
        for (int j = 0; j < slices; j++)
        {
            ComplexTensor hamiltonian = drift;
            for (int k = 0; k < controlCount; k++)
                hamiltonian = hamiltonian + amplitudes[j * controlCount + k] * Control(controls, k);
            propagator = Ops.MatMul(Ops.Expm(step * hamiltonian), propagator);
        }
        Complex overlap = Ops.Trace(Ops.MatMul(target.ConjugateTranspose(), propagator));
        return (overlap * Complex.Conjugate(overlap)).Real / (d * d);
    }

    /// <summary>The k-th d×d matrix of a K×d×d stack.</summary>
    /// <remarks>
    /// A [Differentiable] method may not index an array of tensors (DIFF0006), so the control Hamiltonians travel as
    /// one stacked tensor and this selection states its own derivatives below.
    /// </remarks>
    public static ComplexTensor Control(ComplexTensor stack, int k)
    {
        int[] shape = stack.Shape;
        int d = shape[1];
        var slice = new Complex[d * d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
                slice[r * d + c] = stack[k, r, c];
        return ComplexTensor.FromArray(slice, d, d);
    }

    /// <summary>Forward mode of <see cref="Control"/>: the same slice of the tangent.</summary>
    [TangentOf(nameof(Control))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ControlTangent(ComplexTensor stack, int k, ComplexTensor dstack) =>
        (Control(stack, k), Control(dstack, k));

    /// <summary>Reverse mode of <see cref="Control"/>: the seed placed in slice k of a zero stack.</summary>
    [AdjointOf(nameof(Control))]
    public static (ComplexTensor Value, ComplexTensor stack) ControlAdjoint(ComplexTensor stack, int k, ComplexTensor seed)
    {
        int[] shape = stack.Shape;
        int d = shape[1];
        var adjoint = new Complex[shape[0] * d * d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
                adjoint[(k * d + r) * d + c] = seed[r, c];
        return (Control(stack, k), ComplexTensor.FromArray(adjoint, shape));
    }
}
