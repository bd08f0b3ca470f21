using System;
using System.Numerics;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// Plain reference arithmetic for the matrix-exponential tests: naive products and 1-norms written out
/// here, so that a check does not lean on the kernels it checks.
/// </summary>
internal static class ExpmTestMatrices
{
    public static Tensor RealMatrix(int n, params double[] values) => new(values, [n, n]);

    public static ComplexTensor ComplexMatrix(int n, params Complex[] values) => new(values, [n, n]);

    public static ComplexTensor ToComplex(Tensor t) => new(Array.ConvertAll(t.Data, x => new Complex(x, 0)), (int[])t.ShapeRef.Clone());

    /// <summary>Entries ~ N(0, 1)·scale/√n from a fixed seed (Box–Muller over <see cref="Random"/>).</summary>
    public static Tensor RandomReal(int n, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var data = new double[n * n];
        for (int i = 0; i < data.Length; i++)
            data[i] = Gaussian(random) * scale / Math.Sqrt(n);
        return new Tensor(data, [n, n]);
    }

    /// <inheritdoc cref="RandomReal"/>
    public static ComplexTensor RandomComplex(int n, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var data = new Complex[n * n];
        for (int i = 0; i < data.Length; i++)
            data[i] = new Complex(Gaussian(random), Gaussian(random)) * (scale / Math.Sqrt(2 * n));
        return new ComplexTensor(data, [n, n]);
    }

    public static Complex[] Multiply(Complex[] a, Complex[] b, int n)
    {
        var c = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++)
                    c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }

    public static Complex[] ConjugateTranspose(Complex[] a, int n)
    {
        var c = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                c[j * n + i] = System.Numerics.Complex.Conjugate(a[i * n + j]);
        return c;
    }

    public static double OneNorm(Complex[] a, int n)
    {
        double max = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += System.Numerics.Complex.Abs(a[i * n + j]);
            max = Math.Max(max, sum);
        }
        return max;
    }

    public static double OneNorm(double[] a, int n) => OneNorm(Array.ConvertAll(a, x => new Complex(x, 0)), n);

    /// <summary>‖x − y‖₁ / ‖y‖₁ (‖x − y‖₁ when y = 0).</summary>
    public static double RelativeError(Complex[] x, Complex[] y, int n)
    {
        var d = new Complex[x.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] - y[i];
        double ny = OneNorm(y, n);
        return ny == 0 ? OneNorm(d, n) : OneNorm(d, n) / ny;
    }

    public static double RelativeError(double[] x, double[] y, int n) =>
        RelativeError(Array.ConvertAll(x, v => new Complex(v, 0)), Array.ConvertAll(y, v => new Complex(v, 0)), n);

    /// <summary>Re⟨X, Y⟩ = Re tr(XᴴY) = Re Σ conj(x)·y.</summary>
    public static double RealInner(Complex[] x, Complex[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += (System.Numerics.Complex.Conjugate(x[i]) * y[i]).Real;
        return sum;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A random unitary (real orthogonal with <paramref name="real"/>) matrix: three Householder reflections I − 2vvᴴ/(vᴴv) of the identity.</summary>
    public static Complex[] RandomUnitary(int n, int seed, bool real)
    {
        var random = new Random(seed);
        Complex[] q = new Complex[n * n];
        for (int i = 0; i < n; i++)
            q[i * n + i] = 1;
        for (int r = 0; r < 3; r++)
        {
            var v = new Complex[n];
            double vv = 0;
            for (int i = 0; i < n; i++)
            {
                v[i] = new Complex(random.NextDouble() - 0.5, real ? 0 : random.NextDouble() - 0.5);
                vv += v[i].Real * v[i].Real + v[i].Imaginary * v[i].Imaginary;
            }
            // Q ← Q·(I − 2vvᴴ/vv)
            for (int i = 0; i < n; i++)
            {
                Complex dot = 0;
                for (int k = 0; k < n; k++)
                    dot += q[i * n + k] * v[k];
                for (int j = 0; j < n; j++)
                    q[i * n + j] -= 2 * dot * Complex.Conjugate(v[j]) / vv;
            }
        }
        return q;
    }
}
