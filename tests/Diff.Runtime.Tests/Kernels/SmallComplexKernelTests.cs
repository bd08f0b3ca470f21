using System;
using System.Linq;
using System.Numerics;
using Diff.Kernels;
using Xunit;

namespace Diff.Runtime.Tests.Kernels;

/// <summary>
/// The small-order complex paths of the matrix-exponential kernels (inline LU for n ≤ 16, moduli and 1-norms four at a
/// time, the register-blocked 1ᵀ|A|^p chain, fused combinations) against plain scalar references, at every order
/// up to 17 so that odd tails and the switch to the general code are covered.
/// </summary>
public class SmallComplexKernelTests
{
    private static Complex[] RandomComplex(Random rnd, int length, double scale = 1)
    {
        var x = new Complex[length];
        for (int i = 0; i < length; i++)
            x[i] = new Complex(rnd.NextDouble() * 2 - 1, rnd.NextDouble() * 2 - 1) * scale;
        return x;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public void LuSolvesComplexSystemsWithPivoting(int n)
    {
        var rnd = new Random(10 + n);
        Complex[] a = RandomComplex(rnd, n * n);
        // A small leading entry forces a row interchange at the first step.
        a[0] = new Complex(1e-3, 0);
        Complex[] x = RandomComplex(rnd, n * n);
        var b = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < n; p++)
                    b[i * n + j] += a[i * n + p] * x[p * n + j];

        var lu = (Complex[])a.Clone();
        var pivots = new int[n];
        Assert.True(Lu.Factor<Complex>(lu, pivots, n));
        if (n > 1)
            Assert.NotEqual(0, pivots[0]);
        Lu.Solve<Complex>(lu, pivots, b, n, n);
        for (int i = 0; i < b.Length; i++)
            Assert.True(Complex.Abs(b[i] - x[i]) < 1e-10, $"n = {n}, entry {i}: {b[i]} against {x[i]}");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(5, 2)]
    [InlineData(6, 7)]
    [InlineData(9, 9)]
    [InlineData(12, 5)]
    [InlineData(16, 3)]
    [InlineData(16, 16)]
    public void LuSolvesSparseComplexSystemsWithAnyNumberOfColumns(int n, int columns)
    {
        // Half the entries exactly zero, so that some multipliers of a row pair vanish and others do not (the one-row
        // branches of the paired elimination), and right-hand sides of odd and even widths (the tails of the row kernels).
        var rnd = new Random(60 + 17 * n + columns);
        Complex[] a = RandomComplex(rnd, n * n);
        for (int i = 0; i < a.Length; i++)
        {
            if (rnd.NextDouble() < 0.5)
                a[i] = 0;
        }
        for (int i = 0; i < n; i++)
            a[i * n + i] = new Complex(rnd.NextDouble() < 0.5 ? 0.1 : 3, 1);
        Complex[] x = RandomComplex(rnd, n * columns);
        var b = new Complex[n * columns];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < columns; j++)
                for (int p = 0; p < n; p++)
                    b[i * columns + j] += a[i * n + p] * x[p * columns + j];

        var lu = (Complex[])a.Clone();
        var pivots = new int[n];
        Assert.True(Lu.Factor<Complex>(lu, pivots, n));
        Lu.Solve<Complex>(lu, pivots, b, n, columns);
        for (int i = 0; i < b.Length; i++)
            Assert.True(Complex.Abs(b[i] - x[i]) < 1e-9, $"n = {n}, columns = {columns}, entry {i}: {b[i]} against {x[i]}");
    }

    [Fact]
    public void LuReportsAnExactlySingularComplexMatrix()
    {
        var a = new Complex[] { 1, 2, new Complex(0, 1), 2, 4, new Complex(0, 2), 0, 1, 1 };
        Assert.False(Lu.Factor<Complex>(a, new int[3], 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(16)]
    [InlineData(17)]
    public void MagnitudesAndNormMatchScalarModuli(int n)
    {
        var rnd = new Random(20 + n);
        Complex[] a = RandomComplex(rnd, n * n);
        a[n * n - 1] = new Complex(1e200, 1e200); // a modulus whose squares overflow: the scalar fallback
        var magnitudes = new double[n * n];
        double norm = Norm.Magnitudes<Complex>(a, n, magnitudes);
        var sums = new double[n];
        for (int i = 0; i < n * n; i++)
        {
            Assert.Equal(NormScalar.Magnitude(a[i]), magnitudes[i]);
            sums[i % n] += magnitudes[i];
        }
        Assert.Equal(sums.Max(), norm);

        a[n * n - 1] = 1;
        double expected = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
                s += Complex.Abs(a[i * n + j]);
            expected = Math.Max(expected, s);
        }
        Assert.Equal(expected, Norm.One<Complex>(a, n), 13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(19)]
    [InlineData(37)]
    public void PowerChainMatchesRepeatedVectorProducts(int n)
    {
        var rnd = new Random(30 + n);
        var abs = new double[n * n];
        for (int i = 0; i < abs.Length; i++)
            abs[i] = rnd.NextDouble();
        var v = new double[n];
        Array.Fill(v, 1.0);
        var chain = new AbsPowerSequence(abs, n, new double[2 * n]);
        for (int p = 1; p <= 27; p++)
        {
            var next = new double[n];
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                    next[j] += v[i] * abs[i * n + j];
            v = next;
            if (p % 4 == 3)
                Assert.Equal(Math.Log2(v.Max()), chain.Log2NormOfPower(p), 12);
        }
    }

    [Fact]
    public void FusedCombinationsMatchTermByTermSums()
    {
        var rnd = new Random(40);
        const int n = 5;
        Complex[] x = RandomComplex(rnd, n * n), z = RandomComplex(rnd, n * n), w = RandomComplex(rnd, n * n), t = RandomComplex(rnd, n * n);
        var y = new Complex[n * n];
        Dense.Combine<Complex>(2, x, -3, z, 0.5, w, 7, t, y);
        for (int i = 0; i < y.Length; i++)
            Assert.True(Complex.Abs(y[i] - (2 * x[i] - 3 * z[i] + 0.5 * w[i] + 7 * t[i])) < 1e-14);
        Dense.Combine<Complex>(2, x, -3, z, 0, default, 0, default, y);
        for (int i = 0; i < y.Length; i++)
            Assert.True(Complex.Abs(y[i] - (2 * x[i] - 3 * z[i])) < 1e-14);
        var before = (Complex[])y.Clone();
        Dense.AddCombination<Complex>(1, x, 2, z, 3, w, y);
        for (int i = 0; i < y.Length; i++)
            Assert.True(Complex.Abs(y[i] - (before[i] + x[i] + 2 * z[i] + 3 * w[i])) < 1e-14);
        var s = new Complex[n * n];
        var d = new Complex[n * n];
        Dense.SumAndDifference<Complex>(x, z, s, d);
        for (int i = 0; i < y.Length; i++)
        {
            Assert.Equal(x[i] + z[i], s[i]);
            Assert.Equal(x[i] - z[i], d[i]);
        }
    }
}
