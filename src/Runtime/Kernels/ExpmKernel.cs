using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>Which triangle of the input is structurally zero (checked exactly).</summary>
internal enum ExpmTriangle
{
    /// <summary>A full matrix.</summary>
    None,

    /// <summary>Zero below the diagonal (a diagonal matrix counts as upper).</summary>
    Upper,

    /// <summary>Zero above the diagonal.</summary>
    Lower,
}

/// <summary>The choices the scaling and squaring algorithm made: Padé degree m, scaling 2⁻ˢ, and the structure.</summary>
internal readonly record struct ExpmPlan(int N, int M, int S, ExpmTriangle Triangle)
{
    /// <summary>The factor 2⁻ˢ applied to A (and to a direction E).</summary>
    public double Scale => Math.ScaleB(1.0, -S);
}

/// <summary>
/// The intermediates of one evaluation of the exponential, as n×n blocks of one workspace: the scaled
/// matrix X = 2⁻ˢA and its even powers, the pieces of the Padé numerator that the Fréchet derivative
/// reuses (W with U = X·W, and for m = 13 also W₁ and Z₁ of Al-Mohy &amp; Higham 2009 (Fréchet paper),
/// Algorithm 6.4), the LU factors of the denominator Q = V − U, r_m(X), and two scratch blocks.
/// </summary>
internal readonly ref struct ExpmFrame<T> where T : unmanaged, INumberBase<T>
{
    /// <summary>How many n×n blocks the frame takes.</summary>
    public const int Blocks = 12;

    public readonly Span<T> X, X2, X4, X6, X8, W, W1, Z1, Q, R, T1, T2;

    /// <summary>The row interchanges of the LU factorisation of Q.</summary>
    public readonly Span<int> Pivots;

    public ExpmFrame(Span<T> buffer, Span<int> pivots, int n)
    {
        int b = n * n;
        X = buffer.Slice(0, b);
        X2 = buffer.Slice(b, b);
        X4 = buffer.Slice(2 * b, b);
        X6 = buffer.Slice(3 * b, b);
        X8 = buffer.Slice(4 * b, b);
        W = buffer.Slice(5 * b, b);
        W1 = buffer.Slice(6 * b, b);
        Z1 = buffer.Slice(7 * b, b);
        Q = buffer.Slice(8 * b, b);
        R = buffer.Slice(9 * b, b);
        T1 = buffer.Slice(10 * b, b);
        T2 = buffer.Slice(11 * b, b);
        Pivots = pivots.Slice(0, n);
    }

    private ExpmFrame(scoped in ExpmFrame<T> f, Span<T> r)
    {
        X = f.X;
        X2 = f.X2;
        X4 = f.X4;
        X6 = f.X6;
        X8 = f.X8;
        W = f.W;
        W1 = f.W1;
        Z1 = f.Z1;
        Q = f.Q;
        R = r;
        T1 = f.T1;
        T2 = f.T2;
        Pivots = f.Pivots;
    }

    /// <summary>The same frame with r_m(X) in <paramref name="r"/> (n² elements) instead of its own block.</summary>
    public ExpmFrame<T> WithR(Span<T> r) => new(this, r);
}

/// <summary>
/// The matrix exponential by the scaling and squaring algorithm of Al-Mohy &amp; Higham, "A new scaling
/// and squaring algorithm for the matrix exponential", SIAM J. Matrix Anal. Appl. 31(3), 2009,
/// Algorithm 6.1: e^A ≈ r_m(2⁻ˢA)^(2ˢ) with the [m/m] Padé approximant r_m, m ∈ {3, 5, 7, 9, 13}
/// chosen from d_k = ‖A^k‖₁^(1/k), ℓ(A, m) of their eq. (5.1) against overscaling, and, for triangular A,
/// the diagonal and first off-diagonal recomputed exactly in every squaring (their Code Fragment 2.1).
/// Generic over real and complex elements.
/// </summary>
internal static class ExpmKernel
{
    /// <summary>
    /// Above this order the d_k of powers that are not formed are estimated with the block 1-norm
    /// estimator (a few dozen products with n×2 blocks) instead of forming the power (n³); measured, the
    /// estimate of ‖(A²)²‖ costs about one product at n = 64 and a third of one at n = 256.
    /// </summary>
    public const int EstimatorThreshold = 128;

