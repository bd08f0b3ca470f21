using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>
/// The split reverse rule of Expm against the whole one, and one residual serving several seeds (the first backward
/// part gives the pooled Padé data back; later ones compute them again, to the same bits).
/// </summary>
public class ExpmSplitAdjointTests
{
    private static Tensor RealMatrix(int n, double scale, Random r) =>
        Tensor.FromArray(Enumerable.Range(0, n * n).Select(_ => scale * (2 * r.NextDouble() - 1)).ToArray(), n, n);

    private static ComplexTensor ComplexMatrix(int n, double scale, Random r) =>
        ComplexTensor.FromArray(Enumerable.Range(0, n * n).Select(_ => scale * new Complex(2 * r.NextDouble() - 1, 2 * r.NextDouble() - 1)).ToArray(), n, n);

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(3, 0.5)]
    [InlineData(4, 4.0)]
    [InlineData(6, 12.0)]
    public void RealSplitEqualsWholeAndServesTwoSeeds(int n, double scale)
    {
        var r = new Random(n * 100 + (int)scale);
        Tensor a = RealMatrix(n, scale, r), g1 = RealMatrix(n, 1, r), g2 = RealMatrix(n, 1, r);
        var (value, residual) = Ops.ExpmAdjointForward(a);
        Assert.Equal(Ops.Expm(a).ToArray(), value.ToArray());
        // the second seed first: the first backward pass gives the kept data back, the later ones compute them again
        Tensor second = Ops.ExpmAdjointBackward(residual, g2);
        Tensor first = Ops.ExpmAdjointBackward(residual, g1);
        Assert.Equal(Ops.ExpmAdjoint(a, g1).a.ToArray(), first.ToArray());
        Assert.Equal(Ops.ExpmAdjoint(a, g2).a.ToArray(), second.ToArray());
        Assert.Equal(first.ToArray(), Ops.ExpmAdjointBackward(residual, g1).ToArray());
        // linear in the seed, through the one residual: Ā(g1 + 2·g2) = Ā(g1) + 2·Ā(g2)
        Tensor combined = Ops.ExpmAdjointBackward(residual, g1 + 2.0 * g2);
        double[] expected = (first + 2.0 * second).ToArray();
        double[] actual = combined.ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(3, 0.5)]
    [InlineData(5, 6.0)]
    public void ComplexSplitEqualsWholeAndServesTwoSeeds(int n, double scale)
    {
        var r = new Random(n * 1000 + (int)scale);
        ComplexTensor a = ComplexMatrix(n, scale, r), g1 = ComplexMatrix(n, 1, r), g2 = ComplexMatrix(n, 1, r);
        var (value, residual) = Ops.ExpmAdjointForward(a);
        Assert.Equal(Ops.Expm(a).ToArray(), value.ToArray());
        ComplexTensor second = Ops.ExpmAdjointBackward(residual, g2);
        ComplexTensor first = Ops.ExpmAdjointBackward(residual, g1);
        Assert.Equal(Ops.ExpmAdjoint(a, g1).a.ToArray(), first.ToArray());
        Assert.Equal(Ops.ExpmAdjoint(a, g2).a.ToArray(), second.ToArray());
        // Re⟨G, L(A, E)⟩ = Re⟨L(Aᴴ, G), E⟩ for the backward part against the tangent
        ComplexTensor e = ComplexMatrix(n, 1, r);
        ComplexTensor tangent = Ops.ExpmTangent(a, e).Tangent;
        double left = Inner(g1, tangent).Real, right = Inner(first, e).Real;
        Assert.True(Math.Abs(left - right) <= 1e-12 * (Norm(g1) * Norm(tangent) + Norm(first) * Norm(e)), $"{left:R} vs {right:R}");
    }

    [Theory]
    [InlineData(4, 0.5)]
    [InlineData(16, 3.0)]
    [InlineData(20, 40.0)]
    public void PooledPadeDataGivenBackServeNoOtherResidual(int n, double scale)
    {
        // Residuals made one after another rent the memory earlier backward parts gave back: each must still
        // answer for its own matrix, in any order, and again after its data went back to the pool.
        var r = new Random(n);
        ComplexTensor[] a = Enumerable.Range(0, 4).Select(_ => ComplexMatrix(n, scale, r)).ToArray();
        ComplexTensor g = ComplexMatrix(n, 1, r);
        double[][] expected = a.Select(x => Flat(Ops.ExpmAdjoint(x, g).a)).ToArray();
        var first = Ops.ExpmAdjointForward(a[0]).Residual;
        var second = Ops.ExpmAdjointForward(a[1]).Residual;
        Assert.Equal(expected[0], Flat(Ops.ExpmAdjointBackward(first, g)));
        var third = Ops.ExpmAdjointForward(a[2]).Residual;
        Assert.Equal(expected[1], Flat(Ops.ExpmAdjointBackward(second, g)));
        var fourth = Ops.ExpmAdjointForward(a[3]).Residual;
        Assert.Equal(expected[3], Flat(Ops.ExpmAdjointBackward(fourth, g)));
        Assert.Equal(expected[2], Flat(Ops.ExpmAdjointBackward(third, g)));
        Assert.Equal(expected[0], Flat(Ops.ExpmAdjointBackward(first, g)));
        Assert.Equal(expected[1], Flat(Ops.ExpmAdjointBackward(second, g)));
    }

    [Fact]
    public void ConcurrentBackwardPartsOnOneResidualAgree()
    {
        var r = new Random(11);
        ComplexTensor a = ComplexMatrix(12, 2.0, r), g = ComplexMatrix(12, 1, r);
        double[] expected = Flat(Ops.ExpmAdjoint(a, g).a);
        for (int round = 0; round < 20; round++)
        {
            var residual = Ops.ExpmAdjointForward(a).Residual;
            var results = new double[8][];
            System.Threading.Tasks.Parallel.For(0, results.Length, i => results[i] = Flat(Ops.ExpmAdjointBackward(residual, g)));
            Assert.All(results, result => Assert.Equal(expected, result));
        }
    }

    private static double[] Flat(ComplexTensor t) => t.ToArray().SelectMany(z => new[] { z.Real, z.Imaginary }).ToArray();

    [Fact]
    public void TheBackwardPartUsesTheResidualNotAnotherMatrix()
    {
        var r = new Random(7);
        Tensor a1 = RealMatrix(3, 1, r), a2 = RealMatrix(3, 1, r), g = RealMatrix(3, 1, r);
        var (_, residual1) = Ops.ExpmAdjointForward(a1);
        var (_, residual2) = Ops.ExpmAdjointForward(a2);
        Assert.Equal(Ops.ExpmAdjoint(a1, g).a.ToArray(), Ops.ExpmAdjointBackward(residual1, g).ToArray());
        Assert.Equal(Ops.ExpmAdjoint(a2, g).a.ToArray(), Ops.ExpmAdjointBackward(residual2, g).ToArray());
        Assert.NotEqual(Ops.ExpmAdjointBackward(residual1, g).ToArray(), Ops.ExpmAdjointBackward(residual2, g).ToArray());
    }

    [Fact]
    public void TheBackwardPartRejectsASeedOfAnotherShape()
    {
        var (_, residual) = Ops.ExpmAdjointForward(Tensor.Identity(3));
        Assert.Throws<ArgumentException>(() => Ops.ExpmAdjointBackward(residual, Tensor.Zeros(2, 2)));
    }

    private static Complex Inner(ComplexTensor u, ComplexTensor v) =>
        u.ToArray().Zip(v.ToArray(), (x, y) => Complex.Conjugate(x) * y).Aggregate(Complex.Zero, (s, z) => s + z);

    private static double Norm(ComplexTensor u) => Math.Sqrt(u.ToArray().Sum(z => z.Magnitude * z.Magnitude));
}
