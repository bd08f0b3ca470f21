using System;

namespace Diff;

// Registered derivatives of Tensor's shape operations, indexers and conversions. An instance member is registered
// with the receiver as the registration's first parameter, under the member's metadata name (get_Item for the
// indexer, op_Implicit for a conversion); the generator finds these like any other registration.
public sealed partial class Tensor
{
    /// <summary>Forward mode of <see cref="Reshape"/>: the reshaped value and the reshaped tangent.</summary>
    [TangentOf(nameof(Reshape))]
    public static (Tensor Value, Tensor Tangent) ReshapeTangent(Tensor tensor, int[] shape, Tensor dtensor) =>
        (tensor.Reshape(shape), dtensor.Reshape(shape));

    /// <summary>Reverse mode of <see cref="Reshape"/>: the value, and the seed reshaped back to the receiver's shape.</summary>
    [AdjointOf(nameof(Reshape))]
    public static (Tensor Value, Tensor tensor) ReshapeAdjoint(Tensor tensor, int[] shape, Tensor seed) =>
        (tensor.Reshape(shape), seed.Reshape(tensor._shape));

    /// <summary>Forward mode of <see cref="Flatten"/>.</summary>
    [TangentOf(nameof(Flatten))]
    public static (Tensor Value, Tensor Tangent) FlattenTangent(Tensor tensor, Tensor dtensor) => (tensor.Flatten(), dtensor.Flatten());

    /// <summary>Reverse mode of <see cref="Flatten"/>: the seed reshaped back to the receiver's shape.</summary>
    [AdjointOf(nameof(Flatten))]
    public static (Tensor Value, Tensor tensor) FlattenAdjoint(Tensor tensor, Tensor seed) => (tensor.Flatten(), seed.Reshape(tensor._shape));

    /// <summary>Forward mode of <see cref="Transpose"/>.</summary>
    [TangentOf(nameof(Transpose))]
    public static (Tensor Value, Tensor Tangent) TransposeTangent(Tensor tensor, Tensor dtensor) => (tensor.Transpose(), dtensor.Transpose());

    /// <summary>Reverse mode of <see cref="Transpose"/>: the transposed seed.</summary>
    [AdjointOf(nameof(Transpose))]
    public static (Tensor Value, Tensor tensor) TransposeAdjoint(Tensor tensor, Tensor seed) => (tensor.Transpose(), seed.Transpose());

    /// <summary>Forward mode of <c>t[i]</c>.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, int i, Tensor dtensor) => (tensor[i], dtensor[i]);

    /// <summary>Reverse mode of <c>t[i]</c>: a tensor of the receiver's shape holding the seed at <c>[i]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, int i, double seed) =>
        (tensor[i], Unit(tensor._shape, Shapes.Offset(tensor._shape, i), seed));

    /// <summary>Forward mode of <c>t[i, j]</c>.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, int i, int j, Tensor dtensor) => (tensor[i, j], dtensor[i, j]);

    /// <summary>Reverse mode of <c>t[i, j]</c>: a tensor of the receiver's shape holding the seed at <c>[i, j]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, int i, int j, double seed) =>
        (tensor[i, j], Unit(tensor._shape, Shapes.Offset(tensor._shape, i, j), seed));

    /// <summary>Forward mode of <c>t[i, j, k]</c>.</summary>
    [TangentOf("get_Item")]
    public static (double Value, double Tangent) ItemTangent(Tensor tensor, int i, int j, int k, Tensor dtensor) => (tensor[i, j, k], dtensor[i, j, k]);

    /// <summary>Reverse mode of <c>t[i, j, k]</c>: a tensor of the receiver's shape holding the seed at <c>[i, j, k]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (double Value, Tensor tensor) ItemAdjoint(Tensor tensor, int i, int j, int k, double seed) =>
        (tensor[i, j, k], Unit(tensor._shape, Shapes.Offset(tensor._shape, i, j, k), seed));

    /// <summary>Forward mode of the conversion of a rank-0 tensor to <see cref="double"/>.</summary>
    [TangentOf("op_Implicit")]
    public static (double Value, double Tangent) ToDoubleTangent(Tensor t, Tensor dt) => ((double)t, (double)dt);

    /// <summary>Reverse mode of the conversion of a rank-0 tensor to <see cref="double"/>: the seed as a rank-0 tensor.</summary>
    [AdjointOf("op_Implicit")]
    public static (double Value, Tensor t) ToDoubleAdjoint(Tensor t, double seed) => ((double)t, Full(seed, t._shape));

    /// <summary>Forward mode of the conversion to <see cref="ComplexTensor"/>.</summary>
    [TangentOf("op_Implicit")]
    public static (ComplexTensor Value, ComplexTensor Tangent) ToComplexTangent(Tensor t, Tensor dt) => (t, dt);

    /// <summary>Reverse mode of the conversion to <see cref="ComplexTensor"/>: the real part of the seed.</summary>
    [AdjointOf("op_Implicit")]
    public static (ComplexTensor Value, Tensor t) ToComplexAdjoint(Tensor t, ComplexTensor seed) => (t, seed.Real());

    /// <summary>Forward mode of the conversion of a <c>double[]</c> to a rank-1 tensor.</summary>
    [TangentOf("op_Implicit")]
    public static (Tensor Value, Tensor Tangent) ImplicitFromArrayTangent(double[] values, double[] dvalues) => (values, dvalues);

    /// <summary>Reverse mode of the conversion of a <c>double[]</c> to a rank-1 tensor: the seed's elements.</summary>
    [AdjointOf("op_Implicit")]
    public static (Tensor Value, double[] values) ImplicitFromArrayAdjoint(double[] values, Tensor seed) => (values, seed.ToArray());

    /// <summary>Forward mode of <see cref="FromArray(double[])"/>.</summary>
    [TangentOf(nameof(FromArray))]
    public static (Tensor Value, Tensor Tangent) FromArrayTangent(double[] values, double[] dvalues) => (FromArray(values), FromArray(dvalues));

    /// <summary>Reverse mode of <see cref="FromArray(double[])"/>: the seed's elements.</summary>
    [AdjointOf(nameof(FromArray))]
    public static (Tensor Value, double[] values) FromArrayAdjoint(double[] values, Tensor seed) => (FromArray(values), seed.ToArray());

    /// <summary>A tensor of <paramref name="shape"/> that is zero except for <paramref name="value"/> at <paramref name="offset"/>.</summary>
    internal static Tensor Unit(int[] shape, int offset, double value)
    {
        var data = new double[Shapes.Product(shape)];
        data[offset] = value;
        return new Tensor(data, (int[])shape.Clone());
    }
}
