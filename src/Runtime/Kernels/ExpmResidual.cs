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
    /// <summary>The blocks of <see cref="ExpmFrame{T}"/>; null once <see cref="FrechetAdjointOnce"/> has released them.</summary>
    private T[]? _frame;
    private readonly int[] _pivots;
    private readonly T[] _squares;
    private readonly T[] _a;
    private readonly bool _pooled;

    private ExpmResidual(T[] frame, int[] pivots, T[] squares, ExpmPlan plan, T[] a, bool pooled)
    {
        _frame = frame;
        _pivots = pivots;
        _squares = squares;
        _a = a;
        _pooled = pooled;
        Plan = plan;
    }

    /// <summary>The degree, scaling and structure the forward computation chose.</summary>
    public ExpmPlan Plan { get; }

    /// <summary>
    /// Computes <paramref name="value"/> = e^A for the n×n matrix <paramref name="a"/> (with the thresholds
    /// for derivatives, <see cref="ExpmPadeTables.Threshold"/>) and returns the residual. <paramref name="a"/> is
    /// kept (it must not change afterwards: a tensor's data). With <paramref name="pooled"/> the Padé data live in a
    /// rented array that <see cref="FrechetAdjointOnce"/> gives back.
    /// </summary>
    public static ExpmResidual<T> Forward(T[] a, int n, Span<T> value, bool pooled = false)
    {
        int b = n * n;
        // Every block of the frame is written before it is read (as on the stack in ExpmDriver), so neither the
        // rented nor the allocated array is cleared. A rented one has been written recently: for the reverse sweep
        // of a loop over matrix exponentials, writing fresh memory costs a third of e^A at n = 16.
        var frame = pooled ? ArrayPool<T>.Shared.Rent(ExpmFrame<T>.Blocks * b) : GC.AllocateUninitializedArray<T>(ExpmFrame<T>.Blocks * b);
        var pivots = new int[n];
        var f = new ExpmFrame<T>(frame, pivots, n);
        ExpmPlan plan = ExpmKernel.Prepare<T>(a, n, forDerivative: true, f);
        ExpmKernel.Pade(plan, f);
        ExpmKernel.FixTriangle<T>(f.R, a, n, plan.Triangle, plan.Scale);
        var squares = plan.S == 0 ? Array.Empty<T>() : GC.AllocateUninitializedArray<T>(plan.S * b);
        ExpmKernel.Square<T>(plan, a, f, value, squares, default, default);
        // Square used R and T1 as scratch: R₀ is kept in squares[0] when s > 0, else R still holds it.
        return new ExpmResidual<T>(frame, pivots, squares, plan, a, pooled);
    }

    /// <summary>The order n of A.</summary>
    public int Order => Plan.N;

    /// <summary><paramref name="l"/> = L(A, <paramref name="e"/>), from the kept Padé data only.</summary>
    public void Frechet(ReadOnlySpan<T> e, Span<T> l)
    {
        T[]? frame = _frame;
        if (frame is not null)
        {
            Frechet(frame, _pivots, e, l);
            return;
        }

        // FrechetAdjointOnce gave the Padé data back: compute them again (the same plan, the same numbers).
        var (again, pivots) = Recompute();
        try
        {
            Frechet(again, pivots, e, l);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(again);
        }
    }

    private (T[] Frame, int[] Pivots) Recompute()
    {
        int n = Plan.N;
        T[] frame = ArrayPool<T>.Shared.Rent(ExpmFrame<T>.Blocks * n * n);
        var pivots = new int[n];
        var f = new ExpmFrame<T>(frame, pivots, n);
        ExpmPlan plan = ExpmKernel.Prepare<T>(_a, n, forDerivative: true, f);
        System.Diagnostics.Debug.Assert(plan.Equals(Plan), "the plan of a recomputation differs");
        ExpmKernel.Pade(plan, f);
        ExpmKernel.FixTriangle<T>(f.R, _a, n, plan.Triangle, plan.Scale);
        return (frame, pivots);
    }

    private void Frechet(T[] frame, int[] pivots, ReadOnlySpan<T> e, Span<T> l)
    {
        int n = Plan.N, b = n * n;
        if (n == 0)
            return;
        T[] scratch = ArrayPool<T>.Shared.Rent((ExpmFrechetKernel.ScratchBlocks + 1) * b);
        try
        {
            var f = new ExpmFrame<T>(frame, pivots, n);
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
    public void FrechetAdjoint(ReadOnlySpan<T> g, Span<T> l) => FrechetAdjoint(g, l, release: false);

    /// <summary>
    /// <see cref="FrechetAdjoint(ReadOnlySpan{T}, Span{T})"/>, then, for a residual made with <c>pooled</c>, the Padé
    /// data go back to the pool: the reverse sweep's one use of them. A later call computes them again.
    /// </summary>
    public void FrechetAdjointOnce(ReadOnlySpan<T> g, Span<T> l) => FrechetAdjoint(g, l, release: _pooled);

    private void FrechetAdjoint(ReadOnlySpan<T> g, Span<T> l, bool release)
    {
        int n = Plan.N, b = n * n;
        if (n == 0)
            return;
        T[] scratch = ArrayPool<T>.Shared.Rent(2 * b);
        try
        {
            Span<T> gh = scratch.AsSpan(0, b), lh = scratch.AsSpan(b, b);
            Dense.ConjugateTranspose(g, gh, n);
            // Taken, so that a concurrent call on the same residual computes the data again rather than reading
            // an array given back.
            T[]? frame = release ? System.Threading.Interlocked.Exchange(ref _frame, null) : _frame;
            if (frame is not null)
            {
                Frechet(frame, _pivots, gh, lh);
                if (release)
                    ArrayPool<T>.Shared.Return(frame);
            }
            else
            {
                Frechet(gh, lh);
            }

            Dense.ConjugateTranspose<T>(lh, l, n);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }
}
