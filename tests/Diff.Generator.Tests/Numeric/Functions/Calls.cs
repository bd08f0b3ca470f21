using System;
using System.Numerics;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>Calls to other [Differentiable] methods and to methods with registered derivatives.</summary>
public static partial class Calls
{
    /// <summary>h(x) = x² + sin x, called below.</summary>
    [Differentiable]
    public static double Helper(double x) => x * x + Math.Sin(x);

    /// <summary>h(xy) + y·h(y): two calls to a [Differentiable] method of the same type.</summary>
    [Differentiable]
    public static double SameType(double x, double y) => Helper(x * y) + y * Helper(y);

    /// <summary>Arith.Poly(x, 2x) + Arith.IntParameter(x, 3): calls into another partial type, one with an int argument.</summary>
    [Differentiable]
    public static double OtherType(double x) => Arith.Poly(x, 2 * x) + Arith.IntParameter(x, 3);

    /// <summary>A call with a [NoDerivative] parameter given a constant: NoDerivativeParameter(x, 1.5)·y.</summary>
    [Differentiable]
    public static double NoDerivativeArgument(double x, double y) => Arith.NoDerivativeParameter(x, 1.5) * y;

    /// <summary>A complex helper: g(z) = z² + i.</summary>
    [Differentiable]
    public static Complex ComplexHelper(Complex z) => z * z + Complex.ImaginaryOne;

    /// <summary>g(z)·z, and g of a real argument converted implicitly: g(z)·z + g(x)·x.</summary>
    [Differentiable]
    public static Complex ComplexCalls(Complex z, double x) => ComplexHelper(z) * z + ComplexHelper(x) * x;

    /// <summary>A chain of calls through a loop: Damped from Loops, inside a loop.</summary>
    [Differentiable]
    public static double CallInLoop(double x, double k)
    {
        double s = 0;
        for (int i = 0; i < 3; i++)
            s += Loops.Damped(x + s * 0.1, k, 2);
        return s;
    }

    /// <summary>softplus(x) = ln(1 + eˣ), without [Differentiable]: its derivatives are registered below.</summary>
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    /// <summary>The registered adjoint of <see cref="Softplus"/>: σ(x)·seed.</summary>
    [AdjointOf(nameof(Softplus))]
    public static (double Value, double x) SoftplusAdjoint(double x, double seed) =>
        (Softplus(x), seed / (1 + Math.Exp(-x)));

    /// <summary>The registered tangent of <see cref="Softplus"/>: σ(x)·dx.</summary>
    [TangentOf(nameof(Softplus))]
    public static (double Value, double Tangent) SoftplusTangent(double x, double dx) =>
        (Softplus(x), dx / (1 + Math.Exp(-x)));

    /// <summary>softplus(xy) + y: uses the registrations of the same type.</summary>
    [Differentiable]
    public static double UsesRegistered(double x, double y) => Softplus(x * y) + y;

    /// <summary>Special.Gauss(x)·x + Special.Gauss(y): uses registrations made in another type.</summary>
    [Differentiable]
    public static double UsesRegisteredElsewhere(double x, double y) => Special.Gauss(x) * x + Special.Gauss(y);
}

/// <summary>A type with a plain method whose derivatives another type registers.</summary>
public static class Special
{
    /// <summary>e^(−x²).</summary>
    public static double Gauss(double x) => Math.Exp(-x * x);
}

/// <summary>Derivatives of <see cref="Special.Gauss"/>, registered from outside its type.</summary>
public static partial class SpecialRules
{
    /// <summary>Adjoint of e^(−x²): −2x·e^(−x²)·seed.</summary>
    [AdjointOf(typeof(Special), nameof(Special.Gauss))]
    public static (double Value, double x) GaussAdjoint(double x, double seed)
    {
        double g = Math.Exp(-x * x);
        return (g, -2 * x * g * seed);
    }

    /// <summary>Tangent of e^(−x²): −2x·e^(−x²)·dx.</summary>
    [TangentOf(typeof(Special), nameof(Special.Gauss))]
    public static (double Value, double Tangent) GaussTangent(double x, double dx)
    {
        double g = Math.Exp(-x * x);
        return (g, -2 * x * g * dx);
    }
}
