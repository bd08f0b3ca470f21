using System;
using System.Buffers;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The block 1-norm estimator of Higham &amp; Tisseur, "A block algorithm for matrix 1-norm estimation,
/// with an application to 1-norm pseudospectra", SIAM J. Matrix Anal. Appl. 21(4), 2000, Algorithm 2.4,
/// for the operator B = F^p·G^q given by its n×n factors: it needs only products of B and Bᴴ with n×t
/// blocks, O(n²) work each, instead of the O(n³) of forming B. The estimate is a lower bound, usually
/// exact, and rarely off by more than a factor of 3 (their §4).
/// </summary>
internal static class NormEstimator
{
    /// <summary>Columns per block (the paper's t; t = 2 is its recommendation).</summary>
    private const int T = 2;

    /// <summary>At most this many iterations (the paper's itmax).</summary>
    private const int MaxIterations = 5;

    /// <summary>An estimate of ‖F^p·G^q‖₁ for n×n row-major <paramref name="f"/> and <paramref name="g"/> (q may be 0).</summary>
    public static double PowerProduct<TElement>(ReadOnlySpan<TElement> f, int p, ReadOnlySpan<TElement> g, int q, int n)
        where TElement : unmanaged, INumberBase<TElement>
    {
        if (n <= 2 * T)
            throw new ArgumentOutOfRangeException(nameof(n), n, "Use an exact norm for such small matrices.");
        TElement[] buffer = ArrayPool<TElement>.Shared.Rent(5 * n * T);
        double[] h = ArrayPool<double>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        bool[] used = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            Span<TElement> x = buffer.AsSpan(0, n * T), y = buffer.AsSpan(n * T, n * T);
            Span<TElement> s = buffer.AsSpan(2 * n * T, n * T), sOld = buffer.AsSpan(3 * n * T, n * T);
            Span<TElement> scratch = buffer.AsSpan(4 * n * T, n * T);
            Array.Clear(used, 0, n);
            sOld.Clear();

            // X = [1, ±1]/n with a fixed ±1 pattern that is not parallel to the ones vector (n > 1).
            TElement inverseN = NormScalar.FromReal<TElement>(1.0 / n);
            for (int i = 0; i < n; i++)
            {
                x[i * T] = inverseN;
                x[i * T + 1] = (((uint)i * 0x9E3779B1u) >> 31) == 0 || i == 0 ? inverseN : -inverseN;
            }

            double estimate = 0, estimateOld = 0;
            int bestIndex = -1;
            Span<int> indices = stackalloc int[T];
            for (int k = 1; ; k++)
            {
                ApplyOperator(f, p, g, q, x, y, scratch, n);
                int bestColumn = 0;
                estimate = 0;
                for (int j = 0; j < T; j++)
                {
                    double columnNorm = 0;
                    for (int i = 0; i < n; i++)
                        columnNorm += NormScalar.Magnitude(y[i * T + j]);
                    if (columnNorm > estimate)
                    {
                        estimate = columnNorm;
                        bestColumn = j;
                    }
                }
                if (k >= 2 && estimate <= estimateOld)
                {
                    estimate = estimateOld;
                    break;
                }
                if (k >= 2)
                    bestIndex = indices[bestColumn];
                estimateOld = estimate;
                if (k > MaxIterations)
                    break;

                // S = sign(Y); for real matrices stop when every column repeats one of the last S.
                s.CopyTo(sOld);
                for (int i = 0; i < n * T; i++)
                {
                    double m = NormScalar.Magnitude(y[i]);
                    s[i] = m == 0 ? TElement.One : y[i] * NormScalar.FromReal<TElement>(1.0 / m);
                }
                if (typeof(TElement) == typeof(double) && k >= 2 && AllColumnsParallel(s, sOld, n))
                    break;

                // Z = Bᴴ·S, h_i = ‖Z(i, :)‖_∞.
                ApplyAdjoint(f, p, g, q, s, y, scratch, n);
                double hMax = 0;
                for (int i = 0; i < n; i++)
                {
                    double hi = 0;
                    for (int j = 0; j < T; j++)
                        hi = Math.Max(hi, NormScalar.Magnitude(y[i * T + j]));
                    h[i] = hi;
                    order[i] = i;
                    hMax = Math.Max(hMax, hi);
                }
                if (k >= 2 && bestIndex >= 0 && hMax == h[bestIndex])
                    break;
                Array.Sort(h, order, 0, n, DescendingComparer.Instance);

                // The next X: unit vectors at the largest h not visited yet; stop if the best were all visited.
                if (AllVisited(order, used))
                    break;
                int taken = 0;
                for (int r = 0; r < n && taken < T; r++)
                {
                    if (!used[order[r]])
                        indices[taken++] = order[r];
                }
                for (int j = taken; j < T; j++)
                    indices[j] = indices[0];
                x.Clear();
                for (int j = 0; j < T; j++)
                {
                    x[indices[j] * T + j] = TElement.One;
                    used[indices[j]] = true;
                }
            }
            return estimate;
        }
        finally
        {
            ArrayPool<TElement>.Shared.Return(buffer);
            ArrayPool<double>.Shared.Return(h);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<bool>.Shared.Return(used);
        }
    }

    private static bool AllVisited(int[] order, bool[] used)
    {
        for (int j = 0; j < T; j++)
        {
            if (!used[order[j]])
                return false;
        }
        return true;
    }

    /// <summary>Whether each column of <paramref name="s"/> equals ± some column of <paramref name="sOld"/> (both ±1 entries).</summary>
    private static bool AllColumnsParallel<TElement>(ReadOnlySpan<TElement> s, ReadOnlySpan<TElement> sOld, int n)
        where TElement : unmanaged, INumberBase<TElement>
    {
        for (int j = 0; j < T; j++)
        {
            bool found = false;
            for (int c = 0; c < T && !found; c++)
            {
                TElement dot = TElement.Zero;
                for (int i = 0; i < n; i++)
                    dot += s[i * T + j] * sOld[i * T + c];
                found = NormScalar.Magnitude(dot) == n;
            }
            if (!found)
                return false;
        }
        return true;
    }

    /// <summary>y = F^p·G^q·x for the n×T block x; x is overwritten, scratch has the size of x.</summary>
    private static void ApplyOperator<TElement>(ReadOnlySpan<TElement> f, int p, ReadOnlySpan<TElement> g, int q,
        Span<TElement> x, Span<TElement> y, Span<TElement> scratch, int n) where TElement : unmanaged, INumberBase<TElement>
    {
        Span<TElement> current = scratch;
        x.CopyTo(current);
        Span<TElement> next = y;
        for (int i = 0; i < q + p; i++)
        {
            Dense.Multiply(i < q ? g : f, current, next, n, n, T);
            Span<TElement> t = current;
            current = next;
            next = t;
        }
        if (!Overlaps(current, y))
            current.CopyTo(y);
    }

    /// <summary>
    /// z = Bᴴ·s = (sᴴ·B)ᴴ for B = F^p·G^q: the rows of sᴴ are multiplied from the right by F p times, then by G q times.
    /// </summary>
    private static void ApplyAdjoint<TElement>(ReadOnlySpan<TElement> f, int p, ReadOnlySpan<TElement> g, int q,
        ReadOnlySpan<TElement> s, Span<TElement> z, Span<TElement> scratch, int n) where TElement : unmanaged, INumberBase<TElement>
    {
        // rows = sᴴ, T×n row-major, in scratch
        Span<TElement> current = scratch;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < T; j++)
                current[j * n + i] = NormScalar.Conjugate(s[i * T + j]);
        }
        Span<TElement> next = z;
        for (int i = 0; i < p + q; i++)
        {
            Dense.Multiply(current, i < p ? f : g, next, T, n, n);
            Span<TElement> t = current;
            current = next;
            next = t;
        }
        // z = currentᴴ (n×T) written into the other buffer, then moved into z if needed.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < T; j++)
                next[i * T + j] = NormScalar.Conjugate(current[j * n + i]);
        }
        if (!Overlaps(next, z))
            next.CopyTo(z);
    }

    private static bool Overlaps<TElement>(Span<TElement> a, Span<TElement> b) => a.Overlaps(b);

    private sealed class DescendingComparer : System.Collections.Generic.IComparer<double>
    {
        public static readonly DescendingComparer Instance = new();

        public int Compare(double a, double b) => b.CompareTo(a);
    }
}
