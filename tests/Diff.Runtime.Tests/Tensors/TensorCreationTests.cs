using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

public class TensorCreationTests
{
    [Fact]
    public void FromArrayCopiesAndKeepsRowMajorOrder()
    {
        var src = new double[] { 1, 2, 3 };
        var t = Tensor.FromArray(src);
        src[0] = 99;
        Assert.Equal(new[] { 3 }, t.Shape);
        Assert.Equal(1, t.Rank);
        Assert.Equal(3, t.Length);
        Assert.Equal(new double[] { 1, 2, 3 }, t.ToArray());

        var m = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new[] { 2, 3 }, m.Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, m.ToArray());
        Assert.Equal(6, m[1, 2]);

        var c = Tensor.FromArray(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } }, { { 9, 10 }, { 11, 12 } } });
        Assert.Equal(new[] { 3, 2, 2 }, c.Shape);
        Assert.Equal(11, c[2, 1, 0]);
        Assert.Equal(7, c.ToArray()[6]);
    }

    [Fact]
    public void ImplicitFromArrays()
    {
        Tensor v = new double[] { 1, 2 };
        Tensor m = new double[,] { { 1, 2 }, { 3, 4 } };
        ComplexTensor cv = new Complex[] { new(1, 1) };
        ComplexTensor cm = new Complex[,] { { 1, Complex.ImaginaryOne } };
        Assert.Equal(new[] { 2 }, v.Shape);
        Assert.Equal(new[] { 2, 2 }, m.Shape);
        Assert.Equal(new Complex(1, 1), cv[0]);
        Assert.Equal(Complex.ImaginaryOne, cm[0, 1]);
    }

    [Fact]
    public void ShapeAndToArrayAreCopies()
    {
        var t = Tensor.Zeros(2, 2);
        t.Shape[0] = 7;
        t.ToArray()[0] = 7;
        Assert.Equal(new[] { 2, 2 }, t.Shape);
        Assert.Equal(0, t[0, 0]);
    }

    [Fact]
    public void ZerosOnesIdentity()
    {
        Assert.Equal(new double[6], Tensor.Zeros(2, 3).ToArray());
        Assert.Equal(new double[] { 1, 1, 1, 1 }, Tensor.Ones(2, 2).ToArray());
        Assert.Equal(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, Tensor.Identity(3).ToArray());
        Assert.Equal(new[] { 3, 3 }, Tensor.Identity(3).Shape);
        var scalar = Tensor.Zeros();
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, scalar.Length);
        Assert.Equal(Complex.One, ComplexTensor.Ones(1)[0]);
        Assert.Equal(Complex.One, ComplexTensor.Identity(2)[1, 1]);
        Assert.Equal(Complex.Zero, ComplexTensor.Identity(2)[0, 1]);
        Assert.Equal(new Complex[4], ComplexTensor.Zeros(2, 2).ToArray());
    }

    [Fact]
    public void ZeroLengthAxesMakeEmptyTensors()
    {
        var e = Tensor.Zeros(0, 3);
        Assert.Equal(0, e.Length);
        Assert.Equal(new[] { 0, 3 }, e.Shape);
        Assert.Equal(0, Tensor.Identity(0).Length);
        Assert.Equal(0, ComplexTensor.Zeros(4, 0).Length);
    }

    [Fact]
    public void NegativeAxesAreRejectedNamingTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));
        Assert.Contains("(2, -1)", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Ones(-3));
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(-1));
        Assert.Throws<ArgumentException>(() => ComplexTensor.Ones(1, -2));
        Assert.Contains("-2", Assert.Throws<ArgumentException>(() => Tensor.Identity(-2)).Message);
        Assert.Throws<ArgumentException>(() => ComplexTensor.Identity(-1));
    }

    [Fact]
    public void FromArrayWithShapeChecksTheCount()
    {
        var t = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        Assert.Equal(4, t[1, 1]);
        var e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new double[] { 1, 2, 3 }, 2, 2));
        Assert.Contains("(2, 2)", e.Message);
        Assert.Contains("3", e.Message);
        Assert.Throws<ArgumentException>(() => ComplexTensor.FromArray(new Complex[3], 2, 2));
    }

    [Fact]
    public void ArangeFollowsNumpy()
    {
        Assert.Equal(new double[] { 0, 1, 2, 3, 4 }, Tensor.Arange(5).ToArray());
        Assert.Equal(new double[] { 2, 3, 4 }, Tensor.Arange(2, 5).ToArray());
        // numpy: arange(0.5, 3) = [0.5, 1.5, 2.5]; arange(2.5) = [0, 1, 2]; arange(5, 2) is empty.
        Assert.Equal(new double[] { 0.5, 1.5, 2.5 }, Tensor.Arange(0.5, 3).ToArray());
        Assert.Equal(new double[] { 0, 1, 2 }, Tensor.Arange(2.5).ToArray());
        Assert.Equal(0, Tensor.Arange(5, 2).Length);
        Assert.Equal(0, Tensor.Arange(-3).Length);
        Assert.Equal(new Complex[] { 1, 2 }, ComplexTensor.Arange(1, 3).ToArray());
        Assert.Throws<ArgumentException>(() => Tensor.Arange(double.NaN));
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => Tensor.Arange(1e12));
    }

    [Fact]
    public void ComplexFromArraysAndFromTensor()
    {
        var c = ComplexTensor.FromArray(new Complex[,] { { new(1, 2), new(3, 4) } });
        Assert.Equal(new[] { 1, 2 }, c.Shape);
        Assert.Equal(new Complex(3, 4), c[0, 1]);
        var c3 = ComplexTensor.FromArray(new Complex[,,] { { { 1 }, { 2 } } });
        Assert.Equal(new[] { 1, 2, 1 }, c3.Shape);
        Assert.Equal(new Complex(2, 0), c3[0, 1, 0]);
        var f = ComplexTensor.FromTensor(Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Equal(new[] { 2, 2 }, f.Shape);
        Assert.Equal(new Complex(3, 0), f[1, 0]);
        var src = new Complex[] { 5 };
        var copy = ComplexTensor.FromArray(src);
        src[0] = 0;
        Assert.Equal(new Complex(5, 0), copy[0]);
    }

    [Fact]
    public void NullArgumentsThrow()
    {
        Assert.Throws<ArgumentNullException>(() => Tensor.FromArray((double[])null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.FromArray((double[,])null!));
        Assert.Throws<ArgumentNullException>(() => ComplexTensor.FromTensor(null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.Zeros(null!));
    }
}
