using System;
using System.Numerics;
using static Diff.Kernels.DenseMatrix;

namespace Diff;

// Registered derivatives of LogDet and SlogDet: d log det A = tr(A⁻¹·dA) (M. B. Giles, 2008, §2.2.2). For a real A,
// log |det A| has that derivative and the sign is locally constant; for a complex A, with t = tr(A⁻¹·dA),
// d log |det A| = Re t and d sign = i·sign·Im t. The forward parts keep the LU factors; the derivative does not exist
// at a singular A (log |det A| = −∞), which is an ArgumentException.
public static partial class Ops
{
    // ---- LogDet ------------------------------------------------------------------------------------------------

    /// <summary>Forward mode of <see cref="LogDet(Tensor)"/>: log |det A| and tr(A⁻¹·dA) (Giles 2008, §2.2.2).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and its derivative along the given tangent.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogDet(Tensor)"/>, A is singular, or the tangent's shape differs from A's.</exception>
    [TangentOf(nameof(LogDet))]
    public static (double Value, double Tangent) LogDetTangent(Tensor a, Tensor da)
    {
        var (value, r) = LogDetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(LogDetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, TraceOfProduct<double>(LinearAlgebraRules.InverseForLogDet(r, nameof(LogDetTangent)), da!.Data, a.ShapeRef[0]));
    }

    /// <summary>Forward mode of <see cref="LogDet(ComplexTensor)"/>: log det A and tr(A⁻¹·dA) (Giles 2008, §2.2.2).</summary>
    /// <inheritdoc cref="LogDetTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(LogDet))]
    public static (Complex Value, Complex Tangent) LogDetTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = LogDetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(LogDetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        return (value, TraceOfProduct<Complex>(LinearAlgebraRules.InverseForLogDet(r, nameof(LogDetTangent)), da!.Data, a.ShapeRef[0]));
    }

    /// <summary>Reverse mode of <see cref="LogDet(Tensor)"/>: log |det A| and ā = seed·A⁻ᵀ.</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="seed">The cotangent of the value.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogDet(Tensor)"/>, or A is singular.</exception>
    [AdjointOf(nameof(LogDet))]
    public static (double Value, Tensor a) LogDetAdjoint(Tensor a, double seed)
    {
        var (value, r) = LogDetAdjointForward(a);
        return (value, LogDetAdjointBackward(r, seed));
    }

