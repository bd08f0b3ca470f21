using System.Numerics;
using Diff;

namespace Diff.Benchmarks;

/// <summary>The quantum-control figure of merit the benchmarks differentiate (samples/QuantumControl, with K = 2 controls).</summary>
public static partial class QuantumFunctions
{
    /// <summary>
    /// F = |tr(V†·U)|² / d² for U = Π_j exp(−i·dt·(H₀ + u[2j]·H₁ + u[2j+1]·H₂)), j = 0 … N − 1 with N = u.Length / 2.
    /// </summary>
    [Differentiable]
    public static double Fidelity(
        double[] u,
        [NoDerivative] ComplexTensor h0,
        [NoDerivative] ComplexTensor h1,
        [NoDerivative] ComplexTensor h2,
        [NoDerivative] ComplexTensor target,
        [NoDerivative] double dt)
    {
        int d = h0.Shape[0];
        int slices = u.Length / 2;
        Complex step = -dt * Complex.ImaginaryOne;
        ComplexTensor propagator = ComplexTensor.FromTensor(Tensor.Identity(d));
        for (int j = 0; j < slices; j++)
            propagator = Ops.MatMul(Ops.Expm(step * (h0 + u[2 * j] * h1 + u[2 * j + 1] * h2)), propagator);
        Complex overlap = Ops.Trace(Ops.MatMul(target.ConjugateTranspose(), propagator));
        return (overlap * Complex.Conjugate(overlap)).Real / (d * d);
    }
}
