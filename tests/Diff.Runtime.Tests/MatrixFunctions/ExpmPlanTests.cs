using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Kernels;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// The degree m and scaling s that <see cref="ExpmKernel.Prepare{T}"/> chooses, against a plain transcription of
/// Algorithm 6.1 of Al-Mohy &amp; Higham 2009 with every norm of a power formed exactly and ℓ(A, m) of their eq. (5.1)
/// from the exact ‖|A|^(2m+1)‖₁: the bounds the kernel decides with (on d_k, and the Collatz–Wielandt bounds of
/// <see cref="AbsPowerBounds"/> on ‖|A|^p‖₁) must choose exactly what the exact values do. The reference takes
/// η₁ = ‖A²‖^(1/2) and, for m = 5, d₆ ≤ (‖A⁴‖‖A²‖)^(1/6), as the kernel does without norm estimates.
/// </summary>
public class ExpmPlanTests
{
    private static readonly int[] Orders = [2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 24];

    public static IEnumerable<object[]> Cases() =>
        from n in Orders
        from kind in new[] { 0, 1, 2 } // dense, triangular with large off-diagonal entries, badly scaled
        select new object[] { n, kind };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlanEqualsAlgorithm61WithExactNorms(int n, int kind)
    {
        int compared = 0;
        for (int seed = 0; seed < 6; seed++)
        {
            foreach (double scale in new[] { 0.005, 0.1, 0.4, 0.9, 1.5, 2.5, 4, 12, 100 })
            {
                Complex[] a = Matrix(n, kind, seed, scale);
                foreach (bool forDerivative in new[] { false, true })
                {
                    (int m, int s) = Reference(a, n, forDerivative);
                    var frame = new Complex[ExpmFrame<Complex>.Blocks * n * n];
                    ExpmPlan plan = ExpmKernel.Prepare<Complex>(a, n, forDerivative, new ExpmFrame<Complex>(frame, new int[n], n));
                    Assert.True((m, s) == (plan.M, plan.S),
                        $"n = {n}, kind {kind}, seed {seed}, scale {scale}, derivative {forDerivative}: reference (m, s) = ({m}, {s}), kernel ({plan.M}, {plan.S})");
                    compared++;
                }
            }
        }
        Assert.Equal(108, compared);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(33)]
    public void PowerBoundsContainTheExactNorm(int n)
    {
        var rnd = new Random(50 + n);
        var abs = new double[n * n];
        for (int i = 0; i < abs.Length; i++)
            abs[i] = rnd.NextDouble() < 0.3 ? 0 : rnd.NextDouble() * Math.Pow(10, rnd.Next(-3, 4));
        var bounds = new AbsPowerBounds(abs, n, new double[2 * n]);
        for (int steps = 1; steps <= 6; steps++)
        {
            bounds.Step();
            Assert.Equal(steps, bounds.Steps);
            for (int p = steps; p <= 27; p++)
            {
                double exact = Norm.Log2OneNormOfPower(abs, n, p);
                (double low, double high) = bounds.Log2Bounds(p);
                Assert.True(low <= exact + 1e-9 && exact <= high + 1e-9, $"n = {n}, {steps} steps, p = {p}: {exact} not in [{low}, {high}]");
                if (p == steps)
                    Assert.Equal(exact, low, 9);
            }
        }
    }

    [Fact]
    public void PowerBoundsOfANilpotentMatrixVanish()
    {
        const int n = 4;
        var abs = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                abs[i * n + j] = 1 + i + j;
        var bounds = new AbsPowerBounds(abs, n, new double[2 * n]);
        for (int steps = 1; steps <= n; steps++)
            bounds.Step();
        Assert.Equal((double.NegativeInfinity, double.NegativeInfinity), bounds.Log2Bounds(7));
    }

    private static Complex[] Matrix(int n, int kind, int seed, double scale)
    {
        Complex[] a = RandomComplex(n, 100 * n + 10 * kind + seed, scale / Math.Sqrt(n)).Data;
        if (kind == 1)
        {
            // Upper triangular, off-diagonal entries up to 10⁴ times the diagonal: ℓ > 0 for most degrees.
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < i; j++)
                    a[i * n + j] = 0;
                for (int j = i + 1; j < n; j++)
                    a[i * n + j] *= 1e4 / (j - i);
            }
        }
        else if (kind == 2)
        {
            // D·A·D⁻¹ with D = diag(10^(4i/n)): the same eigenvalues, entries over eight orders of magnitude.
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    a[i * n + j] *= Math.Pow(10, 4.0 * (i - j) / n);
        }
        return a;
    }

    /// <summary>Algorithm 6.1, steps 1–17, with exact norms (see the class summary for the two bounds it shares with the kernel).</summary>
    private static (int M, int S) Reference(Complex[] a, int n, bool forDerivative)
    {
        double Theta(int k) => ExpmPadeTables.Threshold(k, forDerivative);
        Complex[] a2 = Multiply(a, a, n), a4 = Multiply(a2, a2, n), a6 = Multiply(a4, a2, n), a8 = Multiply(a4, a4, n);
        double n2 = OneNorm(a2, n), n4 = OneNorm(a4, n), n6 = OneNorm(a6, n);
        double d4 = Math.Pow(n4, 0.25), d6 = Math.Pow(n6, 1.0 / 6), d8 = Math.Pow(OneNorm(a8, n), 1.0 / 8);
        if (Math.Sqrt(n2) <= Theta(0) && Ell(a, n, 0, 0) == 0)
            return (3, 0);
        if (Math.Max(d4, Math.Pow(n4 * n2, 1.0 / 6)) <= Theta(1) && Ell(a, n, 1, 0) == 0)
            return (5, 0);
        double eta3 = Math.Max(d6, d8);
        if (eta3 <= Theta(2) && Ell(a, n, 2, 0) == 0)
            return (7, 0);
        if (eta3 <= Theta(3) && Ell(a, n, 3, 0) == 0)
            return (9, 0);
        double d10 = Math.Pow(OneNorm(Multiply(a4, a6, n), n), 0.1);
        double eta5 = Math.Min(eta3, Math.Max(d8, d10));
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(eta5 / Theta(4))));
        return (13, s + Ell(a, n, 4, s));
    }

    /// <summary>ℓ(2⁻ˢA, m) = max(⌈log₂(α/u)/(2m)⌉ − s, 0), α = |c_{2m+1}|·‖|A|^(2m+1)‖₁/‖A‖₁, the power by plain vector products.</summary>
    private static int Ell(Complex[] a, int n, int degreeIndex, int s)
    {
        int m = ExpmPadeTables.Degrees[degreeIndex];
        double[] abs = Array.ConvertAll(a, Complex.Abs);
        double norm = OneNorm(a, n);
        if (norm == 0)
            return 0;
        double[] v = Enumerable.Repeat(1.0, n).ToArray();
        double log2Scale = 0;
        for (int p = 0; p < 2 * m + 1; p++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    next[j] += v[i] * abs[i * n + j];
            double max = next.Max();
            if (max == 0)
                return 0;
            log2Scale += Math.Log2(max);
            v = Array.ConvertAll(next, x => x / max);
        }
        double log2Alpha = ExpmPadeTables.Log2LeadingErrorCoefficient(degreeIndex) + log2Scale - Math.Log2(norm);
        return Math.Max(0, (int)Math.Ceiling((log2Alpha + 53) / (2 * m)) - s);
    }
}
