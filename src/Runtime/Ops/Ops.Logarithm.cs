using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>
/// Tensor operations: the math vocabulary of Diff (<c>using static Diff.Ops;</c>).
/// </summary>
public static partial class Ops
{
    /// <summary>
    /// The principal matrix logarithm X = log A, the unique X with e^X = A whose eigenvalues have
    /// imaginary parts in (−π, π]. Always complex: a real matrix with eigenvalues on the negative
    /// real axis has no real logarithm. An eigenvalue on the closed negative real axis λ = −r gets
    /// log λ = ln r + iπ (the branch of scipy and MATLAB).
    /// </summary>
    /// <remarks>
    /// Inverse scaling and squaring on the complex Schur form: Al-Mohy &amp; Higham, "Improved
    /// inverse scaling and squaring algorithms for the matrix logarithm", SIAM J. Sci. Comput.
    /// 34(4), 2012, Algorithm 4.1, with Padé degree m ≤ 7 (see <c>Diff.Kernels.Logm</c>).
    /// A real matrix is first brought to real Schur form, so that its real eigenvalues stay exactly
    /// real and a negative one reliably gets +iπ. The Schur decomposition dominates the O(n³) cost;
    /// each of the s square roots and the m Padé terms costs about n³/3 complex multiply-adds.
    /// </remarks>
    /// <param name="a">A real square matrix (rank 2, n×n), finite and nonsingular.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="a"/> is not a square rank-2 tensor, has a NaN or infinite entry, or is
    /// singular: a triangular or diagonal matrix (its own exact Schur form) with a zero on its diagonal, or any
    /// other matrix whose computed Schur form has an eigenvalue |λ| ≤ n·u·‖A‖₁ (u = 2⁻⁵³, ‖·‖₁ the largest column
    /// sum), where rounding alone can hide a zero. A triangular matrix with tiny diagonal entries, such as
    /// diag(1e-20, 1), has a logarithm and gets it.
    /// </exception>
    public static ComplexTensor Logm(Tensor a)
    {
        Complex[] data = LogmInput.ToComplex(a.Data);
        int n = LogmInput.CheckLogmArgument(a.ShapeRef, data, nameof(a));
        return new ComplexTensor(Kernels.Logm.Prepare(data, n, nameof(a)).Value(), [n, n]);
    }

    /// <summary>The principal matrix logarithm of a complex square matrix; see <see cref="Logm(Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix (rank 2, n×n), finite and nonsingular.</param>
    /// <exception cref="ArgumentException">As for <see cref="Logm(Tensor)"/>.</exception>
    public static ComplexTensor Logm(ComplexTensor a)
    {
        int n = LogmInput.CheckLogmArgument(a.ShapeRef, a.Data, nameof(a));
        return new ComplexTensor(Kernels.Logm.Prepare(a.Data, n, nameof(a)).Value(), [n, n]);
    }

    /// <summary>
    /// Forward mode of <see cref="Logm(Tensor)"/>: log A and its tangent L_log(A, dA), the Fréchet
    /// derivative in the direction <paramref name="da"/> (the same as <see cref="LogmWithFrechet(Tensor, Tensor)"/>).
    /// </summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    [TangentOf(nameof(Logm))]
    public static (ComplexTensor Value, ComplexTensor Tangent) LogmTangent(Tensor a, Tensor da) => LogmWithFrechet(a, da);

    /// <summary>Forward mode of <see cref="Logm(ComplexTensor)"/>: log A and L_log(A, dA); see <see cref="LogmTangent(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="da">The tangent of <paramref name="a"/>, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    [TangentOf(nameof(Logm))]
    public static (ComplexTensor Value, ComplexTensor Tangent) LogmTangent(ComplexTensor a, ComplexTensor da) => LogmWithFrechet(a, da);

    /// <summary>
    /// Reverse mode of <see cref="Logm(Tensor)"/>: log A and the adjoint of the real input A for
    /// the real loss L = Re Σ conj(seed)·log A, which is Re L_log(A, ·)*(seed) = Re L_log(A, seedᴴ)ᴴ
    /// (the Fréchet derivative is self-adjoint up to conjugate transposition; see
    /// <see cref="LogmFrechet(Tensor, Tensor)"/>). One Schur form serves the value and the adjoint.
    /// </summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="seed">The cotangent of the result, of the shape of <paramref name="a"/>.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    [AdjointOf(nameof(Logm))]
    public static (ComplexTensor Value, Tensor a) LogmAdjoint(Tensor a, ComplexTensor seed)
    {
        var (value, adjoint) = LogmInput.ValueAndAdjoint(a.ShapeRef, LogmInput.ToComplex(a.Data), seed);
        var real = new double[adjoint.Length];
        for (int i = 0; i < real.Length; i++)
            real[i] = adjoint[i].Real;
        return (value, new Tensor(real, [.. a.ShapeRef]));
    }

