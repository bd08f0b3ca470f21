using System;
using System.Numerics;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>for loops with int counters and values carried from one iteration to the next.</summary>
public static partial class Loops
{
    /// <summary>The example of STYLE.md: v ← k·sin v, steps times, then v².</summary>
    [Differentiable]
    public static double Damped(double x, double k, int steps)
    {
        double v = x;
        for (int i = 0; i < steps; i++)
            v = Math.Sin(v) * k;
        return v * v;
    }

    /// <summary>Σ_{i&lt;n} (x·i + y²) = x·n(n−1)/2 + n·y²: a sum with a loop-counter-dependent term.</summary>
    [Differentiable]
    public static double Sum(double x, double y, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
            s += x * i + y * y;
        return s;
    }

    /// <summary>xⁿ by repeated multiplication.</summary>
    [Differentiable]
    public static double Power(double x, int n)
    {
        double p = 1;
        for (int i = 0; i < n; i++)
            p *= x;
        return p;
    }

    /// <summary>Two carried values updated from each other: a rotation-and-shrink of (u, v).</summary>
    [Differentiable]
    public static double TwoCarried(double x, double y, double a, int n)
    {
        double u = x;
        double v = y;
        for (int i = 0; i < n; i++)
        {
            double t = a * (u * Math.Cos(0.1) - v * Math.Sin(0.1));
            v = a * (u * Math.Sin(0.1) + v * Math.Cos(0.1));
            u = t;
        }
        return u * u + 3 * v;
    }

    /// <summary>A complex carried value: w ← w·z + a, n times from w = 1 (Horner's scheme).</summary>
    [Differentiable]
    public static Complex Horner(Complex z, double a, int n)
    {
        Complex w = 1;
        for (int i = 0; i < n; i++)
            w = w * z + a;
        return w;
    }

    /// <summary>Real in, real out, a complex value carried through the loop: Re (e^(ix))ⁿ = cos nx.</summary>
    [Differentiable]
    public static double Rotation(double x, int n)
    {
        Complex w = 1;
        Complex step = new Complex(Math.Cos(x), Math.Sin(x));
        for (int i = 0; i < n; i++)
            w *= step;
        return w.Real;
    }

    /// <summary>Nested loops: s ← s/2 + t, where t runs t ← t·y + 1 from t = x, m times.</summary>
    [Differentiable]
    public static double Nested(double x, double y, int n, int m)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double t = x;
            for (int j = 0; j < m; j++)
                t = t * y + 1;
            s = s / 2 + t;
        }
        return s;
    }

    /// <summary>A branch inside a loop: v ← v > 0 ? v·k − 1 : v·v + k.</summary>
    [Differentiable]
    public static double BranchInLoop(double x, double k, int n)
    {
        double v = x;
        for (int i = 0; i < n; i++)
        {
            if (v > 0)
                v = v * k - 1;
            else
                v = v * v * 0.5 + k;
        }
        return v;
    }

    /// <summary>A loop whose bound is a constant expression and whose counter is used as a value: Σ sin(x·i)/(i + 1).</summary>
    [Differentiable]
    public static double CounterAsValue(double x)
    {
        double s = 0;
        for (int i = 1; i <= 5; i++)
            s += Math.Sin(x * i) / (i + 1);
        return s;
    }

    /// <summary>A return from inside the loop: v ← v·k + 0.5 until v exceeds 3, then v·k; −v if it never does.</summary>
    [Differentiable]
    public static double ReturnInLoop(double x, double k, int n)
    {
        double v = x;
        for (int i = 0; i < n; i++)
        {
            if (v > 3)
                return v * k;
            v = v * k + 0.5;
        }
        return -v;
    }

    /// <summary>A reassigned parameter carried by the loop: x ← x·(1 − h) + h·c.</summary>
    [Differentiable]
    public static double ParameterCarried(double x, double c, int n)
    {
        for (int i = 0; i < n; i++)
            x = x * 0.999 + 0.001 * c;
        return x;
    }
}
