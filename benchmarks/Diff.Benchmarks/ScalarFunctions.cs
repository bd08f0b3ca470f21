using System;
using Diff;

namespace Diff.Benchmarks;

/// <summary>The scalar functions the benchmarks differentiate.</summary>
public static partial class ScalarFunctions
{
    /// <summary>
    /// Twenty operations on three inputs: eight multiplications and divisions, six additions and subtractions,
    /// and six calls of System.Math (sin, cos, exp, log, sqrt, tanh).
    /// </summary>
    [Differentiable]
    public static double Twenty(double x, double y, double z)
    {
        double a = x * y;                       // 1
        double b = Math.Sin(a) + z;             // 2, 3
        double c = Math.Exp(-b * b);            // 4, 5, 6
        double d = c * x - y / z;               // 7, 8, 9
        double e = Math.Log(1 + d * d);         // 10, 11, 12
        double f = Math.Sqrt(e + x * x);        // 13, 14, 15
        double g = Math.Cos(f) * Math.Tanh(y);  // 16, 17, 18
        return g * f - e;                       // 19, 20
    }

    /// <summary>The loop of STYLE.md: v ← k·sin v, steps times, then v².</summary>
    [Differentiable]
    public static double Damped(double x, double k, int steps)
    {
        double v = x;
        for (int i = 0; i < steps; i++)
            v = Math.Sin(v) * k;
        return v * v;
    }
}
