using System;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>A copy of the elements in row-major order (flat, whatever the rank).</summary>
    public Complex[] ToArray() => (Complex[])_data.Clone();

    /// <summary>A copy of a rank-2 tensor as a 2-D array.</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    public Complex[,] ToArray2D()
    {
        RequireRank(2, nameof(ToArray2D));
        int rows = _shape[0], cols = _shape[1];
        var result = new Complex[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                result[i, j] = _data[i * cols + j];
        return result;
    }

    /// <summary>A rank-2 tensor holding a copy of a MathNet matrix (MathNet stores columns; this converts to rows).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <param name="matrix">The matrix to copy.</param>
    /// <returns>A new tensor of shape <c>[RowCount, ColumnCount]</c>.</returns>
    public static ComplexTensor FromMatrix(Matrix<Complex> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ComplexTensor(matrix.ToRowMajorArray(), [matrix.RowCount, matrix.ColumnCount]);
    }

    /// <summary>A MathNet dense matrix holding a copy of this rank-2 tensor.</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    public Matrix<Complex> ToMatrix()
    {
        RequireRank(2, nameof(ToMatrix));
        return Matrix<Complex>.Build.DenseOfRowMajor(_shape[0], _shape[1], _data);
    }

    /// <summary>The value of a rank-0 tensor, so that <c>Complex z = Ops.Dot(x, w);</c> reads like math.</summary>
    /// <exception cref="InvalidCastException">The tensor is not of rank 0.</exception>
    /// <param name="t">The value to convert.</param>
    /// <returns>The value as a <see cref="Complex"/>.</returns>
    public static implicit operator Complex(ComplexTensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Rank != 0)
            throw new InvalidCastException($"Only a rank-0 tensor converts to Complex; this one has shape {Shapes.Format(t._shape)}.");
        return t._data[0];
    }

    internal void RequireRank(int rank, string operation)
    {
        if (_shape.Length != rank)
            throw new ArgumentException($"{operation} needs a tensor of rank {rank}; this one has rank {_shape.Length}, shape {Shapes.Format(_shape)}.");
    }
}
