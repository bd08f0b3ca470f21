using System;
using System.Numerics;
using System.Numerics.Tensors;
using Diff.Kernels;

namespace Diff;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches (<c>(64, 16) + (16,)</c>, <c>(64, 1) + (1, 16)</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor operator +(Tensor a, Tensor b) => Binary<BinaryOps.Add>(a, b, "+");

    /// <summary>Elementwise difference, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches (<c>(64, 16) - (16,)</c>, <c>(64, 1) - (1, 16)</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor operator -(Tensor a, Tensor b) => Binary<BinaryOps.Subtract>(a, b, "-");

    /// <summary>Elementwise (Hadamard) product, broadcasting as numpy does; <see cref="Ops.MatMul(Tensor, Tensor)"/> is the matrix product: shapes are aligned from the right and an axis of length 1, or a missing one, stretches (<c>(64, 16) * (16,)</c>, <c>(64, 1) * (1, 16)</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor operator *(Tensor a, Tensor b) => Binary<BinaryOps.Multiply>(a, b, "*");

    /// <summary>Elementwise quotient (IEEE: x/0 is ±∞ or NaN), broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches (<c>(64, 16) / (16,)</c>, <c>(64, 1) / (1, 16)</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor operator /(Tensor a, Tensor b) => Binary<BinaryOps.Divide>(a, b, "/");

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

    /// <summary>a ⊙ b broadcast: on equal shapes one vectorized call over the whole data, else run by run.</summary>
    internal static Tensor Binary<TOp>(Tensor a, Tensor b, string op)
        where TOp : IBinarySpanOp<double, double, double>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Shapes.Equal(a._shape, b._shape))
        {
            var same = new Tensor(new double[a._data.Length], a._shape);
            TOp.Both(a._data, b._data, same._data);
            return same;
        }
        int[] shape = Broadcast.Shape(a._shape, b._shape, op);
        var r = new Tensor(new double[Shapes.Product(shape)], shape);
        Broadcast.Apply<double, double, double, TOp>(a._data, a._shape, b._data, b._shape, r._data, shape);
        return r;
    }
}
