using System;
using System.Numerics;
using Diff;
using QuantumControl;
using Xunit;

namespace Diff.Samples.Tests.QuantumControl;

/// <summary>The sample's generated fidelity gradient against central finite differences, and its physics.</summary>
public class FidelityGradientTests
{
    [Theory]
    [InlineData("hadamard", 3)]
    [InlineData("cnot", 5)]
    [InlineData("iswap", 11)]
    public void GeneratedGradientMatchesCentralDifferences(string gate, int seed)
    {
        GateProblem problem = GateProblem.Create(gate, slices: 12);
        double[] u = problem.RandomAmplitudes(seed);

        (double fidelity, double[] gradient) = problem.FidelityGradient(u);

        Assert.Equal(problem.Fidelity(u), fidelity, 14);
        // Central differences: truncation error ~h²·F‴/6 ≈ 1e-11 and rounding ~1e-16/h ≈ 1e-11 at h = 1e-5, so a
        // relative 1e-8 leaves room (the errors seen are below 1e-9).
        const double h = 1e-5;
        double scale = gradient.Max(Math.Abs);
        Assert.True(scale > 1e-3, $"gradient too small to be a test: {scale}");
        for (int i = 0; i < u.Length; i++)
        {
            double[] plus = (double[])u.Clone(), minus = (double[])u.Clone();
            plus[i] += h;
            minus[i] -= h;
            double difference = (problem.Fidelity(plus) - problem.Fidelity(minus)) / (2 * h);
            double error = Math.Abs(difference - gradient[i]) / scale;
            Assert.True(error < 1e-8, $"∂F/∂u[{i}]: generated {gradient[i]:R}, central difference {difference:R}, relative error {error:0.0e0}");
        }
    }

    [Fact]
    public void FidelityIsOneForTheTargetItselfAndPhaseBlind()
    {
        // With no drift and one control σx/2 on for time π, U = exp(−i·π·σx/2) = −i·σx: X up to a global phase.
        ComplexTensor drift = ComplexTensor.Zeros(2, 2);
        ComplexTensor[] controls = [0.5 * Pauli.X];
        double f = GateFidelity.Fidelity([1.0, 1.0], drift, controls, Pauli.X, Math.PI / 2);
        Assert.Equal(1.0, f, 12);
        Assert.Equal(0.0, GateFidelity.Fidelity([1.0, 1.0], drift, controls, Pauli.I, Math.PI / 2), 12);
    }

    [Fact]
    public void PauliAlgebra()
    {
        AssertClose(Complex.ImaginaryOne * Pauli.Z, Ops.MatMul(Pauli.X, Pauli.Y));
        AssertClose(Pauli.I, Ops.MatMul(Pauli.Y, Pauli.Y));
        ComplexTensor zz = Pauli.Kron(Pauli.Z, Pauli.Z);
        Assert.Equal(new[] { 4, 4 }, zz.Shape);
        Assert.Equal(new Complex[] { 1, -1, -1, 1 }, Enumerable.Range(0, 4).Select(i => zz[i, i]));
        // CNOT is Hermitian and unitary.
        AssertClose(Pauli.Kron(Pauli.I, Pauli.I), Ops.MatMul(GateProblem.Cnot, GateProblem.Cnot.ConjugateTranspose()));
    }

    private static void AssertClose(ComplexTensor expected, ComplexTensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Complex[] e = expected.ToArray(), a = actual.ToArray();
        for (int i = 0; i < e.Length; i++)
            Assert.True(Complex.Abs(e[i] - a[i]) < 1e-14, $"element {i}: expected {e[i]}, got {a[i]}");
    }
}
