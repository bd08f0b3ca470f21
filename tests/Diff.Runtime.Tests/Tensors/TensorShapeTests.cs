using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

public class TensorShapeTests
{
    [Fact]
    public void ReshapeKeepsOrderAndInfersOneAxis()
    {
        var t = Tensor.Arange(6);
        var r = t.Reshape(2, 3);
        Assert.Equal(new[] { 2, 3 }, r.Shape);
        Assert.Equal(5, r[1, 2]);
        Assert.Equal(new[] { 3, 2 }, t.Reshape(-1, 2).Shape);
        Assert.Equal(new[] { 1, 6, 1 }, t.Reshape(1, -1, 1).Shape);
        Assert.Equal(new[] { 0, 3 }, Tensor.Zeros(0).Reshape(-1, 3).Shape);
        Assert.Equal(new[] { 1, 1 }, Tensor.Scalar(4).Reshape(1, 1).Shape);
        Assert.Equal(0, Tensor.Zeros(1).Reshape().Rank);
        Assert.Equal(new[] { 3, 2 }, ComplexTensor.Zeros(6).Reshape(3, -1).Shape);
    }

    [Fact]
    public void ReshapeErrorsNameShapes()
    {
        var t = Tensor.Arange(6);
        var e = Assert.Throws<ArgumentException>(() => t.Reshape(4, 2));
        Assert.Contains("(6,)", e.Message);
        Assert.Contains("(4, 2)", e.Message);
        Assert.Contains("only one", Assert.Throws<ArgumentException>(() => t.Reshape(-1, -1)).Message);
        Assert.Throws<ArgumentException>(() => t.Reshape(-1, 4));
        Assert.Throws<ArgumentException>(() => t.Reshape(-2, -3));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(0).Reshape(0, -1));
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(6).Reshape(5));
    }

    [Fact]
    public void FlattenIsRowMajor()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal(new[] { 4 }, m.Flatten().Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, m.Flatten().ToArray());
        Assert.Equal(new[] { 8 }, ComplexTensor.Zeros(2, 2, 2).Flatten().Shape);
    }

    [Fact]
    public void TransposeRank2SwapsRank1IsItselfRank3Throws()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var mt = m.Transpose();
        Assert.Equal(new[] { 3, 2 }, mt.Shape);
        Assert.Equal(new double[] { 1, 4, 2, 5, 3, 6 }, mt.ToArray());
        var v = Tensor.Arange(3);
        Assert.Same(v, v.Transpose());
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 2, 2).Transpose());
        Assert.Contains("(2, 2, 2)", e.Message);
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(1, 1, 1).Transpose());
    }

    [Fact]
    public void ComplexPartsConjugateAndAdjoint()
    {
        var c = ComplexTensor.FromArray(new Complex[,] { { new(1, 2), new(3, -4) }, { new(5, 6), new(7, 8) }, { new(0, 1), new(-1, 0) } });
        Assert.Equal(new double[] { 1, 3, 5, 7, 0, -1 }, c.Real().ToArray());
        Assert.Equal(new double[] { 2, -4, 6, 8, 1, 0 }, c.Imag().ToArray());
        Assert.Equal(new[] { 3, 2 }, c.Real().Shape);
        Assert.Equal(new Complex(3, 4), c.Conj()[0, 1]);
        var t = c.Transpose();
        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(new Complex(3, -4), t[1, 0]);
        var h = c.ConjugateTranspose();
        Assert.Equal(new[] { 2, 3 }, h.Shape);
        Assert.Equal(new Complex(3, 4), h[1, 0]);
        Assert.Equal(new Complex(0, -1), h[0, 2]);
        var v = ComplexTensor.FromArray(new Complex[] { new(1, 1) });
        Assert.Same(v, v.Transpose());
        Assert.Equal(new Complex(1, -1), v.ConjugateTranspose()[0]);
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(2, 2, 2).ConjugateTranspose());
    }

    [Fact]
    public void ReshapeDoesNotLetAUserChangeTheOriginal()
    {
        var t = Tensor.Arange(4);
        var r = t.Reshape(2, 2);
        var arr = r.ToArray();
        arr[0] = 100;
        Assert.Equal(0, t[0]);
        Assert.Equal(0, r[0, 0]);
    }
}
