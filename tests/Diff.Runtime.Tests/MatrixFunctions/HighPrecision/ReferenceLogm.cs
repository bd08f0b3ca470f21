using System;
using System.Numerics;
using static Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ReferenceExpm;
using CDD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ComplexDoubleDouble;
using DD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.DoubleDouble;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>
/// A reference principal matrix logarithm in complex double-double arithmetic, deliberately plain and Schur-free:
/// the inverse scaling and squaring idea of Kenney &amp; Laub ("Condition estimates for matrix functions", SIAM J.
/// Matrix Anal. Appl. 10(2), 1989) in its simplest form (Higham, <i>Functions of Matrices</i>, SIAM 2008, §11.5):
/// <list type="number">
/// <item>k principal square roots Y = A^(1/2ᵏ), each by the scaled product form of the Denman–Beavers iteration
/// (Higham 2008, §6.3, (6.17) with the determinantal scaling of §6.5), the inverses by Gaussian elimination with
/// partial pivoting in double-double, until ‖Y − I‖₁ ≤ <see cref="SeriesStart"/>;</item>
/// <item>log Y = log(I + X) by the Gregory series 2·Σⱼ Z^(2j+1)/(2j+1), Z = X(2I + X)⁻¹ (the atanh series;
/// ‖Z‖ ≲ ‖X‖/2), to a remainder below <see cref="SeriesTolerance"/> relative;</item>
/// <item>log A = 2ᵏ·log Y.</item>
/// </list>
/// The Denman–Beavers iteration converges to the principal square root when A has no eigenvalue on the closed
/// negative real axis (Higham 2008, Thm 6.9, and the scaled variant by the same argument); every later root is of
/// a matrix whose spectrum lies in the open right half plane, so the composition is the principal logarithm
/// (Higham 2008, Thm 11.2: log A = 2ᵏ·log A^(1/2ᵏ) for the principal branches). The first root is also checked
/// directly: the matrix sign function of A^(1/2), by the scaled Newton iteration S ← (μS + (μS)⁻¹)/2 (Higham 2008,
/// (5.16), §5.5), must be I, i.e. every eigenvalue of the computed root has positive real part. An input with an
/// eigenvalue on or numerically at the closed negative real axis makes the iterations fail to converge or the check
/// fail, and is rejected with an <see cref="InvalidOperationException"/>: the principal logarithm is undefined or
/// discontinuous there, and a test of the branch behaviour must use a closed form.
/// </summary>
/// <remarks>
/// Accuracy: the Gregory series and the products are accurate to a few u_dd ≈ 5e-32 relative; the square roots
/// carry about u_dd·κ(A) absolute error in the first step (the inverse of A), and the 2ᵏ of step 3 multiplies the
/// absolute error of the last root. For the matrices of the tests (κ(A) ≤ ~1e16, k ≤ ~40) that leaves 15 or more
/// digits beyond the 1e-12 the double code is held to; the tests check the reference on closed forms with exactly
/// such ill-conditioning. The Fréchet derivative is the upper right block of log([[A, E], [0, A]]) (Higham 2008,
/// (3.16); Kenney &amp; Laub 1989), computed the same way. Matrices are row-major n×n arrays.
/// </remarks>
internal static class ReferenceLogm
{
    /// <summary>
    /// The square roots stop once ‖A^(1/2ᵏ) − I‖₁ is at most this. Each root's absolute rounding error reaches log A
    /// multiplied by 2ᵏ (Higham 2008, §11.5), so the roots stop early and the (cheap, exactly bounded) series does
    /// more of the work: 1/4 rather than 1e-3 saves 8 roots and a factor 256 of error growth.
    /// </summary>
    public const double SeriesStart = 0.25;

    /// <summary>The Gregory series stops once a term is below this times ‖Z‖₁.</summary>
    public const double SeriesTolerance = 1e-34;

    private const int MaxSquareRoots = 80;
    private const int MaxIterations = 100;

