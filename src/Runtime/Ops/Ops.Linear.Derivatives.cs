using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of the linear kernels (Dot, MatMul, TensorDot, Sum, Trace). Every product is
// bilinear: its tangent is the product rule, and for C = A·B (A m×k, B k×n, the operands viewed as
// matrices the way the kernel views them) the adjoints are Ā = S·Bᴴ and B̄ = Aᴴ·S for the seed S
// (Bᵀ, Aᵀ for real operands). A real operand of a mixed product gets the real part of its adjoint.
public static partial class Ops
{
    // ---- Dot ---------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Dot(Tensor, Tensor)"/>: the value and Dot(da, b) + Dot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Dot))]
    public static (Tensor Value, Tensor Tangent) DotTangent(Tensor a, Tensor b, Tensor da, Tensor db) => (Dot(a, b), Dot(da, b) + Dot(a, db));

    /// <summary>Forward mode of <see cref="Dot(ComplexTensor, ComplexTensor)"/>: the value and Dot(da, b) + Dot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Dot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) DotTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) => (Dot(a, b), Dot(da, b) + Dot(a, db));

    /// <summary>Forward mode of <see cref="Dot(Tensor, ComplexTensor)"/>: the value and Dot(da, b) + Dot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Dot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) DotTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db) => (Dot(a, b), Dot(da, b) + Dot(a, db));

    /// <summary>Forward mode of <see cref="Dot(ComplexTensor, Tensor)"/>: the value and Dot(da, b) + Dot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Dot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) DotTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db) => (Dot(a, b), Dot(da, b) + Dot(a, db));

