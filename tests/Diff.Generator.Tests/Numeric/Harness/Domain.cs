using System;
using System.Numerics;

namespace Diff.Generator.Tests.Numeric.Harness;

/// <summary>Where a case draws the value of one differentiable input.</summary>
public sealed record Domain(double ReLo, double ReHi, double ImLo = 0, double ImHi = 0, bool RandomSign = false)
{
    /// <summary>A real interval.</summary>
    public static Domain Real(double lo, double hi) => new(lo, hi);

    /// <summary>±[lo, hi]: a real interval and its mirror, away from zero.</summary>
    public static Domain AwayFromZero(double lo, double hi) => new(lo, hi, RandomSign: true);

    /// <summary>A rectangle of the complex plane.</summary>
    public static Domain Plane(double reLo, double reHi, double imLo, double imHi) => new(reLo, reHi, imLo, imHi);

    /// <summary>Draws a point.</summary>
    public System.Numerics.Complex Draw(Random random)
    {
        double re = ReLo + (ReHi - ReLo) * random.NextDouble();
        if (RandomSign && random.Next(2) == 0)
            re = -re;
        double im = ImLo + (ImHi - ImLo) * random.NextDouble();
        return new System.Numerics.Complex(re, im);
    }
}
