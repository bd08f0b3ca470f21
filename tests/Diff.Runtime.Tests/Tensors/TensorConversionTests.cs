using System;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

public class TensorConversionTests
{
    [Fact]
    public void MathNetRealRoundTripKeepsRowsAndColumns()
    {
        // A non-square, non-symmetric matrix: a column-major/row-major mix-up would show.
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var t = Tensor.FromMatrix(m);
        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, t.ToArray());
        Assert.Equal(6, t[1, 2]);
        var back = t.ToMatrix();
        Assert.Equal(2, back.RowCount);
        Assert.Equal(3, back.ColumnCount);
        Assert.Equal(m, back);
        Assert.Equal(4, back[1, 0]);
    }

    [Fact]
    public void MathNetComplexRoundTrip()
    {
        var m = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { new(1, 1), new(2, -1) }, { new(3, 0), new(0, 4) }, { 5, 6 } });
        var t = ComplexTensor.FromMatrix(m);
        Assert.Equal(new[] { 3, 2 }, t.Shape);
        Assert.Equal(new Complex(2, -1), t[0, 1]);
        Assert.Equal(new Complex(3, 0), t[1, 0]);
        Assert.Equal(m, t.ToMatrix());
    }

    [Fact]
    public void MathNetSparseAndDiagonalConvertToo()
    {
        var d = Matrix<double>.Build.Diagonal(2, 3, 7.0);
        Assert.Equal(new double[] { 7, 0, 0, 0, 7, 0 }, Tensor.FromMatrix(d).ToArray());
        var s = Matrix<double>.Build.Sparse(2, 2);
        s[0, 1] = 3;
        Assert.Equal(new double[] { 0, 3, 0, 0 }, Tensor.FromMatrix(s).ToArray());
    }

    [Fact]
    public void ToMatrixNeedsRankTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).ToMatrix());
        Assert.Contains("rank 2", e.Message);
        Assert.Contains("(3,)", e.Message);
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(2, 2, 2).ToMatrix());
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2).ToArray2D());
    }

    [Fact]
    public void ToArray2DRoundTrip()
    {
        var a = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        Assert.Equal(a, Tensor.FromArray(a).ToArray2D());
        var c = new Complex[,] { { 1, new(0, 2) } };
        Assert.Equal(c, ComplexTensor.FromArray(c).ToArray2D());
    }

    [Fact]
    public void RankZeroConvertsToScalarsOthersThrowNamingTheShape()
    {
        double x = Tensor.Scalar(2.5);
        Assert.Equal(2.5, x);
        Complex z = ComplexTensor.Scalar(new Complex(1, -1));
        Assert.Equal(new Complex(1, -1), z);

        var e = Assert.Throws<InvalidCastException>(() => { double bad = Tensor.Zeros(1); });
        Assert.Contains("(1,)", e.Message);
        var e2 = Assert.Throws<InvalidCastException>(() => { Complex bad = ComplexTensor.Zeros(2, 2); });
        Assert.Contains("(2, 2)", e2.Message);
    }

    [Fact]
    public void RealConvertsImplicitlyToComplex()
    {
        ComplexTensor c = Tensor.FromArray(new double[] { 1, -2 });
        Assert.Equal(new Complex[] { 1, -2 }, c.ToArray());
        Assert.Equal(new[] { 2 }, c.Shape);
    }
}
