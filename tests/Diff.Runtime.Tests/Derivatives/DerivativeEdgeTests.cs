using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>The registrations where the random tests do not reach: non-smooth points, constants, bad seeds.</summary>
public class DerivativeEdgeTests
{
    [Fact]
    public void AbsOfARealZeroHasDerivativeZero()
    {
        Tensor x = Tensor.FromArray([0.0, -2, 3]), g = Tensor.FromArray([5.0, 7, 11]);
        Assert.Equal([0.0, -7, 11], Ops.AbsAdjoint(x, g).a.ToArray());
        Assert.Equal([0.0, -7, 11], Ops.AbsTangent(x, g).Tangent.ToArray());
    }

    [Fact]
    public void AbsOfAComplexZeroHasDerivativeZero()
    {
        ComplexTensor z = ComplexTensor.FromArray([Complex.Zero, new Complex(3, 4)]);
        Tensor g = Tensor.FromArray([5.0, 10]);
        Assert.Equal([Complex.Zero, new Complex(6, 8)], Ops.AbsAdjoint(z, g).a.ToArray());
        ComplexTensor dz = ComplexTensor.FromArray([new Complex(1, 1), new Complex(0, 5)]);
        // d|z| = Re(conj(z)·dz)/|z| = Re((3 − 4i)·5i)/5 = 4
        Assert.Equal([0.0, 4], Ops.AbsTangent(z, dz).Tangent.ToArray());
    }

    [Fact]
    public void PowWithExponentZeroHasDerivativeZeroEvenAtZero()
    {
        Tensor x = Tensor.FromArray([0.0, 2]), g = Tensor.FromArray([1.0, 1]);
        Assert.Equal([1.0, 1], Ops.PowAdjoint(x, 0, g).Value.ToArray());
        Assert.Equal([0.0, 0], Ops.PowAdjoint(x, 0, g).a.ToArray());
        Assert.Equal([0.0, 0], Ops.PowTangent(x, 0, g).Tangent.ToArray());
    }

    [Fact]
    public void TraceAdjointOfANonSquareMatrixFillsItsDiagonal()
    {
        var (value, a) = Ops.TraceAdjoint(Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }), 2.5);
        Assert.Equal(6, value);
        Assert.Equal(new double[,] { { 2.5, 0, 0 }, { 0, 2.5, 0 } }, a.ToArray2D());
    }

    [Fact]
    public void ASeedOfTheWrongShapeIsAnArgumentException()
    {
        Tensor a = Tensor.Ones(2, 3), b = Tensor.Ones(3, 4);
        Assert.Throws<ArgumentException>(() => Ops.MatMulAdjoint(a, b, Tensor.Ones(2, 3)));
        Assert.Throws<ArgumentException>(() => Ops.TensorDotAdjoint(a, b, 1, Tensor.Ones(4, 2)));
        Assert.Throws<ArgumentException>(() => Ops.ExpAdjoint(a, Tensor.Ones(3, 2)));
        Assert.Throws<ArgumentException>(() => Tensor.AdditionAdjoint(a, 1.0, Tensor.Ones(6)));
        Assert.Throws<ArgumentException>(() => ComplexTensor.MultiplyAdjoint(ComplexTensor.Ones(2), Tensor.Ones(2), ComplexTensor.Ones(3)));
    }

    [Fact]
    public void MatMulAdjointIsTheConjugateTransposedProducts()
    {
        // C = A·B with A = [[i, 1]], B = [[1], [2i]]: Ā = S·Bᴴ, B̄ = Aᴴ·S
        ComplexTensor a = ComplexTensor.FromArray(new[,] { { Complex.ImaginaryOne, Complex.One } });
        ComplexTensor b = ComplexTensor.FromArray(new[,] { { Complex.One }, { new Complex(0, 2) } });
        ComplexTensor s = ComplexTensor.FromArray(new[,] { { new Complex(3, 0) } });
        var (value, abar, bbar) = Ops.MatMulAdjoint(a, b, s);
        Assert.Equal(new[,] { { new Complex(0, 3) } }, value.ToArray2D());
        Assert.Equal(new[,] { { new Complex(3, 0), new Complex(0, -6) } }, abar.ToArray2D());
        Assert.Equal(new[,] { { new Complex(0, -3) }, { new Complex(3, 0) } }, bbar.ToArray2D());
    }
}
