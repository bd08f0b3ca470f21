using System;
using System.Linq;
using System.Numerics;

namespace Diff;

// Concat and Stack of complex tensors, the same joins as the real ones (Ops.Joining.cs) with the same plans. A join is
// a copy, so its tangent is the join of the tangents and its adjoint (the conjugate transpose of a real permutation,
// that is its transpose) cuts the seed back into the parts.
public static partial class Ops
{
    /// <summary>
    /// The complex parts joined along an existing <paramref name="axis"/> (numpy's <c>concatenate(parts, axis)</c>):
    /// they must have one rank (at least 1) and equal lengths on every other axis.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or a part is null.</exception>
    /// <exception cref="ArgumentException">No parts, a rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="parts">The tensors, in order.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static ComplexTensor Concat(int axis, params ComplexTensor[] parts)
    {
        var (_, outer, shape) = JoinPlan(axis, parts, nameof(Concat));
        return new ComplexTensor(Join(parts.Select(p => p.Data).ToArray(), Shapes.Product(shape), outer), shape);
    }

    /// <summary>Two complex tensors joined along <paramref name="axis"/>; see <see cref="Concat(int, ComplexTensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">A rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static ComplexTensor Concat(int axis, ComplexTensor a, ComplexTensor b) => Concat(axis, [a, b]);

    /// <summary>Three complex tensors joined along <paramref name="axis"/>; see <see cref="Concat(int, ComplexTensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">A rank-0 part, or shapes that differ off the axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-rank, rank)</c>.</exception>
    /// <param name="axis">The axis to join along; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <param name="c">The third part.</param>
    /// <returns>A new tensor whose length on the axis is the sum of the parts' lengths.</returns>
    public static ComplexTensor Concat(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c) => Concat(axis, [a, b, c]);

    /// <summary>
    /// The complex parts, all of one shape, stacked along a new <paramref name="axis"/> (numpy's
    /// <c>stack(parts, axis)</c>); see <see cref="Stack(int, Tensor[])"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or a part is null.</exception>
    /// <exception cref="ArgumentException">No parts, or parts of different shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="parts">The tensors, in order.</param>
    /// <returns>A new tensor of rank one more than the parts', of length <c>parts.Length</c> on the new axis.</returns>
    public static ComplexTensor Stack(int axis, params ComplexTensor[] parts) => Concat(axis, StackParts(axis, parts));

    /// <summary>Two complex tensors of one shape stacked along a new axis; see <see cref="Stack(int, ComplexTensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">The parts' shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <returns>A new tensor of rank one more than the parts'.</returns>
    public static ComplexTensor Stack(int axis, ComplexTensor a, ComplexTensor b) => Stack(axis, [a, b]);

    /// <summary>Three complex tensors of one shape stacked along a new axis; see <see cref="Stack(int, ComplexTensor[])"/>.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    /// <exception cref="ArgumentException">The parts' shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside <c>[-(rank + 1), rank]</c>.</exception>
    /// <param name="axis">Where the new axis goes in the result; negative counts from the end.</param>
    /// <param name="a">The first part.</param>
    /// <param name="b">The second part.</param>
    /// <param name="c">The third part.</param>
    /// <returns>A new tensor of rank one more than the parts'.</returns>
    public static ComplexTensor Stack(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c) => Stack(axis, [a, b, c]);