    /// <summary>Reverse mode of <see cref="Dot(Tensor, Tensor)"/>: the value and ā = S·Bᵀ, b̄ = Aᵀ·S for the seed S (the operands viewed as the kernel's matrices).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Dot))]
    public static (Tensor Value, Tensor a, Tensor b) DotAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = Dot(a, b);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Dot));
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (value, new Tensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Dot(ComplexTensor, ComplexTensor)"/>: the value and ā = S·Bᴴ, b̄ = Aᴴ·S for the seed S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Dot))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) DotAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = Dot(a, b);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Dot));
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (value, new ComplexTensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Dot(Tensor, ComplexTensor)"/>: the value, ā = Re(S·Bᴴ) (a is real) and b̄ = Aᵀ·S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Dot))]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) DotAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        ComplexTensor value = Dot(a, b);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Dot));
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (value, new Tensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Dot(ComplexTensor, Tensor)"/>: the value, ā = S·Bᵀ and b̄ = Re(Aᴴ·S) (b is real).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Dot))]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) DotAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        ComplexTensor value = Dot(a, b);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(Dot));
        var (ab, bb) = DotAdjointCore(a.Span, a.ShapeRef, b.Span, b.ShapeRef, seed!.Span);
        return (value, new ComplexTensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }

    // ---- MatMul ------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="MatMul(Tensor, Tensor)"/>: the value and da·b + a·db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(MatMul))]
    public static (Tensor Value, Tensor Tangent) MatMulTangent(Tensor a, Tensor b, Tensor da, Tensor db) => (MatMul(a, b), MatMul(da, b) + MatMul(a, db));

    /// <summary>Forward mode of <see cref="MatMul(ComplexTensor, ComplexTensor)"/>: the value and da·b + a·db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(MatMul))]
    public static (ComplexTensor Value, ComplexTensor Tangent) MatMulTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db) => (MatMul(a, b), MatMul(da, b) + MatMul(a, db));

    /// <summary>Forward mode of <see cref="MatMul(Tensor, ComplexTensor)"/>: the value and da·b + a·db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(MatMul))]
    public static (ComplexTensor Value, ComplexTensor Tangent) MatMulTangent(Tensor a, ComplexTensor b, Tensor da, ComplexTensor db) => (MatMul(a, b), MatMul(da, b) + MatMul(a, db));

    /// <summary>Forward mode of <see cref="MatMul(ComplexTensor, Tensor)"/>: the value and da·b + a·db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(MatMul))]
    public static (ComplexTensor Value, ComplexTensor Tangent) MatMulTangent(ComplexTensor a, Tensor b, ComplexTensor da, Tensor db) => (MatMul(a, b), MatMul(da, b) + MatMul(a, db));

    /// <summary>Reverse mode of <see cref="MatMul(Tensor, Tensor)"/>: the value and ā = S·Bᵀ, b̄ = Aᵀ·S for the seed S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(MatMul))]
    public static (Tensor Value, Tensor a, Tensor b) MatMulAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return DotAdjoint(a, b, seed);
    }

    /// <summary>Reverse mode of <see cref="MatMul(ComplexTensor, ComplexTensor)"/>: the value and ā = S·Bᴴ, b̄ = Aᴴ·S for the seed S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(MatMul))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) MatMulAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return DotAdjoint(a, b, seed);
    }

    /// <summary>Reverse mode of <see cref="MatMul(Tensor, ComplexTensor)"/>: the value, ā = Re(S·Bᴴ) (a is real) and b̄ = Aᵀ·S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(MatMul))]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) MatMulAdjoint(Tensor a, ComplexTensor b, ComplexTensor seed)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return DotAdjoint(a, b, seed);
    }

    /// <summary>Reverse mode of <see cref="MatMul(ComplexTensor, Tensor)"/>: the value, ā = S·Bᵀ and b̄ = Re(Aᴴ·S) (b is real).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(MatMul))]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) MatMulAdjoint(ComplexTensor a, Tensor b, ComplexTensor seed)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return DotAdjoint(a, b, seed);
    }

    // ---- TensorDot ---------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="TensorDot(Tensor, Tensor, int)"/>: the value and TensorDot(da, b) + TensorDot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(TensorDot))]
    public static (Tensor Value, Tensor Tangent) TensorDotTangent(Tensor a, Tensor b, int axes, Tensor da, Tensor db) =>
        (TensorDot(a, b, axes), TensorDot(da, b, axes) + TensorDot(a, db, axes));

    /// <summary>Forward mode of <see cref="TensorDot(ComplexTensor, ComplexTensor, int)"/>: the value and TensorDot(da, b) + TensorDot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(TensorDot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) TensorDotTangent(ComplexTensor a, ComplexTensor b, int axes, ComplexTensor da, ComplexTensor db) =>
        (TensorDot(a, b, axes), TensorDot(da, b, axes) + TensorDot(a, db, axes));

    /// <summary>Forward mode of <see cref="TensorDot(Tensor, ComplexTensor, int)"/>: the value and TensorDot(da, b) + TensorDot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(TensorDot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) TensorDotTangent(Tensor a, ComplexTensor b, int axes, Tensor da, ComplexTensor db) =>
        (TensorDot(a, b, axes), TensorDot(da, b, axes) + TensorDot(a, db, axes));

    /// <summary>Forward mode of <see cref="TensorDot(ComplexTensor, Tensor, int)"/>: the value and TensorDot(da, b) + TensorDot(a, db).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(TensorDot))]
    public static (ComplexTensor Value, ComplexTensor Tangent) TensorDotTangent(ComplexTensor a, Tensor b, int axes, ComplexTensor da, Tensor db) =>
        (TensorDot(a, b, axes), TensorDot(da, b, axes) + TensorDot(a, db, axes));

    /// <summary>Reverse mode of <see cref="TensorDot(Tensor, Tensor, int)"/>: with a as M×K and b as K×N, ā = S·Bᵀ and b̄ = Aᵀ·S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(TensorDot))]
    public static (Tensor Value, Tensor a, Tensor b) TensorDotAdjoint(Tensor a, Tensor b, int axes, Tensor seed)
    {
        Tensor value = TensorDot(a, b, axes);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(TensorDot));
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        var (ab, bb) = ProductAdjoint(a.Span, b.Span, seed!.Span, plan.M, plan.K, plan.N);
        return (value, new Tensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="TensorDot(ComplexTensor, ComplexTensor, int)"/>: with a as M×K and b as K×N, ā = S·Bᴴ and b̄ = Aᴴ·S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(TensorDot))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) TensorDotAdjoint(ComplexTensor a, ComplexTensor b, int axes, ComplexTensor seed)
    {
        ComplexTensor value = TensorDot(a, b, axes);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(TensorDot));
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        var (ab, bb) = ProductAdjoint(a.Span, b.Span, seed!.Span, plan.M, plan.K, plan.N);
        return (value, new ComplexTensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="TensorDot(Tensor, ComplexTensor, int)"/>: ā = Re(S·Bᴴ) (a is real) and b̄ = Aᵀ·S.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(TensorDot))]
    public static (ComplexTensor Value, Tensor a, ComplexTensor b) TensorDotAdjoint(Tensor a, ComplexTensor b, int axes, ComplexTensor seed)
    {
        ComplexTensor value = TensorDot(a, b, axes);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(TensorDot));
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        var (ab, bb) = ProductAdjoint(a.Span, b.Span, seed!.Span, plan.M, plan.K, plan.N);
        return (value, new Tensor(ab, [.. a.ShapeRef]), new ComplexTensor(bb, [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="TensorDot(ComplexTensor, Tensor, int)"/>: ā = S·Bᵀ and b̄ = Re(Aᴴ·S) (b is real).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="axes">The number of contracted axes, as for the differentiated method.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(TensorDot))]
    public static (ComplexTensor Value, ComplexTensor a, Tensor b) TensorDotAdjoint(ComplexTensor a, Tensor b, int axes, ComplexTensor seed)
    {
        ComplexTensor value = TensorDot(a, b, axes);
        SeedShape(value.ShapeRef, seed?.ShapeRef, nameof(TensorDot));
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        var (ab, bb) = ProductAdjoint(a.Span, b.Span, seed!.Span, plan.M, plan.K, plan.N);
        return (value, new ComplexTensor(ab, [.. a.ShapeRef]), new Tensor(bb, [.. b.ShapeRef]));
    }

    // ---- Sum, Trace --------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Sum(Tensor)"/>: the value and Sum(da).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sum))]
    public static (double Value, double Tangent) SumTangent(Tensor a, Tensor da)
    {
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, nameof(SumTangent));
        return (Sum(a), Sum(da));
    }

    /// <summary>Forward mode of <see cref="Sum(ComplexTensor)"/>: the value and Sum(da).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Sum))]
    public static (Complex Value, Complex Tangent) SumTangent(ComplexTensor a, ComplexTensor da)
    {
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, nameof(SumTangent));
        return (Sum(a), Sum(da));
    }

    /// <summary>Reverse mode of <see cref="Sum(Tensor)"/>: the value and ā filled with the seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sum))]
    public static (double Value, Tensor a) SumAdjoint(Tensor a, double seed) => (Sum(a), Tensor.Full(seed, a.Shape));

    /// <summary>Reverse mode of <see cref="Sum(ComplexTensor)"/>: the value and ā filled with the seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Sum))]
    public static (Complex Value, ComplexTensor a) SumAdjoint(ComplexTensor a, Complex seed) => (Sum(a), ComplexTensor.Full(seed, a.Shape));

    /// <summary>Forward mode of <see cref="Trace(Tensor)"/>: the value and Trace(da).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Trace))]
    public static (double Value, double Tangent) TraceTangent(Tensor a, Tensor da)
    {
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, nameof(TraceTangent));
        return (Trace(a), Trace(da));
    }

    /// <summary>Forward mode of <see cref="Trace(ComplexTensor)"/>: the value and Trace(da).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf(nameof(Trace))]
    public static (Complex Value, Complex Tangent) TraceTangent(ComplexTensor a, ComplexTensor da)
    {
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, nameof(TraceTangent));
        return (Trace(a), Trace(da));
    }

    /// <summary>Reverse mode of <see cref="Trace(Tensor)"/>: the value and ā = seed on the min(m, n) diagonal entries, 0 elsewhere.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Trace))]
    public static (double Value, Tensor a) TraceAdjoint(Tensor a, double seed)
    {
        double value = Trace(a);
        var adjoint = Tensor.Like(a);
        int rows = a.ShapeRef[0], cols = a.ShapeRef[1];
        for (int i = 0; i < Math.Min(rows, cols); i++)
            adjoint.Data[i * cols + i] = seed;
        return (value, adjoint);
    }

    /// <summary>Reverse mode of <see cref="Trace(ComplexTensor)"/>: the value and ā = seed on the min(m, n) diagonal entries, 0 elsewhere.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf(nameof(Trace))]
    public static (Complex Value, ComplexTensor a) TraceAdjoint(ComplexTensor a, Complex seed)
    {
        Complex value = Trace(a);
        var adjoint = ComplexTensor.Like(a);
        int rows = a.ShapeRef[0], cols = a.ShapeRef[1];
        for (int i = 0; i < Math.Min(rows, cols); i++)
            adjoint.Data[i * cols + i] = seed;
        return (value, adjoint);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void SeedShape(int[] value, int[]? seed, string operation)
    {
        if (seed is null)
            throw new ArgumentNullException(nameof(seed));
        if (!Shapes.Equal(value, seed))
            throw new ArgumentException($"{operation}: the seed has shape {Shapes.Format(seed)}, the value {Shapes.Format(value)}.", nameof(seed));
    }

    /// <summary>The adjoints of numpy's dot for the seed S: rank-0 operands scale, otherwise the contraction's matrix product.</summary>
    private static (double[] A, double[] B) DotAdjointCore(ReadOnlySpan<double> a, int[] aShape, ReadOnlySpan<double> b, int[] bShape, ReadOnlySpan<double> seed)
    {
        if (aShape.Length == 0)
        {
            // C = a₀·B: ā₀ = Σ B∘S, B̄ = a₀·S
            double s = 0;
            var bb = new double[b.Length];
            for (int i = 0; i < bb.Length; i++)
            {
                s += b[i] * seed[i];
                bb[i] = a[0] * seed[i];
            }
            return ([s], bb);
        }
        if (bShape.Length == 0)
        {
            var (bs, as_) = DotAdjointCore(b, bShape, a, aShape, seed);
            return (as_, bs);
        }
        var plan = DotPlan(aShape, bShape, nameof(Dot));
        var (ab, bColumns) = ProductAdjoint(a, BatchesToColumns(b, plan), seed, plan.M, plan.K, plan.N);
        return (ab, ColumnsToBatches(bColumns, plan));
    }

    /// <inheritdoc cref="DotAdjointCore(ReadOnlySpan{double}, int[], ReadOnlySpan{double}, int[], ReadOnlySpan{double})"/>
    private static (Complex[] A, Complex[] B) DotAdjointCore(ReadOnlySpan<Complex> a, int[] aShape, ReadOnlySpan<Complex> b, int[] bShape, ReadOnlySpan<Complex> seed)
    {
        if (aShape.Length == 0)
        {
            // C = a₀·B: ā₀ = Σ conj(B)∘S, B̄ = conj(a₀)·S
            Complex s = Complex.Zero, ca = Complex.Conjugate(a[0]);
            var bb = new Complex[b.Length];
            for (int i = 0; i < bb.Length; i++)
            {
                s += Complex.Conjugate(b[i]) * seed[i];
                bb[i] = ca * seed[i];
            }
            return ([s], bb);
        }
        if (bShape.Length == 0)
        {
            // C = A·b₀ is b₀·A with the roles swapped (the product of scalars commutes)
            var (bs, as_) = DotAdjointCore(b, bShape, a, aShape, seed);
            return (as_, bs);
        }
        var plan = DotPlan(aShape, bShape, nameof(Dot));
        var (ab, bColumns) = ProductAdjoint(a, BatchesToColumns(b, plan), seed, plan.M, plan.K, plan.N);
        return (ab, ColumnsToBatches(bColumns, plan));
    }

    /// <summary>The adjoints of numpy's dot of a real and a complex tensor: the real operand's is real.</summary>
    private static (double[] A, Complex[] B) DotAdjointCore(ReadOnlySpan<double> a, int[] aShape, ReadOnlySpan<Complex> b, int[] bShape, ReadOnlySpan<Complex> seed)
    {
        if (aShape.Length == 0 || bShape.Length == 0)
        {
            // a scaling: O(length), promoting is as cheap as anything
            var (ab, bb) = DotAdjointCore(Promote(a), aShape, b, bShape, seed);
            return (RealPart(ab), bb);
        }
        var plan = DotPlan(aShape, bShape, nameof(Dot));
        var (abar, bColumns) = ProductAdjoint(a, BatchesToColumns(b, plan), seed, plan.M, plan.K, plan.N);
        return (abar, ColumnsToBatches(bColumns, plan));
    }

    /// <summary>The adjoints of numpy's dot of a complex and a real tensor: the real operand's is real.</summary>
    private static (Complex[] A, double[] B) DotAdjointCore(ReadOnlySpan<Complex> a, int[] aShape, ReadOnlySpan<double> b, int[] bShape, ReadOnlySpan<Complex> seed)
    {
        if (aShape.Length == 0 || bShape.Length == 0)
        {
            var (ab, bb) = DotAdjointCore(a, aShape, Promote(b), bShape, seed);
            return (ab, RealPart(bb));
        }
        var plan = DotPlan(aShape, bShape, nameof(Dot));
        var (abar, bColumns) = ProductAdjoint(a, BatchesToColumns(b, plan), seed, plan.M, plan.K, plan.N);
        return (abar, ColumnsToBatches(bColumns, plan));
    }

    /// <summary>
    /// For C = A·B with real A (m×k), complex B (k×n) and the seed S: Ā = Re(S·Bᴴ) and B̄ = Aᵀ·S, each one real product:
    /// Re(S·Bᴴ) = Re S·(Re B)ᵀ + Im S·(Im B)ᵀ is S's interleaved doubles (m×2n) times the transpose of B's (2n×k).
    /// </summary>
    private static (double[] A, Complex[] B) ProductAdjoint(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> seed, int m, int k, int n)
    {
        var ab = new double[m * k];
        Gemm.Multiply(MemoryMarshal.Cast<Complex, double>(seed), Transposed(MemoryMarshal.Cast<Complex, double>(b), k, 2 * n), ab, m, 2 * n, k);
        return (ab, Product(Transposed(a, m, k), seed, k, m, n));
    }

    /// <summary>
    /// For C = A·B with complex A (m×k), real B (k×n) and the seed S: Ā = S·Bᵀ and B̄ = Re(Aᴴ·S) = (Re A)ᵀ·Re S + (Im A)ᵀ·Im S,
    /// the latter one real product of A's and S's real parts stacked over their imaginary parts (2m rows).
    /// </summary>
    private static (Complex[] A, double[] B) ProductAdjoint(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, ReadOnlySpan<Complex> seed, int m, int k, int n)
    {
        Complex[] ab = Product(seed, Transposed(b, k, n), m, n, k);
        var stackedT = new double[k * 2 * m];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                stackedT[p * 2 * m + i] = a[i * k + p].Real;
                stackedT[p * 2 * m + m + i] = a[i * k + p].Imaginary;
            }
        var stackedS = new double[2 * m * n];
        for (int i = 0; i < m * n; i++)
        {
            stackedS[i] = seed[i].Real;
            stackedS[m * n + i] = seed[i].Imaginary;
        }
        var bb = new double[k * n];
        Gemm.Multiply(stackedT, stackedS, bb, k, 2 * m, n);
        return (ab, bb);
    }

    /// <summary>For C = A·B (m×k times k×n) and the seed S (m×n): Ā = S·Bᵀ and B̄ = Aᵀ·S.</summary>
    private static (double[] A, double[] B) ProductAdjoint(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> seed, int m, int k, int n)
    {
        var ab = new double[m * k];
        var bb = new double[k * n];
        Gemm.Multiply(seed, Transposed(b, k, n), ab, m, n, k);
        Gemm.Multiply(Transposed(a, m, k), seed, bb, k, m, n);
        return (ab, bb);
    }

    /// <summary>For C = A·B (m×k times k×n) and the seed S (m×n): Ā = S·Bᴴ and B̄ = Aᴴ·S.</summary>
    private static (Complex[] A, Complex[] B) ProductAdjoint(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> seed, int m, int k, int n)
    {
        // Gemm.Multiply writes every entry of the results; the conjugate transposes are scratch, rented.
        var ab = GC.AllocateUninitializedArray<Complex>(m * k);
        var bb = GC.AllocateUninitializedArray<Complex>(k * n);
        Complex[] scratch = System.Buffers.ArrayPool<Complex>.Shared.Rent(Math.Max(k * n, m * k));
        try
        {
            Span<Complex> t = scratch.AsSpan(0, k * n);
            ConjugateTranspose(b, t, k, n);
            Gemm.Multiply(seed, t, ab, m, n, k);
            t = scratch.AsSpan(0, m * k);
            ConjugateTranspose(a, t, m, k);
            Gemm.Multiply(t, seed, bb, k, m, n);
        }
        finally
        {
            System.Buffers.ArrayPool<Complex>.Shared.Return(scratch);
        }

        return (ab, bb);
    }

    private static void ConjugateTranspose(ReadOnlySpan<Complex> x, Span<Complex> t, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = Complex.Conjugate(x[i * cols + j]);
    }

    private static double[] Transposed(ReadOnlySpan<double> x, int rows, int cols)
    {
        var t = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = x[i * cols + j];
        return t;
    }

    /// <summary>The inverse of <see cref="BatchesToColumns{T}"/>: row k, column t·N + n goes back to B[t, k, n].</summary>
    private static T[] ColumnsToBatches<T>(T[] columns, Plan plan)
    {
        if (plan.Batch <= 1)
            return columns;
        int k = plan.K, n = plan.N / plan.Batch;
        var b = new T[columns.Length];
        for (int t = 0; t < plan.Batch; t++)
            for (int p = 0; p < k; p++)
                columns.AsSpan(p * plan.N + t * n, n).CopyTo(b.AsSpan((t * k + p) * n, n));
        return b;
    }

    private static Complex[] Promote(ReadOnlySpan<double> x)
    {
        var z = new Complex[x.Length];
        for (int i = 0; i < z.Length; i++)
            z[i] = x[i];
        return z;
    }

    private static double[] RealPart(Complex[] z)
    {
        var x = new double[z.Length];
        for (int i = 0; i < x.Length; i++)
            x[i] = z[i].Real;
        return x;
    }
}
