using System;

namespace Diff;

// Registered derivatives of the Index/Range indexers (receiver first, under the indexer's metadata name get_Item).
// A slice is linear: its tangent is the same slice of the tangent, its adjoint the seed written into zeros of the
// receiver's shape. Written from one template for Tensor and ComplexTensor (keep the two files in step).
public sealed partial class Tensor
{
    /// <summary>Forward mode of <c>t[i]</c> with <see cref="Index"/> arguments: the element and the tangent's element.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, Index i, Tensor dtensor) => (tensor[i], Tangent(tensor, dtensor)[i]);

    /// <summary>Reverse mode of <c>t[i]</c> with <see cref="Index"/> arguments: zeros of the receiver's shape holding the seed at the element.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, double seed) => (tensor[i], Unit(tensor._shape, tensor.ElementOffset([i]), seed));

    /// <summary>Forward mode of <c>t[..]</c> (Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Tensor dtensor) => (tensor[i], Tangent(tensor, dtensor)[i]);

    /// <summary>Reverse mode of <c>t[..]</c> (Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Tensor seed) => (tensor[i], tensor.Unslice(seed, [i]));

    /// <summary>Forward mode of <c>t[i, j]</c> with <see cref="Index"/> arguments: the element and the tangent's element.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, Index i, Index j, Tensor dtensor) => (tensor[i, j], Tangent(tensor, dtensor)[i, j]);

    /// <summary>Reverse mode of <c>t[i, j]</c> with <see cref="Index"/> arguments: zeros of the receiver's shape holding the seed at the element.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Index j, double seed) => (tensor[i, j], Unit(tensor._shape, tensor.ElementOffset([i, j]), seed));

    /// <summary>Forward mode of <c>t[i, ..]</c> (Index, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Index i, Range j, Tensor dtensor) => (tensor[i, j], Tangent(tensor, dtensor)[i, j]);

    /// <summary>Reverse mode of <c>t[i, ..]</c> (Index, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Range j, Tensor seed) => (tensor[i, j], tensor.Unslice(seed, [i, j]));

    /// <summary>Forward mode of <c>t[.., j]</c> (Range, Index): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Index j, Tensor dtensor) => (tensor[i, j], Tangent(tensor, dtensor)[i, j]);

    /// <summary>Reverse mode of <c>t[.., j]</c> (Range, Index): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Index j, Tensor seed) => (tensor[i, j], tensor.Unslice(seed, [i, j]));

    /// <summary>Forward mode of <c>t[.., ..]</c> (Range, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Range j, Tensor dtensor) => (tensor[i, j], Tangent(tensor, dtensor)[i, j]);

    /// <summary>Reverse mode of <c>t[.., ..]</c> (Range, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Range j, Tensor seed) => (tensor[i, j], tensor.Unslice(seed, [i, j]));

    /// <summary>Forward mode of <c>t[i, j, k]</c> with <see cref="Index"/> arguments: the element and the tangent's element.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, Index i, Index j, Index k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[i, j, k]</c> with <see cref="Index"/> arguments: zeros of the receiver's shape holding the seed at the element.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Index j, Index k, double seed) => (tensor[i, j, k], Unit(tensor._shape, tensor.ElementOffset([i, j, k]), seed));

    /// <summary>Forward mode of <c>t[i, j, ..]</c> (Index, Index, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Index i, Index j, Range k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[i, j, ..]</c> (Index, Index, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Index j, Range k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[i, .., k]</c> (Index, Range, Index): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Index i, Range j, Index k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[i, .., k]</c> (Index, Range, Index): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Range j, Index k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[i, .., ..]</c> (Index, Range, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Index i, Range j, Range k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[i, .., ..]</c> (Index, Range, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Index i, Range j, Range k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[.., j, k]</c> (Range, Index, Index): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Index j, Index k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[.., j, k]</c> (Range, Index, Index): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Index j, Index k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[.., j, ..]</c> (Range, Index, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Index j, Range k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[.., j, ..]</c> (Range, Index, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Index j, Range k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[.., .., k]</c> (Range, Range, Index): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Range j, Index k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[.., .., k]</c> (Range, Range, Index): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Range j, Index k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>Forward mode of <c>t[.., .., ..]</c> (Range, Range, Range): the slice and the same slice of the tangent.</summary>
    [TangentOf("get_Item")]
    public static (Tensor Value, Tensor Tangent) ItemTangent(Tensor tensor, Range i, Range j, Range k, Tensor dtensor) => (tensor[i, j, k], Tangent(tensor, dtensor)[i, j, k]);

    /// <summary>Reverse mode of <c>t[.., .., ..]</c> (Range, Range, Range): the slice and the seed written into zeros of the receiver's shape.</summary>
    [AdjointOf("get_Item")]
    public static (Tensor Value, Tensor tensor) ItemAdjoint(Tensor tensor, Range i, Range j, Range k, Tensor seed) => (tensor[i, j, k], tensor.Unslice(seed, [i, j, k]));

    /// <summary>The tangent, checked to have the receiver's shape.</summary>
    private static Tensor Tangent(Tensor tensor, Tensor dtensor)
    {
        ArgumentNullException.ThrowIfNull(dtensor);
        if (!Shapes.Equal(tensor._shape, dtensor._shape))
            throw new ArgumentException($"The tangent of a slice has shape {Shapes.Format(dtensor._shape)}, the tensor {Shapes.Format(tensor._shape)}.", nameof(dtensor));
        return dtensor;
    }
}