    /// <summary>Reverse mode of <see cref="LogDet(ComplexTensor)"/>: log det A and ā = seed·A⁻ᴴ.</summary>
    /// <inheritdoc cref="LogDetAdjoint(Tensor, double)"/>
    [AdjointOf(nameof(LogDet))]
    public static (Complex Value, ComplexTensor a) LogDetAdjoint(ComplexTensor a, Complex seed)
    {
        var (value, r) = LogDetAdjointForward(a);
        return (value, LogDetAdjointBackward(r, seed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="LogDet(Tensor)"/>: the value and the LU factors of A.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogDet(Tensor)"/>.</exception>
    [AdjointOf(nameof(LogDet), Part = AdjointPart.Forward)]
    public static (double Value, LuAdjointResidual<double> Residual) LogDetAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (_, r) = LinearAlgebraRules.Det(a.Data, a.ShapeRef);
        return (r.Factors.SignAndLogAbs().LogAbs, r);
    }

    /// <inheritdoc cref="LogDetAdjointForward(Tensor)"/>
    [AdjointOf(nameof(LogDet), Part = AdjointPart.Forward)]
    public static (Complex Value, LuAdjointResidual<Complex> Residual) LogDetAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (_, r) = LinearAlgebraRules.Det(a.Data, a.ShapeRef);
        var (sign, logAbs) = r.Factors.SignAndLogAbs();
        return (new Complex(logAbs, sign == Complex.Zero ? 0 : sign.Phase), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="LogDet(Tensor)"/>: ā = seed·A⁻ᵀ from the kept factors.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="seed">The cotangent of the value.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">A is singular.</exception>
    [AdjointOf(nameof(LogDet), Part = AdjointPart.Backward)]
    public static Tensor LogDetAdjointBackward(LuAdjointResidual<double> residual, double seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        return ScaledAdjoint(residual, LinearAlgebraRules.InverseForLogDet(residual, nameof(LogDet)), seed, t => new Tensor(t, [.. residual.AShape]));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="LogDet(ComplexTensor)"/>: ā = seed·A⁻ᴴ from the kept factors.</summary>
    /// <inheritdoc cref="LogDetAdjointBackward(LuAdjointResidual{double}, double)"/>
    [AdjointOf(nameof(LogDet), Part = AdjointPart.Backward)]
    public static ComplexTensor LogDetAdjointBackward(LuAdjointResidual<Complex> residual, Complex seed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        return ScaledAdjoint(residual, LinearAlgebraRules.InverseForLogDet(residual, nameof(LogDet)), seed, t => new ComplexTensor(t, [.. residual.AShape]));
    }

    // ---- SlogDet: two outputs, so the reverse rules take one seed per output ---------------------------------------

    /// <summary>Forward mode of <see cref="SlogDet(Tensor)"/>: the value and (0, tr(A⁻¹·dA)) (the sign is locally constant).</summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of its shape.</param>
    /// <returns>The value and the derivative of each output along the given tangent.</returns>
    /// <exception cref="ArgumentException">As for <see cref="SlogDet(Tensor)"/>, A is singular, or the tangent's shape differs from A's.</exception>
    [TangentOf(nameof(SlogDet))]
    public static ((double Sign, double LogAbsDet) Value, (double Sign, double LogAbsDet) Tangent) SlogDetTangent(Tensor a, Tensor da)
    {
        var (value, r) = SlogDetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(SlogDetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        double t = TraceOfProduct<double>(LinearAlgebraRules.InverseForLogDet(r, nameof(SlogDetTangent)), da!.Data, a.ShapeRef[0]);
        return (value, (0, t));
    }

    /// <summary>Forward mode of <see cref="SlogDet(ComplexTensor)"/>: the value and (i·sign·Im t, Re t) for t = tr(A⁻¹·dA).</summary>
    /// <inheritdoc cref="SlogDetTangent(Tensor, Tensor)"/>
    [TangentOf(nameof(SlogDet))]
    public static ((Complex Sign, double LogAbsDet) Value, (Complex Sign, double LogAbsDet) Tangent) SlogDetTangent(ComplexTensor a, ComplexTensor da)
    {
        var (value, r) = SlogDetAdjointForward(a);
        LinearAlgebraChecks.SameShape(nameof(SlogDetTangent), nameof(da), a.ShapeRef, da?.ShapeRef);
        Complex t = TraceOfProduct<Complex>(LinearAlgebraRules.InverseForLogDet(r, nameof(SlogDetTangent)), da!.Data, a.ShapeRef[0]);
        return (value, (Complex.ImaginaryOne * value.Sign * t.Imaginary, t.Real));
    }

    /// <summary>
    /// Reverse mode of <see cref="SlogDet(Tensor)"/>, with one seed per output: the value and
    /// ā = logAbsDetSeed·A⁻ᵀ (the sign is locally constant, so its seed contributes nothing).
    /// </summary>
    /// <param name="a">The matrix at which the derivative is taken.</param>
    /// <param name="signSeed">The cotangent of Sign.</param>
    /// <param name="logAbsDetSeed">The cotangent of LogAbsDet.</param>
    /// <returns>The value and the adjoint of A.</returns>
    /// <exception cref="ArgumentException">As for <see cref="SlogDet(Tensor)"/>, or A is singular.</exception>
    [AdjointOf(nameof(SlogDet))]
    public static ((double Sign, double LogAbsDet) Value, Tensor a) SlogDetAdjoint(Tensor a, double signSeed, double logAbsDetSeed)
    {
        var (value, r) = SlogDetAdjointForward(a);
        return (value, SlogDetAdjointBackward(r, signSeed, logAbsDetSeed));
    }

    /// <summary>
    /// Reverse mode of <see cref="SlogDet(ComplexTensor)"/>, with one seed per output: the value and
    /// ā = (logAbsDetSeed − i·Im(sign·conj(signSeed)))·A⁻ᴴ.
    /// </summary>
    /// <inheritdoc cref="SlogDetAdjoint(Tensor, double, double)"/>
    [AdjointOf(nameof(SlogDet))]
    public static ((Complex Sign, double LogAbsDet) Value, ComplexTensor a) SlogDetAdjoint(ComplexTensor a, Complex signSeed, double logAbsDetSeed)
    {
        var (value, r) = SlogDetAdjointForward(a);
        return (value, SlogDetAdjointBackward(r, signSeed, logAbsDetSeed));
    }

    /// <summary>The forward part of the split reverse rule of <see cref="SlogDet(Tensor)"/>: the value and the LU factors of A.</summary>
    /// <param name="a">The matrix.</param>
    /// <returns>The value and the residual the backward part needs.</returns>
    /// <exception cref="ArgumentException">As for <see cref="SlogDet(Tensor)"/>.</exception>
    [AdjointOf(nameof(SlogDet), Part = AdjointPart.Forward)]
    public static ((double Sign, double LogAbsDet) Value, LuAdjointResidual<double> Residual) SlogDetAdjointForward(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (_, r) = LinearAlgebraRules.Det(a.Data, a.ShapeRef);
        return (r.Factors.SignAndLogAbs(), r);
    }

    /// <inheritdoc cref="SlogDetAdjointForward(Tensor)"/>
    [AdjointOf(nameof(SlogDet), Part = AdjointPart.Forward)]
    public static ((Complex Sign, double LogAbsDet) Value, LuAdjointResidual<Complex> Residual) SlogDetAdjointForward(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (_, r) = LinearAlgebraRules.Det(a.Data, a.ShapeRef);
        return (r.Factors.SignAndLogAbs(), r);
    }

    /// <summary>The backward part of the split reverse rule of <see cref="SlogDet(Tensor)"/>: ā = logAbsDetSeed·A⁻ᵀ from the kept factors.</summary>
    /// <param name="residual">What the forward part returned.</param>
    /// <param name="signSeed">The cotangent of Sign.</param>
    /// <param name="logAbsDetSeed">The cotangent of LogAbsDet.</param>
    /// <returns>The adjoint of A.</returns>
    /// <exception cref="ArgumentException">A is singular.</exception>
    [AdjointOf(nameof(SlogDet), Part = AdjointPart.Backward)]
    public static Tensor SlogDetAdjointBackward(LuAdjointResidual<double> residual, double signSeed, double logAbsDetSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        _ = signSeed;
        return ScaledAdjoint(residual, LinearAlgebraRules.InverseForLogDet(residual, nameof(SlogDet)), logAbsDetSeed, t => new Tensor(t, [.. residual.AShape]));
    }

    /// <summary>The backward part of the split reverse rule of <see cref="SlogDet(ComplexTensor)"/>: ā = (logAbsDetSeed − i·Im(sign·conj(signSeed)))·A⁻ᴴ.</summary>
    /// <inheritdoc cref="SlogDetAdjointBackward(LuAdjointResidual{double}, double, double)"/>
    [AdjointOf(nameof(SlogDet), Part = AdjointPart.Backward)]
    public static ComplexTensor SlogDetAdjointBackward(LuAdjointResidual<Complex> residual, Complex signSeed, double logAbsDetSeed)
    {
        ArgumentNullException.ThrowIfNull(residual);
        Complex[] inverse = LinearAlgebraRules.InverseForLogDet(residual, nameof(SlogDet));
        Complex sign = residual.Factors.SignAndLogAbs().Sign;
        // L = l̄·Re t + κ·Im t with κ = Re(conj(σ̄)·i·sign) = −Im(sign·conj(σ̄)); = Re((l̄ − iκ)·t), so ā = (l̄ + iκ)·A⁻ᴴ.
        double kappa = -(sign * Complex.Conjugate(signSeed)).Imaginary;
        return ScaledAdjoint(residual, inverse, new Complex(logAbsDetSeed, kappa), t => new ComplexTensor(t, [.. residual.AShape]));
    }
}
