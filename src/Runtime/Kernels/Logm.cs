using System;
using System.Collections.Generic;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The principal matrix logarithm by the Schur-based inverse scaling and squaring algorithm of
/// Al-Mohy &amp; Higham, "Improved inverse scaling and squaring algorithms for the matrix
/// logarithm", SIAM J. Sci. Comput. 34(4), C153–C169, 2012, Algorithm 4.1 (iss_schur_new), and its
/// Fréchet derivative by Al-Mohy, Higham &amp; Relton, "Computing the Fréchet derivative of the
/// matrix logarithm and estimating the condition number", SIAM J. Sci. Comput. 35(4), C394–C410,
/// 2013 (the complex Schur variant of their Algorithm 4.1: Fréchet derivatives of the square roots
/// by triangular Sylvester equations, then of the Padé approximant).
/// </summary>
/// <remarks>
/// <para>
/// An instance holds everything the value and any number of Fréchet derivatives share: the
/// complex Schur form A = Q·T₀·Qᴴ, the square roots T₀^{1/2^i} (i = 1..s), the Padé degree m and
/// log(T₀). <see cref="Prepare"/> does the work; <see cref="Value"/> and <see cref="Frechet"/> read it.
/// </para>
/// <para>
/// Branch: the principal logarithm, Im log λ ∈ (−π, π]; an eigenvalue on the closed negative real
/// axis gets Im log λ = +π (as scipy and MATLAB do), also when its imaginary part is −0.
/// </para>
/// <para>
/// Steps of Algorithm 4.1 (2012), with the choices made here:
/// (1) Schur form (skipped when A is already upper triangular; for a lower triangular A, J·A·J with J the reversal
/// permutation, exactly; for a real A made through the real
/// Schur form, <see cref="Schur.DecomposeReal"/>, so that a real negative eigenvalue keeps a zero
/// imaginary part and gets log λ = ln|λ| + iπ; of A − I rather than A when ‖A − I‖₁ ≤ 1/2, so
/// that near the identity T₀ − I and log t_ii, hence log A, keep their relative accuracy — an
/// addition to the paper; a diagonal T₀ is done entrywise);
/// (2) s₀ = the fewest square roots of the diagonal with max |t_ii^{1/2^s} − 1| ≤ θ₇, and s₀ square
/// roots of T by <see cref="Sqrtm.UpperTriangular"/>; (3) the degree m ≤ 7 from
/// α_p(T − I) = max(‖(T−I)^p‖^{1/p}, ‖(T−I)^{p+1}‖^{1/(p+1)}) against the θ_m table, taking more
/// square roots while that pays (the algorithm's main loop); the norms ‖(T−I)^p‖₁ are computed
/// exactly from the triangular powers rather than estimated, which the paper allows; (4) before the
/// Padé step, the diagonal of T^{1/2^s} − I is recomputed accurately as a^{1/2^s} − 1
/// (Al-Mohy, "A more accurate Briggs method for the logarithm", Numer. Algorithms 59, 2012) and the
/// superdiagonal of T^{1/2^s} from the 2×2 blocks of T₀ by the formula for a power of a 2×2
/// triangular matrix (Higham &amp; Lin, "A Schur–Padé algorithm for fractional powers of a matrix", SIAM J. Matrix Anal. Appl. 32(3), 2011);
/// (5) r_m(T − I) by its partial-fraction form r_m(X) = Σ_j w_j·X·(I + x_j·X)⁻¹ with the m-point
/// Gauss–Legendre nodes x_j and weights w_j on [0, 1]; (6) log T₀ ≈ 2^s·r_m, whose diagonal and
/// first superdiagonal are then replaced by log t_ii and by the unwinding-number formula for the
/// logarithm of a 2×2 upper triangular block (Higham, <i>Functions of Matrices</i>, 2008,
/// ch. 11); (7) X = Q·log(T₀)·Qᴴ.
/// </para>
/// </remarks>
internal sealed partial class Logm
{
    /// <summary>θ_m, m = 1..7: the largest ‖X‖ for which the [m/m] Padé approximant to log(I + X) has relative backward error ≤ u = 2⁻⁵³ (Al-Mohy &amp; Higham 2012, §2; the values of the authors' published MATLAB code to 16 digits).</summary>
    private static readonly double[] Theta =
    {
        double.NaN,
        1.586970738772063e-5, 2.313807884242979e-3, 1.938179313533253e-2, 6.209171588994762e-2,
        1.276404810806775e-1, 2.060962623452836e-1, 2.879093714241194e-1,
    };

