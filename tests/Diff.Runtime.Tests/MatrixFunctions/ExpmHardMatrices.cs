using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static Diff.Runtime.Tests.MatrixFunctions.GalleryMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>A named test matrix: row-major n×n, real when every imaginary part is zero.</summary>
internal sealed record HardMatrix(string Name, int N, Complex[] A)
{
    public bool IsReal => A.All(z => z.Imaginary == 0);

    public double[] Real => Array.ConvertAll(A, z => z.Real);
}

/// <summary>
/// Matrices that are hard for the scaling and squaring method, from the literature. Sources (collected, with
/// many more, in Xiaobo Liu's "matrices-expm" MATLAB collection, and in Higham's Matrix Computation Toolbox):
/// <list type="bullet">
/// <item>Al-Mohy &amp; Higham, "A new scaling and squaring algorithm for the matrix exponential", SIAM J. Matrix
/// Anal. Appl. 31(3), 2009 (overscaling: triangular matrices with large off-diagonal entries).</item>
/// <item>Ward, "Numerical computation of the matrix exponential with accuracy estimate", SIAM J. Numer. Anal.
/// 14(4), 1977, Tests 1–4.</item>
/// <item>Moler &amp; Van Loan, "Nineteen dubious ways to compute the exponential of a matrix", SIAM Rev. 20(4), 1978.</item>
/// <item>Kenney &amp; Laub, "Condition estimates for matrix functions", SIAM J. Matrix Anal. Appl. 10(2), 1989, and
/// "A Schur–Fréchet algorithm for computing the logarithm and exponential of a matrix", 19(3), 1998.</item>
/// <item>Davies &amp; Higham, "A Schur–Parlett algorithm for computing matrix functions", SIAM J. Matrix Anal.
/// Appl. 25(2), 2003, Ex. 3; Parlett &amp; Ng, "Development of an accurate algorithm for exp(Bt)", Berkeley
/// PAM-204, 1985; Najfeld &amp; Havel, Adv. Appl. Math. 16(3), 1995; Trefethen &amp; Embree, "Spectra and
/// Pseudospectra", 2005, (14.17); EigTool's Godunov demo matrix; Moore &amp; Parker decay chains (as used by Fasi
/// &amp; Higham, SIAM J. Matrix Anal. Appl. 40(4), 2019).</item>
/// <item>Higham's gallery: Kahan, Frank, Forsythe, lesp, chebspec (MATLAB gallery definitions).</item>
/// </list>
/// </summary>
internal static class ExpmHardMatrices
{
    private static readonly Lazy<List<HardMatrix>> Cases = new(Build);

    public static IReadOnlyList<HardMatrix> All => Cases.Value;

    public static HardMatrix Get(string name) => All.Single(c => c.Name == name);

