using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

public class TensorOperatorTests
{
    private static readonly Tensor A = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
    private static readonly Tensor B = Tensor.FromArray(new double[,] { { 2, -1 }, { 0.5, 8 } });
    private static readonly ComplexTensor C = ComplexTensor.FromArray(new Complex[,] { { new(1, 1), new(0, 2) }, { new(3, 0), new(-1, -1) } });
    private static readonly ComplexTensor D = ComplexTensor.FromArray(new Complex[,] { { new(2, 0), new(1, 1) }, { new(0, -1), new(4, 2) } });
    private static readonly Complex S = new(2, -3);

    private static void Same(double[] expected, Tensor actual)
    {
        Assert.Equal(new[] { 2, 2 }, actual.Shape);
        Assert.Equal(expected, actual.ToArray());
    }

    private static void Same(Complex[] expected, ComplexTensor actual)
    {
        Assert.Equal(new[] { 2, 2 }, actual.Shape);
        Complex[] got = actual.ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Complex.Abs(expected[i] - got[i]) < 1e-14, $"element {i}: expected {expected[i]}, got {got[i]}");
    }

    [Fact]
    public void RealWithReal()
    {
        Same(new double[] { 3, 1, 3.5, 12 }, A + B);
        Same(new double[] { -1, 3, 2.5, -4 }, A - B);
        Same(new double[] { 2, -2, 1.5, 32 }, A * B);
        Same(new double[] { 0.5, -2, 6, 0.5 }, A / B);
        Same(new double[] { -1, -2, -3, -4 }, -A);
    }

    [Fact]
    public void RealWithDouble()
    {
        Same(new double[] { 3, 4, 5, 6 }, A + 2);
        Same(new double[] { 3, 4, 5, 6 }, 2 + A);
        Same(new double[] { -1, 0, 1, 2 }, A - 2);
        Same(new double[] { 1, 0, -1, -2 }, 2 - A);
        Same(new double[] { 3, 6, 9, 12 }, A * 3);
        Same(new double[] { 3, 6, 9, 12 }, 3 * A);
        Same(new double[] { 0.5, 1, 1.5, 2 }, A / 2);
        Same(new double[] { 12, 6, 4, 3 }, 12 / A);
    }

    [Fact]
    public void RealWithComplexScalarGivesComplex()
    {
        Same(new Complex[] { 1 + S, 2 + S, 3 + S, 4 + S }, A + S);
        Same(new Complex[] { 1 + S, 2 + S, 3 + S, 4 + S }, S + A);
        Same(new Complex[] { 1 - S, 2 - S, 3 - S, 4 - S }, A - S);
        Same(new Complex[] { S - 1, S - 2, S - 3, S - 4 }, S - A);
        Same(new Complex[] { new(2, -3), new(4, -6), new(6, -9), new(8, -12) }, A * S);
        Same(new Complex[] { new(2, -3), new(4, -6), new(6, -9), new(8, -12) }, S * A);
        Same(new Complex[] { 1 / S, 2 / S, 3 / S, 4 / S }, A / S);
        Same(new Complex[] { S, S / 2, S / 3, S / 4 }, S / A);
        // The propagator idiom of API.md: i·t·H.
        Same(new Complex[] { new(0, 0.5), new(0, 1), new(0, 1.5), new(0, 2) }, Complex.ImaginaryOne * 0.5 * A);
    }

    [Fact]
    public void ComplexWithComplex()
    {
        Same(new Complex[] { new(3, 1), new(1, 3), new(3, -1), new(3, 1) }, C + D);
        Same(new Complex[] { new(-1, 1), new(-1, 1), new(3, 1), new(-5, -3) }, C - D);
        // (1+i)·2 = 2+2i; 2i·(1+i) = −2+2i; 3·(−i) = −3i; (−1−i)(4+2i) = −4−2i−4i+2 = −2−6i
        Same(new Complex[] { new(2, 2), new(-2, 2), new(0, -3), new(-2, -6) }, C * D);
        Same(new Complex[] { new(0.5, 0.5), new(1, 1), new(0, 3), new(-0.3, -0.1) }, C / D);
        Same(new Complex[] { new(-1, -1), new(0, -2), new(-3, 0), new(1, 1) }, -C);
    }

    [Fact]
    public void ComplexWithScalars()
    {
        Same(new Complex[] { new(3, -2), new(2, -1), new(5, -3), new(1, -4) }, C + S);
        Same(new Complex[] { new(3, -2), new(2, -1), new(5, -3), new(1, -4) }, S + C);
        Same(new Complex[] { new(-1, 4), new(-2, 5), new(1, 3), new(-3, 2) }, C - S);
        Same(new Complex[] { new(1, -4), new(2, -5), new(-1, -3), new(3, -2) }, S - C);
        Same(new Complex[] { new Complex(1, 1) * S, new Complex(0, 2) * S, 3 * S, new Complex(-1, -1) * S }, C * S);
        Same(new Complex[] { new Complex(1, 1) * S, new Complex(0, 2) * S, 3 * S, new Complex(-1, -1) * S }, S * C);
        Same(new Complex[] { new Complex(1, 1) / S, new Complex(0, 2) / S, 3 / S, new Complex(-1, -1) / S }, C / S);
        Same(new Complex[] { S / new Complex(1, 1), S / new Complex(0, 2), S / 3, S / new Complex(-1, -1) }, S / C);
        Same(new Complex[] { new(3, 1), new(2, 2), new(5, 0), new(1, -1) }, C + 2);
        Same(new Complex[] { new(3, 1), new(2, 2), new(5, 0), new(1, -1) }, 2 + C);
        Same(new Complex[] { new(-1, 1), new(-2, 2), new(1, 0), new(-3, -1) }, C - 2);
        Same(new Complex[] { new(1, -1), new(2, -2), new(-1, 0), new(3, 1) }, 2 - C);
        Same(new Complex[] { new(2, 2), new(0, 4), new(6, 0), new(-2, -2) }, C * 2);
        Same(new Complex[] { new(2, 2), new(0, 4), new(6, 0), new(-2, -2) }, 2 * C);
        Same(new Complex[] { new(0.5, 0.5), new(0, 1), new(1.5, 0), new(-0.5, -0.5) }, C / 2);
        Same(new Complex[] { new(1, -1), new(0, -1), new(2.0 / 3, 0), new(-1, 1) }, 2 / C);
    }

    [Fact]
    public void MixedRealAndComplexTensors()
    {
        Same(new Complex[] { new(2, 1), new(2, 2), new(6, 0), new(3, -1) }, C + A);
        Same(new Complex[] { new(2, 1), new(2, 2), new(6, 0), new(3, -1) }, A + C);
        Same(new Complex[] { new(0, 1), new(-2, 2), new(0, 0), new(-5, -1) }, C - A);
        Same(new Complex[] { new(0, -1), new(2, -2), new(0, 0), new(5, 1) }, A - C);
        Same(new Complex[] { new(1, 1), new(0, 4), new(9, 0), new(-4, -4) }, C * A);
        Same(new Complex[] { new(1, 1), new(0, 4), new(9, 0), new(-4, -4) }, A * C);
        Same(new Complex[] { new(1, 1), new(0, 1), new(1, 0), new(-0.25, -0.25) }, C / A);
        Same(new Complex[] { new(0.5, -0.5), new(0, -1), new(1, 0), new(-2, 2) }, A / C);
    }

    [Fact]
    public void DivisionByARealKeepsInfiniteParts()
    {
        var c = ComplexTensor.FromArray(new Complex[] { new(1, double.PositiveInfinity) });
        Assert.Equal(new Complex(0.5, double.PositiveInfinity), (c / 2)[0]);
    }

    [Fact]
    public void ShapeMismatchNamesBothShapes()
    {
        var r = Tensor.Zeros(2, 3);
        var c = ComplexTensor.Zeros(3, 2);
        foreach (Func<object> op in new Func<object>[]
        {
            () => A + r, () => A - r, () => A * r, () => A / r,
            () => C + c, () => C - c, () => C * c, () => C / c,
            () => c + A, () => A + c, () => c - A, () => A - c, () => c * A, () => A * c, () => c / A, () => A / c,
        })
        {
            var e = Assert.Throws<ArgumentException>(() => op());
            Assert.Contains("(2, 2)", e.Message);
            Assert.True(e.Message.Contains("(2, 3)") || e.Message.Contains("(3, 2)"), e.Message);
        }
        // Same element count, different shape: still a mismatch (no silent reshaping, no broadcasting).
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(4) + Tensor.Zeros(2, 2));
    }

    [Fact]
    public void OperandsAreNotModified()
    {
        var a = Tensor.Arange(3);
        _ = a + a;
        _ = -a;
        _ = a * Complex.ImaginaryOne;
        Assert.Equal(new double[] { 0, 1, 2 }, a.ToArray());
    }

    [Fact]
    public void NullOperandsThrowArgumentNull()
    {
        Tensor? n = null;
        Assert.Throws<ArgumentNullException>(() => A + n!);
        Assert.Throws<ArgumentNullException>(() => n! * 2);
        Assert.Throws<ArgumentNullException>(() => C + (ComplexTensor)null!);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void ComplexProductsMatchSystemNumericsForAnyLength(int length)
    {
        // Covers the two-at-a-time vector path and its scalar tail.
        var r = new Random(length);
        var x = new Complex[length];
        var y = new Complex[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = new Complex(r.NextDouble() * 4 - 2, r.NextDouble() * 4 - 2);
            y[i] = new Complex(r.NextDouble() * 4 - 2, r.NextDouble() * 4 - 2);
        }
        Complex[] p = (ComplexTensor.FromArray(x) * ComplexTensor.FromArray(y)).ToArray();
        for (int i = 0; i < length; i++)
            Assert.True(Complex.Abs(p[i] - x[i] * y[i]) <= 1e-15 * 16, $"element {i}: {p[i]} vs {x[i] * y[i]}");
        Complex s = y[0];
        Complex[] q = (ComplexTensor.FromArray(x) * s).ToArray();
        for (int i = 0; i < length; i++)
            Assert.True(Complex.Abs(q[i] - x[i] * s) <= 1e-15 * 16, $"element {i}: {q[i]} vs {x[i] * s}");
    }
}
