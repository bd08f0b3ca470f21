using System;
using System.Numerics;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>
/// A reference matrix exponential in double-double arithmetic, deliberately plain: scale A by 2⁻ˢ until
/// ‖2⁻ˢA‖₁ ≤ 1/4, sum the Taylor series of e^(2⁻ˢA) term by term to a degree whose remainder is below 1e-35
/// relative, and square s times. With a unit roundoff of ~5e-32 this is 15 or more digits better than the double
/// algorithms it checks, even after the error growth of the squarings on the hard (non-normal, large-norm)
/// matrices the tests use: those errors are of the order of u_dd times the growth a double algorithm suffers
/// times u_double, so a double algorithm losing k digits costs the reference k of its ~31.
/// The Fréchet derivative is the upper right block of exp([[A, E], [0, A]]) (Higham, Functions of Matrices,
/// SIAM 2008, (3.16); Mathias 1996), computed the same way.
/// </summary>
/// <remarks>Matrices are row-major n×n arrays.</remarks>
internal static class ReferenceExpm
{
    /// <summary>The scaled matrix has ‖2⁻ˢA‖₁ ≤ this.</summary>
    public const double ScaledNormBound = 0.25;

    /// <summary>The Taylor remainder is below this times ‖e^(2⁻ˢA)‖₁.</summary>
    public const double TaylorTolerance = 1e-35;

    public static ComplexDoubleDouble[] FromReal(double[] a) => Array.ConvertAll(a, x => (ComplexDoubleDouble)x);

    public static ComplexDoubleDouble[] FromComplex(Complex[] a) => Array.ConvertAll(a, z => (ComplexDoubleDouble)z);

    public static Complex[] ToComplex(ComplexDoubleDouble[] x) => Array.ConvertAll(x, z => z.ToComplex());

    public static ComplexDoubleDouble[] Identity(int n)
    {
        var x = new ComplexDoubleDouble[n * n];
        Array.Fill(x, ComplexDoubleDouble.Zero);
        for (int i = 0; i < n; i++)
            x[i * n + i] = ComplexDoubleDouble.One;
        return x;
    }

