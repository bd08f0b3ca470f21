using System;
using System.Linq;
using System.Numerics;
using Diff.Kernels;
using Xunit;

namespace Diff.Runtime.Tests.Operations;

/// <summary>
/// numpy broadcasting of the elementwise operators: values against hand results and against an index-by-index
/// reference, shapes that do not fit, the split reverse rules on broadcast operands, and what a small operation allocates.
/// </summary>
public class BroadcastTests
{
    private static Tensor T(double[] values, params int[] shape) => Tensor.FromArray(values, shape);

    private static Tensor Random(Random r, params int[] shape) =>
        Tensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (x, y) => x * y)).Select(_ => 0.5 + r.NextDouble()).ToArray(), shape);

    private static ComplexTensor RandomComplex(Random r, params int[] shape) =>
        ComplexTensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (x, y) => x * y)).Select(_ => new Complex(0.5 + r.NextDouble(), r.NextDouble() - 0.5)).ToArray(), shape);

    [Fact]
    public void RowVectorAddsToEveryRow()
    {
        var m = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var v = Tensor.FromArray(new double[] { 10, 20, 30 });
        Tensor sum = m + v;
        Assert.Equal(new[] { 2, 3 }, sum.Shape);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, sum.ToArray());
        Assert.Equal(new double[] { 9, 18, 27, 6, 15, 24 }, (v - m).ToArray());
        Assert.Equal(new double[] { 10, 10, 10, 2.5, 4, 5 }, (v / m).ToArray());
    }

    [Fact]
    public void ColumnTimesRowIsTheOuterProduct()
    {
        Tensor column = T([1, 2, 3], 3, 1), row = T([10, 20], 1, 2);
        Tensor outer = column * row;
        Assert.Equal(new[] { 3, 2 }, outer.Shape);
        Assert.Equal(new double[] { 10, 20, 20, 40, 30, 60 }, outer.ToArray());
        Assert.Equal(new double[] { 9, 19, 8, 18, 7, 17 }, (row - column).ToArray());
    }

    [Fact]
    public void RankZeroAndLengthOneStretchEverywhere()
    {
        Tensor m = T([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(new double[] { 2, 4, 6, 8, 10, 12 }, (m * Tensor.FromArray([2.0], [])).ToArray());
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, (m - T([1], 1, 1)).ToArray());
        Tensor t = T([1, 2], 2, 1, 1) + T([10, 20, 30], 3);
        Assert.Equal(new[] { 2, 1, 3 }, t.Shape);
        Assert.Equal(new double[] { 11, 21, 31, 12, 22, 32 }, t.ToArray());
    }

    [Fact]
    public void ComplexAndMixedOperandsBroadcast()
    {
        var z = ComplexTensor.FromArray(new Complex[] { new(1, 1), new(0, 2) });          // (2,)
        Tensor column = T([1, 3], 2, 1);                                                  // (2, 1)
        ComplexTensor p = column * z;
        Assert.Equal(new[] { 2, 2 }, p.Shape);
        Assert.Equal(new Complex[] { new(1, 1), new(0, 2), new(3, 3), new(0, 6) }, p.ToArray());
        Assert.Equal(new Complex[] { new(0, -1), new(1, -2), new(2, -1), new(3, -2) }, (column - z).ToArray());
        Assert.Equal(new Complex[] { new(0, 1), new(-1, 2), new(-2, 1), new(-3, 2) }, (z - column).ToArray());
        Check(ComplexTensor.FromArray(new Complex[] { 1, new Complex(1, 1) / new Complex(0, 2), new Complex(0, 2) / new Complex(1, 1), 1 }, 2, 2), z.Reshape(2, 1) / z);
    }

    /// <summary>Every operator and operand mix on random broadcasting shapes against an index-by-index reference.</summary>
    [Theory]
    [InlineData(new[] { 4, 5 }, new[] { 5 })]
    [InlineData(new[] { 4, 1 }, new[] { 1, 5 })]
    [InlineData(new[] { 3 }, new[] { 2, 4, 3 })]
    [InlineData(new[] { 2, 1, 3 }, new[] { 4, 1 })]
    [InlineData(new[] { 1, 3, 1, 2 }, new[] { 2, 1, 5, 1 })]
    [InlineData(new int[0], new[] { 3, 2 })]
    [InlineData(new[] { 1, 1 }, new[] { 7 })]
    [InlineData(new[] { 0, 3 }, new[] { 3 })]
    [InlineData(new[] { 40, 33 }, new[] { 40, 1 })]
    [InlineData(new[] { 3, 9 }, new[] { 9 })]
    [InlineData(new[] { 2, 8 }, new[] { 1, 8 })]
    [InlineData(new[] { 1, 9 }, new[] { 2, 3, 9 })]
    [InlineData(new[] { 2, 5 }, new[] { 1, 1 })]
    [InlineData(new[] { 1 }, new[] { 3, 4 })]
    [InlineData(new[] { 1 }, new[] { 2, 2 })]
    public void EveryOperatorMatchesTheIndexReference(int[] aShape, int[] bShape)
    {
        var r = new Random(aShape.Length * 31 + bShape.Sum());
        Tensor a = Random(r, aShape), b = Random(r, bShape);
        ComplexTensor za = RandomComplex(r, aShape), zb = RandomComplex(r, bShape);
        Func<double, double, double>[] real = [(x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y];
        Func<Complex, Complex, Complex>[] complex = [(x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y];
        Tensor[] tt = [a + b, a - b, a * b, a / b];
        ComplexTensor[] cc = [za + zb, za - zb, za * zb, za / zb];
        ComplexTensor[] cr = [za + b, za - b, za * b, za / b];
        ComplexTensor[] rc = [a + zb, a - zb, a * zb, a / zb];
        for (int k = 0; k < 4; k++)
        {
            Check(Reference(a, b, real[k]), tt[k]);
            Check(Reference(za, zb, complex[k]), cc[k]);
            Check(Reference(za, ComplexTensor.FromTensor(b), complex[k]), cr[k]);
            Check(Reference(ComplexTensor.FromTensor(a), zb, complex[k]), rc[k]);
        }
    }

    [Fact]
    public void ShapesThatDoNotFitNameBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(64, 16) + Tensor.Zeros(15));
        Assert.Contains("(64, 16)", e.Message);
        Assert.Contains("(15,)", e.Message);
        Assert.Contains("broadcast", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) * Tensor.Zeros(3, 2));
        Assert.Throws<ArgumentException>(() => ComplexTensor.Zeros(4) / Tensor.Zeros(2, 3));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(3, 1) - ComplexTensor.Zeros(2, 2));
        e = Assert.Throws<ArgumentException>(() => Ops.Maximum(Tensor.Zeros(2, 5), Tensor.Zeros(4)));
        Assert.Contains("Maximum", e.Message);
        e = Assert.Throws<ArgumentException>(() => Ops.Where(Tensor.Zeros(3), Tensor.Zeros(2, 3), Tensor.Zeros(4, 1)));
        Assert.Contains("(3,), (2, 3) and (4, 1)", e.Message);
    }

    [Fact]
    public void ReduceToSumsOverTheStretchedAxes()
    {
        Tensor x = Tensor.Arange(24).Reshape(2, 3, 4);
        Tensor rows = Broadcast.ReduceTo(x, [3, 1]);
        Assert.Equal(new[] { 3, 1 }, rows.Shape);
        // Σ over axes 0 and 2 of x[i, j, k] = 12i + 4j + k: 4·12 + 8·4j + 2·(0+1+2+3) = 60 + 32j
        Assert.Equal(new double[] { 60, 92, 124 }, rows.ToArray());
        Assert.Equal(new double[] { 276 }, Broadcast.ReduceTo(x, []).ToArray());
        // Σ over axes 0 and 1: 3·12 + 2·4·(0+1+2) + 6k = 60 + 6k
        Assert.Equal(new double[] { 60, 66, 72, 78 }, Broadcast.ReduceTo(x, [4]).ToArray());
        Assert.Same(x, Broadcast.ReduceTo(x, [2, 3, 4]));
        var z = ComplexTensor.FromArray(new Complex[] { new(1, 1), new(2, -1), new(3, 0), new(0, 5) }, 2, 2);
        Assert.Equal(new Complex[] { new(4, 1), new(2, 4) }, Broadcast.ReduceTo(z, [1, 2]).ToArray());
        Assert.Throws<ArgumentException>(() => Broadcast.ReduceTo(x, [2, 1]));
    }

    /// <summary>The split rules (forward part, then backward part) give the whole rule's adjoints on broadcast operands.</summary>
    [Fact]
    public void SplitRulesSumOverTheBroadcastAxes()
    {
        var r = new Random(5);
        Tensor a = Random(r, 4, 1), b = Random(r, 3), seed = Random(r, 4, 3);
        (Tensor, Tensor)[] split =
        [
            Tensor.AdditionAdjointBackward(Tensor.AdditionAdjointForward(a, b).Residual, seed),
            Tensor.SubtractionAdjointBackward(Tensor.SubtractionAdjointForward(a, b).Residual, seed),
            Tensor.MultiplyAdjointBackward(Tensor.MultiplyAdjointForward(a, b).Residual, seed),
        ];
        (Tensor, Tensor, Tensor)[] whole = [Tensor.AdditionAdjoint(a, b, seed), Tensor.SubtractionAdjoint(a, b, seed), Tensor.MultiplyAdjoint(a, b, seed)];
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(whole[k].Item2.ToArray(), split[k].Item1.ToArray());
            Assert.Equal(whole[k].Item3.ToArray(), split[k].Item2.ToArray());
            Assert.Equal(new[] { 4, 1 }, split[k].Item1.Shape);
            Assert.Equal(new[] { 3 }, split[k].Item2.Shape);
        }
        // ā of a (4, 1) operand in a + b is the row sums of the seed; b̄ the column sums
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 3).Sum(j => seed[i, j])).ToArray(), split[0].Item1.ToArray(), new Tolerance());
        Assert.Equal(Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, 4).Sum(i => seed[i, j])).ToArray(), split[0].Item2.ToArray(), new Tolerance());

        ComplexTensor za = RandomComplex(r, 2, 1, 3), zb = RandomComplex(r, 5, 1), zs = RandomComplex(r, 2, 5, 3);
        var cs = ComplexTensor.MultiplyAdjointBackward(ComplexTensor.MultiplyAdjointForward(za, zb).Residual, zs);
        var cw = ComplexTensor.MultiplyAdjoint(za, zb, zs);
        Assert.Equal(cw.a.ToArray(), cs.a.ToArray());
        Assert.Equal(cw.b.ToArray(), cs.b.ToArray());
        var ca = ComplexTensor.AdditionAdjointBackward(ComplexTensor.AdditionAdjointForward(za, zb).Residual, zs);
        Assert.Equal(ComplexTensor.AdditionAdjoint(za, zb, zs).b.ToArray(), ca.b.ToArray());
        var cd = ComplexTensor.SubtractionAdjointBackward(ComplexTensor.SubtractionAdjointForward(za, zb).Residual, zs);
        Assert.Equal(ComplexTensor.SubtractionAdjoint(za, zb, zs).b.ToArray(), cd.b.ToArray());
    }

    [Fact]
    public void ASeedOrTangentOfTheWrongShapeIsRefusedNotBroadcast()
    {
        Tensor a = Tensor.Ones(4, 1), b = Tensor.Ones(3);
        // a seed of one element would broadcast silently to (4, 3); the rules refuse it
        Assert.Throws<ArgumentException>(() => Tensor.AdditionAdjoint(a, b, Tensor.Ones(1)));
        Assert.Throws<ArgumentException>(() => Tensor.MultiplyAdjointBackward(Tensor.MultiplyAdjointForward(a, b).Residual, Tensor.Ones(4, 1)));
        Assert.Throws<ArgumentException>(() => Tensor.DivisionAdjoint(a, b, Tensor.Ones(3, 4)));
        Assert.Throws<ArgumentException>(() => ComplexTensor.AdditionAdjointBackward(ComplexTensor.AdditionAdjointForward(a, b).Residual, ComplexTensor.Ones(3)));
        Assert.Throws<ArgumentException>(() => ComplexTensor.MultiplyAdjoint(ComplexTensor.Ones(4, 1), b, ComplexTensor.Ones(4)));
        // a tangent must have its operand's shape
        Assert.Throws<ArgumentException>(() => Tensor.AdditionTangent(a, b, Tensor.Ones(1), b));
        Assert.Throws<ArgumentException>(() => Tensor.MultiplyTangent(a, b, a, Tensor.Ones(4, 3)));
        Assert.Throws<ArgumentException>(() => ComplexTensor.DivisionTangent(ComplexTensor.Ones(4, 1), b, ComplexTensor.Ones(4, 3), b));
        Assert.Throws<ArgumentException>(() => Ops.MaximumTangent(a, b, a, Tensor.Ones(1)));
    }

    /// <summary>A small operation allocates its result (the tensor, its data and, when it is new, its shape) and nothing else.</summary>
    [Fact]
    public void SmallOperationsAllocateOnlyTheirResult()
    {
        Tensor m = Tensor.Ones(4, 4), v = Tensor.Ones(4), column = Tensor.Ones(4, 1), row = Tensor.Ones(1, 4);
        int[] shape = m.Shape;
        long result = Allocated(() => new Tensor(new double[16], shape));
        long newShape = Allocated(() => new int[2]);
        Assert.Equal(result, Allocated(() => m + m));
        Assert.Equal(result, Allocated(() => m * v));
        Assert.Equal(result, Allocated(() => v - m));
        Assert.Equal(result, Allocated(() => m / column));
        Assert.Equal(result + newShape, Allocated(() => column * row));
        Assert.Equal(result, Allocated(() => Ops.Maximum(m, v)));
        Assert.Equal(result, Allocated(() => Ops.Sigmoid(m)));
        Assert.Equal(result, Allocated(() => Ops.Softplus(m)));
        Assert.Equal(result, Allocated(() => Ops.Relu(m)));

        ComplexTensor z = ComplexTensor.Ones(4, 4);
        long complexResult = Allocated(() => new ComplexTensor(new Complex[16], shape));
        Assert.Equal(complexResult, Allocated(() => z * v));
        Assert.Equal(complexResult, Allocated(() => column - z));
    }

    private static long Allocated(Func<object> f)
    {
        for (int i = 0; i < 50; i++)
            GC.KeepAlive(f());
        long before = GC.GetAllocatedBytesForCurrentThread();
        object kept = f();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(kept);
        return bytes;
    }

    // ---- the reference -------------------------------------------------------------------------

    private static ComplexTensor Reference(ComplexTensor a, ComplexTensor b, Func<Complex, Complex, Complex> f)
    {
        int[] sa = a.Shape, sb = b.Shape;
        int rank = Math.Max(sa.Length, sb.Length);
        int[] shape = new int[rank];
        for (int j = 1; j <= rank; j++)
        {
            int da = j <= sa.Length ? sa[^j] : 1, db = j <= sb.Length ? sb[^j] : 1;
            shape[^j] = da == 1 ? db : da;
        }
        int length = shape.Aggregate(1, (x, y) => x * y);
        var result = new Complex[length];
        Complex[] av = a.ToArray(), bv = b.ToArray();
        int[] index = new int[rank];
        for (int flat = 0; flat < length; flat++)
        {
            for (int k = rank - 1, rest = flat; k >= 0; k--)
            {
                index[k] = rest % shape[k];
                rest /= shape[k];
            }
            result[flat] = f(av[Offset(index, sa)], bv[Offset(index, sb)]);
        }
        return ComplexTensor.FromArray(result, shape);
    }

    private static Tensor Reference(Tensor a, Tensor b, Func<double, double, double> f) =>
        Reference(ComplexTensor.FromTensor(a), ComplexTensor.FromTensor(b), (x, y) => f(x.Real, y.Real)).Real();

    /// <summary>The row-major offset in an operand of shape <paramref name="shape"/> of a result index (an axis of length 1 reads element 0).</summary>
    private static int Offset(int[] index, int[] shape)
    {
        int offset = 0;
        for (int j = shape.Length; j >= 1; j--)
            offset = offset * shape[^j] + (shape[^j] == 1 ? 0 : index[^j]);
        return offset;
    }

    private static void Check(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    private static void Check(ComplexTensor expected, ComplexTensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Complex[] e = expected.ToArray(), g = actual.ToArray();
        for (int i = 0; i < e.Length; i++)
            Assert.True(Complex.Abs(e[i] - g[i]) <= 1e-15 * Complex.Abs(e[i]), $"element {i}: expected {e[i]}, got {g[i]}");
    }

    private sealed class Tolerance : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-13 * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
