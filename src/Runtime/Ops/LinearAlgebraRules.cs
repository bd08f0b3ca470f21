using System;
using System.Numerics;
using Diff.Kernels;
using static Diff.Kernels.DenseMatrix;

namespace Diff;

/// <summary>
/// The values and derivative rules of Solve, Inverse, Det, LogDet, SlogDet and Cholesky, once for real and complex
/// matrices (row-major arrays of <see cref="double"/> or <see cref="Complex"/>). The public overloads in
/// <c>Ops.LinearAlgebra*.cs</c> check shapes and wrap these. Rules from M. B. Giles, "An extended collection of matrix
/// derivative results for forward and reverse mode algorithmic differentiation", Oxford NA Report 08/01 (2008), §2.2
/// (inverse, determinant, solve) and I. Murray, "Differentiation of the Cholesky decomposition", arXiv:1602.07527
/// (2016), eqs. 7–10. Complex convention: an adjoint is ∂L/∂Re + i·∂L/∂Im, so the adjoint of a holomorphic rule
/// uses the conjugate transposes (Aᴴ where Giles writes Aᵀ).
/// </summary>
internal static class LinearAlgebraRules
{
    // ---- Solve: X = A⁻¹B; dX = A⁻¹(dB − dA·X); B̄ = A⁻ᴴX̄, Ā = −B̄·Xᴴ (Giles §2.2.3) -------------------------------

    public static (T[] X, LuAdjointResidual<T> Residual) Solve<T>(T[] a, int[] aShape, T[] b, int[] bShape) where T : unmanaged, INumberBase<T>
    {
        int n = LinearAlgebraChecks.Square("Solve", "a", aShape, a);
        int k = LinearAlgebraChecks.RightHandSide(aShape, bShape, b);
        var lu = LuFactors<T>.Of(a, n);
        if (lu.Singular)
            throw LinearAlgebraChecks.Singular("Solve", "a", aShape);
        T[] x = lu.Solve(b, k);
        return (x, new LuAdjointResidual<T>(lu, a, aShape, x, bShape));
    }

    public static T[] SolveTangent<T>(LuAdjointResidual<T> r, T[] da, T[] db) where T : unmanaged, INumberBase<T>
    {
        int n = r.Factors.Order, k = r.Solution!.Length / Math.Max(n, 1);
        T[] rhs = Multiply<T>(da, r.Solution, n, n, k);
        for (int i = 0; i < rhs.Length; i++)
            rhs[i] = db[i] - rhs[i];
        return r.Factors.Solve(rhs, k);
    }

    public static (T[] A, T[] B) SolveBackward<T>(LuAdjointResidual<T> r, T[] seed) where T : unmanaged, INumberBase<T>
    {
        int n = r.Factors.Order, k = r.Solution!.Length / Math.Max(n, 1);
        T[] bBar = r.Factors.SolveAdjoint(seed, k);
        T[] aBar = Multiply<T>(bBar, Adjoint<T>(r.Solution, n, k), n, k, n);
        Negate(aBar);
        return (aBar, bBar);
    }

    // ---- Inverse: X = A⁻¹; dX = −X·dA·X; Ā = −Xᴴ·X̄·Xᴴ (Giles §2.2.1) ---------------------------------------------

    public static T[] Inverse<T>(T[] a, int[] shape) where T : unmanaged, INumberBase<T>
    {
        int n = LinearAlgebraChecks.Square("Inverse", "a", shape, a);
        var lu = LuFactors<T>.Of(a, n);
        if (lu.Singular)
            throw LinearAlgebraChecks.Singular("Inverse", "a", shape);
        return lu.Inverse();
    }

    public static T[] InverseTangent<T>(T[] x, T[] da, int n) where T : unmanaged, INumberBase<T>
    {
        T[] dx = Multiply<T>(Multiply<T>(x, da, n, n, n), x, n, n, n);
        Negate(dx);
        return dx;
    }

    public static T[] InverseBackward<T>(T[] x, T[] seed, int n) where T : unmanaged, INumberBase<T>
    {
        T[] xh = Adjoint<T>(x, n, n);
        T[] aBar = Multiply<T>(Multiply<T>(xh, seed, n, n, n), xh, n, n, n);
        Negate(aBar);
        return aBar;
    }

    // ---- Det: d(det A) = tr(adj(A)·dA) (Jacobi's formula; Giles §2.2.2 with adj(A) = det(A)·A⁻¹) ---------------

    public static (T Value, LuAdjointResidual<T> Residual) Det<T>(T[] a, int[] shape) where T : unmanaged, INumberBase<T>
    {
        int n = LinearAlgebraChecks.Square("Det", "a", shape, a);
        var lu = LuFactors<T>.Of(a, n);
        return (lu.Determinant(), new LuAdjointResidual<T>(lu, a, shape, null, null));
    }