    private const int MaxDegree = 7;
    private const int MaxSquareRoots = 100;
    private const double Unit = 1.1102230246251565e-16; // u = 2⁻⁵³

    private readonly int _n;
    private readonly Complex[] _q;          // Schur vectors, or empty when A was already triangular (Q = I)
    private readonly Complex[] _t0;         // Schur factor T₀
    private readonly Complex[] _diagonalMinusOne; // t₀(i,i) − 1 without the rounding of forming t₀(i,i)
    private readonly Complex[] _logDiagonal;
    private readonly bool _diagonal;        // T₀ is diagonal: no square roots, no Padé
    private readonly List<Complex[]> _roots = new(); // T₀^{1/2^i}, i = 1..s
    private Complex[] _r = Array.Empty<Complex>();   // T₀^{1/2^s} − I, accurate diagonal and superdiagonal
    private Complex[] _logT = Array.Empty<Complex>(); // log T₀, upper triangular
    private Complex[]? _qh;

    private Logm(int n, Complex[]? q, Complex[] t0, Complex[] diagonalMinusOne, Complex[] logDiagonal, bool diagonal)
    {
        _n = n;
        _q = q ?? Array.Empty<Complex>();
        _t0 = t0;
        _diagonalMinusOne = diagonalMinusOne;
        _logDiagonal = logDiagonal;
        _diagonal = diagonal;
    }

    /// <summary>The number s of square roots taken (0 for a diagonal Schur factor).</summary>
    public int SquareRoots => _roots.Count;

    /// <summary>The degree m of the Padé approximant used (0 for a diagonal Schur factor).</summary>
    public int PadeDegree { get; private set; }

    /// <summary>
    /// Runs Algorithm 4.1 (2012) on the n×n row-major matrix <paramref name="a"/>, which must be
    /// finite. Throws <see cref="ArgumentException"/> when A is singular: for a triangular (or diagonal) A, whose
    /// Schur form is exact and whose eigenvalues are its diagonal entries, when one of them is exactly zero; otherwise
    /// when an eigenvalue of the computed Schur form T₀ has |λ| ≤ n·u·‖A‖₁ (u = 2⁻⁵³, ‖·‖₁ the largest column sum),
    /// below which the rounding of the Schur form alone can make a singular A look invertible.
    /// </summary>
    public static Logm Prepare(ReadOnlySpan<Complex> a, int n, string parameterName)
    {
        var t0 = new Complex[n * n];
        var diagonalMinusOne = new Complex[n]; // t₀(i,i) − 1, as accurately as it is known
        Complex[]? q = null;
        bool exactSchurForm = true;
        if (IsUpperTriangular(a, n))
        {
            a.Slice(0, n * n).CopyTo(t0);
            for (int i = 0; i < n; i++)
                diagonalMinusOne[i] = t0[i * n + i] - 1;
        }
        else if (IsLowerTriangular(a, n))
        {
            // J·A·J (J the reversal permutation) is upper triangular: a Schur form with Q = J, exact, where the
            // QR iteration would perturb the eigenvalues by u·‖A‖ (a relative u·‖A‖/|λ| for a small one).
            q = new Complex[n * n];
            for (int i = 0; i < n; i++)
            {
                q[i * n + n - 1 - i] = Complex.One;
                for (int j = 0; j < n; j++)
                    t0[i * n + j] = a[(n - 1 - i) * n + n - 1 - j];
                diagonalMinusOne[i] = t0[i * n + i] - 1;
            }
        }
        else
        {
            // Decompose A − I near the identity: the backward error of the Schur form is then u·‖A − I‖,
            // and eigenvalues near 1 keep their distance from 1 to relative accuracy. Only where
            // ‖A − I‖₁ ≤ 1/2, so that every eigenvalue lies within 1/2 of 1: an eigenvalue λ far below 1
            // (Hilbert matrices) would come out as 1 + (λ − 1) with an absolute error u·‖A − I‖, a
            // relative error u/λ, where the Schur form of A itself keeps it to u·‖A‖ (Hilbert n = 8:
            // 1.4e-8 shifted, 7e-10 not).
            exactSchurForm = false;
            var m = a.Slice(0, n * n).ToArray();
            bool shift = OneNormOfDifferenceFromIdentity(a, n) <= 0.5;
            if (shift)
            {
                for (int i = 0; i < n; i++)
                    m[i * n + i] -= 1;
            }
            q = new Complex[n * n];
            if (IsReal(a))
                Schur.DecomposeReal(m, n, t0, q); // real eigenvalues stay exactly real: the branch on the negative axis is +iπ
            else
                Schur.Decompose(m, n, t0, q);
            for (int i = 0; i < n; i++)
            {
                if (shift)
                {
                    diagonalMinusOne[i] = t0[i * n + i];
                    t0[i * n + i] += 1;
                }
                else
                {
                    diagonalMinusOne[i] = t0[i * n + i] - 1;
                }
            }
        }

        RejectSingular(a, t0, n, exactSchurForm, parameterName);

        var logDiagonal = new Complex[n];
        for (int i = 0; i < n; i++)
            logDiagonal[i] = PrincipalLog(t0[i * n + i], diagonalMinusOne[i]);
        var result = new Logm(n, q, t0, diagonalMinusOne, logDiagonal, IsDiagonal(t0, n));
        if (result._diagonal)
        {
            result._logT = new Complex[n * n];
            for (int i = 0; i < n; i++)
                result._logT[i * n + i] = logDiagonal[i];
        }
        else
        {
            result.ScaleAndApproximate();
        }
        return result;
    }

