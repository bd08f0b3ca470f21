using System;
using System.Numerics;
using Diff.Runtime.Tests.MatrixFunctions.HighPrecision;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// Two places where Logm's accuracy depends on a choice the algorithm leaves open. log(I + εB) for ε where no square root is taken and the degree-1 Padé approximant's backward-error bound θ₁ =
/// 1.6e-5 would apply: its relative forward error ‖X‖²/12 reached 2e-11 there, so Logm takes m ≥ 2 without square roots. And the Schur form of A − I instead of A, which keeps eigenvalues near 1
/// to relative accuracy but costs an eigenvalue λ far below 1 a relative error u/λ: Logm shifts only when
/// ‖A − I‖₁ ≤ 1/2. And a lower triangular A, which takes J·A·J (J the reversal permutation) as its Schur form.
/// </summary>
public class LogmAccuracyTests
{
    [Theory]
    [InlineData(3e-6, 4)]
    [InlineData(6e-6, 5)]
    [InlineData(1.2e-5, 3)]
    [InlineData(1.5e-5, 8)]
    public void RelativeErrorStaysNearUnitRoundoff(double eps, int n)
    {
        Complex[] a = Array.ConvertAll(RandomReal(n, 810 + n, eps).Data, x => new Complex(x, 0));
        for (int i = 0; i < n; i++)
            a[i * n + i] += 1;
        Complex[] expected = ReferenceExpm.ToComplex(ReferenceLogm.Log(ReferenceExpm.FromComplex(a), n));
        Complex[] actual = Ops.Logm(new ComplexTensor(a, [n, n])).Data;
        double error = RelativeError(actual, expected, n);
        Assert.True(error <= 1e-14, $"ε = {eps:E1}, n = {n}: relative error {error:E2}");
    }

    /// <summary>
    /// Hilbert matrices (eigenvalues down to 1e-6 and 1e-10 for n = 6, 8, all below 1.7): with the Schur form of A − I
    /// the errors were 6.7e-11 and 1.4e-8, with that of A (what scipy does too) 2.3e-12 and 7e-10 (scipy 3.3e-13 and
    /// 7.3e-10).
    /// </summary>
    [Theory]
    [InlineData(6, 1e-11)]
    [InlineData(8, 3e-9)]
    public void HilbertMatrixKeepsItsSmallEigenvalues(int n, double tolerance)
    {
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                a[i * n + j] = 1.0 / (i + j + 1);
        }
        Complex[] expected = ReferenceExpm.ToComplex(ReferenceLogm.Log(ReferenceExpm.FromComplex(a), n));
        double real = RelativeError(Ops.Logm(new Tensor(Array.ConvertAll(a, z => z.Real), [n, n])).Data, expected, n);
        double complex = RelativeError(Ops.Logm(new ComplexTensor(a, [n, n])).Data, expected, n);
        Assert.True(real <= tolerance && complex <= tolerance, $"Hilbert n = {n}: real {real:E2}, complex {complex:E2}");
    }

    /// <summary>
    /// [[λ₁, 0], [t, λ₂]] with λ₁ = 1e-4, λ₂ = 1e4: log A = [[log λ₁, 0], [t·(log λ₂ − log λ₁)/(λ₂ − λ₁), log λ₂]]. Through
    /// the QR iteration the small eigenvalue came back with an absolute error u·‖A‖ (relative error of log A 1.5e-10);
    /// through J·A·J it is exact. The Fréchet derivative satisfies L(A, E) = L(Aᵀ, Eᵀ)ᵀ, the transpose of the upper
    /// triangular case.
    /// </summary>
    [Theory]
    [InlineData(1e4)]
    [InlineData(1e8)]
    public void LowerTriangularMatrixIsExactToRounding(double t)
    {
        double l1 = 1e-4, l2 = 1e4;
        var lower = new Tensor([l1, 0, t, l2], [2, 2]);
        Complex[] expected = [Math.Log(l1), 0, t * (Math.Log(l2) - Math.Log(l1)) / (l2 - l1), Math.Log(l2)];
        Assert.True(RelativeError(Ops.Logm(lower).Data, expected, 2) <= 2e-16);
        Assert.True(RelativeError(Ops.Logm(ComplexTensor.FromTensor(lower)).Data, expected, 2) <= 2e-16);

        var e = new Tensor([0.3, -0.2, 0.7, 0.1], [2, 2]);
        Complex[] viaLower = Ops.LogmFrechet(lower, e).Data;
        Complex[] viaUpper = Ops.LogmFrechet(lower.Transpose(), e.Transpose()).Transpose().Data;
        Assert.True(RelativeError(viaLower, viaUpper, 2) <= 1e-15, $"{RelativeError(viaLower, viaUpper, 2):E2}");
    }
}