    /// <summary>
    /// Reverse mode of <see cref="Logm(ComplexTensor)"/>: log A and the adjoint
    /// ∂L/∂Re A + i·∂L/∂Im A of L = Re Σ conj(seed)·log A, which is L_log(A, ·)*(seed) =
    /// L_log(A, seedᴴ)ᴴ, equal to L_log(Aᴴ, seed) off the negative real axis.
    /// </summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="seed">The cotangent of the result, of the shape of <paramref name="a"/>.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    [AdjointOf(nameof(Logm))]
    public static (ComplexTensor Value, ComplexTensor a) LogmAdjoint(ComplexTensor a, ComplexTensor seed)
    {
        var (value, adjoint) = LogmInput.ValueAndAdjoint(a.ShapeRef, a.Data, seed);
        return (value, new ComplexTensor(adjoint, [.. a.ShapeRef]));
    }

    /// <summary>
    /// The Fréchet derivative L_log(A, E) = d/dε log(A + ε·E) at ε = 0 of the principal logarithm:
    /// the forward-mode derivative of <see cref="Logm(Tensor)"/> in the direction <paramref name="e"/>.
    /// </summary>
    /// <remarks>
    /// Al-Mohy, Higham &amp; Relton, "Computing the Fréchet derivative of the matrix logarithm and
    /// estimating the condition number", SIAM J. Sci. Comput. 35(4), 2013, Algorithm 4.1 in its
    /// complex Schur form: the direction is moved to the Schur basis, differentiated through each
    /// square root by a triangular Sylvester equation and through the partial-fraction Padé
    /// approximant, scaled by 2^s and moved back; the s square roots and the degree m ≤ 7 are those
    /// chosen for log A. The adjoint (reverse mode, <see cref="LogmAdjoint(ComplexTensor, ComplexTensor)"/>)
    /// is L_log(A, Gᴴ)ᴴ, which equals L_log(Aᴴ, G) when A has no eigenvalue on the negative real axis.
    /// </remarks>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="e">The direction, a matrix of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="Logm(Tensor)"/>, or <paramref name="e"/> has another shape or a non-finite entry.</exception>
    public static ComplexTensor LogmFrechet(Tensor a, Tensor e) =>
        LogmInput.Derivatives(a.ShapeRef, LogmInput.ToComplex(a.Data), [(e.ShapeRef, LogmInput.ToComplex(e.Data))])[0];

    /// <summary>The Fréchet derivative L_log(A, E); see <see cref="LogmFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="e">The complex direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static ComplexTensor LogmFrechet(Tensor a, ComplexTensor e) =>
        LogmInput.Derivatives(a.ShapeRef, LogmInput.ToComplex(a.Data), [(e.ShapeRef, e.Data)])[0];

    /// <summary>The Fréchet derivative L_log(A, E); see <see cref="LogmFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="e">The real direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static ComplexTensor LogmFrechet(ComplexTensor a, Tensor e) =>
        LogmInput.Derivatives(a.ShapeRef, a.Data, [(e.ShapeRef, LogmInput.ToComplex(e.Data))])[0];

    /// <summary>The Fréchet derivative L_log(A, E); see <see cref="LogmFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="e">The complex direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static ComplexTensor LogmFrechet(ComplexTensor a, ComplexTensor e) =>
        LogmInput.Derivatives(a.ShapeRef, a.Data, [(e.ShapeRef, e.Data)])[0];

    /// <summary>
    /// log A and L_log(A, E) in one pass: the Schur form and the square roots are computed once
    /// and serve both. See <see cref="Logm(Tensor)"/> and <see cref="LogmFrechet(Tensor, Tensor)"/>.
    /// </summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="e">The direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) LogmWithFrechet(Tensor a, Tensor e) =>
        LogmInput.Single(LogmInput.Core(a.ShapeRef, LogmInput.ToComplex(a.Data), [(e.ShapeRef, LogmInput.ToComplex(e.Data))]));

    /// <summary>log A and L_log(A, E) in one pass; see <see cref="LogmWithFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="e">The complex direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) LogmWithFrechet(Tensor a, ComplexTensor e) =>
        LogmInput.Single(LogmInput.Core(a.ShapeRef, LogmInput.ToComplex(a.Data), [(e.ShapeRef, e.Data)]));

