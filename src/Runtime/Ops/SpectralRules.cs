using System;
using System.Numerics;
using Diff.Kernels;
using static Diff.Kernels.DenseMatrix;

namespace Diff;

/// <summary>
/// The derivative rules of Eigh and Svd, once for real and complex matrices. Eigh: the first-order perturbation of a
/// Hermitian eigendecomposition (M. Seeger, A. Hetzel, Z. Dai, E. Meissner, N. D. Lawrence, "Auto-differentiating
/// linear algebra", arXiv:1710.08717 (2017), §3; Giles 2008 §3.1). Svd: J. Townsend, "Differentiating the singular value
/// decomposition" (2016), with the complex case's gauge term of Z.-Q. Wan and S.-X. Zhang, "Automatic differentiation
/// for complex valued SVD", arXiv:1909.02659 (2019): the imaginary part of diag(Uᴴ·dA·V) is put on Uᴴ·dU and
/// diag(Vᴴ·dV) is zero. Each adjoint is the exact transpose of its tangent, so ⟨seed, J·v⟩ = ⟨Jᴴ·seed, v⟩ holds for any
/// seed, and gauge-invariant losses (projectors, |v|²) get the gradient of finite differences.
/// Degenerate eigenvalues (singular values) make the factors F_ij = 1/(λⱼ − λᵢ) infinite; a pair counts as degenerate
/// within <see cref="GapTolerance"/> of the largest, and the derivative is an ArgumentException naming the pair only
/// where the term F_ij multiplies is not negligible (the derivative exists where it is zero, e.g. a loss invariant
/// under rotations inside the eigenspace, or a zero seed for the vectors).
/// </summary>
internal static class SpectralRules
{
    /// <summary>Two eigenvalues (singular values) closer than this times the largest magnitude count as equal.</summary>
    private const double GapTolerance = 1e-13;

    /// <summary>A term multiplying a degenerate pair's infinite factor is negligible below this times the largest term.</summary>
    private const double TermTolerance = 1e-8;

    // ---- Eigh -------------------------------------------------------------------------------------------------

    public static EighAdjointResidual<T> Eigh<T>(T[] a, int[] shape) where T : unmanaged, INumberBase<T>
    {
        int n = LinearAlgebraChecks.Square("Eigh", "a", shape, a);
        T[] s = HermitianPart<T>(a, n);
        var (values, vectors) = typeof(T) == typeof(double)
            ? ((double[], T[]))Box(Decompositions.Eigh((double[])(object)s, n))
            : ((double[], T[]))Box(Decompositions.Eigh((Complex[])(object)s, n));
        return new EighAdjointResidual<T>(values, vectors, n);
    }

    /// <summary>M = Vᴴ·dS·V, dλ = Re diag(M), dV = V·(F∘M) with F_ij = 1/(λⱼ − λᵢ), F_ii = 0.</summary>
    public static (double[] Values, T[] Vectors) EighTangent<T>(EighAdjointResidual<T> r, T[] da) where T : unmanaged, INumberBase<T>
    {
        int n = r.Order;
        T[] v = r.Vectors, vh = Adjoint<T>(v, n, n);
        T[] m = Multiply<T>(Multiply<T>(vh, HermitianPart<T>(da, n), n, n, n), v, n, n, n);
        var dValues = new double[n];
        double largest = MaxAbs<T>(m);
        for (int i = 0; i < n; i++)
        {
            dValues[i] = Re(m[i * n + i]);
            for (int j = 0; j < n; j++)
                m[i * n + j] = i == j ? T.Zero : Divide(m[i * n + j], r.Values[j] - r.Values[i], Magnitude(m[i * n + j]), largest, r.Values, i, j, "Eigh", "eigenvalues");
        }
        return (dValues, Multiply<T>(v, m, n, n, n));
    }

    /// <summary>X = Vᴴ·V̄; Ā = V·H·Vᴴ with H_ii = λ̄ᵢ, H_ij = (X_ij − conj(X_ji)) / (2(λⱼ − λᵢ)) (the transpose of <see cref="EighTangent{T}"/>).</summary>
    public static T[] EighBackward<T>(EighAdjointResidual<T> r, double[]? valuesSeed, T[]? vectorsSeed) where T : unmanaged, INumberBase<T>
    {
        int n = r.Order;
        T[] v = r.Vectors, vh = Adjoint<T>(v, n, n);
        var h = new T[n * n];
        if (vectorsSeed is not null)
        {
            T[] x = Multiply<T>(vh, vectorsSeed, n, n, n);
            var skew = new T[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    skew[i * n + j] = x[i * n + j] - Conj(x[j * n + i]);
            double largest = MaxAbs<T>(x);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j)
                        h[i * n + j] = Divide(skew[i * n + j], 2 * (r.Values[j] - r.Values[i]), Magnitude(skew[i * n + j]), largest, r.Values, i, j, "Eigh", "eigenvalues");
        }
        if (valuesSeed is not null)
            for (int i = 0; i < n; i++)
                h[i * n + i] = Make<T>(valuesSeed[i]);
        return Multiply<T>(Multiply<T>(v, h, n, n, n), vh, n, n, n);
    }

