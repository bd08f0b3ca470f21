using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using static Diff.Runtime.Tests.MatrixFunctions.GalleryMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// Matrices that are hard for the inverse scaling and squaring logarithm, all with their spectrum off the closed
/// negative real axis (where the double-double reference applies; the branch cases with closed forms are in
/// <see cref="LogmHardMatricesTests"/>). Sources:
/// <list type="bullet">
/// <item>Al-Mohy &amp; Higham, "Improved inverse scaling and squaring algorithms for the matrix logarithm", SIAM J.
/// Sci. Comput. 34(4), 2012, §6 (test matrices from the Matrix Computation Toolbox and the literature; triangular
/// matrices with large off-diagonal entries, where too many square roots and an inaccurate T^(1/2^s) − I lose
/// accuracy, §4–5).</item>
/// <item>Higham, <i>Functions of Matrices</i>, SIAM 2008, ch. 11 (near-identity matrices, where log A ≈ A − I must
/// keep its relative accuracy; the 2×2 triangular formula (11.28) with close eigenvalues; eigenvalues near the
/// branch cut, where κ_log grows like 1/dist(λ, ℝ⁻)).</item>
/// <item>Kenney &amp; Laub, "Condition estimates for matrix functions", SIAM J. Matrix Anal. Appl. 10(2), 1989, and
/// Cheng, Higham, Kenney &amp; Laub, "Approximating the logarithm of a matrix to specified accuracy", SIAM J. Matrix
/// Anal. Appl. 22(4), 2001 (nearly singular and ill-conditioned SPD matrices).</item>
/// <item>Higham's gallery / Matrix Computation Toolbox: Frank, Kahan, Forsythe, lesp, chebspec, Hilbert, Pascal,
/// Moler (MATLAB gallery definitions; lesp negated and chebspec shifted to keep the spectrum off ℝ⁻).</item>
/// </list>
/// </summary>
internal static class LogmHardMatrices
{
    private static readonly Lazy<List<HardMatrix>> Cases = new(Build);

    public static IReadOnlyList<HardMatrix> All => Cases.Value;

    public static HardMatrix Get(string name) => All.Single(c => c.Name == name);

    private static List<HardMatrix> Build()
    {
        var list = new List<HardMatrix>();
        void Add(string name, int n, Complex[] a) => list.Add(new HardMatrix(name, n, a));
        void AddReal(string name, int n, params double[] a) => Add(name, n, Array.ConvertAll(a, x => new Complex(x, 0)));

        // ---- Identity and near identity: log(I + εB) = εB − ε²B²/2 + …, to be accurate relative to ε (Higham 2008,
        // §11.3; the runtime works on the Schur form of A − I for this).
        AddReal("identity 4x4", 4, Diagonal(4, 1));
        foreach (double eps in new[] { 1e-8, 1e-6, 1e-4, 1e-2 })
            AddReal($"I + eps*B real n=5 eps={Sci(eps)}", 5, PlusIdentity(ExpmTestMatrices.RandomReal(5, 800, eps).Data, 5));
        foreach (double eps in new[] { 1e-8, 1e-4 })
            Add($"I + eps*B complex n=4 eps={Sci(eps)}", 4, PlusIdentity(ExpmTestMatrices.RandomComplex(4, 801, eps).Data, 4));
        // ‖A − I‖ just below θ₁ = 1.59e-5, where the runtime takes the [1/1] Padé approximant, whose relative
        // truncation error ‖X‖²/12 is ~5e-12 here: above 1e-12, within 10n·κ_log·u (κ_log ≈ ‖A‖/‖log A‖ ≈ 1e5).
        AddReal("I + eps*B real n=4 eps=1.2e-5", 4, PlusIdentity(ExpmTestMatrices.RandomReal(4, 800, 1.2e-5).Data, 4));
        {
            double[] b = ExpmTestMatrices.RandomReal(6, 802, 1e-7).Data;
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < i; j++)
                    b[i * 6 + j] = 0;
            AddReal("I + eps*upper triangular n=6 eps=1e-7", 6, PlusIdentity(b, 6));
        }

