using System;
using System.Linq;
using Diff.Kernels;

namespace Diff;

// Concat and Stack (numpy's concatenate and stack) with their registered derivatives: both are copies, so the
// tangent is the same join of the tangents and the adjoint cuts the seed back into the parts. Besides the params
// forms there are overloads for two and three parts: a [Differentiable] method differentiates separate arguments,
// while an array of tensors built inside it carries no derivative (the generator refuses it).
public static partial class Ops
{
    /// <summary>
    /// The parts joined along an existing <paramref name="axis"/> (numpy's <c>concatenate(parts, axis)</c>): they
    /// must have one rank (at least 1) and equal lengths on every other axis.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or a part is null.</exception>
    /// <exception cref="ArgumentException">No parts, a rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="parts">The tensors, in order.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static Tensor Concat(int axis, params Tensor[] parts)
    {
        var (_, outer, shape) = JoinPlan(axis, parts, nameof(Concat));
        return new Tensor(Join(parts.Select(p => p.Data).ToArray(), Shapes.Product(shape), outer), shape);
    }

    /// <summary>Two tensors joined along <paramref name="axis"/>; see <see cref="Concat(int, Tensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">A rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static Tensor Concat(int axis, Tensor a, Tensor b) => Concat(axis, [a, b]);

    /// <summary>Three tensors joined along <paramref name="axis"/>; see <see cref="Concat(int, Tensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">A rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <param name="c">The third part.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static Tensor Concat(int axis, Tensor a, Tensor b, Tensor c) => Concat(axis, [a, b, c]);

    /// <summary>
    /// The parts, all of one shape, stacked along a new <paramref name="axis"/> (numpy's <c>stack(parts, axis)</c>):
    /// <c>Stack(0, u, v)</c> of two vectors is the matrix with rows u and v, <c>Stack(1, u, v)</c> the one with columns u and v.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or a part is null.</exception>
    /// <exception cref="ArgumentException">No parts, or parts of different shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="parts">The tensors, in order.</param>
    /// <returns>A new tensor of rank one more than the parts', of length <c>parts.Length</c> on the new axis.</returns>
    public static Tensor Stack(int axis, params Tensor[] parts) => Concat(axis, StackParts(axis, parts));

    /// <summary>Two tensors of one shape stacked along a new axis; see <see cref="Stack(int, Tensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">The parts' shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <returns>A new tensor of rank one more than the parts'.</returns>
    public static Tensor Stack(int axis, Tensor a, Tensor b) => Stack(axis, [a, b]);

    /// <summary>Three tensors of one shape stacked along a new axis; see <see cref="Stack(int, Tensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">The parts' shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <param name="c">The third part.</param>
    /// <returns>A new tensor of rank one more than the parts'.</returns>
    public static Tensor Stack(int axis, Tensor a, Tensor b, Tensor c) => Stack(axis, [a, b, c]);

    // ---- derivatives -------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Concat(int, Tensor[])"/>: the value and the join of the tangents.</summary>
    [TangentOf(nameof(Concat))]
    public static (Tensor Value, Tensor Tangent) ConcatTangent(int axis, Tensor[] parts, Tensor[] dparts) =>
        (Concat(axis, parts), Concat(axis, Tangents(parts, dparts, nameof(Concat))));

