using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Diff.Kernels;

/// <summary>
/// Complex Schur decomposition A = Q·T·Qᴴ of a square complex matrix: Q unitary, T upper triangular
/// with the eigenvalues of A on its diagonal. All matrices are row-major n×n spans.
/// </summary>
/// <remarks>
/// <para>
/// MathNet.Numerics 5.0 has no Schur decomposition in its API: its <c>Evd</c> reduces to Schur
/// form internally (<c>NonsymmetricReduceHessenberToRealSchur</c>) but returns only eigenvalues and
/// eigenvectors. So this is written here, following Golub &amp; Van Loan,
/// <i>Matrix Computations</i>, 4th ed. (2013):
/// </para>
/// <list type="number">
/// <item>reduction to upper Hessenberg form H = U₀ᴴ·A·U₀ by Householder reflections
/// (Algorithm 7.4.2, here with complex reflectors P = I − 2·v·vᴴ/(vᴴv));</item>
/// <item>implicitly shifted single-shift QR sweeps on the unreduced part of H (§7.5, the
/// complex analogue of Algorithm 7.5.1), chasing the bulge with complex Givens rotations
/// (§5.1), with the Wilkinson shift (the eigenvalue of the trailing 2×2 block nearer its last
/// diagonal entry) and an ad hoc exceptional shift after 10 and 20 sweeps without
/// deflation (as LAPACK's <c>zlahqr</c> does);</item>
/// <item>deflation where |h(k,k−1)| ≤ u·(|h(k,k)| + |h(k−1,k−1)|) (§7.5), u = 2⁻⁵³.</item>
/// </list>
/// <para>
/// Every rotation is applied to the whole of H (rows to the last column, columns from the first
/// row) and accumulated, so the result is the full Schur form, not just the eigenvalues. Qᴴ rather
/// than Q is accumulated, so that each update runs along contiguous rows.
/// A real input that has only real eigenvalues stays in real arithmetic up to rounding: its
/// shifts stay real, so eigenvalues on the negative real axis come out with a zero imaginary part.
/// </para>
/// </remarks>
internal static partial class Schur
{
    private const double Unit = 1.1102230246251565e-16; // u = 2⁻⁵³
    private const int MaxSweepsPerEigenvalue = 30;

