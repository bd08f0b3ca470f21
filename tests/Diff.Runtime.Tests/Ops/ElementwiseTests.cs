using System;
using System.Numerics;
using Xunit;
using static Diff.Ops;

namespace Diff.Runtime.Tests.Operations;

public class ElementwiseTests
{
    private static readonly double[] Xs = { 0.25, 1, 2.5, 0.1, 3 };
    private static readonly Tensor X = Tensor.FromArray(Xs, 5);
    private static readonly Complex[] Zs = { new(0.5, -1), new(1, 2), new(-2, 0.25), new(0, 1), new(3, 0) };
    private static readonly ComplexTensor Z = ComplexTensor.FromArray(Zs);

    private static void Check(Func<double, double> f, Tensor actual)
    {
        Assert.Equal(X.Shape, actual.Shape);
        for (int i = 0; i < Xs.Length; i++)
            Assert.Equal(f(Xs[i]), actual[i], 1e-14 * Math.Max(1, Math.Abs(f(Xs[i]))));
    }

    private static void Check(Func<Complex, Complex> f, ComplexTensor actual)
    {
        Assert.Equal(Z.Shape, actual.Shape);
        for (int i = 0; i < Zs.Length; i++)
            Assert.True(Complex.Abs(f(Zs[i]) - actual[i]) <= 1e-14 * Math.Max(1, Complex.Abs(f(Zs[i]))), $"element {i}: {f(Zs[i])} vs {actual[i]}");
    }

    [Fact]
    public void RealFunctionsMatchMath()
    {
        Check(Math.Exp, Exp(X));
        Check(Math.Log, Log(X));
        Check(Math.Sin, Sin(X));
        Check(Math.Cos, Cos(X));
        Check(Math.Tanh, Tanh(X));
        Check(Math.Sqrt, Sqrt(X));
        Check(x => Math.Pow(x, 1.5), Pow(X, 1.5));
        Check(x => Math.Pow(x, -2), Pow(X, -2));
        Assert.Equal(new double[] { 1, 0, 2.5 }, Abs(Tensor.FromArray(new double[] { -1, 0, 2.5 })).ToArray());
    }

    [Fact]
    public void ComplexFunctionsMatchSystemNumerics()
    {
        Check(Complex.Exp, Exp(Z));
        Check(Complex.Log, Log(Z));
        Check(Complex.Sin, Sin(Z));
        Check(Complex.Cos, Cos(Z));
        Check(Complex.Tanh, Tanh(Z));
        Check(Complex.Sqrt, Sqrt(Z));
        Check(z => Complex.Pow(z, 0.5), Pow(Z, 0.5));
        var abs = Abs(ComplexTensor.FromArray(new Complex[] { new(3, 4), new(-1e300, 1e300) }));
        Assert.Equal(5, abs[0]);
        Assert.Equal(Math.Sqrt(2) * 1e300, abs[1], 1e286); // no overflow
    }

    [Fact]
    public void RealDomainErrorsAreNaNAsInNumpy()
    {
        var t = Tensor.FromArray(new double[] { -1, 0 });
        Assert.True(double.IsNaN(Log(t)[0]));
        Assert.Equal(double.NegativeInfinity, Log(t)[1]);
        Assert.True(double.IsNaN(Sqrt(t)[0]));
        Assert.Equal(new Complex(0, 1), Sqrt(ComplexTensor.FromTensor(t))[0]);
    }

    [Fact]
    public void MapAppliesTheFunctionAndKeepsTheShape()
    {
        // The seed's map_plus_half: m = [[1, 2], [3, 4]] → [[1.5, 2.5], [3.5, 4.5]].
        var m = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var r = Map(m, x => x + 0.5);
        Assert.Equal(new[] { 2, 2 }, r.Shape);
        Assert.Equal(new[] { 1.5, 2.5, 3.5, 4.5 }, r.ToArray());
        Assert.Equal(Math.Sin(2), Map(m, Math.Sin)[0, 1]);
        var c = Map(ComplexTensor.FromTensor(m), z => z * Complex.ImaginaryOne);
        Assert.Equal(new Complex(0, 4), c[1, 1]);
        Assert.Throws<ArgumentNullException>(() => Map(m, null!));
        Assert.Throws<ArgumentNullException>(() => Map((Tensor)null!, x => x));
    }

    [Fact]
    public void InputsAreNotModified()
    {
        var before = X.ToArray();
        _ = Exp(X);
        _ = Pow(X, 2);
        Assert.Equal(before, X.ToArray());
    }
}
