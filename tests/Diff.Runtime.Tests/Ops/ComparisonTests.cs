using System;
using System.Linq;
using Xunit;
using static Diff.Ops;

namespace Diff.Runtime.Tests.Operations;

/// <summary>
/// Greater, Less, GreaterOrEqual, LessOrEqual and Equal: their 0/1 masks against C#'s own comparison element by
/// element (NaN, ±0, ±∞, both vector body and scalar tail), broadcasting, bad input, zero derivatives, and the numpy
/// idiom Where(Greater(x, 0), x, 0.1·x). Their tangents and adjoints on random shapes are checked by
/// RegisteredDerivativeTests.
/// </summary>
public class ComparisonTests
{
    private static Tensor V(params double[] values) => Tensor.FromArray(values);

    private static readonly (string Name, Func<Tensor, Tensor, Tensor> Tensors, Func<Tensor, double, Tensor> Scalar, Func<double, double, bool> Expected)[] All =
    [
        (nameof(Greater), Greater, Greater, (a, b) => a > b),
        (nameof(Less), Less, Less, (a, b) => a < b),
        (nameof(GreaterOrEqual), GreaterOrEqual, GreaterOrEqual, (a, b) => a >= b),
        (nameof(LessOrEqual), LessOrEqual, LessOrEqual, (a, b) => a <= b),
        (nameof(Equal), Equal, Equal, (a, b) => a == b),
    ];

    public static TheoryData<int> Indices() => [.. Enumerable.Range(0, All.Length)];

    /// <summary>Pairs with ties, NaN on either side, signed zeros and infinities; 13 of them, past one 4-lane vector and its tail.</summary>
    private static readonly double[] Left = [1, 2, 3, double.NaN, 0.0, -0.0, double.PositiveInfinity, -5, 7, double.NaN, 1e-300, -1, 2.5];
    private static readonly double[] Right = [2, 2, 1, 1, -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, 7, double.NaN, 0, -1, 2.4999999999999996];

    [Theory]
    [MemberData(nameof(Indices))]
    public void MasksAreOneExactlyWhereTheComparisonHolds(int index)
    {
        var (name, tensors, scalar, expected) = All[index];
        double[] mask = tensors(V(Left), V(Right)).ToArray();
        for (int i = 0; i < Left.Length; i++)
            Assert.True(mask[i] == (expected(Left[i], Right[i]) ? 1.0 : 0.0), $"{name}({Left[i]}, {Right[i]}) gave {mask[i]}");
        // the mask is +0, never −0, where the comparison fails
        Assert.All(mask, m => Assert.False(double.IsNegative(m)));

        foreach (double b in new[] { 2.0, 0.0, double.NaN, double.NegativeInfinity })
        {
            double[] withScalar = scalar(V(Left), b).ToArray();
            for (int i = 0; i < Left.Length; i++)
                Assert.True(withScalar[i] == (expected(Left[i], b) ? 1.0 : 0.0), $"{name}({Left[i]}, {b}) gave {withScalar[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void MasksBroadcastLikeNumpy(int index)
    {
        var (name, tensors, _, expected) = All[index];
        Tensor column = Tensor.FromArray([1.0, 2, 3], 3, 1);
        Tensor row = V(3, 2, 1, 2, 5);
        Tensor m = tensors(column, row);
        Assert.Equal(new[] { 3, 5 }, m.Shape);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 5; j++)
                Assert.True(m[i, j] == (expected(column[i, 0], row[j]) ? 1.0 : 0.0), $"{name} at ({i}, {j})");
        // the row on the left, a rank-0 tensor on the right
        Tensor r0 = tensors(row, Tensor.FromArray([2.0], []));
        Assert.Equal(row.Data.Select(v => expected(v, 2) ? 1.0 : 0.0), r0.ToArray());
        Assert.Equal(new[] { 3, 2, 5 }, tensors(Tensor.Zeros(3, 1, 5), Tensor.Ones(2, 1)).Shape);
    }

    [Fact]
    public void BadInputNamesTheShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Greater(Tensor.Zeros(2, 3), Tensor.Zeros(4)));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(4,)", e.Message);
        Assert.Contains(nameof(Greater), e.Message);
        Assert.Throws<ArgumentNullException>(() => Less(null!, Tensor.Zeros(1)));
        Assert.Throws<ArgumentNullException>(() => Equal(Tensor.Zeros(1), null!));
        Assert.Throws<ArgumentNullException>(() => LessOrEqual(null!, 0.0));
        // a tangent or seed of the wrong shape
        Assert.Throws<ArgumentException>(() => GreaterTangent(V(1, 2), V(1, 2), V(1), V(1, 2)));
        Assert.Throws<ArgumentException>(() => GreaterAdjoint(V(1, 2), V(1), V(1, 2, 3)));
        Assert.Throws<ArgumentException>(() => EqualTangent(V(1, 2), 1.0, V(1, 2, 3), 0.0));
    }