    /// <summary>
    /// Computes A = Q·T·Qᴴ. <paramref name="t"/> receives T (upper triangular, zeros below the
    /// diagonal), <paramref name="q"/> receives Q. <paramref name="a"/> is not modified.
    /// </summary>
    /// <exception cref="ArithmeticException">The QR iteration did not converge in 30·n sweeps (not seen on finite input).</exception>
    public static void Decompose(ReadOnlySpan<Complex> a, int n, Span<Complex> t, Span<Complex> q)
    {
        a.Slice(0, n * n).CopyTo(t);
        // Qᴴ is accumulated instead of Q: every transformation then updates contiguous rows.
        Span<Complex> qh = q;
        qh.Slice(0, n * n).Clear();
        for (int i = 0; i < n; i++)
            qh[i * n + i] = Complex.One;
        ReduceToHessenberg(t, qh, n);
        IterateToTriangular(t, qh, n);
        for (int i = 1; i < n; i++)
            t.Slice(i * n, i).Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                Complex upper = qh[i * n + j];
                qh[i * n + j] = Complex.Conjugate(qh[j * n + i]);
                qh[j * n + i] = Complex.Conjugate(upper);
            }
        }
    }

    /// <summary>
    /// Golub &amp; Van Loan Algorithm 7.4.2: for k = 0..n−3 a Householder reflector P_k zeroes
    /// H(k+2:n, k); H ← P_k·H·P_k and Qᴴ ← P_k·Qᴴ.
    /// </summary>
    private static void ReduceToHessenberg(Span<Complex> h, Span<Complex> qh, int n)
    {
        var v = new Complex[n];
        var w = new Complex[n];
        for (int k = 0; k < n - 2; k++)
        {
            int len = n - k - 1;
            double norm = 0;
            for (int i = 0; i < len; i++)
            {
                v[i] = h[(k + 1 + i) * n + k];
                norm += v[i].Real * v[i].Real + v[i].Imaginary * v[i].Imaginary;
            }
            double tailNorm = norm - (v[0].Real * v[0].Real + v[0].Imaginary * v[0].Imaginary);
            if (tailNorm == 0)
                continue; // already Hessenberg in this column
            norm = Math.Sqrt(norm);

            // α = −e^{i·arg x₀}·‖x‖ so that v₀ = x₀ − α does not cancel; P·x = α·e₀.
            double abs0 = Complex.Abs(v[0]);
            Complex phase = abs0 == 0 ? Complex.One : v[0] / abs0;
            Complex alpha = -phase * norm;
            v[0] -= alpha;
            double vNormSquared = 0;
            for (int i = 0; i < len; i++)
                vNormSquared += v[i].Real * v[i].Real + v[i].Imaginary * v[i].Imaginary;
            double beta = 2 / vNormSquared;

            // H ← P·H on rows k+1..n−1 (columns k..n−1), Qᴴ ← P·Qᴴ likewise (all columns).
            ApplyReflectorLeft(h, n, k + 1, k, v.AsSpan(0, len), beta, w);
            ApplyReflectorLeft(qh, n, k + 1, 0, v.AsSpan(0, len), beta, w);
            // H ← H·P on columns k+1..n−1.
            ApplyReflectorRight(h, n, k + 1, v.AsSpan(0, len), beta, w);

            // The column below the subdiagonal is now exactly zero.
            h[(k + 1) * n + k] = alpha;
            for (int i = k + 2; i < n; i++)
                h[i * n + k] = Complex.Zero;
        }
    }

    /// <summary>M -= β·v·(vᴴ·M) on rows firstRow.. (as many as v has entries) and columns firstColumn..n−1, row by row.</summary>
    private static void ApplyReflectorLeft(Span<Complex> m, int n, int firstRow, int firstColumn, ReadOnlySpan<Complex> v, double beta, Span<Complex> w)
    {
        int width = n - firstColumn;
        Span<Complex> wRow = w.Slice(0, width);
        wRow.Clear();
        for (int i = 0; i < v.Length; i++)
            Triangular.SubtractScaled(wRow, -Complex.Conjugate(v[i]), m.Slice((firstRow + i) * n + firstColumn, width));
        for (int i = 0; i < v.Length; i++)
            Triangular.SubtractScaled(m.Slice((firstRow + i) * n + firstColumn, width), beta * v[i], wRow);
    }

    /// <summary>M -= β·(M·v)·vᴴ on all rows and columns firstColumn.. (as many as v has entries).</summary>
    private static void ApplyReflectorRight(Span<Complex> m, int n, int firstColumn, ReadOnlySpan<Complex> v, double beta, Span<Complex> work)
    {
        Span<Complex> vBar = work.Slice(0, v.Length);
        for (int j = 0; j < v.Length; j++)
            vBar[j] = Complex.Conjugate(v[j]);
        for (int i = 0; i < n; i++)
        {
            Span<Complex> row = m.Slice(i * n + firstColumn, v.Length);
            Complex dot = Complex.Zero;
            for (int j = 0; j < v.Length; j++)
                dot += row[j] * v[j];
            Triangular.SubtractScaled(row, beta * dot, vBar);
        }
    }

    /// <summary>
    /// Single-shift implicit QR sweeps on the active window H(lo:hi, lo:hi) until every subdiagonal
    /// entry has deflated (Golub &amp; Van Loan §7.5).
    /// </summary>
    private static void IterateToTriangular(Span<Complex> h, Span<Complex> qh, int n)
    {
        int hi = n - 1;
        int sweepsSinceDeflation = 0;
        int totalSweeps = 0;
        while (hi > 0)
        {
            // Find the start lo of the unreduced block that ends at hi.
            int lo = hi;
            while (lo > 0)
            {
                Complex sub = h[lo * n + lo - 1];
                double scale = Complex.Abs(h[lo * n + lo]) + Complex.Abs(h[(lo - 1) * n + lo - 1]);
                if (scale == 0)
                    scale = FrobeniusNorm(h, n);
                if (Complex.Abs(sub) <= Unit * scale)
                {
                    h[lo * n + lo - 1] = Complex.Zero;
                    break;
                }
                lo--;
            }
            if (lo == hi)
            {
                hi--; // a 1×1 block has deflated: h(hi,hi) is an eigenvalue
                sweepsSinceDeflation = 0;
                continue;
            }

            if (++totalSweeps > MaxSweepsPerEigenvalue * n)
                throw new ArithmeticException($"The complex Schur QR iteration did not converge in {MaxSweepsPerEigenvalue * n} sweeps.");
            sweepsSinceDeflation++;

            Complex shift = sweepsSinceDeflation % 10 == 0
                ? ExceptionalShift(h, n, hi)
                : WilkinsonShift(h[(hi - 1) * n + hi - 1], h[(hi - 1) * n + hi], h[hi * n + hi - 1], h[hi * n + hi]);
            QrSweep(h, qh, n, lo, hi, shift);
        }
    }

    /// <summary>One implicit single-shift QR step on H(lo:hi, lo:hi): bulge introduced by the shift, chased down by Givens rotations.</summary>
    private static void QrSweep(Span<Complex> h, Span<Complex> qh, int n, int lo, int hi, Complex shift)
    {
        Complex x = h[lo * n + lo] - shift;
        Complex y = h[(lo + 1) * n + lo];
        for (int k = lo; k < hi; k++)
        {
            var (c, s) = Givens(x, y);
            // Rows k, k+1 of H, from the bulge column to the end, and of Qᴴ: [c s; −s̄ c]·M.
            RotateRows(h, n, k, c, s, Math.Max(lo, k - 1));
            RotateRows(qh, n, k, c, s, 0);
            // Columns k, k+1 of H, rows 0..k+2: H·[c −s; s̄ c].
            RotateColumns(h, n, k, c, s, Math.Min(k + 2, hi));
            if (k > lo)
                h[(k + 1) * n + k - 1] = Complex.Zero; // the bulge just chased away
            if (k < hi - 1)
            {
                x = h[(k + 1) * n + k];
                y = h[(k + 2) * n + k];
            }
        }
    }

    private static void RotateRows(Span<Complex> m, int n, int k, double c, Complex s, int firstColumn) =>
        Triangular.Rotate(m.Slice(k * n + firstColumn, n - firstColumn), m.Slice((k + 1) * n + firstColumn, n - firstColumn), c, s);

    /// <summary>
    /// Columns k, k+1 of rows 0..lastRow: (left, right) ← (c·left + s̄·right, c·right − s·left).
    /// The two entries of a row are adjacent, one 256-bit vector (ℓr, ℓi, rr, ri); with X its halves
    /// swapped, the update is c·V + Re s·(1, 1, −1, −1)∘X + Im s·(1, −1, 1, −1)∘X̂, X̂ = X with re
    /// and im swapped in each half.
    /// </summary>
    private static void RotateColumns(Span<Complex> m, int n, int k, double c, Complex s, int lastRow)
    {
        int i = 0;
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            ref double origin = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(m));
            Vector256<double> cv = Vector256.Create(c);
            Vector256<double> re = Vector256.Create(s.Real, s.Real, -s.Real, -s.Real);
            Vector256<double> im = Vector256.Create(s.Imaginary, -s.Imaginary, s.Imaginary, -s.Imaginary);
            for (; i <= lastRow; i++)
            {
                nuint offset = (nuint)(2 * (i * n + k));
                Vector256<double> v = Vector256.LoadUnsafe(ref origin, offset);
                Vector256<double> x = Avx2.Permute4x64(v, 0b01_00_11_10);
                Vector256<double> result = Fma.MultiplyAdd(im, Avx.Permute(x, 0b0101), Fma.MultiplyAdd(re, x, cv * v));
                result.StoreUnsafe(ref origin, offset);
            }
            return;
        }
        Complex sBar = Complex.Conjugate(s);
        for (; i <= lastRow; i++)
        {
            Complex left = m[i * n + k], right = m[i * n + k + 1];
            m[i * n + k] = c * left + sBar * right;
            m[i * n + k + 1] = c * right - s * left;
        }
    }

    /// <summary>
    /// A complex Givens rotation, c real and s complex with c² + |s|² = 1, such that
    /// [c s; −s̄ c]·[x; y] = [r; 0] (Golub &amp; Van Loan §5.1).
    /// </summary>
    internal static (double C, Complex S) Givens(Complex x, Complex y)
    {
        if (y == Complex.Zero)
            return (1, Complex.Zero);
        if (x == Complex.Zero)
            return (0, Complex.One);
        double absX = Complex.Abs(x);
        double norm = Hypot(absX, Complex.Abs(y));
        Complex phase = x / absX;
        return (absX / norm, phase * Complex.Conjugate(y) / norm);
    }

    /// <summary>The eigenvalue of [a b; c d] nearer to d, computed without cancellation as d − b·c/(p ± √(p² + b·c)), p = (a − d)/2.</summary>
    internal static Complex WilkinsonShift(Complex a, Complex b, Complex c, Complex d)
    {
        Complex p = (a - d) / 2;
        Complex bc = b * c;
        Complex root = Complex.Sqrt(p * p + bc);
        Complex plus = p + root, minus = p - root;
        Complex larger = Complex.Abs(plus) >= Complex.Abs(minus) ? plus : minus;
        return larger == Complex.Zero ? d : d - bc / larger;
    }

    /// <summary>An exceptional shift that breaks a cycle of the Wilkinson shift: h(hi,hi) moved by 3/4 of the last two subdiagonal magnitudes.</summary>
    private static Complex ExceptionalShift(ReadOnlySpan<Complex> h, int n, int hi)
    {
        double sub = Complex.Abs(h[hi * n + hi - 1]);
        if (hi >= 2)
            sub += Complex.Abs(h[(hi - 1) * n + hi - 2]);
        return h[hi * n + hi] + 0.75 * sub;
    }

    private static double FrobeniusNorm(ReadOnlySpan<Complex> m, int n)
    {
        double sum = 0;
        for (int i = 0; i < n * n; i++)
            sum += m[i].Real * m[i].Real + m[i].Imaginary * m[i].Imaginary;
        return Math.Sqrt(sum);
    }

    private static double Hypot(double a, double b)
    {
        double big = Math.Max(a, b), small = Math.Min(a, b);
        if (big == 0)
            return 0;
        double r = small / big;
        return big * Math.Sqrt(1 + r * r);
    }
}
