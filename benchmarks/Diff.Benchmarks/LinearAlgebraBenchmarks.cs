using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using Diff.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace Diff.Benchmarks;

/// <summary>
/// The factorisations behind Ops.Solve/Inverse/Det (LU), Ops.Cholesky, Ops.Eigh and Ops.Svd: the runtime's own
/// kernels against MathNet.Numerics' managed ones, each from and to row-major arrays (the tensors' storage), so the
/// MathNet columns include the copies into and out of its column-major matrices that Ops would pay.
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*LinearAlgebra*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LinearAlgebraBenchmarks
{
    private double[] _a = [], _spd = [], _b = [];
    private Complex[] _z = [], _hpd = [];

    /// <summary>Matrix order.</summary>
    [Params(4, 16, 64, 256)]
    public int N { get; set; }

    /// <summary>Reproducible random operands: a general matrix, an SPD/HPD one (X·Xᴴ + n·I), and a right-hand side.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(7);
        int n = N;
        _a = new double[n * n];
        _z = new Complex[n * n];
        for (int i = 0; i < n * n; i++)
        {
            _a[i] = 2 * r.NextDouble() - 1;
            _z[i] = new Complex(2 * r.NextDouble() - 1, 2 * r.NextDouble() - 1);
        }
        _b = new double[n];
        for (int i = 0; i < n; i++)
            _b[i] = r.NextDouble();
        var x = Matrix<double>.Build.DenseOfRowMajor(n, n, _a);
        _spd = (x * x.Transpose() + n * Matrix<double>.Build.DenseIdentity(n)).ToRowMajorArray();
        var zx = Matrix<Complex>.Build.DenseOfRowMajor(n, n, _z);
        _hpd = (zx * zx.ConjugateTranspose() + n * Matrix<Complex>.Build.DenseIdentity(n)).ToRowMajorArray();
    }

    /// <summary>Solve A·x = b with the runtime's LU (factor + solve).</summary>
    [Benchmark]
    public double[] SolveRuntimeLu() => LuFactors<double>.Of(_a, N).Solve(_b, 1);

    /// <summary>Solve A·x = b with MathNet's LU, from and to row-major arrays.</summary>
    [Benchmark]
    public double[] SolveMathNetLu() => Matrix<double>.Build.DenseOfRowMajor(N, N, _a).LU().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(_b)).ToArray();

    /// <summary>Complex LU factorisation, the runtime's.</summary>
    [Benchmark]
    public Complex DetComplexRuntimeLu() => LuFactors<Complex>.Of(_z, N).Determinant();

    /// <summary>Complex LU factorisation, MathNet's.</summary>
    [Benchmark]
    public Complex DetComplexMathNetLu() => Matrix<Complex>.Build.DenseOfRowMajor(N, N, _z).LU().Determinant;

    /// <summary>Cholesky, the hand-written row-oriented kernel.</summary>
    [Benchmark]
    public double[]? CholeskyRuntime() => Decompositions.Cholesky<double>(_spd, N);

    /// <summary>Cholesky, MathNet's.</summary>
    [Benchmark]
    public double[]? CholeskyMathNet() => Decompositions.CholeskyMathNet(_spd, N);

    /// <summary>Complex Cholesky, the hand-written kernel.</summary>
    [Benchmark]
    public Complex[]? CholeskyComplexRuntime() => Decompositions.Cholesky<Complex>(_hpd, N);

    /// <summary>Complex Cholesky, MathNet's.</summary>
    [Benchmark]
    public Complex[]? CholeskyComplexMathNet() => Decompositions.CholeskyMathNet(_hpd, N);

    /// <summary>Symmetric eigendecomposition (MathNet's Evd, the only candidate).</summary>
    [Benchmark]
    public double[] Eigh() => Decompositions.Eigh(_spd, N).Values;

    /// <summary>SVD (MathNet's, the only candidate).</summary>
    [Benchmark]
    public double[] Svd() => Decompositions.Svd(_a, N, N).S;
}
