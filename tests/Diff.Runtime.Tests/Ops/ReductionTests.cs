using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Ops;
using static Diff.Runtime.Tests.Operations.DerivativeCheck;

namespace Diff.Runtime.Tests.Operations;

public class ReductionTests
{
    private static readonly Tensor T234 = Tensor.Arange(24).Reshape(2, 3, 4);

    /// <summary>A reduction along one axis of a rank-3 tensor by plain index loops: the reference.</summary>
    private static double[,] Along(Tensor t, int axis, Func<double[], double> reduce)
    {
        int[] s = t.Shape;
        int[] rest = Enumerable.Range(0, 3).Where(a => a != axis).ToArray();
        var r = new double[s[rest[0]], s[rest[1]]];
        for (int p = 0; p < s[rest[0]]; p++)
            for (int q = 0; q < s[rest[1]]; q++)
            {
                var run = new double[s[axis]];
                for (int k = 0; k < s[axis]; k++)
                {
                    var at = new int[3];
                    at[rest[0]] = p; at[rest[1]] = q; at[axis] = k;
                    run[k] = t[at[0], at[1], at[2]];
                }
                r[p, q] = reduce(run);
            }
        return r;
    }

    private static void Same(double[,] expected, Tensor actual, double tolerance = 1e-13)
    {
        Assert.Equal(new[] { expected.GetLength(0), expected.GetLength(1) }, actual.Shape);
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.Equal(expected[i, j], actual[i, j], tolerance * Math.Max(1, Math.Abs(expected[i, j])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void AxisReductionsMatchLoops(int axis)
    {
        var x = RandomTensor(new Random(axis), 3, 4, 5);
        Same(Along(x, axis, r => r.Sum()), Sum(x, axis));
        Same(Along(x, axis, r => r.Sum()), Sum(x, axis - 3));
        Same(Along(x, axis, r => r.Average()), Mean(x, axis));
        Same(Along(x, axis, r => r.Max()), Max(x, axis));
        Same(Along(x, axis, r => r.Min()), Min(x, axis));
        Same(Along(x, axis, r => Math.Sqrt(r.Sum(v => v * v))), Norm(x, axis));
        Same(Along(x, axis, r => Math.Log(r.Sum(Math.Exp))), LogSumExp(x, axis));
    }

    [Fact]
    public void KeepDimsKeepsTheAxisAsOne()
    {
        Assert.Equal(new[] { 2, 1, 4 }, Sum(T234, 1, keepDims: true).Shape);
        Assert.Equal(new[] { 2, 3, 1 }, Max(T234, -1, keepDims: true).Shape);
        Assert.Equal(new[] { 1, 3, 4 }, LogSumExp(T234, 0, keepDims: true).Shape);
        Assert.Equal(new[] { 2, 4 }, Mean(T234, 1).Shape);
        Assert.Equal(Sum(T234, 1).ToArray(), Sum(T234, 1, keepDims: true).ToArray());
        // Σ over axis 1 of arange(24).reshape(2, 3, 4): element [0, 0] = 0 + 4 + 8
        Assert.Equal(12, Sum(T234, 1)[0, 0]);
        Assert.Equal(new double[] { 66, 210 }, Sum(Sum(T234, -1), -1).ToArray());
    }

    [Fact]
    public void WholeReductionsMatchHandValues()
    {
        var m = Tensor.FromArray(new double[,] { { 3, -4 }, { 0, 12 } });
        Assert.Equal(11.0 / 4, Mean(m));
        Assert.Equal(12, Max(m));
        Assert.Equal(-4, Min(m));
        Assert.Equal(13, Norm(m), 1e-15);
        var z = ComplexTensor.FromArray(new Complex[] { new(3, 4), new(0, 12) });
        Assert.Equal(13, Norm(z), 1e-15);
        Assert.Equal(new Complex(1.5, 8), Mean(z));
        Assert.Equal(new Complex[] { new(1.5, 8) }, Mean(z.Reshape(1, 2), 1).ToArray());
        Assert.Equal(new Complex[] { new(3, 16) }, Sum(z.Reshape(2, 1), 0).ToArray());
        Assert.Equal(new double[] { 5, 12 }, Norm(z.Reshape(2, 1), 1).ToArray());
    }

    [Fact]
    public void NormNeitherOverflowsNorUnderflows()
    {
        var big = Tensor.FromArray(new[] { 3e200, 4e200 });
        Assert.Equal(5e200, Norm(big), 5e200 * 1e-15);
        var tiny = Tensor.FromArray(new[] { 3e-200, 4e-200 });
        Assert.Equal(5e-200, Norm(tiny), 5e-200 * 1e-15);
        var rows = Norm(Tensor.FromArray(new double[,] { { 3e200, 4e200 }, { 3e-200, 4e-200 } }), 1);
        Assert.Equal(5e200, rows[0], 5e200 * 1e-15);
        Assert.Equal(5e-200, rows[1], 5e-200 * 1e-15);
        Assert.Equal(5e-200, Norm(Tensor.FromArray(new double[,] { { 3e-200 }, { 4e-200 } }), 0)[0], 5e-200 * 1e-15);
        Assert.Equal(5e200, Norm(Tensor.FromArray(new double[,] { { 3e200, 1 }, { 4e200, 1 } }), 0)[0], 5e200 * 1e-15);
        Assert.Equal(double.PositiveInfinity, Norm(Tensor.FromArray(new[] { 1, double.PositiveInfinity })));
        Assert.True(double.IsNaN(Norm(Tensor.FromArray(new[] { 1, double.NaN }))));
        Assert.Equal(0, Norm(Tensor.Zeros(0)));
    }

    [Fact]
    public void LogSumExpOfLargeValuesDoesNotOverflow()
    {
        var x = Tensor.FromArray(new double[,] { { 1000, 1000 }, { -1000, -1000 } });
        var r = LogSumExp(x, 1);
        Assert.Equal(1000 + Math.Log(2), r[0], 1e-12);
        Assert.Equal(-1000 + Math.Log(2), r[1], 1e-12);
        var columns = LogSumExp(Tensor.FromArray(new double[,] { { 800, 1 }, { 800, 2 } }), 0);
        Assert.Equal(800 + Math.Log(2), columns[0], 1e-12);
        Assert.Equal(2 + Math.Log(1 + Math.Exp(-1)), columns[1], 1e-14);
        var infinite = Tensor.FromArray(new double[,] { { double.NegativeInfinity, double.NegativeInfinity }, { 0, double.PositiveInfinity } });
        Assert.Equal(new[] { double.NegativeInfinity, double.PositiveInfinity }, LogSumExp(infinite, 1).ToArray());
        Assert.Equal(new[] { double.NegativeInfinity, double.PositiveInfinity }, LogSumExp(infinite.Transpose(), 0).ToArray());
        Assert.Equal(new[] { double.NegativeInfinity, double.NegativeInfinity }, LogSumExp(Tensor.Zeros(2, 0), 1).ToArray());
    }

    [Fact]
    public void SoftmaxRunsSumToOneAndMatchTheDefinition()
    {
        var x = RandomTensor(new Random(5), 3, 4, 5);
        foreach (int axis in new[] { 0, 1, 2, -1 })
        {
            var s = Softmax(x, axis);
            Assert.Equal(x.Shape, s.Shape);
            foreach (double total in Sum(s, axis).ToArray())
                Assert.Equal(1, total, 1e-14);
            // log softmax = x − logsumexp, checked element by element
            var lse = LogSumExp(x, axis, keepDims: true);
            int a = axis < 0 ? axis + 3 : axis;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 4; j++)
                    for (int k = 0; k < 5; k++)
                    {
                        int[] at = [i, j, k];
                        at[a] = 0;
                        Assert.Equal(x[i, j, k] - lse[at[0], at[1], at[2]], Math.Log(s[i, j, k]), 1e-13);
                    }
        }
        var large = Softmax(Tensor.FromArray(new double[] { 1000, 1000, 0 }), 0);
        Assert.Equal(0.5, large[0], 1e-15);
        Assert.Equal(0, large[2]);
    }

    /// <summary>
    /// Runs and slabs of odd lengths (longer than a vector, with tails) along every axis, against the definition summed
    /// in plain loops; a −∞ entry gives an exact zero.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void SoftmaxAndLogSumExpOfLongRunsMatchTheDefinition(int axis)
    {
        var x = RandomTensor(new Random(40 + axis), 7, 37, 11) * 20;
        double[] data = x.ToArray();
        data[3 * 11 + 2] = double.NegativeInfinity;
        x = Tensor.FromArray(data, 7, 37, 11);
        double[,] lse = Along(x, axis, r =>
        {
            double m = r.Max();
            return m + Math.Log(r.Sum(v => Math.Exp(v - m)));
        });
        Same(lse, LogSumExp(x, axis));
        var s = Softmax(x, axis);
        int[] rest = Enumerable.Range(0, 3).Where(a => a != axis).ToArray();
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 37; j++)
                for (int k = 0; k < 11; k++)
                {
                    int[] at = [i, j, k];
                    double expected = Math.Exp(x[i, j, k] - lse[at[rest[0]], at[rest[1]]]);
                    Assert.Equal(expected, s[i, j, k], 1e-13 * Math.Max(1, expected));
                }
        Assert.Equal(0, s[0, 3, 2]);
    }

    [Fact]
    public void LogSoftmaxExpressionWithMatchingShapes()
    {
        // x − LogSumExp(x, -1, keepDims: true) needs broadcasting for rows longer than 1; with one column the
        // shapes match already: each row's log-softmax is 0.
        var x = Tensor.FromArray(new double[,] { { 700 }, { -3 } });
        Tensor logSoftmax = x - LogSumExp(x, -1, keepDims: true);
        Assert.Equal(new double[] { 0, 0 }, logSoftmax.ToArray());
    }

    [Fact]
    public void MaxAndMinPropagateNaN()
    {
        var x = Tensor.FromArray(new double[,] { { 1, double.NaN }, { 2, 3 } });
        Assert.True(double.IsNaN(Max(x)));
        Assert.True(double.IsNaN(Min(x)));
        var rows = Max(x, 1);
        Assert.True(double.IsNaN(rows[0]));
        Assert.Equal(3, rows[1]);
    }

    [Fact]
    public void OuterMatchesProducts()
    {
        var u = Tensor.FromArray(new double[] { 1, 2, 3 });
        var v = Tensor.FromArray(new double[] { 4, 5 });
        Assert.Equal(new double[,] { { 4, 5 }, { 8, 10 }, { 12, 15 } }, Outer(u, v).ToArray2D());
        var z = ComplexTensor.FromArray(new Complex[] { new(0, 1), 2 });
        Assert.Equal(new Complex[] { -1, new(0, 2), new(0, 2), 4 }, Outer(z, z).ToArray());
    }

    [Fact]
    public void BadInputIsReported()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Sum(T234, 3));
        Assert.Contains("axis 3", e.Message);
        Assert.Contains("(2, 3, 4)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Mean(T234, -4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax(Tensor.FromArray(new double[] { 1 }), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogSumExp(Tensor.Zeros(), 0));
        Assert.Throws<ArgumentException>(() => Max(Tensor.Zeros(0)));
        Assert.Throws<ArgumentException>(() => Min(Tensor.Zeros(2, 0), 1));
        Assert.Throws<ArgumentNullException>(() => Norm((Tensor)null!));
        Assert.Throws<ArgumentException>(() => SumAdjoint(T234, 1, false, Tensor.Zeros(2, 1, 4)));
        Assert.Throws<ArgumentException>(() => SoftmaxTangent(T234, 1, Tensor.Zeros(2, 3)));
        Assert.True(double.IsNaN(Mean(Tensor.Zeros(0))));
    }