    /// <summary>Up to this order the workspaces of one evaluation live on the stack instead of being rented.</summary>
    public const int StackOrder = 16;

    /// <summary>
    /// Steps 1–17 of Algorithm 6.1: fills X, X2, X4, X6 (and X8 when m = 9) of <paramref name="f"/> with the
    /// powers of X = 2⁻ˢA, and returns m and s. With <paramref name="forDerivative"/> the thresholds are
    /// min(θ_m, ℓ_m), so that the Fréchet derivative computed from the same Padé data is accurate too
    /// (Al-Mohy &amp; Higham 2009, Fréchet paper, Table 6.1).
    /// </summary>
    [SkipLocalsInit]
    public static ExpmPlan Prepare<T>(ReadOnlySpan<T> a, int n, bool forDerivative, scoped in ExpmFrame<T> f)
        where T : unmanaged, INumberBase<T>
    {
        ExpmTriangle triangle = FindTriangle(a, n);
        a.CopyTo(f.X);
        // |X| and the vectors of ℓ on the stack for small orders (every entry is written before it is read).
        Span<double> workspace = n <= StackOrder ? stackalloc double[DegreeSelection<T>.WorkspaceLength(StackOrder)] : default;
        var selection = new DegreeSelection<T>(f.X, n, forDerivative, workspace);

        // Entries so large that A² would overflow: scale first by the bound of Higham 2005 (s with
        // ‖2⁻ˢA‖ ≤ θ₁₃), which the refined choice below can only confirm.
        int preScale = 0;
        if (selection.NormX > 1e150)
        {
            preScale = (int)Math.Ceiling(Math.Log2(selection.NormX / ExpmPadeTables.Theta[4]));
            Dense.Scale<T>(Math.ScaleB(1.0, -preScale), f.X, f.X);
            selection.Dispose();
            selection = new DegreeSelection<T>(f.X, n, forDerivative, workspace);
        }

        try
        {
            (int m, int s) = selection.Choose(f);
            if (s > 0)
            {
                Dense.Scale<T>(Math.ScaleB(1.0, -s), f.X, f.X);
                Dense.Scale<T>(Math.ScaleB(1.0, -2 * s), f.X2, f.X2);
                Dense.Scale<T>(Math.ScaleB(1.0, -4 * s), f.X4, f.X4);
                Dense.Scale<T>(Math.ScaleB(1.0, -6 * s), f.X6, f.X6);
            }
            return new ExpmPlan(n, m, s + preScale, triangle);
        }
        finally
        {
            selection.Dispose();
        }
    }

