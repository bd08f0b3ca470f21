using System;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>Elementwise sum, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, ComplexTensor b) => Binary<BinaryOps.ComplexAdd>(a, b, "+");

    /// <summary>Elementwise difference, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, ComplexTensor b) => Binary<BinaryOps.ComplexSubtract>(a, b, "-");

    /// <summary>Elementwise (Hadamard) product, broadcasting as numpy does; <see cref="Ops.MatMul(ComplexTensor, ComplexTensor)"/> is the matrix product: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, ComplexTensor b) => Binary<BinaryOps.ComplexMultiply>(a, b, "*");

    /// <summary>Elementwise quotient, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, ComplexTensor b) => Binary<BinaryOps.ComplexDivide>(a, b, "/");

    /// <summary>Elementwise sum with a real tensor, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator +(ComplexTensor a, Tensor b) => Binary<BinaryOps.ComplexRealAdd>(a, b, "+");

    /// <summary>Elementwise sum of a real tensor and a complex one, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator +(Tensor a, ComplexTensor b) => Binary<BinaryOps.RealComplexAdd>(a, b, "+");

    /// <summary>Elementwise difference with a real tensor, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator -(ComplexTensor a, Tensor b) => Binary<BinaryOps.ComplexRealSubtract>(a, b, "-");

    /// <summary>Elementwise difference of a real tensor and a complex one, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator -(Tensor a, ComplexTensor b) => Binary<BinaryOps.RealComplexSubtract>(a, b, "-");

    /// <summary>Elementwise (Hadamard) product with a real tensor, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator *(ComplexTensor a, Tensor b) => Binary<BinaryOps.ComplexRealMultiply>(a, b, "*");

    /// <summary>Elementwise (Hadamard) product of a real tensor and a complex one, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator *(Tensor a, ComplexTensor b) => Binary<BinaryOps.RealComplexMultiply>(a, b, "*");

    /// <summary>Elementwise quotient with a real tensor, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator /(ComplexTensor a, Tensor b) => Binary<BinaryOps.ComplexRealDivide>(a, b, "/");

    /// <summary>Elementwise quotient of a real tensor and a complex one, broadcasting as numpy does: shapes are aligned from the right and an axis of length 1, or a missing one, stretches.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static ComplexTensor operator /(Tensor a, ComplexTensor b) => Binary<BinaryOps.RealComplexDivide>(a, b, "/");

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

    private static ComplexTensor Binary<TOp>(ComplexTensor a, ComplexTensor b, string op)
        where TOp : IBinarySpanOp<Complex, Complex, Complex>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Binary<Complex, Complex, TOp>(a._data, a._shape, b._data, b._shape, op);
    }

    private static ComplexTensor Binary<TOp>(ComplexTensor a, Tensor b, string op)
        where TOp : IBinarySpanOp<Complex, double, Complex>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Binary<Complex, double, TOp>(a._data, a._shape, b.Data, b.ShapeRef, op);
    }

    private static ComplexTensor Binary<TOp>(Tensor a, ComplexTensor b, string op)
        where TOp : IBinarySpanOp<double, Complex, Complex>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Binary<double, Complex, TOp>(a.Data, a.ShapeRef, b._data, b._shape, op);
    }

    /// <summary>a ⊙ b broadcast: on equal shapes one call over the whole data, else run by run.</summary>
    private static ComplexTensor Binary<TA, TB, TOp>(TA[] a, int[] aShape, TB[] b, int[] bShape, string op)
        where TOp : IBinarySpanOp<TA, TB, Complex>
    {
        if (Shapes.Equal(aShape, bShape))
        {
            var same = new ComplexTensor(new Complex[a.Length], aShape);
            TOp.Both(a, b, same._data);
            return same;
        }
        int[] shape = Broadcast.Shape(aShape, bShape, op);
        var r = new ComplexTensor(new Complex[Shapes.Product(shape)], shape);
        Broadcast.Apply<TA, TB, Complex, TOp>(a, aShape, b, bShape, r._data, shape);
        return r;
    }
}
