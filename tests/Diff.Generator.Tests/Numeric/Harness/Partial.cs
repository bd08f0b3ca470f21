using System.Numerics;

namespace Diff.Generator.Tests.Numeric.Harness;

/// <summary>
/// The derivative of a (real or complex) output F with respect to one differentiable input, as
/// the two real partials ∂F/∂Re and ∂F/∂Im (each complex when F is complex; ∂F/∂Im is unused for a real input).
/// </summary>
public readonly record struct Partial(Complex DRe, Complex DIm)
{
    /// <summary>For a real input: dF/dx.</summary>
    public static Partial Real(Complex d) => new(d, Complex.Zero);

    /// <summary>For a holomorphic F of a complex input: ∂F/∂Re = F′, ∂F/∂Im = i·F′.</summary>
    public static Partial Holomorphic(Complex derivative) => new(derivative, Complex.ImaginaryOne * derivative);

    /// <summary>For a real F of a complex input z = a + ib: the real partials ∂F/∂a and ∂F/∂b.</summary>
    public static Partial RealOfComplex(double dA, double dB) => new(dA, dB);

    /// <summary>The directional derivative along the (complex, for a complex input) direction <paramref name="d"/>.</summary>
    public Complex Along(Complex d) => DRe * d.Real + DIm * d.Imaginary;

    /// <summary>
    /// The adjoint for the cotangent <paramref name="seed"/> (API.md): with L = Re(conj(seed)·F),
    /// ∂L/∂Re + i·∂L/∂Im; for a real input only the first term.
    /// </summary>
    public Complex Adjoint(Complex seed, bool complexInput)
    {
        double re = (Complex.Conjugate(seed) * DRe).Real;
        double im = complexInput ? (Complex.Conjugate(seed) * DIm).Real : 0;
        return new Complex(re, im);
    }
}