    /// <summary>
    /// Step 18 of Algorithm 6.1: R = r_m(X) = Q⁻¹P with P = V + U, Q = V − U, U = X·W the odd part and V
    /// the even part of the numerator (Higham 2005, Algorithm 2.3, evaluation schemes (2.12)–(2.13)).
    /// Leaves W (and W₁, Z₁ for m = 13) and the LU factors of Q in the frame for the Fréchet derivative.
    /// </summary>
    public static void Pade<T>(in ExpmPlan plan, scoped in ExpmFrame<T> f) where T : unmanaged, INumberBase<T>
    {
        int n = plan.N;
        ReadOnlySpan<double> b = ExpmPadeTables.Coefficients(plan.M);
        Span<T> u = f.T1, v = f.T2;
        if (plan.M < 13)
        {
            // W = Σ b_{2k+1} X^{2k}, V = Σ b_{2k} X^{2k}, k = 0..(m−1)/2, both in one pass over the powers.
            int terms = (plan.M - 1) / 2;
            Span<double> odd = stackalloc double[4], even = stackalloc double[4];
            for (int k = 0; k < terms; k++)
            {
                odd[k] = b[2 * k + 3];
                even[k] = b[2 * k + 2];
            }
            Dense.CombinePair<T>(terms, f.X2, f.X4, f.X6, f.X8, odd, even, f.W, v, accumulate: false);
            Dense.AddToDiagonal<T>(b[1], f.W, n);
            Dense.AddToDiagonal<T>(b[0], v, n);
            Dense.Square<T>(f.X, f.W, u, n);
        }
        else
        {
            // W₁ = b₁₃X⁶ + b₁₁X⁴ + b₉X², Z₁ = b₁₂X⁶ + b₁₀X⁴ + b₈X², W = X⁶W₁ + b₇X⁶ + b₅X⁴ + b₃X² + b₁I,
            // U = X·W, V = X⁶Z₁ + b₆X⁶ + b₄X⁴ + b₂X² + b₀I.
            // The pairs (W₁, Z₁) and (W, V) each in one pass over X⁶, X⁴, X² (the same operations per entry as one at a time).
            Dense.CombinePair<T>(3, f.X6, f.X4, f.X2, default, [b[13], b[11], b[9]], [b[12], b[10], b[8]], f.W1, f.Z1, accumulate: false);
            Dense.Square<T>(f.X6, f.W1, f.W, n);
            Dense.Square<T>(f.X6, f.Z1, v, n);
            Dense.CombinePair<T>(3, f.X6, f.X4, f.X2, default, [b[7], b[5], b[3]], [b[6], b[4], b[2]], f.W, v, accumulate: true);
            Dense.AddToDiagonal<T>(b[1], f.W, n);
            Dense.AddToDiagonal<T>(b[0], v, n);
            Dense.Square<T>(f.X, f.W, u, n);
        }
        Dense.SumAndDifference<T>(v, u, f.R, f.Q);
        if (!Lu.Factor(f.Q, f.Pivots, n))
            throw new InvalidOperationException("The Padé denominator is singular; the input must contain non-finite values.");
        Lu.Solve<T>(f.Q, f.Pivots, f.R, n, n);
    }