    // ---- Svd --------------------------------------------------------------------------------------------------

    public static SvdAdjointResidual<T> Svd<T>(T[] a, int[] shape) where T : unmanaged, INumberBase<T>
    {
        var (m, n) = LinearAlgebraChecks.Matrix("Svd", "a", shape, a);
        var (u, s, vh) = typeof(T) == typeof(double)
            ? ((T[], double[], T[]))Box(Decompositions.Svd((double[])(object)a, m, n))
            : ((T[], double[], T[]))Box(Decompositions.Svd((Complex[])(object)a, m, n));
        return new SvdAdjointResidual<T>(u, s, vh, m, n);
    }

    /// <summary>
    /// dP = Uᴴ·dA·V; dS = Re diag(dP); Uᴴ·dU = F∘(dP·S + S·dPᴴ) + i·Im diag(dP)/S; Vᴴ·dV = F∘(S·dP + dPᴴ·S) with
    /// F_ij = 1/(sⱼ² − sᵢ²); plus (I − UUᴴ)·dA·V·S⁻¹ on dU and (I − VVᴴ)·dAᴴ·U·S⁻¹ on dV where the matrix is not square.
    /// </summary>
    public static (T[] U, double[] S, T[] Vh) SvdTangent<T>(SvdAdjointResidual<T> r, T[] da) where T : unmanaged, INumberBase<T>
    {
        int m = r.Rows, n = r.Columns, k = r.S.Length;
        double[] s = r.S;
        T[] u = r.U, v = Adjoint<T>(r.Vh, k, n), uh = Adjoint<T>(u, m, k);
        T[] y = Multiply<T>(da, v, m, n, k);                     // dA·V, m×k
        T[] z = Multiply<T>(Adjoint<T>(da, m, n), u, n, m, k);   // dAᴴ·U, n×k
        T[] dp = Multiply<T>(uh, y, k, m, k);
        var ds = new double[k];
        var omegaU = new T[k * k];
        var omegaV = new T[k * k];
        double largest = MaxAbs<T>(dp) * (k > 0 ? s[0] : 0);
        double[] squares = Squares(s);
        for (int i = 0; i < k; i++)
        {
            ds[i] = Re(dp[i * k + i]);
            if (IsComplex<T>() && Im(dp[i * k + i]) != 0)
                omegaU[i * k + i] = Make<T>(0, Im(dp[i * k + i]) / NonzeroSingular(s, i, "the phase of"));
            for (int j = 0; j < k; j++)
            {
                if (i == j)
                    continue;
                T dpij = dp[i * k + j], dpjiBar = Conj(dp[j * k + i]);
                T numU = dpij * Make<T>(s[j]) + Make<T>(s[i]) * dpjiBar;
                T numV = Make<T>(s[i]) * dpij + dpjiBar * Make<T>(s[j]);
                double gap = squares[j] - squares[i];
                omegaU[i * k + j] = Divide(numU, gap, Magnitude(numU), largest, squares, i, j, "Svd", "squared singular values");
                omegaV[i * k + j] = Divide(numV, gap, Magnitude(numV), largest, squares, i, j, "Svd", "squared singular values");
            }
        }
        T[] du = Multiply<T>(u, omegaU, m, k, k);
        T[] dv = Multiply<T>(v, omegaV, n, k, k);
        if (m > k)
            AddProjected(du, y, u, dp, s, m, k, "U");
        if (n > k)
            AddProjected(dv, z, v, Adjoint<T>(dp, k, k), s, n, k, "V");
        return (du, ds, Adjoint<T>(dv, n, k));
    }

