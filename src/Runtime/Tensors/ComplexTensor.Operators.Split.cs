using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Split reverse rules of the elementwise operators used most (sums, differences and products of two tensors, and products with a scalar): the forward part keeps the operands, the
// backward part forms the adjoints only. Generated reverse sweeps prefer them to the whole rules in
// ComplexTensor.Operators.Derivatives.cs, which return the value again with the adjoints.
public sealed partial class ComplexTensor
{
    /// <summary>The forward part of the split reverse rule of a + b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Addition", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<ComplexTensor, ComplexTensor> Residual) AdditionAdjointForward(ComplexTensor a, ComplexTensor b) => (a + b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a + b (each adjoint summed over the axes its operand was broadcast along): ā = seed and b̄ = seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Addition", Part = AdjointPart.Backward)]
    public static (ComplexTensor a, ComplexTensor b) AdditionAdjointBackward(OperandsResidual<ComplexTensor, ComplexTensor> residual, ComplexTensor seed)
    {
        var (a, b) = Operands(residual, seed, "+");
        return (Broadcast.ReduceTo(seed, a._shape), Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a - b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Subtraction", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<ComplexTensor, ComplexTensor> Residual) SubtractionAdjointForward(ComplexTensor a, ComplexTensor b) => (a - b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a - b (each adjoint summed over the axes its operand was broadcast along): ā = seed and b̄ = −seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction", Part = AdjointPart.Backward)]
    public static (ComplexTensor a, ComplexTensor b) SubtractionAdjointBackward(OperandsResidual<ComplexTensor, ComplexTensor> residual, ComplexTensor seed)
    {
        var (a, b) = Operands(residual, seed, "-");
        return (Broadcast.ReduceTo(seed, a._shape), -Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a * b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<ComplexTensor, ComplexTensor> Residual) MultiplyAdjointForward(ComplexTensor a, ComplexTensor b) => (a * b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a * b (each adjoint summed over the axes its operand was broadcast along): ā = conj(b)∘seed and b̄ = conj(a)∘seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (ComplexTensor a, ComplexTensor b) MultiplyAdjointBackward(OperandsResidual<ComplexTensor, ComplexTensor> residual, ComplexTensor seed)
    {
        var (a, b) = Operands(residual, seed, "*");
        return (Broadcast.ReduceTo(b.Conj() * seed, a._shape), Broadcast.ReduceTo(a.Conj() * seed, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a * s: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<ComplexTensor, Complex> Residual) MultiplyAdjointForward(ComplexTensor a, Complex s) => (a * s, new(a, s));

    /// <summary>The backward part of the split reverse rule of a * s: ā = conj(s)·seed and s̄ = Σ conj(a)∘seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (ComplexTensor a, Complex s) MultiplyAdjointBackward(OperandsResidual<ComplexTensor, Complex> residual, ComplexTensor seed)
    {
        var (a, s) = (residual.A, residual.B);
        return (Tensor.SeedOf(a, seed) * Complex.Conjugate(s), Inner(a, seed));
    }

    /// <summary>The forward part of the split reverse rule of s * a: the value, and the operands for the backward part.</summary>
    /// <param name="s">The left operand.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<Complex, ComplexTensor> Residual) MultiplyAdjointForward(Complex s, ComplexTensor a) => (s * a, new(s, a));

    /// <summary>The backward part of the split reverse rule of s * a: s̄ = Σ conj(a)∘seed and ā = conj(s)·seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (Complex s, ComplexTensor a) MultiplyAdjointBackward(OperandsResidual<Complex, ComplexTensor> residual, ComplexTensor seed)
    {
        var (s, a) = (residual.A, residual.B);
        return (Inner(a, seed), Tensor.SeedOf(a, seed) * Complex.Conjugate(s));
    }

    /// <summary>The forward part of the split reverse rule of a * s: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<ComplexTensor, double> Residual) MultiplyAdjointForward(ComplexTensor a, double s) => (a * s, new(a, s));

    /// <summary>The backward part of the split reverse rule of a * s: ā = s·seed and s̄ = Re Σ conj(a)∘seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (ComplexTensor a, double s) MultiplyAdjointBackward(OperandsResidual<ComplexTensor, double> residual, ComplexTensor seed)
    {
        var (a, s) = (residual.A, residual.B);
        return (Tensor.SeedOf(a, seed) * s, Inner(a, seed).Real);
    }

    /// <summary>The forward part of the split reverse rule of s * a: the value, and the operands for the backward part.</summary>
    /// <param name="s">The left operand.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, OperandsResidual<double, ComplexTensor> Residual) MultiplyAdjointForward(double s, ComplexTensor a) => (s * a, new(s, a));

    /// <summary>The backward part of the split reverse rule of s * a: s̄ = Re Σ conj(a)∘seed and ā = s·seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (double s, ComplexTensor a) MultiplyAdjointBackward(OperandsResidual<double, ComplexTensor> residual, ComplexTensor seed)
    {
        var (s, a) = (residual.A, residual.B);
        return (Inner(a, seed).Real, Tensor.SeedOf(a, seed) * s);
    }

    /// <summary>The operands a residual kept, after checking that the seed has the shape of their broadcast result.</summary>
    private static (ComplexTensor A, ComplexTensor B) Operands(OperandsResidual<ComplexTensor, ComplexTensor> residual, ComplexTensor seed, string op)
    {
        System.ArgumentNullException.ThrowIfNull(seed);
        Broadcast.RequireResult(residual.A._shape, residual.B._shape, seed._shape, $"The derivative of operator {op}");
        return (residual.A, residual.B);
    }
}
