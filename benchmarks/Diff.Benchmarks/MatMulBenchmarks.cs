using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Diff.Kernels;

namespace Diff.Benchmarks;

/// <summary>
/// n×n matrix products through <see cref="Gemm"/>, complex and real, on one thread and on all cores,
/// with a GFLOP/s column (a complex multiply-add counts 8 real flops: 8·n³ per product; real: 2·n³).
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*MatMul*' --job short</c>.
/// </summary>
[Config(typeof(GflopsConfig))]
public class MatMulBenchmarks
{
    private Complex[] _a = [], _b = [], _c = [];
    private double[] _ra = [], _rb = [], _rc = [];

    /// <summary>Matrix size.</summary>
    [Params(16, 64, 256, 512)]
    public int N { get; set; }

    /// <summary>Threads Gemm may use: 1, or all cores (<see cref="Environment.ProcessorCount"/>).</summary>
    [ParamsSource(nameof(ThreadChoices))]
    public int Threads { get; set; }

    /// <summary>The thread counts to compare.</summary>
    public static IEnumerable<int> ThreadChoices => Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    /// <summary>Fills the operands with reproducible random values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(42);
        int len = N * N;
        _a = new Complex[len];
        _b = new Complex[len];
        _c = new Complex[len];
        _ra = new double[len];
        _rb = new double[len];
        _rc = new double[len];
        for (int i = 0; i < len; i++)
        {
            _a[i] = new Complex(rnd.NextDouble() - 0.5, rnd.NextDouble() - 0.5);
            _b[i] = new Complex(rnd.NextDouble() - 0.5, rnd.NextDouble() - 0.5);
            _ra[i] = rnd.NextDouble() - 0.5;
            _rb[i] = rnd.NextDouble() - 0.5;
        }
    }

    /// <summary>C = A·B for complex n×n matrices.</summary>
    [Benchmark]
    public void ComplexMatMul() => Gemm.Multiply(_a, _b, _c, N, N, N, Threads, simd: true);

    /// <summary>C = A·B for real n×n matrices.</summary>
    [Benchmark]
    public void RealMatMul() => Gemm.Multiply(_ra, _rb, _rc, N, N, N, Threads, simd: true);

    private sealed class GflopsConfig : ManualConfig
    {
        public GflopsConfig()
        {
            AddColumn(new GflopsColumn(best: false), new GflopsColumn(best: true));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }

    /// <summary>
    /// GFLOP/s from the mean time, or from the fastest iteration (<c>best</c>: less disturbed when other
    /// processes share the cores): 8·n³ flops for complex, 2·n³ for real.
    /// </summary>
    private sealed class GflopsColumn(bool best) : IColumn
    {
        public string Id => nameof(GflopsColumn) + (best ? "Best" : "Mean");
        public string ColumnName => best ? "GFLOP/s (best)" : "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => best ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => best
            ? "GFLOP/s of the fastest iteration"
            : "Billions of real floating-point operations per second (complex multiply-add = 8 flops), from the mean";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null)
                return "-";
            int n = (int)benchmarkCase.Parameters.Items.First(p => p.Name == nameof(N)).Value;
            double flopsPerOp = (benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ComplexMatMul) ? 8.0 : 2.0) * n * n * n;
            double seconds = (best ? stats.Min : stats.Mean) / 1e9;
            return (flopsPerOp / seconds / 1e9).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
