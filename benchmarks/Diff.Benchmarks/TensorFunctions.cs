using System;
using System.Numerics;
using static Diff.Ops;

namespace Diff.Benchmarks;

/// <summary>The [Differentiable] functions of the tensor benchmarks (issue 4).</summary>
public static partial class TensorFunctions
{
    /// <summary>The N-dimensional Rosenbrock function Σ 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² over a parameter array.</summary>
    [Differentiable]
    public static double Rosenbrock(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    /// <summary>The seed notebook's time evolution expm(i·x·H), differentiated in forward mode.</summary>
    [Differentiable]
    public static ComplexTensor Evolution(double x, [NoDerivative] Tensor h) => Expm(Complex.ImaginaryOne * x * h);

    /// <summary>
    /// F(c) = |tr(Vᴴ·Π_j expm(−i·0.1·(H₀ + c₂ⱼH₁ + c₂ⱼ₊₁H₂)))|² / n² over c.Length / 2 slices: a gate fidelity.
    /// </summary>
    [Differentiable]
    public static double Fidelity(double[] c, [NoDerivative] ComplexTensor h0, [NoDerivative] ComplexTensor h1, [NoDerivative] ComplexTensor h2, [NoDerivative] ComplexTensor v)
    {
        int n = h0.Shape[0];
        ComplexTensor u = ComplexTensor.FromTensor(Tensor.Identity(n));
        for (int j = 0; j < c.Length / 2; j++)
        {
            ComplexTensor h = h0 + c[2 * j] * h1 + c[2 * j + 1] * h2;
            u = MatMul(Expm(new Complex(0, -0.1) * h), u);
        }

        Complex t = Trace(MatMul(v.ConjugateTranspose(), u));
        return (t * Complex.Conjugate(t)).Real / (n * n);
    }

    /// <summary>expm(tensordot(x, rm, 1)): a matrix exponential of k coefficients, whose Jacobian takes k forward sweeps.</summary>
    [Differentiable]
    public static Tensor ExpmOfCombination(Tensor x, [NoDerivative] Tensor rm) => Expm(TensorDot(x, rm, 1));

    /// <summary>A random Hermitian n×n matrix (seeded) of moderate norm.</summary>
    public static ComplexTensor RandomHermitian(int n, Random random)
    {
        var values = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            values[i, i] = random.NextDouble() - 0.5;
            for (int j = i + 1; j < n; j++)
            {
                values[i, j] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
                values[j, i] = Complex.Conjugate(values[i, j]);
            }
        }

        return ComplexTensor.FromArray(values);
    }
}