    // ---- derivatives -------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Concat(int, ComplexTensor[])"/>: the value and the join of the tangents.</summary>
    [TangentOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ConcatTangent(int axis, ComplexTensor[] parts, ComplexTensor[] dparts) =>
        (Concat(axis, parts), Concat(axis, Tangents(parts, dparts, nameof(Concat))));

    /// <summary>Reverse mode of <see cref="Concat(int, ComplexTensor[])"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor[] parts) ConcatAdjoint(int axis, ComplexTensor[] parts, ComplexTensor seed)
    {
        ComplexTensor value = Concat(axis, parts);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Concat));
        int outer = JoinPlan(axis, parts, nameof(Concat)).Outer;
        Complex[][] bars = Cut(seed!.Span, parts.Select(p => p.Length).ToArray(), outer);
        return (value, parts.Select((p, i) => new ComplexTensor(bars[i], [.. p.ShapeRef])).ToArray());
    }

    /// <summary>Forward mode of <see cref="Concat(int, ComplexTensor, ComplexTensor)"/>.</summary>
    [TangentOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ConcatTangent(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) =>
        ConcatTangent(axis, [a, b], [da, db]);

    /// <summary>Reverse mode of <see cref="Concat(int, ComplexTensor, ComplexTensor)"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) ConcatAdjoint(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        var (value, bars) = ConcatAdjoint(axis, [a, b], seed);
        return (value, bars[0], bars[1]);
    }

    /// <summary>Forward mode of <see cref="Concat(int, ComplexTensor, ComplexTensor, ComplexTensor)"/>.</summary>
    [TangentOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ConcatTangent(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c,
        ComplexTensor da, ComplexTensor db, ComplexTensor dc) => ConcatTangent(axis, [a, b, c], [da, db, dc]);

    /// <summary>Reverse mode of <see cref="Concat(int, ComplexTensor, ComplexTensor, ComplexTensor)"/>: the value and the seed cut into the parts' shapes.</summary>
    [AdjointOf(nameof(Concat))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b, ComplexTensor c) ConcatAdjoint(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c,
        ComplexTensor seed)
    {
        var (value, bars) = ConcatAdjoint(axis, [a, b, c], seed);
        return (value, bars[0], bars[1], bars[2]);
    }

    /// <summary>Forward mode of <see cref="Stack(int, ComplexTensor[])"/>: the value and the stack of the tangents.</summary>
    [TangentOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor Tangent) StackTangent(int axis, ComplexTensor[] parts, ComplexTensor[] dparts) =>
        (Stack(axis, parts), Stack(axis, Tangents(parts, dparts, nameof(Stack))));

    /// <summary>Reverse mode of <see cref="Stack(int, ComplexTensor[])"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor[] parts) StackAdjoint(int axis, ComplexTensor[] parts, ComplexTensor seed)
    {
        ComplexTensor[] expanded = StackParts(axis, parts);
        var (value, bars) = ConcatAdjoint(axis, expanded, seed);
        for (int p = 0; p < bars.Length; p++)
            bars[p] = bars[p].Reshape(parts[p].ShapeRef);
        return (value, bars);
    }

    /// <summary>Forward mode of <see cref="Stack(int, ComplexTensor, ComplexTensor)"/>.</summary>
    [TangentOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor Tangent) StackTangent(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) =>
        StackTangent(axis, [a, b], [da, db]);

    /// <summary>Reverse mode of <see cref="Stack(int, ComplexTensor, ComplexTensor)"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) StackAdjoint(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        var (value, bars) = StackAdjoint(axis, [a, b], seed);
        return (value, bars[0], bars[1]);
    }

    /// <summary>Forward mode of <see cref="Stack(int, ComplexTensor, ComplexTensor, ComplexTensor)"/>.</summary>
    [TangentOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor Tangent) StackTangent(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c,
        ComplexTensor da, ComplexTensor db, ComplexTensor dc) => StackTangent(axis, [a, b, c], [da, db, dc]);

    /// <summary>Reverse mode of <see cref="Stack(int, ComplexTensor, ComplexTensor, ComplexTensor)"/>: the value and the seed's slices along the new axis.</summary>
    [AdjointOf(nameof(Stack))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b, ComplexTensor c) StackAdjoint(int axis, ComplexTensor a, ComplexTensor b, ComplexTensor c,
        ComplexTensor seed)
    {
        var (value, bars) = StackAdjoint(axis, [a, b, c], seed);
        return (value, bars[0], bars[1], bars[2]);
    }

    // ---- plans -------------------------------------------------------------------------------

    private static (int Axis, int Outer, int[] Shape) JoinPlan(int axis, ComplexTensor[] parts, string operation) =>
        JoinPlan(axis, PartShapes(parts, static p => p.ShapeRef, operation), operation);

    /// <summary>The parts of a complex stack, each viewed with a length-1 axis inserted at <paramref name="axis"/>.</summary>
    private static ComplexTensor[] StackParts(int axis, ComplexTensor[] parts)
    {
        int[] expanded = StackShape(axis, PartShapes(parts, static p => p.ShapeRef, nameof(Stack)));
        return parts.Select(p => new ComplexTensor(p.Data, expanded)).ToArray();
    }

    private static ComplexTensor[] Tangents(ComplexTensor[] parts, ComplexTensor[] dparts, string operation)
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
