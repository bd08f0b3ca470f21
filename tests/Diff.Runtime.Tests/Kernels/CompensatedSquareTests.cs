using System;
using System.Numerics;
using Diff.Kernels;
using Diff.Runtime.Tests.MatrixFunctions.HighPrecision;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.Kernels;

/// <summary>The compensated squaring of the exponential's squaring phase (<see cref="CompensatedSquare"/>).</summary>
public class CompensatedSquareTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(16)]
    public void NormBoundLiesBetweenTheNormAndRootTwoTimesIt(int n)
    {
        ComplexTensor c = RandomComplex(n, 80 + n, 3);
        double exact = OneNorm(c.Data, n);
        Assert.InRange(CompensatedSquare.NormBound<Complex>(c.Data, n), exact * (1 - 1e-14), Math.Sqrt(2) * exact * (1 + 1e-14));
        Tensor r = RandomReal(n, 90 + n, 3);
        Assert.Equal(OneNorm(r.Data, n), CompensatedSquare.NormBound<double>(r.Data, n), 1e-13 * OneNorm(r.Data, n));
    }

    /// <summary>R = e^t(I + t·N), N = (b/2)[[−1, 1], [−1, 1]] nilpotent: R² = e^(2t)(I + 2t·N), with ρ ≈ t·b/2.</summary>
    private static double[] Cancelling(double tb) =>
        [Math.E * (1 - tb / 2), Math.E * tb / 2, -Math.E * tb / 2, Math.E * (1 + tb / 2)];

    private static double[] Plain(double[] r, int n)
    {
        var c = new double[n * n];
        Dense.Square<double>(r, r, c, n);
        return c;
    }

    /// <summary>‖X − R²‖₁/‖R²‖₁ with R² formed in double-double from the same (rounded) R.</summary>
    private static double ErrorAgainstExactSquare(double[] x, double[] r, int n)
    {
        ComplexDoubleDouble[] high = ReferenceExpm.FromReal(r);
        Complex[] exact = ReferenceExpm.ToComplex(ReferenceExpm.Multiply(high, high, n));
        return RelativeError(Array.ConvertAll(x, v => new Complex(v, 0)), exact, n);
    }

    [Theory]
    [InlineData(1e3)]
    [InlineData(1e5)]
    public void CancellingSquareIsRecomputedToAboutUnitRoundoff(double tb)
    {
        double[] r = Cancelling(tb);
        double[] square = Plain(r, 2);
        double plainError = ErrorAgainstExactSquare(square, r, 2);
        CompensatedSquare.Refine<double>(r, CompensatedSquare.NormBound<double>(r, 2), square, 2);
        double refinedError = ErrorAgainstExactSquare(square, r, 2);
        Assert.True(refinedError <= 2.3e-16, $"compensated {refinedError:E2}");
        Assert.True(plainError > 10 * refinedError, $"plain {plainError:E2}, compensated {refinedError:E2}");

        // The same through the complex kernel, with a phase so that both parts are used.
        Complex phase = Complex.FromPolarCoordinates(1, 0.3);
        Complex[] rc = Array.ConvertAll(r, v => v * phase);
        var squareC = new Complex[4];
        Dense.Square<Complex>(rc, rc, squareC, 2);
        CompensatedSquare.Refine<Complex>(rc, CompensatedSquare.NormBound<Complex>(rc, 2), squareC, 2);
        ComplexDoubleDouble[] high = ReferenceExpm.FromComplex(rc);
        Complex[] exact = ReferenceExpm.ToComplex(ReferenceExpm.Multiply(high, high, 2));
        Assert.True(RelativeError(squareC, exact, 2) <= 4.5e-16, $"complex compensated {RelativeError(squareC, exact, 2):E2}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    public void SquareWithoutCancellationIsLeftAsComputed(int n)
    {
        // e^X for a small random X is close to I: R² does not cancel, so the plain product stands, bit for bit.
        Tensor x = RandomReal(n, 100 + n, 0.1);
        double[] r = Ops.Expm(x).Data;
        double[] square = Plain(r, n);
        double[] copy = (double[])square.Clone();
        CompensatedSquare.Refine<double>(r, CompensatedSquare.NormBound<double>(r, n), square, n);
        Assert.Equal(copy, square);
    }
}
