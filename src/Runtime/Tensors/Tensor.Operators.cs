using System;
using System.Numerics;
using System.Numerics.Tensors;
using Diff.Kernels;

namespace Diff;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var r = Same(a, b, "+");
        TensorPrimitives.Add(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise difference of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var r = Same(a, b, "-");
        TensorPrimitives.Subtract(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise (Hadamard) product of two tensors of the same shape; <see cref="Ops.MatMul(Tensor, Tensor)"/> is the matrix product.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var r = Same(a, b, "*");
        TensorPrimitives.Multiply(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise quotient of two tensors of the same shape (IEEE: x/0 is ±∞ or NaN).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <param name="a">The left operand, of the shape of the other tensor.</param>
    /// <param name="b">The right operand, of the shape of the other tensor.</param>
    /// <returns>A new tensor of the operands' shape.</returns>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var r = Same(a, b, "/");
        TensorPrimitives.Divide(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Elementwise negation.</summary>
    /// <param name="a">The tensor to negate.</param>
    /// <returns>A new tensor of its shape.</returns>
    public static Tensor operator -(Tensor a)
    {
        var r = Like(a);
        TensorPrimitives.Negate(a._data, r._data);
        return r;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator +(Tensor a, double s)
    {
        var r = Like(a);
        TensorPrimitives.Add(a._data, s, r._data);
        return r;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Subtracts <paramref name="s"/> from every element.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator -(Tensor a, double s)
    {
        var r = Like(a);
        TensorPrimitives.Subtract(a._data, s, r._data);
        return r;
    }

    /// <summary><paramref name="s"/> minus each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator -(double s, Tensor a)
    {
        var r = Like(a);
        TensorPrimitives.Subtract(s, a._data, r._data);
        return r;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator *(Tensor a, double s)
    {
        var r = Like(a);
        TensorPrimitives.Multiply(a._data, s, r._data);
        return r;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Divides every element by <paramref name="s"/>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator /(Tensor a, double s)
    {
        var r = Like(a);
        TensorPrimitives.Divide(a._data, s, r._data);
        return r;
    }

    /// <summary><paramref name="s"/> divided by each element.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static Tensor operator /(double s, Tensor a)
    {
        var r = Like(a);
        TensorPrimitives.Divide(s, a._data, r._data);
        return r;
    }

    /// <summary>Adds the complex <paramref name="s"/> to every element, giving a complex tensor.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(Tensor a, Complex s)
    {
        var r = ComplexTensor.Like(a);
        Elementwise.Add(a._data, s, r.Data);
        return r;
    }

    /// <summary>Adds the complex <paramref name="s"/> to every element, giving a complex tensor.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator +(Complex s, Tensor a) => a + s;

    /// <summary>Subtracts the complex <paramref name="s"/> from every element, giving a complex tensor.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(Tensor a, Complex s) => a + (-s);

    /// <summary>The complex <paramref name="s"/> minus each element, giving a complex tensor.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator -(Complex s, Tensor a)
    {
        var r = ComplexTensor.Like(a);
        Elementwise.SubtractFrom(s, a._data, r.Data);
        return r;
    }

    /// <summary>Multiplies every element by the complex <paramref name="s"/>, giving a complex tensor (e.g. <c>Complex.ImaginaryOne * t * h</c>).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(Tensor a, Complex s)
    {
        var r = ComplexTensor.Like(a);
        Elementwise.Multiply(a._data, s, r.Data);
        return r;
    }

    /// <summary>Multiplies every element by the complex <paramref name="s"/>, giving a complex tensor.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator *(Complex s, Tensor a) => a * s;

    /// <summary>Divides every element by the complex <paramref name="s"/>, giving a complex tensor.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The scalar (right operand), applied to every element.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(Tensor a, Complex s)
    {
        var r = ComplexTensor.Like(a);
        Elementwise.Divide(a._data, s, r.Data);
        return r;
    }

    /// <summary>The complex <paramref name="s"/> divided by each element, giving a complex tensor.</summary>
    /// <param name="s">The scalar (left operand), applied to every element.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>A new tensor of the tensor operand's shape.</returns>
    public static ComplexTensor operator /(Complex s, Tensor a)
    {
        var r = ComplexTensor.Like(a);
        Elementwise.DivideInto(s, a._data, r.Data);
        return r;
    }

    /// <summary>A new tensor with <paramref name="a"/>'s shape, for results.</summary>
    internal static Tensor Like(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Tensor(new double[a._data.Length], a._shape);
    }

    private static Tensor Same(Tensor a, Tensor b, string op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shapes.RequireSame(a._shape, b._shape, $"Operator {op}");
        return new Tensor(new double[a._data.Length], a._shape);
    }
}
