using System;

namespace Diff.Kernels;

/// <summary>
/// Two-sided bounds on ‖|A|^p‖₁ for a nonnegative n×n matrix |A| from the first few vectors v_k = 1ᵀ|A|^k, for the
/// ℓ(A, m) of Al-Mohy &amp; Higham 2009 ("A new scaling and squaring algorithm for the matrix exponential", eq. (5.1)),
/// which asks only where log₂ of such a norm lies against a few thresholds. The bounds are those of Collatz and
/// Wielandt: if λ·v_k ≤ v_{k+1} ≤ μ·v_k entrywise, multiplying by |A| ≥ 0 keeps the inequalities, so
/// λ^(p−k−1)·v_{k+1} ≤ v_p ≤ μ^(p−k−1)·v_{k+1} for every p &gt; k, and ‖|A|^p‖₁ = max_j (v_p)_j lies within
/// λ^(p−k−1)·max v_{k+1} and μ^(p−k−1)·max v_{k+1}. With λ and μ the smallest and largest ratio (v_{k+1})_j/(v_k)_j,
/// the interval narrows as k grows (to the Perron root for an irreducible primitive |A|); each step costs one
/// vector–matrix product, a 1/n-th of a matrix product. After the first step (v₀ = 1, v₁ = the column sums) the upper
/// bound is ‖A‖₁^p, the bound that needs no step at all.
/// </summary>
internal ref struct AbsPowerBounds
{
    /// <summary>Entries of the normalised vectors below this (the largest is 1) make a step's ratios untrusted.</summary>
    private const double Tiny = 1e-200;

    private readonly ReadOnlySpan<double> _absA;
    private readonly int _n;
    private Span<double> _v;
    private Span<double> _next;
    private int _steps;
    private double _log2Max;   // log₂ max v_k, the vector itself kept scaled to largest entry 1
    private double _log2Lower; // log₂ λ of the last step (−∞ when it bounds nothing)
    private double _log2Upper; // log₂ μ of the last step (+∞ when it bounds nothing)

    /// <summary>Starts at v₀ = 1; <paramref name="buffer"/> holds 2n doubles.</summary>
    public AbsPowerBounds(ReadOnlySpan<double> absA, int n, Span<double> buffer)
    {
        _absA = absA;
        _n = n;
        _v = buffer.Slice(0, n);
        _next = buffer.Slice(n, n);
        _v.Fill(1);
        _steps = 0;
        _log2Max = 0;
        _log2Lower = double.NegativeInfinity;
        _log2Upper = double.PositiveInfinity;
    }

    /// <summary>How many steps have been taken (bounds exist from one on).</summary>
    public readonly int Steps => _steps;

    /// <summary>
    /// The interval [low, high] that contains log₂ ‖|A|^p‖₁, for p ≥ <see cref="Steps"/> ≥ 1 (−∞ at both ends when
    /// the powers vanish). The ends carry the rounding errors of a few vector products, relative size about n·u.
    /// </summary>
    public readonly (double Low, double High) Log2Bounds(int p)
    {
        if (double.IsNegativeInfinity(_log2Max))
            return (double.NegativeInfinity, double.NegativeInfinity);
        int remaining = p - _steps;
        if (remaining == 0)
            return (_log2Max, _log2Max);
        return (_log2Max + remaining * _log2Lower, _log2Max + remaining * _log2Upper);
    }

    /// <summary>v_{k+1} = v_k·|A| and the ratios of the step; nothing once the powers have vanished.</summary>
    public unsafe void Step()
    {
        if (double.IsNegativeInfinity(_log2Max))
            return;
        int n = _n;
        double max;
        fixed (double* a = _absA, v = _v, next = _next)
            max = AbsPowerSequence.Step(a, v, next, n);
        _steps++;
        if (max == 0)
        {
            _log2Max = double.NegativeInfinity;
            return;
        }
        double lower = double.PositiveInfinity, upper = 0;
        bool trusted = true;
        for (int j = 0; j < n; j++)
        {
            double x = _v[j], y = _next[j];
            if (x == 0)
            {
                // Any λ bounds 0 ≤ y from below; no finite μ bounds a y > 0 from above.
                if (y != 0)
                    upper = double.PositiveInfinity;
                continue;
            }
            if (x < Tiny || (y != 0 && y < Tiny * max))
                trusted = false;
            double ratio = y / x;
            lower = Math.Min(lower, ratio);
            upper = Math.Max(upper, ratio);
        }
        _log2Lower = trusted ? Math.Log2(lower) : double.NegativeInfinity;
        _log2Upper = trusted ? Math.Log2(upper) : double.PositiveInfinity;
        _log2Max += Math.Log2(max);
        double scale = 1 / max;
        for (int j = 0; j < n; j++)
            _v[j] = _next[j] * scale;
    }
}