    /// <summary>
    /// J = Uᴴ·Ū, K = Vᴴ·V̄ (V̄ = V̄hᴴ); P̄_ij = F_ij·((J_ij − conj J_ji)·sⱼ + sᵢ·(K_ij − conj K_ji)), P̄_ii = S̄ᵢ + i·Im J_ii/sᵢ;
    /// Ā = U·P̄·Vᴴ + (Ū − U·J)·S⁻¹·Vᴴ + U·S⁻¹·(V̄ − V·K)ᴴ (the last two only where the matrix is not square).
    /// </summary>
    public static T[] SvdBackward<T>(SvdAdjointResidual<T> r, T[]? uSeed, double[]? sSeed, T[]? vhSeed) where T : unmanaged, INumberBase<T>
    {
        int m = r.Rows, n = r.Columns, k = r.S.Length;
        double[] s = r.S, squares = Squares(s);
        T[] u = r.U, v = Adjoint<T>(r.Vh, k, n);
        T[] j_ = uSeed is null ? new T[k * k] : Multiply<T>(Adjoint<T>(u, m, k), uSeed, k, m, k);
        T[]? vSeed = vhSeed is null ? null : Adjoint<T>(vhSeed, k, n);
        T[] kk = vSeed is null ? new T[k * k] : Multiply<T>(r.Vh, vSeed, k, n, k);
        var p = new T[k * k];
        var terms = new T[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                if (i != j)
                    terms[i * k + j] = (j_[i * k + j] - Conj(j_[j * k + i])) * Make<T>(s[j]) + Make<T>(s[i]) * (kk[i * k + j] - Conj(kk[j * k + i]));
        double largest = MaxAbs<T>(terms);
        for (int i = 0; i < k; i++)
        {
            double imag = Im(j_[i * k + i]);
            p[i * k + i] = Make<T>(sSeed?[i] ?? 0, IsComplex<T>() && imag != 0 ? imag / NonzeroSingular(s, i, "the phase of") : 0);
            for (int j = 0; j < k; j++)
                if (i != j)
                    p[i * k + j] = Divide(terms[i * k + j], squares[j] - squares[i], Magnitude(terms[i * k + j]), largest, squares, i, j, "Svd", "squared singular values");
        }
        T[] aBar = Multiply<T>(Multiply<T>(u, p, m, k, k), r.Vh, m, k, n);
        if (m > k && uSeed is not null)
        {
            // (Ū − U·J)·S⁻¹·Vᴴ
            T[] w = Multiply<T>(u, j_, m, k, k);
            for (int i = 0; i < m; i++)
                for (int c = 0; c < k; c++)
                    w[i * k + c] = (uSeed[i * k + c] - w[i * k + c]) / Make<T>(NonzeroSingular(s, c, "U's projection onto"));
            Accumulate(aBar, Multiply<T>(w, r.Vh, m, k, n));
        }
        if (n > k && vSeed is not null)
        {
            // U·S⁻¹·(V̄ − V·K)ᴴ
            T[] w = Multiply<T>(v, kk, n, k, k);
            for (int i = 0; i < n; i++)
                for (int c = 0; c < k; c++)
                    w[i * k + c] = (vSeed[i * k + c] - w[i * k + c]) / Make<T>(NonzeroSingular(s, c, "V's projection onto"));
            Accumulate(aBar, Multiply<T>(u, Adjoint<T>(w, n, k), m, k, n));
        }
        return aBar;
    }

    /// <summary>d += (Y − Q·C)·S⁻¹, the component of a factor's tangent outside the span of Q (rows×k).</summary>
    private static void AddProjected<T>(T[] d, T[] y, T[] q, T[] c, double[] s, int rows, int k, string factor) where T : unmanaged, INumberBase<T>
    {
        T[] qc = Multiply<T>(q, c, rows, k, k);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < k; j++)
            {
                T t = y[i * k + j] - qc[i * k + j];
                if (t != T.Zero)
                    d[i * k + j] += t / Make<T>(NonzeroSingular(s, j, factor + "'s projection onto"));
            }
    }

    private static double NonzeroSingular(double[] s, int i, string what) =>
        s[i] != 0 ? s[i] : throw new ArgumentException($"Svd's derivative: singular value {i} is zero, so {what} singular vector {i} has no derivative; it exists only for a zero seed there.", "a");

    /// <summary>num/gap, or zero where the pair is degenerate and num negligible; an ArgumentException where it is degenerate and not.</summary>
    private static T Divide<T>(T num, double gap, double numMagnitude, double largestNum, double[] values, int i, int j, string operation, string what)
        where T : unmanaged, INumberBase<T>
    {
        double scale = Math.Max(Math.Abs(values[0]), Math.Abs(values[^1]));
        if (Math.Abs(gap) > GapTolerance * scale * Math.Max(1, values.Length / 8.0))
            return num / Make<T>(gap);
        if (numMagnitude <= TermTolerance * largestNum)
            return T.Zero;
        throw new ArgumentException(
            $"{operation}'s derivative does not exist here: {what} {i} and {j} are equal ({values[i]:R} and {values[j]:R}, gap {Math.Abs(values[j] - values[i]):R}), and the seed or tangent is not invariant under rotations of their vectors (term {numMagnitude:G3}).",
            "a");
    }

    private static double Magnitude<T>(T x) where T : unmanaged, INumberBase<T> => Math.Sqrt(Re(x) * Re(x) + Im(x) * Im(x));

    private static double[] Squares(double[] s)
    {
        var q = new double[s.Length];
        for (int i = 0; i < q.Length; i++)
            q[i] = s[i] * s[i];
        return q;
    }

    private static void Accumulate<T>(T[] target, T[] x) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < target.Length; i++)
            target[i] += x[i];
    }

    private static object Box<TTuple>(TTuple t) => t!;
}
