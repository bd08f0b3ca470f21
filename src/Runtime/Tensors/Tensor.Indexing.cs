using System;

namespace Diff;

public sealed partial class Tensor
{
    /// <summary>The element at <paramref name="i"/> of a rank-1 tensor (no negative indices).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 1.</exception>
    /// <exception cref="IndexOutOfRangeException">The index is outside the shape.</exception>
    /// <param name="i">The index, from 0.</param>
    public double this[int i] => _data[Shapes.Offset(_shape, i)];

    /// <summary>The element at row <paramref name="i"/>, column <paramref name="j"/> of a rank-2 tensor.</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside the shape.</exception>
    /// <param name="i">The row, from 0.</param>
    /// <param name="j">The column, from 0.</param>
    public double this[int i, int j] => _data[Shapes.Offset(_shape, i, j)];

    /// <summary>The element at <c>[i, j, k]</c> of a rank-3 tensor.</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 3.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside the shape.</exception>
    /// <param name="i">The index on the first axis, from 0.</param>
    /// <param name="j">The index on the second axis, from 0.</param>
    /// <param name="k">The index on the third axis, from 0.</param>
    public double this[int i, int j, int k] => _data[Shapes.Offset(_shape, i, j, k)];
}
