using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Ops;

namespace Diff.Runtime.Tests.Operations;

/// <summary>
/// Relu, Sigmoid, Softplus, Maximum, Minimum, Where and StopGradient: values against hand results (large |x|, NaN,
/// ties, broadcasting) and the derivatives the generic registration battery cannot check (ties, StopGradient's zero).
/// Their tangents and adjoints on random inputs are checked by RegisteredDerivativeTests.
/// </summary>
public class ActivationTests
{
    private static Tensor V(params double[] values) => Tensor.FromArray(values);

    /// <summary>Lengths 1 to 11 reach both the vectorized body and the scalar tail of the kernels.</summary>
    public static TheoryData<int> Lengths() => [.. Enumerable.Range(1, 11)];

    [Fact]
    public void ReluClampsAtZero()
    {
        Assert.Equal(new double[] { 0, 0, 0, 2.5, 1e300 }, Relu(V(-3, -0.0, 0, 2.5, 1e300)).ToArray());
        Assert.True(double.IsNaN(Relu(V(double.NaN))[0]));
        var (_, adjoint) = ReluAdjoint(V(-1, 0, 2), V(5, 6, 7));
        Assert.Equal(new double[] { 0, 0, 7 }, adjoint.ToArray());   // 0 at x = 0
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SigmoidAndSoftplusMatchTheirDefinitions(int n)
    {
        double[] x = Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 1 : -1) * (0.3 + 2.1 * i)).ToArray();
        double[] s = Sigmoid(V(x)).ToArray(), p = Softplus(V(x)).ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-x[i])), s[i], 1e-15);
            double softplus = Math.Max(x[i], 0) + Log1p(Math.Exp(-Math.Abs(x[i])));
            Assert.True(Math.Abs(p[i] - softplus) <= 1e-15 * softplus, $"softplus({x[i]}) = {p[i]:R}, expected {softplus:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SigmoidAndSoftplusStayAccurateForLargeArguments(int n)
    {
        double[] x = [-745, -740, -100, -40, -1e-20, 0, 1e-20, 40, 100, 800, double.PositiveInfinity];
        x = x[..n];
        double[] s = Sigmoid(V(x)).ToArray(), p = Softplus(V(x)).ToArray();
        for (int i = 0; i < n; i++)
        {
            // σ(x) = eˣ/(1 + eˣ) for x < 0 (relative accuracy in the tail), 1/(1 + e⁻ˣ) for x ≥ 0
            double sigmoid = x[i] < 0 ? Math.Exp(x[i]) / (1 + Math.Exp(x[i])) : 1 / (1 + Math.Exp(-x[i]));
            Assert.True(s[i] == sigmoid || Math.Abs(s[i] - sigmoid) <= 4e-16 * sigmoid + double.Epsilon, $"σ({x[i]}) = {s[i]:R}, expected {sigmoid:R}");
            // softplus(x) = eˣ to full precision for x ≤ −40 (e⁸⁰ < 2⁻¹¹⁵), x + e⁻ˣ for x ≥ 40, ln 2 ± x/2 near 0
            double softplus = x[i] <= -40 ? Math.Exp(x[i]) : x[i] >= 40 ? x[i] + Math.Exp(-x[i]) : Math.Log(2) + x[i] / 2;
            Assert.True(p[i] == softplus || Math.Abs(p[i] - softplus) <= 4e-16 * softplus + double.Epsilon, $"softplus({x[i]}) = {p[i]:R}, expected {softplus:R}");
        }
        if (n >= 2)
            Assert.True(s[1] > 0 && p[1] > 0, "σ(−740) and softplus(−740) are subnormal, not 0");
    }

    [Fact]
    public void SigmoidAndSoftplusPropagateNaNAndTheirSlopesStayFinite()
    {
        Assert.True(double.IsNaN(Sigmoid(V(double.NaN))[0]));
        Assert.True(double.IsNaN(Softplus(V(double.NaN))[0]));
        Assert.Equal(0, Softplus(V(double.NegativeInfinity))[0]);
        var (_, slope) = SigmoidAdjoint(V(-800, -30, 0, 30, 800), V(1, 1, 1, 1, 1));
        double tail = Math.Exp(-30) / ((1 + Math.Exp(-30)) * (1 + Math.Exp(-30)));   // σ(x)(1 − σ(x)) at x = ±30
        Assert.Equal(new[] { 0, tail, 0.25, tail, 0 }, slope.ToArray(), (a, b) => Math.Abs(a - b) <= 1e-15 * Math.Abs(b) + 1e-300);
        var (_, softSlope) = SoftplusAdjoint(V(-800, 0, 800), V(2, 2, 2));
        Assert.Equal(new double[] { 0, 1, 2 }, softSlope.ToArray());
    }

    [Fact]
    public void MaximumAndMinimumBroadcastAndPropagateNaN()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 5 }, { -2, 3 } });
        var v = V(0, 4);
        Assert.Equal(new double[] { 1, 5, 0, 4 }, Maximum(m, v).ToArray());
        Assert.Equal(new double[] { 0, 4, -2, 3 }, Minimum(v, m).ToArray());
        Assert.True(double.IsNaN(Maximum(V(double.NaN, 1), V(0, double.NaN))[0]));
        Assert.True(double.IsNaN(Minimum(V(double.NaN, 1), V(0, double.NaN))[1]));
        Assert.True(double.IsPositive(Maximum(V(-0.0), V(0.0))[0]));
        Assert.True(double.IsNegative(Minimum(V(0.0), V(-0.0))[0]));
    }

    [Fact]
    public void MaximumAndMinimumSplitTheDerivativeEvenlyAtTies()
    {
        Tensor a = V(1, 2, 3), b = V(1, 0, 5), seed = V(10, 20, 30);
        var (_, aMax, bMax) = MaximumAdjoint(a, b, seed);
        Assert.Equal(new double[] { 5, 20, 0 }, aMax.ToArray());
        Assert.Equal(new double[] { 5, 0, 30 }, bMax.ToArray());
        var (_, aMin, bMin) = MinimumAdjoint(a, b, seed);
        Assert.Equal(new double[] { 5, 0, 30 }, aMin.ToArray());
        Assert.Equal(new double[] { 5, 20, 0 }, bMin.ToArray());
        var (_, tangent) = MaximumTangent(a, b, V(1, 1, 1), V(3, 3, 3));
        Assert.Equal(new double[] { 2, 1, 3 }, tangent.ToArray());
        // Maximum(x, x) = x, and its derivative is x's
        Assert.Equal(seed.ToArray(), MaximumAdjoint(a, a, seed).a.ToArray().Zip(MaximumAdjoint(a, a, seed).b.ToArray(), (p, q) => p + q).ToArray());
        // a broadcast operand collects the seed over the stretched axis
        var (_, column, _) = MaximumAdjoint(Tensor.FromArray([10.0, -10], 2, 1), V(0, 1, 2), Tensor.Ones(2, 3));
        Assert.Equal(new double[] { 3, 0 }, column.ToArray());
    }

    [Fact]
    public void WhereChoosesByTheMaskAndBroadcasts()
    {
        var mask = Tensor.FromArray([1.0, 0], 2, 1);
        Tensor a = V(1, 2, 3), b = Tensor.FromArray([-1.0], []);
        Tensor w = Where(mask, a, b);
        Assert.Equal(new[] { 2, 3 }, w.Shape);
        Assert.Equal(new double[] { 1, 2, 3, -1, -1, -1 }, w.ToArray());
        // nonzero and NaN are true, as numpy reads a float mask
        Assert.Equal(new double[] { 1, 2, -1 }, Where(V(-0.5, double.NaN, 0), a, Tensor.Zeros(3) - 1).ToArray());
        var (_, maskBar, abar, bbar) = WhereAdjoint(mask, a, b, Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
        Assert.Equal(new double[] { 0, 0 }, maskBar.ToArray());
        Assert.Equal(mask.Shape, maskBar.Shape);
        Assert.Equal(new double[] { 1, 2, 3 }, abar.ToArray());
        Assert.Equal(new double[] { 15 }, bbar.ToArray());
        Assert.Equal(Array.Empty<int>(), bbar.Shape);

        var za = ComplexTensor.FromArray(new Complex[] { new(1, 1), new(2, -2) });
        var zw = Where(V(0, 1), za, ComplexTensor.Zeros(2));
        Assert.Equal(new Complex[] { 0, new(2, -2) }, zw.ToArray());
        var (_, _, zabar, zbbar) = WhereAdjoint(V(0, 1), za, ComplexTensor.Zeros(1), ComplexTensor.FromArray(new Complex[] { new(0, 3), 7 }));
        Assert.Equal(new Complex[] { 0, 7 }, zabar.ToArray());
        Assert.Equal(new Complex[] { new(0, 3) }, zbbar.ToArray());
    }

    [Fact]
    public void StopGradientKeepsTheValueAndZeroesTheDerivative()
    {
        Tensor t = V(1, 2, 3);
        var z = ComplexTensor.FromArray(new Complex[] { new(1, 2) });
        Assert.Same(t, StopGradient(t));
        Assert.Same(z, StopGradient(z));
        Assert.Equal(2.5, StopGradient(2.5));
        Assert.Equal(new Complex(1, -1), StopGradient(new Complex(1, -1)));

        Assert.Equal((2.5, 0.0), StopGradientTangent(2.5, 1.0));
        Assert.Equal((2.5, 0.0), StopGradientAdjoint(2.5, 1.0));
        Assert.Equal((new Complex(1, -1), Complex.Zero), StopGradientTangent(new Complex(1, -1), Complex.One));
        Assert.Equal((new Complex(1, -1), Complex.Zero), StopGradientAdjoint(new Complex(1, -1), Complex.One));
        var (value, tangent) = StopGradientTangent(t, V(4, 5, 6));
        Assert.Same(t, value);
        Assert.Equal(new double[] { 0, 0, 0 }, tangent.ToArray());
        var (_, adjoint) = StopGradientAdjoint(t, V(4, 5, 6));
        Assert.Equal(new double[] { 0, 0, 0 }, adjoint.ToArray());
        Assert.Equal(new Complex[] { 0 }, StopGradientAdjoint(z, ComplexTensor.Ones(1)).x.ToArray());
        Assert.Equal(new Complex[] { 0 }, StopGradientTangent(z, ComplexTensor.Ones(1)).Tangent.ToArray());
        Assert.Throws<ArgumentException>(() => StopGradientAdjoint(t, V(1, 2)));
        Assert.Throws<ArgumentNullException>(() => StopGradient((Tensor)null!));
    }

    /// <summary>log(1 + e) for 0 &lt; e ≤ 1 as 2·atanh(t), t = e/(2 + e) ≤ 1/3, by its series: a reference independent of the kernel's.</summary>
    private static double Log1p(double e)
    {
        double t = e / (2 + e), t2 = t * t, term = t, sum = 0;
        for (int k = 0; k < 60 && term != 0; k++, term *= t2)
            sum += term / (2 * k + 1);
        return 2 * sum;
    }
}