    private static List<HardMatrix> Build()
    {
        var list = new List<HardMatrix>();
        void Add(string name, int n, Complex[] a) => list.Add(new HardMatrix(name, n, a));
        void AddReal(string name, int n, params double[] a) => Add(name, n, Array.ConvertAll(a, x => new Complex(x, 0)));

        // ---- 2×2 triangular [[λ₁, t], [0, λ₂]] and its transpose (Al-Mohy & Higham 2009, §2 and eq. (1.3)):
        // plain scaling and squaring scales by ‖A‖ ~ t and then loses the small diagonal entries.
        (string, double, double)[] pairs =
        [
            ("far", 1, -1), ("close", 1, 1 + 1e-6), ("equal", 0.5, 0.5), ("negative", -100, -99),
            ("negative equal", -100, -100), ("stiff", -1, -1e3), ("wide", 10, -10),
        ];
        foreach (double t in new[] { 1e4, 1e8, 1e12 })
        {
            foreach ((string label, double l1, double l2) in pairs)
            {
                AddReal($"upper 2x2 {label} ({l1}, {l2}) t={Sci(t)}", 2, l1, t, 0, l2);
                AddReal($"lower 2x2 {label} ({l1}, {l2}) t={Sci(t)}", 2, l1, 0, t, l2);
            }
        }
        // Al-Mohy & Higham 2009, test set 1 (matrices-expm alhi09r1–r4).
        AddReal("alhi09r1 [[1, 1e17], [0, 1]]", 2, 1, 1e17, 0, 1);
        {
            // Eigenvalues 1, 1: A − I = (b/2)[[−1, 1], [−1, 1]] is nilpotent, e^A = e·A. b = 1e4 is the paper's (and the
            // matrices-expm default); its squarings cancel and are recomputed compensated (ExpmSquaringLimitTests).
            foreach (double big in new[] { 1e5, 1e4, 1e3 })
                AddReal($"alhi09r2 b={Sci(big)}", 2, 1 - big / 2, big / 2, -big / 2, 1 + big / 2);
            double b = 1e2;
            AddReal("alhi09r2 b=1e2", 2, 1 - b / 2, b / 2, -b / 2, 1 + b / 2);
            AddReal("alhi09r3 b=1e2", 2, 1 - b / 2, b / 2, -b * b * b * b / 2, 1 + b / 2);
            b = 1e3;
            double x = 1e10; // [[B, x·ones], [0, −B]]
            AddReal("alhi09r4 b=1e3 x=1e10", 4,
                1 - b / 2, b / 2, x, x,
                -b / 2, 1 + b / 2, x, x,
                0, 0, -(1 - b / 2), -b / 2,
                0, 0, b / 2, -(1 + b / 2));
        }
        // Kenney & Laub 1989 Ex. 5 (eigenvalue 0 moved to 1e-8) and 1998 Ex. 3.
        AddReal("kela89r2 [[1e-8, 1e6], [0, 1e-8]]", 2, 1e-8, 1e6, 0, 1e-8);
        AddReal("kela98r3 [[-1, 1e7], [0, -1e7]]", 2, -1, 1e7, 0, -1e7);
        AddReal("kela89r1 4x4", 4, 48, -49, 50, 49, 0, -2, 100, 0, 0, -1, -2, 1, -50, 50, 50, -52);

        // ---- 3×3 and 4×4 triangular with huge couplings (nilpotent plus diagonal, and distinct eigenvalues).
        foreach (double l in new[] { 0.0, -1.0, 3.0 })
            AddReal($"3x3 nilpotent+{l}I couplings 1e6, 1e12", 3, l, 1e6, 1e12, 0, l, 1e6, 0, 0, l);
        AddReal("3x3 upper diag (-1,-2,-3) couplings 1e6, 1e12", 3, -1, 1e6, 1e12, 0, -2, 1e6, 0, 0, -3);
        AddReal("3x3 lower diag (-1,-2,-3) couplings 1e6, 1e12", 3, -1, 0, 0, 1e6, -2, 0, 1e12, 1e6, -3);
        AddReal("4x4 upper diag (1,-1,2,-2) couplings 1e8, 1e4", 4, 1, 1e8, 1e4, 1e4, 0, -1, 1e8, 1e4, 0, 0, 2, 1e8, 0, 0, 0, -2);
        AddReal("4x4 upper diag (-1,-2,-3,-4) couplings 1e8, 1e12, 1e16", 4, -1, 1e8, 1e12, 1e16, 0, -2, 1e8, 1e12, 0, 0, -3, 1e8, 0, 0, 0, -4);
        {
            // Davies & Higham 2003, Ex. 3 (matrices-expm dahi03): (triw(4, 2⁶⁰) − diag(17, 17, 2, 2))/1e4.
            var a = new double[16];
            double[] d = [17, 17, 2, 2];
            for (int i = 0; i < 4; i++)
                for (int j = i; j < 4; j++)
                    a[i * 4 + j] = (i == j ? 1 - d[i] : Math.ScaleB(1, 60)) / 1e4;
            AddReal("dahi03 (triw(4,2^60) - diag(17,17,2,2))/1e4", 4, a);
        }
        {
            // Parlett & Ng 1985, Ex. III (pang85r3, there n = 20): unit upper bidiagonal, diagonal −(n−1)/2 … (n−1)/2.
            AddReal("pang85r3 bidiagonal n=16", 16, ParlettNgBidiagonal(16));
            // Parlett & Ng 1985, Ex. II (pang85r2, there n = 31): upper triangular ones, diagonal i·(−m…m),
            // superdiagonal −2(n−1) − 2 + 4i.
            Add("pang85r2 complex triangular n=15", 15, ParlettNgTriangular(15));
        }

        // ---- Badly scaled D·B·D⁻¹ with D = diag(1, 10⁴, 10⁸, …).
        foreach (int n in new[] { 3, 4 })
        {
            double[] b = ExpmTestMatrices.RandomReal(n, 400 + n, 2).Data;
            var a = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    a[i * n + j] = b[i * n + j] * Math.Pow(1e4, i - j);
            AddReal($"badly scaled D*B*D^-1 n={n} D=diag(1,1e4,...)", n, a);
        }
        {
            Complex[] b = ExpmTestMatrices.RandomComplex(3, 410, 5).Data;
            var a = new Complex[9];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    a[i * 3 + j] = b[i * 3 + j] * Math.Pow(1e4, i - j);
            Add("badly scaled complex D*B*D^-1 n=3", 3, a);
            // Najfeld & Havel 1995, p. 370 (naha95): T·diag(0.001, 1, 100)·T⁻¹, T = [[1,10,100],[1,9,100],[1,11,99]],
            // T⁻¹ = [[−209, 110, 100], [1, −1, 0], [2, −1, −1]].
            double[] t = [1, 10, 100, 1, 9, 100, 1, 11, 99], ti = [-209, 110, 100, 1, -1, 0, 2, -1, -1], d = [0.001, 1, 100];
            var na = new double[9];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    for (int k = 0; k < 3; k++)
                        na[i * 3 + j] += t[i * 3 + k] * d[k] * ti[k * 3 + j];
            AddReal("naha95 T*diag(0.001,1,100)/T", 3, na);
        }

        // ---- Large-norm normal matrices Q·diag(λ)·Qᴴ (Q a product of three random Householder reflectors).
        Add("normal complex n=4 Re up to 700, Im up to 8000", 4,
            Normal(4, 500, [new(700, 1000), new(-700, -500), new(10, 3000), new(-5, -8000)]));
        {
            var random = new Random(501);
            var lambda = new Complex[8];
            for (int i = 0; i < 8; i++)
                lambda[i] = new Complex(1400 * random.NextDouble() - 700, 2000 * random.NextDouble() - 1000);
            Add("normal complex n=8 Re in [-700,700], Im in [-1e3,1e3]", 8, Normal(8, 502, lambda));
        }
        Add("normal real symmetric n=6 eigenvalues +-700", 6, Normal(6, 503, [700, -700, 350.5, -20, 0.1, 699], real: true));
        Add("normal real n=4 with complex pairs 300+-1e3i, -300+-5e3i", 4, RealNormalWithPairs(504, [(300, 1e3), (-300, 5e3)]));
        foreach ((int n, double norm) in new[] { (4, 1e2), (4, 1e4), (8, 1e3), (8, 1e4) })
            Add($"skew-Hermitian iH n={n} norm={Sci(norm)}", n, SkewHermitian(n, 600 + n, norm));
        foreach (double norm in new[] { 1e3, 1e4 })
            Add($"real skew-symmetric n=6 norm={Sci(norm)}", 6, SkewSymmetric(6, 610, norm));

        // ---- Highly non-normal.
        AddReal("Moler-Van Loan [[-49, 24], [-64, 31]]", 2, -49, 24, -64, 31);
        AddReal("ward77 test 1", 3, 4, 2, 0, 1, 4, 1, 1, 1, 4);
        AddReal("ward77 test 2", 3,
            29.87942128909879, 0.7815750847907159, -2.289519314033932,
            0.7815750847907159, 25.72656945571064, 8.680737820540137,
            -2.289519314033932, 8.680737820540137, 34.39400925519054);
        AddReal("ward77 test 3", 3, -131, 19, 18, -390, 56, 54, -387, 57, 52);
        AddReal("ward77 test 4 forsythe(10, 1e-10, 0)", 10, Jordan(10, 0, 1, corner: 1e-10));
        AddReal("Jordan n=8 lambda=-1", 8, Jordan(8, -1, 1));
        AddReal("Jordan-like n=10 lambda=-5 superdiagonal 10", 10, Jordan(10, -5, 10));
        AddReal("Jordan n=16 lambda=0.5 superdiagonal 3", 16, Jordan(16, 0.5, 3));
        {
            int n = 6;
            var c = new Complex[n * n];
            for (int i = 0; i < n; i++)
            {
                c[i * n + i] = new Complex(2, 3);
                if (i + 1 < n)
                    c[i * n + i + 1] = new Complex(4, -1);
            }
            Add("complex Jordan-like n=6 lambda=2+3i", n, c);
        }
        foreach (int n in new[] { 8, 16 })
            AddReal($"kahan n={n} theta=1.2", n, Kahan(n, 1.2));
        AddReal("kahan n=10 theta=1.2 times 50", 10, Array.ConvertAll(Kahan(10, 1.2), x => 50 * x));
        foreach (int n in new[] { 8, 12 })
            AddReal($"frank n={n}", n, Frank(n));
        foreach (int n in new[] { 8, 16 })
            AddReal($"lesp n={n}", n, Lesp(n));
        foreach (int n in new[] { 8, 12 })
            AddReal($"chebspec n={n}", n, Chebspec(n));
        AddReal("eigt7 eigtool godunov/100", 7, Array.ConvertAll(new double[]
        {
            289, 2064, 336, 128, 80, 32, 16,
            1152, 30, 1312, 512, 288, 128, 32,
            -29, -2000, 756, 384, 1008, 224, 48,
            512, 128, 640, 0, 640, 512, 128,
            1053, 2256, -504, -384, -756, 800, 208,
            -287, -16, 1712, -128, 1968, -30, 2032,
            -2176, -287, -1565, -512, -541, -1152, -289,
        }, x => x / 100));
        AddReal("trem05 10*[[0,1,2],[-0.01,0,3],[0,0,0]]", 3, 0, 10, 20, -0.1, 0, 30, 0, 0, 0);
        {
            double[] g = [0.6, 0.6, 4.0], b = [2.0, 0.75];
            AddReal("jemc05r1 3x3", 3, -g[0], 0, g[0] * b[0], 0, -g[1], g[1] * b[1], -g[0] * g[2], g[2], -g[2] * (1 - g[0] * b[0]));
            double a1 = 0.01145, a2 = 0.2270;
            AddReal("mopa03r2 decay 3x3", 3, -a1, 0, 0, 0.3594 * a1, -a2, 0, 0.6406 * a1, a2, 0);
            double[] half = [3.8235 * 60 * 24 / 60, 3.10 / 60, 26.8 / 60, 19.9 / 60];
            var dc = new double[16];
            for (int i = 0; i < 4; i++)
            {
                dc[i * 4 + i] = -Math.Log(2) / half[i];
                if (i > 0)
                    dc[i * 4 + i - 1] = Math.Log(2) / half[i - 1];
            }
            AddReal("mopa03r1 decay chain 4x4", 4, dc);
        }

        // ---- Random, from tiny to large norms; all sizes 1 … 16.
        foreach (int n in new[] { 1, 2, 3, 5, 8, 12, 16 })
            AddReal($"random real n={n}", n, ExpmTestMatrices.RandomReal(n, 700 + n, 1).Data);
        foreach (double scale in new[] { 1e-8, 1e-3, 30.0 })
            AddReal($"random real n=8 scale={Sci(scale)}", 8, ExpmTestMatrices.RandomReal(8, 710, scale).Data);
        {
            // Norm ~1e3 with the spectrum shifted left (e^A would overflow otherwise): 1e3·R − 1.2e3·I.
            double[] a = ExpmTestMatrices.RandomReal(8, 711, 1e3).Data;
            for (int i = 0; i < 8; i++)
                a[i * 8 + i] -= 1.2e3;
            AddReal("random real n=8 scale=1e3 shifted by -1.2e3", 8, a);
        }
        foreach (int n in new[] { 1, 3, 8, 16 })
            Add($"random complex n={n}", n, ExpmTestMatrices.RandomComplex(n, 720 + n, 1).Data);
        foreach (double scale in new[] { 1e-8, 50.0 })
            Add($"random complex n=6 scale={Sci(scale)}", 6, ExpmTestMatrices.RandomComplex(6, 730, scale).Data);
        {
            Complex[] a = ExpmTestMatrices.RandomComplex(8, 731, 1e3).Data;
            for (int i = 0; i < 8; i++)
                a[i * 8 + i] -= 6e2;
            Add("random complex n=8 scale=1e3 shifted by -6e2", 8, a);
        }

        // ---- Zero rows and columns, zero and 1×1 matrices.
        {
            double[] a = ExpmTestMatrices.RandomReal(6, 740, 3).Data;
            for (int k = 0; k < 6; k++)
            {
                a[2 * 6 + k] = 0; // row 2
                a[k * 6 + 4] = 0; // column 4
            }
            AddReal("random n=6 with a zero row and a zero column", 6, a);
            AddReal("zero 3x3", 3, new double[9]);
        }
        AddReal("1x1 0", 1, 0);
        AddReal("1x1 -700", 1, -700);
        AddReal("1x1 700", 1, 700);
        AddReal("1x1 1e-300", 1, 1e-300);
        Add("1x1 3+4i", 1, [new Complex(3, 4)]);
        Add("1x1 -20+1e4i", 1, [new Complex(-20, 1e4)]);
        // ---- More of the matrices-expm collection (X. Liu, "Mixed-precision Paterson–Stockmeyer method for evaluating
        // polynomials of matrices", SIAM J. Matrix Anal. Appl. 46(1), 2025), with MATLAB's eps = 2⁻⁵².
        {
            double eps = Math.ScaleB(1, -52);
            // Fasi & Higham, "An arbitrary precision scaling and squaring algorithm for the matrix exponential", SIAM J.
            // Matrix Anal. Appl. 40(4), 2019: very ill conditioned; a perturbed matrix of ones; a complex Toeplitz matrix.
            AddReal("fahi19r1", 4, 1, 1, 1, 0.1, 1, 1, 1, 10 * eps, 1, 1, 1, 100 * eps, 1, 1, 1, 1000 * eps);
            AddReal("fahi19r2", 3, 10, 1, 1, 1, 1, 1 + 10 * eps, 1, 1, 1 + 100 * eps);
            // fahi19r3, 10⁴ times a rotation by π/12, has e^A of size e^9659: it overflows double precision, which
            // ExpmTests.OverflowIsAnErrorNotNaN checks.
            var toeplitz = new Complex[100];
            for (int i = 0; i < 10; i++)
            {
                toeplitz[i * 10 + i] = new Complex(16, -3);
                if (i + 1 < 10)
                {
                    toeplitz[(i + 1) * 10 + i] = new Complex(4, 3) / 8;
                    toeplitz[i * 10 + i + 1] = -5;
                }
            }
            Add("fahi19r4", 10, toeplitz);
            // Niesen, as used by Fasi & Higham 2019: [[0, 1], [λ, −1]] − μI, λ = 10⁶i, μ = (−1 + √(1 + 4λ))/2.
            Complex lambda = new Complex(0, 1e6), mu = (-1 + Complex.Sqrt(1 + 4 * lambda)) / 2;
            Add("nies19", 2, [-mu, 1, lambda, -1 - mu]);
            // Lago & Rahnema, "Development of a set of benchmark problems to verify numerical methods for solving burnup
            // equations", Ann. Nucl. Energy 99, 2017, benchmarks 1 and 2: decay rates from 10⁻⁷ down to 10⁻¹⁸.
            AddReal("lara17r1", 2, -3.328853448977761e-07, 4.915959875924379e-18, 0, -4.915959875924379e-18);
            AddReal("lara17r2", 3,
                -2.974063693062615e-07, 0, 1.024464026382002e-14,
                2.974063693062615e-07, -1.379680196333551e-13, 0,
                0, 0, -1.024464026382002e-14);
            // A decay chain (the collection's kase99): −a on the diagonal, a shifted down one row.
            double[] rates = [4.916e-18, 3.329e-7, 8.983e-14, 2.852e-13, 1.373e-11, 2.098e-6, 9.850e-10, 1.601e-6, 5.796e-8, 0];
            var chain = new double[100];
            for (int i = 0; i < 10; i++)
            {
                chain[i * 10 + i] = -rates[i];
                if (i > 0)
                    chain[i * 10 + i - 1] = rates[i - 1];
            }
            AddReal("kase99", 10, chain);
            // The collection's jemc05r2: a 6×6 second-order system [[0, I], [A₂, A₁]].
            double[] g = [1.5, 0.5, 3.0, 2.0, 0.4, 0.03], bb = [0.6, 7.0];
            AddReal("jemc05r2", 6,
                0, 0, 0, 1, 0, 0,
                0, 0, 0, 0, 1, 0,
                0, 0, 0, 0, 0, 1,
                -g[5], 0, g[5] * bb[1], -g[4], 0, 0,
                0, -g[1], g[1] * bb[0], 0, -g[0], 0,
                0, g[3], -g[3], g[3], g[3], -g[2]);
            // Rosser's symmetric eigenvalue test matrix, scaled to ‖A‖₁ = 2.05 (the collection's ross8).
            double[] rosser =
            [
                611, 196, -192, 407, -8, -52, -49, 29,
                196, 899, 113, -192, -71, -43, -8, -44,
                -192, 113, 899, 196, 61, 49, 8, 52,
                407, -192, 196, 611, 8, 44, 59, -23,
                -8, -71, 61, 8, 411, -599, 208, 208,
                -52, -43, 49, 44, -599, 411, 208, 208,
                -49, -8, 8, 59, 208, 208, 99, -911,
                29, -44, 52, -23, 208, 208, -911, 99,
            ];
            double rosserNorm = 0;
            for (int j = 0; j < 8; j++)
            {
                double column = 0;
                for (int i = 0; i < 8; i++)
                    column += Math.Abs(rosser[i * 8 + j]);
                rosserNorm = Math.Max(rosserNorm, column);
            }
            AddReal("ross8", 8, Array.ConvertAll(rosser, x => 2.05 * x / rosserNorm));
            // The collection's kuda10 (its file leaves n open; 8 as its header says): −I + tridiagonal halves, with
            // a(1, 2) = a(n, n − 1) = 1.
            AddReal("kuda10 n=8", 8, Kuda(8));

            // Edelman & Strang, "Pascal matrices", Amer. Math. Monthly 111(3), 2004 (edst04): superdiagonal 1, 2, …, 19,
            // nilpotent; e^A is the upper Cholesky factor of the 20×20 Pascal matrix, binomial coefficients up to 92,378.
            var pascalLog = new double[400];
            for (int i = 0; i + 1 < 20; i++)
                pascalLog[i * 20 + i + 1] = i + 1;
            AddReal("edst04", 20, pascalLog);
            // Kågström 1977, p. 81 (the collection's fasi7): blockdiag(compan((x + 1)⁴), compan((x + 1.1)³)), two
            // defective eigenvalues, −1 four times and −1.1 three times.
            var companions = new double[49];
            // The coefficients as the collection's file forms them in double (f = −1.1: −3f, 3f², −f³), which are
            // 3.3000000000000003, 3.630000000000001 and 1.3310000000000004, not the decimals 3.3, 3.63 and 1.331.
            const double f = -1.1;
            double[] first = [-4, -6, -4, -1], second = [-(-3 * f), -(3 * Math.Pow(f, 2)), -(-Math.Pow(f, 3))];
            for (int j = 0; j < 4; j++)
                companions[j] = first[j];
            for (int i = 1; i < 4; i++)
                companions[i * 7 + i - 1] = 1;
            for (int j = 0; j < 3; j++)
                companions[4 * 7 + 4 + j] = second[j];
            for (int i = 5; i < 7; i++)
                companions[i * 7 + i - 1] = 1;
            AddReal("fasi7", 7, companions);
            // Lago & Rahnema 2017, benchmarks 3 and 5.
            AddReal("lara17r3", 3,
                -2.421897905520424e-03, 0, 5.383443102348909e-03,
                0, -3.200125487349701e-04, 0,
                0, 3.200125487349701e-04, -5.398342527725431e-03);
            int[] rows5 = [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12];
            int[] columns5 = [1, 7, 1, 2, 2, 3, 10, 3, 4, 4, 5, 12, 5, 6, 6, 7, 7, 8, 6, 9, 8, 10, 10, 11, 11, 12];
            double[] values5 =
            [
                -1.000000000000049e-04, 5.880666420493406e-14, 1.000000000000000e-04, -4.926419193745169e-04,
                4.926419193745169e-04, -3.405151448232769e-06, 2.980258985838552e-12, 3.405151448232769e-06,
                -1.000000009110124e-04, 1.000000000000000e-04, -1.000000033477380e-04, 1.212838692746004e-09,
                1.000000000000000e-04, -1.000015370544945e-04, 1.000000000000000e-04, -1.000000000588073e-04,
                1.000000000000000e-04, -3.885005720114481e-05, 1.537023753355886e-09, -5.077325179294990e-11,
                3.885005720114481e-05, -1.000000029802590e-04, 1.000000000000000e-04, -1.906345381077957e-05,
                1.906345381077957e-05, -1.212838692746004e-09,
            ];
            var burnup = new double[144];
            for (int k = 0; k < values5.Length; k++)
                burnup[(rows5[k] - 1) * 12 + columns5[k] - 1] = values5[k];
            AddReal("lara17r5", 12, burnup);
            // Benchmarks 4 and 6 (lower triangular, and a chain with a back coupling into nuclide 4).
            AddReal("lara17r4", 4,
                -1.000000000000312e-04, 0, 0, 0,
                1.000000000000000e-04, -1.000000000009379e-04, 0, 0,
                0, 1.000000000000000e-04, -1.188523972153541e-06, 0,
                0, 0, 1.188523972153541e-06, -1.024464026382002e-14);
            int[] rows6 = [1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8];
            int[] columns6 = [1, 4, 1, 2, 4, 2, 3, 4, 4, 4, 5, 5, 6, 6, 7, 7, 8];
            double[] values6 =
            [
                -2.930607054625170e-05, 1.292290622141271e-07, 2.446793135977101e-05, -2.106574217602557e-05,
                2.051479647948103e-08, 2.106574217602557e-05, -9.549786402447881e-15, 1.855074206409039e-12,
                -1.100000000000049e-04, 1.000000000000000e-04, -4.926419193745169e-04, 4.926419193745169e-04,
                -3.405151448232769e-06, 3.405151448232769e-06, -1.000000091101239e-05, 1.000000000000000e-05,
                -3.347737955438215e-12,
            ];
            var burnup6 = new double[64];
            for (int k = 0; k < values6.Length; k++)
                burnup6[(rows6[k] - 1) * 8 + columns6[k] - 1] = values6[k];
            AddReal("lara17r6", 8, burnup6);
        }

        // ---- matrices-expm collection (Liu 2025), the rest: every matrix of the collection not above, at the size its
        // file gives (X. Liu, "Mixed-precision Paterson–Stockmeyer method for evaluating polynomials of matrices", SIAM J.
        // Matrix Anal. Appl. 46(1), 2025; github.com/xiaobo-liu/matrices-expm). eigt7 is "eigt7 eigtool godunov/100" above.
        {
            // lara17r4 and lara17r6 are with the other burnup benchmarks above.
            // kuda10 as the collection's private/kuda10.m builds it (the copy anymatrix loads; Contents.m: 20×20):
            // −I + (α/2)·(ones on the sub- and superdiagonal), α = β = 1, then a(1, 2) = a(n, n − 1) = β.
            AddReal("kuda10", 20, Kuda(20));

            // Four matrices of the collection's Contents.m whose files the stored copy of matrices-expm lacks; they are
            // transcribed from the same author's matrices-mp-cosm collection (github.com/xiaobo-liu/matrices-mp-cosm),
            // which has them under the same names and citations.
            // Dieci & Papini, "Padé approximation for the exponential of a block triangular matrix", Linear Algebra Appl.
            // 308, 2000, Ex. 3.10: (1/8)·[[w·ones(4), x·ones(4)], [0, −w·ones(4)]], w = 1.3, x = 1e6.
            const double w = 1.3, x = 1e6;
            var dipa = new double[64];
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 4; j++)
                {
                    dipa[i * 8 + j] = w / 8;
                    dipa[i * 8 + 4 + j] = x / 8;
                    dipa[(4 + i) * 8 + 4 + j] = -w / 8;
                }
            }
            AddReal("dipa00", 8, dipa);
            // Kenney & Laub, "A Schur–Fréchet algorithm for computing the logarithm and exponential of a matrix", SIAM J.
            // Matrix Anal. Appl. 19(3), 1998, Ex. 2 and p. 655.
            AddReal("kela98r1", 2, 0.1, 1e6, 0, 0.1);
            AddReal("kela98r2", 5,
                0, 3.8e3, 0, 0, 0,
                0, -3.8e3, 1, 0, 0,
                0, 0, -1, 5.5e6, 0,
                0, 0, 0, -5.5e6, 2.7e7,
                0, 0, 0, 0, -2.7e7);
            // Parlett & Ng, "Development of an accurate algorithm for exp(Bt)", Berkeley PAM-204, 1985, p. 7, Ex. I.
            AddReal("pang85r1", 6,
                0, 30, 1, 1, 1, 1,
                -100, 0, 1, 1, 1, 1,
                0, 0, 0, -6, 1, 1,
                0, 0, 500, 0, 1, 1,
                0, 0, 0, 0, 0, 200,
                0, 0, 0, 0, -15, 0);

