using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// A loop-free function of twenty operations and a loop of 1,000 iterations: the primal against its generated
/// Gradient. Goals: Gradient time ≤ 3 × primal time; no allocation for loop-free code.
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*Scalar*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ScalarBenchmarks
{
    private double x = 0.7, y = 1.3, z = 2.1, k = 0.9;

    /// <summary>The number of iterations of the loop.</summary>
    [Params(1000)]
    public int Steps { get; set; }

    [Benchmark(Description = "Twenty ops: primal")]
    [BenchmarkCategory("Twenty")]
    public double TwentyPrimal() => ScalarFunctions.Twenty(x, y, z);

    [Benchmark(Description = "Twenty ops: Gradient")]
    [BenchmarkCategory("Twenty")]
    public double TwentyGradient()
    {
        var (value, dx, dy, dz) = ScalarFunctions.TwentyGradient(x, y, z);
        return value + dx + dy + dz;
    }

    [Benchmark(Description = "Damped loop: primal")]
    [BenchmarkCategory("Damped")]
    public double DampedPrimal() => ScalarFunctions.Damped(x, k, Steps);

    [Benchmark(Description = "Damped loop: Gradient")]
    [BenchmarkCategory("Damped")]
    public double DampedGradient()
    {
        var (value, dx, dk) = ScalarFunctions.DampedGradient(x, k, Steps);
        return value + dx + dk;
    }
}