    /// <summary>log A and L_log(A, E) in one pass; see <see cref="LogmWithFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="e">The real direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) LogmWithFrechet(ComplexTensor a, Tensor e) =>
        LogmInput.Single(LogmInput.Core(a.ShapeRef, a.Data, [(e.ShapeRef, LogmInput.ToComplex(e.Data))]));

    /// <summary>log A and L_log(A, E) in one pass; see <see cref="LogmWithFrechet(Tensor, Tensor)"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="e">The complex direction, of the same shape.</param>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) LogmWithFrechet(ComplexTensor a, ComplexTensor e) =>
        LogmInput.Single(LogmInput.Core(a.ShapeRef, a.Data, [(e.ShapeRef, e.Data)]));

    /// <summary>
    /// log A and L_log(A, E_k) for several directions E_k, sharing the Schur form and the square
    /// roots, which dominate the cost; each further direction costs s triangular Sylvester solves,
    /// 2m triangular solves and four matrix products.
    /// </summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="directions">The directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>The logarithm, and one derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) LogmWithFrechet(Tensor a, IReadOnlyList<Tensor> directions) =>
        LogmInput.Core(a.ShapeRef, LogmInput.ToComplex(a.Data), LogmInput.RealDirections(directions));

    /// <summary>log A and L_log(A, E_k) for several directions; see <see cref="LogmWithFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="directions">The complex directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>The logarithm, and one derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) LogmWithFrechet(Tensor a, IReadOnlyList<ComplexTensor> directions) =>
        LogmInput.Core(a.ShapeRef, LogmInput.ToComplex(a.Data), LogmInput.ComplexDirections(directions));

    /// <summary>log A and L_log(A, E_k) for several directions; see <see cref="LogmWithFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="directions">The real directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>The logarithm, and one derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) LogmWithFrechet(ComplexTensor a, IReadOnlyList<Tensor> directions) =>
        LogmInput.Core(a.ShapeRef, a.Data, LogmInput.RealDirections(directions));

    /// <summary>log A and L_log(A, E_k) for several directions; see <see cref="LogmWithFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="directions">The complex directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>The logarithm, and one derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) LogmWithFrechet(ComplexTensor a, IReadOnlyList<ComplexTensor> directions) =>
        LogmInput.Core(a.ShapeRef, a.Data, LogmInput.ComplexDirections(directions));

    /// <summary>L_log(A, E_k) for several directions, sharing the Schur form and square roots; see <see cref="LogmWithFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="directions">The directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>One derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static ComplexTensor[] LogmFrechet(Tensor a, IReadOnlyList<Tensor> directions) =>
        LogmInput.Derivatives(a.ShapeRef, LogmInput.ToComplex(a.Data), LogmInput.RealDirections(directions));

    /// <summary>L_log(A, E_k) for several directions; see <see cref="LogmFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A real square matrix, finite and nonsingular.</param>
    /// <param name="directions">The complex directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>One derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static ComplexTensor[] LogmFrechet(Tensor a, IReadOnlyList<ComplexTensor> directions) =>
        LogmInput.Derivatives(a.ShapeRef, LogmInput.ToComplex(a.Data), LogmInput.ComplexDirections(directions));

    /// <summary>L_log(A, E_k) for several directions; see <see cref="LogmFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="directions">The real directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>One derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static ComplexTensor[] LogmFrechet(ComplexTensor a, IReadOnlyList<Tensor> directions) =>
        LogmInput.Derivatives(a.ShapeRef, a.Data, LogmInput.RealDirections(directions));

    /// <summary>L_log(A, E_k) for several directions; see <see cref="LogmFrechet(Tensor, IReadOnlyList{Tensor})"/>.</summary>
    /// <param name="a">A complex square matrix, finite and nonsingular.</param>
    /// <param name="directions">The complex directions, each of the shape of <paramref name="a"/>.</param>
    /// <returns>One derivative per direction, in order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LogmFrechet(Tensor, Tensor)"/>, for any direction.</exception>
    public static ComplexTensor[] LogmFrechet(ComplexTensor a, IReadOnlyList<ComplexTensor> directions) =>
        LogmInput.Derivatives(a.ShapeRef, a.Data, LogmInput.ComplexDirections(directions));

    /// <summary>Argument checks and conversions for the logarithm entry points (nested so their names stay out of the rest of <see cref="Ops"/>).</summary>
    private static class LogmInput
    {
        internal static (ComplexTensor Value, ComplexTensor Derivative) Single((ComplexTensor Value, ComplexTensor[] Derivatives) result) =>
            (result.Value, result.Derivatives[0]);

