using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

/// <summary>
/// The pieces one time slice of the F(c) gradient is made of (<see cref="FidelityGradientBenchmarks"/>), each on its
/// own: the primal operations and the forward and backward parts of their split reverse rules, for complex n×n
/// matrices. Where the gradient's time goes, and what a faster kernel would buy.
/// Run with <c>--filter '*ReverseRule*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ReverseRuleBenchmarks
{
    private ComplexTensor _a = null!, _seed = null!, _u = null!, _h1 = null!, _h = null!, _product = null!;
    private ExpmAdjointResidual<Complex> _expm = null!;
    private ProductResidual<ComplexTensor, ComplexTensor> _matMul = null!;
    private OperandsResidual<double, ComplexTensor> _scale;

    /// <summary>The order of the matrices.</summary>
    [Params(4, 16)]
    public int N { get; set; }

    /// <summary>Random matrices from fixed seeds, and the residuals the backward parts take.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _h = Random(N, 1);
        _h1 = Random(N, 2);
        _seed = Random(N, 3);
        _u = Random(N, 4);
        _a = new Complex(0, -0.1) * _h;
        (_, _expm) = Ops.ExpmAdjointForward(_a);
        (_, _matMul) = Ops.MatMulAdjointForward(_a, _u);
        (_product, _scale) = ComplexTensor.MultiplyAdjointForward(0.3, _h1);
    }

    /// <summary>e^A.</summary>
    [Benchmark]
    public object Expm() => Ops.Expm(_a);

    /// <summary>e^A and the Padé data its adjoint needs.</summary>
    [Benchmark]
    public object ExpmAdjointForward() => Ops.ExpmAdjointForward(_a);

    /// <summary>e^A and L(A, E) in one call, for comparison with the split parts.</summary>
    [Benchmark]
    public object ExpmFrechet() => Ops.ExpmFrechet(_a, _seed);

    /// <summary>L(Aᴴ, G) from the kept Padé data.</summary>
    [Benchmark]
    public object ExpmAdjointBackward() => Ops.ExpmAdjointBackward(_expm, _seed);

    /// <summary>A·U.</summary>
    [Benchmark]
    public object MatMul() => Ops.MatMul(_a, _u);

    /// <summary>S·Uᴴ and Aᴴ·S.</summary>
    [Benchmark]
    public object MatMulAdjointBackward() => Ops.MatMulAdjointBackward(_matMul, _seed);

    /// <summary>c·H₁.</summary>
    [Benchmark]
    public object Scale() => 0.3 * _h1;

    /// <summary>Re⟨H₁, S⟩ and c·S.</summary>
    [Benchmark]
    public object ScaleAdjointBackward() => ComplexTensor.MultiplyAdjointBackward(_scale, _seed);

    /// <summary>H + c·H₁.</summary>
    [Benchmark]
    public object Add() => _h + _product;

    private static ComplexTensor Random(int n, int seed)
    {
        var random = new System.Random(seed);
        var data = new Complex[n * n];
        for (int i = 0; i < data.Length; i++)
            data[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        return ComplexTensor.FromArray(data, n, n);
    }
}
