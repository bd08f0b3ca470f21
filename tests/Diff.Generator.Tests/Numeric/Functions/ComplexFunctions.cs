using System.Numerics;
using Diff;

namespace Diff.Generator.Tests.Numeric.Functions;

/// <summary>System.Numerics.Complex: constructor, operators, members, functions, implicit double→Complex.</summary>
public static partial class Cplx
{
    /// <summary>z·w + z/w − w (holomorphic in both).</summary>
    [Differentiable]
    public static Complex Operators(Complex z, Complex w) => z * w + z / w - w;

    /// <summary>Complex with double operands and unary minus: −z·a + (a − z)/2 + 3.</summary>
    [Differentiable]
    public static Complex MixedOperands(Complex z, double a) => -z * a + (a - z) / 2.0 + 3;

    /// <summary>new Complex(ab, a − b): a complex output of real inputs (so a complex Jacobian).</summary>
    [Differentiable]
    public static Complex Constructor(double a, double b) => new Complex(a * b, a - b);

    /// <summary>Re z · Im z + |z|: a real output of a complex input.</summary>
    [Differentiable]
    public static double Members(Complex z) => z.Real * z.Imaginary + z.Magnitude;

    /// <summary>arg z.</summary>
    [Differentiable]
    public static double Phase(Complex z) => z.Phase;

    /// <summary>conj(z)·z + conj(w)·z: not holomorphic.</summary>
    [Differentiable]
    public static Complex Conjugate(Complex z, Complex w) => Complex.Conjugate(z) * z + Complex.Conjugate(w) * z;

    /// <summary>eᶻ + log z · √z.</summary>
    [Differentiable]
    public static Complex ExpLogSqrt(Complex z) => Complex.Exp(z) + Complex.Log(z) * Complex.Sqrt(z);

    /// <summary>z^w.</summary>
    [Differentiable]
    public static Complex Pow(Complex z, Complex w) => Complex.Pow(z, w);

    /// <summary>z^p with a real exponent (complex and real inputs together: no Jacobian).</summary>
    [Differentiable]
    public static Complex PowReal(Complex z, double p) => Complex.Pow(z, p);

    /// <summary>sin z · cos z.</summary>
    [Differentiable]
    public static Complex SinCos(Complex z) => Complex.Sin(z) * Complex.Cos(z);

    /// <summary>r·e^(iθ).</summary>
    [Differentiable]
    public static Complex Polar(double r, double theta) => Complex.FromPolarCoordinates(r, theta);

    /// <summary>Implicit double→Complex: with z = x, z² + i·x.</summary>
    [Differentiable]
    public static Complex Implicit(double x)
    {
        Complex z = x;
        return z * z + Complex.ImaginaryOne * x;
    }

    /// <summary>Compound assignment on a complex local: (1·z + z² − 2)/z = 1 + z − 2/z.</summary>
    [Differentiable]
    public static Complex Compound(Complex z)
    {
        Complex acc = 1;
        acc *= z;
        acc += z * z;
        acc -= 2;
        acc /= z;
        return acc;
    }

    /// <summary>Real input, complex intermediates, real output: Re e^(z²) + Re(z·conj z) + |e^(z²)| with z = x + iy.</summary>
    [Differentiable]
    public static double Intermediate(double x, double y)
    {
        Complex z = new Complex(x, y);
        Complex e = Complex.Exp(z * z);
        return e.Real + (z * Complex.Conjugate(z)).Real + e.Magnitude;
    }

    /// <summary>A reassigned complex parameter: z ← z² + c, twice (two Mandelbrot steps).</summary>
    [Differentiable]
    public static Complex ReassignedParameter(Complex z, Complex c)
    {
        z = z * z + c;
        z = z * z + c;
        return z;
    }

    /// <summary>Imaginary part of a complex function of a real: Im(e^(ix)·x) = x·sin x, through Complex.ImaginaryOne.</summary>
    [Differentiable]
    public static double ImaginaryOfReal(double x) => (Complex.Exp(Complex.ImaginaryOne * x) * x).Imaginary;
}
