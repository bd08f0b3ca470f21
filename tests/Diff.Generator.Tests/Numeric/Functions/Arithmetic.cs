using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>Straight-line real arithmetic: operators, literals, compound assignment, reassigned parameters, constants.</summary>
public static partial class Arith
{
    /// <summary>3x²y − 2y/x + 7 − x.</summary>
    [Differentiable]
    public static double Poly(double x, double y) => 3 * x * x * y - 2 * y / x + 7 - x;

    /// <summary>−(xy) + (−x), twice unary minus.</summary>
    [Differentiable]
    public static double Negate(double x, double y) => -(x * y) + -x - -y;

    /// <summary>Every compound assignment: ((x + y)·x − y²)/y = x²/y + x − y.</summary>
    [Differentiable]
    public static double Compound(double x, double y)
    {
        double a = x;
        a += y;
        a *= x;
        a -= y * y;
        a /= y;
        return a;
    }

    /// <summary>Both parameters reassigned; the result is x·y by algebra, reached the long way.</summary>
    [Differentiable]
    public static double Reassign(double x, double y)
    {
        x = x * y;          // xy
        y = x + y;          // xy + y
        x = x / y;          // x/(x + 1) in the original x
        return x * y;       // xy
    }

    /// <summary>(x − y)/(x + y).</summary>
    [Differentiable]
    public static double Quotient(double x, double y) => (x - y) / (x + y);

    /// <summary>Literals of several forms: 2.5x − 10⁻³/x + 4 + 1000·x + .5·x, and an int literal widened (3·x).</summary>
    [Differentiable]
    public static double Literals(double x) => 2.5 * x - 1e-3 / x + 4 + 1_000.0 * x + .5 * x + 3 * x;

    /// <summary>An int parameter and an int local are constants: x·n + m·x·x with m = 2n − 1.</summary>
    [Differentiable]
    public static double IntParameter(double x, int n)
    {
        int m = 2 * n - 1;
        return x * n + m * x * x;
    }

    /// <summary>A [NoDerivative] parameter is a constant: c·x² + c² + x.</summary>
    [Differentiable]
    public static double NoDerivativeParameter(double x, [NoDerivative] double c) => c * x * x + c * c + x;

    /// <summary>Constant parameters between differentiable ones: x·y·n + scale·y².</summary>
    [Differentiable]
    public static double MixedParameters(double x, [NoDerivative] double scale, double y, int n) => x * y * n + scale * y * y;

    /// <summary>A local reassigned from itself many times (a chain of dependent temporaries).</summary>
    [Differentiable]
    public static double Chain(double x)
    {
        double t = x;
        t = t * t;
        t = t + x;
        t = t * x;
        t = t - 1;
        return t / 2;   // (x³ + x² − 1)/2
    }
}
