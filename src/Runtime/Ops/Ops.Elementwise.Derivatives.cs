using System;
using System.Numerics;

namespace Diff;

// Registered derivatives of the elementwise kernels. For y = f(x) elementwise the tangent is f'(x)·dx
// and the adjoint x̄ = conj(f'(x))·ȳ (for a holomorphic f on complex tensors); where f' is a function of
// the value (Exp, Tanh, Sqrt) the computed value is reused.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="Exp(Tensor)"/>: y = eˣ and y·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Exp))]
    public static (Tensor Value, Tensor Tangent) ExpTangent(Tensor a, Tensor da)
    {
        Tensor y = Exp(a);
        return (y, y * da);
    }

    /// <summary>Forward mode of <see cref="Exp(ComplexTensor)"/>: y = eᶻ and y·dz.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Exp))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpTangent(ComplexTensor a, ComplexTensor da)
    {
        ComplexTensor y = Exp(a);
        return (y, y * da);
    }

    /// <summary>Reverse mode of <see cref="Exp(Tensor)"/>: y = eˣ and ā = y·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Exp))]
    public static (Tensor Value, Tensor a) ExpAdjoint(Tensor a, Tensor seed)
    {
        Tensor y = Exp(a);
        return (y, y * seed);
    }

    /// <summary>Reverse mode of <see cref="Exp(ComplexTensor)"/>: y = eᶻ and ā = conj(y)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Exp))]
    public static (ComplexTensor Value, ComplexTensor a) ExpAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        ComplexTensor y = Exp(a);
        return (y, ConjugateTimes(y, seed));
    }

    /// <summary>Forward mode of <see cref="Log(Tensor)"/>: log x and dx/x.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Log))]
    public static (Tensor Value, Tensor Tangent) LogTangent(Tensor a, Tensor da) => (Log(a), da / a);

    /// <summary>Forward mode of <see cref="Log(ComplexTensor)"/>: log z and dz/z.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Log))]
    public static (ComplexTensor Value, ComplexTensor Tangent) LogTangent(ComplexTensor a, ComplexTensor da) => (Log(a), da / a);

    /// <summary>Reverse mode of <see cref="Log(Tensor)"/>: log x and ā = seed/x.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Log))]
    public static (Tensor Value, Tensor a) LogAdjoint(Tensor a, Tensor seed) => (Log(a), seed / a);

    /// <summary>Reverse mode of <see cref="Log(ComplexTensor)"/>: log z and ā = seed/conj(z).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Log))]
    public static (ComplexTensor Value, ComplexTensor a) LogAdjoint(ComplexTensor a, ComplexTensor seed) => (Log(a), seed / a.Conj());

    /// <summary>Forward mode of <see cref="Sin(Tensor)"/>: sin x and cos x·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sin))]
    public static (Tensor Value, Tensor Tangent) SinTangent(Tensor a, Tensor da) => (Sin(a), Cos(a) * da);

    /// <summary>Forward mode of <see cref="Sin(ComplexTensor)"/>: sin z and cos z·dz.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sin))]
    public static (ComplexTensor Value, ComplexTensor Tangent) SinTangent(ComplexTensor a, ComplexTensor da) => (Sin(a), Cos(a) * da);

    /// <summary>Reverse mode of <see cref="Sin(Tensor)"/>: sin x and ā = cos x·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sin))]
    public static (Tensor Value, Tensor a) SinAdjoint(Tensor a, Tensor seed) => (Sin(a), Cos(a) * seed);

    /// <summary>Reverse mode of <see cref="Sin(ComplexTensor)"/>: sin z and ā = conj(cos z)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sin))]
    public static (ComplexTensor Value, ComplexTensor a) SinAdjoint(ComplexTensor a, ComplexTensor seed) => (Sin(a), ConjugateTimes(Cos(a), seed));

    /// <summary>Forward mode of <see cref="Cos(Tensor)"/>: cos x and −sin x·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Cos))]
    public static (Tensor Value, Tensor Tangent) CosTangent(Tensor a, Tensor da) => (Cos(a), -(Sin(a) * da));

    /// <summary>Forward mode of <see cref="Cos(ComplexTensor)"/>: cos z and −sin z·dz.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Cos))]
    public static (ComplexTensor Value, ComplexTensor Tangent) CosTangent(ComplexTensor a, ComplexTensor da) => (Cos(a), -(Sin(a) * da));

    /// <summary>Reverse mode of <see cref="Cos(Tensor)"/>: cos x and ā = −sin x·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Cos))]
    public static (Tensor Value, Tensor a) CosAdjoint(Tensor a, Tensor seed) => (Cos(a), -(Sin(a) * seed));

    /// <summary>Reverse mode of <see cref="Cos(ComplexTensor)"/>: cos z and ā = −conj(sin z)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Cos))]
    public static (ComplexTensor Value, ComplexTensor a) CosAdjoint(ComplexTensor a, ComplexTensor seed) => (Cos(a), -ConjugateTimes(Sin(a), seed));

    /// <summary>Forward mode of <see cref="Tanh(Tensor)"/>: y = tanh x and (1 − y²)·dx.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Tanh))]
    public static (Tensor Value, Tensor Tangent) TanhTangent(Tensor a, Tensor da)
    {
        Tensor y = Tanh(a);
        return (y, (1.0 - y * y) * da);
    }

    /// <summary>Forward mode of <see cref="Tanh(ComplexTensor)"/>: y = tanh z and (1 − y²)·dz.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Tanh))]
    public static (ComplexTensor Value, ComplexTensor Tangent) TanhTangent(ComplexTensor a, ComplexTensor da)
    {
        ComplexTensor y = Tanh(a);
        return (y, (1.0 - y * y) * da);
    }

    /// <summary>Reverse mode of <see cref="Tanh(Tensor)"/>: y = tanh x and ā = (1 − y²)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Tanh))]
    public static (Tensor Value, Tensor a) TanhAdjoint(Tensor a, Tensor seed)
    {
        Tensor y = Tanh(a);
        return (y, (1.0 - y * y) * seed);
    }

    /// <summary>Reverse mode of <see cref="Tanh(ComplexTensor)"/>: y = tanh z and ā = conj(1 − y²)·seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Tanh))]
    public static (ComplexTensor Value, ComplexTensor a) TanhAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        ComplexTensor y = Tanh(a);
        return (y, ConjugateTimes(1.0 - y * y, seed));
    }

    /// <summary>Forward mode of <see cref="Sqrt(Tensor)"/>: y = √x and dx/(2y).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sqrt))]
    public static (Tensor Value, Tensor Tangent) SqrtTangent(Tensor a, Tensor da)
    {
        Tensor y = Sqrt(a);
        return (y, da / (2.0 * y));
    }

    /// <summary>Forward mode of <see cref="Sqrt(ComplexTensor)"/>: y = √z and dz/(2y).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sqrt))]
    public static (ComplexTensor Value, ComplexTensor Tangent) SqrtTangent(ComplexTensor a, ComplexTensor da)
    {
        ComplexTensor y = Sqrt(a);
        return (y, da / (2.0 * y));
    }

    /// <summary>Reverse mode of <see cref="Sqrt(Tensor)"/>: y = √x and ā = seed/(2y).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sqrt))]
    public static (Tensor Value, Tensor a) SqrtAdjoint(Tensor a, Tensor seed)
    {
        Tensor y = Sqrt(a);
        return (y, seed / (2.0 * y));
    }

    /// <summary>Reverse mode of <see cref="Sqrt(ComplexTensor)"/>: y = √z and ā = seed/(2·conj(y)).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sqrt))]
    public static (ComplexTensor Value, ComplexTensor a) SqrtAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        ComplexTensor y = Sqrt(a);
        return (y, seed / (2.0 * y.Conj()));
    }

    /// <summary>Forward mode of <see cref="Abs(Tensor)"/>: |x| and sign(x)·dx (0 at x = 0).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Abs))]
    public static (Tensor Value, Tensor Tangent) AbsTangent(Tensor a, Tensor da) => (Abs(a), SignTimes(a, da));

    /// <summary>Forward mode of <see cref="Abs(ComplexTensor)"/>: |z| and Re(conj(z)·dz)/|z| (0 at z = 0).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Abs))]
    public static (Tensor Value, Tensor Tangent) AbsTangent(ComplexTensor a, ComplexTensor da)
    {
        Tensor r = Abs(a);
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, nameof(AbsTangent));
        var t = Tensor.Like(r);
        for (int i = 0; i < t.Data.Length; i++)
        {
            Complex z = a.Data[i], dz = da.Data[i];
            t.Data[i] = r.Data[i] == 0 ? 0 : (z.Real * dz.Real + z.Imaginary * dz.Imaginary) / r.Data[i];
        }
        return (r, t);
    }

    /// <summary>Reverse mode of <see cref="Abs(Tensor)"/>: |x| and ā = sign(x)·seed (0 at x = 0).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Abs))]
    public static (Tensor Value, Tensor a) AbsAdjoint(Tensor a, Tensor seed) => (Abs(a), SignTimes(a, seed));

    /// <summary>Reverse mode of <see cref="Abs(ComplexTensor)"/>: |z| and ā = seed·z/|z| (0 at z = 0).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Abs))]
    public static (Tensor Value, ComplexTensor a) AbsAdjoint(ComplexTensor a, Tensor seed)
    {
        Tensor r = Abs(a);
        Shapes.RequireSame(a.ShapeRef, seed.ShapeRef, nameof(AbsAdjoint));
        var adjoint = ComplexTensor.Like(a);
        for (int i = 0; i < r.Data.Length; i++)
            adjoint.Data[i] = r.Data[i] == 0 ? Complex.Zero : a.Data[i] * (seed.Data[i] / r.Data[i]);
        return (r, adjoint);
    }

    /// <summary>Forward mode of <see cref="Pow(Tensor, double)"/>: xᵖ and p·xᵖ⁻¹·dx (0 for p = 0); p is a constant.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="p">The exponent, a constant.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Pow))]
    public static (Tensor Value, Tensor Tangent) PowTangent(Tensor a, double p, Tensor da) => (Pow(a, p), PowDerivative(a, p) * da);

    /// <summary>Forward mode of <see cref="Pow(ComplexTensor, double)"/>: zᵖ and p·zᵖ⁻¹·dz (0 for p = 0); p is a constant.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="p">The exponent, a constant.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Pow))]
    public static (ComplexTensor Value, ComplexTensor Tangent) PowTangent(ComplexTensor a, double p, ComplexTensor da) => (Pow(a, p), PowDerivative(a, p) * da);

    /// <summary>Reverse mode of <see cref="Pow(Tensor, double)"/>: xᵖ and ā = p·xᵖ⁻¹·seed (0 for p = 0); p is a constant.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="p">The exponent, a constant.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Pow))]
    public static (Tensor Value, Tensor a) PowAdjoint(Tensor a, double p, Tensor seed) => (Pow(a, p), PowDerivative(a, p) * seed);

    /// <summary>Reverse mode of <see cref="Pow(ComplexTensor, double)"/>: zᵖ and ā = conj(p·zᵖ⁻¹)·seed (0 for p = 0); p is a constant.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="p">The exponent, a constant.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Pow))]
    public static (ComplexTensor Value, ComplexTensor a) PowAdjoint(ComplexTensor a, double p, ComplexTensor seed) => (Pow(a, p), ConjugateTimes(PowDerivative(a, p), seed));

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>conj(f)·g elementwise, the adjoint of multiplication by f.</summary>
    private static ComplexTensor ConjugateTimes(ComplexTensor f, ComplexTensor g)
    {
        Shapes.RequireSame(f.ShapeRef, g.ShapeRef, "adjoint");
        var r = ComplexTensor.Like(f);
        for (int i = 0; i < r.Data.Length; i++)
            r.Data[i] = Complex.Conjugate(f.Data[i]) * g.Data[i];
        return r;
    }

    /// <summary>sign(x)·g elementwise (0 where x = 0).</summary>
    private static Tensor SignTimes(Tensor x, Tensor g)
    {
        Shapes.RequireSame(x.ShapeRef, g.ShapeRef, "adjoint");
        var r = Tensor.Like(x);
        for (int i = 0; i < r.Data.Length; i++)
            r.Data[i] = x.Data[i] > 0 ? g.Data[i] : x.Data[i] < 0 ? -g.Data[i] : 0;
        return r;
    }

    private static Tensor PowDerivative(Tensor a, double p) => p == 0 ? Tensor.Like(a) : p * Pow(a, p - 1);

    private static ComplexTensor PowDerivative(ComplexTensor a, double p) => p == 0 ? ComplexTensor.Like(a) : p * Pow(a, p - 1);
}
