using System.Numerics;

namespace Diff;

// Registered derivatives of ComplexTensor's shape operations, parts, indexers and conversions (the receiver is the
// registration's first parameter; see Tensor.Members.Derivatives.cs). With the convention that the adjoint of a
// complex z is ∂L/∂Re z + i·∂L/∂Im z: y = Re z gives z̄ = ȳ, y = Im z gives z̄ = i·ȳ, y = conj z gives z̄ = conj ȳ.
public sealed partial class ComplexTensor
{
    /// <summary>Forward mode of <see cref="Reshape"/>.</summary>
    [TangentOf(nameof(Reshape))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ReshapeTangent(ComplexTensor tensor, int[] shape, ComplexTensor dtensor) =>
        (tensor.Reshape(shape), dtensor.Reshape(shape));

    /// <summary>Reverse mode of <see cref="Reshape"/>: the seed reshaped back to the receiver's shape.</summary>
    [AdjointOf(nameof(Reshape))]
    public static (ComplexTensor Value, ComplexTensor tensor) ReshapeAdjoint(ComplexTensor tensor, int[] shape, ComplexTensor seed) =>
        (tensor.Reshape(shape), seed.Reshape(tensor._shape));

    /// <summary>Forward mode of <see cref="Flatten"/>.</summary>
    [TangentOf(nameof(Flatten))]
    public static (ComplexTensor Value, ComplexTensor Tangent) FlattenTangent(ComplexTensor tensor, ComplexTensor dtensor) => (tensor.Flatten(), dtensor.Flatten());

    /// <summary>Reverse mode of <see cref="Flatten"/>: the seed reshaped back to the receiver's shape.</summary>
    [AdjointOf(nameof(Flatten))]
    public static (ComplexTensor Value, ComplexTensor tensor) FlattenAdjoint(ComplexTensor tensor, ComplexTensor seed) => (tensor.Flatten(), seed.Reshape(tensor._shape));

    /// <summary>Forward mode of <see cref="Transpose"/>.</summary>
    [TangentOf(nameof(Transpose))]
    public static (ComplexTensor Value, ComplexTensor Tangent) TransposeTangent(ComplexTensor tensor, ComplexTensor dtensor) => (tensor.Transpose(), dtensor.Transpose());

    /// <summary>Reverse mode of <see cref="Transpose"/>: the transposed seed.</summary>
    [AdjointOf(nameof(Transpose))]
    public static (ComplexTensor Value, ComplexTensor tensor) TransposeAdjoint(ComplexTensor tensor, ComplexTensor seed) => (tensor.Transpose(), seed.Transpose());

    /// <summary>Forward mode of <see cref="ConjugateTranspose"/>.</summary>
    [TangentOf(nameof(ConjugateTranspose))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ConjugateTransposeTangent(ComplexTensor tensor, ComplexTensor dtensor) =>
        (tensor.ConjugateTranspose(), dtensor.ConjugateTranspose());

    /// <summary>Reverse mode of <see cref="ConjugateTranspose"/>: the conjugate transpose of the seed.</summary>
    [AdjointOf(nameof(ConjugateTranspose))]
    public static (ComplexTensor Value, ComplexTensor tensor) ConjugateTransposeAdjoint(ComplexTensor tensor, ComplexTensor seed) =>
        (tensor.ConjugateTranspose(), seed.ConjugateTranspose());

    /// <summary>Forward mode of <see cref="Real"/>: the real parts of the value and the tangent.</summary>
    [TangentOf(nameof(Real))]
    public static (Tensor Value, Tensor Tangent) RealTangent(ComplexTensor tensor, ComplexTensor dtensor) => (tensor.Real(), dtensor.Real());

    /// <summary>Reverse mode of <see cref="Real"/>: the seed as a complex tensor (z̄ = ȳ).</summary>
    [AdjointOf(nameof(Real))]
    public static (Tensor Value, ComplexTensor tensor) RealAdjoint(ComplexTensor tensor, Tensor seed) => (tensor.Real(), FromTensor(seed));

    /// <summary>Forward mode of <see cref="Imag"/>: the imaginary parts of the value and the tangent.</summary>
    [TangentOf(nameof(Imag))]
    public static (Tensor Value, Tensor Tangent) ImagTangent(ComplexTensor tensor, ComplexTensor dtensor) => (tensor.Imag(), dtensor.Imag());

    /// <summary>Reverse mode of <see cref="Imag"/>: z̄ = i·ȳ.</summary>
    [AdjointOf(nameof(Imag))]
    public static (Tensor Value, ComplexTensor tensor) ImagAdjoint(ComplexTensor tensor, Tensor seed) => (tensor.Imag(), Complex.ImaginaryOne * seed);

    /// <summary>Forward mode of <see cref="Conj"/>: the conjugates of the value and the tangent.</summary>
    [TangentOf(nameof(Conj))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ConjTangent(ComplexTensor tensor, ComplexTensor dtensor) => (tensor.Conj(), dtensor.Conj());

    /// <summary>Reverse mode of <see cref="Conj"/>: z̄ = conj ȳ.</summary>
    [AdjointOf(nameof(Conj))]
    public static (ComplexTensor Value, ComplexTensor tensor) ConjAdjoint(ComplexTensor tensor, ComplexTensor seed) => (tensor.Conj(), seed.Conj());

    /// <summary>Forward mode of <c>z[i]</c>.</summary>
    [TangentOf("get_Item")]
    public static (Complex Value, Complex Tangent) ItemTangent(ComplexTensor tensor, int i, ComplexTensor dtensor) => (tensor[i], dtensor[i]);

    /// <summary>Reverse mode of <c>z[i]</c>: a tensor of the receiver's shape holding the seed at <c>[i]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (Complex Value, ComplexTensor tensor) ItemAdjoint(ComplexTensor tensor, int i, Complex seed) =>
        (tensor[i], Unit(tensor._shape, Shapes.Offset(tensor._shape, i), seed));

    /// <summary>Forward mode of <c>z[i, j]</c>.</summary>
    [TangentOf("get_Item")]
    public static (Complex Value, Complex Tangent) ItemTangent(ComplexTensor tensor, int i, int j, ComplexTensor dtensor) => (tensor[i, j], dtensor[i, j]);

    /// <summary>Reverse mode of <c>z[i, j]</c>: a tensor of the receiver's shape holding the seed at <c>[i, j]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (Complex Value, ComplexTensor tensor) ItemAdjoint(ComplexTensor tensor, int i, int j, Complex seed) =>
        (tensor[i, j], Unit(tensor._shape, Shapes.Offset(tensor._shape, i, j), seed));

    /// <summary>Forward mode of <c>z[i, j, k]</c>.</summary>
    [TangentOf("get_Item")]
    public static (Complex Value, Complex Tangent) ItemTangent(ComplexTensor tensor, int i, int j, int k, ComplexTensor dtensor) => (tensor[i, j, k], dtensor[i, j, k]);

    /// <summary>Reverse mode of <c>z[i, j, k]</c>: a tensor of the receiver's shape holding the seed at <c>[i, j, k]</c>.</summary>
    [AdjointOf("get_Item")]
    public static (Complex Value, ComplexTensor tensor) ItemAdjoint(ComplexTensor tensor, int i, int j, int k, Complex seed) =>
        (tensor[i, j, k], Unit(tensor._shape, Shapes.Offset(tensor._shape, i, j, k), seed));

    /// <summary>Forward mode of the conversion of a rank-0 complex tensor to <see cref="Complex"/>.</summary>
    [TangentOf("op_Implicit")]
    public static (Complex Value, Complex Tangent) ToComplexTangent(ComplexTensor t, ComplexTensor dt) => ((Complex)t, (Complex)dt);

    /// <summary>Reverse mode of the conversion of a rank-0 complex tensor to <see cref="Complex"/>: the seed as a rank-0 tensor.</summary>
    [AdjointOf("op_Implicit")]
    public static (Complex Value, ComplexTensor t) ToComplexAdjoint(ComplexTensor t, Complex seed) => ((Complex)t, Full(seed, t._shape));

    /// <summary>Forward mode of the conversion of a <c>Complex[]</c> to a rank-1 complex tensor.</summary>
    [TangentOf("op_Implicit")]
    public static (ComplexTensor Value, ComplexTensor Tangent) ImplicitFromArrayTangent(Complex[] values, Complex[] dvalues) => (values, dvalues);

    /// <summary>Reverse mode of the conversion of a <c>Complex[]</c> to a rank-1 complex tensor: the seed's elements.</summary>
    [AdjointOf("op_Implicit")]
    public static (ComplexTensor Value, Complex[] values) ImplicitFromArrayAdjoint(Complex[] values, ComplexTensor seed) => (values, seed.ToArray());

    /// <summary>Forward mode of <see cref="FromArray(Complex[])"/>.</summary>
    [TangentOf(nameof(FromArray))]
    public static (ComplexTensor Value, ComplexTensor Tangent) FromArrayTangent(Complex[] values, Complex[] dvalues) => (FromArray(values), FromArray(dvalues));

    /// <summary>Reverse mode of <see cref="FromArray(Complex[])"/>: the seed's elements.</summary>
    [AdjointOf(nameof(FromArray))]
    public static (ComplexTensor Value, Complex[] values) FromArrayAdjoint(Complex[] values, ComplexTensor seed) => (FromArray(values), seed.ToArray());

    /// <summary>Forward mode of <see cref="FromTensor"/>.</summary>
    [TangentOf(nameof(FromTensor))]
    public static (ComplexTensor Value, ComplexTensor Tangent) FromTensorTangent(Tensor tensor, Tensor dtensor) => (FromTensor(tensor), FromTensor(dtensor));

    /// <summary>Reverse mode of <see cref="FromTensor"/>: the real part of the seed.</summary>
    [AdjointOf(nameof(FromTensor))]
    public static (ComplexTensor Value, Tensor tensor) FromTensorAdjoint(Tensor tensor, ComplexTensor seed) => (FromTensor(tensor), seed.Real());

    /// <summary>A tensor of <paramref name="shape"/> that is zero except for <paramref name="value"/> at <paramref name="offset"/>.</summary>
    internal static ComplexTensor Unit(int[] shape, int offset, Complex value)
    {
        var data = new Complex[Shapes.Product(shape)];
        data[offset] = value;
        return new ComplexTensor(data, (int[])shape.Clone());
    }
}