    /// <summary>Reverse mode of <see cref="Concat(int, Tensor[])"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (Tensor Value, Tensor[] parts) ConcatAdjoint(int axis, Tensor[] parts, Tensor seed)
    {
        Tensor value = Concat(axis, parts);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Concat));
        return (value, Cut(seed!, parts, JoinPlan(axis, parts, nameof(Concat)).Outer));
    }

    /// <summary>Forward mode of <see cref="Concat(int, Tensor, Tensor)"/>.</summary>
    [TangentOf(nameof(Concat))]
    public static (Tensor Value, Tensor Tangent) ConcatTangent(int axis, Tensor a, Tensor b, Tensor da, Tensor db) =>
        ConcatTangent(axis, [a, b], [da, db]);

    /// <summary>Reverse mode of <see cref="Concat(int, Tensor, Tensor)"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (Tensor Value, Tensor a, Tensor b) ConcatAdjoint(int axis, Tensor a, Tensor b, Tensor seed)
    {
        var (value, bars) = ConcatAdjoint(axis, [a, b], seed);
        return (value, bars[0], bars[1]);
    }

    /// <summary>Forward mode of <see cref="Concat(int, Tensor, Tensor, Tensor)"/>.</summary>
    [TangentOf(nameof(Concat))]
    public static (Tensor Value, Tensor Tangent) ConcatTangent(int axis, Tensor a, Tensor b, Tensor c, Tensor da, Tensor db, Tensor dc) =>
        ConcatTangent(axis, [a, b, c], [da, db, dc]);

    /// <summary>Reverse mode of <see cref="Concat(int, Tensor, Tensor, Tensor)"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (Tensor Value, Tensor a, Tensor b, Tensor c) ConcatAdjoint(int axis, Tensor a, Tensor b, Tensor c, Tensor seed)
    {
        var (value, bars) = ConcatAdjoint(axis, [a, b, c], seed);
        return (value, bars[0], bars[1], bars[2]);
    }

    /// <summary>Forward mode of <see cref="Stack(int, Tensor[])"/>: the value and the stack of the tangents.</summary>
    [TangentOf(nameof(Stack))]
    public static (Tensor Value, Tensor Tangent) StackTangent(int axis, Tensor[] parts, Tensor[] dparts) =>
        (Stack(axis, parts), Stack(axis, Tangents(parts, dparts, nameof(Stack))));

    /// <summary>Reverse mode of <see cref="Stack(int, Tensor[])"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (Tensor Value, Tensor[] parts) StackAdjoint(int axis, Tensor[] parts, Tensor seed)
    {
        Tensor[] expanded = StackParts(axis, parts);
        var (value, bars) = ConcatAdjoint(axis, expanded, seed);
        for (int p = 0; p < bars.Length; p++)
            bars[p] = bars[p].Reshape(parts[p].ShapeRef);
        return (value, bars);
    }

    /// <summary>Forward mode of <see cref="Stack(int, Tensor, Tensor)"/>.</summary>
    [TangentOf(nameof(Stack))]
    public static (Tensor Value, Tensor Tangent) StackTangent(int axis, Tensor a, Tensor b, Tensor da, Tensor db) =>
        StackTangent(axis, [a, b], [da, db]);

    /// <summary>Reverse mode of <see cref="Stack(int, Tensor, Tensor)"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (Tensor Value, Tensor a, Tensor b) StackAdjoint(int axis, Tensor a, Tensor b, Tensor seed)
    {
        var (value, bars) = StackAdjoint(axis, [a, b], seed);
        return (value, bars[0], bars[1]);
    }

    /// <summary>Forward mode of <see cref="Stack(int, Tensor, Tensor, Tensor)"/>.</summary>
    [TangentOf(nameof(Stack))]
    public static (Tensor Value, Tensor Tangent) StackTangent(int axis, Tensor a, Tensor b, Tensor c, Tensor da, Tensor db, Tensor dc) =>
        StackTangent(axis, [a, b, c], [da, db, dc]);

    /// <summary>Reverse mode of <see cref="Stack(int, Tensor, Tensor, Tensor)"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (Tensor Value, Tensor a, Tensor b, Tensor c) StackAdjoint(int axis, Tensor a, Tensor b, Tensor c, Tensor seed)
    {
        var (value, bars) = StackAdjoint(axis, [a, b, c], seed);
        return (value, bars[0], bars[1], bars[2]);
    }

    // ---- plans -------------------------------------------------------------------------------

    /// <summary>Checks the parts of a join and returns the axis, the number of blocks before it, and the result shape.</summary>
    private static (int Axis, int Outer, int[] Shape) JoinPlan(int axis, Tensor[] parts, string operation) =>
        JoinPlan(axis, PartShapes(parts, static p => p.ShapeRef, operation), operation);

    /// <summary>The parts of a stack, each viewed with a length-1 axis inserted at <paramref name="axis"/>.</summary>
    private static Tensor[] StackParts(int axis, Tensor[] parts)
    {
        int[] expanded = StackShape(axis, PartShapes(parts, static p => p.ShapeRef, nameof(Stack)));
        return parts.Select(p => new Tensor(p.Data, expanded)).ToArray();
    }

    /// <summary>The seed of a join cut back into tensors of the parts' shapes.</summary>
    private static Tensor[] Cut(Tensor seed, Tensor[] parts, int outer)
    {
        double[][] bars = Cut(seed.Span, parts.Select(p => p.Length).ToArray(), outer);
        return parts.Select((p, i) => new Tensor(bars[i], [.. p.ShapeRef])).ToArray();
    }

    /// <summary>The shapes of the parts of a join, after checking that there are parts and none is null.</summary>
    private static int[][] PartShapes<T>(T[] parts, Func<T, int[]> shape, string operation) where T : class
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
            throw new ArgumentException($"{operation} needs at least one tensor.", nameof(parts));
        foreach (T p in parts)
            ArgumentNullException.ThrowIfNull(p, nameof(parts));
        return parts.Select(shape).ToArray();
    }

    /// <summary>Checks the shapes of a join's parts and returns the axis, the number of blocks before it, and the result shape.</summary>
    private static (int Axis, int Outer, int[] Shape) JoinPlan(int axis, int[][] shapes, string operation)
    {
        int[] first = shapes[0];
        if (first.Length == 0)
            throw new ArgumentException($"{operation}: a rank-0 tensor has no axis to join along; use Stack, or Tensor.FromScalars.", "parts");
        int a = AxisLayout.Normalize(first, axis, operation);
        int[] shape = (int[])first.Clone();
        for (int p = 1; p < shapes.Length; p++)
        {
            int[] s = shapes[p];
            bool fits = s.Length == first.Length;
            for (int d = 0; fits && d < s.Length; d++)
                fits = d == a || s[d] == first[d];
            if (!fits)
                throw new ArgumentException(
                    $"{operation} along axis {axis}: shapes {string.Join(", ", shapes.Select(q => Shapes.Format(q)))} must agree on every other axis.", "parts");
            shape[a] = checked(shape[a] + s[a]);
        }
        Shapes.Product(shape);
        return (a, Shapes.Product(first.AsSpan(0, a)), shape);
    }

    /// <summary>The shape the parts of a stack take with a length-1 axis inserted at <paramref name="axis"/>, after checking that they agree.</summary>
    private static int[] StackShape(int axis, int[][] shapes)
    {
        int[] first = shapes[0];
        foreach (int[] s in shapes)
            if (!Shapes.Equal(s, first))
                throw new ArgumentException(
                    $"{nameof(Stack)}: every tensor must have the same shape; got {string.Join(", ", shapes.Select(q => Shapes.Format(q)))}.", "parts");
        int a = AxisLayout.Normalize(first, axis, nameof(Stack), first.Length + 1);
        return [.. first[..a], 1, .. first[a..]];
    }

    /// <summary>The parts' data joined: for each of the <paramref name="outer"/> blocks, each part's block in turn.</summary>
    private static T[] Join<T>(T[][] parts, int length, int outer)
    {
        var data = new T[length];
        int at = 0;
        for (int o = 0; o < outer; o++)
        {
            foreach (T[] p in parts)
            {
                int width = p.Length / outer;
                p.AsSpan(o * width, width).CopyTo(data.AsSpan(at, width));
                at += width;
            }
        }
        return data;
    }

    /// <summary>The transpose of <see cref="Join{T}"/>: a joined seed cut back into arrays of the parts' lengths.</summary>
    private static T[][] Cut<T>(ReadOnlySpan<T> seed, int[] lengths, int outer)
    {
        var bars = new T[lengths.Length][];
        for (int p = 0; p < lengths.Length; p++)
            bars[p] = new T[lengths[p]];
        int at = 0;
        for (int o = 0; o < outer; o++)
        {
            for (int p = 0; p < lengths.Length; p++)
            {
                int width = lengths[p] / outer;
                seed.Slice(at, width).CopyTo(bars[p].AsSpan(o * width, width));
                at += width;
            }
        }
        return bars;
    }

    private static Tensor[] Tangents(Tensor[] parts, Tensor[] dparts, string operation)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(dparts);
        if (dparts.Length != parts.Length)
            throw new ArgumentException($"{operation}: {dparts.Length} tangents for {parts.Length} tensors.", nameof(dparts));
        for (int p = 0; p < parts.Length; p++)
            TangentShape(parts[p].ShapeRef, dparts[p]?.ShapeRef, operation);
        return dparts;
    }
}
