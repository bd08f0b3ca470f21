using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>Exact matrix 1-norms on row-major square matrices.</summary>
internal static class Norm
{
    /// <summary>‖A‖₁ = max_j Σ_i |a_ij|, the largest column sum of moduli of the n×n matrix <paramref name="a"/>.</summary>
    public static double One<T>(ReadOnlySpan<T> a, int n) where T : unmanaged, INumberBase<T>
    {
        if (n == 0)
            return 0;
        if (typeof(T) == typeof(Complex) && Avx.IsSupported && n % 2 == 0)
        {
            double fast = ComplexOneVectorised(MemoryMarshal.Cast<T, double>(a), n);
            // Moduli from re² + im² are exact enough unless the squares over- or underflow.
            if (fast is > 1e-140 and < 1e140)
                return fast;
        }
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
    /// ‖A‖₁ of a complex n×n matrix (n even) given as interleaved (re, im): two columns per AVX register, moduli
    /// as sqrt(re² + im²) (the horizontal add pairs each re² with its im²).
    /// </summary>
    private static unsafe double ComplexOneVectorised(ReadOnlySpan<double> a, int n)
    {
        int w = 2 * n;
        Vector256<double> max = Vector256<double>.Zero;
        fixed (double* p = a)
        {
            for (int j = 0; j < w; j += 4)
            {
                Vector256<double> sum = Vector256<double>.Zero;
                for (int i = 0; i < n; i++)
                {
                    Vector256<double> x = Avx.LoadVector256(p + i * w + j);
                    Vector256<double> squares = x * x;
                    sum += Avx.Sqrt(Avx.HorizontalAdd(squares, squares));
                }
                max = Avx.Max(max, sum);
            }
        }
        return Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3]));
    }

    /// <summary>
    /// log₂ ‖|A|^p‖₁ for the entrywise modulus |A| (n×n, row-major, nonnegative), computed exactly as the
    /// largest entry of the row vector 1ᵀ|A|^p. Returns −∞ for a zero power.
    /// </summary>
    public static double Log2OneNormOfPower(ReadOnlySpan<double> absA, int n, int p)
    {
        double[]? rented = n > 256 ? ArrayPool<double>.Shared.Rent(2 * n) : null;
        Span<double> buffer = rented is null ? stackalloc double[2 * n] : rented.AsSpan(0, 2 * n);
        var powers = new AbsPowerSequence(absA, n, buffer);
        double result = powers.Log2NormOfPower(p);
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

/// <summary>
/// The row vectors 1ᵀ|A|^p for increasing p, so that ‖|A|^p‖₁ = max(1ᵀ|A|^p) for several p (the ℓ(A, m) of
/// the exponential needs p = 7, 11, 15, 19, 27) costs max p vector–matrix products in all. The vector is
/// renormalised by a power of two whenever it leaves [10⁻¹⁰⁰, 10¹⁰⁰], so no power overflows or underflows.
/// </summary>
internal ref struct AbsPowerSequence
{
    private readonly ReadOnlySpan<double> _absA;
    private readonly int _n;
    private Span<double> _v;
    private Span<double> _next;
    private int _power;
    private double _log2Scale;

    /// <summary>
    /// Starts at p = 0 (the ones vector); <paramref name="buffer"/> holds 2n doubles. With room for 4n² more in
    /// <paramref name="squares"/>, and n at most <see cref="SquaringMaxOrder"/>, and no power up to
    /// <see cref="MaxPower"/> able to overflow, powers are formed by repeated squaring instead: 1ᵀ|A|^p as a
    /// product of 1ᵀ with the |A|^(2^j) of the binary digits of p, which replaces a chain of p dependent vector
    /// products by a few independent matrix products (faster for small n) and allows any order of queries.
    /// </summary>
    public AbsPowerSequence(ReadOnlySpan<double> absA, int n, Span<double> buffer, Span<double> squares = default)
    {
        _absA = absA;
        _n = n;
        _v = buffer.Slice(0, n);
        _next = buffer.Slice(n, n);
        _v.Fill(1);
        _power = 0;
        _log2Scale = 0;
        _squares = default;
        _squaresFormed = 0;
        if (squares.Length >= 4 * n * n && n <= SquaringMaxOrder && MaxPower * Math.Log2(Math.Max(Norm.One<double>(absA, n), 1)) < 900)
            _squares = squares.Slice(0, 4 * n * n);
    }

    /// <summary>The largest p asked for (the exponential needs 27 = 2·13 + 1).</summary>
    public const int MaxPower = 31;

    /// <summary>Orders up to which repeated squaring is used when the caller provides room for it.</summary>
    public const int SquaringMaxOrder = 16;

    private Span<double> _squares;
    private int _squaresFormed;

    /// <summary>log₂ ‖|A|^p‖₁ (−∞ for a zero power), for p not below any p asked before.</summary>
    public double Log2NormOfPower(int p)
    {
        if (!_squares.IsEmpty)
            return Log2NormBySquaring(p);
        if (p < _power)
            throw new ArgumentOutOfRangeException(nameof(p), p, "Powers must be asked for in increasing order.");
        for (; _power < p && !double.IsNegativeInfinity(_log2Scale); _power++)
        {
            double max = Step(_absA, _v, _next, _n);
            if (max == 0)
            {
                _log2Scale = double.NegativeInfinity;
                break;
            }
            if (max is > 1e-100 and < 1e100)
            {
                Span<double> swap = _v;
                _v = _next;
                _next = swap;
                continue;
            }
            // Renormalise (by a power of two, exactly) only when the entries drift far from 1.
            int e = Math.ILogB(max);
            double factor = Math.ScaleB(1.0, -e);
            for (int j = 0; j < _n; j++)
                _v[j] = _next[j] * factor;
            _log2Scale += e;
        }
        if (double.IsNegativeInfinity(_log2Scale))
            return _log2Scale;
        double vmax = 0;
        foreach (double x in _v)
            vmax = Math.Max(vmax, x);
        return _log2Scale + Math.Log2(vmax);
    }

    private double Log2NormBySquaring(int p)
    {
        if (p > MaxPower)
            throw new ArgumentOutOfRangeException(nameof(p), p, "Powers above MaxPower need the incremental mode.");
        int b = _n * _n;
        _v.Fill(1);
        double max = 0;
        for (int j = 0; p >> j != 0; j++)
        {
            if (j > _squaresFormed)
            {
                ReadOnlySpan<double> previous = j == 1 ? _absA : _squares.Slice((j - 2) * b, b);
                Dense.Square<double>(previous, previous, _squares.Slice((j - 1) * b, b), _n);
                _squaresFormed = j;
            }
            if ((p >> j & 1) == 0)
                continue;
            ReadOnlySpan<double> factor = j == 0 ? _absA : _squares.Slice((j - 1) * b, b);
            max = Step(factor, _v, _next, _n);
            Span<double> swap = _v;
            _v = _next;
            _next = swap;
        }
        return max == 0 ? double.NegativeInfinity : Math.Log2(max);
    }

    /// <summary>next = vᵀ·|A| (n entries); returns its largest entry.</summary>
    private static unsafe double Step(ReadOnlySpan<double> absA, ReadOnlySpan<double> v, Span<double> next, int n)
    {
        next.Clear();
        fixed (double* pa = absA, pv = v, pn = next)
        {
            for (int i = 0; i < n; i++)
            {
                double vi = pv[i];
                if (vi == 0)
                    continue;
                double* row = pa + i * n;
                int j = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    Vector256<double> x = Vector256.Create(vi);
                    for (; j + 4 <= n; j += 4)
                        Vector256.Store(Vector256.FusedMultiplyAdd(x, Vector256.Load(row + j), Vector256.Load(pn + j)), pn + j);
                }
                for (; j < n; j++)
                    pn[j] += vi * row[j];
            }
            double max = 0;
            for (int j = 0; j < n; j++)
                max = Math.Max(max, pn[j]);
            return max;
        }
    }
}
