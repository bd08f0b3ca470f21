using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

public class TensorIndexingTests
{
    private static readonly Tensor Cube = Tensor.Arange(24).Reshape(2, 3, 4);

    [Fact]
    public void IndexersReadRowMajor()
    {
        Assert.Equal(3, Tensor.Arange(5)[3]);
        Assert.Equal(6, Tensor.Arange(12).Reshape(3, 4)[1, 2]);
        Assert.Equal(1 * 12 + 2 * 4 + 3, Cube[1, 2, 3]);
        var c = ComplexTensor.FromArray(new Complex[] { 1, 2, 3, 4, 5, 6 }, 1, 2, 3);
        Assert.Equal(new Complex(5, 0), c[0, 1, 1]);
    }

    [Fact]
    public void WrongNumberOfIndicesIsArgumentExceptionNamingTheRank()
    {
        var e = Assert.Throws<ArgumentException>(() => Cube[0]);
        Assert.Contains("rank 3", e.Message);
        Assert.Contains("(2, 3, 4)", e.Message);
        Assert.Throws<ArgumentException>(() => Cube[0, 0]);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2)[0, 0, 0]);
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(2, 2)[0]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void OutOfRangeRank1(int i)
    {
        var e = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Zeros(5)[i]);
        Assert.Contains($"[{i}]", e.Message);
        Assert.Contains("(5,)", e.Message);
        Assert.Throws<IndexOutOfRangeException>(() => ComplexTensor.Zeros(5)[i]);
    }

    [Fact]
    public void OutOfRangeRank2And3NameIndexAndShape()
    {
        var e = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Zeros(2, 3)[1, 3]);
        Assert.Contains("[1, 3]", e.Message);
        Assert.Contains("(2, 3)", e.Message);
        Assert.Throws<IndexOutOfRangeException>(() => Tensor.Zeros(2, 3)[-1, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => Cube[2, 0, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => Cube[0, 0, 4]);
        Assert.Throws<IndexOutOfRangeException>(() => ComplexTensor.Zeros(2, 2, 2)[0, 2, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => ComplexTensor.Zeros(1, 1)[0, 1]);
    }
}
