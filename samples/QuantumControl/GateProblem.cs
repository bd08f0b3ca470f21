using System.Linq;
using System;
using System.Collections.Generic;
using System.Numerics;
using Diff;

namespace QuantumControl;

/// <summary>
/// One gate-synthesis problem: a drift, control Hamiltonians, a target unitary and a time grid of piecewise-constant
/// slices. Energies are in units of the coupling J (or of the detuning for one qubit) and times in units of 1/J, with ħ = 1.
/// </summary>
public sealed class GateProblem
{
    private readonly ComplexTensor[] _controls;

    /// <summary>Makes a problem; <paramref name="controls"/> are d×d Hermitian matrices named by <paramref name="controlNames"/>.</summary>
    public GateProblem(string name, ComplexTensor drift, IReadOnlyList<ComplexTensor> controls, IReadOnlyList<string> controlNames,
        ComplexTensor target, int slices, double duration)
    {
        if (controls.Count == 0 || controls.Count != controlNames.Count)
            throw new ArgumentException($"{controls.Count} control Hamiltonians with {controlNames.Count} names.");
        if (slices < 1)
            throw new ArgumentException($"slices must be positive, not {slices}.", nameof(slices));
        if (!(duration > 0) || double.IsInfinity(duration))
            throw new ArgumentException($"duration must be positive and finite, not {duration}.", nameof(duration));
        int d = drift.Shape[0];
        Name = name;
        Drift = drift;
        ControlNames = controlNames;
        Target = target;
        Slices = slices;
        Duration = duration;
        foreach (var control in controls)
        {
            if (!control.Shape.SequenceEqual(drift.Shape))
                throw new ArgumentException($"A control Hamiltonian of shape ({string.Join(", ", control.Shape)}) does not match the drift's ({string.Join(", ", drift.Shape)}).", nameof(controls));
        }

        _controls = [.. controls];
    }

    /// <summary>The gates <see cref="Create"/> knows.</summary>
    public static IReadOnlyList<string> Gates { get; } = ["cnot", "hadamard", "iswap"];

    /// <summary>The gate's name.</summary>
    public string Name { get; }

    /// <summary>The drift Hamiltonian H₀.</summary>
    public ComplexTensor Drift { get; }

    /// <summary>The control Hamiltonians H₁ … H_K.</summary>
    public IReadOnlyList<ComplexTensor> Controls => _controls;

    /// <summary>What each control is (for labels).</summary>
    public IReadOnlyList<string> ControlNames { get; }

    /// <summary>The target unitary V.</summary>
    public ComplexTensor Target { get; }

    /// <summary>The Hilbert-space dimension d.</summary>
    public int Dimension => Drift.Shape[0];

    /// <summary>K, the number of control Hamiltonians.</summary>
    public int ControlCount => ControlNames.Count;

    /// <summary>N, the number of time slices.</summary>
    public int Slices { get; }

    /// <summary>T, the gate time.</summary>
    public double Duration { get; }

    /// <summary>dt = T / N.</summary>
    public double SliceLength => Duration / Slices;

    /// <summary>N·K, the length of the amplitude vector.</summary>
    public int ParameterCount => Slices * ControlCount;

    /// <summary>F(u) = |tr(V†U)|²/d².</summary>
    public double Fidelity(double[] amplitudes)
    {
        CheckLength(amplitudes);
        return GateFidelity.Fidelity(amplitudes, Drift, _controls, Target, SliceLength);
    }

    /// <summary>F(u) and ∂F/∂u from the generated reverse mode (one forward and one reverse sweep).</summary>
    public (double Fidelity, double[] Gradient) FidelityGradient(double[] amplitudes)
    {
        CheckLength(amplitudes);
        (double value, double[] gradient) = GateFidelity.FidelityGradient(amplitudes, Drift, _controls, Target, SliceLength);
        return (value, gradient);
    }

    /// <summary>A seeded random start: amplitudes uniform in [−scale, scale].</summary>
    public double[] RandomAmplitudes(int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        var amplitudes = new double[ParameterCount];
        for (int i = 0; i < amplitudes.Length; i++)
            amplitudes[i] = scale * (2 * random.NextDouble() - 1);
        return amplitudes;
    }

