using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// The squarings of the exponential where they cancel: R² with every entry a compensated dot product, as accurate as
/// if computed in twice the working precision and then rounded (Ogita, Rump &amp; Oishi, "Accurate sum and dot
/// product", SIAM J. Sci. Comput. 26(6), 2005, Algorithm 5.3, Dot2: the products split exactly by a fused
/// multiply-add, the sums by Knuth's TwoSum, the errors summed apart).
/// </summary>
/// <remarks>
/// <para>
/// A plain product errs by up to about n·u·‖|R|·|R|‖₁ ≤ n·u·‖R‖₁², so relative to R² by n·u·ρ with
/// ρ = ‖R‖₁²/‖R²‖₁. For most matrices ρ stays near 1 in every squaring. Where R² cancels (ρ ≫ 1), as for
/// A = [[1 − b/2, b/2], [−b/2, 1 + b/2]] of Al-Mohy &amp; Higham 2009 (test set 1), whose R_j = e^t(I + t(A − I)) have
/// ρ ≈ t·b/2, each squaring loses log₂ ρ bits and the later squarings amplify the loss: with b = 10⁴ plain squaring
/// ends 66 times above κ_exp·u (relative error 1.2·10⁻⁷), with b = 10⁵ at 1.9·10⁻⁴. Recomputing the squarings with
/// ρ &gt; <see cref="CancellationThreshold"/> this way brings both to about κ_exp·u (6·10⁻¹⁰ and 2·10⁻⁷).
/// </para>
/// <para>
/// Only orders up to <see cref="MaxOrder"/> are recomputed: there a compensated square costs a few microseconds
/// (about ten times a plain one, in scalar code); above it the packed kernels would have to be rewritten for it, and
/// the plain squaring is kept. ρ is judged from the sums of |Re| + |Im|, which lie within a factor √2 of the 1-norm,
/// so the threshold is applied within a factor of 2.
/// </para>
/// </remarks>
internal static class CompensatedSquare
{
    /// <summary>The largest order whose cancelling squarings are recomputed.</summary>
    public const int MaxOrder = 16;

    /// <summary>
    /// Squarings with ρ above this are recomputed. Measured on the matrices above, recomputing those with ρ &gt; 16
    /// gives the accuracy of recomputing all of them within a factor of 2 to 3; ordinary matrices (random, normal,
    /// the rest of the literature battery) stay below it.
    /// </summary>
    public const double CancellationThreshold = 16;

    /// <summary>
    /// Given <paramref name="square"/> = R·R computed plainly, and the bound <paramref name="normBound"/> of R (from
    /// <see cref="NormBound{T}"/>), recomputes R·R compensated if it cancels; returns the bound of the square for the
    /// next step.
    /// </summary>
    public static double Refine<T>(ReadOnlySpan<T> r, double normBound, Span<T> square, int n) where T : unmanaged, INumberBase<T>
    {
        double squareBound = NormBound<T>(square, n);
        if (!(normBound * normBound > CancellationThreshold * squareBound) || !double.IsFinite(normBound * normBound))
            return squareBound;
        if (typeof(T) == typeof(double))
            SquareReal(NormScalar.AsReals(r), NormScalar.AsReals(square), n);
        else if (typeof(T) == typeof(Complex))
            SquareComplex(NormScalar.AsReals(r), NormScalar.AsReals(square), n);
        else
            return squareBound;
        return NormBound<T>(square, n);
    }

    /// <summary>
    /// max_j Σ_i (|Re r_ij| + |Im r_ij|): between ‖R‖₁ and √2‖R‖₁, without square roots. The column sums are taken
    /// over the doubles of each row (four per register), and the real and imaginary sums of a column added at the end.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe double NormBound<T>(ReadOnlySpan<T> r, int n) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<double> x = NormScalar.AsReals(r);
        int c = x.Length / Math.Max(1, n * n); // doubles per element: 1 or 2
        int w = c * n;
        double* sums = stackalloc double[2 * MaxOrder];
        new Span<double>(sums, w).Clear();
        fixed (double* p = x)
        {
            for (int i = 0; i < n; i++)
            {
                double* row = p + i * w;
                int j = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; j + 4 <= w; j += 4)
                        Vector256.Store(Vector256.Load(sums + j) + Vector256.Abs(Vector256.Load(row + j)), sums + j);
                }
                for (; j < w; j++)
                    sums[j] += Math.Abs(row[j]);
            }
        }
        double max = 0;
        for (int j = 0; j < w; j += c)
            max = Math.Max(max, c == 2 ? sums[j] + sums[j + 1] : sums[j]);
        return max;
    }

    /// <summary>C = R·R for real n×n R, each entry by Dot2.</summary>
    private static void SquareReal(ReadOnlySpan<double> r, Span<double> c, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var sum = new Dot2();
                for (int k = 0; k < n; k++)
                    sum.Add(r[i * n + k], r[k * n + j]);
                c[i * n + j] = sum.Value;
            }
        }
    }

    /// <summary>C = R·R for complex n×n R (interleaved re, im), the real and imaginary part of each entry by Dot2.</summary>
    private static void SquareComplex(ReadOnlySpan<double> r, Span<double> c, int n)
    {
        int w = 2 * n;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var re = new Dot2();
                var im = new Dot2();
                for (int k = 0; k < n; k++)
                {
                    double ar = r[i * w + 2 * k], ai = r[i * w + 2 * k + 1];
                    double br = r[k * w + 2 * j], bi = r[k * w + 2 * j + 1];
                    re.Add(ar, br);
                    re.Add(-ai, bi);
                    im.Add(ar, bi);
                    im.Add(ai, br);
                }
                c[i * w + 2 * j] = re.Value;
                c[i * w + 2 * j + 1] = im.Value;
            }
        }
    }

    /// <summary>The running state of Dot2: the sum p of the rounded products and the sum s of all rounding errors.</summary>
    private struct Dot2
    {
        private double _p, _s;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double x, double y)
        {
            double h = x * y;
            double productError = Math.FusedMultiplyAdd(x, y, -h); // x·y = h + productError exactly
            double p = _p + h;
            double z = p - _p;
            double sumError = (_p - (p - z)) + (h - z);            // _p + h = p + sumError exactly (TwoSum)
            _p = p;
            _s += sumError + productError;
        }

        public readonly double Value => _p + _s;
    }
}
