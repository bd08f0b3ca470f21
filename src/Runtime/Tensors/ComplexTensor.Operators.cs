using System;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>Elementwise sum of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, ComplexTensor b)
    {
        var r = Same(a, b, "+");
        Elementwise.Add(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise difference of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, ComplexTensor b)
    {
        var r = Same(a, b, "-");
        Elementwise.Subtract(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise (Hadamard) product of two tensors of the same shape; <see cref="Ops.MatMul(ComplexTensor, ComplexTensor)"/> is the matrix product.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, ComplexTensor b)
    {
        var r = Same(a, b, "*");
        Elementwise.Multiply(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise quotient of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, ComplexTensor b)
    {
        var r = Same(a, b, "/");
        Elementwise.Divide(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise sum with a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, Tensor b)
    {
        var r = Same(a, b, "+");
        Elementwise.Add(a._data, b.Span, r._data);
        return r;
    }

    /// <summary>Elementwise sum with a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator +(Tensor a, ComplexTensor b) => b + a;

    /// <summary>Elementwise difference with a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, Tensor b)
    {
        var r = Same(a, b, "-");
        Elementwise.Subtract(a._data, b.Span, r._data);
        return r;
    }

    /// <summary>Elementwise difference of a real tensor and a complex one of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator -(Tensor a, ComplexTensor b)
    {
        var r = Same(b, a, "-");
        Elementwise.Subtract(a.Span, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise product with a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, Tensor b)
    {
        var r = Same(a, b, "*");
        Elementwise.Multiply(a._data, b.Span, r._data);
        return r;
    }

    /// <summary>Elementwise product with a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator *(Tensor a, ComplexTensor b) => b * a;

    /// <summary>Elementwise quotient by a real tensor of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, Tensor b)
    {
        var r = Same(a, b, "/");
        Elementwise.Divide(a._data, b.Span, r._data);
        return r;
    }

    /// <summary>Elementwise quotient of a real tensor by a complex one of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static ComplexTensor operator /(Tensor a, ComplexTensor b)
    {
        var r = Same(b, a, "/");
        Elementwise.Divide(a.Span, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise negation.</summary>
    /// <param name="a">The tensor to negate.</param>
    /// <returns>A new tensor of its shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a)
    {
        var r = Like(a);
        Elementwise.Negate(a._data, r._data);
        return r;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, Complex s)
    {
        var r = Like(a);
        Elementwise.Add(a._data, s, r._data);
        return r;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(Complex s, ComplexTensor a) => a + s;

    /// <summary>Subtracts <paramref name="s"/> from every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, Complex s) => a + (-s);

    /// <summary><paramref name="s"/> minus each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(Complex s, ComplexTensor a)
    {
        var r = Like(a);
        Elementwise.SubtractFrom(s, a._data, r._data);
        return r;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, Complex s)
    {
        var r = Like(a);
        Elementwise.Multiply(a._data, s, r._data);
        return r;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(Complex s, ComplexTensor a) => a * s;

    /// <summary>Divides every element by <paramref name="s"/>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, Complex s)
    {
        var r = Like(a);
        Elementwise.Divide(a._data, s, r._data);
        return r;
    }

    /// <summary><paramref name="s"/> divided by each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(Complex s, ComplexTensor a)
    {
        var r = Like(a);
        Elementwise.DivideInto(s, a._data, r._data);
        return r;
    }

    /// <summary>Adds the real <paramref name="s"/> to every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, double s)
    {
        var r = Like(a);
        Elementwise.Add(a._data, s, r._data);
        return r;
    }

    /// <summary>Adds the real <paramref name="s"/> to every element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(double s, ComplexTensor a) => a + s;

    /// <summary>Subtracts the real <paramref name="s"/> from every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, double s) => a + (-s);

    /// <summary>The real <paramref name="s"/> minus each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(double s, ComplexTensor a)
    {
        var r = Like(a);
        Elementwise.SubtractFrom(s, a._data, r._data);
        return r;
    }

    /// <summary>Multiplies every element by the real <paramref name="s"/>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, double s)
    {
        var r = Like(a);
        Elementwise.Scale(a._data, s, r._data);
        return r;
    }

    /// <summary>Multiplies every element by the real <paramref name="s"/>.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(double s, ComplexTensor a) => a * s;

    /// <summary>Divides every element by the real <paramref name="s"/> (each part divided, as numpy does).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, double s)
    {
        var r = Like(a);
        Elementwise.Divide(a._data, s, r._data);
        return r;
    }

    /// <summary>The real <paramref name="s"/> divided by each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(double s, ComplexTensor a) => new Complex(s, 0) / a;

    /// <summary>A new tensor with <paramref name="a"/>'s shape, for results.</summary>
    internal static ComplexTensor Like(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ComplexTensor(new Complex[a._data.Length], a._shape);
    }

    /// <summary>A new complex tensor with a real tensor's shape, for results.</summary>
    internal static ComplexTensor Like(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ComplexTensor(new Complex[a.Length], a.ShapeRef);
    }

    private static ComplexTensor Same(ComplexTensor a, ComplexTensor b, string op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shapes.RequireSame(a._shape, b._shape, $"Operator {op}");
        return new ComplexTensor(new Complex[a._data.Length], a._shape);
    }

    private static ComplexTensor Same(ComplexTensor a, Tensor b, string op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shapes.RequireSame(a._shape, b.ShapeRef, $"Operator {op}");
        return new ComplexTensor(new Complex[a._data.Length], a._shape);
    }
}
