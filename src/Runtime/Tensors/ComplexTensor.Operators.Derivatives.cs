using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of ComplexTensor's operators (registered by the operators' metadata names). The
// operators are holomorphic, so the adjoint of an operand is conj(∂y/∂x)·seed; a real operand (Tensor,
// double) gets the real part of it, and a scalar operand the sum over the elements.
public sealed partial class ComplexTensor
{
    // ---- complex with complex ----------------------------------------------------------------

    /// <summary>Forward mode of a + b: the value and da + db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) => (a + b, Tensor.SeedOf(a, da) + Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a + b: the value, ā = seed and b̄ = seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) AdditionAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a + b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a.ShapeRef), Broadcast.ReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a − b: the value and da − db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) => (a - b, Tensor.SeedOf(a, da) - Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a − b: the value, ā = seed and b̄ = −seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) SubtractionAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a - b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a.ShapeRef), -Broadcast.ReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a ∘ b: the value and da∘b + a∘db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) => (a * b, Tensor.SeedOf(a, da) * b + a * Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a ∘ b: the value, ā = conj(b)∘seed and b̄ = conj(a)∘seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) MultiplyAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a * b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(b.Conj() * seed, a.ShapeRef), Broadcast.ReduceTo(a.Conj() * seed, b.ShapeRef));
    }

    /// <summary>Forward mode of y = a / b: the value and (da − y∘db) / b.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db)
    {
        ComplexTensor y = a / b;
        return (y, (Tensor.SeedOf(a, da) - y * Tensor.SeedOf(b, db)) / b);
    }

    /// <summary>Reverse mode of y = a / b: the value, ā = seed / conj(b) and b̄ = −conj(y)∘ā, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) DivisionAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a / b;
        Tensor.SeedOf(value, seed);
        ComplexTensor g = seed / b.Conj();
        return (value, Broadcast.ReduceTo(g, a.ShapeRef), -Broadcast.ReduceTo(value.Conj() * g, b.ShapeRef));
    }

    /// <summary>Forward mode of −a: the value and −da.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_UnaryNegation")]
    public static (ComplexTensor Value, ComplexTensor Tangent) UnaryNegationTangent(ComplexTensor a, ComplexTensor da) => (-a, -Tensor.SeedOf(a, da));

    /// <summary>Reverse mode of −a: the value and ā = −seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_UnaryNegation")]
    public static (ComplexTensor Value, ComplexTensor a) UnaryNegationAdjoint(ComplexTensor a, ComplexTensor seed) => (-a, -Tensor.SeedOf(a, seed));

    // ---- complex with real -------------------------------------------------------------------

    /// <summary>Forward mode of a + b (real b): the value and da + db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db) => (a + b, Tensor.SeedOf(a, da) + Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a + b (real b): the value, ā = seed and b̄ = Re seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) AdditionAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        ComplexTensor value = a + b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a.ShapeRef), Broadcast.RealReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a + b (real a): the value and da + db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db) => (a + b, Tensor.SeedOf(a, da) + Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a + b (real a): the value, ā = Re seed and b̄ = seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) AdditionAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a + b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.RealReduceTo(seed, a.ShapeRef), Broadcast.ReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a − b (real b): the value and da − db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db) => (a - b, Tensor.SeedOf(a, da) - Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a − b (real b): the value, ā = seed and b̄ = −Re seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) SubtractionAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        ComplexTensor value = a - b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a.ShapeRef), -Broadcast.RealReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a − b (real a): the value and da − db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db) => (a - b, Tensor.SeedOf(a, da) - Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a − b (real a): the value, ā = Re seed and b̄ = −seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) SubtractionAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a - b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.RealReduceTo(seed, a.ShapeRef), -Broadcast.ReduceTo(seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a ∘ b (real b): the value and da∘b + a∘db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db) => (a * b, Tensor.SeedOf(a, da) * b + a * Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a ∘ b (real b): the value, ā = b∘seed and b̄ = Re(conj(a)∘seed), each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) MultiplyAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        ComplexTensor value = a * b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed * b, a.ShapeRef), Broadcast.RealReduceTo(a.Conj() * seed, b.ShapeRef));
    }

    /// <summary>Forward mode of a ∘ b (real a): the value and da∘b + a∘db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db) => (a * b, Tensor.SeedOf(a, da) * b + a * Tensor.SeedOf(b, db));

    /// <summary>Reverse mode of a ∘ b (real a): the value, ā = Re(conj(b)∘seed) and b̄ = a∘seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) MultiplyAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a * b;
        Tensor.SeedOf(value, seed);
        return (value, Broadcast.RealReduceTo(b.Conj() * seed, a.ShapeRef), Broadcast.ReduceTo(seed * a, b.ShapeRef));
    }

    /// <summary>Forward mode of y = a / b (real b): the value and (da − y∘db) / b.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db)
    {
        ComplexTensor y = a / b;
        return (y, (Tensor.SeedOf(a, da) - y * Tensor.SeedOf(b, db)) / b);
    }

    /// <summary>Reverse mode of y = a / b (real b): the value, ā = seed / b and b̄ = −Re(conj(y)∘ā), each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) DivisionAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        ComplexTensor value = a / b;
        Tensor.SeedOf(value, seed);
        ComplexTensor g = seed / b;
        return (value, Broadcast.ReduceTo(g, a.ShapeRef), -Broadcast.RealReduceTo(value.Conj() * g, b.ShapeRef));
    }

    /// <summary>Forward mode of y = a / b (real a): the value and (da − y∘db) / b.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db)
    {
        ComplexTensor y = a / b;
        return (y, (Tensor.SeedOf(a, da) - y * Tensor.SeedOf(b, db)) / b);
    }

    /// <summary>Reverse mode of y = a / b (real a): the value, ā = Re(seed / conj(b)) and b̄ = −conj(y)∘(seed / conj(b)), each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) DivisionAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = a / b;
        Tensor.SeedOf(value, seed);
        ComplexTensor g = seed / b.Conj();
        return (value, Broadcast.RealReduceTo(g, a.ShapeRef), -Broadcast.ReduceTo(value.Conj() * g, b.ShapeRef));
    }
}
