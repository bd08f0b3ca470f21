using System;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// The N-dimensional Rosenbrock function over a <c>double[]</c> of N = 10,000: primal against its generated Gradient.
/// Goals: Gradient time ≤ 3 × primal time, nothing allocated beyond the returned gradient array (80 kB).
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*Rosenbrock*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class RosenbrockBenchmarks
{
    private double[] x = [];

    /// <summary>The dimension.</summary>
    [Params(10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        x = new double[N];
        for (int i = 0; i < N; i++)
            x[i] = random.NextDouble() * 2 - 1;
    }

    [Benchmark(Baseline = true, Description = "Rosenbrock: primal")]
    public double Primal() => TensorFunctions.Rosenbrock(x);

    [Benchmark(Description = "Rosenbrock: Gradient")]
    public double Gradient() => TensorFunctions.RosenbrockGradient(x).x[0];

    /// <summary>
    /// The gradient as one would write it by hand (one pass, closed-form partials): what the generated one is
    /// measured against.
    /// </summary>
    [Benchmark(Description = "Rosenbrock: hand-written gradient")]
    public double HandWritten()
    {
        var g = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double xi = x[i];
            double a = x[i + 1] - xi * xi;
            double b = 1 - xi;
            sum += 100 * a * a + b * b;
            g[i] += -400 * a * xi - 2 * b;
            g[i + 1] += 200 * a;
        }

        return sum + g[0];
    }
}

/// <summary>
/// The seed notebook's d/dx expm(i·x·H) for a 3×3 H at x = 2 through the generated Tangent. Goal: ≤ 5 µs
/// (PyTorch forward AD: 256 µs). Run with <c>--filter '*EvolutionTangent*'</c>.
/// </summary>
[MemoryDiagnoser]
public class EvolutionTangentBenchmarks
{
    private readonly Tensor h = Tensor.FromArray(new double[,] { { 0.2808, 0.322, 0.3632 }, { 0.4044, 0.4456, 0.4868 }, { 0.528, 0.5692, 0.6104 } });

    [Benchmark(Baseline = true, Description = "expm(i·x·H): primal")]
    public ComplexTensor Primal() => TensorFunctions.Evolution(2.0, h);

    [Benchmark(Description = "expm(i·x·H): Tangent")]
    public ComplexTensor Tangent() => TensorFunctions.EvolutionTangent(2.0, h, 1.0).Tangent;
}

/// <summary>
/// F(c) = |tr(Vᴴ·Π_j expm(−i·0.1·(H₀ + c₂ⱼH₁ + c₂ⱼ₊₁H₂)))|²/n² over 20 slices: primal against its generated Gradient.
/// Goal: Gradient time ≤ 3 × primal time (PyTorch: 3.5 and 3.2, at 5.0 ms for n = 4).
/// Run with <c>--filter '*FidelityGradient*'</c>.
/// </summary>
[MemoryDiagnoser]
public class FidelityGradientBenchmarks
{
    private double[] c = [];
    private ComplexTensor h0 = null!, h1 = null!, h2 = null!, v = null!;

    /// <summary>The matrix size.</summary>
    [Params(4, 16)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        h0 = TensorFunctions.RandomHermitian(N, random);
        h1 = TensorFunctions.RandomHermitian(N, random);
        h2 = TensorFunctions.RandomHermitian(N, random);
        v = Ops.Expm(new System.Numerics.Complex(0, -1) * TensorFunctions.RandomHermitian(N, random));
        c = new double[40];
        for (int i = 0; i < c.Length; i++)
            c[i] = random.NextDouble() - 0.5;
    }

    [Benchmark(Baseline = true, Description = "F(c): primal")]
    public double Primal() => TensorFunctions.Fidelity(c, h0, h1, h2, v);

    [Benchmark(Description = "F(c): Gradient")]
    public double Gradient() => TensorFunctions.FidelityGradient(c, h0, h1, h2, v).c[0];
}

/// <summary>
/// The Jacobian of expm(tensordot(x, rm, 1)) for k = 8 coefficients and 16×16 matrices: eight forward sweeps through
/// one matrix exponential, which share its Padé data from the second sweep on, against eight independent
/// value-and-Fréchet evaluations (what the sweeps would cost without sharing). Run with <c>--filter '*ExpmJacobian*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ExpmJacobianBenchmarks
{
    private Tensor x = null!, rm = null!, a = null!;
    private Tensor[] directions = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        const int k = 8, n = 16;
        var values = new double[k * n * n];
        for (int i = 0; i < values.Length; i++)
            values[i] = (random.NextDouble() - 0.5) * 0.3;
        rm = Tensor.FromArray(values, k, n, n);
        var coefficients = new double[k];
        for (int i = 0; i < k; i++)
            coefficients[i] = random.NextDouble();
        x = Tensor.FromArray(coefficients);
        a = Ops.TensorDot(x, rm, 1);
        directions = new Tensor[k];
        for (int i = 0; i < k; i++)
        {
            var unit = new double[k];
            unit[i] = 1;
            directions[i] = Ops.TensorDot(Tensor.FromArray(unit), rm, 1);
        }
    }

    [Benchmark(Baseline = true, Description = "8 independent ExpmWithFrechet")]
    public double Independent()
    {
        double s = 0;
        foreach (var e in directions)
            s += Ops.ExpmWithFrechet(a, e).Derivative[0, 0];
        return s;
    }

    [Benchmark(Description = "Jacobian (8 forward sweeps, shared Padé data)")]
    public Tensor Jacobian() => TensorFunctions.ExpmOfCombinationJacobian(x, rm).x;
}
