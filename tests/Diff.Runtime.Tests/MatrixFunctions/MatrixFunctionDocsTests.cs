using System;
using System.Numerics;
using Xunit;
using static Diff.Ops;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// The examples of docs/matrix-functions.md, as written there, with the values the page states: if one of them
/// changes, the page changes with it.
/// </summary>
public class MatrixFunctionDocsTests
{
    [Fact]
    public void QubitEvolutionAndItsTimeDerivative()
    {
        Tensor h = new double[,] { { 1, 0.5 }, { 0.5, -1 } };
        double t = 0.3;
        ComplexTensor a = -Complex.ImaginaryOne * t * h;
        ComplexTensor u = Expm(a);                                    // U(t) = e^(−itH)
        ComplexTensor du = ExpmFrechet(a, -Complex.ImaginaryOne * h); // dU/dt = L(−itH, −iH)

        // U is unitary, and dU/dt = −iH·U.
        ComplexTensor identity = MatMul(u.ConjugateTranspose(), u);
        ComplexTensor expected = -Complex.ImaginaryOne * MatMul(h, u);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.True(Complex.Abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-15);
                Assert.True(Complex.Abs(du[i, j] - expected[i, j]) < 1e-15);
            }
        }
    }

    [Fact]
    public void SeveralDirectionsShareOnePass()
    {
        Tensor h0 = new double[,] { { 1, 0 }, { 0, -1 } };
        Tensor h1 = new double[,] { { 0, 1 }, { 1, 0 } };
        double x0 = 0.4, x1 = 0.7;
        ComplexTensor a = -Complex.ImaginaryOne * (x0 * h0 + x1 * h1);
        (ComplexTensor value, ComplexTensor[] d) = ExpmWithFrechet(a, -Complex.ImaginaryOne * h0, -Complex.ImaginaryOne * h1);

        // The columns of the Jacobian of e^(−i(x₀H₀ + x₁H₁)) with respect to (x₀, x₁): the same as one at a time.
        Assert.Equal(2, d.Length);
        ComplexTensor one = ExpmFrechet(a, -Complex.ImaginaryOne * h1);
        for (int k = 0; k < 4; k++)
            Assert.True(Complex.Abs(d[1][k / 2, k % 2] - one[k / 2, k % 2]) < 1e-15);
        Assert.True(Complex.Abs(value[0, 0] - Expm(a)[0, 0]) < 1e-15);
    }

    [Fact]
    public void RealMatrixWithANegativeEigenvalueHasAComplexLogarithm()
    {
        ComplexTensor l = Logm(new double[,] { { -1, 0 }, { 0, 2 } });
        Assert.Equal(new Complex(0, Math.PI), l[0, 0]);
        Assert.Equal(Math.Log(2), l[1, 1].Real, 15);
        Assert.Equal(0, l[1, 1].Imaginary);

        // e^(log A) = A.
        ComplexTensor back = Expm(l);
        Assert.True(Complex.Abs(back[0, 0] + 1) < 1e-15 && Complex.Abs(back[1, 1] - 2) < 1e-15);
    }

    [Fact]
    public void SingularAndNonFiniteInputAreErrorsThatSayWhy()
    {
        ArgumentException singular = Assert.Throws<ArgumentException>(() => Logm(Tensor.Arange(9).Reshape(3, 3)));
        Assert.Contains("does not exist", singular.Message);
        Assert.Contains("singular", singular.Message);

        ArgumentException shape = Assert.Throws<ArgumentException>(() => Expm(Tensor.Zeros(2, 3)));
        Assert.Contains("[2, 3]", shape.Message);

        ArgumentException nan = Assert.Throws<ArgumentException>(() => Expm(new double[,] { { 1, double.NaN }, { 0, 1 } }));
        Assert.Contains("NaN", nan.Message);
    }
}
