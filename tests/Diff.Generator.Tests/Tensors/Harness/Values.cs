using System;
using System.Numerics;
using Xunit.Sdk;

namespace Diff.Generator.Tests.Tensors.Harness;

/// <summary>
/// The differentiable values of the contract (<c>double</c>, <c>Complex</c>, <c>Tensor</c>, <c>ComplexTensor</c>,
/// <c>double[]</c>, <c>Complex[]</c>) seen as flat vectors of complex numbers with a shape, so that finite
/// differences, inner products and comparisons are written once for all of them.
/// </summary>
public static class Values
{
    /// <summary>Whether <paramref name="type"/> is one of the differentiable types.</summary>
    public static bool IsDifferentiable(Type type) =>
        type == typeof(double) || type == typeof(Complex) || type == typeof(Tensor) || type == typeof(ComplexTensor)
        || type == typeof(double[]) || type == typeof(Complex[]);

    /// <summary>Whether a value of <paramref name="type"/> is complex.</summary>
    public static bool IsComplex(Type type) => type == typeof(Complex) || type == typeof(ComplexTensor) || type == typeof(Complex[]);

    /// <summary>The elements of <paramref name="value"/>, row-major.</summary>
    public static Complex[] Flatten(object? value) => value switch
    {
        double d => [d],
        Complex z => [z],
        Tensor t => Array.ConvertAll(t.ToArray(), x => (Complex)x),
        ComplexTensor t => t.ToArray(),
        double[] a => Array.ConvertAll(a, x => (Complex)x),
        Complex[] a => (Complex[])a.Clone(),
        null => throw new XunitException("A generated member returned null where a value was expected."),
        _ => throw new ArgumentException($"Not a differentiable value: {value.GetType().Name}."),
    };

    /// <summary>The shape of <paramref name="value"/>: <c>[]</c> for a scalar, <c>[n]</c> for an array.</summary>
    public static int[] ShapeOf(object value) => value switch
    {
        double or Complex => [],
        Tensor t => t.Shape,
        ComplexTensor t => t.Shape,
        double[] a => [a.Length],
        Complex[] a => [a.Length],
        _ => throw new ArgumentException($"Not a differentiable value: {value.GetType().Name}."),
    };

    /// <summary>A value of the same type and shape as <paramref name="template"/> holding <paramref name="data"/>.</summary>
    public static object Like(object template, Complex[] data) => template switch
    {
        double => data[0].Real,
        Complex => data[0],
        Tensor t => Tensor.FromArray(Array.ConvertAll(data, z => z.Real), t.Shape),
        ComplexTensor t => ComplexTensor.FromArray(data, t.Shape),
        double[] => Array.ConvertAll(data, z => z.Real),
        Complex[] => (Complex[])data.Clone(),
        _ => throw new ArgumentException($"Not a differentiable value: {template.GetType().Name}."),
    };

    /// <summary>A random value like <paramref name="template"/>: entries uniform in [−1, 1] (both parts for a complex value).</summary>
    public static object RandomLike(object template, Random random)
    {
        bool complex = IsComplex(template.GetType());
        var data = new Complex[Flatten(template).Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = new Complex(2 * random.NextDouble() - 1, complex ? 2 * random.NextDouble() - 1 : 0);
        return Like(template, data);
    }

    /// <summary>x + h·dx, of x's type and shape.</summary>
    public static object Step(object x, double h, object dx)
    {
        Complex[] a = Flatten(x), d = Flatten(dx);
        var data = new Complex[a.Length];
        for (int i = 0; i < a.Length; i++)
            data[i] = a[i] + h * d[i];
        return Like(x, data);
    }

    /// <summary>The real inner product of the contract: ⟨a, b⟩ = Re Σ conj(aₖ)·bₖ.</summary>
    public static double Inner(object a, object b) => Inner(Flatten(a), Flatten(b));

    /// <summary>⟨a, b⟩ = Re Σ conj(aₖ)·bₖ.</summary>
    public static double Inner(Complex[] a, Complex[] b)
    {
        if (a.Length != b.Length)
            throw new XunitException($"Inner product of {a.Length} and {b.Length} elements.");
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += (Complex.Conjugate(a[i]) * b[i]).Real;
        return sum;
    }

