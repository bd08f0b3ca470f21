using System;

namespace Diff;

/// <summary>
/// A dense, row-major, N-dimensional tensor of <see cref="double"/> values, immutable to its users.
/// </summary>
/// <remarks>
/// <para>
/// The parts of this class are split by purpose: creation (<c>Tensor.Creation.cs</c>), conversions and
/// MathNet interop (<c>Tensor.Conversion.cs</c>), indexers (<c>Tensor.Indexing.cs</c>), shape operations
/// (<c>Tensor.ShapeOps.cs</c>), operators (<c>Tensor.Operators.cs</c>) and text (<c>Tensor.Formatting.cs</c>).
/// </para>
/// <para>
/// Shapes: a rank-0 tensor (shape <c>()</c>) holds one number; an axis of length 0 is allowed and makes
/// an empty tensor, as in numpy; a negative length never is. Every operation returns a new tensor and
/// leaves its operands alone, so <see cref="Reshape"/> and <see cref="Flatten"/> may share storage.
/// </para>
/// <para>
/// Conversions: a rank-0 tensor converts implicitly to <see cref="double"/> (so <c>double z = Ops.Dot(x, w);</c>
/// reads like math), any other rank throws <see cref="System.InvalidCastException"/>; every tensor converts
/// implicitly to <see cref="ComplexTensor"/>. One consequence: <c>Console.WriteLine(t)</c> picks the
/// <c>WriteLine(double)</c> overload; write <c>Console.WriteLine(t.ToString())</c> or <c>$"{t}"</c>.
/// </para>
/// </remarks>
public sealed partial class Tensor : IFormattable
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
