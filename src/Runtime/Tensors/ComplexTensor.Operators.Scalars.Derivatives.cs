using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Registered derivatives of ComplexTensor's operators with a scalar operand (Complex or double): the tensor operand's
// adjoint is conj(∂y/∂x)·seed elementwise, the scalar's the sum of it over the elements (its real part for a double).
// The operators between tensors are in ComplexTensor.Operators.Derivatives.cs.
public sealed partial class ComplexTensor
{
    // ---- with a Complex ----------------------------------------------------------------------

    /// <summary>Forward mode of a + s: the value and da + ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(ComplexTensor a, Complex s, ComplexTensor da, Complex ds) => (a + s, Tensor.SeedOf(a, da) + ds);

    /// <summary>Reverse mode of a + s: the value, ā = seed and s̄ = Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor a, Complex s) AdditionAdjoint(ComplexTensor a, Complex s, ComplexTensor seed) => (a + s, Tensor.SeedOf(a, seed), Ops.Sum(seed));

    /// <summary>Forward mode of s + a: the value and ds + da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(Complex s, ComplexTensor a, Complex ds, ComplexTensor da) => (s + a, Tensor.SeedOf(a, da) + ds);

    /// <summary>Reverse mode of s + a: the value, s̄ = Σ seed and ā = seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, Complex s, ComplexTensor a) AdditionAdjoint(Complex s, ComplexTensor a, ComplexTensor seed) => (s + a, Ops.Sum(Tensor.SeedOf(a, seed)), seed);

    /// <summary>Forward mode of a − s: the value and da − ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(ComplexTensor a, Complex s, ComplexTensor da, Complex ds) => (a - s, Tensor.SeedOf(a, da) - ds);

    /// <summary>Reverse mode of a − s: the value, ā = seed and s̄ = −Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor a, Complex s) SubtractionAdjoint(ComplexTensor a, Complex s, ComplexTensor seed) => (a - s, Tensor.SeedOf(a, seed), -Ops.Sum(seed));

    /// <summary>Forward mode of s − a: the value and ds − da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(Complex s, ComplexTensor a, Complex ds, ComplexTensor da) => (s - a, ds - Tensor.SeedOf(a, da));

    /// <summary>Reverse mode of s − a: the value, s̄ = Σ seed and ā = −seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, Complex s, ComplexTensor a) SubtractionAdjoint(Complex s, ComplexTensor a, ComplexTensor seed) => (s - a, Ops.Sum(Tensor.SeedOf(a, seed)), -seed);

    /// <summary>Forward mode of a·s: the value and da·s + a·ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(ComplexTensor a, Complex s, ComplexTensor da, Complex ds) => (a * s, Tensor.SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of a·s: the value, ā = conj(s)·seed and s̄ = Σ conj(a)∘seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor a, Complex s) MultiplyAdjoint(ComplexTensor a, Complex s, ComplexTensor seed) =>
        (a * s, Tensor.SeedOf(a, seed) * Complex.Conjugate(s), Inner(a, seed));

    /// <summary>Forward mode of s·a: the value and ds·a + s·da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(Complex s, ComplexTensor a, Complex ds, ComplexTensor da) => (s * a, Tensor.SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of s·a: the value, s̄ = Σ conj(a)∘seed and ā = conj(s)·seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, Complex s, ComplexTensor a) MultiplyAdjoint(Complex s, ComplexTensor a, ComplexTensor seed) =>
        (s * a, Inner(a, seed), Tensor.SeedOf(a, seed) * Complex.Conjugate(s));

    /// <summary>Forward mode of y = a / s: the value and (da − y·ds) / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(ComplexTensor a, Complex s, ComplexTensor da, Complex ds)
    {
        ComplexTensor y = a / s;
        return (y, (Tensor.SeedOf(a, da) - y * ds) / s);
    }

    /// <summary>Reverse mode of y = a / s: the value, ā = seed / conj(s) and s̄ = −Σ conj(y)∘seed / conj(s).</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor a, Complex s) DivisionAdjoint(ComplexTensor a, Complex s, ComplexTensor seed)
    {
        ComplexTensor y = a / s;
        Complex cs = Complex.Conjugate(s);
        return (y, Tensor.SeedOf(a, seed) / cs, -Inner(y, seed) / cs);
    }

    /// <summary>Forward mode of y = s / a: the value and (ds − y∘da) / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(Complex s, ComplexTensor a, Complex ds, ComplexTensor da)
    {
        ComplexTensor y = s / a;
        return (y, (ds - y * Tensor.SeedOf(a, da)) / a);
    }

    /// <summary>Reverse mode of y = s / a: the value, s̄ = Σ seed / conj(a) and ā = −conj(y)∘seed / conj(a).</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, Complex s, ComplexTensor a) DivisionAdjoint(Complex s, ComplexTensor a, ComplexTensor seed)
    {
        ComplexTensor y = s / a;
        ComplexTensor sa = Tensor.SeedOf(a, seed) / a.Conj();
        return (y, Ops.Sum(sa), -(y.Conj() * sa));
    }

    // ---- with a double -----------------------------------------------------------------------

    /// <summary>Forward mode of a + s (real s): the value and da + ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(ComplexTensor a, double s, ComplexTensor da, double ds) => (a + s, Tensor.SeedOf(a, da) + ds);

    /// <summary>Reverse mode of a + s (real s): the value, ā = seed and s̄ = Re Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor a, double s) AdditionAdjoint(ComplexTensor a, double s, ComplexTensor seed) => (a + s, Tensor.SeedOf(a, seed), Ops.Sum(seed).Real);