    /// <summary>What one logarithm took: square roots k, the most Denman–Beavers iterations of one root, and the Gregory terms.</summary>
    public readonly record struct Statistics(int SquareRoots, int MaxRootIterations, int SeriesTerms);

    /// <summary>log A in double-double (see the class summary).</summary>
    public static CDD[] Log(CDD[] a, int n) => Log(a, n, out _);

    /// <summary>
    /// log A in double-double, and what it took. <paramref name="extraSquareRoots"/> takes that many more roots
    /// than needed (a 2^(−extra) smaller X for the series), to check the reference against itself.
    /// </summary>
    public static CDD[] Log(CDD[] a, int n, out Statistics statistics, int extraSquareRoots = 0)
    {
        CDD[] y = (CDD[])a.Clone();
        int k = 0, maxIterations = 0, extra = 0;
        while (DistanceFromIdentity(y, n) > SeriesStart || extra++ < extraSquareRoots)
        {
            if (k == MaxSquareRoots)
                throw new InvalidOperationException($"no convergence after {MaxSquareRoots} square roots");
            y = PrincipalSqrt(y, n, out int iterations);
            maxIterations = Math.Max(maxIterations, iterations);
            if (k == 0)
                CheckRightHalfPlane(y, n);
            k++;
        }
        CDD[] x = (CDD[])y.Clone();
        for (int i = 0; i < n; i++)
            x[i * n + i] -= CDD.One;
        CDD[] log = LogOnePlus(x, n, out int terms);
        statistics = new Statistics(k, maxIterations, terms);
        return Array.ConvertAll(log, z => CDD.ScaleB(z, k));
    }

    /// <summary>‖Y − I‖₁ in double.</summary>
    public static double DistanceFromIdentity(CDD[] y, int n)
    {
        CDD[] d = (CDD[])y.Clone();
        for (int i = 0; i < n; i++)
            d[i * n + i] -= CDD.One;
        return OneNorm(d, n);
    }

    /// <summary>
    /// log(I + X) = 2·Σⱼ Z^(2j+1)/(2j+1), Z = X(2I + X)⁻¹ (the series of 2·atanh Z, since (I + Z)(I − Z)⁻¹ = I + X).
    /// For ‖X‖₁ ≤ 1/4, ‖Z‖₁ ≤ ‖X‖₁/(2 − ‖X‖₁) ≤ 1/7, and the remainder after the term Z^(2J+1) is at most
    /// 2‖Z‖^(2J+3)/((2J+3)(1 − ‖Z‖²)); the sum stops when that is below <see cref="SeriesTolerance"/>·‖Z‖₁
    /// (about 19 terms at ‖X‖₁ = 1/4, 6 at 1e-3).
    /// </summary>
    public static CDD[] LogOnePlus(CDD[] x, int n, out int terms)
    {
        CDD[] twoPlusX = (CDD[])x.Clone();
        for (int i = 0; i < n; i++)
            twoPlusX[i * n + i] += (CDD)2.0;
        CDD[] z = Multiply(x, Inverse(twoPlusX, n, out _), n);
        double zNorm = OneNorm(z, n) * (1 + 1e-12);
        if (!(zNorm < 0.5))
            throw new InvalidOperationException($"‖Z‖₁ = {zNorm:E2}: too large for the Gregory series");
        CDD[] sum = (CDD[])z.Clone();
        CDD[] z2 = Multiply(z, z, n);
        CDD[] power = z;
        terms = 1;
        for (int j = 1; ; j++)
        {
            double remainder = 2 * Math.Pow(zNorm, 2 * j + 1) / ((2 * j + 1) * (1 - zNorm * zNorm));
            if (remainder <= SeriesTolerance * zNorm || zNorm == 0)
                break;
            power = Multiply(power, z2, n);
            for (int i = 0; i < sum.Length; i++)
                sum[i] += power[i] / (DD)(2 * j + 1);
            terms++;
        }
        return Array.ConvertAll(sum, v => CDD.ScaleB(v, 1));
    }

