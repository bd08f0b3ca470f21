using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Diff.Kernels;

/// <summary>
/// The matrix exponential and its Fréchet derivatives on row-major spans, with every intermediate in one
/// pooled workspace: only the caller's result spans are written.
/// </summary>
internal static class ExpmDriver
{
    /// <summary>Pivot arrays up to this order live on the stack.</summary>
    private const int StackPivots = 512;

    /// <summary>
    /// Up to this order the whole workspace is on the stack (at most 21 KB, for the Fréchet derivative of a complex
    /// 8×8 matrix), not rented: renting and returning two arrays cost about a tenth of e^A at n = 4.
    /// </summary>
    public const int StackOrder = 8;

    /// <summary><paramref name="result"/> = e^A for the n×n matrix <paramref name="a"/> (Algorithm 6.1 of Al-Mohy &amp; Higham 2009).</summary>
    [SkipLocalsInit]
    public static void Value<T>(ReadOnlySpan<T> a, int n, Span<T> result) where T : unmanaged, INumberBase<T>
    {
        if (n == 0)
            return;
        // Every block of the frame is written before it is read, so the stack memory need not be cleared.
        T[]? buffer = n > StackOrder ? ArrayPool<T>.Shared.Rent(ExpmFrame<T>.Blocks * n * n) : null;
        Span<T> frame = buffer ?? stackalloc T[ExpmFrame<T>.Blocks * StackOrder * StackOrder];
        int[]? rentedPivots = n > StackPivots ? ArrayPool<int>.Shared.Rent(n) : null;
        Span<int> pivots = rentedPivots ?? stackalloc int[n];
        try
        {
            var f = new ExpmFrame<T>(frame, pivots, n);
            ExpmPlan plan = ExpmKernel.Prepare(a, n, forDerivative: false, f);
            // Without squarings r_m(X) is e^A: the solve then writes it straight into the result.
            if (plan.S == 0)
                f = f.WithR(result);
            ExpmKernel.Pade(plan, f);
            ExpmKernel.FixTriangle(f.R, a, n, plan.Triangle, plan.Scale);
            ExpmKernel.Square(plan, a, f, result, default, default, default);
        }
        finally
        {
            if (buffer is not null)
                ArrayPool<T>.Shared.Return(buffer);
            if (rentedPivots is not null)
                ArrayPool<int>.Shared.Return(rentedPivots);
        }
    }

    /// <summary>
    /// e^A and L(A, E_k) for <paramref name="count"/> directions stored one after another in
    /// <paramref name="directions"/> (count·n² elements), in one pass: the powers of A, the LU factors of
    /// the Padé denominator and the squarings are shared by all directions (Algorithm 6.4 of Al-Mohy &amp;
    /// Higham 2009, Fréchet paper, with m and s chosen by Algorithm 6.1 of their expm paper).
    /// An empty <paramref name="value"/> means that only the derivatives are wanted.
    /// </summary>
    [SkipLocalsInit]
    public static void WithFrechet<T>(ReadOnlySpan<T> a, int n, ReadOnlySpan<T> directions, int count,
        Span<T> value, Span<T> derivatives) where T : unmanaged, INumberBase<T>
    {
        if (n == 0)
            return;
        int b = n * n;
        const int blocks = ExpmFrame<T>.Blocks + ExpmFrechetKernel.ScratchBlocks + 1;
        T[]? buffer = n > StackOrder ? ArrayPool<T>.Shared.Rent(blocks * b) : null;
        Span<T> work = buffer ?? stackalloc T[blocks * StackOrder * StackOrder];
        int[]? rentedPivots = n > StackPivots ? ArrayPool<int>.Shared.Rent(n) : null;
        Span<int> pivots = rentedPivots ?? stackalloc int[n];
        try
        {
            var f = new ExpmFrame<T>(work, pivots, n);
            Span<T> scratch = work.Slice(ExpmFrame<T>.Blocks * b, ExpmFrechetKernel.ScratchBlocks * b);
            scoped Span<T> valueTarget = value.IsEmpty ? work.Slice((ExpmFrame<T>.Blocks + ExpmFrechetKernel.ScratchBlocks) * b, b) : value;
            ExpmPlan plan = ExpmKernel.Prepare(a, n, forDerivative: true, f);
            ExpmKernel.Pade(plan, f);
            ExpmKernel.FixTriangle(f.R, a, n, plan.Triangle, plan.Scale);
            for (int k = 0; k < count; k++)
                ExpmFrechetKernel.Pade(plan, f, f.R, directions.Slice(k * b, b), derivatives.Slice(k * b, b), scratch);
            ExpmKernel.Square(plan, a, f, valueTarget, default, derivatives.Slice(0, count * b), f.T2);
        }
        finally
        {
            if (buffer is not null)
                ArrayPool<T>.Shared.Return(buffer);
            if (rentedPivots is not null)
                ArrayPool<int>.Shared.Return(rentedPivots);
        }
    }
}
