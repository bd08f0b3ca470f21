using System;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>Every System.Math function Diff differentiates.</summary>
public static partial class MathFns
{
    /// <summary>sin x · cos y + tan(xy).</summary>
    [Differentiable]
    public static double Trig(double x, double y) => Math.Sin(x) * Math.Cos(y) + Math.Tan(x * y);

    /// <summary>asin x + acos(xy) + atan y.</summary>
    [Differentiable]
    public static double InverseTrig(double x, double y) => Math.Asin(x) + Math.Acos(x * y) + Math.Atan(y);

    /// <summary>atan2(y, x).</summary>
    [Differentiable]
    public static double Atan2(double y, double x) => Math.Atan2(y, x);

    /// <summary>sinh x + cosh(xy) + tanh y.</summary>
    [Differentiable]
    public static double Hyperbolic(double x, double y) => Math.Sinh(x) + Math.Cosh(x * y) + Math.Tanh(y);

    /// <summary>eˣ·ln y + log₁₀ x + log₂ y.</summary>
    [Differentiable]
    public static double ExpLog(double x, double y) => Math.Exp(x) * Math.Log(y) + Math.Log10(x) + Math.Log2(y);

    /// <summary>log_y x, the two-argument logarithm.</summary>
    [Differentiable]
    public static double LogBase(double x, double y) => Math.Log(x, y);

    /// <summary>√x + ∛y.</summary>
    [Differentiable]
    public static double Roots(double x, double y) => Math.Sqrt(x) + Math.Cbrt(y);

    /// <summary>x^y.</summary>
    [Differentiable]
    public static double Pow(double x, double y) => Math.Pow(x, y);

    /// <summary>x³ + 2ˣ, Pow with a constant exponent and with a constant base.</summary>
    [Differentiable]
    public static double PowConstant(double x) => Math.Pow(x, 3) + Math.Pow(2, x);

    /// <summary>|xy| − |y|.</summary>
    [Differentiable]
    public static double Abs(double x, double y) => Math.Abs(x * y) - Math.Abs(y);

    /// <summary>min(x, y) · max(x, 2y).</summary>
    [Differentiable]
    public static double MinMax(double x, double y) => Math.Min(x, y) * Math.Max(x, 2 * y);

    /// <summary>clamp(xy, −1, 1) + x, and clamp with differentiable bounds: clamp(x, y − 1, y + 1).</summary>
    [Differentiable]
    public static double Clamp(double x, double y) => Math.Clamp(x * y, -1.0, 1.0) + x + Math.Clamp(x, y - 1, y + 1);

    /// <summary>The piecewise-constant functions, whose derivative is zero: ⌊x⌋·x + sign(y)·y + ⌈x⌉ + round(y)·x + trunc(xy).</summary>
    [Differentiable]
    public static double PiecewiseConstant(double x, double y)
    {
#pragma warning disable DIFF0009 // the zero derivative is what this case tests
        return Math.Floor(x) * x + Math.Sign(y) * y + Math.Ceiling(x) + Math.Round(y) * x + Math.Truncate(x * y);
#pragma warning restore DIFF0009
    }

    /// <summary>The normal density: e^(−x²/2)/√(2π), with Math.PI and Math.E as constants.</summary>
    [Differentiable]
    public static double Gaussian(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI) + Math.E * x;
}
