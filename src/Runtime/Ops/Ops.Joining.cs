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
        var data = new double[Shapes.Product(shape)];
        int at = 0;
        for (int o = 0; o < outer; o++)
        {
            foreach (Tensor p in parts)
            {
                int width = p.Length / outer;
                p.Span.Slice(o * width, width).CopyTo(data.AsSpan(at, width));
                at += width;
            }
        }
        return new Tensor(data, shape);
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
    private static (int Axis, int Outer, int[] Shape) JoinPlan(int axis, Tensor[] parts, string operation)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
            throw new ArgumentException($"{operation} needs at least one tensor.", nameof(parts));
        foreach (Tensor p in parts)
            ArgumentNullException.ThrowIfNull(p, nameof(parts));
        int[] first = parts[0].ShapeRef;
        if (first.Length == 0)
            throw new ArgumentException($"{operation}: a rank-0 tensor has no axis to join along; use Stack, or Tensor.FromScalars.", nameof(parts));
        int a = AxisLayout.Normalize(first, axis, operation);
        int[] shape = (int[])first.Clone();
        for (int p = 1; p < parts.Length; p++)
        {
            int[] s = parts[p].ShapeRef;
            bool fits = s.Length == first.Length;
            for (int d = 0; fits && d < s.Length; d++)
                fits = d == a || s[d] == first[d];
            if (!fits)
                throw new ArgumentException(
                    $"{operation} along axis {axis}: shapes {string.Join(", ", parts.Select(q => Shapes.Format(q.ShapeRef)))} must agree on every other axis.", nameof(parts));
            shape[a] = checked(shape[a] + s[a]);
        }
        Shapes.Product(shape);
        return (a, Shapes.Product(first.AsSpan(0, a)), shape);
    }

    /// <summary>The parts of a stack, each viewed with a length-1 axis inserted at <paramref name="axis"/>.</summary>
    private static Tensor[] StackParts(int axis, Tensor[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
            throw new ArgumentException($"{nameof(Stack)} needs at least one tensor.", nameof(parts));
        foreach (Tensor p in parts)
            ArgumentNullException.ThrowIfNull(p, nameof(parts));
        int[] first = parts[0].ShapeRef;
        foreach (Tensor p in parts)
            if (!Shapes.Equal(p.ShapeRef, first))
                throw new ArgumentException(
                    $"{nameof(Stack)}: every tensor must have the same shape; got {string.Join(", ", parts.Select(q => Shapes.Format(q.ShapeRef)))}.", nameof(parts));
        int a = AxisLayout.Normalize(first, axis, nameof(Stack), first.Length + 1);
        int[] expanded = [.. first[..a], 1, .. first[a..]];
        return parts.Select(p => new Tensor(p.Data, expanded)).ToArray();
    }

    /// <summary>The seed of a join cut back into tensors of the parts' shapes.</summary>
    private static Tensor[] Cut(Tensor seed, Tensor[] parts, int outer)
    {
        var bars = new double[parts.Length][];
        for (int p = 0; p < parts.Length; p++)
            bars[p] = new double[parts[p].Length];
        int at = 0;
        for (int o = 0; o < outer; o++)
        {
            for (int p = 0; p < parts.Length; p++)
            {
                int width = parts[p].Length / outer;
                seed.Span.Slice(at, width).CopyTo(bars[p].AsSpan(o * width, width));
                at += width;
            }
        }
        return parts.Select((p, i) => new Tensor(bars[i], [.. p.ShapeRef])).ToArray();
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