    /// <summary>X = log A = Q·log(T₀)·Qᴴ, row-major n×n.</summary>
    public Complex[] Value() => FromSchurBasis(_logT);

    /// <summary>
    /// The Fréchet derivative L_log(A, E), row-major n×n, for one direction <paramref name="e"/>:
    /// Ẽ = Qᴴ·E·Q; then, for i = 1..s, the Fréchet derivative of the square root,
    /// T_i·Ẽ_i + Ẽ_i·T_i = Ẽ_{i−1} with T_i = T₀^{1/2^i} (a triangular Sylvester equation);
    /// then that of the Padé approximant, L_{r_m}(X, F) = Σ_j w_j·(I + x_j·X)⁻¹·F·(I + x_j·X)⁻¹ at
    /// X = T₀^{1/2^s} − I; times 2^s; back by Q·(·)·Qᴴ (Al-Mohy, Higham &amp; Relton 2013, Algorithm
    /// 4.1, complex Schur form). For a diagonal T₀ the exact Daleckiĭ–Kreĭn form
    /// L̃_ij = Ẽ_ij·log[λ_i, λ_j] (divided differences) is used instead.
    /// </summary>
    public Complex[] Frechet(ReadOnlySpan<Complex> e)
    {
        int n = _n;
        Complex[] work = ToSchurBasis(e);
        if (_diagonal)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Complex dd = LogDividedDifference(_t0[i * n + i], _t0[j * n + j], _logDiagonal[i], _logDiagonal[j]);
                    work[i * n + j] *= dd;
                }
            }
            return FromSchurBasis(work);
        }

        foreach (Complex[] root in _roots)
            Triangular.SolveSylvester(root, root, work, work, n);

        var sum = new Complex[n * n];
        var term = new Complex[n * n];
        var (nodes, weights) = GaussLegendre.OnUnitInterval(PadeDegree);
        for (int j = 0; j < nodes.Length; j++)
        {
            Triangular.SolveShiftedLeft(_r, nodes[j], work, term, n, upperRhs: false);
            Triangular.SolveShiftedRight(_r, nodes[j], term, term, n);
            for (int k = 0; k < sum.Length; k++)
                sum[k] += weights[j] * term[k];
        }
        double scale = Math.ScaleB(1.0, _roots.Count);
        for (int k = 0; k < sum.Length; k++)
            sum[k] *= scale;
        return FromSchurBasis(sum);
    }

    /// <summary>
    /// The adjoint of the Fréchet derivative, L_log(A, ·)*(G), for reverse mode: the matrix W with
    /// Re⟨W, E⟩ = Re⟨G, L_log(A, E)⟩ for all E (⟨X, Y⟩ = Σ conj(x)·y). Computed as L_log(A, Gᴴ)ᴴ,
    /// which holds because L_log(A, E) = V·(D ∘ (V⁻¹·E·V))·V⁻¹ with a symmetric matrix D of divided
    /// differences (the Daleckiĭ–Kreĭn formula, Higham, <i>Functions of Matrices</i>, ch. 3; by continuity for defective A).
    /// It equals L_log(Aᴴ, G) whenever log(Aᴴ) = (log A)ᴴ, i.e. off the negative real axis, but unlike
    /// that form it reuses this Schur form and stays right on the branch cut.
    /// </summary>
    public Complex[] FrechetAdjoint(ReadOnlySpan<Complex> g)
    {
        Complex[] derivative = Frechet(ConjugateTranspose(g, _n));
        return ConjugateTranspose(derivative, _n);
    }

    /// <summary>Steps (2)–(6) of Algorithm 4.1 (2012), as numbered in the class remarks, on the triangular factor: square roots, degree, Padé, recomputed diagonal and superdiagonal.</summary>
    private void ScaleAndApproximate()
    {
        int n = _n;

        // Step (2): s₀ square roots bring every eigenvalue within θ₇ of 1.
        int s0 = 0;
        var d = new Complex[n];
        for (int i = 0; i < n; i++)
            d[i] = _t0[i * n + i];
        double distance = MaxModulus(_diagonalMinusOne);
        while (s0 < MaxSquareRoots && distance > Theta[MaxDegree])
        {
            for (int i = 0; i < n; i++)
                d[i] = Sqrtm.PrincipalSqrt(d[i]);
            s0++;
            distance = MaxDistanceFromOne(d);
        }
        Complex[] t = _t0;
        for (int k = 0; k < s0; k++)
            t = TakeSquareRoot(t);

        // Step (3): choose m, taking further square roots while that lowers the cost.
        var powers = new PowerNorms(n);
        powers.Reset(t, s0 == 0 ? _diagonalMinusOne : null);
        int m = 0;
        double alpha2 = Math.Max(powers.Alpha(2), powers.Alpha(3));
        // Without square roots log A is as small as T − I, and θ₁ (a backward-error bound) would leave the [1/1]
        // approximant a relative forward error ‖X‖²/12, up to 2e-11; m = 2 keeps it below 2e-13 at a node's cost.
        for (int i = s0 == 0 ? 2 : 1; i <= 2 && m == 0; i++)
            if (alpha2 <= Theta[i])
                m = i;

        int extraRoots = 0;
        while (m == 0)
        {
            bool moreRoots = false;
            double alpha3 = Math.Max(powers.Alpha(3), powers.Alpha(4));
            if (alpha3 <= Theta[MaxDegree])
            {
                int j = 3;
                while (alpha3 > Theta[j])
                    j++;
                if (j <= 6)
                {
                    m = j;
                    break;
                }
                if (alpha3 / 2 <= Theta[5] && extraRoots < 2)
                {
                    moreRoots = true;
                    extraRoots++;
                }
            }
            if (!moreRoots)
            {
                double alpha4 = Math.Max(powers.Alpha(4), powers.Alpha(5));
                double eta = Math.Min(alpha3, alpha4);
                if (eta <= Theta[6])
                {
                    m = 6;
                    break;
                }
                if (eta <= Theta[7])
                {
                    m = 7;
                    break;
                }
            }
            if (_roots.Count == MaxSquareRoots)
            {
                m = MaxDegree;
                break;
            }
            t = TakeSquareRoot(t);
            powers.Reset(t, null);
        }
        PadeDegree = m;
        int s = _roots.Count;

        // Step (4): R = T₀^{1/2^s} − I with an accurate superdiagonal and diagonal.
        _r = (Complex[])t.Clone();
        double p = Math.ScaleB(1.0, -s);
        for (int i = 0; i + 1 < n && s > 0; i++)
        {
            _r[i * n + i + 1] = PowerSuperdiagonal(_t0[i * n + i], _t0[(i + 1) * n + i + 1], _t0[i * n + i + 1],
                _logDiagonal[i], _logDiagonal[i + 1], p);
        }
        for (int i = 0; i < n; i++)
            _r[i * n + i] = RootMinusOne(_t0[i * n + i], _diagonalMinusOne[i], s);

        // Step (5): U = 2^s·r_m(R) by partial fractions, each term a triangular solve.
        var logT = new Complex[n * n];
        var term = new Complex[n * n];
        var (nodes, weights) = GaussLegendre.OnUnitInterval(m);
        for (int j = 0; j < m; j++)
        {
            Triangular.SolveShiftedLeft(_r, nodes[j], _r, term, n, upperRhs: true);
            for (int k = 0; k < logT.Length; k++)
                logT[k] += weights[j] * term[k];
        }
        double scale = Math.ScaleB(1.0, s);
        for (int k = 0; k < logT.Length; k++)
            logT[k] *= scale;

        // Step (6): exact diagonal and accurate superdiagonal of log T₀.
        for (int i = 0; i < n; i++)
            logT[i * n + i] = _logDiagonal[i];
        for (int i = 0; i + 1 < n; i++)
        {
            logT[i * n + i + 1] = _t0[i * n + i + 1] *
                LogDividedDifference(_t0[i * n + i], _t0[(i + 1) * n + i + 1], _logDiagonal[i], _logDiagonal[i + 1]);
        }
        _logT = logT;
    }

    private Complex[] TakeSquareRoot(Complex[] t)
    {
        var root = new Complex[_n * _n];
        Sqrtm.UpperTriangular(t, root, _n);
        _roots.Add(root);
        return root;
    }

    private static double MaxModulus(Complex[] d)
    {
        double worst = 0;
        foreach (Complex z in d)
            worst = Math.Max(worst, Complex.Abs(z));
        return worst;
    }

    private static double OneNorm(ReadOnlySpan<Complex> a, int n)
    {
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
                column += Complex.Abs(a[i * n + j]);
            norm = Math.Max(norm, column);
        }
        return norm;
    }

    private static double OneNormOfDifferenceFromIdentity(ReadOnlySpan<Complex> a, int n)
    {
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i < n; i++)
                column += Complex.Abs(i == j ? a[i * n + j] - 1 : a[i * n + j]);
            norm = Math.Max(norm, column);
        }
        return norm;
    }

    private static double MaxDistanceFromOne(Complex[] d)
    {
        double worst = 0;
        foreach (Complex z in d)
            worst = Math.Max(worst, Complex.Abs(z - 1));
        return worst;
    }

    private static void RejectSingular(ReadOnlySpan<Complex> a, Complex[] t0, int n, bool exactSchurForm, string parameterName)
    {
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
            smallest = Math.Min(smallest, Complex.Abs(t0[i * n + i]));
        if (exactSchurForm)
        {
            // The eigenvalues are the diagonal entries as given: none is lost in rounding, and only an exact zero is
            // singular (diag(1e-20, 1) has the logarithm diag(−46.05…, 0)).
            if (smallest == 0)
            {
                throw new ArgumentException(
                    $"The matrix logarithm does not exist: the {n}×{n} matrix is triangular with a zero on its diagonal, " +
                    "so it has the eigenvalue 0 and is singular, and log 0 is undefined.",
                    parameterName);
            }

            return;
        }

        double norm = OneNorm(a, n);
        double threshold = n * Unit * norm;
        if (smallest <= threshold)
        {
            throw new ArgumentException(
                $"The matrix logarithm does not exist: the {n}×{n} matrix is singular to working precision. " +
                $"Its smallest eigenvalue modulus is {smallest:G4}, at or below the threshold n·u·‖A‖₁ = {threshold:G4} " +
                "(u = 2⁻⁵³, ‖·‖₁ the largest column sum), and log 0 is undefined.",
                parameterName);
        }
    }

    /// <summary>‖(T − I)^p‖₁^{1/p} for p = 2..5, each power formed once, exactly, from triangular products.</summary>
    private sealed class PowerNorms
    {
        private readonly int _n;
        private readonly Complex[][] _powers; // R^p in _powers[p], p = 1..5; buffers reused for every T
        private readonly bool[] _known = new bool[6];
        private readonly double[] _alpha = new double[6];

        public PowerNorms(int n)
        {
            _n = n;
            _powers = new Complex[6][];
            for (int p = 1; p <= 5; p++)
                _powers[p] = new Complex[n * n];
        }

        /// <summary>Starts over for R = T − I; <paramref name="diagonalMinusOne"/>, when given, is R's diagonal.</summary>
        public void Reset(Complex[] t, Complex[]? diagonalMinusOne)
        {
            int n = _n;
            Complex[] r = _powers[1];
            t.AsSpan(0, n * n).CopyTo(r);
            for (int i = 0; i < n; i++)
                r[i * n + i] = diagonalMinusOne is null ? r[i * n + i] - 1 : diagonalMinusOne[i];
            Array.Clear(_known);
            _known[1] = true;
            Array.Fill(_alpha, double.NaN);
        }

        public double Alpha(int p)
        {
            if (double.IsNaN(_alpha[p]))
                _alpha[p] = Math.Pow(Triangular.OneNormUpper(Power(p), _n), 1.0 / p);
            return _alpha[p];
        }

        private Complex[] Power(int p)
        {
            if (_known[p])
                return _powers[p];
            // R⁴ = R²·R², otherwise R^p = R^{p−1}·R.
            Complex[] left = p == 4 ? Power(2) : Power(p - 1);
            Complex[] right = p == 4 ? Power(2) : _powers[1];
            Triangular.MultiplyUpper(left, right, _powers[p], _n);
            _known[p] = true;
            return _powers[p];
        }
    }
}

