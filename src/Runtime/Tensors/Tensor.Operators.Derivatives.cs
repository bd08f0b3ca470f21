using System.Numerics;
using System.Numerics.Tensors;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of Tensor's operators (registered by the operators' metadata names). A scalar
// operand is differentiable too: its adjoint is the sum over the elements of the seed times the partial
// derivative. A real operand of an operator with a complex result gets the real part of its adjoint.
public sealed partial class Tensor
{
    /// <summary>Forward mode of a + b: the value and da + db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (Tensor Value, Tensor Tangent) AdditionTangent(Tensor a, Tensor b, Tensor da, Tensor db) => (a + b, SeedOf(a, da) + SeedOf(b, db));

    /// <summary>Reverse mode of a + b: the value, ā = seed and b̄ = seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (Tensor Value, Tensor a, Tensor b) AdditionAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = a + b;
        SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a._shape), Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>Forward mode of a − b: the value and da − db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (Tensor Value, Tensor Tangent) SubtractionTangent(Tensor a, Tensor b, Tensor da, Tensor db) => (a - b, SeedOf(a, da) - SeedOf(b, db));

    /// <summary>Reverse mode of a − b: the value, ā = seed and b̄ = −seed, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (Tensor Value, Tensor a, Tensor b) SubtractionAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = a - b;
        SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed, a._shape), -Broadcast.ReduceTo(seed, b._shape));
    }

    /// <summary>Forward mode of a ∘ b: the value and da∘b + a∘db.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (Tensor Value, Tensor Tangent) MultiplyTangent(Tensor a, Tensor b, Tensor da, Tensor db) => (a * b, SeedOf(a, da) * b + a * SeedOf(b, db));

    /// <summary>Reverse mode of a ∘ b: the value, ā = seed∘b and b̄ = seed∘a, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (Tensor Value, Tensor a, Tensor b) MultiplyAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor value = a * b;
        SeedOf(value, seed);
        return (value, Broadcast.ReduceTo(seed * b, a._shape), Broadcast.ReduceTo(seed * a, b._shape));
    }

    /// <summary>Forward mode of y = a / b: the value and (da − y∘db) / b.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent (direction) of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (Tensor Value, Tensor Tangent) DivisionTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        Tensor y = a / b;
        return (y, (SeedOf(a, da) - y * SeedOf(b, db)) / b);
    }

    /// <summary>Reverse mode of y = a / b: the value, ā = seed / b and b̄ = −(seed / b)∘y, each summed over the axes its operand was broadcast along.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="b">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (Tensor Value, Tensor a, Tensor b) DivisionAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        Tensor y = a / b;
        Tensor abar = SeedOf(y, seed) / b;
        return (y, Broadcast.ReduceTo(abar, a._shape), -Broadcast.ReduceTo(abar * y, b._shape));
    }

    /// <summary>Forward mode of −a: the value and −da.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_UnaryNegation")]
    public static (Tensor Value, Tensor Tangent) UnaryNegationTangent(Tensor a, Tensor da) => (-a, -SeedOf(a, da));

    /// <summary>Reverse mode of −a: the value and ā = −seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_UnaryNegation")]
    public static (Tensor Value, Tensor a) UnaryNegationAdjoint(Tensor a, Tensor seed) => (-a, -SeedOf(a, seed));

    // ---- with a double -----------------------------------------------------------------------

    /// <summary>Forward mode of a + s: the value and da + ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (Tensor Value, Tensor Tangent) AdditionTangent(Tensor a, double s, Tensor da, double ds) => (a + s, SeedOf(a, da) + ds);

    /// <summary>Reverse mode of a + s: the value, ā = seed and s̄ = Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (Tensor Value, Tensor a, double s) AdditionAdjoint(Tensor a, double s, Tensor seed) => (a + s, SeedOf(a, seed), Ops.Sum(seed));

    /// <summary>Forward mode of s + a: the value and ds + da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (Tensor Value, Tensor Tangent) AdditionTangent(double s, Tensor a, double ds, Tensor da) => (s + a, SeedOf(a, da) + ds);

    /// <summary>Reverse mode of s + a: the value, s̄ = Σ seed and ā = seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (Tensor Value, double s, Tensor a) AdditionAdjoint(double s, Tensor a, Tensor seed) => (s + a, Ops.Sum(SeedOf(a, seed)), seed);

    /// <summary>Forward mode of a − s: the value and da − ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (Tensor Value, Tensor Tangent) SubtractionTangent(Tensor a, double s, Tensor da, double ds) => (a - s, SeedOf(a, da) - ds);

    /// <summary>Reverse mode of a − s: the value, ā = seed and s̄ = −Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (Tensor Value, Tensor a, double s) SubtractionAdjoint(Tensor a, double s, Tensor seed) => (a - s, SeedOf(a, seed), -Ops.Sum(seed));

    /// <summary>Forward mode of s − a: the value and ds − da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (Tensor Value, Tensor Tangent) SubtractionTangent(double s, Tensor a, double ds, Tensor da) => (s - a, ds - SeedOf(a, da));

    /// <summary>Reverse mode of s − a: the value, s̄ = Σ seed and ā = −seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (Tensor Value, double s, Tensor a) SubtractionAdjoint(double s, Tensor a, Tensor seed) => (s - a, Ops.Sum(SeedOf(a, seed)), -seed);

    /// <summary>Forward mode of a·s: the value and da·s + a·ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (Tensor Value, Tensor Tangent) MultiplyTangent(Tensor a, double s, Tensor da, double ds) => (a * s, SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of a·s: the value, ā = s·seed and s̄ = Σ a∘seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (Tensor Value, Tensor a, double s) MultiplyAdjoint(Tensor a, double s, Tensor seed) => (a * s, SeedOf(a, seed) * s, Inner(a, seed));

    /// <summary>Forward mode of s·a: the value and ds·a + s·da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (Tensor Value, Tensor Tangent) MultiplyTangent(double s, Tensor a, double ds, Tensor da) => (s * a, SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of s·a: the value, s̄ = Σ a∘seed and ā = s·seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (Tensor Value, double s, Tensor a) MultiplyAdjoint(double s, Tensor a, Tensor seed) => (s * a, Inner(a, seed), SeedOf(a, seed) * s);

    /// <summary>Forward mode of y = a / s: the value and (da − y·ds) / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (Tensor Value, Tensor Tangent) DivisionTangent(Tensor a, double s, Tensor da, double ds)
    {
        Tensor y = a / s;
        return (y, (SeedOf(a, da) - y * ds) / s);
    }

    /// <summary>Reverse mode of y = a / s: the value, ā = seed / s and s̄ = −Σ y∘seed / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (Tensor Value, Tensor a, double s) DivisionAdjoint(Tensor a, double s, Tensor seed)
    {
        Tensor y = a / s;
        return (y, SeedOf(a, seed) / s, -Inner(y, seed) / s);
    }

    /// <summary>Forward mode of y = s / a: the value and (ds − y∘da) / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (Tensor Value, Tensor Tangent) DivisionTangent(double s, Tensor a, double ds, Tensor da)
    {
        Tensor y = s / a;
        return (y, (ds - y * da) / a);
    }

    /// <summary>Reverse mode of y = s / a: the value, s̄ = Σ seed / a and ā = −seed∘y / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (Tensor Value, double s, Tensor a) DivisionAdjoint(double s, Tensor a, Tensor seed)
    {
        Tensor y = s / a;
        Tensor sa = seed / a;
        return (y, Ops.Sum(sa), -(sa * y));
    }

    // ---- with a Complex ----------------------------------------------------------------------

    /// <summary>Forward mode of a + s (complex s): the value and da + ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(Tensor a, Complex s, Tensor da, Complex ds) => (a + s, SeedOf(a, da) + ds);

    /// <summary>Reverse mode of a + s (complex s): the value, ā = Re seed and s̄ = Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, Tensor a, Complex s) AdditionAdjoint(Tensor a, Complex s, ComplexTensor seed) => (a + s, RealOf(a, seed), Ops.Sum(seed));

    /// <summary>Forward mode of s + a (complex s): the value and ds + da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(Complex s, Tensor a, Complex ds, Tensor da) => (s + a, SeedOf(a, da) + ds);

    /// <summary>Reverse mode of s + a (complex s): the value, s̄ = Σ seed and ā = Re seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, Complex s, Tensor a) AdditionAdjoint(Complex s, Tensor a, ComplexTensor seed) => (s + a, Ops.Sum(seed), RealOf(a, seed));

    /// <summary>Forward mode of a − s (complex s): the value and da − ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(Tensor a, Complex s, Tensor da, Complex ds) => (a - s, SeedOf(a, da) - ds);

    /// <summary>Reverse mode of a − s (complex s): the value, ā = Re seed and s̄ = −Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, Tensor a, Complex s) SubtractionAdjoint(Tensor a, Complex s, ComplexTensor seed) => (a - s, RealOf(a, seed), -Ops.Sum(seed));

    /// <summary>Forward mode of s − a (complex s): the value and ds − da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(Complex s, Tensor a, Complex ds, Tensor da) => (s - a, ds - SeedOf(a, da));

    /// <summary>Reverse mode of s − a (complex s): the value, s̄ = Σ seed and ā = −Re seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, Complex s, Tensor a) SubtractionAdjoint(Complex s, Tensor a, ComplexTensor seed) => (s - a, Ops.Sum(seed), -RealOf(a, seed));

    /// <summary>Forward mode of a·s (complex s): the value and da·s + a·ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(Tensor a, Complex s, Tensor da, Complex ds) => (a * s, SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of a·s (complex s): the value, ā = Re(conj(s)·seed) and s̄ = Σ a∘seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, Tensor a, Complex s) MultiplyAdjoint(Tensor a, Complex s, ComplexTensor seed) =>
        (a * s, RealOf(a, seed * Complex.Conjugate(s)), Ops.Sum(seed * a));

    /// <summary>Forward mode of s·a (complex s): the value and ds·a + s·da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(Complex s, Tensor a, Complex ds, Tensor da) => (s * a, SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of s·a (complex s): the value, s̄ = Σ a∘seed and ā = Re(conj(s)·seed).</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, Complex s, Tensor a) MultiplyAdjoint(Complex s, Tensor a, ComplexTensor seed) =>
        (s * a, Ops.Sum(seed * a), RealOf(a, seed * Complex.Conjugate(s)));

    /// <summary>Forward mode of y = a / s (complex s): the value and (da − y·ds) / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(Tensor a, Complex s, Tensor da, Complex ds)
    {
        ComplexTensor y = a / s;
        return (y, (SeedOf(a, da) - y * ds) / s);
    }

    /// <summary>Reverse mode of y = a / s (complex s): the value, ā = Re(seed / conj(s)) and s̄ = −Σ conj(y)∘seed / conj(s).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, Tensor a, Complex s) DivisionAdjoint(Tensor a, Complex s, ComplexTensor seed)
    {
        ComplexTensor y = a / s;
        Complex cs = Complex.Conjugate(s);
        return (y, RealOf(a, seed / cs), -ComplexTensor.Inner(y, seed) / cs);
    }

    /// <summary>Forward mode of y = s / a (complex s): the value and (ds − y∘da) / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(Complex s, Tensor a, Complex ds, Tensor da)
    {
        ComplexTensor y = s / a;
        return (y, (ds - y * SeedOf(a, da)) / a);
    }

    /// <summary>Reverse mode of y = s / a (complex s): the value, s̄ = Σ seed / a and ā = −Re(conj(y)∘seed) / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, Complex s, Tensor a) DivisionAdjoint(Complex s, Tensor a, ComplexTensor seed)
    {
        ComplexTensor y = s / a;
        ComplexTensor sa = SeedOf(y, seed) / a;
        return (y, Ops.Sum(sa), -(y.Conj() * sa).Real());
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary><paramref name="seed"/> after checking it has the shape of <paramref name="a"/>.</summary>
    internal static Tensor SeedOf(Tensor a, Tensor seed)
    {
        System.ArgumentNullException.ThrowIfNull(seed);
        Shapes.RequireSame(a._shape, seed._shape, "derivative");
        return seed;
    }

    /// <inheritdoc cref="SeedOf(Tensor, Tensor)"/>
    internal static ComplexTensor SeedOf(ComplexTensor a, ComplexTensor seed)
    {
        System.ArgumentNullException.ThrowIfNull(seed);
        Shapes.RequireSame(a.ShapeRef, seed.ShapeRef, "derivative");
        return seed;
    }

    /// <summary>Re <paramref name="seed"/>, after checking it has the shape of <paramref name="a"/>: the adjoint of a real operand.</summary>
    internal static Tensor RealOf(Tensor a, ComplexTensor seed)
    {
        System.ArgumentNullException.ThrowIfNull(seed);
        Shapes.RequireSame(a._shape, seed.ShapeRef, "derivative");
        return seed.Real();
    }

    /// <summary>Σ u∘v of two tensors of the same shape.</summary>
    internal static double Inner(Tensor u, Tensor v)
    {
        Shapes.RequireSame(u._shape, v._shape, "derivative");
        return TensorPrimitives.Dot(u._data, v._data);
    }
}
