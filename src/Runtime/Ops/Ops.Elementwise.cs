using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace Diff;

public static partial class Ops
{
    /// <summary>eˣ elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Exp(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Exp(x, d));

    /// <summary>eᶻ elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Exp(ComplexTensor a) => Map(a, Complex.Exp);

    /// <summary>Natural logarithm elementwise; as in numpy, log 0 = −∞ and a negative element gives NaN (use the complex overload for complex logarithms).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Log(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Log(x, d));

    /// <summary>Principal natural logarithm elementwise (branch cut on the negative real axis).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Log(ComplexTensor a) => Map(a, Complex.Log);

    /// <summary>Sine elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Sin(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Sin(x, d));

    /// <summary>Sine elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Sin(ComplexTensor a) => Map(a, Complex.Sin);

    /// <summary>Cosine elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Cos(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Cos(x, d));

    /// <summary>Cosine elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Cos(ComplexTensor a) => Map(a, Complex.Cos);

    /// <summary>Hyperbolic tangent elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Tanh(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Tanh(x, d));

    /// <summary>Hyperbolic tangent elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Tanh(ComplexTensor a) => Map(a, Complex.Tanh);

    /// <summary>Square root elementwise; as in numpy, a negative element gives NaN (use the complex overload for complex roots).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Sqrt(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Sqrt(x, d));

    /// <summary>Principal square root elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Sqrt(ComplexTensor a) => Map(a, Complex.Sqrt);

    /// <summary>Absolute value elementwise.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Abs(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Abs(x, d));

    /// <summary>Magnitude |z| elementwise (computed without overflow, as <see cref="Complex.Abs"/>), a real tensor.</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Abs(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var data = new double[a.Length];
        ReadOnlySpan<Complex> src = a.Span;
        for (int i = 0; i < data.Length; i++)
            data[i] = Complex.Abs(src[i]);
        return new Tensor(data, a.ShapeRef);
    }

    /// <summary>xᵖ elementwise (IEEE <see cref="Math.Pow"/> rules: a negative base with a non-integer power gives NaN).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <param name="p">The exponent, the same for every element.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Pow(Tensor a, double p)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = Tensor.Like(a);
        TensorPrimitives.Pow(a.Span, p, r.Data);
        return r;
    }

    /// <summary>zᵖ elementwise, the principal value exp(p·log z).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <param name="p">The exponent, the same for every element.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Pow(ComplexTensor a, double p) => Map(a, z => Complex.Pow(z, p));

    /// <summary><paramref name="f"/> applied to every element; inside a <c>[Differentiable]</c> method the generator differentiates <paramref name="f"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <param name="f">The function applied to each element.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Map(Tensor a, Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(f);
        var r = Tensor.Like(a);
        ReadOnlySpan<double> src = a.Span;
        double[] dst = r.Data;
        for (int i = 0; i < dst.Length; i++)
            dst[i] = f(src[i]);
        return r;
    }

    /// <summary><paramref name="f"/> applied to every element; inside a <c>[Differentiable]</c> method the generator differentiates <paramref name="f"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <param name="f">The function applied to each element.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static ComplexTensor Map(ComplexTensor a, Func<Complex, Complex> f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(f);
        var r = ComplexTensor.Like(a);
        ReadOnlySpan<Complex> src = a.Span;
        Complex[] dst = r.Data;
        for (int i = 0; i < dst.Length; i++)
            dst[i] = f(src[i]);
        return r;
    }

    private static Tensor Real(Tensor a, SpanAction kernel)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = Tensor.Like(a);
        kernel(a.Span, r.Data);
        return r;
    }

    private delegate void SpanAction(ReadOnlySpan<double> x, Span<double> destination);
}
