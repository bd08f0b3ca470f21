using System;
using System.Buffers;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// What the forward computation of e^A keeps so that Fréchet derivatives, in any number of directions and
/// at any later time, cost no recomputation of the Padé data: the plan (m, s, structure), the scaled
/// powers X^(2k), W (W₁, Z₁), the LU factors of the Padé denominator, and R₀ = r_m(X), R₁, …, R_{s−1} of the
/// squaring phase. This is the residual of the reverse-mode rule of <c>Ops.Expm</c>.
/// </summary>
internal sealed class ExpmResidual<T> where T : unmanaged, INumberBase<T>
{
    private readonly T[] _frame;
    private readonly int[] _pivots;
    private readonly T[] _squares;

    private ExpmResidual(T[] frame, int[] pivots, T[] squares, ExpmPlan plan)
    {
        _frame = frame;
        _pivots = pivots;
        _squares = squares;
        Plan = plan;
    }

    /// <summary>The degree, scaling and structure the forward computation chose.</summary>
    public ExpmPlan Plan { get; }

    /// <summary>
    /// Computes <paramref name="value"/> = e^A for the n×n matrix <paramref name="a"/> (with the thresholds
    /// for derivatives, <see cref="ExpmPadeTables.Threshold"/>) and returns the residual.
    /// </summary>
    public static ExpmResidual<T> Forward(ReadOnlySpan<T> a, int n, Span<T> value)
    {
        int b = n * n;
        // Every block of the frame is written before it is read (as on the stack in ExpmDriver): from 2 KB on the
        // runtime then skips clearing it, which is a tenth of the forward pass at n = 4.
        var frame = GC.AllocateUninitializedArray<T>(ExpmFrame<T>.Blocks * b);
        var pivots = new int[n];
        var f = new ExpmFrame<T>(frame, pivots, n);
        ExpmPlan plan = ExpmKernel.Prepare(a, n, forDerivative: true, f);
        ExpmKernel.Pade(plan, f);
        ExpmKernel.FixTriangle(f.R, a, n, plan.Triangle, plan.Scale);
        var squares = plan.S == 0 ? Array.Empty<T>() : GC.AllocateUninitializedArray<T>(plan.S * b);
        ExpmKernel.Square(plan, a, f, value, squares, default, default);
        // Square used R and T1 as scratch: R₀ is kept in squares[0] when s > 0, else R still holds it.
        return new ExpmResidual<T>(frame, pivots, squares, plan);
    }

    /// <summary>The order n of A.</summary>
    public int Order => Plan.N;

    /// <summary><paramref name="l"/> = L(A, <paramref name="e"/>), from the kept Padé data only.</summary>
    public void Frechet(ReadOnlySpan<T> e, Span<T> l)
    {
        int n = Plan.N, b = n * n;
        if (n == 0)
            return;
        T[] scratch = ArrayPool<T>.Shared.Rent((ExpmFrechetKernel.ScratchBlocks + 1) * b);
        try
        {
            var f = new ExpmFrame<T>(_frame, _pivots, n);
            ReadOnlySpan<T> r0 = Plan.S > 0 ? _squares.AsSpan(0, b) : f.R;
            ExpmFrechetKernel.Pade(Plan, f, r0, e, l, scratch.AsSpan(0, ExpmFrechetKernel.ScratchBlocks * b));
            Span<T> tmp = scratch.AsSpan(ExpmFrechetKernel.ScratchBlocks * b, b);
            for (int j = 1; j <= Plan.S; j++)
                ExpmKernel.SquareDerivative<T>(_squares.AsSpan((j - 1) * b, b), l, tmp, n);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// <paramref name="l"/> = L(Aᴴ, <paramref name="g"/>), the adjoint of E ↦ L(A, E) for ⟨X, Y⟩ = Re tr(XᴴY),
    /// which the reverse-mode rule of e^A applies to the cotangent G. The Padé data of Aᴴ are the conjugate
    /// transposes of those of A (its powers, the LU factors of Qᴴ, its squarings), and each step of
    /// Algorithm 6.4 commutes with (·)ᴴ, so L(Aᴴ, G) = L(A, Gᴴ)ᴴ: the kept data serve unchanged.
    /// </summary>
    public void FrechetAdjoint(ReadOnlySpan<T> g, Span<T> l)
    {
        int n = Plan.N, b = n * n;
        if (n == 0)
            return;
        T[] scratch = ArrayPool<T>.Shared.Rent(2 * b);
        try
        {
            Span<T> gh = scratch.AsSpan(0, b), lh = scratch.AsSpan(b, b);
            Dense.ConjugateTranspose(g, gh, n);
            Frechet(gh, lh);
            Dense.ConjugateTranspose<T>(lh, l, n);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }
}