    /// <summary>‖A‖₁ in double (moduli from the high parts: relative error of a few u, which is all the scaling needs).</summary>
    public static double OneNorm(ComplexDoubleDouble[] a, int n)
    {
        double max = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += a[i * n + j].Magnitude;
            max = Math.Max(max, sum);
        }
        return max;
    }

    /// <summary>‖A‖_F in double.</summary>
    public static double FrobeniusNorm(ComplexDoubleDouble[] a)
    {
        double scale = 0;
        foreach (ComplexDoubleDouble z in a)
            scale = Math.Max(scale, z.Magnitude);
        if (scale == 0)
            return 0;
        double sum = 0;
        foreach (ComplexDoubleDouble z in a)
        {
            double m = z.Magnitude / scale;
            sum += m * m;
        }
        return scale * Math.Sqrt(sum);
    }

    /// <summary>C = A·B, every inner product accumulated in double-double (zero entries of A skipped).</summary>
    public static ComplexDoubleDouble[] Multiply(ComplexDoubleDouble[] a, ComplexDoubleDouble[] b, int n)
    {
        var c = new ComplexDoubleDouble[n * n];
        Array.Fill(c, ComplexDoubleDouble.Zero);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                ComplexDoubleDouble aik = a[i * n + k];
                if (aik.IsZero)
                    continue;
                for (int j = 0; j < n; j++)
                {
                    ComplexDoubleDouble bkj = b[k * n + j];
                    if (!bkj.IsZero)
                        c[i * n + j] += aik * bkj;
                }
            }
        }
        return c;
    }

    public static ComplexDoubleDouble[] ConjugateTranspose(ComplexDoubleDouble[] a, int n)
    {
        var c = new ComplexDoubleDouble[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                c[j * n + i] = ComplexDoubleDouble.Conjugate(a[i * n + j]);
        return c;
    }

    /// <summary>
    /// The smallest m with Σ_{k>m} θᵏ/k! ≤ <see cref="TaylorTolerance"/>·e^(−θ). The sum is at most
    /// θ^(m+1)/(m+1)! · 1/(1 − θ/(m+2)), and ‖e^X‖ ≥ 1/‖e^(−X)‖ ≥ e^(−θ) for ‖X‖ ≤ θ, so the truncated series
    /// has a relative error below the tolerance. (θ = 1/4 gives m = 22.)
    /// </summary>
    public static int TaylorDegree(double theta)
    {
        if (theta == 0)
            return 0;
        double term = 1; // θ^(m+1)/(m+1)! for the current m, starting at m = 0: θ/1!
        for (int m = 0; ; m++)
        {
            term *= theta / (m + 1);
            if (term / (1 - theta / (m + 2)) <= TaylorTolerance * Math.Exp(-theta))
                return m;
        }
    }

    /// <summary>e^A in double-double (see the class summary).</summary>
    public static ComplexDoubleDouble[] Exp(ComplexDoubleDouble[] a, int n) => Exp(a, n, out _);

    /// <summary>
    /// e^A in double-double, and the number s of squarings it used. <paramref name="extraSquarings"/> scales by
    /// a further power of two (to check the reference against itself); <paramref name="exactTriangularDiagonal"/>
    /// (on by default) writes the diagonal of every e^(2⁻ʲA) as the scalar exponentials e^(2⁻ʲa_ii) when A is
    /// triangular (the diagonal of e^T is e^(t_ii); Al-Mohy &amp; Higham 2009, §2, do the same in double). Without it
    /// the relative error of a diagonal entry grows like 2ˢ·u² through the squarings, which for ‖A‖ ~ 1e17
    /// (s ≈ 60) would reach 1e-14 and leak into the off-diagonal entries.
    /// </summary>
    public static ComplexDoubleDouble[] Exp(ComplexDoubleDouble[] a, int n, out int squarings,
        int extraSquarings = 0, bool exactTriangularDiagonal = true)
    {
        double norm = OneNorm(a, n) * (1 + 1e-12); // the double 1-norm errs by far less than this margin
        int s = 0;
        while (Math.ScaleB(norm, -s) > ScaledNormBound)
            s++;
        s += extraSquarings;
        int m = TaylorDegree(Math.ScaleB(norm, -s));
        ComplexDoubleDouble[] x = Array.ConvertAll(a, z => ComplexDoubleDouble.ScaleB(z, -s)); // exact
        ComplexDoubleDouble[] sum = Identity(n), term = Identity(n);
        for (int k = 1; k <= m; k++)
        {
            term = Multiply(term, x, n);
            for (int i = 0; i < term.Length; i++)
            {
                term[i] /= (DoubleDouble)k;
                sum[i] += term[i];
            }
        }
        bool triangular = exactTriangularDiagonal && IsTriangular(a, n);
        for (int k = 0; k <= s; k++)
        {
            if (k > 0)
                sum = Multiply(sum, sum, n);
            if (triangular)
            {
                for (int i = 0; i < n; i++)
                    sum[i * n + i] = ComplexDoubleDouble.Exp(ComplexDoubleDouble.ScaleB(a[i * n + i], k - s));
            }
        }
        squarings = s;
        return sum;
    }

    /// <summary>Whether A is upper or lower triangular (or both).</summary>
    public static bool IsTriangular(ComplexDoubleDouble[] a, int n)
    {
        bool upper = true, lower = true;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (a[i * n + j].IsZero)
                    continue;
                if (i > j)
                    upper = false;
                if (i < j)
                    lower = false;
            }
        }
        return upper || lower;
    }

    /// <summary>
    /// L(A, E) = d/dt e^(A + tE) at t = 0 as the upper right n×n block of exp([[A, 2⁻ᵗE], [0, A]]) times 2ᵗ, with
    /// 2⁻ᵗ (exact) bringing ‖E‖₁ to about max(‖A‖₁, 1) so that the block is neither swamped by nor swamps e^A.
    /// </summary>
    public static ComplexDoubleDouble[] Frechet(ComplexDoubleDouble[] a, ComplexDoubleDouble[] e, int n)
    {
        double na = OneNorm(a, n), ne = OneNorm(e, n);
        if (ne == 0)
        {
            var zero = new ComplexDoubleDouble[n * n];
            Array.Fill(zero, ComplexDoubleDouble.Zero);
            return zero;
        }
        return ReferenceFrechet.Block(Exp, a, e, n, Math.ILogB(ne) - Math.ILogB(Math.Max(na, 1)));
    }

    /// <summary>
    /// A lower bound on the relative condition number κ_exp(A) = ‖L(A)‖_F·‖A‖_F/‖e^A‖_F (Higham, Functions of
    /// Matrices, Thm 3.1 and §10.2) by the power method on L(A)*L(A), L(A)* = L(Aᴴ) (Frobenius inner product),
    /// from a fixed pseudo-random start. A lower bound makes a tolerance built on it stricter, never looser.
    /// </summary>
    public static double Condition(ComplexDoubleDouble[] a, int n, ComplexDoubleDouble[] expA, int iterations = 3) =>
        ReferenceFrechet.Condition(Frechet, a, n, expA, 12345, iterations);
}
