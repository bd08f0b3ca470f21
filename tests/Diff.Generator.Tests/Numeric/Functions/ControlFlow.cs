using System;
using System.Numerics;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>if/else, the conditional operator and several returns.</summary>
public static partial class Flow
{
    /// <summary>r = x > y ? xy : x/y, written with if/else, then r + x.</summary>
    [Differentiable]
    public static double IfElse(double x, double y)
    {
        double r;
        if (x > y)
        {
            r = x * y;
        }
        else
        {
            r = x / y;
        }
        return r + x;
    }

    /// <summary>x > 0 ? sin x · y : y²·x.</summary>
    [Differentiable]
    public static double Conditional(double x, double y) => x > 0 ? Math.Sin(x) * y : y * y * x;

    /// <summary>Several returns chosen by an int and by the sign of x.</summary>
    [Differentiable]
    public static double SeveralReturns(double x, int n)
    {
        if (n == 0)
            return x;
        if (n == 1)
            return x * x;
        if (x < 0)
            return -x * x * x;
        return Math.Exp(x);
    }

    /// <summary>Nested if/else that reassigns a parameter on some paths.</summary>
    [Differentiable]
    public static double Nested(double x, double y)
    {
        double s = 0;
        if (x > 0)
        {
            if (y > 0)
                s = x * y;
            else
            {
                x = x * 2;
                s = x - y;
            }
        }
        else if (y > 1)
            s = Math.Exp(x) * y;
        else
            s = x * x;
        return s + x * y;
    }

    /// <summary>A branch on a complex member, and a conditional expression of complex values.</summary>
    [Differentiable]
    public static Complex ComplexBranch(Complex z)
    {
        if (z.Real > 0)
            return z * z;
        Complex w = z.Imaginary > 0 ? Complex.Exp(z) : -z;
        return w + 1;
    }

    /// <summary>A condition that compares the values being differentiated after an update, with an early return inside.</summary>
    [Differentiable]
    public static double EarlyReturn(double x, double y)
    {
        double t = x * y;
        if (t > 1)
        {
            t = t - 1;
            return t * t + y;
        }
        t = t + 1;
        return t * x;
    }
}
