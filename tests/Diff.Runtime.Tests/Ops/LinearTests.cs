using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Ops;

namespace Diff.Runtime.Tests.Operations;

public class LinearTests
{
    private static Tensor Rand(Random r, params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        var d = new double[t.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = Math.Round(r.NextDouble() * 8 - 4, 2);
        return Tensor.FromArray(d, shape);
    }

    private static ComplexTensor RandC(Random r, params int[] shape) => Rand(r, shape) + Complex.ImaginaryOne * Rand(r, shape);

    /// <summary>numpy's tensordot by its definition: loops over the free and contracted multi-indices.</summary>
    private static Complex[] NaiveTensorDot(Complex[] a, int[] sa, Complex[] b, int[] sb, int axes)
    {
        int m = sa.Take(sa.Length - axes).Aggregate(1, (x, y) => x * y);
        int k = sb.Take(axes).Aggregate(1, (x, y) => x * y);
        int n = sb.Skip(axes).Aggregate(1, (x, y) => x * y);
        var c = new Complex[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++)
                    c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
    }

    private static void Close(Complex[] expected, Complex[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Complex.Abs(expected[i] - actual[i]) < 1e-10, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    private static void Close(double[] expected, double[] actual) =>
        Close(expected.Select(x => (Complex)x).ToArray(), actual.Select(x => (Complex)x).ToArray());

    [Fact]
    public void SeedTensorDotVectorWithRank3()
    {
        // x = [1, 3.12], rm = arange(18).reshape(2,3,3): tensordot(x, rm, axes=1)[i, j] = Σ_p x[p]·rm[p, i, j].
        var x = Tensor.FromArray(new[] { 1, 3.12 });
        var rm = Tensor.Arange(18).Reshape(2, 3, 3);
        var r = TensorDot(x, rm, 1);
        Assert.Equal(new[] { 3, 3 }, r.Shape);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double expected = 0;
                for (int p = 0; p < 2; p++)
                    expected += x[p] * rm[p, i, j];
                Assert.Equal(expected, r[i, j], 12);
            }
        Assert.Equal(28.08, r[0, 0], 12);
        Assert.Equal(61.04, r[2, 2], 12);
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, new[] { 4, 5 }, 0)]
    [InlineData(new[] { 2, 3 }, new[] { 3, 5 }, 1)]
    [InlineData(new[] { 4, 2, 3 }, new[] { 2, 3, 5 }, 2)]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 3, 4 }, 3)]
    [InlineData(new[] { 3 }, new[] { 3 }, 1)]
    [InlineData(new[] { 2, 2, 2 }, new[] { 2, 7, 2 }, 1)]
    [InlineData(new int[0], new[] { 2, 2 }, 0)]
    public void TensorDotMatchesTheDefinitionForAllTypeMixes(int[] sa, int[] sb, int axes)
    {
        var r = new Random(sa.Sum() * 31 + sb.Sum() + axes);
        Tensor a = Rand(r, sa), b = Rand(r, sb);
        ComplexTensor ca = RandC(r, sa), cb = RandC(r, sb);
        int[] expectedShape = sa.Take(sa.Length - axes).Concat(sb.Skip(axes)).ToArray();

        var rr = TensorDot(a, b, axes);
        Assert.Equal(expectedShape, rr.Shape);
        Close(NaiveTensorDot(ComplexTensor.FromTensor(a).ToArray(), sa, ComplexTensor.FromTensor(b).ToArray(), sb, axes).Select(z => (Complex)z.Real).ToArray(),
            ComplexTensor.FromTensor(rr).ToArray());

        var cc = TensorDot(ca, cb, axes);
        Assert.Equal(expectedShape, cc.Shape);
        Close(NaiveTensorDot(ca.ToArray(), sa, cb.ToArray(), sb, axes), cc.ToArray());

        var rc = TensorDot(a, cb, axes);
        Assert.Equal(expectedShape, rc.Shape);
        Close(NaiveTensorDot(ComplexTensor.FromTensor(a).ToArray(), sa, cb.ToArray(), sb, axes), rc.ToArray());

        var cr = TensorDot(ca, b, axes);
        Assert.Equal(expectedShape, cr.Shape);
        Close(NaiveTensorDot(ca.ToArray(), sa, ComplexTensor.FromTensor(b).ToArray(), sb, axes), cr.ToArray());
    }

    [Fact]
    public void TensorDotBadAxesAndShapes()
    {
        var a = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(3, 4);
        var e = Assert.Throws<ArgumentException>(() => TensorDot(a, b, 3));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(3, 4)", e.Message);
        Assert.Contains("axes = 3", e.Message);
        Assert.Throws<ArgumentException>(() => TensorDot(a, b, -1));
        var e2 = Assert.Throws<ArgumentException>(() => TensorDot(a, Tensor.Zeros(3), 2));
        Assert.Contains("exceeds the rank of b", e2.Message);
        Assert.Contains("shape mismatch", Assert.Throws<ArgumentException>(() => TensorDot(a, b, 2)).Message);
        var e3 = Assert.Throws<ArgumentException>(() => TensorDot(b, a, 1));
        Assert.Contains("(3, 4)", e3.Message);
        Assert.Contains("(2, 3)", e3.Message);
        Assert.Throws<ArgumentException>(() => TensorDot(ComplexTensor.Zeros(2), ComplexTensor.Zeros(3), 1));
        Assert.Throws<ArgumentException>(() => TensorDot(Tensor.Zeros(2), ComplexTensor.Zeros(3), 1));
        Assert.Throws<ArgumentException>(() => TensorDot(ComplexTensor.Zeros(2), Tensor.Zeros(3), 1));
    }

    [Fact]
    public void DotOfVectorsIsAScalarThatReadsAsDouble()
    {
        double z = Dot(Tensor.FromArray(new double[] { 1, 2, 3 }), Tensor.FromArray(new double[] { 4, -5, 6 }));
        Assert.Equal(12, z);
        Assert.Equal(0, Dot(Tensor.FromArray(new double[] { 1 }), Tensor.FromArray(new double[] { 1 })).Rank);

        // numpy's dot does not conjugate: (1+i)(1+i) + 2·(−i) = 2i − 2i = 0.
        Complex w = Dot(ComplexTensor.FromArray(new Complex[] { new(1, 1), 2 }), ComplexTensor.FromArray(new Complex[] { new(1, 1), new(0, -1) }));
        Assert.Equal(Complex.Zero, w);
        Complex mixed = Dot(Tensor.FromArray(new double[] { 1, 2 }), ComplexTensor.FromArray(new Complex[] { new(0, 1), 3 }));
        Assert.Equal(new Complex(6, 1), mixed);
        Complex mixed2 = Dot(ComplexTensor.FromArray(new Complex[] { new(0, 1), 3 }), Tensor.FromArray(new double[] { 1, 2 }));
        Assert.Equal(new Complex(6, 1), mixed2);
    }

    [Fact]
    public void DotMatrixVectorAndMatrixMatrix()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var v = Tensor.FromArray(new double[] { 1, -1 });
        var mv = Dot(m, v);
        Assert.Equal(new[] { 3 }, mv.Shape);
        Assert.Equal(new double[] { -1, -1, -1 }, mv.ToArray());
        var vm = Dot(Tensor.FromArray(new double[] { 1, 0, 2 }), m);
        Assert.Equal(new double[] { 11, 14 }, vm.ToArray());
        var mm = Dot(m, m.Transpose());
        Assert.Equal(new[] { 3, 3 }, mm.Shape);
        Assert.Equal(new double[] { 5, 11, 17, 11, 25, 39, 17, 39, 61 }, mm.ToArray());
        Assert.Equal(mm.ToArray(), MatMul(m, m.Transpose()).ToArray());
        Assert.Equal(mv.ToArray(), MatMul(m, v).ToArray());
    }

    [Fact]
    public void DotHigherRanksFollowNumpy()
    {
        // dot(a, b)[i, j, k, m] = Σ_p a[i, j, p]·b[k, p, m]
        var r = new Random(3);
        var a = Rand(r, 2, 3, 4);
        var b = Rand(r, 5, 4, 2);
        var d = Dot(a, b);
        Assert.Equal(new[] { 2, 3, 5, 2 }, d.Shape);
        var flat = d.ToArray();
        int n = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 5; k++)
                    for (int m = 0; m < 2; m++)
                    {
                        double s = 0;
                        for (int p = 0; p < 4; p++)
                            s += a[i, j, p] * b[k, p, m];
                        Assert.Equal(s, flat[n++], 10);
                    }
        var cd = Dot(ComplexTensor.FromTensor(a), ComplexTensor.FromTensor(b) * Complex.ImaginaryOne);
        Close(flat.Select(x => new Complex(0, x)).ToArray(), cd.ToArray());
        var av = Dot(a, Tensor.Ones(4));
        Assert.Equal(new[] { 2, 3 }, av.Shape);
        Assert.Equal(a[1, 2, 0] + a[1, 2, 1] + a[1, 2, 2] + a[1, 2, 3], av[1, 2], 12);
    }

    [Fact]
    public void DotWithAScalarScales()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2 } });
        Assert.Equal(new double[] { 3, 6 }, Dot(Tensor.Scalar(3), m).ToArray());
        Assert.Equal(new double[] { 3, 6 }, Dot(m, Tensor.Scalar(3)).ToArray());
        Assert.Equal(new Complex[] { new(0, 1), new(0, 2) }, Dot(ComplexTensor.Scalar(Complex.ImaginaryOne), m).ToArray());
        Assert.Equal(new Complex[] { new(0, 1), new(0, 2) }, Dot(m, ComplexTensor.Scalar(Complex.ImaginaryOne)).ToArray());
    }

    [Fact]
    public void MatMulAllMixesAgainstLoops()
    {
        var r = new Random(11);
        foreach (var (m, k, n) in new[] { (1, 1, 1), (3, 5, 7), (17, 9, 33), (40, 41, 39) })
        {
            var a = RandC(r, m, k);
            var b = RandC(r, k, n);
            var ar = Rand(r, m, k);
            var br = Rand(r, k, n);
            var expected = new Complex[m * n];
            var expectedRC = new Complex[m * n];
            var expectedCR = new Complex[m * n];
            var expectedRR = new double[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    for (int p = 0; p < k; p++)
                    {
                        expected[i * n + j] += a[i, p] * b[p, j];
                        expectedRC[i * n + j] += ar[i, p] * b[p, j];
                        expectedCR[i * n + j] += a[i, p] * br[p, j];
                        expectedRR[i * n + j] += ar[i, p] * br[p, j];
                    }
            Close(expected, MatMul(a, b).ToArray());
            Close(expectedRC, MatMul(ar, b).ToArray());
            Close(expectedCR, MatMul(a, br).ToArray());
            Close(expectedRR, MatMul(ar, br).ToArray());
            Assert.Equal(new[] { m, n }, MatMul(a, br).Shape);
        }
    }

    [Fact]
    public void MatMulAndDotErrorsNameShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3)));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("not aligned", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => MatMul(Tensor.Zeros(2, 2, 2), Tensor.Zeros(2, 2)));
        Assert.Contains("rank 1 or 2", e2.Message);
        Assert.Contains("(2, 2, 2)", e2.Message);
        Assert.Throws<ArgumentException>(() => MatMul(Tensor.Scalar(1), Tensor.Zeros(2)));
        Assert.Throws<ArgumentException>(() => MatMul(ComplexTensor.Zeros(2, 3), ComplexTensor.Zeros(2)));
        Assert.Throws<ArgumentException>(() => MatMul(Tensor.Zeros(2, 3), ComplexTensor.Zeros(2)));
        Assert.Throws<ArgumentException>(() => MatMul(ComplexTensor.Zeros(2, 3), Tensor.Zeros(2)));
        var e3 = Assert.Throws<ArgumentException>(() => Dot(Tensor.Zeros(3), Tensor.Zeros(4)));
        Assert.Contains("(3,)", e3.Message);
        Assert.Contains("(4,)", e3.Message);
        Assert.Throws<ArgumentException>(() => Dot(Tensor.Zeros(2, 3, 4), Tensor.Zeros(5, 3, 2)));
    }

    [Fact]
    public void EmptyContractionGivesZeros()
    {
        var r = MatMul(Tensor.Zeros(2, 0), Tensor.Zeros(0, 3));
        Assert.Equal(new[] { 2, 3 }, r.Shape);
        Assert.Equal(new double[6], r.ToArray());
        Assert.Equal(new[] { 0, 3 }, MatMul(Tensor.Zeros(0, 2), Tensor.Zeros(2, 3)).Shape);
    }

    [Fact]
    public void SumAndTrace()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(21, Sum(m));
        Assert.Equal(0, Sum(Tensor.Zeros(0)));
        Assert.Equal(6, Trace(m)); // numpy: trace of a non-square matrix sums its min(m, n) diagonal entries
        Assert.Equal(3, Trace(Tensor.Identity(3)));
        var c = ComplexTensor.FromArray(new Complex[,] { { new(1, 1), 7 }, { 8, new(2, -3) } });
        Assert.Equal(new Complex(18, -2), Sum(c));
        Assert.Equal(new Complex(3, -2), Trace(c));
        var e = Assert.Throws<ArgumentException>(() => Trace(Tensor.Zeros(3)));
        Assert.Contains("rank 2", e.Message);
        Assert.Contains("(3,)", e.Message);
        Assert.Throws<ArgumentException>(() => Trace(ComplexTensor.Zeros(2, 2, 2)));
    }

    [Fact]
    public void ResultsTooLargeForAnArrayAreRejectedNotWrapped()
    {
        // An outer product of two 100 000-vectors would have 10^10 elements: int arithmetic would wrap.
        var v = Tensor.Zeros(100_000);
        var e = Assert.Throws<ArgumentException>(() => TensorDot(v, v, 0));
        Assert.Contains("(100000,)", e.Message);
        // An empty tensor whose other axes multiply past int: the free part of the product cannot be counted.
        var empty = Tensor.Zeros(0, 100_000, 100_000);
        Assert.Equal(0, empty.Length);
        Assert.Throws<ArgumentException>(() => TensorDot(Tensor.Zeros(100_000, 100_000, 0), Tensor.Zeros(0), 1));
    }

    [Fact]
    public void SeedTensorDotMatchesTheNotebookReference()
    {
        // data/reference/seed.json (numpy 1.24): x = [1, 3.12], rm = arange(18).reshape(2,3,3), value = x[0]·tensordot(x, rm, 1).
        using var doc = Reference.ReferenceData.Load("seed.json");
        var seed = doc.RootElement.GetProperty("x0_tensordot_jacobian");
        double[] x = seed.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var rmJson = seed.GetProperty("rm");
        int[] rmShape = rmJson.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] rmData = rmJson.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var value = seed.GetProperty("value");
        int[] shape = value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] expected = value.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        Tensor xt = x;
        var h = xt[0] * TensorDot(xt, Tensor.FromArray(rmData, rmShape), 1);
        Assert.Equal(shape, h.Shape);
        double[] got = h.ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], got[i], 1e-12);
    }
}
