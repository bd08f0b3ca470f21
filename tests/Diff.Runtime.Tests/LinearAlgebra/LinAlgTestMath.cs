using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.LinearAlgebra;

/// <summary>Random matrices, comparisons and inner products for the linear-algebra tests.</summary>
internal static class LinAlgTestMath
{
    public static Tensor RealMatrix(Random r, params int[] shape) =>
        Tensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (x, y) => x * y)).Select(_ => 2 * r.NextDouble() - 1).ToArray(), shape);

    public static ComplexTensor ComplexMatrix(Random r, params int[] shape) =>
        ComplexTensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (x, y) => x * y)).Select(_ => new Complex(2 * r.NextDouble() - 1, 2 * r.NextDouble() - 1)).ToArray(), shape);

    public static Tensor Diagonal(Tensor values)
    {
        int n = values.Length;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            d[i, i] = values[i];
        return Tensor.FromArray(d);
    }

    /// <summary>The entries of a value (double, Complex, Tensor, ComplexTensor, or null for zero of the given length) as complex numbers.</summary>
    public static Complex[] Flat(object? x) => x switch
    {
        double d => [d],
        Complex z => [z],
        Tensor t => t.ToArray().Select(v => new Complex(v, 0)).ToArray(),
        ComplexTensor c => c.ToArray(),
        Complex[] z => z,
        _ => throw new ArgumentException(x?.GetType().Name ?? "null"),
    };

    /// <summary>Re ⟨u, v⟩ = Re Σ conj(u)·v, the real inner product the complex convention pairs seeds and tangents with.</summary>
    public static double Inner(object? u, object? v)
    {
        if (u is null || v is null)
            return 0;
        Complex[] x = Flat(u), y = Flat(v);
        Assert.Equal(x.Length, y.Length);
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += (Complex.Conjugate(x[i]) * y[i]).Real;
        return s;
    }

    public static double Norm(object x) => Math.Sqrt(Flat(x).Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary));

    public static void AssertClose(object expected, object actual, double relative)
    {
        Complex[] e = Flat(expected), a = Flat(actual);
        Assert.Equal(e.Length, a.Length);
        double scale = Math.Max(1, e.Max(z => z.Magnitude));
        for (int i = 0; i < e.Length; i++)
            Assert.True((e[i] - a[i]).Magnitude <= relative * scale, $"entry {i}: expected {e[i]}, got {a[i]} (tolerance {relative * scale:G3})");
    }

    /// <summary>(f(x + h·dx) − f(x − h·dx)) / 2h entry by entry, for a function of one tensor with one output.</summary>
    public static Complex[] CentralDifference<TIn>(Func<TIn, object> f, TIn x, TIn dx, double h) where TIn : class
    {
        Complex[] plus = Flat(f(Step(x, dx, h))), minus = Flat(f(Step(x, dx, -h)));
        return plus.Zip(minus, (p, m) => (p - m) / (2 * h)).ToArray();
    }

    public static TIn Step<TIn>(TIn x, TIn dx, double h) where TIn : class => (x, dx) switch
    {
        (Tensor a, Tensor d) => (TIn)(object)(a + h * d),
        (ComplexTensor a, ComplexTensor d) => (TIn)(object)(a + h * d),
        _ => throw new ArgumentException(typeof(TIn).Name),
    };

    /// <summary>|a − b| ≤ tolerance·max(1, |a|, |b|) for sums that are real numbers.</summary>
    public static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual))),
            $"{what}: expected {expected:R}, got {actual:R}");
}