        internal static (int[] Shape, Complex[] Data)[] RealDirections(IReadOnlyList<Tensor> directions)
        {
            ArgumentNullException.ThrowIfNull(directions);
            var result = new (int[], Complex[])[directions.Count];
            for (int k = 0; k < result.Length; k++)
                result[k] = (directions[k].ShapeRef, ToComplex(directions[k].Data));
            return result;
        }

        internal static (int[] Shape, Complex[] Data)[] ComplexDirections(IReadOnlyList<ComplexTensor> directions)
        {
            ArgumentNullException.ThrowIfNull(directions);
            var result = new (int[], Complex[])[directions.Count];
            for (int k = 0; k < result.Length; k++)
                result[k] = (directions[k].ShapeRef, directions[k].Data);
            return result;
        }

        internal static (ComplexTensor Value, ComplexTensor[] Derivatives) Core(
            int[] shape, Complex[] a, (int[] Shape, Complex[] Data)[] directions)
        {
            var (logm, derivatives) = Derive(shape, a, directions);
            return (new ComplexTensor(logm.Value(), [shape[0], shape[0]]), derivatives);
        }

        /// <summary>The derivatives alone: the logarithm's Schur form and square roots are made, its back-transformation is skipped.</summary>
        internal static ComplexTensor[] Derivatives(int[] shape, Complex[] a, (int[] Shape, Complex[] Data)[] directions) =>
            Derive(shape, a, directions).Derivatives;

        private static (Kernels.Logm Logm, ComplexTensor[] Derivatives) Derive(
            int[] shape, Complex[] a, (int[] Shape, Complex[] Data)[] directions)
        {
            int n = CheckLogmArgument(shape, a, "a");
            for (int k = 0; k < directions.Length; k++)
            {
                string name = directions.Length == 1 ? "e" : $"directions[{k}]";
                if (!SameShape(directions[k].Shape, shape))
                {
                    throw new ArgumentException(
                        $"The direction has shape {FormatShape(directions[k].Shape)} but the matrix has shape {FormatShape(shape)}; they must match.", name);
                }
                CheckFinite(directions[k].Data, "LogmFrechet", name);
            }

            var logm = Kernels.Logm.Prepare(a, n, "a");
            var derivatives = new ComplexTensor[directions.Length];
            for (int k = 0; k < directions.Length; k++)
                derivatives[k] = new ComplexTensor(logm.Frechet(directions[k].Data), [n, n]);
            return (logm, derivatives);
        }

        internal static (ComplexTensor Value, Complex[] Adjoint) ValueAndAdjoint(int[] shape, Complex[] a, ComplexTensor seed)
        {
            int n = CheckLogmArgument(shape, a, "a");
            if (!SameShape(seed.ShapeRef, shape))
            {
                throw new ArgumentException(
                    $"The seed has shape {FormatShape(seed.ShapeRef)} but the matrix has shape {FormatShape(shape)}; they must match.", nameof(seed));
            }
            CheckFinite(seed.Data, "LogmAdjoint", nameof(seed));
            var logm = Kernels.Logm.Prepare(a, n, "a");
            return (new ComplexTensor(logm.Value(), [n, n]), logm.FrechetAdjoint(seed.Data));
        }

        /// <summary>Checks that <paramref name="shape"/> is n×n and the entries finite; returns n.</summary>
        internal static int CheckLogmArgument(int[] shape, Complex[] source, string name)
        {
            if (shape.Length != 2)
                throw new ArgumentException($"Logm needs a square matrix (a rank-2 tensor), but got a rank-{shape.Length} tensor of shape {FormatShape(shape)}.", name);
            if (shape[0] != shape[1])
                throw new ArgumentException($"Logm needs a square matrix, but got shape {FormatShape(shape)}.", name);
            CheckFinite(source, "Logm", name);
            return shape[0];
        }

        internal static void CheckFinite(Complex[] data, string operation, string name)
        {
            for (int i = 0; i < data.Length; i++)
            {
                if (!double.IsFinite(data[i].Real) || !double.IsFinite(data[i].Imaginary))
                    throw new ArgumentException($"{operation} needs finite entries, but entry {i} (row-major) is {data[i]}.", name);
            }
        }

        internal static Complex[] ToComplex(double[] data)
        {
            var result = new Complex[data.Length];
            for (int i = 0; i < data.Length; i++)
                result[i] = data[i];
            return result;
        }

        internal static bool SameShape(int[] left, int[] right) => left.AsSpan().SequenceEqual(right);

        internal static string FormatShape(int[] shape) => "[" + string.Join(", ", shape) + "]";
    }
}