    /// <summary>X^(2k) for k = 1..4 from the frame.</summary>
    public static ReadOnlySpan<T> EvenPower<T>(scoped in ExpmFrame<T> f, int k) where T : unmanaged, INumberBase<T> => k switch
    {
        1 => f.X2,
        2 => f.X4,
        3 => f.X6,
        4 => f.X8,
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    /// <summary>
    /// Replaces the diagonal and the first off-diagonal of <paramref name="r"/> ≈ exp(2^(j−s)·A) by their exact
    /// values, for triangular A (Al-Mohy &amp; Higham 2009, Code Fragment 2.1, with the off-diagonal formula
    /// (10.42) of Higham, Functions of Matrices, in its accurate exp·sinh form, their eq. (2.2)).
    /// </summary>
    public static void FixTriangle<T>(Span<T> r, ReadOnlySpan<T> a, int n, ExpmTriangle triangle, double scale)
        where T : unmanaged, INumberBase<T>
    {
        if (triangle == ExpmTriangle.None)
            return;
        T c = NormScalar.FromReal<T>(scale);
        for (int i = 0; i < n; i++)
            r[i * n + i] = ExpmScalar.Exp(c * a[i * n + i]);
        for (int i = 0; i + 1 < n; i++)
        {
            int index = triangle == ExpmTriangle.Upper ? i * n + i + 1 : (i + 1) * n + i;
            T t = a[index];
            r[index] = t == T.Zero
                ? T.Zero
                : c * t * ExpmScalar.DividedDifference(c * a[i * n + i], c * a[(i + 1) * n + i + 1]);
        }
    }

    /// <summary>
    /// Steps 19–23 of Algorithm 6.1: R ← R² s times, fixing a triangular input after each squaring. Up to order
    /// <see cref="CompensatedSquare.MaxOrder"/>, a squaring that cancels is recomputed with compensated dot products
    /// (<see cref="CompensatedSquare"/>; its test uses the bound of R² before the triangle fix, close enough for a
    /// threshold).
    /// </summary>
    /// <param name="plan">The plan of <see cref="Prepare{T}"/>.</param>
    /// <param name="a">The unscaled input (read for the exact diagonal of a triangular matrix).</param>
    /// <param name="f">The frame, whose R holds r_m(X) (after <see cref="FixTriangle{T}"/> with scale 2⁻ˢ); R and T1 are used as scratch.</param>
    /// <param name="result">Receives e^A.</param>
    /// <param name="squares">Empty, or s blocks that receive R₀ = r_m(X), R₁, …, R_{s−1} (kept for the Fréchet derivative).</param>
    /// <param name="derivatives">Derivative blocks L that are squared along: L ← R·L + L·R before each R ← R².</param>
    /// <param name="scratch">One block of scratch when <paramref name="derivatives"/> is not empty.</param>
    public static void Square<T>(in ExpmPlan plan, ReadOnlySpan<T> a, scoped in ExpmFrame<T> f, Span<T> result,
        Span<T> squares, Span<T> derivatives, Span<T> scratch) where T : unmanaged, INumberBase<T>
    {
        int n = plan.N, b = n * n;
        Span<T> current = f.R, spare = f.T1;
        // Small orders recompute a squaring that cancels with compensated dot products (CompensatedSquare).
        bool compensate = plan.S > 0 && n <= CompensatedSquare.MaxOrder;
        double bound = compensate ? CompensatedSquare.NormBound<T>(current, n) : 0;
        for (int j = 1; j <= plan.S; j++)
        {
            if (!squares.IsEmpty)
                current.CopyTo(squares.Slice((j - 1) * b, b));
            for (int d = 0; d < derivatives.Length; d += b)
                SquareDerivative<T>(current, derivatives.Slice(d, b), scratch, n);
            Span<T> next = j == plan.S ? result : spare;
            Dense.Square<T>(current, current, next, n);
            if (compensate)
                bound = CompensatedSquare.Refine<T>(current, bound, next, n);
            FixTriangle(next, a, n, plan.Triangle, Math.ScaleB(1.0, j - plan.S));
            spare = current;
            current = next;
        }
        if (plan.S == 0 && f.R != result)
            f.R.CopyTo(result);
        else if (plan.S > 0)
            ThrowIfOverflowed(a, n, result, derivatives);
    }

    /// <summary>
    /// After the squarings: where e^A overflows, ∞ − ∞ in a squaring leaves NaN entries, which would be a silently wrong
    /// answer, so that is an <see cref="OverflowException"/> naming the cause. Infinite entries without NaN (e^800 on a
    /// diagonal) are the correctly rounded values and stay. Without squarings ‖r_m(X)‖ is bounded (‖X‖₁ ≤ θ₁₃), so only
    /// this path can overflow.
    /// </summary>
    private static void ThrowIfOverflowed<T>(ReadOnlySpan<T> a, int n, ReadOnlySpan<T> result, ReadOnlySpan<T> derivatives)
        where T : unmanaged, INumberBase<T>
    {
        if (!ContainsNaN(result) && !ContainsNaN(derivatives))
            return;
        throw new OverflowException(
            $"The matrix exponential of this {n}×{n} matrix overflows double precision: e^A has entries beyond ±1.8e308 " +
            $"(‖A‖₁ = {Norm.One(a, n):G4}; e^A grows like e to the largest real part of an eigenvalue), and the squaring " +
            (ContainsNaN(result) ? "phase produced NaN." : "phase of the derivative produced NaN."));
    }

    private static bool ContainsNaN<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        foreach (double x in NormScalar.AsReals(values))
        {
            if (double.IsNaN(x))
                return true;
        }
        return false;
    }

    /// <summary>One step of the squaring phase of the derivative: L ← R·L + L·R (the Fréchet derivative of X ↦ X²).</summary>
    public static void SquareDerivative<T>(ReadOnlySpan<T> r, Span<T> l, Span<T> scratch, int n) where T : unmanaged, INumberBase<T>
    {
        Dense.Anticommutator(r, l, scratch, n);
        scratch.CopyTo(l);
    }

