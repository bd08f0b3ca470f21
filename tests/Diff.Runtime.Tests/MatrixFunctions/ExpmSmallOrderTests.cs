using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Kernels;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// The small-order paths of the matrix exponential (workspaces on the stack up to n = 8, the unrolled 4×4 product,
/// 1-norms formed inside the products at n = 4, 8, 16, ℓ(A, m) by steps of four powers up to n = 16, the fused
/// moduli and Padé combinations, the vectorised finiteness and triangle checks) at every order from 1 to 10 and at
/// 12, 16 and 17 (the last above every small-order switch), against independent references: a long Taylor series
/// with its own scaling and squaring, the 2n block identity for the Fréchet derivative, exact diagonals of triangular
/// matrices and similarity with diagonal scalings.
/// </summary>
public class ExpmSmallOrderTests
{
    private static readonly int[] Orders = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 17];

    public static IEnumerable<object[]> OrdersAndScales() =>
        from n in Orders
        from scale in new[] { 0.01, 0.3, 1.0, 4.0, 60.0 } // m = 3 … 13, and scalings s > 0 at the largest
        select new object[] { n, scale };

    /// <summary>
    /// e^A by the Taylor series of e^(2⁻ᵏA) (‖2⁻ᵏA‖₁ ≤ 1/8, 30 terms, far below u) squared k times: a method that shares
    /// no code with the kernels under test.
    /// </summary>
    private static Complex[] TaylorReference(Complex[] a, int n)
    {
        int k = Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(OneNorm(a, n), 1e-300) * 8)));
        Complex[] x = Array.ConvertAll(a, z => z * Math.ScaleB(1.0, -k));
        var sum = new Complex[n * n];
        var term = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            sum[i * n + i] = 1;
            term[i * n + i] = 1;
        }
        for (int j = 1; j <= 30; j++)
        {
            term = Multiply(term, x, n);
            for (int i = 0; i < term.Length; i++)
            {
                term[i] /= j;
                sum[i] += term[i];
            }
        }
        for (int j = 0; j < k; j++)
            sum = Multiply(sum, sum, n);
        return sum;
    }

    [Theory]
    [MemberData(nameof(OrdersAndScales))]
    public void MatchesATaylorReference(int n, double scale)
    {
        ComplexTensor a = RandomComplex(n, 500 + n, scale / Math.Sqrt(n));
        Complex[] expected = TaylorReference(a.Data, n);
        Complex[] actual = Ops.Expm(a).Data;
        // The reference itself loses accuracy with its squarings; the condition of e^A grows with ‖A‖.
        double tolerance = scale > 10 ? 1e-10 : 1e-13;
        Assert.True(RelativeError(actual, expected, n) <= tolerance, $"n = {n}, scale {scale}: {RelativeError(actual, expected, n):E2}");
    }

    [Theory]
    [MemberData(nameof(OrdersAndScales))]
    public void FrechetMatchesTheBlockIdentity(int n, double scale)
    {
        // L(A, E) is the upper right block of exp([[A, E], [0, A]]) (Higham, Functions of Matrices, (3.16)); the block
        // matrix has order 2n, so it goes through the other side of every small-order switch for n ≥ 5.
        ComplexTensor a = RandomComplex(n, 600 + n, scale / Math.Sqrt(n)), e = RandomComplex(n, 700 + n, 1);
        int m = 2 * n;
        var block = new Complex[m * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                block[i * m + j] = a.Data[i * n + j];
                block[i * m + n + j] = e.Data[i * n + j];
                block[(n + i) * m + n + j] = a.Data[i * n + j];
            }
        }
        Complex[] big = Ops.Expm(ComplexTensor.FromArray(block, m, m)).Data;
        var expectedL = new Complex[n * n];
        var expectedX = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                expectedL[i * n + j] = big[i * m + n + j];
                expectedX[i * n + j] = big[i * m + j];
            }
        }
        (ComplexTensor value, ComplexTensor derivative) = Ops.ExpmWithFrechet(a, e);
        double tolerance = scale > 10 ? 1e-10 : 1e-12;
        Assert.True(RelativeError(derivative.Data, expectedL, n) <= tolerance, $"L, n = {n}: {RelativeError(derivative.Data, expectedL, n):E2}");
        Assert.True(RelativeError(value.Data, expectedX, n) <= tolerance, $"e^A, n = {n}: {RelativeError(value.Data, expectedX, n):E2}");
        Assert.True(RelativeError(Ops.ExpmFrechet(a, e).Data, expectedL, n) <= tolerance);
    }

    public static IEnumerable<object[]> OrdersAndTriangles() =>
        from n in Orders
        from upper in new[] { true, false }
        select new object[] { n, upper };

    [Theory]
    [MemberData(nameof(OrdersAndTriangles))]
    public void TriangularInputsGetExactDiagonals(int n, bool upper)
    {
        // Code Fragment 2.1 of Al-Mohy & Higham 2009 sets the diagonal to e^(a_ii) after every squaring, so the result's
        // diagonal is exactly Complex.Exp of the input's. Negative zeros in the zero triangle still count as zero.
        ComplexTensor random = RandomComplex(n, 800 + n, 3.0);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool keep = upper ? j >= i : j <= i;
                a[i * n + j] = keep ? random.Data[i * n + j] : new Complex(-0.0, (i + j) % 2 == 0 ? -0.0 : 0.0);
            }
        }
        Complex[] result = Ops.Expm(ComplexTensor.FromArray(a, n, n)).Data;
        double norm = OneNorm(result, n);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Complex.Exp(a[i * n + i]), result[i * n + i]);
            for (int j = 0; j < n; j++)
            {
                // Upper triangular stays exactly so; for lower triangular the row interchanges of the LU solve of the
                // Padé denominator leave rounding errors in the zero triangle.
                if (upper && j < i)
                    Assert.Equal(Complex.Zero, result[i * n + j]);
                if (!upper && j > i)
                    Assert.True(Complex.Abs(result[i * n + j]) <= 1e-14 * norm);
            }
        }
        Assert.True(RelativeError(result, TaylorReference(a, n), n) <= 1e-12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    public void BadlyScaledInputsCommuteWithTheScaling(int n)
    {
        // e^(DBD⁻¹) = D e^B D⁻¹ for diagonal D with entries spread over eight orders of magnitude: the norms and ℓ see
        // a very different matrix, the result must still be the scaled one (entrywise, relative to the scaling).
        ComplexTensor b = RandomComplex(n, 900 + n, 1.5 / Math.Sqrt(n));
        double[] d = Enumerable.Range(0, n).Select(i => Math.Pow(10, 4.0 * (2.0 * i / Math.Max(1, n - 1) - 1))).ToArray();
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                a[i * n + j] = b.Data[i * n + j] * d[i] / d[j];
        }
        Complex[] eb = Ops.Expm(b).Data;
        Complex[] ea = Ops.Expm(ComplexTensor.FromArray(a, n, n)).Data;
        double normEb = OneNorm(eb, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Complex expected = eb[i * n + j] * d[i] / d[j];
                double error = Complex.Abs(ea[i * n + j] - expected) / (d[i] / d[j]);
                Assert.True(error <= 1e-9 * normEb, $"[{i}, {j}]: {error:E2}");
            }
        }
    }

    [Fact]
    public void LargeAndTinyNormsAtSmallOrders()
    {
        foreach (int n in Orders)
        {
            foreach (double scale in new[] { 1e-12, 1e-3, 200.0 })
            {
                // Anti-Hermitian A: e^A is unitary whatever the norm, so ‖e^A‖₂ = 1 and the columns stay orthonormal.
                ComplexTensor r = RandomComplex(n, 1000 + n, scale / Math.Sqrt(n));
                var a = new Complex[n * n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                        a[i * n + j] = (r.Data[i * n + j] - Complex.Conjugate(r.Data[j * n + i])) / 2;
                }
                Complex[] u = Ops.Expm(ComplexTensor.FromArray(a, n, n)).Data;
                Complex[] uhu = Multiply(ConjugateTranspose(u, n), u, n);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                        Assert.True(Complex.Abs(uhu[i * n + j] - (i == j ? 1 : 0)) <= 1e-12 * n, $"n = {n}, scale {scale}, [{i}, {j}]");
                }
            }
        }
    }

    [Fact]
    public void NonFiniteEntriesAreRejectedAtEveryPosition()
    {
        foreach (int n in new[] { 1, 2, 3, 4, 5, 8, 9 })
        {
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                for (int k = 0; k < 2 * n * n; k++)
                {
                    Complex[] data = RandomComplex(n, 1100 + n).Data;
                    int index = k / 2;
                    data[index] = k % 2 == 0 ? new Complex(bad, data[index].Imaginary) : new Complex(data[index].Real, bad);
                    ComplexTensor a = ComplexTensor.FromArray(data, n, n);
                    ArgumentException ex = Assert.Throws<ArgumentException>(() => Ops.Expm(a));
                    Assert.Contains($"[{index / n}, {index % n}]", ex.Message);
                    Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(RandomComplex(n, 1200 + n), a));
                }
            }
        }
    }

    [Fact]
    public void FinitenessCheckAcceptsExtremeFiniteValues()
    {
        double[] values = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 1e-310, 1.0];
        for (int length = 0; length <= 19; length++)
        {
            var x = new double[length];
            for (int i = 0; i < length; i++)
                x[i] = values[i % values.Length];
            Assert.True(NormScalar.AllFinite<double>(x));
            for (int i = 0; i < length; i++)
            {
                double keep = x[i];
                x[i] = double.NaN;
                Assert.False(NormScalar.AllFinite<double>(x));
                x[i] = double.NegativeInfinity;
                Assert.False(NormScalar.AllFinite<double>(x));
                x[i] = keep;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(20)]
    public void FusedNormsEqualSeparatePassesToTheBit(int n)
    {
        foreach (double scale in new[] { 1.0, 1e-75, 1e75, 0.0 })
        {
            Complex[] x = Array.ConvertAll(RandomComplex(n, 1300 + n).Data, z => z * scale);
            Complex[] y = Array.ConvertAll(RandomComplex(n, 1400 + n).Data, z => z * scale);
            var fused = new Complex[n * n];
            var plain = new Complex[n * n];
            double norm = Dense.SquareWithNorm<Complex>(x, y, fused, n);
            Dense.Square<Complex>(x, y, plain, n);
            Assert.Equal(plain, fused);
            Assert.Equal(Norm.One<Complex>(plain, n), norm);

            // Moduli with the column sums taken along (n a multiple of 4) against the norm of the moduli.
            var magnitudes = new double[n * n];
            double normX = Norm.Magnitudes<Complex>(x, n, magnitudes);
            for (int i = 0; i < n * n; i++)
                Assert.Equal(NormScalar.Magnitude(x[i]), magnitudes[i]);
            Assert.Equal(Norm.One<double>(magnitudes, n), normX);
        }
    }

    [Fact]
    public void UnrolledFourByFourSolveEqualsTheGeneralSmallSolve()
    {
        // Four right-hand sides take the unrolled solve; a fifth column sends the same system through the row kernels,
        // whose first four columns get the same operations in the same order.
        for (int seed = 0; seed < 20; seed++)
        {
            Complex[] q = RandomComplex(4, 1800 + seed).Data;
            if (seed % 2 == 0)
                q[0] *= 1e-3; // a row interchange at the first step
            var pivots = new int[4];
            Assert.True(Lu.Factor<Complex>(q, pivots, 4));
            Complex[] rhs = RandomComplex(4, 1900 + seed).Data;
            Complex[] wide = RandomComplex(5, 2000 + seed).Data.Take(20).ToArray();
            for (int i = 0; i < 4; i++)
                Array.Copy(rhs, 4 * i, wide, 5 * i, 4);
            Lu.Solve<Complex>(q, pivots, rhs, 4, 4);
            Lu.Solve<Complex>(q, pivots, wide, 4, 5);
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 4; j++)
                    Assert.Equal(wide[5 * i + j], rhs[4 * i + j]);
            }
        }
    }

    [Theory]
    [InlineData(16, 16, false)]
    [InlineData(15, 16, true)]
    [InlineData(16, 32, true)]
    public void RealProductsByRowPairsEqualRowByRow(int m, int n, bool accumulate)
    {
        // Orders that are multiples of 16 take two rows at a time; a single row takes the one-row path.
        var rnd = new Random(2100 + m + n);
        int k = 16;
        double[] a = Enumerable.Range(0, m * k).Select(_ => rnd.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, k * n).Select(_ => rnd.NextDouble() - 0.5).ToArray();
        double[] c0 = Enumerable.Range(0, m * n).Select(_ => rnd.NextDouble()).ToArray();
        var c = (double[])c0.Clone();
        ExpmSmallGemm.Multiply(a, b, c, m, k, n, accumulate);
        for (int i = 0; i < m; i++)
        {
            double[] row = c0.AsSpan(i * n, n).ToArray();
            ExpmSmallGemm.Multiply(a.AsSpan(i * k, k), b, row, 1, k, n, accumulate);
            Assert.Equal(row, c.AsSpan(i * n, n).ToArray());
        }
    }

    [Fact]
    public void PairedCombinationsEqualSingleOnes()
    {
        const int n = 5;
        Complex[] x0 = RandomComplex(n, 1501).Data, x1 = RandomComplex(n, 1502).Data, x2 = RandomComplex(n, 1503).Data;
        Complex[] y0 = RandomComplex(n, 1504).Data, z0 = RandomComplex(n, 1505).Data;
        double[] alpha = [3.5, -1.25, 1e7], beta = [-2, 0.1, 17];
        var y = (Complex[])y0.Clone();
        var z = (Complex[])z0.Clone();
        Dense.CombinePair<Complex>(3, x0, x1, x2, default, alpha, beta, y, z, accumulate: true);
        var ySingle = (Complex[])y0.Clone();
        var zSingle = (Complex[])z0.Clone();
        Dense.AddCombination<Complex>(alpha[0], x0, alpha[1], x1, alpha[2], x2, ySingle);
        Dense.AddCombination<Complex>(beta[0], x0, beta[1], x1, beta[2], x2, zSingle);
        Assert.Equal(ySingle, y);
        Assert.Equal(zSingle, z);
        Dense.CombinePair<Complex>(3, x0, x1, x2, default, alpha, beta, y, z, accumulate: false);
        Dense.Combine<Complex>(alpha[0], x0, alpha[1], x1, alpha[2], x2, ySingle);
        Dense.Combine<Complex>(beta[0], x0, beta[1], x1, beta[2], x2, zSingle);
        Assert.Equal(ySingle, y);
        Assert.Equal(zSingle, z);

        // Four terms (W and V of r₉) and one (r₃), as the Padé evaluation for m < 13 uses them.
        Complex[] x3 = RandomComplex(n, 1506).Data;
        double[] alpha4 = [3.5, -1.25, 1e7, 0.3], beta4 = [-2, 0.1, 17, -5e-3];
        Dense.CombinePair<Complex>(4, x0, x1, x2, x3, alpha4, beta4, y, z, accumulate: false);
        Dense.Combine<Complex>(alpha4[0], x0, alpha4[1], x1, alpha4[2], x2, alpha4[3], x3, ySingle);
        Dense.Combine<Complex>(beta4[0], x0, beta4[1], x1, beta4[2], x2, beta4[3], x3, zSingle);
        Assert.Equal(ySingle, y);
        Assert.Equal(zSingle, z);
        Dense.CombinePair<Complex>(1, x0, default, default, default, alpha4, beta4, y, z, accumulate: false);
        Dense.Combine<Complex>(alpha4[0], x0, 0, default, 0, default, 0, default, ySingle);
        Dense.Combine<Complex>(beta4[0], x0, 0, default, 0, default, 0, default, zSingle);
        Assert.Equal(ySingle, y);
        Assert.Equal(zSingle, z);
    }

    [Fact]
    public void ValueEqualsTheValueComputedAlongTheDerivativeWhenThePlansAgree()
    {
        // Expm solves r_m(X) straight into the result when s = 0; ExpmWithFrechet keeps it in its frame. Where both
        // choose the same m and s (no derivative threshold in between), the values are identical.
        foreach (int n in Orders)
        {
            ComplexTensor a = RandomComplex(n, 1600 + n, 4.0 / Math.Sqrt(n));
            ComplexTensor e = RandomComplex(n, 1700 + n);
            Complex[] value = Ops.Expm(a).Data;
            Complex[] alongside = Ops.ExpmWithFrechet(a, e).Value.Data;
            Assert.True(RelativeError(value, alongside, n) <= 1e-13, $"n = {n}");
        }
    }
}
