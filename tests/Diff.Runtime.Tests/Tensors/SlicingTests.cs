using System;
using System.Linq;
using System.Numerics;
using Diff.Runtime.Tests.Operations;
using Xunit;
using static Diff.Runtime.Tests.Operations.DerivativeCheck;

namespace Diff.Runtime.Tests.Tensors;

public class SlicingTests
{
    private static readonly Tensor M = Tensor.Arange(12).Reshape(3, 4);
    private static readonly Tensor T3 = Tensor.Arange(24).Reshape(2, 3, 4);

    [Fact]
    public void RowsColumnsAndBlocks()
    {
        Assert.Equal(new double[] { 4, 5, 6, 7 }, M[1, ..].ToArray());
        Assert.Equal(new[] { 4 }, M[1, ..].Shape);
        Assert.Equal(new double[] { 2, 6, 10 }, M[.., 2].ToArray());
        Assert.Equal(new double[] { 3, 7, 11 }, M[.., ^1].ToArray());
        Assert.Equal(new double[] { 8, 9, 10, 11 }, M[^1, ..].ToArray());
        Assert.Equal(new[] { 2, 4 }, M[1..].Shape);
        Assert.Equal(new double[] { 4, 5, 6, 7, 8, 9, 10, 11 }, M[1..].ToArray());
        Assert.Equal(new double[,] { { 5, 6 }, { 9, 10 } }, M[1..3, 1..3].ToArray2D());
        Assert.Equal(new double[,] { { 1, 2 }, { 5, 6 } }, M[..^1, 1..^1][..2, ..].ToArray2D());
        Assert.Equal(new[] { 0, 4 }, M[2..2, ..].Shape);
        Assert.Equal(M.ToArray(), M[.., ..].ToArray());
    }

    [Fact]
    public void RankThreeSelections()
    {
        // t3[i, j, k] = 12 i + 4 j + k
        Assert.Equal(new double[,] { { 12, 13, 14, 15 }, { 16, 17, 18, 19 }, { 20, 21, 22, 23 } }, T3[1, .., ..].ToArray2D());
        Assert.Equal(new double[,] { { 1, 5, 9 }, { 13, 17, 21 } }, T3[.., .., 1].ToArray2D());
        Assert.Equal(new double[,] { { 4, 5, 6, 7 }, { 16, 17, 18, 19 } }, T3[.., 1, ..].ToArray2D());
        Assert.Equal(new double[] { 21, 22 }, T3[1, 2, 1..3].ToArray());
        Assert.Equal(new double[] { 2, 14 }, T3[.., 0, 2].ToArray());
        Assert.Equal(new double[] { 15, 19, 23 }, T3[^1, .., ^1].ToArray());
        Assert.Equal(new double[] { 20, 21, 22, 23 }, T3[^1, ^1, ..].ToArray());
        Assert.Equal(new[] { 2, 2, 2 }, T3[.., 1.., 2..].Shape);
        Assert.Equal(new double[] { 6, 7, 10, 11, 18, 19, 22, 23 }, T3[.., 1.., 2..].ToArray());
        Assert.Equal(new[] { 1, 3, 4 }, T3[1..].Shape);
        Assert.Equal(new double[] { 4, 5, 6, 7 }, T3[0, 1..2, ..].Reshape(4).ToArray());
        // a slice with fewer arguments than axes takes the rest whole
        Assert.Equal(new[] { 3, 4 }, T3[1, ..].Shape);
        Assert.Equal(T3[1, .., ..].ToArray(), T3[1, ..].ToArray());
    }

    [Fact]
    public void IndicesFromTheEndGiveElements()
    {
        Assert.Equal(11, M[^1, ^1]);
        Assert.Equal(8, M[^1, 0]);
        Assert.Equal(23, T3[^1, ^1, ^1]);
        Assert.Equal(3, Tensor.Arange(4)[^1]);
        var z = ComplexTensor.FromArray(new Complex[,] { { 1, new(0, 2) }, { 3, new(4, -1) } });
        Assert.Equal(new Complex(4, -1), z[^1, ^1]);
        Assert.Equal(new Complex[] { new(0, 2), new(4, -1) }, z[.., 1].ToArray());
        Assert.Equal(new Complex[] { 3, new(4, -1) }, z[1..].ToArray());
        Assert.Equal(new Complex[] { 1, new(0, 2) }, z[^2, ..].ToArray());
    }

