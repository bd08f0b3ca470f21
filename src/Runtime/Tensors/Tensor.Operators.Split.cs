using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Split reverse rules of the elementwise operators used most (sums, differences and products of two tensors, and products with a scalar): the forward part keeps the operands, the
// backward part forms the adjoints only. Generated reverse sweeps prefer them to the whole rules in
// Tensor.Operators.Derivatives.cs, which return the value again with the adjoints.
public sealed partial class Tensor
{
    /// <summary>The forward part of the split reverse rule of a + b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Addition", Part = AdjointPart.Forward)]
    public static (Tensor Value, OperandsResidual<Tensor, Tensor> Residual) AdditionAdjointForward(Tensor a, Tensor b) => (a + b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a + b (each adjoint summed over the axes its operand was broadcast along): ā = seed and b̄ = seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Addition", Part = AdjointPart.Backward)]
    public static (Tensor a, Tensor b) AdditionAdjointBackward(OperandsResidual<Tensor, Tensor> residual, Tensor seed)
    {
        var (a, b) = Operands(residual, seed, "+");
        return (Broadcast.ReduceTo(seed, a._shape), Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a - b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Subtraction", Part = AdjointPart.Forward)]
    public static (Tensor Value, OperandsResidual<Tensor, Tensor> Residual) SubtractionAdjointForward(Tensor a, Tensor b) => (a - b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a - b (each adjoint summed over the axes its operand was broadcast along): ā = seed and b̄ = −seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction", Part = AdjointPart.Backward)]
    public static (Tensor a, Tensor b) SubtractionAdjointBackward(OperandsResidual<Tensor, Tensor> residual, Tensor seed)
    {
        var (a, b) = Operands(residual, seed, "-");
        return (Broadcast.ReduceTo(seed, a._shape), -Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a * b: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (Tensor Value, OperandsResidual<Tensor, Tensor> Residual) MultiplyAdjointForward(Tensor a, Tensor b) => (a * b, new(a, b));

    /// <summary>The backward part of the split reverse rule of a * b (each adjoint summed over the axes its operand was broadcast along): ā = seed∘b and b̄ = seed∘a.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (Tensor a, Tensor b) MultiplyAdjointBackward(OperandsResidual<Tensor, Tensor> residual, Tensor seed)
    {
        var (a, b) = Operands(residual, seed, "*");
        return (Broadcast.ReduceTo(seed * b, a._shape), Broadcast.ReduceTo(seed * a, b._shape));
    }

    /// <summary>The forward part of the split reverse rule of a * s: the value, and the operands for the backward part.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="s">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (Tensor Value, OperandsResidual<Tensor, double> Residual) MultiplyAdjointForward(Tensor a, double s) => (a * s, new(a, s));

    /// <summary>The backward part of the split reverse rule of a * s: ā = s·seed and s̄ = Σ a∘seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (Tensor a, double s) MultiplyAdjointBackward(OperandsResidual<Tensor, double> residual, Tensor seed)
    {
        var (a, s) = (residual.A, residual.B);
        return (SeedOf(a, seed) * s, Inner(a, seed));
    }

    /// <summary>The forward part of the split reverse rule of s * a: the value, and the operands for the backward part.</summary>
    /// <param name="s">The left operand.</param>
    /// <param name="a">The right operand.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Forward)]
    public static (Tensor Value, OperandsResidual<double, Tensor> Residual) MultiplyAdjointForward(double s, Tensor a) => (s * a, new(s, a));

    /// <summary>The backward part of the split reverse rule of s * a: s̄ = Σ a∘seed and ā = s·seed.</summary>
    /// <param name="residual">What the forward part kept.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The adjoint of each operand.</returns>
    [AdjointOf("op_Multiply", Part = AdjointPart.Backward)]
    public static (double s, Tensor a) MultiplyAdjointBackward(OperandsResidual<double, Tensor> residual, Tensor seed)
    {
        var (s, a) = (residual.A, residual.B);
        return (Inner(a, seed), SeedOf(a, seed) * s);
    }

    /// <summary>The operands a residual kept, after checking that the seed has the shape of their broadcast result.</summary>
    private static (Tensor A, Tensor B) Operands(OperandsResidual<Tensor, Tensor> residual, Tensor seed, string op)
    {
        System.ArgumentNullException.ThrowIfNull(seed);
        Broadcast.RequireResult(residual.A._shape, residual.B._shape, seed._shape, $"The derivative of operator {op}");
        return (residual.A, residual.B);
    }
}
