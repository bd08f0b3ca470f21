using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
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
        if (typeof(T) == typeof(double) && Avx.IsSupported)
            return RealOneVectorised(MemoryMarshal.Cast<T, double>(a), n);
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
    /// |a_ij| for every entry (the modulus, as <see cref="NormScalar.Magnitude{T}(T)"/> gives it, for a complex
    /// matrix) into <paramref name="magnitudes"/>, and returns ‖A‖₁, the largest column sum of them.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe double Magnitudes<T>(ReadOnlySpan<T> a, int n, Span<double> magnitudes) where T : unmanaged, INumberBase<T>
    {
        int count = n * n;
        int i = 0;
        if (typeof(T) == typeof(Complex) && Avx2.IsSupported)
        {
            // With n a multiple of 4 (up to 64) the column sums are taken in the same pass: each group of four lies in one
            // row, and adding the rows in order is what One<double> does, so the norm is the same to the last bit.
            bool sum = n % 4 == 0 && n <= 64;
            double* sums = stackalloc double[sum ? n : 0];
            if (sum)
                new Span<double>(sums, n).Clear();
            // Four moduli at a time: the horizontal add pairs re² with im² of entries 0, 2 | 1, 3, the permute restores the order.
            fixed (T* pa = a)
            fixed (double* pm = magnitudes)
            {
                double* x = (double*)pa;
                Vector256<double> low = Vector256.Create(1e-150), high = Vector256.Create(1e150);
                for (; i + 4 <= count; i += 4)
                {
                    Vector256<double> u = Avx.LoadVector256(x + 2 * i), v = Avx.LoadVector256(x + 2 * i + 4);
                    Vector256<double> r = Avx.Sqrt(Avx2.Permute4x64(Avx.HorizontalAdd(u * u, v * v), 0b11_01_10_00));
                    if (!Vector256.LessThanAll(r, high) || !Vector256.GreaterThanAll(r, low))
                    {
                        for (int k = i; k < i + 4; k++)
                            pm[k] = NormScalar.Magnitude(a[k]);
                        r = Avx.LoadVector256(pm + i);
                    }
                    else
                    {
                        Avx.Store(pm + i, r);
                    }
                    if (sum)
                    {
                        double* s = sums + i % n;
                        Avx.Store(s, Avx.LoadVector256(s) + r);
                    }
                }
                if (sum)
                {
                    Vector256<double> max = Vector256<double>.Zero;
                    for (int j = 0; j < n; j += 4)
                        max = Vector256.Max(max, Avx.LoadVector256(sums + j));
                    return Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3]));
                }
            }
        }
        for (; i < count; i++)
            magnitudes[i] = NormScalar.Magnitude(a[i]);
        return One<double>(magnitudes.Slice(0, count), n);
    }

    /// <summary>‖A‖₁ of a real n×n matrix: the column sums of |a_ij| accumulated row by row, four columns per register.</summary>
    private static unsafe double RealOneVectorised(ReadOnlySpan<double> a, int n)
    {
        double[]? rented = n > 256 ? ArrayPool<double>.Shared.Rent(n) : null;
        Span<double> sums = rented is null ? stackalloc double[n] : rented.AsSpan(0, n);
        sums.Clear();
        double max = 0;
        fixed (double* p = a, s = sums)
        {
            for (int i = 0; i < n; i++)
            {
                double* row = p + i * n;
                int j = 0;
                for (; j + 4 <= n; j += 4)
                    Avx.Store(s + j, Avx.LoadVector256(s + j) + Vector256.Abs(Avx.LoadVector256(row + j)));
                for (; j < n; j++)
                    s[j] += Math.Abs(row[j]);
            }
            for (int j = 0; j < n; j++)
                max = Math.Max(max, s[j]);
        }
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
                // n is even. Rows i and i + 1 share one square root: lanes (row i, col j), (row i+1, col j), (row i, col j+1), (row i+1, col j+1).
                Vector256<double> sum = Vector256<double>.Zero;
                int i = 0;
                for (; i + 2 <= n; i += 2)
                {
                    Vector256<double> x = Avx.LoadVector256(p + i * w + j), y = Avx.LoadVector256(p + (i + 1) * w + j);
                    sum += Avx.Sqrt(Avx.HorizontalAdd(x * x, y * y));
                }
                // Column j is lanes 0 + 1, column j + 1 lanes 2 + 3.
                max = Avx.Max(max, Avx.HorizontalAdd(sum, sum));
            }
        }
        return Math.Max(max[0], max[2]);
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
    /// products by a few independent matrix products and allows any order of queries (the exponential uses the
    /// chain: with the register-blocked step it measured as fast or faster at n = 4, 16 and 64).
    /// </summary>
    /// <remarks>
    /// With room for 2n² doubles in <paramref name="fourth"/> (and n at most <see cref="SquaringMaxOrder"/>), the
    /// sequence steps by four powers at a time: 1ᵀ|A|³ = (1ᵀ|A|)·|A|², then 1ᵀ|A|^(p+4) = (1ᵀ|A|^p)·|A|⁴, with |A|² and
    /// |A|⁴ formed once (two products) at the first query. Only p ≡ 3 (mod 4) may then be asked for, which are all that
    /// ℓ(A, m) needs (p = 2m + 1 with m odd): 7 steps instead of 27 for m = 13. The chain of dependent steps is what costs
    /// (each waits for the one before), so a quarter of the steps at the price of two small products saves about three
    /// quarters of the time at n = 4 and half at n = 16. The caller must ensure that ‖A‖⁴ cannot overflow.
    /// </remarks>
    public AbsPowerSequence(ReadOnlySpan<double> absA, int n, Span<double> buffer, Span<double> squares = default, Span<double> fourth = default)
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
        _fourth = _squares.IsEmpty && fourth.Length >= 2 * n * n && n <= SquaringMaxOrder ? fourth.Slice(0, 2 * n * n) : default;
    }

    /// <summary>|A|² and |A|⁴ in the stride-four mode (formed at the first query), else empty.</summary>
    private Span<double> _fourth;

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
        if (!_fourth.IsEmpty && p % 4 != 3)
            throw new ArgumentOutOfRangeException(nameof(p), p, "Stepping by four powers, only p ≡ 3 (mod 4) can be asked for.");
        if (_power < p && !double.IsNegativeInfinity(_log2Scale))
            Advance(p);
        if (double.IsNegativeInfinity(_log2Scale))
            return _log2Scale;
        double vmax = 0;
        foreach (double x in _v)
            vmax = Math.Max(vmax, x);
        return _log2Scale + Math.Log2(vmax);
    }

    /// <summary>Steps from 1ᵀ|A|^_power to 1ᵀ|A|^p (or until the power is zero), with the two vectors pinned once.</summary>
    private unsafe void Advance(int p)
    {
        int n = _n, b = n * n;
        bool byFour = !_fourth.IsEmpty;
        if (byFour && _power == 0)
        {
            Dense.Square<double>(_absA, _absA, _fourth.Slice(0, b), n);
            Dense.Square<double>(_fourth.Slice(0, b), _fourth.Slice(0, b), _fourth.Slice(b, b), n);
        }
        fixed (double* a = _absA, squares = _fourth, first = _v, second = _next)
        {
            double* v = first, next = second;
            while (_power < p)
            {
                // By one power, or in the stride-four mode 0 → 1 → 3 → 7 → 11 → …
                double* power = a;
                int advance = 1;
                if (byFour && _power > 0)
                {
                    power = _power == 1 ? squares : squares + b;
                    advance = _power == 1 ? 2 : 4;
                }
                double max = Step(power, v, next, n);
                if (max == 0)
                {
                    _log2Scale = double.NegativeInfinity;
                    break;
                }
                if (max is <= 1e-100 or >= 1e100)
                {
                    // Renormalise (by a power of two, exactly) only when the entries drift far from 1.
                    int e = Math.ILogB(max);
                    double factor = Math.ScaleB(1.0, -e);
                    for (int j = 0; j < n; j++)
                        next[j] *= factor;
                    _log2Scale += e;
                }
                double* swap = v;
                v = next;
                next = swap;
                _power += advance;
            }
            if (v != first)
            {
                Span<double> swap = _v;
                _v = _next;
                _next = swap;
            }
        }
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

    /// <summary>
    /// next = vᵀ·|A| (n entries); returns its largest entry. Sixteen (then four) columns of next are kept in
    /// registers while the rows of |A| stream past, even and odd rows into separate sums so that the additions
    /// do not wait on each other.
    /// </summary>
    private static unsafe double Step(ReadOnlySpan<double> absA, ReadOnlySpan<double> v, Span<double> next, int n)
    {
        fixed (double* pa = absA, pv = v, pn = next)
            return Step(pa, pv, pn, n);
    }

    /// <inheritdoc cref="Step(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>
    internal static unsafe double Step(double* pa, double* pv, double* pn, int n)
    {
        int j = 0;
        Vector256<double> vmax = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 16 <= n; j += 16)
            {
                Vector256<double> e0 = Vector256<double>.Zero, e1 = e0, e2 = e0, e3 = e0, o0 = e0, o1 = e0, o2 = e0, o3 = e0;
                double* row = pa + j;
                int i = 0;
                for (; i + 2 <= n; i += 2, row += 2 * n)
                {
                    Vector256<double> x = Vector256.Create(pv[i]), y = Vector256.Create(pv[i + 1]);
                    e0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row), e0);
                    e1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 4), e1);
                    e2 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 8), e2);
                    e3 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 12), e3);
                    o0 = Vector256.FusedMultiplyAdd(y, Vector256.Load(row + n), o0);
                    o1 = Vector256.FusedMultiplyAdd(y, Vector256.Load(row + n + 4), o1);
                    o2 = Vector256.FusedMultiplyAdd(y, Vector256.Load(row + n + 8), o2);
                    o3 = Vector256.FusedMultiplyAdd(y, Vector256.Load(row + n + 12), o3);
                }
                if (i < n)
                {
                    Vector256<double> x = Vector256.Create(pv[i]);
                    e0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row), e0);
                    e1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 4), e1);
                    e2 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 8), e2);
                    e3 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 12), e3);
                }
                e0 += o0;
                e1 += o1;
                e2 += o2;
                e3 += o3;
                Vector256.Store(e0, pn + j);
                Vector256.Store(e1, pn + j + 4);
                Vector256.Store(e2, pn + j + 8);
                Vector256.Store(e3, pn + j + 12);
                vmax = Vector256.Max(vmax, Vector256.Max(Vector256.Max(e0, e1), Vector256.Max(e2, e3)));
            }
            for (; j + 4 <= n; j += 4)
            {
                Vector256<double> e = Vector256<double>.Zero, o = e;
                double* row = pa + j;
                int i = 0;
                for (; i + 2 <= n; i += 2, row += 2 * n)
                {
                    e = Vector256.FusedMultiplyAdd(Vector256.Create(pv[i]), Vector256.Load(row), e);
                    o = Vector256.FusedMultiplyAdd(Vector256.Create(pv[i + 1]), Vector256.Load(row + n), o);
                }
                if (i < n)
                    e = Vector256.FusedMultiplyAdd(Vector256.Create(pv[i]), Vector256.Load(row), e);
                e += o;
                Vector256.Store(e, pn + j);
                vmax = Vector256.Max(vmax, e);
            }
        }
        double max = Math.Max(Math.Max(vmax[0], vmax[1]), Math.Max(vmax[2], vmax[3]));
        for (; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += pv[i] * pa[i * n + j];
            pn[j] = sum;
            max = Math.Max(max, sum);
        }
        return max;
    }
}