    [Fact]
    public void BadSelectionsAreReported()
    {
        Assert.Throws<IndexOutOfRangeException>(() => M[3, ..]);
        Assert.Throws<IndexOutOfRangeException>(() => M[^4, ..]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => M[.., 2..5]);
        Assert.Contains("(3, 4)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => M[3..1]);
        Assert.Throws<ArgumentException>(() => Tensor.Arange(3)[0, ..]);
        Assert.Throws<ArgumentException>(() => M[^1]);
        Assert.Throws<ArgumentException>(() => M[0, 0, ..]);
        Assert.Throws<ArgumentException>(() => Tensor.ItemAdjoint(M, 1, .., Tensor.Zeros(3)));
        Assert.Throws<ArgumentException>(() => Tensor.ItemTangent(M, 1, .., Tensor.Zeros(4, 3)));
    }

    [Fact]
    public void SliceDerivativesMatchDifferencesAndTheAdjointIdentity()
    {
        var r = new Random(7);
        var x = RandomTensor(r, 3, 4, 2);
        Check(a => ((Tensor)a)[1, .., ..], (a, d) => Tensor.ItemTangent((Tensor)a, 1, .., .., (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, 1, .., .., (Tensor)s), x, r, "t[1, .., ..]");
        Check(a => ((Tensor)a)[.., 1..3, ^1], (a, d) => Tensor.ItemTangent((Tensor)a, .., 1..3, ^1, (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, .., 1..3, ^1, (Tensor)s), x, r, "t[.., 1..3, ^1]");
        Check(a => ((Tensor)a)[1..], (a, d) => Tensor.ItemTangent((Tensor)a, 1.., (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, 1.., (Tensor)s), x, r, "t[1..]");
        Check(a => ((Tensor)a)[^1, 2, 0], (a, d) => Tensor.ItemTangent((Tensor)a, ^1, 2, (Index)0, (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, ^1, 2, (Index)0, (double)s), x, r, "t[^1, 2, 0]");
        var m = RandomTensor(r, 3, 4);
        Check(a => ((Tensor)a)[2, ..], (a, d) => Tensor.ItemTangent((Tensor)a, 2, .., (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, 2, .., (Tensor)s), m, r, "m[2, ..]");
        Check(a => ((Tensor)a)[.., 1], (a, d) => Tensor.ItemTangent((Tensor)a, .., 1, (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, .., 1, (Tensor)s), m, r, "m[.., 1]");
        Check(a => ((Tensor)a)[1.., ..^1], (a, d) => Tensor.ItemTangent((Tensor)a, 1.., ..^1, (Tensor)d), (a, s) => Tensor.ItemAdjoint((Tensor)a, 1.., ..^1, (Tensor)s), m, r, "m[1.., ..^1]");
        var z = RandomComplex(r, 3, 4);
        Check(a => ((ComplexTensor)a)[.., 1..3], (a, d) => ComplexTensor.ItemTangent((ComplexTensor)a, .., 1..3, (ComplexTensor)d), (a, s) => ComplexTensor.ItemAdjoint((ComplexTensor)a, .., 1..3, (ComplexTensor)s), z, r, "z[.., 1..3]");
        Check(a => ((ComplexTensor)a)[^1, ..], (a, d) => ComplexTensor.ItemTangent((ComplexTensor)a, ^1, .., (ComplexTensor)d), (a, s) => ComplexTensor.ItemAdjoint((ComplexTensor)a, ^1, .., (ComplexTensor)s), z, r, "z[^1, ..]");
        Check(a => ((ComplexTensor)a)[^1, ^2], (a, d) => ComplexTensor.ItemTangent((ComplexTensor)a, ^1, ^2, (ComplexTensor)d), (a, s) => ComplexTensor.ItemAdjoint((ComplexTensor)a, ^1, ^2, (Complex)s), z, r, "z[^1, ^2]");
    }

    [Fact]
    public void TheAdjointScattersIntoZeros()
    {
        var seed = Tensor.FromArray(new double[] { 1, 2, 3 });
        Assert.Equal(new double[,] { { 0, 1, 0, 0 }, { 0, 2, 0, 0 }, { 0, 3, 0, 0 } }, Tensor.ItemAdjoint(M, .., 1, seed).tensor.ToArray2D());
        Assert.Equal(new double[,] { { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 5 } }, Tensor.ItemAdjoint(M, ^1, ^1, 5.0).tensor.ToArray2D());
    }
}
