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
    /// <param name="controls">The control Hamiltonians H₁ … H_K, each d×d Hermitian.</param>
    /// <param name="target">The target unitary V, d×d.</param>
    /// <param name="dt">The length of one slice.</param>
    [Differentiable]
    public static double Fidelity(
        double[] amplitudes,
        [NoDerivative] ComplexTensor drift,
        [NoDerivative] ComplexTensor[] controls,
        [NoDerivative] ComplexTensor target,
        [NoDerivative] double dt)
    {
        int d = drift.Shape[0];
        int controlCount = controls.Length;
        int slices = amplitudes.Length / controlCount;
        Complex step = -dt * Complex.ImaginaryOne;
        ComplexTensor propagator = ComplexTensor.FromTensor(Tensor.Identity(d));
        for (int j = 0; j < slices; j++)
        {
            ComplexTensor hamiltonian = drift;
            for (int k = 0; k < controlCount; k++)
                hamiltonian = hamiltonian + amplitudes[j * controlCount + k] * controls[k];
            propagator = Ops.MatMul(Ops.Expm(step * hamiltonian), propagator);
        }
        Complex overlap = Ops.Trace(Ops.MatMul(target.ConjugateTranspose(), propagator));
        return (overlap * Complex.Conjugate(overlap)).Real / (d * d);
    }
}
