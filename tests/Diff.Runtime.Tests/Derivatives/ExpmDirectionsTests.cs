using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>
/// Tangents of the exponential at a repeated A (a Jacobian's forward sweeps) share A's Padé data from the second
/// call on: the results must be those of independent evaluations, for every direction, real and complex, and a
/// different A in between must not be confused with the kept one.
/// </summary>
public class ExpmDirectionsTests
{
    private static Tensor RandomReal(Random r, int n, double scale)
    {
        var v = new double[n * n];
        for (int i = 0; i < v.Length; i++)
            v[i] = scale * (r.NextDouble() * 2 - 1);
        return Tensor.FromArray(v, n, n);
    }

    private static ComplexTensor RandomComplex(Random r, int n, double scale)
    {
        var v = new Complex[n * n];
        for (int i = 0; i < v.Length; i++)
            v[i] = scale * new Complex(r.NextDouble() * 2 - 1, r.NextDouble() * 2 - 1);
        return ComplexTensor.FromArray(v, n, n);
    }

    private static double Distance(double[] a, double[] b)
    {
        double d = 0, s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d = Math.Max(d, Math.Abs(a[i] - b[i]));
            s = Math.Max(s, Math.Abs(b[i]));
        }

        return d / Math.Max(s, 1e-300);
    }

    private static double Distance(Complex[] a, Complex[] b)
    {
        double d = 0, s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d = Math.Max(d, (a[i] - b[i]).Magnitude);
            s = Math.Max(s, b[i].Magnitude);
        }

        return d / Math.Max(s, 1e-300);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 1.0)]
    [InlineData(9, 3.0)]
    [InlineData(16, 12.0)]
    public void Repeated_real_tangents_equal_independent_Frechet_derivatives(int n, double scale)
    {
        var r = new Random(n);
        var a = RandomReal(r, n, scale);
        var other = RandomReal(r, n, scale);
        for (int k = 0; k < 6; k++)
        {
            // Every third call is at a different matrix, so the kept data must be dropped and found again.
            var at = k % 3 == 2 ? other : Tensor.FromArray(a.ToArray(), n, n);
            var direction = RandomReal(r, n, 1.0);
            var (value, tangent) = Ops.ExpmTangent(at, direction);
            var (expected, derivative) = Ops.ExpmWithFrechet(at, direction);
            Assert.True(Distance(value.ToArray(), expected.ToArray()) < 1e-13, $"value, call {k}");
            Assert.True(Distance(tangent.ToArray(), derivative.ToArray()) < 1e-12, $"tangent, call {k}: {Distance(tangent.ToArray(), derivative.ToArray()):E2}");
        }
    }

    [Theory]
    [InlineData(2, 0.5)]
    [InlineData(8, 2.0)]
    [InlineData(16, 6.0)]
    public void Repeated_complex_tangents_equal_independent_Frechet_derivatives(int n, double scale)
    {
        var r = new Random(100 + n);
        var a = RandomComplex(r, n, scale);
        for (int k = 0; k < 5; k++)
        {
            var direction = RandomComplex(r, n, 1.0);
            var (value, tangent) = Ops.ExpmTangent(a, direction);
            var (expected, derivative) = Ops.ExpmWithFrechet(a, direction);
            Assert.True(Distance(value.ToArray(), expected.ToArray()) < 1e-13, $"value, call {k}");
            Assert.True(Distance(tangent.ToArray(), derivative.ToArray()) < 1e-12, $"tangent, call {k}: {Distance(tangent.ToArray(), derivative.ToArray()):E2}");
        }
    }

    [Fact]
    public void A_bad_direction_at_a_kept_matrix_is_still_refused()
    {
        var a = Tensor.FromArray(new double[,] { { 0, 1 }, { -1, 0 } });
        Ops.ExpmTangent(a, Tensor.Identity(2));
        Ops.ExpmTangent(a, Tensor.Identity(2));
        Assert.Throws<ArgumentException>(() => Ops.ExpmTangent(a, Tensor.Identity(3)));
        Assert.Throws<ArgumentException>(() => Ops.ExpmTangent(a, Tensor.FromArray(new double[,] { { double.NaN, 0 }, { 0, 0 } })));
    }
}
