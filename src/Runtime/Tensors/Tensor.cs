using System;

namespace Diff;

/// <summary>
/// A dense, row-major, N-dimensional tensor of <see cref="double"/> values, immutable to its users.
/// </summary>
public sealed partial class Tensor
{
    private readonly double[] _data;
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied: the caller hands over ownership) with <paramref name="shape"/>.</summary>
    internal Tensor(double[] data, int[] shape)
    {
        _data = data;
        _shape = shape;
    }

    /// <summary>The extent of each axis; a scalar has an empty shape.</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>The elements in row-major order, for kernels inside the runtime. Never hand this array to a user.</summary>
    internal double[] Data => _data;

    /// <summary>The shape without copying, for kernels inside the runtime.</summary>
    internal int[] ShapeRef => _shape;

    /// <summary>The elements in row-major order as a read-only span.</summary>
    internal ReadOnlySpan<double> Span => _data;
}
