using System;
using System.Numerics;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>A rank-1 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <param name="values">The elements, copied.</param>
    /// <returns>A new tensor of shape <c>[values.Length]</c>.</returns>
    public static ComplexTensor FromArray(Complex[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ComplexTensor((Complex[])values.Clone(), [values.Length]);
    }

    /// <summary>A rank-2 tensor holding a copy of <paramref name="values"/>; <c>values[i, j]</c> becomes <c>t[i, j]</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <param name="values">The elements, copied row by row.</param>
    /// <returns>A new tensor of shape <c>[rows, columns]</c>.</returns>
    public static ComplexTensor FromArray(Complex[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), cols = values.GetLength(1);
        var data = new Complex[rows * cols];
        int n = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                data[n++] = values[i, j];
        return new ComplexTensor(data, [rows, cols]);
    }

    /// <summary>A rank-3 tensor holding a copy of <paramref name="values"/>; <c>values[i, j, k]</c> becomes <c>t[i, j, k]</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <param name="values">The elements, copied in row-major order.</param>
    /// <returns>A new tensor of the array's three lengths.</returns>
    public static ComplexTensor FromArray(Complex[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int d0 = values.GetLength(0), d1 = values.GetLength(1), d2 = values.GetLength(2);
        var data = new Complex[d0 * d1 * d2];
        int n = 0;
        for (int i = 0; i < d0; i++)
            for (int j = 0; j < d1; j++)
                for (int k = 0; k < d2; k++)
                    data[n++] = values[i, j, k];
        return new ComplexTensor(data, [d0, d1, d2]);
    }

    /// <summary>A tensor of the given shape holding a copy of <paramref name="values"/> in row-major order.</summary>
    /// <exception cref="ArgumentException">An axis is negative, or the shape does not hold exactly <c>values.Length</c> elements.</exception>
    /// <param name="values">The elements in row-major order, copied.</param>
    /// <param name="shape">The lengths of the axes; their product must be <c>values.Length</c>.</param>
    /// <returns>A new tensor of shape <paramref name="shape"/>.</returns>
    public static ComplexTensor FromArray(Complex[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        int[] s = Shapes.Checked(shape, out int length);
        if (length != values.Length)
            throw new ArgumentException($"Shape {Shapes.Format(s)} holds {length} elements, but {values.Length} were given.", nameof(shape));
        return new ComplexTensor((Complex[])values.Clone(), s);
    }

    /// <summary>The values of a real tensor with zero imaginary parts, same shape.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    /// <param name="tensor">The real tensor.</param>
    /// <returns>A new complex tensor of the same shape with zero imaginary parts.</returns>
    public static ComplexTensor FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var data = new Complex[tensor.Length];
        ReadOnlySpan<double> src = tensor.Span;
        for (int i = 0; i < data.Length; i++)
            data[i] = src[i];
        return new ComplexTensor(data, tensor.ShapeRef);
    }

    /// <summary>A rank-1 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements, copied.</param>
    /// <returns>A new tensor of the array's shape.</returns>
    public static implicit operator ComplexTensor(Complex[] values) => FromArray(values);

    /// <summary>A rank-2 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements, copied.</param>
    /// <returns>A new tensor of the array's shape.</returns>
    public static implicit operator ComplexTensor(Complex[,] values) => FromArray(values);

    /// <summary>A tensor of zeros; no arguments make a rank-0 tensor; an axis may be 0 (empty) but not negative.</summary>
    /// <exception cref="ArgumentException">An axis is negative.</exception>
    /// <param name="shape">The lengths of the axes, none negative.</param>
    /// <returns>A new tensor of that shape.</returns>
    public static ComplexTensor Zeros(params int[] shape)
    {
        int[] s = Shapes.Checked(shape, out int length);
        return new ComplexTensor(new Complex[length], s);
    }

    /// <summary>A tensor of ones; see <see cref="Zeros"/> for the shape rules.</summary>
    /// <exception cref="ArgumentException">An axis is negative.</exception>
    /// <param name="shape">The lengths of the axes, none negative.</param>
    /// <returns>A new tensor of that shape.</returns>
    public static ComplexTensor Ones(params int[] shape) => Full(Complex.One, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>; see <see cref="Zeros"/> for the shape rules.</summary>
    /// <exception cref="ArgumentException">An axis is negative.</exception>
    /// <param name="value">The value of every element.</param>
    /// <param name="shape">The lengths of the axes, none negative.</param>
    /// <returns>A new tensor of that shape.</returns>
    public static ComplexTensor Full(Complex value, params int[] shape)
    {
        int[] s = Shapes.Checked(shape, out int length);
        var data = new Complex[length];
        data.AsSpan().Fill(value);
        return new ComplexTensor(data, s);
    }

    /// <summary>A rank-0 tensor (shape <c>()</c>) holding <paramref name="value"/>.</summary>
    /// <param name="value">The one element.</param>
    /// <returns>A new tensor of shape <c>[]</c>.</returns>
    public static ComplexTensor Scalar(Complex value) => new([value], []);

    /// <summary>The n×n identity matrix.</summary>
    /// <exception cref="ArgumentException"><paramref name="n"/> is negative.</exception>
    /// <param name="n">The number of rows and columns, at least 0.</param>
    /// <returns>A new tensor of shape <c>[n, n]</c>.</returns>
    public static ComplexTensor Identity(int n)
    {
        if (n < 0)
            throw new ArgumentException($"The identity needs a size ≥ 0, got {n}.", nameof(n));
        var data = new Complex[n * n];
        for (int i = 0; i < n; i++)
            data[i * n + i] = Complex.One;
        return new ComplexTensor(data, [n, n]);
    }

    /// <summary>numpy's <c>arange(stop)</c> as complex numbers with zero imaginary parts.</summary>
    /// <exception cref="ArgumentException"><paramref name="stop"/> is not finite or too large.</exception>
    /// <param name="stop">The end, excluded.</param>
    /// <returns>A new rank-1 tensor.</returns>
    public static ComplexTensor Arange(double stop) => Arange(0, stop);

    /// <summary>numpy's <c>arange(start, stop)</c> as complex numbers with zero imaginary parts.</summary>
    /// <exception cref="ArgumentException">An end is not finite, or the range is too long.</exception>
    /// <param name="start">The first element.</param>
    /// <param name="stop">The end, excluded.</param>
    /// <returns>A new rank-1 tensor.</returns>
    public static ComplexTensor Arange(double start, double stop)
    {
        int n = Tensor.ArangeLength(start, stop);
        var data = new Complex[n];
        for (int i = 0; i < n; i++)
            data[i] = start + i;
        return new ComplexTensor(data, [n]);
    }
}