        // ---- 2×2 triangular [[λ₁, t], [0, λ₂]] and its transpose: close or equal eigenvalues under large couplings
        // (Al-Mohy & Higham 2012, §5; the off-diagonal of the log is t·(log λ₂ − log λ₁)/(λ₂ − λ₁)).
        (string, double, double)[] pairs = [("close", 1, 1 + 1e-6), ("equal", 2, 2), ("far", 0.5, 3), ("tiny-big", 1e-4, 1e4)];
        foreach (double t in new[] { 1e4, 1e8 })
        {
            foreach ((string label, double l1, double l2) in pairs)
            {
                AddReal($"upper 2x2 {label} ({l1}, {l2}) t={Sci(t)}", 2, l1, t, 0, l2);
                AddReal($"lower 2x2 {label} ({l1}, {l2}) t={Sci(t)}", 2, l1, 0, t, l2);
            }
            Add($"complex upper 2x2 close (1+i, 1+i+1e-7) t={Sci(t)}", 2,
                [new Complex(1, 1), t, 0, new Complex(1 + 1e-7, 1)]);
        }
        AddReal("3x3 upper diag (1,2,3) couplings 1e4, 1e8", 3, 1, 1e4, 1e8, 0, 2, 1e4, 0, 0, 3);
        AddReal("4x4 upper diag (1,1+1e-8,2,2+1e-8) couplings 1e4", 4,
            1, 1e4, 1e4, 1e4, 0, 1 + 1e-8, 1e4, 1e4, 0, 0, 2, 1e4, 0, 0, 0, 2 + 1e-8);
        {
            // Upper triangular, diagonal 1…8, couplings 1e3/(j − i): ‖log A‖ grows like the couplings' products.
            int n = 8;
            var a = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++)
                    a[i * n + j] = i == j ? i + 1.0 : 1e3 / (j - i);
            AddReal("upper 8x8 diag 1..8 couplings 1e3/(j-i)", n, a);
        }

        // ---- Jordan blocks.
        AddReal("Jordan n=8 lambda=1", 8, Jordan(8, 1, 1));
        AddReal("Jordan n=6 lambda=2 superdiagonal 1e3", 6, Jordan(6, 2, 1e3));
        AddReal("Jordan n=4 lambda=1e-3", 4, Jordan(4, 1e-3, 1));
        {
            var c = new Complex[25];
            for (int i = 0; i < 5; i++)
            {
                c[i * 5 + i] = Complex.ImaginaryOne;
                if (i < 4)
                    c[i * 5 + i + 1] = 1;
            }
            Add("complex Jordan n=5 lambda=i", 5, c);
        }
        // gallery('forsythe', 10, 1e-10, 1): eigenvalues 1 + 0.1·ω (ω the 10th roots of unity).
        AddReal("forsythe n=10 alpha=1e-10 lambda=1", 10, Jordan(10, 1, 1, corner: 1e-10));

        // ---- Eigenvalues near the negative real axis (κ_log ~ 1/distance): complex inputs, and real ones with a
        // complex pair close to −1.
        Add("1x1 -1+1e-6i", 1, [new Complex(-1, 1e-6)]);
        Add("1x1 -1-1e-6i", 1, [new Complex(-1, -1e-6)]);
        Add("1x1 -1e4+1e-3i", 1, [new Complex(-1e4, 1e-3)]);
        {
            double angle = Math.PI - 1e-6;
            Complex p = Complex.FromPolarCoordinates(1, angle), m = Complex.FromPolarCoordinates(1, -angle);
            Add("complex diag e^(+-i(pi-1e-6))", 2, [p, 0, 0, m]);
            Add("complex upper 2x2 e^(+-i(pi-1e-6)) t=1", 2, [p, 1, 0, m]);
            Add("complex normal n=4 eigenvalues -1+-1e-6i, 2, i", 4,
                Normal(4, 810, [new Complex(-1, 1e-6), new Complex(-1, -1e-6), 2, Complex.ImaginaryOne]));
        }
        AddReal("real [[-1, 1e-6], [-1e-6, -1]]", 2, -1, 1e-6, -1e-6, -1);
        foreach (double gap in new[] { 1e-3, 1e-6 })
        {
            double t = Math.PI - gap;
            AddReal($"rotation angle pi-{Sci(gap)}", 2, Math.Cos(t), -Math.Sin(t), Math.Sin(t), Math.Cos(t));
        }
        Add("real orthogonal n=4 rotations pi-1e-3 and 1", 4, RealRotations(811, [Math.PI - 1e-3, 1]));
        Add("real orthogonal n=6 rotations 3, 2, 0.5", 6, RealRotations(812, [3, 2, 0.5]));

        // ---- Unitary matrices (normal, eigenvalues on the unit circle away from −1).
        foreach (int n in new[] { 3, 8 })
        {
            var random = new Random(820 + n);
            var lambda = new Complex[n];
            for (int i = 0; i < n; i++)
                lambda[i] = Complex.FromPolarCoordinates(1, (2 * random.NextDouble() - 1) * 3.0);
            Add($"unitary n={n} angles in (-3, 3)", n, Normal(n, 830 + n, lambda));
        }

        // ---- Symmetric positive definite, large eigenvalue ratios; Hilbert, Pascal, Moler.
        foreach (double ratio in new[] { 1e8, 1e12 })
        {
            int n = 6;
            var lambda = new Complex[n];
            for (int i = 0; i < n; i++)
                lambda[i] = Math.Pow(ratio, -(double)i / (n - 1));
            Add($"SPD n=6 eigenvalues 1 .. 1/{Sci(ratio)}", n, Normal(n, 840, lambda, real: true));
        }
        foreach (int n in new[] { 6, 8 })
            AddReal($"hilbert n={n}", n, Hilbert(n));
        foreach (int n in new[] { 6, 8 })
            AddReal($"pascal n={n}", n, Pascal(n));
        AddReal("moler n=8", 8, Moler(8));

        // ---- Large and tiny norms.
        foreach (double scale in new[] { 1e8, 1e-8 })
        {
            double[] a = ExpmTestMatrices.RandomReal(5, 850, scale).Data;
            for (int i = 0; i < 5; i++)
                a[i * 5 + i] += 2 * scale;
            AddReal($"random real n=5 scale={Sci(scale)} shifted by 2*scale", 5, a);
            Complex[] c = ExpmTestMatrices.RandomComplex(5, 851, scale).Data;
            Add($"random complex n=5 scale={Sci(scale)}", 5, c);
        }

        // ---- Nearly singular, the smallest eigenvalue above the singularity threshold n·u·‖A‖₁.
        AddReal("real symmetric n=3 eigenvalues 1, 2, 1e-10", 3, Array.ConvertAll(Normal(3, 860, [1, 2, 1e-10], real: true), z => z.Real));
        AddReal("upper 2x2 [[1e-10, 1], [0, 1]]", 2, 1e-10, 1, 0, 1);
        Add("complex normal n=4 smallest eigenvalue 1e-13", 4, Normal(4, 861, [1, new Complex(0, 2), new Complex(-1, 1), new Complex(1e-13, 1e-13)]));
        AddReal("diagonal (1, 1, 1e-15)", 3, 1, 0, 0, 0, 1, 0, 0, 0, 1e-15);

        // ---- Random, sizes 1 … 16 (real ones shifted by 1.5·I: a random real matrix often has a negative eigenvalue).
        foreach (int n in new[] { 1, 2, 3, 4, 5, 8, 12, 16 })
            AddReal($"random real n={n} + 1.5I", n, PlusIdentity(ExpmTestMatrices.RandomReal(n, 870 + n, 1).Data, n, 1.5));
        foreach (int n in new[] { 1, 2, 3, 5, 8, 16 })
            Add($"random complex n={n}", n, ExpmTestMatrices.RandomComplex(n, 880 + n, 1).Data);
        AddReal("random real n=8 scale=10 + 12I", 8, PlusIdentity(ExpmTestMatrices.RandomReal(8, 890, 10).Data, 8, 12));

        // ---- Gallery matrices.
        foreach (int n in new[] { 8, 12 })
            AddReal($"frank n={n}", n, Frank(n));
        foreach (int n in new[] { 8, 16 })
            AddReal($"kahan n={n} theta=1.2", n, Kahan(n, 1.2));
        foreach (int n in new[] { 8, 12 })
            AddReal($"-lesp n={n}", n, Array.ConvertAll(Lesp(n), x => -x));
        AddReal("chebspec n=8 + 10I", 8, PlusIdentity(Chebspec(8), 8, 10));
        return list;
    }

    /// <summary>1e4, 1e-8, 30 (names that read like the literature's).</summary>
    internal static string Sci(double x) =>
        Math.Abs(Math.Log10(x) - Math.Round(Math.Log10(x))) < 1e-12 && Math.Abs(x) >= 1e3 || Math.Abs(x) < 1e-2
            ? x.ToString("0E+0", CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E-", "e-")
            : x.ToString(CultureInfo.InvariantCulture);

    private static double[] Diagonal(int n, double value)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + i] = value;
        return a;
    }

    private static double[] PlusIdentity(double[] a, int n, double shift = 1)
    {
        var b = (double[])a.Clone();
        for (int i = 0; i < n; i++)
            b[i * n + i] += shift;
        return b;
    }

    private static Complex[] PlusIdentity(Complex[] a, int n, double shift = 1)
    {
        var b = (Complex[])a.Clone();
        for (int i = 0; i < n; i++)
            b[i * n + i] += shift;
        return b;
    }

    /// <summary>Q·diag(λ)·Qᴴ with Q the product of three Householder reflectors I − 2vvᴴ/(vᴴv), v from a seed (real Q when <paramref name="real"/>).</summary>
    internal static Complex[] Normal(int n, int seed, Complex[] lambda, bool real = false)
    {
        Complex[] q = ExpmTestMatrices.RandomUnitary(n, seed, real);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    a[i * n + j] += q[i * n + k] * lambda[k] * Complex.Conjugate(q[j * n + k]);
        if (real && lambda.All(l => l.Imaginary == 0))
            a = Array.ConvertAll(a, z => new Complex(z.Real, 0));
        return a;
    }

    /// <summary>Q·blockdiag(R(θ₁), R(θ₂), …)·Qᵀ with R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]] and Q real orthogonal: eigenvalues e^(±iθ).</summary>
    private static Complex[] RealRotations(int seed, double[] angles)
    {
        int n = 2 * angles.Length;
        var block = new Complex[n * n];
        for (int p = 0; p < angles.Length; p++)
        {
            int i = 2 * p;
            double c = Math.Cos(angles[p]), s = Math.Sin(angles[p]);
            block[i * n + i] = c;
            block[(i + 1) * n + i + 1] = c;
            block[i * n + i + 1] = -s;
            block[(i + 1) * n + i] = s;
        }
        Complex[] q = ExpmTestMatrices.RandomUnitary(n, seed, real: true);
        Complex[] a = ExpmTestMatrices.Multiply(ExpmTestMatrices.Multiply(q, block, n), ExpmTestMatrices.ConjugateTranspose(q, n), n);
        return Array.ConvertAll(a, z => new Complex(z.Real, 0));
    }
}