    [Fact]
    public void DerivativesAreZerosOfTheOperandsShapes()
    {
        Tensor a = Tensor.FromArray([1.0, -2, 3, 0.5, 0, 4], 2, 3), b = V(0, 0, 3);
        var (value, tangent) = GreaterTangent(a, b, a * 7.0, b + 1.0);
        Assert.Equal(new double[] { 1, 0, 0, 1, 0, 1 }, value.ToArray());
        Assert.Equal(new[] { 2, 3 }, tangent.Shape);
        Assert.All(tangent.ToArray(), t => Assert.Equal(0.0, t));

        var (adjValue, abar, bbar) = LessOrEqualAdjoint(a, b, Tensor.Ones(2, 3));
        Assert.Equal(new double[] { 0, 1, 1, 0, 1, 0 }, adjValue.ToArray());
        Assert.Equal(a.Shape, abar.Shape);
        Assert.Equal(b.Shape, bbar.Shape);
        Assert.All(abar.ToArray().Concat(bbar.ToArray()), v => Assert.Equal(0.0, v));

        var (scalarValue, scalarA, scalarB) = EqualAdjoint(a, 3.0, Tensor.Ones(2, 3));
        Assert.Equal(new double[] { 0, 0, 1, 0, 0, 0 }, scalarValue.ToArray());
        Assert.All(scalarA.ToArray(), v => Assert.Equal(0.0, v));
        Assert.Equal(0.0, scalarB);
    }

    [Fact]
    public void LeakyReluReadsLikeNumpy()
    {
        Tensor x = V(-2, -0.5, 0, 0.5, 3);
        Tensor leaky = Where(Greater(x, 0), x, 0.1 * x);
        Assert.Equal(new double[] { -0.2, -0.05, 0, 0.5, 3 }, leaky.ToArray());
        // its derivative flows through Where to the chosen branch, and the mask contributes nothing
        Tensor seed = V(1, 1, 1, 1, 1);
        var (_, maskBar, aBar, bBar) = WhereAdjoint(Greater(x, 0), x, 0.1 * x, seed);
        Assert.All(maskBar.ToArray(), v => Assert.Equal(0.0, v));
        Assert.Equal(new double[] { 0, 0, 0, 1, 1 }, aBar.ToArray());
        Assert.Equal(new double[] { 1, 1, 1, 0, 0 }, bBar.ToArray());
    }

    [Fact]
    public void AMaskCountsAndPicksTheArgmax()
    {
        // one-hot of each row's maximum, as a classifier's accuracy is counted
        Tensor p = Tensor.FromArray(new double[,] { { 0.1, 0.7, 0.2 }, { 0.5, 0.3, 0.2 } });
        Tensor hit = Equal(p, Max(p, -1, keepDims: true));
        Assert.Equal(new double[] { 0, 1, 0, 1, 0, 0 }, hit.ToArray());
        Assert.Equal(2.0, Sum(hit));
    }
}
