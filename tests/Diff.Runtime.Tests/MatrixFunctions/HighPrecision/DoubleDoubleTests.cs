using System;
using Xunit;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>The double-double arithmetic behind the reference exponential, against exact identities and known constants.</summary>
public class DoubleDoubleTests
{
    /// <summary>e to 60 digits.</summary>
    private static readonly DoubleDouble E = DoubleDouble.Parse("2.718281828459045235360287471352662497757247093699959574966968");

    private static double RelativeError(DoubleDouble x, DoubleDouble y) =>
        Math.Abs((x - y).ToDouble()) / Math.Abs(y.ToDouble());

    [Fact]
    public void ErrorFreeTransformationsAreExact()
    {
        // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the product rounds to 1 + 2⁻²⁹ and the error term is 2⁻⁶⁰.
        double a = 1 + Math.ScaleB(1, -30);
        (double p, double e) = DoubleDouble.TwoProd(a, a);
        Assert.Equal(1 + Math.ScaleB(1, -29), p);
        Assert.Equal(Math.ScaleB(1, -60), e);
        // 1 + 2⁻⁶⁰ rounds to 1; TwoSum recovers 2⁻⁶⁰ in either order.
        Assert.Equal((1.0, Math.ScaleB(1, -60)), DoubleDouble.TwoSum(1, Math.ScaleB(1, -60)));
        Assert.Equal((1.0, Math.ScaleB(1, -60)), DoubleDouble.TwoSum(Math.ScaleB(1, -60), 1));
        Assert.Equal((1.0, Math.ScaleB(1, -60)), DoubleDouble.FastTwoSum(1, Math.ScaleB(1, -60)));
    }

    [Fact]
    public void SumsKeepWhatDoubleLoses()
    {
        // (1 + 1e-20) − 1 = 1e-20 exactly in double-double (to its own rounding), and 0 in double.
        DoubleDouble x = (DoubleDouble.One + 1e-20) - DoubleDouble.One;
        Assert.Equal(1e-20, x.ToDouble());
        DoubleDouble third = DoubleDouble.One / 3.0;
        Assert.True(Math.Abs((third * 3.0 - DoubleDouble.One).ToDouble()) <= 1e-31);
        Assert.True(Math.Abs((third + third + third - DoubleDouble.One).ToDouble()) <= 1e-31);
        DoubleDouble seventh = new DoubleDouble(22) / new DoubleDouble(7);
        Assert.True(RelativeError(seventh * new DoubleDouble(7), 22) <= 1e-31);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(1e-20)]
    [InlineData(12345.678)]
    public void SquareRootSquaresBack(double x)
    {
        DoubleDouble r = DoubleDouble.Sqrt(x);
        Assert.True(RelativeError(r * r, x) <= 1e-31, $"{r * r}");
    }

    [Fact]
    public void ParsedConstantsAgreeWithDoubleAndWithEachOther()
    {
        Assert.Equal(Math.PI, DoubleDouble.Pi.ToDouble());
        Assert.Equal(Math.Log(2), DoubleDouble.Ln2.ToDouble());
        Assert.Equal(Math.E, E.ToDouble());
        // The low part of π is known: π − fl(π) ≈ 1.2246467991473532e-16.
        Assert.True(Math.Abs(DoubleDouble.Pi.Lo - 1.2246467991473532e-16) <= 1e-31);
        Assert.Equal(-1.25e-3, DoubleDouble.Parse("-12.5e-4").ToDouble());
    }

    [Fact]
    public void ExpMatchesConstants()
    {
        Assert.True(RelativeError(DoubleDouble.Exp(1), E) <= 1e-30);
        Assert.True(RelativeError(DoubleDouble.Exp(-1), DoubleDouble.One / E) <= 1e-30);
        Assert.True(RelativeError(DoubleDouble.Exp(0.5) * DoubleDouble.Exp(0.5), E) <= 1e-30);
        // e^(k ln 2) = 2ᵏ.
        foreach (int k in new[] { 1, 10, -7, 100, -300, 1000 })
            Assert.True(RelativeError(DoubleDouble.Exp(DoubleDouble.Ln2 * k), Math.ScaleB(1, k)) <= 1e-29, $"k={k}");
        // e^10 from e by repeated multiplication.
        DoubleDouble e10 = DoubleDouble.One;
        for (int i = 0; i < 10; i++)
            e10 *= E;
        Assert.True(RelativeError(DoubleDouble.Exp(10), e10) <= 1e-30);
    }

    [Fact]
    public void CosSinMatchKnownValues()
    {
        DoubleDouble half = 0.5, r3 = DoubleDouble.Sqrt(3) * half;
        (DoubleDouble c, DoubleDouble s) = DoubleDouble.CosSin(DoubleDouble.Pi / 6.0);
        Assert.True(RelativeError(c, r3) <= 1e-30 && RelativeError(s, half) <= 1e-30, $"{c}, {s}");
        (c, s) = DoubleDouble.CosSin(DoubleDouble.Pi * 101.0 / 3.0); // 33π + 2π/3 ≡ π + 2π/3 = 5π/3
        Assert.True(RelativeError(c, half) <= 1e-29 && RelativeError(s, -r3) <= 1e-29, $"{c}, {s}");
        foreach (double y in new[] { 0.1, 1.0, 2.5, -3.0, 1e3 })
        {
            (c, s) = DoubleDouble.CosSin(y);
            Assert.True(Math.Abs((c * c + s * s - DoubleDouble.One).ToDouble()) <= 1e-30, $"y={y}");
            Assert.True(Math.Abs(c.ToDouble() - Math.Cos(y)) <= 2e-16 && Math.Abs(s.ToDouble() - Math.Sin(y)) <= 2e-16, $"y={y}");
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-2.75)]
    [InlineData(17.5)]
    [InlineData(300.0)]
    [InlineData(600.0)] // e^(−600) ≈ 2.7e-261 still has a normal low part; e^(−700) would not
    public void ExpTimesExpOfMinusIsOne(double x)
    {
        DoubleDouble p = DoubleDouble.Exp(x) * DoubleDouble.Exp(-x);
        Assert.True(RelativeError(p, 1) <= 1e-29, $"{p}");
        Assert.True(Math.Abs(DoubleDouble.Exp(x).ToDouble() - Math.Exp(x)) <= 2e-16 * Math.Exp(x));
    }
}