    // ---- derivatives -------------------------------------------------------------------------

    public static TheoryData<int, bool> Axes() => new() { { 0, false }, { 1, true }, { 2, false }, { -1, true }, { -2, false } };

    [Theory]
    [MemberData(nameof(Axes))]
    public void AxisDerivativesMatchDifferencesAndTheAdjointIdentity(int axis, bool keep)
    {
        var r = new Random(10 + axis);
        var x = RandomTensor(r, 3, 4, 2);
        var z = RandomComplex(r, 3, 4, 2);
        string at = $"axis {axis}, keepDims {keep}";
        Check(a => Sum((Tensor)a, axis, keep), (a, d) => SumTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => SumAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "Sum " + at);
        Check(a => Sum((ComplexTensor)a, axis, keep), (a, d) => SumTangent((ComplexTensor)a, axis, keep, (ComplexTensor)d), (a, s) => SumAdjoint((ComplexTensor)a, axis, keep, (ComplexTensor)s), z, r, "complex Sum " + at);
        Check(a => Mean((Tensor)a, axis, keep), (a, d) => MeanTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => MeanAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "Mean " + at);
        Check(a => Mean((ComplexTensor)a, axis, keep), (a, d) => MeanTangent((ComplexTensor)a, axis, keep, (ComplexTensor)d), (a, s) => MeanAdjoint((ComplexTensor)a, axis, keep, (ComplexTensor)s), z, r, "complex Mean " + at);
        Check(a => Max((Tensor)a, axis, keep), (a, d) => MaxTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => MaxAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "Max " + at);
        Check(a => Min((Tensor)a, axis, keep), (a, d) => MinTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => MinAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "Min " + at);
        Check(a => Norm((Tensor)a, axis, keep), (a, d) => NormTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => NormAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "Norm " + at);
        Check(a => Norm((ComplexTensor)a, axis, keep), (a, d) => NormTangent((ComplexTensor)a, axis, keep, (ComplexTensor)d), (a, s) => NormAdjoint((ComplexTensor)a, axis, keep, (Tensor)s), z, r, "complex Norm " + at);
        Check(a => LogSumExp((Tensor)a, axis, keep), (a, d) => LogSumExpTangent((Tensor)a, axis, keep, (Tensor)d), (a, s) => LogSumExpAdjoint((Tensor)a, axis, keep, (Tensor)s), x, r, "LogSumExp " + at);
        Check(a => Softmax((Tensor)a, axis), (a, d) => SoftmaxTangent((Tensor)a, axis, (Tensor)d), (a, s) => SoftmaxAdjoint((Tensor)a, axis, (Tensor)s), x, r, "Softmax " + at);
    }

