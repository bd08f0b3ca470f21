using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Ops;
using static Diff.Runtime.Tests.Operations.DerivativeCheck;

namespace Diff.Runtime.Tests.Operations;

public class ComplexJoiningTests
{
    private static readonly ComplexTensor A = ComplexTensor.FromArray(new Complex[,] { { new(1, 1), 2 }, { 3, new(0, -4) } });
    private static readonly ComplexTensor B = ComplexTensor.FromArray(new Complex[,] { { new(5, 0.5), new(6, -6) } });

    private static Complex[,] ToArray2D(ComplexTensor t)
    {
        var r = new Complex[t.Shape[0], t.Shape[1]];
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++)
                r[i, j] = t[i, j];
        return r;
    }

    [Fact]
    public void ConcatJoinsAlongAnExistingAxis()
    {
        Assert.Equal(new Complex[,] { { new(1, 1), 2 }, { 3, new(0, -4) }, { new(5, 0.5), new(6, -6) } }, ToArray2D(Concat(0, A, B)));
        Assert.Equal(new Complex[,] { { new(1, 1), 2, new(5, 0.5) }, { 3, new(0, -4), new(6, -6) } }, ToArray2D(Concat(-1, A, B.Transpose())));
        Assert.Equal(new Complex[,] { { new(1, 1), 2, new(1, 1), 2, new(1, 1), 2 }, { 3, new(0, -4), 3, new(0, -4), 3, new(0, -4) } },
            ToArray2D(Concat(1, A, A, A)));
        var pieces = Enumerable.Range(0, 4).Select(k => ComplexTensor.FromArray(new Complex[] { new(k, -k) })).ToArray();
        Assert.Equal(new Complex[] { 0, new(1, -1), new(2, -2), new(3, -3) }, Concat(0, pieces).ToArray());
        Assert.Equal(new[] { 2, 0 }, Concat(1, ComplexTensor.Zeros(2, 0), ComplexTensor.Zeros(2, 0)).Shape);
    }

    [Fact]
    public void StackMakesANewAxis()
    {
        var u = ComplexTensor.FromArray(new Complex[] { 1, new(0, 2), 3 });
        var v = ComplexTensor.FromArray(new Complex[] { new(4, 4), 5, 6 });
        Assert.Equal(new Complex[,] { { 1, new(0, 2), 3 }, { new(4, 4), 5, 6 } }, ToArray2D(Stack(0, u, v)));
        Assert.Equal(new Complex[,] { { 1, new(4, 4) }, { new(0, 2), 5 }, { 3, 6 } }, ToArray2D(Stack(1, u, v)));
        Assert.Equal(new Complex[,] { { 1, new(4, 4) }, { new(0, 2), 5 }, { 3, 6 } }, ToArray2D(Stack(-1, u, v)));
        var s = Stack(1, A, A, A.Conj());
        Assert.Equal(new[] { 2, 3, 2 }, s.Shape);
        Assert.Equal(new Complex(0, 4), s[1, 2, 1]);
        Assert.Equal(new Complex(1, 1), s[0, 1, 0]);
        Assert.Equal(new[] { 1, 2, 2 }, Stack(0, new[] { A }).Shape);
        Assert.Equal(new[] { 2, 2, 2 }, Stack(2, A, A).Shape);
    }

    [Fact]
    public void BadPartsAreReported()
    {
        var e = Assert.Throws<ArgumentException>(() => Concat(0, A, ComplexTensor.Zeros(1, 3)));
        Assert.Contains("(2, 2), (1, 3)", e.Message);
        Assert.Throws<ArgumentException>(() => Concat(0, A, ComplexTensor.Zeros(2)));
        Assert.Throws<ArgumentException>(() => Concat(0, Array.Empty<ComplexTensor>()));
        Assert.Throws<ArgumentException>(() => Concat(0, ComplexTensor.Zeros(), ComplexTensor.Zeros()));
        Assert.Throws<ArgumentNullException>(() => Concat(0, A, (ComplexTensor)null!));
        Assert.Throws<ArgumentNullException>(() => Stack(0, (ComplexTensor[])null!));
        Assert.Contains("(2, 2)", Assert.Throws<ArgumentOutOfRangeException>(() => Concat(2, A, A)).Message);
        Assert.Throws<ArgumentException>(() => Stack(0, A, B));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stack(3, A, A));
        Assert.Throws<ArgumentException>(() => ConcatAdjoint(0, A, B, ComplexTensor.Zeros(2, 2)));
        Assert.Throws<ArgumentException>(() => ConcatTangent(0, A, B, A, A));
        Assert.Throws<ArgumentException>(() => StackTangent(0, new[] { A, A }, new[] { A }));
    }

    [Fact]
    public void DerivativesMatchDifferencesAndTheAdjointIdentity()
    {
        var r = new Random(12);
        var a = RandomComplex(r, 2, 3);
        var b = RandomComplex(r, 2, 1);
        var c = RandomComplex(r, 2, 3);
        var z23 = ComplexTensor.Zeros(2, 3);
        Check(x => Concat(1, (ComplexTensor)x, b), (x, d) => ConcatTangent(1, (ComplexTensor)x, b, (ComplexTensor)d, ComplexTensor.Zeros(2, 1)),
            (x, s) => { var (v, xb, _) = ConcatAdjoint(1, (ComplexTensor)x, b, (ComplexTensor)s); return (v, xb); }, a, r, "Concat(1, a, b) in a");
        Check(x => Concat(1, a, (ComplexTensor)x), (x, d) => ConcatTangent(1, a, (ComplexTensor)x, z23, (ComplexTensor)d),
            (x, s) => { var (v, _, xb) = ConcatAdjoint(1, a, (ComplexTensor)x, (ComplexTensor)s); return (v, xb); }, b, r, "Concat(1, a, b) in b");
        Check(x => Concat(0, a, c, (ComplexTensor)x), (x, d) => ConcatTangent(0, a, c, (ComplexTensor)x, z23, z23, (ComplexTensor)d),
            (x, s) => { var (v, _, _, xb) = ConcatAdjoint(0, a, c, (ComplexTensor)x, (ComplexTensor)s); return (v, xb); }, a, r, "Concat(0, a, c, x)");
        Check(x => Concat(-1, [a, (ComplexTensor)x, b, a]),
            (x, d) => ConcatTangent(-1, [a, (ComplexTensor)x, b, a], [z23, (ComplexTensor)d, ComplexTensor.Zeros(2, 1), z23]),
            (x, s) => { var (v, bars) = ConcatAdjoint(-1, [a, (ComplexTensor)x, b, a], (ComplexTensor)s); return (v, bars[1]); }, c, r, "Concat of four (params)");
        foreach (int axis in new[] { 0, 1, 2, -1 })
        {
            Check(x => Stack(axis, (ComplexTensor)x, c), (x, d) => StackTangent(axis, (ComplexTensor)x, c, (ComplexTensor)d, z23),
                (x, s) => { var (v, xb, _) = StackAdjoint(axis, (ComplexTensor)x, c, (ComplexTensor)s); return (v, xb); }, a, r, $"Stack({axis}, a, c)");
            Check(x => Stack(axis, a, c, (ComplexTensor)x), (x, d) => StackTangent(axis, a, c, (ComplexTensor)x, z23, z23, (ComplexTensor)d),
                (x, s) => { var (v, _, _, xb) = StackAdjoint(axis, a, c, (ComplexTensor)x, (ComplexTensor)s); return (v, xb); }, a, r, $"Stack({axis}, a, c, x)");
            Check(x => Stack(axis, [(ComplexTensor)x, c, a, a]),
                (x, d) => StackTangent(axis, [(ComplexTensor)x, c, a, a], [(ComplexTensor)d, z23, z23, z23]),
                (x, s) => { var (v, bars) = StackAdjoint(axis, [(ComplexTensor)x, c, a, a], (ComplexTensor)s); return (v, bars[0]); }, a, r, $"Stack({axis}) of four (params)");
        }
    }
}
