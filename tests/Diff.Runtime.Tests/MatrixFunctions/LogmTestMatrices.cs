using System;
using System.Numerics;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// Test-side matrix helpers for the logarithm and Schur tests, on row-major n×n <see cref="Complex"/>
/// arrays: seeded random matrices, products, norms, an inverse, and an independent matrix
/// exponential used as an oracle (so that the tests do not depend on the runtime's Expm).
/// </summary>
internal static class LogmTestMatrices
{
    /// <summary>The dimensions of the property tests.</summary>
    public static readonly int[] Sizes = { 1, 2, 3, 5, 8, 13, 21, 34, 64 };

    public const double Unit = 1.1102230246251565e-16;

    /// <summary>I + 0.3·G/√n with G standard normal (real or complex): well conditioned, eigenvalues near 1.</summary>
    public static Complex[] NearIdentity(int n, bool complex, int seed)
    {
        var random = new Random(seed);
        var a = new Complex[n * n];
        double scale = 0.3 / Math.Sqrt(n);
        for (int i = 0; i < a.Length; i++)
            a[i] = scale * (complex ? new Complex(Normal(random), Normal(random)) / Math.Sqrt(2) : Normal(random));
        for (int i = 0; i < n; i++)
            a[i * n + i] += 1;
        return a;
    }

    /// <summary>A matrix of standard normal entries (real or complex), no structure.</summary>
    public static Complex[] Gaussian(int n, bool complex, int seed)
    {
        var random = new Random(seed);
        var a = new Complex[n * n];
        for (int i = 0; i < a.Length; i++)
            a[i] = complex ? new Complex(Normal(random), Normal(random)) : Normal(random);
        return a;
    }

    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static Complex[] Identity(int n)
    {
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
            a[i * n + i] = 1;
        return a;
    }

    public static Complex[] Multiply(Complex[] a, Complex[] b, int n)
    {
        var c = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                Complex aik = a[i * n + k];
                for (int j = 0; j < n; j++)
                    c[i * n + j] += aik * b[k * n + j];
            }
        return c;
    }

    public static Complex[] ConjugateTranspose(Complex[] a, int n)
    {
        var c = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                c[j * n + i] = Complex.Conjugate(a[i * n + j]);
        return c;
    }

    public static Complex[] Add(Complex[] a, Complex[] b, Complex beta)
    {
        var c = new Complex[a.Length];
        for (int i = 0; i < a.Length; i++)
            c[i] = a[i] + beta * b[i];
        return c;
    }

    public static Complex[] Scale(Complex[] a, Complex alpha)
    {
        var c = new Complex[a.Length];
        for (int i = 0; i < a.Length; i++)
            c[i] = alpha * a[i];
        return c;
    }

    /// <summary>The 1-norm: the largest column sum of moduli.</summary>
    public static double OneNorm(Complex[] a, int n)
    {
        double best = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += Complex.Abs(a[i * n + j]);
            best = Math.Max(best, sum);
        }
        return best;
    }

    public static double Frobenius(Complex[] a)
    {
        double sum = 0;
        foreach (Complex z in a)
            sum += z.Real * z.Real + z.Imaginary * z.Imaginary;
        return Math.Sqrt(sum);
    }

    /// <summary>‖a − b‖₁ / max(‖b‖₁, tiny): the relative 1-norm distance of <paramref name="a"/> from <paramref name="b"/>.</summary>
    public static double RelativeError(Complex[] a, Complex[] b, int n) =>
        OneNorm(Add(a, b, -1), n) / Math.Max(OneNorm(b, n), double.Epsilon);

    /// <summary>A⁻¹ by Gauss–Jordan elimination with partial pivoting.</summary>
    public static Complex[] Inverse(Complex[] a, int n)
    {
        var m = (Complex[])a.Clone();
        var inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int i = col + 1; i < n; i++)
                if (Complex.Abs(m[i * n + col]) > Complex.Abs(m[pivot * n + col]))
                    pivot = i;
            SwapRows(m, n, col, pivot);
            SwapRows(inv, n, col, pivot);
            Complex p = m[col * n + col];
            for (int j = 0; j < n; j++)
            {
                m[col * n + j] /= p;
                inv[col * n + j] /= p;
            }
            for (int i = 0; i < n; i++)
            {
                if (i == col)
                    continue;
                Complex f = m[i * n + col];
                if (f == Complex.Zero)
                    continue;
                for (int j = 0; j < n; j++)
                {
                    m[i * n + j] -= f * m[col * n + j];
                    inv[i * n + j] -= f * inv[col * n + j];
                }
            }
        }
        return inv;
    }

    private static void SwapRows(Complex[] m, int n, int r1, int r2)
    {
        if (r1 == r2)
            return;
        for (int j = 0; j < n; j++)
            (m[r1 * n + j], m[r2 * n + j]) = (m[r2 * n + j], m[r1 * n + j]);
    }

    /// <summary>
    /// Oracle e^A: scale by 2^−s until ‖A/2^s‖₁ ≤ 1/8, a 30-term Taylor series (truncation error
    /// below (1/8)³⁰/30! relative), then s squarings. Slow and plain, and independent of the runtime.
    /// </summary>
    public static Complex[] Expm(Complex[] a, int n)
    {
        double norm = OneNorm(a, n);
        int s = norm <= 0.125 ? 0 : (int)Math.Ceiling(Math.Log2(norm / 0.125));
        Complex[] b = Scale(a, Math.ScaleB(1.0, -s));
        Complex[] sum = Identity(n);
        Complex[] term = Identity(n);
        for (int k = 1; k <= 30; k++)
        {
            term = Scale(Multiply(term, b, n), 1.0 / k);
            sum = Add(sum, term, 1);
        }
        for (int i = 0; i < s; i++)
            sum = Multiply(sum, sum, n);
        return sum;
    }

    /// <summary>The 2n×2n block matrix [[A, E], [0, A]].</summary>
    public static Complex[] BlockUpper(Complex[] a, Complex[] e, int n)
    {
        int m = 2 * n;
        var block = new Complex[m * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                block[i * m + j] = a[i * n + j];
                block[i * m + n + j] = e[i * n + j];
                block[(n + i) * m + n + j] = a[i * n + j];
            }
        return block;
    }

    /// <summary>The upper right n×n block of a 2n×2n matrix.</summary>
    public static Complex[] UpperRightBlock(Complex[] block, int n)
    {
        int m = 2 * n;
        var result = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result[i * n + j] = block[i * m + n + j];
        return result;
    }

    /// <summary>Re⟨X, Y⟩ = Re Σ conj(x_k)·y_k.</summary>
    public static double RealInner(Complex[] x, Complex[] y)
    {
        double sum = 0;
        for (int k = 0; k < x.Length; k++)
            sum += (Complex.Conjugate(x[k]) * y[k]).Real;
        return sum;
    }

    public static ComplexTensor ToTensor(Complex[] a, int n) => new((Complex[])a.Clone(), new[] { n, n });

    public static Tensor ToRealTensor(Complex[] a, int n)
    {
        var data = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Imaginary != 0)
                throw new ArgumentException("The matrix is not real.");
            data[i] = a[i].Real;
        }
        return new Tensor(data, new[] { n, n });
    }
}
