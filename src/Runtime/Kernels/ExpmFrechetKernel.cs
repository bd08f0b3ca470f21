using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The Fréchet derivative L(A, E) of the matrix exponential from the Padé data of the exponential:
/// Al-Mohy &amp; Higham, "Computing the Fréchet derivative of the matrix exponential, with an application
/// to condition number estimation", SIAM J. Matrix Anal. Appl. 30(4), 2009, Algorithm 6.4. The exact
/// derivative of r_m(X)^(2ˢ) is formed: the derivatives M_{2k} = L_{x^{2k}}(X, E) of the even powers,
/// L_U and L_V of the odd and even parts, L_{r_m} = Q⁻¹((L_U + L_V) + (L_U − L_V)·r_m) with the LU
/// factors of Q = V − U already made, and L ← R·L + L·R along the squarings of R.
/// </summary>
internal static class ExpmFrechetKernel
{
    /// <summary>How many n×n scratch blocks <see cref="Pade{T}"/> needs.</summary>
    public const int ScratchBlocks = 8;

    /// <summary>
    /// L₀ = L_{r_m}(X, 2⁻ˢE) for the frame made by <see cref="ExpmKernel.Prepare{T}"/> and
    /// <see cref="ExpmKernel.Pade{T}"/>, with <paramref name="r0"/> = r_m(X).
    /// </summary>
    public static void Pade<T>(in ExpmPlan plan, scoped in ExpmFrame<T> f, ReadOnlySpan<T> r0, ReadOnlySpan<T> e,
        Span<T> l, Span<T> scratch) where T : unmanaged, INumberBase<T>
    {
        int n = plan.N, b = n * n, m = plan.M;
        Span<T> scaled = scratch.Slice(0, b), m2 = scratch.Slice(b, b), m4 = scratch.Slice(2 * b, b);
        Span<T> m6 = scratch.Slice(3 * b, b), m8 = scratch.Slice(4 * b, b);
        Span<T> acc = scratch.Slice(5 * b, b), lu = scratch.Slice(6 * b, b), lv = scratch.Slice(7 * b, b);
        ReadOnlySpan<double> c = ExpmPadeTables.Coefficients(m);

        // Algorithm 6.4, lines 10–12 (and their analogues for m < 13): the derivatives of the even powers. Without
        // scaling (s = 0) 2⁻ˢE is E itself.
        ReadOnlySpan<T> es = e;
        if (plan.S != 0)
        {
            Dense.Scale(plan.Scale, e, scaled);
            es = scaled;
        }
        Dense.Anticommutator<T>(f.X, es, m2, n);
        if (m >= 5)
            Dense.Anticommutator<T>(f.X2, m2, m4, n);
        if (m >= 7)
        {
            Dense.Multiply<T>(f.X4, m2, m6, n, n, n);
            Dense.MultiplyAdd<T>(m4, f.X2, m6, n, n, n);
        }
        if (m == 9)
            Dense.Anticommutator<T>(f.X4, m4, m8, n);

        if (m < 13)
        {
            // L_U = X·Σ_{k≥1} b_{2k+1} M_{2k} + E·W,  L_V = Σ_{k≥1} b_{2k} M_{2k}.
            ReadOnlySpan<T> n4 = m >= 5 ? m4 : default, n6 = m >= 7 ? m6 : default, n8 = m >= 9 ? m8 : default;
            Dense.Combine<T>(c[3], m2, m >= 5 ? c[5] : 0, n4, m >= 7 ? c[7] : 0, n6, m >= 9 ? c[9] : 0, n8, acc);
            Dense.Combine<T>(c[2], m2, m >= 5 ? c[4] : 0, n4, m >= 7 ? c[6] : 0, n6, m >= 9 ? c[8] : 0, n8, lv);
            Dense.Multiply<T>(f.X, acc, lu, n, n, n);
            Dense.MultiplyAdd<T>(es, f.W, lu, n, n, n);
        }
        else
        {
            // Lines 13–19: L_W = X⁶·L_{W1} + M₆·W₁ + L_{W2}, L_U = X·L_W + E·W, L_V = X⁶·L_{Z1} + M₆·Z₁ + L_{Z2}, with
            // L_{W1}, L_{Z1} (in acc, lu) and then L_{W2}, L_{Z2} each formed in one pass over M₆, M₄, M₂ (the same
            // operations per entry as one combination at a time). M₈ is not needed for m = 13: its block holds L_V.
            Span<T> lw = lv, lz = m8;
            Dense.CombinePair<T>(3, m6, m4, m2, default, [c[13], c[11], c[9]], [c[12], c[10], c[8]], acc, lu, accumulate: false);
            Dense.Multiply<T>(f.X6, acc, lw, n, n, n);
            Dense.MultiplyAdd<T>(m6, f.W1, lw, n, n, n);
            Dense.Multiply<T>(f.X6, lu, lz, n, n, n);
            Dense.MultiplyAdd<T>(m6, f.Z1, lz, n, n, n);
            Dense.CombinePair<T>(3, m6, m4, m2, default, [c[7], c[5], c[3]], [c[6], c[4], c[2]], lw, lz, accumulate: true);
            Dense.Multiply<T>(f.X, lw, lu, n, n, n);
            Dense.MultiplyAdd<T>(es, f.W, lu, n, n, n);
            lv = lz;
        }

        // Lines 20–21: Q·L = (L_U + L_V) + (L_U − L_V)·r_m.
        Dense.SumAndDifference<T>(lu, lv, l, acc);
        Dense.MultiplyAdd<T>(acc, r0, l, n, n, n);
        Lu.Solve<T>(f.Q, f.Pivots, l, n, n);
    }
}