    [Fact]
    public void WholeDerivativesMatchDifferencesAndTheAdjointIdentity()
    {
        var r = new Random(3);
        var x = RandomTensor(r, 3, 4);
        var z = RandomComplex(r, 2, 3);
        Check(a => Mean((Tensor)a), (a, d) => MeanTangent((Tensor)a, (Tensor)d), (a, s) => MeanAdjoint((Tensor)a, (double)s), x, r, "Mean");
        Check(a => Mean((ComplexTensor)a), (a, d) => MeanTangent((ComplexTensor)a, (ComplexTensor)d), (a, s) => MeanAdjoint((ComplexTensor)a, (Complex)s), z, r, "complex Mean");
        Check(a => Max((Tensor)a), (a, d) => MaxTangent((Tensor)a, (Tensor)d), (a, s) => MaxAdjoint((Tensor)a, (double)s), x, r, "Max");
        Check(a => Min((Tensor)a), (a, d) => MinTangent((Tensor)a, (Tensor)d), (a, s) => MinAdjoint((Tensor)a, (double)s), x, r, "Min");
        Check(a => Norm((Tensor)a), (a, d) => NormTangent((Tensor)a, (Tensor)d), (a, s) => NormAdjoint((Tensor)a, (double)s), x, r, "Norm");
        Check(a => Norm((ComplexTensor)a), (a, d) => NormTangent((ComplexTensor)a, (ComplexTensor)d), (a, s) => NormAdjoint((ComplexTensor)a, (double)s), z, r, "complex Norm");
        var u = RandomTensor(r, 3);
        var v = RandomTensor(r, 2, 2);
        Check(a => Outer((Tensor)a, v), (a, d) => OuterTangent((Tensor)a, v, (Tensor)d, Tensor.Zeros(2, 2)), (a, s) => { var (val, ub, _) = OuterAdjoint((Tensor)a, v, (Tensor)s); return (val, ub); }, u, r, "Outer in u");
        Check(a => Outer(u, (Tensor)a), (a, d) => OuterTangent(u, (Tensor)a, Tensor.Zeros(3), (Tensor)d), (a, s) => { var (val, _, vb) = OuterAdjoint(u, (Tensor)a, (Tensor)s); return (val, vb); }, v, r, "Outer in v");
        var w = RandomComplex(r, 3);
        var y = RandomComplex(r, 2);
        Check(a => Outer((ComplexTensor)a, y), (a, d) => OuterTangent((ComplexTensor)a, y, (ComplexTensor)d, ComplexTensor.Zeros(2)), (a, s) => { var (val, ub, _) = OuterAdjoint((ComplexTensor)a, y, (ComplexTensor)s); return (val, ub); }, w, r, "complex Outer in u");
        Check(a => Outer(w, (ComplexTensor)a), (a, d) => OuterTangent(w, (ComplexTensor)a, ComplexTensor.Zeros(3), (ComplexTensor)d), (a, s) => { var (val, _, vb) = OuterAdjoint(w, (ComplexTensor)a, (ComplexTensor)s); return (val, vb); }, y, r, "complex Outer in v");
    }