    /// <summary>Σ |conj(aₖ)·bₖ|: the scale of the inner product's terms.</summary>
    public static double InnerScale(Complex[] a, Complex[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i].Magnitude * b[i].Magnitude;
        return sum;
    }

    /// <summary>The Euclidean norm of the elements.</summary>
    public static double Norm(Complex[] a)
    {
        double sum = 0;
        foreach (Complex z in a)
            sum += z.Real * z.Real + z.Imaginary * z.Imaginary;
        return Math.Sqrt(sum);
    }

    /// <summary>‖a − b‖.</summary>
    public static double Distance(Complex[] a, Complex[] b)
    {
        if (a.Length != b.Length)
            throw new XunitException($"Comparing {a.Length} with {b.Length} elements.");
        var d = new Complex[a.Length];
        for (int i = 0; i < a.Length; i++)
            d[i] = a[i] - b[i];
        return Norm(d);
    }

    /// <summary>A short text of a value for assertion messages: its kind, shape and first elements.</summary>
    public static string Show(object? value)
    {
        if (value is null)
            return "null";
        Complex[] data = Flatten(value);
        string head = string.Join(", ", data.Take(6).Select(z => z.Imaginary == 0 ? z.Real.ToString("G6") : $"({z.Real:G6}, {z.Imaginary:G6})"));
        return $"{value.GetType().Name}[{string.Join(",", ShapeOf(value))}] {{{head}{(data.Length > 6 ? ", …" : "")}}}";
    }

    // ---- inputs of the cases ----------------------------------------------------------------------------------

    /// <summary>A real tensor of <paramref name="shape"/>, entries uniform in [lo, hi].</summary>
    public static Tensor T(Random r, double lo, double hi, params int[] shape)
    {
        int n = 1;
        foreach (int s in shape)
            n *= s;
        var data = new double[n];
        for (int i = 0; i < n; i++)
            data[i] = lo + (hi - lo) * r.NextDouble();
        return Tensor.FromArray(data, shape);
    }

    /// <summary>A real tensor of <paramref name="shape"/>, entries uniform in [−1, 1].</summary>
    public static Tensor T(Random r, params int[] shape) => T(r, -1, 1, shape);

    /// <summary>A complex tensor of <paramref name="shape"/>, both parts uniform in [lo, hi].</summary>
    public static ComplexTensor Z(Random r, double lo, double hi, params int[] shape)
    {
        Tensor re = T(r, lo, hi, shape), im = T(r, lo, hi, shape);
        return ComplexTensor.FromTensor(re) + Complex.ImaginaryOne * im;
    }

    /// <summary>A complex tensor of <paramref name="shape"/>, both parts uniform in [−1, 1].</summary>
    public static ComplexTensor Z(Random r, params int[] shape) => Z(r, -1, 1, shape);

    /// <summary>A matrix near the identity, I + s·E with E uniform in [−1, 1]: well conditioned, eigenvalues near 1.</summary>
    public static Tensor NearIdentity(Random r, int n, double s = 0.2) => Tensor.Identity(n) + s * T(r, n, n);

    /// <summary>A complex matrix near the identity.</summary>
    public static ComplexTensor ComplexNearIdentity(Random r, int n, double s = 0.2) => ComplexTensor.FromTensor(Tensor.Identity(n)) + s * Z(r, n, n);

    /// <summary>A double uniform in [lo, hi].</summary>
    public static double D(Random r, double lo = -1, double hi = 1) => lo + (hi - lo) * r.NextDouble();

    /// <summary>A complex number with both parts uniform in [lo, hi].</summary>
    public static Complex C(Random r, double lo = -1, double hi = 1) => new(D(r, lo, hi), D(r, lo, hi));

    /// <summary>A double[] of <paramref name="n"/> entries uniform in [lo, hi].</summary>
    public static double[] A(Random r, int n, double lo = -1, double hi = 1) => T(r, lo, hi, n).ToArray();

    /// <summary>A Complex[] of <paramref name="n"/> entries.</summary>
    public static Complex[] CA(Random r, int n, double lo = -1, double hi = 1) => Z(r, lo, hi, n).ToArray();

    /// <summary>A dimension in [lo, hi].</summary>
    public static int Dim(Random r, int lo = 2, int hi = 4) => r.Next(lo, hi + 1);
}