    /// <summary>
    /// Which triangle of <paramref name="a"/> is exactly zero, from the real components (an entry is zero when both of
    /// its components compare equal to 0, so −0 counts as zero as it does for <c>T.Zero</c>): row by row, the parts left
    /// and right of the diagonal, stopping as soon as both triangles are known to be nonzero (after two rows for a full
    /// matrix). The generic element comparison it replaces cost more than the 1-norm of the matrix; the vectorised
    /// <c>ContainsAnyExcept(0.0)</c> of the span library compares bit patterns, which would take −0 for nonzero.
    /// </summary>
    private static unsafe ExpmTriangle FindTriangle<T>(ReadOnlySpan<T> a, int n) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<double> reals = NormScalar.AsReals(a);
        int c = reals.Length / Math.Max(1, n * n); // doubles per element: 1 or 2
        int w = c * n;
        bool upper = true, lower = true;
        fixed (double* p = reals)
        {
            for (int i = 0; i < n && (upper || lower); i++)
            {
                double* row = p + i * w;
                if (upper && AnyNonzero(row, c * i))
                    upper = false;
                if (lower && AnyNonzero(row + c * (i + 1), w - c * (i + 1)))
                    lower = false;
            }
        }
        return upper ? ExpmTriangle.Upper : lower ? ExpmTriangle.Lower : ExpmTriangle.None;
    }

    private static unsafe bool AnyNonzero(double* x, int length)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 4 <= length; j += 4)
            {
                if (!Vector256.EqualsAll(Vector256.Load(x + j), Vector256<double>.Zero))
                    return true;
            }
        }
        for (; j < length; j++)
        {
            if (x[j] != 0)
                return true;
        }
        return false;
    }
}

/// <summary>Scalar exp and the divided difference of exp, for real and complex elements.</summary>
internal static class ExpmScalar
{
    /// <summary>eˣ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
        {
            double r = Math.Exp(Unsafe.As<T, double>(ref x));
            return Unsafe.As<double, T>(ref r);
        }
        Complex z = Complex.Exp(Unsafe.As<T, Complex>(ref x));
        return Unsafe.As<Complex, T>(ref z);
    }

    /// <summary>
    /// (e^λ₂ − e^λ₁)/(λ₂ − λ₁) (e^λ when they are equal), without cancellation: e^((λ₁+λ₂)/2)·sinh(δ)/δ with
    /// δ = (λ₂ − λ₁)/2 (Al-Mohy &amp; Higham 2009, eq. (2.2)); where sinh δ alone would overflow the difference
    /// quotient itself is safe, as one exponential dominates the other.
    /// </summary>
    public static T DividedDifference<T>(T lambda1, T lambda2) where T : unmanaged, INumberBase<T>
    {
        T half = NormScalar.FromReal<T>(0.5);
        T delta = (lambda2 - lambda1) * half;
        if (Math.Abs(NormScalar.RealPart(delta)) > 350)
            return (Exp(lambda2) - Exp(lambda1)) / (lambda2 - lambda1);
        return Exp((lambda1 + lambda2) * half) * Sinhc(delta);
    }

    /// <summary>sinh(δ)/δ, by its Taylor series near 0 (the next term, δ⁶/5040, is below u for |δ| &lt; 10⁻³).</summary>
    private static T Sinhc<T>(T delta) where T : unmanaged, INumberBase<T>
    {
        if (NormScalar.Magnitude(delta) < 1e-3)
        {
            T d2 = delta * delta;
            return T.One + d2 * NormScalar.FromReal<T>(1.0 / 6) * (T.One + d2 * NormScalar.FromReal<T>(1.0 / 20));
        }
        if (typeof(T) == typeof(double))
        {
            double d = Unsafe.As<T, double>(ref delta);
            double r = Math.Sinh(d) / d;
            return Unsafe.As<double, T>(ref r);
        }
        Complex z = Unsafe.As<T, Complex>(ref delta);
        Complex c = Complex.Sinh(z) / z;
        return Unsafe.As<Complex, T>(ref c);
    }
}