    /// <summary>
    /// The principal square root by the Denman–Beavers iteration with determinantal scaling (Higham 2008, (6.15),
    /// §6.5): Y₀ = A, Z₀ = I, μ = |det Yₖ·det Zₖ|^(−1/(2n)), Yₖ₊₁ = (μYₖ + μ⁻¹Zₖ⁻¹)/2, Zₖ₊₁ = (μZₖ + μ⁻¹Yₖ⁻¹)/2,
    /// so that Yₖ → A^(1/2) and Zₖ → A^(−1/2). The coupled form rather than the cheaper product form: near the
    /// negative real axis the product form's Mₖ₊₁ = (I + (Mₖ + Mₖ⁻¹)/2)/2 cancels almost to 0 and loses
    /// u_dd/‖Mₖ₊₁‖ of relative accuracy, which then stays in Yₖ. The scaling is dropped once the step
    /// ‖Yₖ₊₁ − Yₖ‖₁/‖Yₖ₊₁‖₁ is below 1e-2 (quadratic convergence from there); the iteration stops when the
    /// step is below 1e-28, or when a step below 1e-10 fails to halve: convergence is quadratic there, so the
    /// iteration has reached its rounding floor (about u_dd·κ(A), which is above 1e-28 for κ(A) ≳ 1e4).
    /// </summary>
    public static CDD[] PrincipalSqrt(CDD[] a, int n, out int iterations)
    {
        CDD[] y = (CDD[])a.Clone(), z = Identity(n);
        double previous = double.PositiveInfinity;
        bool scale = true;
        for (iterations = 1; ; iterations++)
        {
            CDD[] yInverse = Inverse(y, n, out double logDetY), zInverse = Inverse(z, n, out double logDetZ);
            double mu = scale ? Math.Exp(-(logDetY + logDetZ) / (2 * n)) : 1;
            DD muHalf = (DD)mu * 0.5, inverseHalf = DD.One / mu * 0.5;
            var yNext = new CDD[n * n];
            var zNext = new CDD[n * n];
            for (int i = 0; i < yNext.Length; i++)
            {
                yNext[i] = y[i] * muHalf + zInverse[i] * inverseHalf;
                zNext[i] = z[i] * muHalf + yInverse[i] * inverseHalf;
            }
            var step = new CDD[n * n];
            for (int i = 0; i < step.Length; i++)
                step[i] = yNext[i] - y[i];
            double change = OneNorm(step, n) / OneNorm(yNext, n);
            y = yNext;
            z = zNext;
            if (change <= 1e-2)
                scale = false;
            if (change <= 1e-28 || (change < 1e-10 && change > previous / 2))
                return y;
            if (iterations == MaxIterations)
                throw new InvalidOperationException(
                    $"the Denman–Beavers iteration did not converge (step {change:E2}): an eigenvalue on or near the closed negative real axis?");
            previous = change;
        }
    }

    /// <summary>
    /// Throws unless every eigenvalue of Y has positive real part: sign(Y) = I, by the Newton iteration
    /// S ← (μS + (μS)⁻¹)/2, μ = |det S|^(−1/n) while ‖S² − I‖ is large, which converges to sign(Y) for Y with no
    /// eigenvalue on the imaginary axis and otherwise does not converge.
    /// </summary>
    public static void CheckRightHalfPlane(CDD[] y, int n)
    {
        CDD[] s = (CDD[])y.Clone();
        for (int it = 0; it < MaxIterations; it++)
        {
            CDD[] inverse = Inverse(s, n, out double logAbsDet);
            CDD[] s2 = Multiply(s, s, n);
            double distance = DistanceFromIdentity(s2, n);
            if (distance <= 1e-20)
            {
                double fromI = DistanceFromIdentity(s, n);
                if (fromI > 1e-10)
                    throw new InvalidOperationException(
                        $"the computed square root has an eigenvalue in the left half plane (‖sign(Y) − I‖₁ = {fromI:E2}): not the principal root");
                return;
            }
            double mu = distance > 1e-2 ? Math.Exp(-logAbsDet / n) : 1;
            DD muDD = mu, inv = DD.One / muDD;
            for (int i = 0; i < s.Length; i++)
                s[i] = (s[i] * muDD + inverse[i] * inv) * (DD)0.5;
        }
        throw new InvalidOperationException("the sign iteration on the square root did not converge: an eigenvalue on the imaginary axis");
    }

