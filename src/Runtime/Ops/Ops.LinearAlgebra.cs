using System;
using System.Numerics;

namespace Diff;

// Linear solves and determinants, real and complex, from the LU factorisation with partial pivoting (LuFactors).
// Their derivatives are in Ops.LinearAlgebra.Derivatives.cs.
public static partial class Ops
{
    /// <summary>
    /// The solution X of A·X = B (numpy's <c>linalg.solve</c>): <paramref name="b"/> a vector of length n gives a vector,
    /// an n×k matrix gives an n×k matrix. By LU factorisation with partial pivoting.
    /// </summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="a"/> is not square, <paramref name="b"/>'s first axis does not match it (the message names both
    /// shapes), an entry is NaN or infinite, or <paramref name="a"/> is singular.
    /// </exception>
    /// <param name="a">The n×n matrix A.</param>
    /// <param name="b">The right-hand side: a vector of length n or an n×k matrix.</param>
    /// <returns>X = A⁻¹·B, of the shape of <paramref name="b"/>.</returns>
    public static Tensor Solve(Tensor a, Tensor b)
    {
        NotNull(a, b);
        return new Tensor(LinearAlgebraRules.Solve(a.Data, a.ShapeRef, b.Data, b.ShapeRef).X, [.. b.ShapeRef]);
    }

    /// <inheritdoc cref="Solve(Tensor, Tensor)"/>
    public static ComplexTensor Solve(ComplexTensor a, ComplexTensor b)
    {
        NotNull(a, b);
        return new ComplexTensor(LinearAlgebraRules.Solve(a.Data, a.ShapeRef, b.Data, b.ShapeRef).X, [.. b.ShapeRef]);
    }

    /// <summary>The inverse A⁻¹ of a square matrix (numpy's <c>linalg.inv</c>), by LU factorisation with partial pivoting.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape), has a NaN or infinite entry, or is singular.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>A⁻¹, n×n.</returns>
    public static Tensor Inverse(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Tensor(LinearAlgebraRules.Inverse(a.Data, a.ShapeRef), [.. a.ShapeRef]);
    }

    /// <inheritdoc cref="Inverse(Tensor)"/>
    public static ComplexTensor Inverse(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ComplexTensor(LinearAlgebraRules.Inverse(a.Data, a.ShapeRef), [.. a.ShapeRef]);
    }

    /// <summary>The determinant of a square matrix, (−1)^swaps·Π uᵢᵢ from its LU factors; zero for a singular matrix.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix (n = 0 gives 1).</param>
    /// <returns>det A (±∞ where it overflows; <see cref="LogDet(Tensor)"/> and <see cref="SlogDet(Tensor)"/> do not).</returns>
    public static double Det(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef).Value;
    }

    /// <inheritdoc cref="Det(Tensor)"/>
    public static Complex Det(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef).Value;
    }

    /// <summary>log |det A| of a real square matrix, as a sum of log |uᵢᵢ| (so it does not overflow where det A would); −∞ for a singular matrix.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>log |det A|.</returns>
    public static double LogDet(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef).Residual.Factors.SignAndLogAbs().LogAbs;
    }

    /// <summary>
    /// The principal logarithm of det A of a complex square matrix: log |det A| + i·arg(det A) with the argument in
    /// (−π, π], computed from the LU factors without forming det A (so it does not overflow); −∞ for a singular matrix.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>log det A, principal branch.</returns>
    public static Complex LogDet(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (sign, logAbs) = LinearAlgebraRules.Det(a.Data, a.ShapeRef).Residual.Factors.SignAndLogAbs();
        return new Complex(logAbs, sign == Complex.Zero ? 0 : sign.Phase);
    }

    /// <summary>The sign and the logarithm of the absolute value of det A (numpy's <c>linalg.slogdet</c>): det A = Sign·e^LogAbsDet.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>Sign ±1 (0 for a singular matrix) and log |det A| (−∞ for a singular matrix).</returns>
    public static (double Sign, double LogAbsDet) SlogDet(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef).Residual.Factors.SignAndLogAbs();
    }

    /// <summary>The sign and the logarithm of the absolute value of det A of a complex matrix: det A = Sign·e^LogAbsDet, |Sign| = 1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square (the message names its shape) or has a NaN or infinite entry.</exception>
    /// <param name="a">The n×n matrix.</param>
    /// <returns>Sign e^{i·arg det A} (0 for a singular matrix) and log |det A| (−∞ for a singular matrix).</returns>
    public static (Complex Sign, double LogAbsDet) SlogDet(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return LinearAlgebraRules.Det(a.Data, a.ShapeRef).Residual.Factors.SignAndLogAbs();
    }
}
