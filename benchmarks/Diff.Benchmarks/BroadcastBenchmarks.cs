using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// Elementwise and broadcasting operators and activations on 1,000 × 1,000 (and one 4 × 4 case) against
/// <see cref="TensorPrimitives"/> on the same data, writing into a new array as the operators do (the "TP" rows; a
/// broadcast as one TensorPrimitives call per row, which is what the operators do too). Goal: each operator within
/// 1.5× of its TP row; the operators allocate only their result.
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*BroadcastBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class BroadcastBenchmarks
{
    private const int N = 1000;

    private Tensor m = null!, m2 = null!, row = null!, column = null!, rowMatrix = null!, small = null!, smallRow = null!;
    private double[] md = [], m2d = [], rowd = [], columnd = [], smalld = [], smallRowd = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        double[] Values(int n)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
                v[i] = random.NextDouble() * 8 - 4;
            return v;
        }
        md = Values(N * N);
        m2d = Values(N * N);
        rowd = Values(N);
        columnd = Values(N);
        m = Tensor.FromArray(md, N, N);
        m2 = Tensor.FromArray(m2d, N, N);
        row = Tensor.FromArray(rowd);
        column = Tensor.FromArray(columnd, N, 1);
        rowMatrix = Tensor.FromArray(rowd, 1, N);
        smalld = Values(16);
        smallRowd = Values(4);
        small = Tensor.FromArray(smalld, 4, 4);
        smallRow = Tensor.FromArray(smallRowd);
    }

    [Benchmark(Description = "(1000,1000) + (1000,1000)")]
    public Tensor SameShape() => m + m2;

    [Benchmark(Description = "TP: Add into a new array")]
    public double[] SameShapeTP()
    {
        var r = new double[N * N];
        TensorPrimitives.Add(md, m2d, r);
        return r;
    }

    [Benchmark(Description = "(1000,1000) + (1000,)")]
    public Tensor RowBroadcast() => m + row;

    [Benchmark(Description = "TP: Add per row")]
    public double[] RowBroadcastTP()
    {
        var r = new double[N * N];
        for (int i = 0; i < N; i++)
            TensorPrimitives.Add(md.AsSpan(i * N, N), rowd, r.AsSpan(i * N, N));
        return r;
    }

    [Benchmark(Description = "(1000,1000) * (1000,1)")]
    public Tensor ColumnBroadcast() => m * column;

    [Benchmark(Description = "TP: Multiply per row by a scalar")]
    public double[] ColumnBroadcastTP()
    {
        var r = new double[N * N];
        for (int i = 0; i < N; i++)
            TensorPrimitives.Multiply(md.AsSpan(i * N, N), columnd[i], r.AsSpan(i * N, N));
        return r;
    }

    [Benchmark(Description = "(1000,1) * (1,1000)")]
    public Tensor Outer() => column * rowMatrix;

    [Benchmark(Description = "TP: Multiply row by each scalar")]
    public double[] OuterTP()
    {
        var r = new double[N * N];
        for (int i = 0; i < N; i++)
            TensorPrimitives.Multiply(rowd, columnd[i], r.AsSpan(i * N, N));
        return r;
    }

    [Benchmark(Description = "Maximum((1000,1000), (1000,))")]
    public Tensor Maximum() => Ops.Maximum(m, row);

    [Benchmark(Description = "TP: Max per row")]
    public double[] MaximumTP()
    {
        var r = new double[N * N];
        for (int i = 0; i < N; i++)
            TensorPrimitives.Max(md.AsSpan(i * N, N), rowd, r.AsSpan(i * N, N));
        return r;
    }

    [Benchmark(Description = "Relu (1000,1000)")]
    public Tensor Relu() => Ops.Relu(m);

    [Benchmark(Description = "TP: Max(x, 0)")]
    public double[] ReluTP()
    {
        var r = new double[N * N];
        TensorPrimitives.Max(md, 0.0, r);
        return r;
    }

    [Benchmark(Description = "Sigmoid (1000,1000)")]
    public Tensor Sigmoid() => Ops.Sigmoid(m);

    [Benchmark(Description = "TP: Sigmoid")]
    public double[] SigmoidTP()
    {
        var r = new double[N * N];
        TensorPrimitives.Sigmoid(md, r);
        return r;
    }

    [Benchmark(Description = "Softplus (1000,1000)")]
    public Tensor Softplus() => Ops.Softplus(m);

    /// <summary>The naive log(1 + eˣ) in two TensorPrimitives passes (overflows for x &gt; 709, loses the tail for x &lt; −37).</summary>
    [Benchmark(Description = "TP: Exp then LogP1 (naive)")]
    public double[] SoftplusTP()
    {
        var r = new double[N * N];
        TensorPrimitives.Exp(md, r);
        TensorPrimitives.LogP1(r, r);
        return r;
    }

    [Benchmark(Description = "(4,4) + (4,)")]
    public Tensor Small() => small + smallRow;

    [Benchmark(Description = "TP: Add per row, 4x4")]
    public double[] SmallTP()
    {
        var r = new double[16];
        for (int i = 0; i < 4; i++)
            TensorPrimitives.Add(smalld.AsSpan(i * 4, 4), smallRowd, r.AsSpan(i * 4, 4));
        return r;
    }
}
