using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

/// <summary>Expected strings are numpy 2.x <c>str(array)</c> outputs for the same arrays.</summary>
public class TensorFormattingTests
{
    [Fact]
    public void MatrixOfHalves() =>
        Assert.Equal("[[1.5 2.5]\n [3.5 4.5]]", Tensor.FromArray(new double[,] { { 1.5, 2.5 }, { 3.5, 4.5 } }).ToString());

    [Fact]
    public void ColumnsAlignIntegerAndFractionParts() =>
        Assert.Equal("[ 1.5   2.25 -3.  ]", Tensor.FromArray(new double[] { 1.5, 2.25, -3 }).ToString());

    [Fact]
    public void ShortestRoundTripRoundedToEightDigits() =>
        // str(np.array([0.1 + 0.2, 1/3, nan, -inf]))
        Assert.Equal("[0.3        0.33333333        nan       -inf]",
            Tensor.FromArray(new double[] { 0.1 + 0.2, 1.0 / 3, double.NaN, double.NegativeInfinity }).ToString());

    [Fact]
    public void LongRowsWrapAt75Characters() =>
        Assert.Equal(
            "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]",
            Tensor.Arange(30).ToString());

    [Fact]
    public void Rank3HasBlankLinesBetweenBlocks() =>
        Assert.Equal(
            "[[[ 0.  1.  2.  3.]\n  [ 4.  5.  6.  7.]\n  [ 8.  9. 10. 11.]]\n\n [[12. 13. 14. 15.]\n  [16. 17. 18. 19.]\n  [20. 21. 22. 23.]]]",
            Tensor.Arange(24).Reshape(2, 3, 4).ToString());

    [Fact]
    public void ScientificWhenMagnitudesSpreadOrAreTiny()
    {
        Assert.Equal("[1.e-05 1.e+00 1.e+02]", Tensor.FromArray(new double[] { 1e-5, 1, 100 }).ToString());
        Assert.Equal("[1.e+08 1.e+00]", Tensor.FromArray(new double[] { 1e8, 1 }).ToString());
        Assert.Equal("[1.5e-10 2.0e+00]", Tensor.FromArray(new double[] { 1.5e-10, 2 }).ToString());
    }

    [Fact]
    public void MoreThanAThousandElementsAreElided()
    {
        Assert.Equal("[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]", Tensor.Arange(2000).ToString());
        Assert.Equal(
            "[[0.000e+00 1.000e+00 2.000e+00 ... 9.700e+01 9.800e+01 9.900e+01]\n [1.000e+02 1.010e+02 1.020e+02 ... 1.970e+02 1.980e+02 1.990e+02]\n" +
            " [2.000e+02 2.010e+02 2.020e+02 ... 2.970e+02 2.980e+02 2.990e+02]\n ...\n" +
            " [1.700e+03 1.701e+03 1.702e+03 ... 1.797e+03 1.798e+03 1.799e+03]\n [1.800e+03 1.801e+03 1.802e+03 ... 1.897e+03 1.898e+03 1.899e+03]\n" +
            " [1.900e+03 1.901e+03 1.902e+03 ... 1.997e+03 1.998e+03 1.999e+03]]",
            Tensor.Arange(2000).Reshape(20, 100).ToString());
        // Without zero among the shown values the spread is below 1000: positional, common width.
        Assert.Equal(
            "[[1000. 1001. 1002. ... 1097. 1098. 1099.]\n [1100. 1101. 1102. ... 1197. 1198. 1199.]\n [1200. 1201. 1202. ... 1297. 1298. 1299.]\n ...\n" +
            " [2700. 2701. 2702. ... 2797. 2798. 2799.]\n [2800. 2801. 2802. ... 2897. 2898. 2899.]\n [2900. 2901. 2902. ... 2997. 2998. 2999.]]",
            (Tensor.Arange(2000).Reshape(20, 100) + 1000).ToString());
    }

    [Fact]
    public void ComplexPartsAreTwoAlignedColumns()
    {
        Assert.Equal("[1. +2.j   1.5-4.25j 0. +0.j  ]",
            ComplexTensor.FromArray(new Complex[] { new(1, 2), new(1.5, -4.25), 0 }).ToString());
        Assert.Equal("[[0.+1.j 0.+0.j]\n [0.+0.j 0.+1.j]]", (Tensor.Identity(2) * Complex.ImaginaryOne).ToString());
    }

    [Fact]
    public void RankZeroPrintsAsANumpyScalar()
    {
        Assert.Equal("3.0", Tensor.Scalar(3).ToString());
        Assert.Equal("-0.25", Tensor.Scalar(-0.25).ToString());
        Assert.Equal("1e-07", Tensor.Scalar(1e-7).ToString());
        Assert.Equal("1.5e+20", Tensor.Scalar(1.5e20).ToString());
        Assert.Equal("(1+2j)", ComplexTensor.Scalar(new Complex(1, 2)).ToString());
        Assert.Equal("(1.5-0.5j)", ComplexTensor.Scalar(new Complex(1.5, -0.5)).ToString());
        Assert.Equal("2.5j", ComplexTensor.Scalar(new Complex(0, 2.5)).ToString());
    }

    [Fact]
    public void EmptyTensorsPrintAsEmptyBrackets()
    {
        Assert.Equal("[]", Tensor.Zeros(0).ToString());
        Assert.Equal("[]", Tensor.Zeros(2, 0).ToString());
        Assert.Equal("[]", ComplexTensor.Zeros(0, 3).ToString());
    }

    [Fact]
    public void SameTextInAnyCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("[1.5 2. ]", Tensor.FromArray(new double[] { 1.5, 2 }).ToString());
            Assert.Equal("[ 1.50 -2.00]", Tensor.FromArray(new double[] { 1.5, -2 }).ToString("F2"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FormatStringOverload()
    {
        Assert.Equal("[[ 0.00  1.00]\n [10.00 11.00]]", Tensor.FromArray(new double[,] { { 0, 1 }, { 10, 11 } }).ToString("F2"));
        Assert.Equal("[1.0+2.0j 0.5-1.0j]", ComplexTensor.FromArray(new Complex[] { new(1, 2), new(0.5, -1) }).ToString("F1"));
    }

    [Fact]
    public void InterpolationUsesTheNumpyTextOrTheGivenFormat()
    {
        var t = Tensor.FromArray(new double[] { 1.5, 2 });
        Assert.Equal("t = [1.5 2. ]", $"t = {t}");
        Assert.Equal("[1.500 2.000]", $"{t:F3}");
        var z = ComplexTensor.FromArray(new Complex[] { new(1, -2) });
        Assert.Equal("[1.-2.j]", $"{z}");
        Assert.Equal("[1.00-2.00j]", $"{z:F2}");
        Assert.Equal("[1,50 2,00]", t.ToString("F2", new System.Globalization.CultureInfo("de-DE")));
    }
}