    /// <summary>
    /// adj(A), so that d(det A) = tr(adj(A)·dA) also where A is singular (Giles' det(A)·A⁻¹ needs A⁻¹). Nonsingular:
    /// det(A)·A⁻¹ from the LU factors. Singular: from the SVD A = U·Σ·Vᴴ, adj(A) = adj(Vᴴ)·adj(Σ)·adj(U) =
    /// det(U)·det(Vᴴ)·V·diag(Πⱼ≠ᵢ σⱼ)·Uᴴ (adj(Q) = det(Q)·Qᴴ for unitary Q), which is exact at rank n − 1 and zero below.
    /// </summary>
    public static T[] Adjugate<T>(LuAdjointResidual<T> r) where T : unmanaged, INumberBase<T>
    {
        int n = r.Factors.Order;
        if (!r.Factors.Singular)
        {
            T[] inverse = r.Factors.Inverse();
            T d = r.Factors.Determinant();
            for (int i = 0; i < inverse.Length; i++)
                inverse[i] *= d;
            return inverse;
        }
        var (u, s, vh) = typeof(T) == typeof(double)
            ? Cast<double, T>(Decompositions.Svd((double[])(object)r.A, n, n))
            : Cast<Complex, T>(Decompositions.Svd((Complex[])(object)r.A, n, n));
        T phase = LuFactors<T>.Of(u, n).Determinant() * LuFactors<T>.Of(vh, n).Determinant();
        T[] v = Adjoint<T>(vh, n, n);
        for (int j = 0; j < n; j++)
        {
            double others = 1;
            for (int i = 0; i < n; i++)
                others *= i == j ? 1 : s[i];
            T scale = phase * Make<T>(others);
            for (int i = 0; i < n; i++)
                v[i * n + j] *= scale;
        }
        return Multiply<T>(v, Adjoint<T>(u, n, n), n, n, n);
    }

    // ---- LogDet, SlogDet: d log det A = tr(A⁻¹·dA) (Giles §2.2.2) -----------------------------------------------

    /// <summary>A⁻¹ for the derivative of a log-determinant, which does not exist where A is singular.</summary>
    public static T[] InverseForLogDet<T>(LuAdjointResidual<T> r, string operation) where T : unmanaged, INumberBase<T>
    {
        if (r.Factors.Singular)
            throw new ArgumentException($"{operation}: a (shape {Shapes.Format(r.AShape)}) is singular, so log |det a| is −∞ and has no derivative.", "a");
        return r.Factors.Inverse();
    }

    // ---- Cholesky: S = ½(A + Aᴴ) = L·Lᴴ; Murray (2016) eqs. 7 (forward) and 10 (reverse) ---------------------------

    public static CholeskyAdjointResidual<T> Cholesky<T>(T[] a, int[] shape) where T : unmanaged, INumberBase<T>
    {
        int n = LinearAlgebraChecks.Square("Cholesky", "a", shape, a);
        T[] s = HermitianPart<T>(a, n);
        T[] l = Decompositions.Cholesky<T>(s, n)
            ?? throw new ArgumentException($"Cholesky: a (shape {Shapes.Format(shape)}) is not positive definite: its Hermitian part ½(a + aᴴ) has a pivot ≤ 0 (or NaN) in the factorisation.", "a");
        return new CholeskyAdjointResidual<T>(l, LowerInverse(l, n), n);
    }

    /// <summary>dL = L·Φ(L⁻¹·dS·L⁻ᴴ), dS = ½(dA + dAᴴ), Φ the lower triangle with the diagonal halved (Murray eq. 7).</summary>
    public static T[] CholeskyTangent<T>(CholeskyAdjointResidual<T> r, T[] da) where T : unmanaged, INumberBase<T>
    {
        int n = r.Order;
        T[] ds = HermitianPart<T>(da, n);
        T[] m = Multiply<T>(Multiply<T>(r.InverseFactor, ds, n, n, n), Adjoint<T>(r.InverseFactor, n, n), n, n, n);
        Phi(m, n);
        return Multiply<T>(r.Factor, m, n, n, n);
    }

    /// <summary>P = Φ(Lᴴ·L̄), Q = L⁻ᴴ·P·L⁻¹, Ā = ½(Q + Qᴴ) (Murray eq. 10, with the symmetrisation of dS = ½(dA + dAᴴ)).</summary>
    public static T[] CholeskyBackward<T>(CholeskyAdjointResidual<T> r, T[] seed) where T : unmanaged, INumberBase<T>
    {
        int n = r.Order;
        T[] p = Multiply<T>(Adjoint<T>(r.Factor, n, n), seed, n, n, n);
        Phi(p, n);
        T[] q = Multiply<T>(Multiply<T>(Adjoint<T>(r.InverseFactor, n, n), p, n, n, n), r.InverseFactor, n, n, n);
        return HermitianPart<T>(q, n);
    }

    /// <summary>L⁻¹ of a lower-triangular L, row by row: X[i, :] = (eᵢ − Σₖ₍ᵢ L[i, k]·X[k, :]) / L[i, i].</summary>
    private static T[] LowerInverse<T>(T[] l, int n) where T : unmanaged, INumberBase<T>
    {
        var x = new T[n * n];
        for (int i = 0; i < n; i++)
        {
            Span<T> row = x.AsSpan(i * n, i + 1);
            row[i] = T.One;
            for (int k = 0; k < i; k++)
            {
                T lik = l[i * n + k];
                if (lik != T.Zero)
                    Lu.Axpy(-lik, x.AsSpan(k * n, i + 1), row);
            }
            T inverse = T.One / l[i * n + i];
            for (int j = 0; j <= i; j++)
                row[j] *= inverse;
        }
        return x;
    }

    /// <summary>Φ: keeps the lower triangle, halves the diagonal, clears the rest.</summary>
    private static void Phi<T>(T[] m, int n) where T : unmanaged, INumberBase<T>
    {
        T half = Make<T>(0.5);
        for (int i = 0; i < n; i++)
        {
            m[i * n + i] *= half;
            m.AsSpan(i * n + i + 1, n - i - 1).Clear();
        }
    }

    public static void Negate<T>(T[] x) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < x.Length; i++)
            x[i] = -x[i];
    }

    private static (T[] U, double[] S, T[] Vh) Cast<TFrom, T>((TFrom[] U, double[] S, TFrom[] Vh) f) => ((T[])(object)f.U, f.S, (T[])(object)f.Vh);
}
