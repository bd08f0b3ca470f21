using System;
using System.Numerics;
using System.Threading;
using Diff.Kernels;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>The helper kernels of the exponential: LU solve and the 1-norm estimator.</summary>
public class ExpmKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(17)]
    [InlineData(Lu.BlockThreshold + 1)]
    [InlineData(100)]
    public void LuSolveSolves(int n)
    {
        ComplexTensor a = RandomComplex(n, n, 2), b = RandomComplex(n, n + 1);
        Complex[] lu = (Complex[])a.Data.Clone(), x = (Complex[])b.Data.Clone();
        var pivots = new int[n];
        Assert.True(Lu.Factor<Complex>(lu, pivots, n));
        Lu.Solve<Complex>(lu, pivots, x, n, n);
        Assert.True(RelativeError(Multiply(a.Data, x, n), b.Data, n) <= 1e-12);

        Tensor ra = RandomReal(n, n + 2, 2), rb = RandomReal(n, n + 3);
        double[] rlu = (double[])ra.Data.Clone(), rx = (double[])rb.Data.Clone();
        Assert.True(Lu.Factor<double>(rlu, pivots, n));
        Lu.Solve<double>(rlu, pivots, rx, n, n);
        var product = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++)
                    product[i * n + j] += ra.Data[i * n + k] * rx[k * n + j];
        Assert.True(RelativeError(product, rb.Data, n) <= 1e-12);
    }

    [Fact]
    public void LuReportsASingularMatrix()
    {
        double[] a = [1, 2, 2, 4];
        Assert.False(Lu.Factor<double>(a, new int[2], 2));
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(64, 2)]
    [InlineData(150, 3)]
    public void EstimatorIsALowerBoundWithinAFactorOfThree(int n, int seed)
    {
        ComplexTensor f = RandomComplex(n, seed, 3), g = RandomComplex(n, seed + 50, 3);
        Complex[] product = Multiply(Multiply(f.Data, f.Data, n), g.Data, n);
        double exact = OneNorm(product, n);
        double estimate = NormEstimator.PowerProduct<Complex>(f.Data, 2, g.Data, 1, n);
        Assert.InRange(estimate, exact / 3, exact * (1 + 1e-12));

        Tensor r = RandomReal(n, seed + 7, 3);
        double[] r2 = new double[n * n];
        Dense.Square<double>(r.Data, r.Data, r2, n);
        double exactReal = Norm.One<double>(r2, n);
        Assert.InRange(NormEstimator.PowerProduct<double>(r.Data, 2, default, 0, n), exactReal / 3, exactReal * (1 + 1e-12));
    }

    [Fact]
    public void OneNormOfAbsolutePowerIsExact()
    {
        double[] a = [1, 2, 0, 3];
        // |A|³ = [[1, 26], [0, 27]]: largest column sum 53.
        Assert.Equal(Math.Log2(53), Norm.Log2OneNormOfPower(a, 2, 3), 12);
        Assert.True(double.IsNegativeInfinity(Norm.Log2OneNormOfPower([0, 1, 0, 0], 2, 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void PowersBySquaringEqualTheVectorChain(int n)
    {
        Tensor a = RandomReal(n, 40 + n, 3);
        double[] abs = Array.ConvertAll(a.Data, Math.Abs);
        var chain = new AbsPowerSequence(abs, n, new double[2 * n]);
        var squaring = new AbsPowerSequence(abs, n, new double[2 * n], new double[4 * n * n]);
        foreach (int p in new[] { 7, 11, 15, 19, 27 })
            Assert.Equal(chain.Log2NormOfPower(p), squaring.Log2NormOfPower(p), 10);
        Assert.Equal(Norm.Log2OneNormOfPower(abs, n, 3), squaring.Log2NormOfPower(3), 10);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(4, 1.0)]
    [InlineData(4, 1e-3)]
    [InlineData(4, 1e20)]
    [InlineData(7, 1.0)]
    [InlineData(8, 30.0)]
    [InlineData(16, 1.0)]
    [InlineData(16, 1e-30)]
    public void PowersByFourEqualTheVectorChain(int n, double scale)
    {
        // The stride-four mode that ℓ(A, m) uses up to n = 16 (1ᵀ|A|³·(|A|⁴)^j) against the chain of single steps.
        Tensor a = RandomReal(n, 70 + n, 3);
        double[] abs = Array.ConvertAll(a.Data, x => Math.Abs(x) * scale);
        var chain = new AbsPowerSequence(abs, n, new double[2 * n]);
        var byFour = new AbsPowerSequence(abs, n, new double[2 * n], fourth: new double[2 * n * n]);
        foreach (int p in new[] { 7, 11, 15, 19, 27 })
        {
            double expected = chain.Log2NormOfPower(p);
            Assert.Equal(expected, byFour.Log2NormOfPower(p), 12);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbsPowerSequence(abs, n, new double[2 * n], fourth: new double[2 * n * n]).Log2NormOfPower(5));
    }

    [Fact]
    public void PowersByFourOfANilpotentMatrixVanish()
    {
        // Strictly upper triangular 3×3: |A|³ = 0, so every power asked for has norm zero (log₂ = −∞).
        double[] abs = [0, 1, 2, 0, 0, 3, 0, 0, 0];
        var byFour = new AbsPowerSequence(abs, 3, new double[6], fourth: new double[18]);
        Assert.True(double.IsNegativeInfinity(byFour.Log2NormOfPower(7)));
        Assert.True(double.IsNegativeInfinity(byFour.Log2NormOfPower(11)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void ComplexOneNormIsExactAtAnyScale(double scale)
    {
        foreach (int n in new[] { 1, 2, 5, 6 })
        {
            ComplexTensor a = RandomComplex(n, 60 + n);
            Complex[] scaled = Array.ConvertAll(a.Data, z => z * scale);
            double expected = 0;
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                    sum += Complex.Abs(scaled[i * n + j]);
                expected = Math.Max(expected, sum);
            }
            Assert.Equal(1.0, Norm.One<Complex>(scaled, n) / expected, 14);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void SmallSizesAllocateOnlyTheResult(int n)
    {
        ComplexTensor a = RandomComplex(n, 90 + n, 3), e = RandomComplex(n, 91 + n);
        // Warm up past tiered compilation, whose call counting allocates on the calling thread.
        for (int i = 0; i < 300; i++)
        {
            Ops.Expm(a);
            Ops.ExpmFrechet(a, e);
        }
        Thread.Sleep(200);
        // The result array, the tensor object and its shape array; intermediates come from the pool or the stack.
        long allowed = 16L * n * n + 256;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Ops.Expm(a);
        long expm = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Ops.ExpmFrechet(a, e);
        long frechet = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(expm, 16L * n * n, allowed);
        Assert.InRange(frechet, 16L * n * n, allowed);
    }
}
