using System;
using System.Numerics;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>
/// <c>[Differentiable(nameof(…))]</c>: only the named parameters are inputs; every other one is a constant, like a
/// <c>[NoDerivative]</c> one, even where the result depends on it.
/// </summary>
public static partial class Chosen
{
    /// <summary>x²·y + sin y, differentiated in y alone: x is a constant although the result depends on it.</summary>
    [Differentiable(nameof(y))]
    public static double OnlySecond(double x, double y) => x * x * y + Math.Sin(y);

    /// <summary>
    /// x·z² + c·exp(c·z) + x·c with the names listed out of order: the members follow the parameters' order (x, then z);
    /// c is a constant.
    /// </summary>
    [Differentiable(nameof(z), nameof(x))]
    public static Complex OutOfOrder(double x, double c, Complex z) => x * z * z + c * Complex.Exp(c * z) + x * c;

    /// <summary>A list beside [NoDerivative] and int parameters: a·b·n + s·a², differentiated in a alone.</summary>
    [Differentiable(nameof(a))]
    public static double BesideOthers(double a, [NoDerivative] double s, double b, int n) => a * b * n + s * a * a;

    /// <summary>A call to a method with a list, its constant given a constant: OnlySecond(1.5, y)·y.</summary>
    [Differentiable]
    public static double CallsChosen(double y) => OnlySecond(1.5, y) * y;

    /// <summary>Names written as strings are the same as nameof: (u + v)·w², differentiated in u and w.</summary>
    [Differentiable("u", "w")]
    public static double Strings(double u, double v, double w) => (u + v) * w * w;
}
