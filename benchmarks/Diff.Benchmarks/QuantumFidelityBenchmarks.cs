using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// The gradient of a GRAPE gate fidelity (<see cref="QuantumFunctions.Fidelity"/>: N = 20 slices, K = 2 controls, so
/// 40 parameters) for random Hermitian H₀, H₁, H₂ of order d and a random unitary target: the primal, the generated
/// Gradient (one forward and one reverse sweep), and central finite differences (2·N·K = 80 primal calls).
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*QuantumFidelity*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class QuantumFidelityBenchmarks
{
    private const int Slices = 20;
    private const double Duration = 2.0;
    private ComplexTensor _h0 = null!, _h1 = null!, _h2 = null!, _target = null!;
    private double[] _u = null!;

    /// <summary>The Hilbert-space dimension.</summary>
    [Params(2, 4, 8, 16, 64)]
    public int D { get; set; }

    /// <summary>Makes the Hamiltonians, the target and the amplitudes from fixed seeds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _h0 = RandomHermitian(D, 1);
        _h1 = RandomHermitian(D, 2);
        _h2 = RandomHermitian(D, 3);
        _target = Ops.Expm(-Complex.ImaginaryOne * RandomHermitian(D, 4));
        var random = new Random(5);
        _u = new double[2 * Slices];
        for (int i = 0; i < _u.Length; i++)
            _u[i] = 2 * random.NextDouble() - 1;
    }

    /// <summary>F alone.</summary>
    [Benchmark(Baseline = true)]
    public double Primal() => QuantumFunctions.Fidelity(_u, _h0, _h1, _h2, _target, Duration / Slices);

    /// <summary>F and ∂F/∂u from the generated reverse mode.</summary>
    [Benchmark]
    public double Gradient()
    {
        (double value, double[] gradient) = QuantumFunctions.FidelityGradient(_u, _h0, _h1, _h2, _target, Duration / Slices);
        return value + gradient[0];
    }

    /// <summary>∂F/∂u by central differences, step 1e-6: 2·N·K primal calls.</summary>
    [Benchmark]
    public double FiniteDifferences()
    {
        const double h = 1e-6;
        double[] point = (double[])_u.Clone();
        double sum = 0;
        for (int i = 0; i < point.Length; i++)
        {
            double saved = point[i];
            point[i] = saved + h;
            double plus = QuantumFunctions.Fidelity(point, _h0, _h1, _h2, _target, Duration / Slices);
            point[i] = saved - h;
            double minus = QuantumFunctions.Fidelity(point, _h0, _h1, _h2, _target, Duration / Slices);
            point[i] = saved;
            sum += (plus - minus) / (2 * h);
        }
        return sum;
    }

    // A Hermitian matrix (G + G†)/2 with G complex Gaussian of entry variance 1/d, so ‖H‖ is of order 1 at every d.
    private static ComplexTensor RandomHermitian(int n, int seed)
    {
        var random = new Random(seed);
        var data = new Complex[n * n];
        for (int i = 0; i < data.Length; i++)
            data[i] = new Complex(Gaussian(random), Gaussian(random)) / Math.Sqrt(2 * n);
        var g = ComplexTensor.FromArray(data, n, n);
        return 0.5 * (g + g.ConjugateTranspose());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