            // Parlett & Ng 1985, Ex. III and Ex. II at the collection's sizes (the cases above are smaller copies):
            // pang85r3 = triw(20, 1, 1) with diagonal −9.5 … 9.5; pang85r2 (its file: n = 31) = triw(31, 1) with
            // diagonal i·(−15 … 15) and superdiagonal −2(n − 1) − 2 + 4i, i = 1 … n − 1.
            AddReal("pang85r3", 20, ParlettNgBidiagonal(20));
            Add("pang85r2", 31, ParlettNgTriangular(31));

            // tsin13: the strictly upper triangular part of the complex Schur form of gallery('invol', 13) (Householder
            // & Carpenter, Numer. Math. 5, 1963: a diagonally scaled Hilbert matrix with A² = I). The Schur form is not
            // unique (eigenvalue order, phases) and MATLAB's comes from LAPACK, so this one, from our own Schur
            // decomposition (Diff.Kernels.Schur), has the same structure (nilpotent, strictly upper triangular, the same
            // ‖·‖_F) but not MATLAB's entries.
            const int ni = 13;
            var invol = new Complex[ni * ni];
            for (int i = 0; i < ni; i++)
                for (int j = 0; j < ni; j++)
                    invol[i * ni + j] = 1.0 / (i + j + 1);
            double d = -ni;
            for (int i = 0; i < ni; i++)
                invol[i * ni] = d * invol[i * ni].Real;
            for (int i = 1; i < ni; i++)
            {
                d = -(ni + i) * (double)(ni - i) * d / (i * i);
                for (int j = 0; j < ni; j++)
                    invol[i * ni + j] = d * invol[i * ni + j].Real;
            }
            var schurT = new Complex[ni * ni];
            Diff.Kernels.Schur.Decompose(invol, ni, schurT, new Complex[ni * ni]);
            for (int i = 0; i < ni; i++)
                for (int j = 0; j <= i; j++)
                    schurT[i * ni + j] = 0;
            Add("tsin13", ni, schurT);
        }

        return list;
    }

    /// <summary>1e4, 1e-8, 30 (names that read like the literature's).</summary>
    /// <summary>Parlett &amp; Ng 1985, Ex. III (pang85r3): unit upper bidiagonal with diagonal −(n−1)/2 … (n−1)/2.</summary>
    private static double[] ParlettNgBidiagonal(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = i - (n - 1) / 2.0;
            if (i + 1 < n)
                a[i * n + i + 1] = 1;
        }
        return a;
    }

    /// <summary>
    /// Parlett &amp; Ng 1985, Ex. II (pang85r2, n odd): ones above the diagonal, diagonal i·(−m … m) with m = (n − 1)/2,
    /// superdiagonal −2(n − 1) − 2 + 4i, i = 1 … n − 1.
    /// </summary>
    private static Complex[] ParlettNgTriangular(int n)
    {
        int m = (n - 1) / 2;
        var c = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
                c[i * n + j] = 1;
            c[i * n + i] = new Complex(0, i - m);
            if (i + 1 < n)
                c[i * n + i + 1] = -2 * (n - 1) - 2 + 4 * (i + 1);
        }
        return c;
    }

    /// <summary>The collection's kuda10: −I + (1/2)·(ones on the sub- and superdiagonal), then a(1, 2) = a(n, n − 1) = 1 (1-based).</summary>
    private static double[] Kuda(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = -1;
            if (i + 1 < n)
            {
                a[i * n + i + 1] = 0.5;
                a[(i + 1) * n + i] = 0.5;
            }
        }
        a[1] = 1;
        a[(n - 1) * n + n - 2] = 1;
        return a;
    }

    private static string Sci(double x) =>
        Math.Abs(Math.Log10(x) - Math.Round(Math.Log10(x))) < 1e-12 && Math.Abs(x) >= 1e3 || Math.Abs(x) < 1e-2
            ? x.ToString("0E+0", System.Globalization.CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E-", "e-")
            : x.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Q·diag(λ)·Qᴴ with Q the product of three Householder reflectors I − 2vvᴴ/(vᴴv), v from a seed.</summary>
    private static Complex[] Normal(int n, int seed, Complex[] lambda, bool real = false)
    {
        Complex[] q = ExpmTestMatrices.RandomUnitary(n, seed, real);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    a[i * n + j] += q[i * n + k] * lambda[k] * Complex.Conjugate(q[j * n + k]);
        if (real)
            a = Array.ConvertAll(a, z => new Complex(z.Real, 0));
        return a;
    }

    /// <summary>Qᵀ·blockdiag([[a, b], [−b, a]], …)·Q with Q real orthogonal: real, normal, eigenvalues a ± ib.</summary>
    private static Complex[] RealNormalWithPairs(int seed, (double A, double B)[] pairs)
    {
        int n = 2 * pairs.Length;
        var block = new Complex[n * n];
        for (int p = 0; p < pairs.Length; p++)
        {
            int i = 2 * p;
            block[i * n + i] = pairs[p].A;
            block[(i + 1) * n + i + 1] = pairs[p].A;
            block[i * n + i + 1] = pairs[p].B;
            block[(i + 1) * n + i] = -pairs[p].B;
        }
        Complex[] q = ExpmTestMatrices.RandomUnitary(n, seed, real: true);
        Complex[] a = ExpmTestMatrices.Multiply(ExpmTestMatrices.Multiply(q, block, n), ExpmTestMatrices.ConjugateTranspose(q, n), n);
        return Array.ConvertAll(a, z => new Complex(z.Real, 0));
    }

    /// <summary>i·H with H = (R + Rᴴ)/2 for a random complex R, scaled to ‖H‖₁ = norm: e^(iH) is unitary.</summary>
    private static Complex[] SkewHermitian(int n, int seed, double norm)
    {
        Complex[] r = ExpmTestMatrices.RandomComplex(n, seed, 1).Data;
        Complex[] rh = ExpmTestMatrices.ConjugateTranspose(r, n);
        var h = new Complex[n * n];
        for (int i = 0; i < h.Length; i++)
            h[i] = (r[i] + rh[i]) / 2;
        double scale = norm / ExpmTestMatrices.OneNorm(h, n);
        return Array.ConvertAll(h, z => Complex.ImaginaryOne * z * scale);
    }

    /// <summary>(R − Rᵀ)/2 for a random real R, scaled to ‖·‖₁ = norm: e^A is orthogonal.</summary>
    private static Complex[] SkewSymmetric(int n, int seed, double norm)
    {
        double[] r = ExpmTestMatrices.RandomReal(n, seed, 1).Data;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = (r[i * n + j] - r[j * n + i]) / 2;
        double scale = norm / ExpmTestMatrices.OneNorm(a, n);
        return Array.ConvertAll(a, x => new Complex(x * scale, 0));
    }
}