    /// <summary>Forward mode of s + a (real s): the value and ds + da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Addition")]
    public static (ComplexTensor Value, ComplexTensor Tangent) AdditionTangent(double s, ComplexTensor a, double ds, ComplexTensor da) => (s + a, Tensor.SeedOf(a, da) + ds);

    /// <summary>Reverse mode of s + a (real s): the value, s̄ = Re Σ seed and ā = seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Addition")]
    public static (ComplexTensor Value, double s, ComplexTensor a) AdditionAdjoint(double s, ComplexTensor a, ComplexTensor seed) => (s + a, Ops.Sum(Tensor.SeedOf(a, seed)).Real, seed);

    /// <summary>Forward mode of a − s (real s): the value and da − ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(ComplexTensor a, double s, ComplexTensor da, double ds) => (a - s, Tensor.SeedOf(a, da) - ds);

    /// <summary>Reverse mode of a − s (real s): the value, ā = seed and s̄ = −Re Σ seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor a, double s) SubtractionAdjoint(ComplexTensor a, double s, ComplexTensor seed) => (a - s, Tensor.SeedOf(a, seed), -Ops.Sum(seed).Real);

    /// <summary>Forward mode of s − a (real s): the value and ds − da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Subtraction")]
    public static (ComplexTensor Value, ComplexTensor Tangent) SubtractionTangent(double s, ComplexTensor a, double ds, ComplexTensor da) => (s - a, ds - Tensor.SeedOf(a, da));

    /// <summary>Reverse mode of s − a (real s): the value, s̄ = Re Σ seed and ā = −seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Subtraction")]
    public static (ComplexTensor Value, double s, ComplexTensor a) SubtractionAdjoint(double s, ComplexTensor a, ComplexTensor seed) => (s - a, Ops.Sum(Tensor.SeedOf(a, seed)).Real, -seed);

    /// <summary>Forward mode of a·s (real s): the value and da·s + a·ds.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(ComplexTensor a, double s, ComplexTensor da, double ds) => (a * s, Tensor.SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of a·s (real s): the value, ā = s·seed and s̄ = Re Σ conj(a)∘seed.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor a, double s) MultiplyAdjoint(ComplexTensor a, double s, ComplexTensor seed) =>
        (a * s, Tensor.SeedOf(a, seed) * s, Inner(a, seed).Real);

    /// <summary>Forward mode of s·a (real s): the value and ds·a + s·da.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Multiply")]
    public static (ComplexTensor Value, ComplexTensor Tangent) MultiplyTangent(double s, ComplexTensor a, double ds, ComplexTensor da) => (s * a, Tensor.SeedOf(a, da) * s + a * ds);

    /// <summary>Reverse mode of s·a (real s): the value, s̄ = Re Σ conj(a)∘seed and ā = s·seed.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Multiply")]
    public static (ComplexTensor Value, double s, ComplexTensor a) MultiplyAdjoint(double s, ComplexTensor a, ComplexTensor seed) =>
        (s * a, Inner(a, seed).Real, Tensor.SeedOf(a, seed) * s);

    /// <summary>Forward mode of y = a / s (real s): the value and (da − y·ds) / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(ComplexTensor a, double s, ComplexTensor da, double ds)
    {
        ComplexTensor y = a / s;
        return (y, (Tensor.SeedOf(a, da) - y * ds) / s);
    }

    /// <summary>Reverse mode of y = a / s (real s): the value, ā = seed / s and s̄ = −Re Σ conj(y)∘seed / s.</summary>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor a, double s) DivisionAdjoint(ComplexTensor a, double s, ComplexTensor seed)
    {
        ComplexTensor y = a / s;
        return (y, Tensor.SeedOf(a, seed) / s, -Inner(y, seed).Real / s);
    }

    /// <summary>Forward mode of y = s / a (real s): the value and (ds − y∘da) / a.</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="ds">The tangent (direction) of <paramref name="s"/>, of its shape.</param>
    /// <param name="da">The tangent (direction) of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    [TangentOf("op_Division")]
    public static (ComplexTensor Value, ComplexTensor Tangent) DivisionTangent(double s, ComplexTensor a, double ds, ComplexTensor da)
    {
        ComplexTensor y = s / a;
        return (y, (ds - y * Tensor.SeedOf(a, da)) / a);
    }

    /// <summary>Reverse mode of y = s / a (real s): the value, s̄ = Re Σ seed / conj(a) and ā = −conj(y)∘seed / conj(a).</summary>
    /// <param name="s">The scalar operand at which the derivative is taken.</param>
    /// <param name="a">The operand at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the result: the derivative of a real loss with respect to it (∂/∂Re + i·∂/∂Im where it is complex).</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    [AdjointOf("op_Division")]
    public static (ComplexTensor Value, double s, ComplexTensor a) DivisionAdjoint(double s, ComplexTensor a, ComplexTensor seed)
    {
        ComplexTensor y = s / a;
        ComplexTensor sa = Tensor.SeedOf(a, seed) / a.Conj();
        return (y, Ops.Sum(sa).Real, -(y.Conj() * sa));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>⟨u, v⟩ = Σ conj(u)∘v of two tensors of the same shape.</summary>
    internal static Complex Inner(ComplexTensor u, ComplexTensor v)
    {
        Shapes.RequireSame(u._shape, v._shape, "derivative");
        Complex s = Complex.Zero;
        for (int i = 0; i < u._data.Length; i++)
            s += Complex.Conjugate(u._data[i]) * v._data[i];
        return s;
    }
}
