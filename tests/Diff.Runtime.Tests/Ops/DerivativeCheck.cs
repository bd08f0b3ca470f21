using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Runtime.Tests.Derivatives.Registrations;
using Diff.Runtime.Tests.Derivatives;

namespace Diff.Runtime.Tests.Operations;

/// <summary>
/// Checks a registered tangent and adjoint of a function of one value (double, Complex, Tensor or ComplexTensor):
/// the tangent against central differences of the function, and the adjoint identity Re⟨seed, J·v⟩ = Re⟨Jᴴ·seed, v⟩.
/// </summary>
internal static class DerivativeCheck
{
    public static void Check(
        Func<object, object> f, Func<object, object, (object Value, object Tangent)> tangent, Func<object, object, (object Value, object Adjoint)> adjoint,
        object x, Random random, string what, double tolerance = 1e-6)
    {
        object value = f(x);
        object direction = Diff.Runtime.Tests.Derivatives.Registrations.Random(x.GetType(), ShapeOf(x), random, r => 2 * r.NextDouble() - 1);
        var (tValue, dot) = tangent(x, direction);
        Assert.Equal(Elements(value), Elements(tValue));
        Assert.Equal(ShapeOf(value), ShapeOf(dot));

        const double h = 1e-6;
        Complex[] plus = Elements(f(Step(x, direction, h))), minus = Elements(f(Step(x, direction, -h)));
        Complex[] t = Elements(dot);
        Assert.Equal(plus.Length, t.Length);
        double error = Math.Sqrt(plus.Zip(minus, (p, q) => (p - q) / (2 * h)).Zip(t, (d, e) => Complex.Abs(d - e) * Complex.Abs(d - e)).Sum());
        Assert.True(error <= tolerance * Math.Max(1, Norm(dot)), $"{what}: |tangent − central differences| = {error:E2}, |tangent| = {Norm(dot):E2}");

        object seed = Diff.Runtime.Tests.Derivatives.Registrations.Random(value.GetType(), ShapeOf(value), random, r => 2 * r.NextDouble() - 1);
        var (aValue, bar) = adjoint(x, seed);
        Assert.Equal(Elements(value), Elements(aValue));
        Assert.Equal(x.GetType(), bar.GetType());
        Assert.Equal(ShapeOf(x), ShapeOf(bar));
        double left = Inner(seed, dot).Real, right = Inner(bar, direction).Real;
        double scale = Norm(seed) * Norm(dot) + Norm(bar) * Norm(direction);
        Assert.True(Math.Abs(left - right) <= 1e-12 * Math.Max(scale, 1e-300), $"{what}: Re⟨seed, J·v⟩ = {left:R}, Re⟨Jᴴ·seed, v⟩ = {right:R}");
    }

    /// <summary>A tensor of the shape with entries uniform in (−2, 2).</summary>
    public static Tensor RandomTensor(Random r, params int[] shape) => (Tensor)Diff.Runtime.Tests.Derivatives.Registrations.Random(typeof(Tensor), shape, r, q => 4 * q.NextDouble() - 2);

    /// <summary>A complex tensor of the shape with real and imaginary parts in (−1, 1).</summary>
    public static ComplexTensor RandomComplex(Random r, params int[] shape) => (ComplexTensor)Diff.Runtime.Tests.Derivatives.Registrations.Random(typeof(ComplexTensor), shape, r, q => 2 * q.NextDouble() - 1);
}
