using System;
using System.Numerics;
using Xunit;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// A triangular or diagonal matrix is its own exact Schur form: its eigenvalues are its diagonal entries, none lost in
/// rounding, so it has a logarithm however small they are (only an exact zero is singular). Checked against the closed
/// form of the 2×2 logarithm, log [[a, b], [0, d]] = [[log a, b·(log d − log a)/(d − a)], [0, log d]] (a ≠ d).
/// </summary>
public class LogmTriangularTests
{
    public static TheoryData<double, double, double> UpperTwoByTwo() => new()
    {
        { 1e-20, 0, 1 },      // diag(1e-20, 1): the example, diag(−46.05…, 0)
        { 1e-300, 0, 1 },
        { 1e-20, 1, 1 },
        { 1, 1e8, 1e-9 },     // once rejected as singular to working precision (1e-9 ≤ 2·u·‖A‖₁ = 2.2e-8)
        { 5e-17, -3, 2 },
    };

    [Theory]
    [MemberData(nameof(UpperTwoByTwo))]
    public void UpperTriangularMatchesTheClosedForm(double a, double b, double d)
    {
        ComplexTensor log = Ops.Logm(new Tensor(new[] { a, b, 0, d }, [2, 2]));
        double offDiagonal = b * (Math.Log(d) - Math.Log(a)) / (d - a);
        AssertClose(Math.Log(a), log[0, 0]);
        AssertClose(offDiagonal, log[0, 1]);
        AssertClose(0, log[1, 0]);
        AssertClose(Math.Log(d), log[1, 1]);
    }

    [Theory]
    [MemberData(nameof(UpperTwoByTwo))]
    public void LowerTriangularIsTheTransposeOfTheUpper(double a, double b, double d)
    {
        ComplexTensor lower = Ops.Logm(new Tensor(new[] { a, 0, b, d }, [2, 2]));
        ComplexTensor upper = Ops.Logm(new Tensor(new[] { a, b, 0, d }, [2, 2]));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                AssertClose(upper[j, i], lower[i, j]);
    }

    [Fact]
    public void TinyDiagonalEntriesOfALargerMatrixKeepTheirLogarithms()
    {
        var diagonal = new[] { 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 3e-16 };
        ComplexTensor log = Ops.Logm(new Tensor(diagonal, [3, 3]));
        AssertClose(Math.Log(3e-16), log[2, 2]);
        AssertClose(0, log[0, 0]);

        // Complex upper triangular: e^(log T) = T, entry by entry, with the small eigenvalue reproduced relatively.
        var t = new Complex[] { new(1e-12, 1e-12), 2, new(0, 1), 0, new(0.5, -0.5), 1, 0, 0, 3 };
        ComplexTensor back = Ops.Expm(Ops.Logm(new ComplexTensor(t, [3, 3])));
        Assert.True(Complex.Abs(back[0, 0] - t[0]) <= 1e-14 * Complex.Abs(t[0]), $"λ₀ came back as {back[0, 0]}");
        for (int k = 1; k < 9; k++)
            Assert.True(Complex.Abs(back[k / 3, k % 3] - t[k]) <= 1e-10, $"entry {k}: {back[k / 3, k % 3]} for {t[k]}");
    }

    [Fact]
    public void AnExactZeroOnTheDiagonalIsSingularAndSaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor(new double[] { 1, 5, 0, 0 }, [2, 2])));
        Assert.Contains("zero on its diagonal", error.Message);
        Assert.Contains("singular", error.Message);
        Assert.Equal("a", error.ParamName);

        // The seed notebook's arange(9).reshape(3, 3) is not triangular: its Schur form is computed, and it stays refused.
        Assert.Contains("singular to working precision", Assert.Throws<ArgumentException>(() => Ops.Logm(Tensor.Arange(9).Reshape(3, 3))).Message);
    }

    private static void AssertClose(double expected, Complex actual)
    {
        double error = Complex.Abs(actual - expected);
        Assert.True(error <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual} (error {error:E2})");
    }

    private static void AssertClose(Complex expected, Complex actual)
    {
        double error = Complex.Abs(actual - expected);
        Assert.True(error <= 1e-14 * Math.Max(1, Complex.Abs(expected)), $"expected {expected}, got {actual} (error {error:E2})");
    }
}
