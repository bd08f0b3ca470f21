using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// Complex <see cref="Ops.Expm(ComplexTensor)"/> and <see cref="Ops.ExpmFrechet(ComplexTensor, ComplexTensor)"/>
/// on random matrices with entries of modulus about 1/√n (‖A‖₁ of a few units, so the degree 13 branch with a
/// few squarings for the larger sizes). Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*Expm*' --job short</c>.
/// The median and the fastest iteration are shown beside the mean: on a shared host a few slow iterations move the
/// mean of a microsecond call by tens of percent.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ExpmBenchmarks
{
    private ComplexTensor _a = null!;
    private ComplexTensor _e = null!;

    /// <summary>The order of the matrices.</summary>
    [Params(4, 16, 64, 256)]
    public int N { get; set; }

    /// <summary>Makes A and E from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _a = Random(N, 1);
        _e = Random(N, 2);
    }

    /// <summary>e^A.</summary>
    [Benchmark(Baseline = true)]
    public ComplexTensor Expm() => Ops.Expm(_a);

    /// <summary>L(A, E) (with e^A computed along).</summary>
    [Benchmark]
    public ComplexTensor ExpmFrechet() => Ops.ExpmFrechet(_a, _e);

    private static ComplexTensor Random(int n, int seed)
    {
        var random = new Random(seed);
        var data = new Complex[n * n];
        for (int i = 0; i < data.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble(), u3 = 1.0 - random.NextDouble(), u4 = random.NextDouble();
            double re = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            double im = Math.Sqrt(-2 * Math.Log(u3)) * Math.Cos(2 * Math.PI * u4);
            data[i] = new Complex(re, im) / Math.Sqrt(2 * n);
        }
        return new ComplexTensor(data, [n, n]);
    }
}
