using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// <see cref="Ops.Logm(ComplexTensor)"/> and <see cref="Ops.LogmFrechet(ComplexTensor, ComplexTensor)"/>
/// on seeded random complex matrices A = I + 0.5·G/√n (G complex Gaussian) and directions E = G′:
/// <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*Logm*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LogmBenchmarks
{
    private ComplexTensor _a = null!;
    private ComplexTensor _e = null!;
    private Tensor _real = null!;

    /// <summary>The matrix dimension.</summary>
    [Params(4, 16, 64)]
    public int N { get; set; }

    /// <summary>Makes A and E for <see cref="N"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2012);
        var a = new Complex[N * N];
        var e = new Complex[N * N];
        double scale = 0.5 / Math.Sqrt(N);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = scale * new Complex(Normal(random), Normal(random));
            e[i] = new Complex(Normal(random), Normal(random));
        }
        for (int i = 0; i < N; i++)
            a[i * N + i] += 1;
        _a = new ComplexTensor(a, [N, N]);
        _e = new ComplexTensor(e, [N, N]);
        var real = new double[N * N];
        for (int i = 0; i < real.Length; i++)
            real[i] = a[i].Real;
        _real = new Tensor(real, [N, N]);
    }

    /// <summary>The principal logarithm.</summary>
    [Benchmark]
    public ComplexTensor Logm() => Ops.Logm(_a);

    /// <summary>The principal logarithm of a real matrix (real part of A), through the real Schur form.</summary>
    [Benchmark]
    public ComplexTensor LogmReal() => Ops.Logm(_real);

    /// <summary>The Fréchet derivative alone (the logarithm's Schur form and square roots included).</summary>
    [Benchmark]
    public ComplexTensor LogmFrechet() => Ops.LogmFrechet(_a, _e);

    /// <summary>The logarithm and its Fréchet derivative in one pass.</summary>
    [Benchmark]
    public (ComplexTensor, ComplexTensor) LogmWithFrechet() => Ops.LogmWithFrechet(_a, _e);

    private static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
