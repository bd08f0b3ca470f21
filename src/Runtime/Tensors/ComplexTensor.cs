using System;
using System.Numerics;

namespace Diff;

/// <summary>
/// A dense, row-major, N-dimensional tensor of <see cref="Complex"/> values, immutable to its users.
/// </summary>
/// <remarks>
/// Split by purpose like <see cref="Tensor"/> (creation, conversion, indexing, shape operations,
/// operators, formatting), with the same shape rules. Every operator also takes a <see cref="Tensor"/>
/// or a real scalar on either side and gives a complex tensor; a rank-0 complex tensor converts
/// implicitly to <see cref="Complex"/>.
/// </remarks>
public sealed partial class ComplexTensor : IFormattable
{
    private readonly Complex[] _data;
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied: the caller hands over ownership) with <paramref name="shape"/>.</summary>
    internal ComplexTensor(Complex[] data, int[] shape)
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
    internal Complex[] Data => _data;

    /// <summary>The shape without copying, for kernels inside the runtime.</summary>
    internal int[] ShapeRef => _shape;

    /// <summary>The elements in row-major order as a read-only span.</summary>
    internal ReadOnlySpan<Complex> Span => _data;
}