    [Fact]
    public void TiesSplitTheSeedEqually()
    {
        var x = Tensor.FromArray(new double[,] { { 2, 5, 5 }, { 1, 1, 0 } });
        Assert.Equal(new double[] { 0, 0.5, 0.5, 0, 0, 0 }, MaxAdjoint(x, 1.0).a.ToArray());
        Assert.Equal(new double[] { 0, 3, 3, 2, 2, 0 }, MaxAdjoint(x, 1, false, Tensor.FromArray(new double[] { 6, 4 })).a.ToArray());
        Assert.Equal(new double[] { 0, 0, 0, 0, 0, 7 }, MinAdjoint(x, 7.0).a.ToArray());
        // the tangent is the mean of the tied entries' tangents
        var d = Tensor.FromArray(new double[,] { { 9, 1, 3 }, { 4, 8, 5 } });
        Assert.Equal(2, MaxTangent(x, d).Tangent);
        Assert.Equal(new double[] { 2, 6 }, MaxTangent(x, 1, false, d).Tangent.ToArray());
    }

    [Fact]
    public void NormDerivativeAtZeroIsZero()
    {
        var zero = Tensor.Zeros(2, 2);
        Assert.Equal(0, NormTangent(zero, Tensor.Ones(2, 2)).Tangent);
        Assert.Equal(new double[4], NormAdjoint(zero, 1.0).a.ToArray());
        Assert.Equal(new Complex[2], NormAdjoint(ComplexTensor.Zeros(2), 1.0).a.ToArray());
        var rows = Tensor.FromArray(new double[,] { { 0, 0 }, { 3, 4 } });
        Assert.Equal(new double[] { 0, 0, 0.6, 0.8 }, NormAdjoint(rows, 1, false, Tensor.Ones(2)).a.ToArray(), new ToleranceComparer(1e-15));
        Assert.Equal(new double[] { 0, 1.4 }, NormTangent(rows, 1, false, Tensor.Ones(2, 2)).Tangent.ToArray(), new ToleranceComparer(1e-15));
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double a) => 0;
    }
}
