using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// Dense general matrix multiply, C = A·B (or C += A·B), on row-major spans.
/// </summary>
internal static class Gemm
{
    /// <summary>C (m×n) = A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        c.Slice(0, m * n).Clear();
        MultiplyAdd(a, b, c, m, k, n);
    }

    /// <summary>C (m×n) += A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            Span<double> ci = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                double aip = a[i * k + p];
                ReadOnlySpan<double> bp = b.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                    ci[j] += aip * bp[j];
            }
        }
    }

    /// <summary>C (m×n) = A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n)
    {
        c.Slice(0, m * n).Clear();
        MultiplyAdd(a, b, c, m, k, n);
    }

    /// <summary>C (m×n) += A (m×k) · B (k×n), all row-major. C must not overlap A or B.</summary>
    public static void MultiplyAdd(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            Span<Complex> ci = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                Complex aip = a[i * k + p];
                ReadOnlySpan<Complex> bp = b.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                    ci[j] += aip * bp[j];
            }
        }
    }
}
