using System;

namespace Diff;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements under another shape with the same number of elements; at most one axis may
    /// be <c>-1</c> and is then inferred (numpy's <c>reshape</c>). The result shares the (immutable) storage.
    /// </summary>
    /// <exception cref="ArgumentException">The element counts differ, an axis is negative other than one -1, or -1 cannot be inferred.</exception>
    /// <param name="shape">The new lengths of the axes; one of them may be <c>-1</c>.</param>
    /// <returns>A tensor of the new shape over the same elements.</returns>
    public Tensor Reshape(params int[] shape) => new(_data, Shapes.Reshaped(shape, _data.Length, _shape));

    /// <summary>The elements as a rank-1 tensor, in row-major order (shares the immutable storage).</summary>
    public Tensor Flatten() => new(_data, [_data.Length]);

    /// <summary>The transpose of a rank-2 tensor; a rank-0 or rank-1 tensor is returned as it is (numpy's <c>.T</c>).</summary>
    /// <exception cref="ArgumentException">The tensor has rank 3 or more.</exception>
    public Tensor Transpose()
    {
        if (Rank < 2)
            return this;
        RequireRank(2, nameof(Transpose));
        int rows = _shape[0], cols = _shape[1];
        var data = new double[_data.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                data[j * rows + i] = _data[i * cols + j];
        return new Tensor(data, [cols, rows]);
    }
}