/// <summary>
/// Gauss–Legendre quadrature moved to [0, 1]: ∫₀¹ f ≈ Σ_j w_j·f(x_j). The nodes on [−1, 1] are the
/// roots of the Legendre polynomial P_m, found by Newton's method from the estimates
/// cos(π·(j − 1/4)/(m + 1/2)) with P_m from the three-term recurrence
/// (k+1)·P_{k+1} = (2k+1)·x·P_k − k·P_{k−1}; the weights are 2/((1 − x²)·P_m′(x)²)
/// (Abramowitz &amp; Stegun 25.4.29). These give the partial-fraction form of the [m/m] Padé
/// approximant to log(1 + x) = ∫₀¹ x/(1 + t·x) dt (Higham, <i>Functions of Matrices</i>, ch. 11).
/// </summary>
internal static class GaussLegendre
{
    private static readonly (double[] Nodes, double[] Weights)[] Rules = BuildRules(16);

    /// <summary>The m-point rule on [0, 1], m = 1..16, nodes ascending. The arrays are shared: do not modify them.</summary>
    public static (double[] Nodes, double[] Weights) OnUnitInterval(int m) => Rules[m];

    private static (double[] Nodes, double[] Weights)[] BuildRules(int largest)
    {
        var rules = new (double[] Nodes, double[] Weights)[largest + 1];
        rules[0] = (Array.Empty<double>(), Array.Empty<double>());
        for (int m = 1; m <= largest; m++)
            rules[m] = Build(m);
        return rules;
    }

