using System;
using System.Numerics;
using static Diff.Kernels.DenseMatrix;

namespace Diff;

// Registered derivatives of Solve, Inverse, Det, LogDet and SlogDet (M. B. Giles, "An extended collection of matrix
// derivative results for forward and reverse mode algorithmic differentiation", 2008, §2.2): every reverse rule is
// also registered split, the forward part keeping the LU factors (or the inverse) so that the backward part never
// factors A again. The rules themselves are in LinearAlgebraRules, once for real and complex matrices.
public static partial class Ops
{
    // ---- Solve -------------------------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Solve(Tensor, Tensor)"/>: X = A⁻¹B and dX = A⁻¹(dB − dA·X) (Giles 2008, §2.2.3).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="b">The right-hand side at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <param name="db">The tangent of <paramref name="b"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangents.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Solve(Tensor, Tensor)"/>, or a tangent's shape differs from its operand's.</exception>
    [TangentOf(nameof(Solve))]
    public static (Tensor Value, Tensor Tangent) SolveTangent(Tensor a, Tensor b, Tensor da, Tensor db)
    {
        var (value, r) = SolveAdjointForward(a, b);
        LinearAlgebraChecks.SameShape(nameof(SolveTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        LinearAlgebraChecks.SameShape(nameof(SolveTangent), nameof(db), b.ShapeRef, db?.ShapeRef);
        return (value, new Tensor(LinearAlgebraRules.SolveTangent(r, da!.Data, db!.Data), [.. b.ShapeRef]));
    }

    /// <inheritdoc cref="SolveTangent(Tensor, Tensor, Tensor, Tensor)"/>
    [TangentOf(nameof(Solve))]
    public static (ComplexTensor Value, ComplexTensor Tangent) SolveTangent(ComplexTensor a, ComplexTensor b, ComplexTensor da, ComplexTensor db)
    {
        var (value, r) = SolveAdjointForward(a, b);
        LinearAlgebraChecks.SameShape(nameof(SolveTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        LinearAlgebraChecks.SameShape(nameof(SolveTangent), nameof(db), b.ShapeRef, db?.ShapeRef);
        return (value, new ComplexTensor(LinearAlgebraRules.SolveTangent(r, da!.Data, db!.Data), [.. b.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Solve(Tensor, Tensor)"/>: X and b̄ = A⁻ᵀ·X̄, ā = −b̄·Xᵀ (Giles 2008, §2.2.3).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="b">The right-hand side at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of X.</param>
    /// <returns>The value and the adjoint of each operand.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Solve(Tensor, Tensor)"/>, or the seed's shape differs from X's.</exception>
    [AdjointOf(nameof(Solve))]
    public static (Tensor Value, Tensor a, Tensor b) SolveAdjoint(Tensor a, Tensor b, Tensor seed)
    {
        var (value, r) = SolveAdjointForward(a, b);
        var (ab, bb) = SolveAdjointBackward(r, seed);
        return (value, ab, bb);
    }

    /// <summary>Reverse mode of <see cref="Solve(ComplexTensor, ComplexTensor)"/>: X and b̄ = A⁻ᴴ·X̄, ā = −b̄·Xᴴ.</summary>
    /// <inheritdoc cref="SolveAdjoint(Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(Solve))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor b) SolveAdjoint(ComplexTensor a, ComplexTensor b, ComplexTensor seed)
    {
        var (value, r) = SolveAdjointForward(a, b);
        var (ab, bb) = SolveAdjointBackward(r, seed);
        return (value, ab, bb);
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Solve(Tensor, Tensor)"/>: X and the LU factors of A.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="b">The right-hand side.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Solve(Tensor, Tensor)"/>.</exception>
    [AdjointOf(nameof(Solve), Part = AdjointPart.Forward)]
    public static (Tensor Value, LuAdjointResidual<double> Residual) SolveAdjointForward(Tensor a, Tensor b)
    {
        NotNull(a, b);
        var (x, r) = LinearAlgebraRules.Solve(a.Data, a.ShapeRef, b.Data, b.ShapeRef);
        return (new Tensor(x, [.. b.ShapeRef]), r);
    }

    /// <inheritdoc cref="SolveAdjointForward(Tensor, Tensor)"/>
    [AdjointOf(nameof(Solve), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, LuAdjointResidual<Complex> Residual) SolveAdjointForward(ComplexTensor a, ComplexTensor b)
    {
        NotNull(a, b);
        var (x, r) = LinearAlgebraRules.Solve(a.Data, a.ShapeRef, b.Data, b.ShapeRef);
        return (new ComplexTensor(x, [.. b.ShapeRef]), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Solve(Tensor, Tensor)"/>: b̄ = A⁻ᵀ·X̄ (a solve with the kept factors), ā = −b̄·Xᵀ.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="seed">The cotangent of X.</param>
    /// <returns>The adjoints of A and B.</returns>
    /// <exception cref="ArgumentException">The seed's shape differs from X's.</exception>
    [AdjointOf(nameof(Solve), Part = AdjointPart.Backward)]
    public static (Tensor a, Tensor b) SolveAdjointBackward(LuAdjointResidual<double> residual, Tensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        LinearAlgebraChecks.SameShape(nameof(SolveAdjointBackward), nameof(seed), residual.SolutionShape!, seed?.ShapeRef);
        var (ab, bb) = LinearAlgebraRules.SolveBackward(residual, seed!.Data);
        return (new Tensor(ab, [.. residual.AShape]), new Tensor(bb, [.. residual.SolutionShape!]));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Solve(ComplexTensor, ComplexTensor)"/>: b̄ = A⁻ᴴ·X̄, ā = −b̄·Xᴴ.</summary>
    /// <inheritdoc cref="SolveAdjointBackward(LuAdjointResidual{double}, Tensor)"/>
    [AdjointOf(nameof(Solve), Part = AdjointPart.Backward)]
    public static (ComplexTensor a, ComplexTensor b) SolveAdjointBackward(LuAdjointResidual<Complex> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        LinearAlgebraChecks.SameShape(nameof(SolveAdjointBackward), nameof(seed), residual.SolutionShape!, seed?.ShapeRef);
        var (ab, bb) = LinearAlgebraRules.SolveBackward(residual, seed!.Data);
        return (new ComplexTensor(ab, [.. residual.AShape]), new ComplexTensor(bb, [.. residual.SolutionShape!]));
    }

    // ---- Inverse -----------------------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="Inverse(Tensor)"/>: X = A⁻¹ and dX = −X·dA·X (Giles 2008, §2.2.1).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangent.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Inverse(Tensor)"/>, or the tangent's shape differs from A's.</exception>
    [TangentOf(nameof(Inverse))]
    public static (Tensor Value, Tensor Tangent) InverseTangent(Tensor a, Tensor da)
    {
        Tensor x = Inverse(a);
        LinearAlgebraChecks.SameShape(nameof(InverseTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (x, new Tensor(LinearAlgebraRules.InverseTangent(x.Data, da!.Data, a.ShapeRef[0]), [.. a.ShapeRef]));
    }

    /// <inheritdoc cref="InverseTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(Inverse))]
    public static (ComplexTensor Value, ComplexTensor Tangent) InverseTangent(ComplexTensor a, ComplexTensor da)
    {
        ComplexTensor x = Inverse(a);
        LinearAlgebraChecks.SameShape(nameof(InverseTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (x, new ComplexTensor(LinearAlgebraRules.InverseTangent(x.Data, da!.Data, a.ShapeRef[0]), [.. a.ShapeRef]));
    }

    /// <summary>Reverse mode of <see cref="Inverse(Tensor)"/>: X = A⁻¹ and ā = −Xᵀ·X̄·Xᵀ (Giles 2008, §2.2.1).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of X.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Inverse(Tensor)"/>, or the seed's shape differs from A's.</exception>
    [AdjointOf(nameof(Inverse))]
    public static (Tensor Value, Tensor a) InverseAdjoint(Tensor a, Tensor seed)
    {
        var (value, r) = InverseAdjointForward(a);
        return (value, InverseAdjointBackward(r, seed));
    }

    /// <summary>Reverse mode of <see cref="Inverse(ComplexTensor)"/>: X = A⁻¹ and ā = −Xᴴ·X̄·Xᴴ.</summary>
    /// <inheritdoc cref="InverseAdjoint(Tensor, Tensor)"/>
    [AdjointOf(nameof(Inverse))]
    public static (ComplexTensor Value, ComplexTensor a) InverseAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        var (value, r) = InverseAdjointForward(a);
        return (value, InverseAdjointBackward(r, seed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Inverse(Tensor)"/>: X = A⁻¹, kept for the backward part.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Inverse(Tensor)"/>.</exception>
    [AdjointOf(nameof(Inverse), Part = AdjointPart.Forward)]
    public static (Tensor Value, InverseAdjointResidual<double> Residual) InverseAdjointForward(Tensor a)
    {
        Tensor x = Inverse(a);
        return (x, new InverseAdjointResidual<double>(x.Data, x.ShapeRef));
    }

    /// <inheritdoc cref="InverseAdjointForward(Tensor)"/>
    [AdjointOf(nameof(Inverse), Part = AdjointPart.Forward)]
    public static (ComplexTensor Value, InverseAdjointResidual<Complex> Residual) InverseAdjointForward(ComplexTensor a)
    {
        ComplexTensor x = Inverse(a);
        return (x, new InverseAdjointResidual<Complex>(x.Data, x.ShapeRef));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Inverse(Tensor)"/>: ā = −Xᵀ·X̄·Xᵀ from the kept X.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="seed">The cotangent of X.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">The seed's shape differs from A's.</exception>
    [AdjointOf(nameof(Inverse), Part = AdjointPart.Backward)]
    public static Tensor InverseAdjointBackward(InverseAdjointResidual<double> residual, Tensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        LinearAlgebraChecks.SameShape(nameof(InverseAdjointBackward), nameof(seed), residual.Shape, seed?.ShapeRef);
        return new Tensor(LinearAlgebraRules.InverseBackward(residual.Inverse, seed!.Data, residual.Shape[0]), [.. residual.Shape]);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Inverse(ComplexTensor)"/>: ā = −Xᴴ·X̄·Xᴴ from the kept X.</summary>
    /// <inheritdoc cref="InverseAdjointBackward(InverseAdjointResidual{double}, Tensor)"/>
    [AdjointOf(nameof(Inverse), Part = AdjointPart.Backward)]
    public static ComplexTensor InverseAdjointBackward(InverseAdjointResidual<Complex> residual, ComplexTensor seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        LinearAlgebraChecks.SameShape(nameof(InverseAdjointBackward), nameof(seed), residual.Shape, seed?.ShapeRef);
        return new ComplexTensor(LinearAlgebraRules.InverseBackward(residual.Inverse, seed!.Data, residual.Shape[0]), [.. residual.Shape]);
    }

    // ---- Det ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Forward mode of <see cref="Det(Tensor)"/>: det A and tr(adj(A)·dA) (Jacobi's formula; Giles 2008, §2.2.2, where
    /// adj(A) = det(A)·A⁻¹; at a singular A the adjugate comes from the SVD, so the derivative exists there too).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangent.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Det(Tensor)"/>, or the tangent's shape differs from A's.</exception>
    [TangentOf(nameof(Det))]
    public static (double Value, double Tangent) DetTangent(Tensor a, Tensor da)
    {
        var (value, r) = DetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(DetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, TraceOfProduct<double>(LinearAlgebraRules.Adjugate(r), da!.Data, a.ShapeRef[0]));
    }

    /// <inheritdoc cref="DetTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(Det))]
    public static (Complex Value, Complex Tangent) DetTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = DetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(DetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, TraceOfProduct<Complex>(LinearAlgebraRules.Adjugate(r), da!.Data, a.ShapeRef[0]));
    }

    /// <summary>Reverse mode of <see cref="Det(Tensor)"/>: det A and ā = seed·adj(A)ᵀ (= seed·det(A)·A⁻ᵀ where A is nonsingular).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of det A.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Det(Tensor)"/>.</exception>
    [AdjointOf(nameof(Det))]
    public static (double Value, Tensor a) DetAdjoint(Tensor a, double seed)
    {
        var (value, r) = DetAdjointForward(a);
        return (value, DetAdjointBackward(r, seed));
    }

    /// <summary>Reverse mode of <see cref="Det(ComplexTensor)"/>: det A and ā = seed·adj(A)ᴴ (= seed·conj(det A)·A⁻ᴴ where A is nonsingular).</summary>
    /// <inheritdoc cref="DetAdjoint(Tensor, double)"/>
    [AdjointOf(nameof(Det))]
    public static (Complex Value, ComplexTensor a) DetAdjoint(ComplexTensor a, Complex seed)
    {
        var (value, r) = DetAdjointForward(a);
        return (value, DetAdjointBackward(r, seed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="Det(Tensor)"/>: det A and the LU factors of A.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Det(Tensor)"/>.</exception>
    [AdjointOf(nameof(Det), Part = AdjointPart.Forward)]
    public static (double Value, LuAdjointResidual<double> Residual) DetAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef);
    }

    /// <inheritdoc cref="DetAdjointForward(Tensor)"/>
    [AdjointOf(nameof(Det), Part = AdjointPart.Forward)]
    public static (Complex Value, LuAdjointResidual<Complex> Residual) DetAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Det(Tensor)"/>: ā = seed·adj(A)ᵀ from the kept factors.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="seed">The cotangent of det A.</param>
    /// <returns>The adjoint of A.</returns>
    [AdjointOf(nameof(Det), Part = AdjointPart.Backward)]
    public static Tensor DetAdjointBackward(LuAdjointResidual<double> residual, double seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        return ScaledAdjoint(residual, LinearAlgebraRules.Adjugate(residual), seed, t => new Tensor(t, [.. residual.AShape]));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="Det(ComplexTensor)"/>: ā = seed·adj(A)ᴴ from the kept factors.</summary>
    /// <inheritdoc cref="DetAdjointBackward(LuAdjointResidual{double}, double)"/>
    [AdjointOf(nameof(Det), Part = AdjointPart.Backward)]
    public static ComplexTensor DetAdjointBackward(LuAdjointResidual<Complex> residual, Complex seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        return ScaledAdjoint(residual, LinearAlgebraRules.Adjugate(residual), seed, t => new ComplexTensor(t, [.. residual.AShape]));
    }

    /// <summary>seed·Gᴴ for the gradient G of a determinant-like function (ā = seed·Gᴴ in the complex convention).</summary>
    private static TTensor ScaledAdjoint<T, TTensor>(LuAdjointResidual<T> residual, T[] g, T seed, Func<T[], TTensor> wrap) where T : unmanaged, INumberBase<T>
    {
        int n = residual.Factors.Order;
        T[] result = Adjoint<T>(g, n, n);
        for (int i = 0; i < result.Length; i++)
            result[i] *= seed;
        return wrap(result);
    }
}
