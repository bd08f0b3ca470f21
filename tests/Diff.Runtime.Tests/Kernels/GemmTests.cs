using System;
using System.Numerics;
using Diff.Kernels;
using Xunit;

namespace Diff.Runtime.Tests.Kernels;

public class GemmTests
{
    private static double[] RandomReal(Random rnd, int length)
    {
        var x = new double[length];
        for (int i = 0; i < length; i++)
            x[i] = rnd.NextDouble() * 2 - 1;
        return x;
    }

    private static Complex[] RandomComplex(Random rnd, int length)
    {
        var x = new Complex[length];
        for (int i = 0; i < length; i++)
            x[i] = new Complex(rnd.NextDouble() * 2 - 1, rnd.NextDouble() * 2 - 1);
        return x;
    }

    private static double[] Naive(double[] a, double[] b, double[] c0, int m, int k, int n)
    {
        var c = (double[])c0.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += a[i * k + p] * b[p * n + j];
                c[i * n + j] += s;
            }
        return c;
    }

    private static Complex[] Naive(Complex[] a, Complex[] b, Complex[] c0, int m, int k, int n)
    {
        var c = (Complex[])c0.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                Complex s = 0;
                for (int p = 0; p < k; p++)
                    s += a[i * k + p] * b[p * n + j];
                c[i * n + j] += s;
            }
        return c;
    }

    private static void AssertClose(double[] expected, double[] actual, int k)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tol = 1e-14 * (k + 1) * 4;
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    private static void AssertClose(Complex[] expected, Complex[] actual, int k)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tol = 1e-14 * (k + 1) * 8;
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Complex.Abs(expected[i] - actual[i]) <= tol, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    /// <summary>Sizes that hit every edge of the 6×8 / 6×4 micro-tiles, plus some beyond one KC/MC block.</summary>
    public static TheoryData<int, int, int> Sizes()
    {
        var data = new TheoryData<int, int, int>
        {
            { 1, 1, 1 }, { 1, 7, 1 }, { 2, 3, 5 }, { 6, 1, 8 }, { 6, 4, 4 }, { 7, 9, 11 }, { 12, 16, 8 },
            { 13, 17, 19 }, { 31, 5, 33 }, { 32, 32, 32 }, { 50, 70, 3 }, { 70, 1, 70 }, { 64, 64, 64 },
            { 65, 67, 69 }, { 3, 300, 5 }, { 150, 20, 9 }, { 100, 100, 100 },
            { 1, 70, 33 }, { 45, 60, 1 }, { 1, 300, 1 }, { 1, 1, 64 }, { 64, 1, 1 },
        };
        var rnd = new Random(20261126);
        for (int t = 0; t < 12; t++)
            data.Add(rnd.Next(1, 71), rnd.Next(1, 71), rnd.Next(1, 71));
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RealMatchesNaiveOnAllPaths(int m, int k, int n)
    {
        var rnd = new Random(m * 10007 + k * 101 + n);
        double[] a = RandomReal(rnd, m * k), b = RandomReal(rnd, k * n), c0 = RandomReal(rnd, m * n);
        double[] expectedAdd = Naive(a, b, c0, m, k, n);
        double[] expected = Naive(a, b, new double[m * n], m, k, n);
        foreach (bool simd in new[] { true, false })
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var c = (double[])c0.Clone();
                Gemm.MultiplyAdd(a, b, c, m, k, n, threads, simd);
                AssertClose(expectedAdd, c, k);
                Gemm.Multiply(a, b, c, m, k, n, threads, simd);
                AssertClose(expected, c, k);
            }
        var pub = (double[])c0.Clone();
        Gemm.MultiplyAdd(a, b, pub, m, k, n);
        AssertClose(expectedAdd, pub, k);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ComplexMatchesNaiveOnAllPaths(int m, int k, int n)
    {
        var rnd = new Random(m * 10007 + k * 101 + n + 1);
        Complex[] a = RandomComplex(rnd, m * k), b = RandomComplex(rnd, k * n), c0 = RandomComplex(rnd, m * n);
        Complex[] expectedAdd = Naive(a, b, c0, m, k, n);
        Complex[] expected = Naive(a, b, new Complex[m * n], m, k, n);
        foreach (bool simd in new[] { true, false })
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var c = (Complex[])c0.Clone();
                Gemm.MultiplyAdd(a, b, c, m, k, n, threads, simd);
                AssertClose(expectedAdd, c, k);
                Gemm.Multiply(a, b, c, m, k, n, threads, simd);
                AssertClose(expected, c, k);
            }
        var pub = (Complex[])c0.Clone();
        Gemm.MultiplyAdd(a, b, pub, m, k, n);
        AssertClose(expectedAdd, pub, k);
    }

    [Fact]
    public void LargeBlocksCrossKcMcAndThreadBands()
    {
        // k > KC (256) and m > MC exercise more than one packed slice and block, and the parallel split.
        const int m = 150, k = 300, n = 37;
        var rnd = new Random(7);
        Complex[] a = RandomComplex(rnd, m * k), b = RandomComplex(rnd, k * n);
        Complex[] expected = Naive(a, b, new Complex[m * n], m, k, n);
        var c = new Complex[m * n];
        Gemm.Multiply(a, b, c, m, k, n, 2, simd: true);
        AssertClose(expected, c, k);

        double[] ra = RandomReal(rnd, m * k), rb = RandomReal(rnd, k * n);
        double[] rexpected = Naive(ra, rb, new double[m * n], m, k, n);
        var rc = new double[m * n];
        Gemm.Multiply(ra, rb, rc, m, k, n, 2, simd: true);
        AssertClose(rexpected, rc, k);
    }

    [Fact]
    public void ZeroDimensionsLeaveCUnchangedOrZero()
    {
        var c = new double[] { 1, 2, 3, 4 };
        Gemm.MultiplyAdd(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, c, 2, 0, 2);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, c);
        Gemm.Multiply(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, c, 2, 0, 2);
        Assert.Equal(new double[4], c);
    }

    [Fact]
    public void SpansTooShortOrNegativeDimensionsThrow()
    {
        var a = new double[6];
        var b = new double[6];
        var c = new double[4];
        var e1 = Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, b, c, 2, 3, 3));
        Assert.Contains("B holds 6 elements, too few for 3×3", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, b, c, -1, 3, 2));
        Assert.Contains("negative", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new double[4], b, c, 2, 3, 2));
        Assert.Contains("A holds 4", e3.Message);
        var z = new Complex[4];
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAdd(z, z, z, 2, 2, 2));
    }

    [Fact]
    public void SmallProductsAllocateNothing()
    {
        const int n = 32;
        var rnd = new Random(5);
        Complex[] a = RandomComplex(rnd, n * n), b = RandomComplex(rnd, n * n), c = new Complex[n * n];
        double[] ra = RandomReal(rnd, n * n), rb = RandomReal(rnd, n * n), rc = new double[n * n];
        void Products()
        {
            Gemm.Multiply(a, b, c, n, n, n);
            Gemm.MultiplyAdd(ra, rb, rc, n, n, n);
            Gemm.Multiply(a, b, c, 7, 13, 5);
            Gemm.Multiply(ra, rb, rc, 1, 32, 32);
        }
        Products(); // first calls may allocate in the runtime (JIT, tiering); measure the steady state
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
            Products();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void OverlappingOutputIsRejectedBeforeAnythingIsWritten()
    {
        var buffer = new double[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(buffer.AsSpan(0, 4), buffer.AsSpan(4, 4), buffer.AsSpan(2, 4), 2, 2, 2));
        Assert.Contains("overlap", e.Message);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, buffer);
        var z = new Complex[] { 1, 2, 3, 4, 5 };
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(z.AsSpan(0, 1), z.AsSpan(1, 1), z.AsSpan(0, 1), 1, 1, 1));
        Assert.Equal(new Complex(1, 0), z[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void WideProductsCrossTheNcBlocks(int threads)
    {
        // n beyond NC (1024 complex, 2048 real) takes the outermost loop more than once.
        const int m = 13, k = 20, n = 2100;
        var rnd = new Random(9);
        Complex[] a = RandomComplex(rnd, m * k), b = RandomComplex(rnd, k * n), c0 = RandomComplex(rnd, m * n);
        var c = (Complex[])c0.Clone();
        Gemm.MultiplyAdd(a, b, c, m, k, n, threads, simd: true);
        AssertClose(Naive(a, b, c0, m, k, n), c, k);

        double[] ra = RandomReal(rnd, m * k), rb = RandomReal(rnd, k * n), rc0 = RandomReal(rnd, m * n);
        var rc = (double[])rc0.Clone();
        Gemm.MultiplyAdd(ra, rb, rc, m, k, n, threads, simd: true);
        AssertClose(Naive(ra, rb, rc0, m, k, n), rc, k);
    }
}
