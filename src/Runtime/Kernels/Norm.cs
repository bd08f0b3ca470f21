using System;
using System.Buffers;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>Exact matrix 1-norms on row-major square matrices.</summary>
internal static class Norm
{
    /// <summary>‖A‖₁ = max_j Σ_i |a_ij|, the largest column sum of moduli of the n×n matrix <paramref name="a"/>.</summary>
    public static double One<T>(ReadOnlySpan<T> a, int n) where T : unmanaged, INumberBase<T>
    {
        if (n == 0)
            return 0;
        double[]? rented = n > 256 ? ArrayPool<double>.Shared.Rent(n) : null;
        Span<double> sums = rented is null ? stackalloc double[n] : rented.AsSpan(0, n);
        sums.Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> row = a.Slice(i * n, n);
            for (int j = 0; j < n; j++)
                sums[j] += NormScalar.Magnitude(row[j]);
        }
        double max = 0;
        foreach (double s in sums)
            max = Math.Max(max, s);
        if (rented is not null)
            ArrayPool<double>.Shared.Return(rented);
        return max;
    }

    /// <summary>
    /// log₂ ‖|A|^p‖₁ for the entrywise modulus |A| given in <paramref name="absA"/> (n×n, row-major,
    /// nonnegative), computed exactly as the largest entry of the row vector 1ᵀ|A|^p; the vector is
    /// renormalised after each product so that no power overflows or underflows. Returns −∞ for a
    /// zero power.
    /// </summary>
    public static double Log2OneNormOfPower(ReadOnlySpan<double> absA, int n, int p)
    {
        double[]? rented = n > 256 ? ArrayPool<double>.Shared.Rent(2 * n) : null;
        Span<double> buffer = rented is null ? stackalloc double[2 * n] : rented.AsSpan(0, 2 * n);
        Span<double> v = buffer.Slice(0, n), next = buffer.Slice(n, n);
        v.Fill(1);
        double log2Scale = 0;
        for (int k = 0; k < p; k++)
        {
            next.Clear();
            for (int i = 0; i < n; i++)
            {
                double vi = v[i];
                if (vi == 0)
                    continue;
                ReadOnlySpan<double> row = absA.Slice(i * n, n);
                for (int j = 0; j < n; j++)
                    next[j] += vi * row[j];
            }
            double max = 0;
            foreach (double x in next)
                max = Math.Max(max, x);
            if (max == 0)
            {
                log2Scale = double.NegativeInfinity;
                break;
            }
            // Rescale by a power of two so the scaling itself is exact.
            int e = Math.ILogB(max);
            double factor = Math.ScaleB(1.0, -e);
            for (int j = 0; j < n; j++)
                v[j] = next[j] * factor;
            log2Scale += e;
        }
        double result = double.IsNegativeInfinity(log2Scale) ? log2Scale : log2Scale + Math.Log2(Max(v));
        if (rented is not null)
            ArrayPool<double>.Shared.Return(rented);
        return result;
    }

    private static double Max(ReadOnlySpan<double> v)
    {
        double max = 0;
        foreach (double x in v)
            max = Math.Max(max, x);
        return max;
    }
}