    /// <summary>
    /// A⁻¹ by Gaussian elimination with partial pivoting (pivots by modulus) in double-double, and ln|det A| in
    /// double (for the scaling only). Throws for an exactly singular matrix.
    /// </summary>
    public static CDD[] Inverse(CDD[] a, int n, out double logAbsDet)
    {
        CDD[] lu = (CDD[])a.Clone();
        CDD[] x = Identity(n);
        logAbsDet = 0;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            for (int i = k + 1; i < n; i++)
                if (lu[i * n + k].Magnitude > lu[p * n + k].Magnitude)
                    p = i;
            if (lu[p * n + k].IsZero)
                throw new InvalidOperationException("singular matrix");
            if (p != k)
            {
                for (int j = 0; j < n; j++)
                {
                    (lu[k * n + j], lu[p * n + j]) = (lu[p * n + j], lu[k * n + j]);
                    (x[k * n + j], x[p * n + j]) = (x[p * n + j], x[k * n + j]);
                }
            }
            CDD pivot = lu[k * n + k];
            logAbsDet += Math.Log(pivot.Magnitude);
            for (int i = k + 1; i < n; i++)
            {
                CDD f = lu[i * n + k];
                if (f.IsZero)
                    continue;
                f /= pivot;
                for (int j = k + 1; j < n; j++)
                    if (!lu[k * n + j].IsZero)
                        lu[i * n + j] -= f * lu[k * n + j];
                for (int j = 0; j < n; j++)
                    if (!x[k * n + j].IsZero)
                        x[i * n + j] -= f * x[k * n + j];
                lu[i * n + k] = CDD.Zero;
            }
        }
        // Back substitution, column by column of the right-hand side.
        for (int k = n - 1; k >= 0; k--)
        {
            CDD pivot = lu[k * n + k];
            for (int j = 0; j < n; j++)
            {
                CDD sum = x[k * n + j];
                for (int l = k + 1; l < n; l++)
                    if (!lu[k * n + l].IsZero && !x[l * n + j].IsZero)
                        sum -= lu[k * n + l] * x[l * n + j];
                x[k * n + j] = sum / pivot;
            }
        }
        return x;
    }

    /// <summary>
    /// L_log(A, E) = d/dt log(A + tE) at t = 0 as the upper right block of log([[A, 2⁻ᵗE], [0, A]]) times 2ᵗ
    /// (exact scaling that brings ‖E‖₁ to about ‖A‖₁; the block identity holds for any scale of E).
    /// </summary>
    public static CDD[] Frechet(CDD[] a, CDD[] e, int n)
    {
        double na = OneNorm(a, n), ne = OneNorm(e, n);
        if (ne == 0)
        {
            var zero = new CDD[n * n];
            Array.Fill(zero, CDD.Zero);
            return zero;
        }
        return ReferenceFrechet.Block(Log, a, e, n, Math.ILogB(ne) - Math.ILogB(na));
    }

    /// <summary>
    /// A lower bound on the relative condition number κ_log(A) = ‖L_log(A)‖_F·‖A‖_F/‖log A‖_F (Higham 2008, Thm 3.1,
    /// §11.2; Kenney &amp; Laub 1989) by the power method on L*L with L(A)* = L(Aᴴ) (valid off the negative real
    /// axis, where log Aᴴ = (log A)ᴴ), from a fixed pseudo-random start. A lower bound makes a tolerance built on
    /// it stricter, never looser.
    /// </summary>
    public static double Condition(CDD[] a, int n, CDD[] logA, int iterations = 3) =>
        ReferenceFrechet.Condition(Frechet, a, n, logA, 54321, iterations);
}