    /// <summary>
    /// A problem by gate name (<see cref="Gates"/>); slices and duration default to values for which the gate is
    /// reachable with room to spare.
    /// </summary>
    public static GateProblem Create(string gate, int? slices = null, double? duration = null) => gate.ToLowerInvariant() switch
    {
        "cnot" => TwoQubit("cnot", Cnot, slices ?? 40, duration ?? 2 * Math.PI),
        "iswap" => TwoQubit("iswap", ISwap, slices ?? 50, duration ?? 3 * Math.PI),
        "hadamard" => Hadamard(slices ?? 20, duration ?? Math.PI),
        _ => throw new ArgumentException($"Unknown gate '{gate}'; known: {string.Join(", ", Gates)}.", nameof(gate)),
    };

    /// <summary>
    /// One qubit with detuning Δ = 1: H₀ = (Δ/2)·σz, controls σx/2 and σy/2 (the two quadratures of a resonant drive
    /// in the rotating frame); target the Hadamard gate (σx + σz)/√2.
    /// </summary>
    public static GateProblem Hadamard(int slices, double duration)
    {
        ComplexTensor drift = 0.5 * Pauli.Z;
        ComplexTensor target = (Pauli.X + Pauli.Z) / Math.Sqrt(2);
        return new GateProblem("hadamard", drift, [0.5 * Pauli.X, 0.5 * Pauli.Y], ["X/2", "Y/2"], target, slices, duration);
    }

    /// <summary>
    /// Two qubits with an always-on Ising coupling and detunings: H₀ = (J/4)·σz⊗σz + (Δ₁/2)·σz⊗1 + (Δ₂/2)·1⊗σz with
    /// J = 1, Δ₁ = 0.3, Δ₂ = −0.2; controls X and Y drives on each qubit (σx⊗1/2, σy⊗1/2, 1⊗σx/2, 1⊗σy/2).
    /// The local drives with the ZZ coupling make the system fully controllable; the entangling part of CNOT needs
    /// T ≥ π/J and that of iSWAP T ≥ 2π/J, hence the default durations 2π and 3π.
    /// </summary>
    public static GateProblem TwoQubit(string name, ComplexTensor target, int slices, double duration)
    {
        ComplexTensor drift = 0.25 * Pauli.Kron(Pauli.Z, Pauli.Z) + 0.15 * Pauli.Kron(Pauli.Z, Pauli.I) - 0.1 * Pauli.Kron(Pauli.I, Pauli.Z);
        ComplexTensor[] controls =
        [
            0.5 * Pauli.Kron(Pauli.X, Pauli.I),
            0.5 * Pauli.Kron(Pauli.Y, Pauli.I),
            0.5 * Pauli.Kron(Pauli.I, Pauli.X),
            0.5 * Pauli.Kron(Pauli.I, Pauli.Y),
        ];
        return new GateProblem(name, drift, controls, ["X₁/2", "Y₁/2", "X₂/2", "Y₂/2"], target, slices, duration);
    }

    /// <summary>CNOT with the first qubit as control: |10⟩ ↔ |11⟩.</summary>
    public static ComplexTensor Cnot { get; } = ComplexTensor.FromArray(new Complex[,]
    {
        { 1, 0, 0, 0 },
        { 0, 1, 0, 0 },
        { 0, 0, 0, 1 },
        { 0, 0, 1, 0 },
    });

    /// <summary>iSWAP: |01⟩ → i|10⟩, |10⟩ → i|01⟩.</summary>
    public static ComplexTensor ISwap { get; } = ComplexTensor.FromArray(new Complex[,]
    {
        { 1, 0, 0, 0 },
        { 0, 0, Complex.ImaginaryOne, 0 },
        { 0, Complex.ImaginaryOne, 0, 0 },
        { 0, 0, 0, 1 },
    });

    private void CheckLength(double[] amplitudes)
    {
        if (amplitudes.Length != ParameterCount)
            throw new ArgumentException($"{amplitudes.Length} amplitudes for {Slices} slices × {ControlCount} controls = {ParameterCount}.", nameof(amplitudes));
    }
}
