using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// The complex Schur form of a real matrix, made through its real Schur form so that real
/// eigenvalues come out exactly real.
/// </summary>
/// <remarks>
/// Complex single-shift QR on a real matrix brings in complex shifts as soon as a trailing 2×2 block
/// has complex eigenvalues, and from then on a real eigenvalue carries an imaginary part of the
/// order of u·‖A‖ of either sign. On the negative real axis that sign decides the branch of the
/// logarithm (Im log λ = ±π), so <c>Logm</c> of a real matrix would be unpredictable there. As
/// MATLAB's <c>logm</c> and scipy do, a real matrix is therefore reduced in real arithmetic to the
/// real Schur form A = Z·R·Zᵀ (R quasi upper triangular: 1×1 blocks for real eigenvalues, 2×2
/// blocks for complex pairs) by Householder reduction to Hessenberg form and the Francis
/// double-shift QR iteration (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., Algorithms
/// 7.4.2, 7.5.1 and 7.5.2), and each 2×2 block is then split by one complex unitary rotation built
/// from an eigenvector of the block (the real-to-complex Schur conversion of MATLAB's
/// <c>rsf2csf</c>). The 1×1 blocks, the real eigenvalues, are never touched by a complex number.
/// </remarks>
internal static partial class Schur
{
    /// <summary>
    /// Computes A = Q·T·Qᴴ for real <paramref name="a"/> (given as complex numbers with zero
    /// imaginary parts), through the real Schur form; real eigenvalues of A appear on the diagonal
    /// of T with an imaginary part of exactly zero.
    /// </summary>
    /// <exception cref="ArithmeticException">The QR iteration did not converge in 30·n sweeps (not seen on finite input).</exception>
    public static void DecomposeReal(ReadOnlySpan<Complex> a, int n, Span<Complex> t, Span<Complex> q)
    {
        var h = new double[n * n];
        for (int i = 0; i < h.Length; i++)
            h[i] = a[i].Real;
        // Zᵀ is accumulated, so that every transformation updates contiguous rows.
        var zt = new double[n * n];
        for (int i = 0; i < n; i++)
            zt[i * n + i] = 1;

        ReduceToHessenbergReal(h, zt, n);
        IterateToQuasiTriangular(h, zt, n);

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                t[i * n + j] = j + 1 < i ? Complex.Zero : h[i * n + j];
                q[i * n + j] = zt[j * n + i];
            }
        }
        SplitTwoByTwoBlocks(t, q, n);
    }

    /// <summary>Householder reduction of a real matrix to upper Hessenberg form (Algorithm 7.4.2), with Zᵀ ← P·Zᵀ.</summary>
    private static void ReduceToHessenbergReal(double[] h, double[] zt, int n)
    {
        var v = new double[n];
        var w = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            int len = n - k - 1;
            double tail = 0;
            for (int i = 1; i < len; i++)
                tail += h[(k + 1 + i) * n + k] * h[(k + 1 + i) * n + k];
            if (tail == 0)
                continue;
            double x0 = h[(k + 1) * n + k];
            double alpha = -Math.CopySign(Math.Sqrt(x0 * x0 + tail), x0);
            v[0] = x0 - alpha;
            for (int i = 1; i < len; i++)
                v[i] = h[(k + 1 + i) * n + k];
            double beta = 2 / (v[0] * v[0] + tail);
            ApplyRealReflectorLeft(h, n, k + 1, k, v.AsSpan(0, len), beta, w);
            ApplyRealReflectorLeft(zt, n, k + 1, 0, v.AsSpan(0, len), beta, w);
            ApplyRealReflectorRight(h, n, 0, n - 1, k + 1, v.AsSpan(0, len), beta);
            h[(k + 1) * n + k] = alpha;
            for (int i = k + 2; i < n; i++)
                h[i * n + k] = 0;
        }
    }

    /// <summary>M ← (I − β·v·vᵀ)·M on rows firstRow.. (as many as v has entries), columns firstColumn..n−1.</summary>
    private static void ApplyRealReflectorLeft(double[] m, int n, int firstRow, int firstColumn, ReadOnlySpan<double> v, double beta, Span<double> w)
    {
        int width = n - firstColumn;
        Span<double> dots = w.Slice(0, width);
        dots.Clear();
        for (int i = 0; i < v.Length; i++)
            TensorPrimitives.MultiplyAdd(m.AsSpan((firstRow + i) * n + firstColumn, width), v[i], dots, dots);
        for (int i = 0; i < v.Length; i++)
        {
            Span<double> row = m.AsSpan((firstRow + i) * n + firstColumn, width);
            TensorPrimitives.MultiplyAdd(dots, -beta * v[i], row, row);
        }
    }

    /// <summary>M ← M·(I − β·v·vᵀ) on rows firstRow..lastRow, columns firstColumn.. (as many as v has entries).</summary>
    private static void ApplyRealReflectorRight(double[] m, int n, int firstRow, int lastRow, int firstColumn, ReadOnlySpan<double> v, double beta)
    {
        for (int i = firstRow; i <= lastRow; i++)
        {
            Span<double> row = m.AsSpan(i * n + firstColumn, v.Length);
            double dot = beta * TensorPrimitives.Dot(row, v);
            TensorPrimitives.MultiplyAdd(v, -dot, row, row);
        }
    }

    /// <summary>
    /// Francis double-shift QR sweeps (Algorithms 7.5.1 and 7.5.2) on the unreduced window
    /// H(lo:hi, lo:hi) until only 1×1 and 2×2 diagonal blocks remain; deflation where
    /// |h(k,k−1)| ≤ u·(|h(k,k)| + |h(k−1,k−1)|); an exceptional shift after 10 and 20 sweeps
    /// without deflation.
    /// </summary>
    private static void IterateToQuasiTriangular(double[] h, double[] zt, int n)
    {
        int hi = n - 1;
        int sweepsSinceDeflation = 0;
        int totalSweeps = 0;
        var v = new double[3];
        while (hi > 0)
        {
            int lo = hi;
            while (lo > 0)
            {
                double scale = Math.Abs(h[lo * n + lo]) + Math.Abs(h[(lo - 1) * n + lo - 1]);
                if (scale == 0)
                    scale = RealFrobeniusNorm(h);
                if (Math.Abs(h[lo * n + lo - 1]) <= Unit * scale)
                {
                    h[lo * n + lo - 1] = 0;
                    break;
                }
                lo--;
            }
            if (lo == hi || lo == hi - 1)
            {
                hi = lo - 1; // a 1×1 or 2×2 block has deflated
                sweepsSinceDeflation = 0;
                continue;
            }

            if (++totalSweeps > MaxSweepsPerEigenvalue * n)
                throw new ArithmeticException($"The real Schur QR iteration did not converge in {MaxSweepsPerEigenvalue * n} sweeps.");
            sweepsSinceDeflation++;

            // The shifts are the eigenvalues of the trailing 2×2 block, through their sum and product.
            double a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi];
            double c = h[hi * n + hi - 1], d = h[hi * n + hi];
            double sum = a + d, product = a * d - b * c;
            if (sweepsSinceDeflation % 10 == 0)
            {
                // Exceptional shifts (as LAPACK's dlahqr): a double root near the last diagonal entry.
                double w = Math.Abs(c) + Math.Abs(h[(hi - 1) * n + hi - 2]);
                sum = 2 * (d + 0.75 * w);
                product = (d + 0.75 * w) * (d + 0.75 * w) - 0.4375 * w * w;
            }
            FrancisSweep(h, zt, n, lo, hi, sum, product, v);
        }
    }

    /// <summary>One Francis double-shift step on H(lo:hi, lo:hi), hi − lo ≥ 2: the first column of (H − σ₁I)(H − σ₂I) starts a 3×3 bulge that Householder reflectors chase to the bottom.</summary>
    private static void FrancisSweep(double[] h, double[] zt, int n, int lo, int hi, double sum, double product, double[] v)
    {
        double h00 = h[lo * n + lo], h01 = h[lo * n + lo + 1];
        double h10 = h[(lo + 1) * n + lo], h11 = h[(lo + 1) * n + lo + 1], h21 = h[(lo + 2) * n + lo + 1];
        double x = h00 * h00 + h01 * h10 - sum * h00 + product;
        double y = h10 * (h00 + h11 - sum);
        double z = h10 * h21;
        for (int k = lo; k <= hi - 2; k++)
        {
            double norm = Math.Sqrt(x * x + y * y + z * z);
            if (norm != 0 && (y != 0 || z != 0))
            {
                double alpha = -Math.CopySign(norm, x);
                v[0] = x - alpha;
                v[1] = y;
                v[2] = z;
                double beta = 2 / (v[0] * v[0] + y * y + z * z);
                int firstColumn = Math.Max(lo, k - 1);
                ApplyReflector3Rows(h, n, k, firstColumn, v, beta);
                ApplyReflector3Rows(zt, n, k, 0, v, beta);
                ApplyReflector3Columns(h, n, Math.Min(k + 3, hi), k, v, beta);
                if (k > lo)
                {
                    h[(k + 1) * n + k - 1] = 0;
                    h[(k + 2) * n + k - 1] = 0;
                }
            }
            x = h[(k + 1) * n + k];
            y = h[(k + 2) * n + k];
            if (k < hi - 2)
                z = h[(k + 3) * n + k];
        }
        // A final Givens rotation on rows and columns hi−1, hi.
        double r = Math.Sqrt(x * x + y * y);
        if (y != 0)
        {
            double cs = x / r, sn = y / r;
            RotateRealRows(h, n, hi - 1, Math.Max(lo, hi - 2), cs, sn);
            RotateRealRows(zt, n, hi - 1, 0, cs, sn);
            for (int i = 0; i <= hi; i++)
            {
                double left = h[i * n + hi - 1], right = h[i * n + hi];
                h[i * n + hi - 1] = cs * left + sn * right;
                h[i * n + hi] = cs * right - sn * left;
            }
            h[hi * n + hi - 2] = 0;
        }
    }

    /// <summary>Columns k..k+2 of rows 0..lastRow: M ← M·(I − β·v·vᵀ) for a 3-vector v.</summary>
    private static void ApplyReflector3Columns(double[] m, int n, int lastRow, int k, double[] v, double beta)
    {
        double v0 = v[0], v1 = v[1], v2 = v[2];
        for (int i = 0; i <= lastRow; i++)
        {
            int at = i * n + k;
            double dot = beta * (m[at] * v0 + m[at + 1] * v1 + m[at + 2] * v2);
            m[at] -= dot * v0;
            m[at + 1] -= dot * v1;
            m[at + 2] -= dot * v2;
        }
    }

    private static void ApplyReflector3Rows(double[] m, int n, int k, int firstColumn, double[] v, double beta)
    {
        Span<double> r0 = m.AsSpan(k * n, n), r1 = m.AsSpan((k + 1) * n, n), r2 = m.AsSpan((k + 2) * n, n);
        int j = firstColumn;
        if (Vector.IsHardwareAccelerated)
        {
            var v0 = new Vector<double>(v[0]);
            var v1 = new Vector<double>(v[1]);
            var v2 = new Vector<double>(v[2]);
            var b = new Vector<double>(beta);
            for (; j + Vector<double>.Count <= n; j += Vector<double>.Count)
            {
                var x0 = new Vector<double>(r0.Slice(j));
                var x1 = new Vector<double>(r1.Slice(j));
                var x2 = new Vector<double>(r2.Slice(j));
                Vector<double> dot = b * (v0 * x0 + v1 * x1 + v2 * x2);
                (x0 - dot * v0).CopyTo(r0.Slice(j));
                (x1 - dot * v1).CopyTo(r1.Slice(j));
                (x2 - dot * v2).CopyTo(r2.Slice(j));
            }
        }
        for (; j < n; j++)
        {
            double dot = beta * (v[0] * r0[j] + v[1] * r1[j] + v[2] * r2[j]);
            r0[j] -= dot * v[0];
            r1[j] -= dot * v[1];
            r2[j] -= dot * v[2];
        }
    }

    /// <summary>[c s; −s c] applied to rows k and k+1 from <paramref name="firstColumn"/> on.</summary>
    private static void RotateRealRows(double[] m, int n, int k, int firstColumn, double c, double s)
    {
        int j = firstColumn;
        if (Vector.IsHardwareAccelerated)
        {
            Span<double> top = m.AsSpan(k * n, n), bottom = m.AsSpan((k + 1) * n, n);
            var cv = new Vector<double>(c);
            var sv = new Vector<double>(s);
            for (; j + Vector<double>.Count <= n; j += Vector<double>.Count)
            {
                var x = new Vector<double>(top.Slice(j));
                var y = new Vector<double>(bottom.Slice(j));
                (cv * x + sv * y).CopyTo(top.Slice(j));
                (cv * y - sv * x).CopyTo(bottom.Slice(j));
            }
        }
        for (; j < n; j++)
        {
            double top = m[k * n + j], bottom = m[(k + 1) * n + j];
            m[k * n + j] = c * top + s * bottom;
            m[(k + 1) * n + j] = c * bottom - s * top;
        }
    }

    /// <summary>
    /// Makes T triangular where the real Schur form has a 2×2 block B = [a b; c d], c ≠ 0: with μ an
    /// eigenvalue of B and v = (μ − d, c)/‖(μ − d, c)‖ its unit eigenvector, G = [v, (−v̄₁, v̄₀)] is
    /// unitary and Gᴴ·B·G is upper triangular; T ← Gᴴ·T·G on rows and columns i, i+1 and Q ← Q·G.
    /// A block with real eigenvalues gets a real G, so its eigenvalues stay real too.
    /// </summary>
    private static void SplitTwoByTwoBlocks(Span<Complex> t, Span<Complex> q, int n)
    {
        for (int i = 0; i + 1 < n; i++)
        {
            Complex c = t[(i + 1) * n + i];
            if (c == Complex.Zero)
                continue;
            Complex a = t[i * n + i], b = t[i * n + i + 1], d = t[(i + 1) * n + i + 1];
            Complex mu = WilkinsonShift(d, b, c, a); // the eigenvalue of B nearer a
            Complex v0 = mu - d, v1 = c;
            double norm = Math.Sqrt(v0.Real * v0.Real + v0.Imaginary * v0.Imaginary + v1.Real * v1.Real + v1.Imaginary * v1.Imaginary);
            v0 /= norm;
            v1 /= norm;
            Complex v0Bar = Complex.Conjugate(v0), v1Bar = Complex.Conjugate(v1);
            for (int j = i; j < n; j++)
            {
                Complex top = t[i * n + j], bottom = t[(i + 1) * n + j];
                t[i * n + j] = v0Bar * top + v1Bar * bottom;
                t[(i + 1) * n + j] = v0 * bottom - v1 * top;
            }
            for (int r = 0; r <= i + 1; r++)
            {
                Complex left = t[r * n + i], right = t[r * n + i + 1];
                t[r * n + i] = left * v0 + right * v1;
                t[r * n + i + 1] = right * v0Bar - left * v1Bar;
            }
            for (int r = 0; r < n; r++)
            {
                Complex left = q[r * n + i], right = q[r * n + i + 1];
                q[r * n + i] = left * v0 + right * v1;
                q[r * n + i + 1] = right * v0Bar - left * v1Bar;
            }
            t[(i + 1) * n + i] = Complex.Zero;
            i++; // the next row starts after this block
        }
    }

    private static double RealFrobeniusNorm(double[] m)
    {
        double sum = 0;
        foreach (double x in m)
            sum += x * x;
        return Math.Sqrt(sum);
    }
}
