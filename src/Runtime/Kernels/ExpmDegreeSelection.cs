using System;
using System.Buffers;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The choice of the Padé degree m and the scaling s, steps 1–16 of Al-Mohy &amp; Higham 2009 ("A new
/// scaling and squaring algorithm for the matrix exponential"), Algorithm 6.1. It forms the powers X², X⁴,
/// X⁶ (X⁸) that the Padé evaluation needs anyway and takes their exact 1-norms; the norms of powers it
/// does not form are bounded by products of the norms it has (free) and, where the bound does not
/// decide, computed exactly for small n or estimated with <see cref="NormEstimator"/> for large n, as the
/// paper does.
/// </summary>
internal ref struct DegreeSelection<T> where T : unmanaged, INumberBase<T>
{
    private readonly int _n;
    private readonly double _normX;
    private readonly bool _forDerivative;
    private readonly bool _estimate;
    private readonly double[]? _rented;
    private readonly Span<double> _absX;
    private AbsPowerSequence _absPowers;
    private AbsPowerBounds _bounds;
    private double _log2NormX; // log₂ ‖X‖₁, taken on the first call of Ell

    /// <summary>How many doubles of workspace an order needs (|X|, two pairs of vectors, and |X|², |X|⁴ up to order 16).</summary>
    public static int WorkspaceLength(int n) => n * n + 4 * n + FourthLength(n);

    private static int FourthLength(int n) => n <= AbsPowerSequence.SquaringMaxOrder ? 2 * n * n : 0;

    /// <summary>
    /// Takes |X| and ‖X‖₁ = ‖|X|‖₁ of <paramref name="x"/> in one pass. <paramref name="workspace"/> holds
    /// <see cref="WorkspaceLength"/> doubles (small orders pass stack memory), or is empty to rent them.
    /// </summary>
    public DegreeSelection(ReadOnlySpan<T> x, int n, bool forDerivative, Span<double> workspace = default)
    {
        _n = n;
        _forDerivative = forDerivative;
        _estimate = n > ExpmKernel.EstimatorThreshold;
        _rented = null;
        if (workspace.Length < WorkspaceLength(n))
        {
            _rented = ArrayPool<double>.Shared.Rent(WorkspaceLength(n));
            workspace = _rented;
        }
        _absX = workspace.Slice(0, n * n);
        _normX = Norm.Magnitudes(x, n, _absX);
        _log2NormX = double.NaN;
        // ℓ needs 1ᵀ|X|^p for increasing p only: a chain of vector products, each cheaper than a matrix product.
        // Up to order 16 it steps four powers at a time (|X|² and |X|⁴ in the workspace), where ‖X‖⁴ cannot overflow.
        Span<double> fourth = n <= AbsPowerSequence.SquaringMaxOrder && _normX <= 1e60 ? workspace.Slice(n * n + 2 * n, 2 * n * n) : default;
        _absPowers = new AbsPowerSequence(_absX, n, workspace.Slice(n * n, 2 * n), fourth: fourth);
        _bounds = new AbsPowerBounds(_absX, n, workspace.Slice(n * n + 2 * n + FourthLength(n), 2 * n));
    }

    /// <summary>‖X‖₁.</summary>
    public readonly double NormX => _normX;

    /// <summary>Returns the rented workspace.</summary>
    public readonly void Dispose()
    {
        if (_rented is not null)
            ArrayPool<double>.Shared.Return(_rented);
    }

    /// <summary>Forms X², X⁴, … in <paramref name="f"/> as needed and returns (m, s).</summary>
    public (int M, int S) Choose(scoped in ExpmFrame<T> f)
    {
        int n = _n;
        double norm2 = Dense.SquareWithNorm<T>(f.X, f.X, f.X2, n);

        // m = 3: η₁ = max(d₄, d₆); without estimates, d₄, d₆ ≤ ‖X²‖^(1/2).
        double d4, d6;
        double eta1;
        if (_estimate)
        {
            d4 = Root(NormEstimator.PowerProduct<T>(f.X2, 2, default, 0, n), 4);
            d6 = Root(NormEstimator.PowerProduct<T>(f.X2, 3, default, 0, n), 6);
            eta1 = Math.Max(d4, d6);
        }
        else
        {
            eta1 = Math.Sqrt(norm2);
            d6 = double.NaN;
        }
        if (eta1 <= Threshold(0) && EllIsZero(0))
            return (3, 0);

        // m = 5: η₂ = max(d₄, d₆), d₄ exact; without estimates d₆ ≤ (‖X⁴‖‖X²‖)^(1/6).
        double norm4 = Dense.SquareWithNorm<T>(f.X2, f.X2, f.X4, n);
        // (The bound on d₆ is only taken when d₄ alone does not rule m = 5 out: a root is not free.)
        d4 = Root(norm4, 4);
        if (d4 <= Threshold(1))
        {
            if (!_estimate)
                d6 = Root(norm4 * norm2, 6);
            if (d6 <= Threshold(1) && EllIsZero(1))
                return (5, 0);
        }

        // m = 7, 9: η₃ = max(d₆, d₈), d₆ exact. d₈ ≤ min(d₄, (‖X⁶‖‖X²‖)^(1/8)) for free; the exact d₈
        // (from X⁸ = (X⁴)², which m = 9 needs anyway) or its estimate only where the bound does not decide.
        double norm6 = Dense.SquareWithNorm<T>(f.X2, f.X4, f.X6, n);
        d6 = Root(norm6, 6);
        // d₈ is the bound min(d₄, (‖X⁶‖‖X²‖)^(1/8)) until the exact value replaces it; the root in the bound is only
        // taken where d₄ ≤ θ does not already settle "d₈ ≤ θ" (a root is not free).
        double d8 = double.NaN;
        bool exact8 = false, haveX8 = false;
        double theta7 = Threshold(2), theta9 = Threshold(3), theta13 = Threshold(4);
        // The conditions are conjunctions "η₃ ≤ θ_m and ℓ(X, m) = 0"; ℓ (vector products, shared with the later ℓ)
        // is asked first, so that d₈ is not formed for a degree that ℓ rules out anyway. Inside them d₆ ≤ θ, so
        // max(d₆, d₈) > θ is d₈ > θ.
        if (d6 <= theta7 && EllIsZero(2))
        {
            if (D8Exceeds(theta7))
                (d8, exact8) = (ExactD8(f, ref haveX8), true);
            if (!D8Exceeds(theta7))
                return (7, 0);
        }
        if (d6 <= theta9 && EllIsZero(3))
        {
            if (!exact8 && D8Exceeds(theta9))
                (d8, exact8) = (ExactD8(f, ref haveX8), true);
            if (!D8Exceeds(theta9))
            {
                if (!haveX8)
                    Dense.Square<T>(f.X4, f.X4, f.X8, n);
                return (9, 0);
            }
        }

        // m = 13: η₅ = min(η₃, η₄), η₄ = max(d₈, d₁₀); no scaling is needed if the bound on η₃ is within θ₁₃.
        // d₁₀ matters only when d₆ > d₈ and d₆ > θ₁₃.
        if (!exact8 && (d6 > theta13 || D8Exceeds(theta13)))
            (d8, exact8) = (ExactD8(f, ref haveX8), true);
        if (!exact8 && double.IsNaN(d8))
            d8 = Bound8();
        double eta3 = Math.Max(d6, d8);
        double eta5 = eta3;
        if (d6 > d8 && d6 > theta13)
        {
            double d10;
            if (_estimate)
            {
                d10 = Root(NormEstimator.PowerProduct<T>(f.X4, 1, f.X6, 1, n), 10);
            }
            else
            {
                d10 = Root(Dense.SquareWithNorm<T>(f.X4, f.X6, f.T1, n), 10);
            }
            eta5 = Math.Min(eta3, Math.Max(d8, d10));
        }
        int s = eta5 <= theta13 ? 0 : (int)Math.Ceiling(Math.Log2(eta5 / theta13));
        s += Ell(4, s);
        return (13, s);

        double Bound8() => Math.Min(d4, Root(norm6 * norm2, 8));

        // Whether the current d₈ (exact, or the bound min(d₄, …), taken only if d₄ > θ) exceeds θ.
        bool D8Exceeds(double theta)
        {
            if (exact8)
                return d8 > theta;
            if (d4 <= theta)
                return false;
            if (double.IsNaN(d8))
                d8 = Bound8();
            return d8 > theta;
        }
    }

    /// <summary>d₈ = ‖X⁸‖^(1/8): estimated for large n, else exact from X⁸ formed in the frame.</summary>
    private readonly double ExactD8(scoped in ExpmFrame<T> f, ref bool haveX8)
    {
        if (_estimate)
            return Root(NormEstimator.PowerProduct<T>(f.X4, 2, default, 0, _n), 8);
        haveX8 = true;
        return Root(Dense.SquareWithNorm<T>(f.X4, f.X4, f.X8, _n), 8);
    }

    private readonly double Threshold(int degreeIndex) => ExpmPadeTables.Threshold(degreeIndex, _forDerivative);

    /// <summary>
    /// ℓ(2⁻ˢX, m) = max(⌈log₂(α/u)/(2m)⌉, 0) with α = |c_{2m+1}|·‖|X|^{2m+1}‖₁/‖X‖₁ (Al-Mohy &amp; Higham 2009,
    /// eq. (5.1)): the extra squarings needed so that the rounding errors in evaluating r_m stay below u.
    /// α scales by 2^(−2ms) under X → 2⁻ˢX, so ℓ(2⁻ˢX, m) = max(ℓ₀ − s, 0) with ℓ₀ the unclipped value for X.
    /// The bound ‖|X|^p‖₁ ≤ ‖X‖₁^p settles most cases (ℓ = 0) for free. Otherwise up to <see cref="BoundSteps"/>
    /// vector products give two-sided bounds on ‖|X|^p‖₁ (<see cref="AbsPowerBounds"/>); where both ends, widened by
    /// <see cref="BoundMargin"/>, give the same ℓ, that is the value (with <paramref name="zeroOnly"/>, where only
    /// whether ℓ = 0 is asked, a lower end with ℓ &gt; 0 is enough, and its ℓ is returned). Only then is the norm of the
    /// power of |X| computed exactly (1ᵀ|X|^p by vector products, continued from the last ℓ asked for). The margin lies
    /// far above the rounding errors of either computation, so a bound decides only what the exact value would.
    /// </summary>
    private int Ell(int degreeIndex, int s = 0, bool zeroOnly = false)
    {
        if (_normX == 0)
            return 0;
        int m = ExpmPadeTables.Degrees[degreeIndex];
        double log2Coefficient = ExpmPadeTables.Log2LeadingErrorCoefficient(degreeIndex);
        if (double.IsNaN(_log2NormX))
            _log2NormX = Math.Log2(_normX);
        double log2NormX = _log2NormX;
        if (EllFrom(log2Coefficient + 2 * m * log2NormX, m, s) == 0)
            return 0;
        int p = 2 * m + 1;
        while (true)
        {
            if (_bounds.Steps > 0)
            {
                (double low, double high) = _bounds.Log2Bounds(p);
                if (double.IsNegativeInfinity(high))
                    return 0;
                int fromLow = EllFrom(log2Coefficient + low - log2NormX - BoundMargin, m, s);
                if (fromLow == EllFrom(log2Coefficient + high - log2NormX + BoundMargin, m, s) || (zeroOnly && fromLow > 0))
                    return fromLow;
            }
            if (_bounds.Steps >= BoundSteps)
                break;
            _bounds.Step();
        }
        double log2Power = _absPowers.Log2NormOfPower(p);
        if (double.IsNegativeInfinity(log2Power))
            return 0;
        return EllFrom(log2Coefficient + log2Power - log2NormX, m, s);
    }

    /// <summary>Whether ℓ(X, m) = 0, all that steps 3–14 of Algorithm 6.1 ask for the degrees m &lt; 13.</summary>
    private bool EllIsZero(int degreeIndex) => Ell(degreeIndex, 0, zeroOnly: true) == 0;

    /// <summary>
    /// At most this many vector products for the bounds of <see cref="Ell"/> before the exact norm: measured, they
    /// decide the ℓ of random matrices of orders 4 to 64 in one to three steps, and each costs a 1/n-th of a product.
    /// </summary>
    private const int BoundSteps = 4;

    /// <summary>
    /// How far (in log₂ α) the bounds of <see cref="Ell"/> are widened: they and the exact value carry relative rounding
    /// errors of some n·u each, below 10⁻¹⁰ in log₂ terms for any order that fits in memory.
    /// </summary>
    private const double BoundMargin = 1e-6;

    private static int EllFrom(double log2Alpha, int m, int s)
    {
        double value = Math.Ceiling((log2Alpha - ExpmPadeTables.Log2UnitRoundoff) / (2 * m)) - s;
        return value > 0 ? (int)value : 0;
    }

    /// <summary>
    /// norm^(1/k) for the k = 4, 6, 8, 10 of the d_k, by square roots (correctly rounded) and a cube root (within an
    /// ulp) where they serve, so the root is within an ulp or two like Math.Pow's, at a fraction of its cost: at n = 4
    /// each general power cost about as much as a 4×4 complex product, and a call takes two or three.
    /// </summary>
    private static double Root(double norm, int k) => k switch
    {
        4 => Math.Sqrt(Math.Sqrt(norm)),
        6 => Math.Cbrt(Math.Sqrt(norm)),
        8 => Math.Sqrt(Math.Sqrt(Math.Sqrt(norm))),
        _ => Math.Pow(norm, 1.0 / k),
    };
}
