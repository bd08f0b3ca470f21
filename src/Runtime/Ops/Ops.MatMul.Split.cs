using System;

namespace Diff;

/// <summary>
/// What the backward part of a product's split adjoint needs from the forward part: its two operands (references
/// to immutable tensors, so keeping them costs nothing).
/// </summary>
/// <typeparam name="TA">The left operand's type.</typeparam>
/// <typeparam name="TB">The right operand's type.</typeparam>
public sealed class ProductResidual<TA, TB>
    where TA : class
    where TB : class
{
    internal ProductResidual(TA a, TB b, int[] shape)
    {
        A = a;
        B = b;
        Shape = shape;
    }

    internal TA A { get; }

    internal TB B { get; }

    /// <summary>The product's shape, which the seed must have.</summary>
    internal int[] Shape { get; }
}

// MatMul's reverse rule in two parts, for generated reverse sweeps: the forward part keeps the operands, the backward
// part forms ā = S·Bᴴ and b̄ = Aᴴ·S (real parts for a real operand) without computing the product again.
public static partial class Ops
{
    /// <summary>The forward part of the split reverse rule of <see cref="MatMul(Tensor, Tensor)"/>: the product and its operands.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>A·B and the residual the backward part needs.</returns>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Forward)]
    public static (Tensor Value, ProductResidual<Tensor, Tensor> Residual) MatMulAdjointForward(Tensor a, Tensor b)
    {
        var value = MatMul(a, b);
        return (value, new(a, b, value.ShapeRef));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="MatMul(Tensor, Tensor)"/>: ā = S·Bᵀ, b̄ = Aᵀ·S.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The adjoint of the product.</param>
    /// <returns>The adjoints of the operands.</returns>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Backward)]
    public static (Tensor a, Tensor b) MatMulAdjointBackward(ProductResidual<Tensor, Tensor> residual, Tensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SeedShape(residual.Shape, seed?.ShapeRef, nameof(MatMul));
        var (a, b) = (residual.A, residual.B);
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (new Tensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }

    /// <inheritdoc cref="MatMulAdjointForward(Tensor, Tensor)"/>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, ProductResidual<ComplexTensor, ComplexTensor> Residual) MatMulAdjointForward(ComplexTensor a, ComplexTensor b)
    {
        var value = MatMul(a, b);
        return (value, new(a, b, value.ShapeRef));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="MatMul(ComplexTensor, ComplexTensor)"/>: ā = S·Bᴴ, b̄ = Aᴴ·S.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The adjoint of the product.</param>
    /// <returns>The adjoints of the operands.</returns>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Backward)]
    public static (ComplexTensor a, ComplexTensor b) MatMulAdjointBackward(ProductResidual<ComplexTensor, ComplexTensor> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SeedShape(residual.Shape, seed?.ShapeRef, nameof(MatMul));
        var (a, b) = (residual.A, residual.B);
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (new ComplexTensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <inheritdoc cref="MatMulAdjointForward(Tensor, Tensor)"/>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, ProductResidual<Tensor, ComplexTensor> Residual) MatMulAdjointForward(Tensor a, ComplexTensor b)
    {
        var value = MatMul(a, b);
        return (value, new(a, b, value.ShapeRef));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="MatMul(Tensor, ComplexTensor)"/>: ā = Re(S·Bᴴ), b̄ = Aᵀ·S.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The adjoint of the product.</param>
    /// <returns>The adjoints of the operands.</returns>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Backward)]
    public static (Tensor a, ComplexTensor b) MatMulAdjointBackward(ProductResidual<Tensor, ComplexTensor> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SeedShape(residual.Shape, seed?.ShapeRef, nameof(MatMul));
        var (a, b) = (residual.A, residual.B);
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (new Tensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <inheritdoc cref="MatMulAdjointForward(Tensor, Tensor)"/>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, ProductResidual<ComplexTensor, Tensor> Residual) MatMulAdjointForward(ComplexTensor a, Tensor b)
    {
        var value = MatMul(a, b);
        return (value, new(a, b, value.ShapeRef));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="MatMul(ComplexTensor, Tensor)"/>: ā = S·Bᵀ, b̄ = Re(Aᴴ·S).</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The adjoint of the product.</param>
    /// <returns>The adjoints of the operands.</returns>
    [AdjointOf(nameof(MatMul), Part = AdjointPart.Backward)]
    public static (ComplexTensor a, Tensor b) MatMulAdjointBackward(ProductResidual<ComplexTensor, Tensor> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        SeedShape(residual.Shape, seed?.ShapeRef, nameof(MatMul));
        var (a, b) = (residual.A, residual.B);
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (new ComplexTensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }
}
