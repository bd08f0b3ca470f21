using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// Reductions of a 1,000×1,000 tensor against TensorPrimitives.Sum over the same million doubles (the baseline).
/// Goal: each reduction within 1.5× of the baseline; the result is the only allocation (8 kB for 1,000 results).
/// LogSumExp and Softmax take one exponential per element; TensorPrimitives.Exp over the same data is their reference.
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*Reduction*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    private Tensor x = Tensor.Zeros(0);
    private double[] raw = [];
    private double[] scratch = [];

    /// <summary>Rows and columns.</summary>
    [Params(1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        raw = new double[N * N];
        for (int i = 0; i < raw.Length; i++)
            raw[i] = random.NextDouble() * 4 - 2;
        x = Tensor.FromArray(raw, N, N);
        scratch = new double[N * N];
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Sum (all)")]
    public double Baseline() => TensorPrimitives.Sum(raw);

    [Benchmark(Description = "Sum(x) (all)")]
    public double SumAll() => Ops.Sum(x);

    [Benchmark(Description = "Sum(x, 0) (columns)")]
    public Tensor SumColumns() => Ops.Sum(x, 0);

    [Benchmark(Description = "Sum(x, 1) (rows)")]
    public Tensor SumRows() => Ops.Sum(x, 1);

    [Benchmark(Description = "Mean(x, -1)")]
    public Tensor MeanRows() => Ops.Mean(x, -1);

    [Benchmark(Description = "Max(x) (all)")]
    public double MaxAll() => Ops.Max(x);

    [Benchmark(Description = "Max(x, 0) (columns)")]
    public Tensor MaxColumns() => Ops.Max(x, 0);

    [Benchmark(Description = "Max(x, 1) (rows)")]
    public Tensor MaxRows() => Ops.Max(x, 1);

    [Benchmark(Description = "Norm(x) (all)")]
    public double NormAll() => Ops.Norm(x);

    [Benchmark(Description = "Norm(x, 0) (columns)")]
    public Tensor NormColumns() => Ops.Norm(x, 0);

    [Benchmark(Description = "Norm(x, 1) (rows)")]
    public Tensor NormRows() => Ops.Norm(x, 1);

    /// <summary>One exponential per element, written to a preallocated array: the floor under LogSumExp and Softmax.</summary>
    [Benchmark(Description = "TensorPrimitives.Exp (all, reference)")]
    public double ExpReference()
    {
        TensorPrimitives.Exp(raw, scratch);
        return scratch[0];
    }

    /// <summary>
    /// One exponential per element into a new array, as Softmax returns one: the floor under Softmax, whose result is
    /// 8 MB of fresh large-object-heap memory (zeroing or first-touch page faults, and the collections it triggers).
    /// </summary>
    [Benchmark(Description = "TP: Exp into a new array (Softmax floor)")]
    public double[] ExpNewArray()
    {
        var r = new double[N * N];
        TensorPrimitives.Exp(raw, r);
        return r;
    }

    [Benchmark(Description = "LogSumExp(x, 1) (rows)")]
    public Tensor LogSumExpRows() => Ops.LogSumExp(x, 1);

    [Benchmark(Description = "LogSumExp(x, 0) (columns)")]
    public Tensor LogSumExpColumns() => Ops.LogSumExp(x, 0);

    [Benchmark(Description = "Softmax(x, 1) (rows)")]
    public Tensor SoftmaxRows() => Ops.Softmax(x, 1);

    [Benchmark(Description = "Softmax(x, 0) (columns)")]
    public Tensor SoftmaxColumns() => Ops.Softmax(x, 0);
}

/// <summary>
/// Reductions of a small 4×8 tensor: the result array (and the tensor around it) should be the only allocation.
/// Run with <c>--filter '*SmallReduction*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SmallReductionBenchmarks
{
    private readonly Tensor x = Tensor.Arange(32).Reshape(4, 8);

    [Benchmark(Description = "Sum(x, 0) 4×8")]
    public Tensor SumColumns() => Ops.Sum(x, 0);

    [Benchmark(Description = "Max(x, 1) 4×8")]
    public Tensor MaxRows() => Ops.Max(x, 1);

    [Benchmark(Description = "Norm(x, 0) 4×8")]
    public Tensor NormColumns() => Ops.Norm(x, 0);

    [Benchmark(Description = "LogSumExp(x, -1) 4×8")]
    public Tensor LogSumExpRows() => Ops.LogSumExp(x, -1);

    [Benchmark(Description = "m[1, ..] 4×8")]
    public Tensor Row() => x[1, ..];
}
