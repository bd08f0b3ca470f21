using System;
using Diff.Kernels;

namespace Diff;

// Indexers with C# indices and ranges. A range anywhere gives a tensor (the part of the box it selects, an axis
// chosen by an index dropped, the axes after the last argument taken whole); indices alone give the element.
// Written from one template for Tensor and ComplexTensor (keep the two files in step); the derivatives are in
// Tensor.Slicing.Derivatives.cs.
public sealed partial class Tensor
{
    /// <summary>The element <c>t[i]</c> of a rank-1 tensor, where an index may count from the end (<c>^1</c>).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 1.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <returns>The element.</returns>
    public double this[Index i] => _data[ElementOffset([i])];

    /// <summary>
    /// The part <c>t[..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the first are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 1 axis.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <returns>A new tensor of the rank of this tensor.</returns>
    public Tensor this[Range i] => Slice([i]);

    /// <summary>The element <c>t[i, j]</c> of a rank-2 tensor, where an index may count from the end (<c>^1</c>).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <returns>The element.</returns>
    public double this[Index i, Index j] => _data[ElementOffset([i, j])];

    /// <summary>
    /// The part <c>t[i, ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the second are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 2 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <returns>A new tensor of rank − 1.</returns>
    public Tensor this[Index i, Range j] => Slice([i, j]);

    /// <summary>
    /// The part <c>t[.., j]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the second are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 2 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <returns>A new tensor of rank − 1.</returns>
    public Tensor this[Range i, Index j] => Slice([i, j]);

    /// <summary>
    /// The part <c>t[.., ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the second are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 2 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <returns>A new tensor of the rank of this tensor.</returns>
    public Tensor this[Range i, Range j] => Slice([i, j]);

    /// <summary>The element <c>t[i, j, k]</c> of a rank-3 tensor, where an index may count from the end (<c>^1</c>).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 3.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <param name="k">An index on the third axis (^1 is the last).</param>
    /// <returns>The element.</returns>
    public double this[Index i, Index j, Index k] => _data[ElementOffset([i, j, k])];

    /// <summary>
    /// The part <c>t[i, j, ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <param name="k">A range on the third axis (.. is all of it).</param>
    /// <returns>A new tensor of rank − 2.</returns>
    public Tensor this[Index i, Index j, Range k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[i, .., k]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <param name="k">An index on the third axis (^1 is the last).</param>
    /// <returns>A new tensor of rank − 2.</returns>
    public Tensor this[Index i, Range j, Index k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[i, .., ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">An index on the first axis (^1 is the last).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <param name="k">A range on the third axis (.. is all of it).</param>
    /// <returns>A new tensor of rank − 1.</returns>
    public Tensor this[Index i, Range j, Range k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[.., j, k]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <param name="k">An index on the third axis (^1 is the last).</param>
    /// <returns>A new tensor of rank − 2.</returns>
    public Tensor this[Range i, Index j, Index k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[.., j, ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">An index on the second axis (^1 is the last).</param>
    /// <param name="k">A range on the third axis (.. is all of it).</param>
    /// <returns>A new tensor of rank − 1.</returns>
    public Tensor this[Range i, Index j, Range k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[.., .., k]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <param name="k">An index on the third axis (^1 is the last).</param>
    /// <returns>A new tensor of rank − 1.</returns>
    public Tensor this[Range i, Range j, Index k] => Slice([i, j, k]);

    /// <summary>
    /// The part <c>t[.., .., ..]</c>: each index drops its axis, each range keeps the positions it covers, and the
    /// axes after the third are taken whole (numpy's basic slicing). A new tensor; the original is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 3 axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis.</exception>
    /// <param name="i">A range on the first axis (.. is all of it).</param>
    /// <param name="j">A range on the second axis (.. is all of it).</param>
    /// <param name="k">A range on the third axis (.. is all of it).</param>
    /// <returns>A new tensor of the rank of this tensor.</returns>
    public Tensor this[Range i, Range j, Range k] => Slice([i, j, k]);

    /// <summary>The selected part as a new tensor.</summary>
    private Tensor Slice(ReadOnlySpan<AxisSelector> selectors)
    {
        Span<int> scratch = _shape.Length <= 32 ? stackalloc int[2 * _shape.Length] : new int[2 * _shape.Length];
        var plan = SlicePlan.Of(_shape, selectors, scratch);
        var data = new double[plan.Count];
        plan.Gather<double>(_data, data);
        return new Tensor(data, plan.Shape);
    }

    /// <summary>The transpose of <see cref="Slice"/>: <paramref name="seed"/> (of the part's shape) written into zeros of this shape.</summary>
    internal Tensor Unslice(Tensor seed, ReadOnlySpan<AxisSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Span<int> scratch = _shape.Length <= 32 ? stackalloc int[2 * _shape.Length] : new int[2 * _shape.Length];
        var plan = SlicePlan.Of(_shape, selectors, scratch);
        if (!Shapes.Equal(plan.Shape, seed._shape))
            throw new ArgumentException($"The seed of a slice has shape {Shapes.Format(seed._shape)}, the slice {Shapes.Format(plan.Shape)}.", nameof(seed));
        var data = new double[_data.Length];
        plan.Scatter<double>(seed._data, data);
        return new Tensor(data, (int[])_shape.Clone());
    }

    /// <summary>The row-major offset of an element given by one index per axis (each may count from the end).</summary>
    internal int ElementOffset(ReadOnlySpan<Index> indices)
    {
        if (indices.Length != _shape.Length)
            throw new ArgumentException($"A tensor of rank {_shape.Length}, shape {Shapes.Format(_shape)}, cannot be read with {indices.Length} ind{(indices.Length == 1 ? "ex" : "ices")}.");
        int offset = 0;
        for (int a = 0; a < indices.Length; a++)
        {
            int i = indices[a].GetOffset(_shape[a]);
            if ((uint)i >= (uint)_shape[a])
                throw new IndexOutOfRangeException($"Index {indices[a]} on axis {a} is out of range for shape {Shapes.Format(_shape)}.");
            offset = offset * _shape[a] + i;
        }
        return offset;
    }
}