    private static (double[] Nodes, double[] Weights) Build(int m)
    {
        var nodes = new double[m];
        var weights = new double[m];
        for (int j = 1; j <= m; j++)
        {
            double x = Math.Cos(Math.PI * (j - 0.25) / (m + 0.5));
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double step = Value(m, x) / Derivative(m, x);
                x -= step;
                if (Math.Abs(step) <= 1e-17)
                    break;
            }
            double derivative = Derivative(m, x);
            // The estimates run from near +1 down, so fill from the end for ascending nodes on [0, 1].
            nodes[m - j] = (1 + x) / 2;
            weights[m - j] = 1 / ((1 - x * x) * derivative * derivative);
        }
        return (nodes, weights);
    }

    private static double Value(int m, double x) => Legendre(m, x).Value;

    /// <summary>P_m′(x) = m·(x·P_m(x) − P_{m−1}(x))/(x² − 1).</summary>
    private static double Derivative(int m, double x)
    {
        var (value, previous) = Legendre(m, x);
        return m * (x * value - previous) / (x * x - 1);
    }

    private static (double Value, double Previous) Legendre(int m, double x)
    {
        double previous = 1, value = x;
        if (m == 0)
            return (1, 0);
        for (int k = 1; k < m; k++)
        {
            double next = ((2 * k + 1) * x * value - k * previous) / (k + 1);
            previous = value;
            value = next;
        }
        return (value, previous);
    }
}
