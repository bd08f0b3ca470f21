using System;
using System.Linq;
using Xunit;
using static Diff.Ops;
using static Diff.Runtime.Tests.Operations.DerivativeCheck;

namespace Diff.Runtime.Tests.Operations;

public class JoiningTests
{
    private static readonly Tensor A = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
    private static readonly Tensor B = Tensor.FromArray(new double[,] { { 5, 6 } });

    [Fact]
    public void ConcatJoinsAlongAnExistingAxis()
    {
        Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, Concat(0, A, B).ToArray2D());
        Assert.Equal(new double[,] { { 1, 2, 1, 3 }, { 3, 4, 2, 4 } }, Concat(-1, A, A.Transpose()).ToArray2D());
        Assert.Equal(new double[,] { { 1, 2, 1, 2, 1, 2 }, { 3, 4, 3, 4, 3, 4 } }, Concat(1, A, A, A).ToArray2D());
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6, 7 }, Concat(0, Tensor.Arange(1, 3), Tensor.Arange(3, 5), Tensor.Arange(5, 7), Tensor.Arange(7, 8)).ToArray());
        Assert.Equal(new[] { 2, 0 }, Concat(1, Tensor.Zeros(2, 0), Tensor.Zeros(2, 0)).Shape);
    }

    [Fact]
    public void StackMakesANewAxis()
    {
        var u = Tensor.FromArray(new double[] { 1, 2, 3 });
        var v = Tensor.FromArray(new double[] { 4, 5, 6 });
        Assert.Equal(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, Stack(0, u, v).ToArray2D());
        Assert.Equal(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, Stack(1, u, v).ToArray2D());
        Assert.Equal(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, Stack(-1, u, v).ToArray2D());
        Assert.Equal(new[] { 2, 3, 2 }, Stack(1, A, A, A).Shape);
        Assert.Equal(new[] { 1, 2, 2 }, Stack(0, [A]).Shape);
    }

    [Fact]
    public void FromScalarsMakesAVector()
    {
        Assert.Equal(new double[] { 1.5, -2 }, Tensor.FromScalars(1.5, -2).ToArray());
        Assert.Equal(new double[] { 1, 2, 3 }, Tensor.FromScalars(1, 2, 3).ToArray());
        Assert.Equal(new[] { 4 }, Tensor.FromScalars(1, 2, 3, 4).Shape);
        Assert.Equal(new[] { 0 }, Tensor.FromScalars().Shape);
    }

    [Fact]
    public void BadPartsAreReported()
    {
        Assert.Throws<ArgumentException>(() => Concat(0, A, Tensor.Zeros(1, 3)));
        Assert.Throws<ArgumentException>(() => Concat(0, A, Tensor.Zeros(2)));
        Assert.Throws<ArgumentException>(() => Concat(0, Array.Empty<Tensor>()));
        Assert.Throws<ArgumentException>(() => Concat(0, Tensor.Zeros(), Tensor.Zeros()));
        Assert.Throws<ArgumentNullException>(() => Concat(0, A, null!));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Concat(2, A, A));
        Assert.Contains("(2, 2)", e.Message);
        Assert.Throws<ArgumentException>(() => Stack(0, A, B));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stack(3, A, A));
        Assert.Equal(new[] { 2, 2, 2 }, Stack(2, A, A).Shape);
        Assert.Throws<ArgumentException>(() => ConcatAdjoint(0, A, B, Tensor.Zeros(2, 2)));
        Assert.Throws<ArgumentException>(() => Tensor.FromScalarsAdjoint([1.0, 2.0], Tensor.Zeros(3)));
    }

    [Fact]
    public void DerivativesMatchDifferencesAndTheAdjointIdentity()
    {
        var r = new Random(11);
        var a = RandomTensor(r, 2, 3);
        var b = RandomTensor(r, 2, 1);
        var c = RandomTensor(r, 2, 3);
        Check(x => Concat(1, (Tensor)x, b), (x, d) => ConcatTangent(1, (Tensor)x, b, (Tensor)d, Tensor.Zeros(2, 1)),
            (x, s) => { var (v, xb, _) = ConcatAdjoint(1, (Tensor)x, b, (Tensor)s); return (v, xb); }, a, r, "Concat(1, a, b) in a");
        Check(x => Concat(1, a, (Tensor)x), (x, d) => ConcatTangent(1, a, (Tensor)x, Tensor.Zeros(2, 3), (Tensor)d),
            (x, s) => { var (v, _, xb) = ConcatAdjoint(1, a, (Tensor)x, (Tensor)s); return (v, xb); }, b, r, "Concat(1, a, b) in b");
        Check(x => Concat(0, a, c, (Tensor)x), (x, d) => ConcatTangent(0, a, c, (Tensor)x, Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), (Tensor)d),
            (x, s) => { var (v, _, _, xb) = ConcatAdjoint(0, a, c, (Tensor)x, (Tensor)s); return (v, xb); }, a, r, "Concat(0, a, c, x)");
        Check(x => Concat(-1, [a, (Tensor)x, b, a]), (x, d) => ConcatTangent(-1, [a, (Tensor)x, b, a], [Tensor.Zeros(2, 3), (Tensor)d, Tensor.Zeros(2, 1), Tensor.Zeros(2, 3)]),
            (x, s) => { var (v, bars) = ConcatAdjoint(-1, [a, (Tensor)x, b, a], (Tensor)s); return (v, bars[1]); }, c, r, "Concat of four (params)");
        foreach (int axis in new[] { 0, 1, 2, -1 })
        {
            Check(x => Stack(axis, (Tensor)x, c), (x, d) => StackTangent(axis, (Tensor)x, c, (Tensor)d, Tensor.Zeros(2, 3)),
                (x, s) => { var (v, xb, _) = StackAdjoint(axis, (Tensor)x, c, (Tensor)s); return (v, xb); }, a, r, $"Stack({axis}, a, c)");
            Check(x => Stack(axis, a, c, (Tensor)x), (x, d) => StackTangent(axis, a, c, (Tensor)x, Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), (Tensor)d),
                (x, s) => { var (v, _, _, xb) = StackAdjoint(axis, a, c, (Tensor)x, (Tensor)s); return (v, xb); }, a, r, $"Stack({axis}, a, c, x)");
            Check(x => Stack(axis, [(Tensor)x, c, a, a]), (x, d) => StackTangent(axis, [(Tensor)x, c, a, a], [(Tensor)d, Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), Tensor.Zeros(2, 3)]),
                (x, s) => { var (v, bars) = StackAdjoint(axis, [(Tensor)x, c, a, a], (Tensor)s); return (v, bars[0]); }, a, r, $"Stack({axis}) of four (params)");
        }
        Check(x => Tensor.FromScalars((double)x, 2.0), (x, d) => Tensor.FromScalarsTangent((double)x, 2.0, (double)d, 0.0),
            (x, s) => { var (v, xb, _) = Tensor.FromScalarsAdjoint((double)x, 2.0, (Tensor)s); return (v, xb); }, 0.7, r, "FromScalars(x, 2)");
        Check(x => Tensor.FromScalars(1.0, 2.0, (double)x), (x, d) => Tensor.FromScalarsTangent(1.0, 2.0, (double)x, 0.0, 0.0, (double)d),
            (x, s) => { var (v, _, _, xb) = Tensor.FromScalarsAdjoint(1.0, 2.0, (double)x, (Tensor)s); return (v, xb); }, -0.3, r, "FromScalars(1, 2, x)");
        Check(x => Tensor.FromScalars(1.0, (double)x, 3.0, 4.0), (x, d) => Tensor.FromScalarsTangent([1.0, (double)x, 3.0, 4.0], [0.0, (double)d, 0.0, 0.0]),
            (x, s) => { var (v, bar) = Tensor.FromScalarsAdjoint([1.0, (double)x, 3.0, 4.0], (Tensor)s); return (v, bar[1]); }, 1.1, r, "FromScalars of four (params)");
    }
}
