using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static Diff.Runtime.Tests.LinearAlgebra.LinAlgTestMath;

namespace Diff.Runtime.Tests.LinearAlgebra;

/// <summary>
/// Values of Solve, Inverse, Det, LogDet, SlogDet, Cholesky, Eigh and Svd against identities (A·X = B, A·A⁻¹ = I,
/// L·Lᴴ = A, A·V = V·diag(λ), U·S·Vh = A) and hand-computed closed forms, real and complex; and the bad-input errors.
/// </summary>
public class LinearAlgebraValueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void SolveSatisfiesTheSystem(int n)
    {
        var r = new Random(n);
        Tensor a = RealMatrix(r, n, n) + 2.0 * Tensor.Identity(n), b = RealMatrix(r, n, 3), v = RealMatrix(r, n);
        AssertClose(b, Ops.MatMul(a, Ops.Solve(a, b)), 1e-12);
        AssertClose(v, Ops.MatMul(a, Ops.Solve(a, v)), 1e-12);
        ComplexTensor z = ComplexMatrix(r, n, n) + ComplexTensor.FromTensor(2.0 * Tensor.Identity(n)), c = ComplexMatrix(r, n, 2);
        AssertClose(c, Ops.MatMul(z, Ops.Solve(z, c)), 1e-12);
        Assert.Equal(new[] { n }, Ops.Solve(a, v).Shape);
    }

    [Fact]
    public void SolveByHand()
    {
        // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
        Tensor x = Ops.Solve(Tensor.FromArray(new double[,] { { 2, 1 }, { 1, 3 } }), Tensor.FromArray(new double[] { 5, 10 }));
        Assert.Equal(1, x[0], 14);
        Assert.Equal(3, x[1], 14);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(33)]
    public void InverseTimesMatrixIsIdentity(int n)
    {
        var r = new Random(10 + n);
        Tensor a = RealMatrix(r, n, n) + 2.0 * Tensor.Identity(n);
        AssertClose(Tensor.Identity(n), Ops.MatMul(a, Ops.Inverse(a)), 1e-12);
        ComplexTensor z = ComplexMatrix(r, n, n) + ComplexTensor.FromTensor(2.0 * Tensor.Identity(n));
        AssertClose(ComplexTensor.FromTensor(Tensor.Identity(n)), Ops.MatMul(Ops.Inverse(z), z), 1e-12);
    }

    [Fact]
    public void DeterminantsByHand()
    {
        Assert.Equal(-2, Ops.Det(Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } })), 14);
        // a permutation needing one row swap: det = −1
        Assert.Equal(-1, Ops.Det(Tensor.FromArray(new double[,] { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } })), 15);
        Assert.Equal(0, Ops.Det(Tensor.FromArray(new double[,] { { 1, 2 }, { 2, 4 } })));
        var i = Complex.ImaginaryOne;
        // det [[1, i], [i, 1]] = 1 − i² = 2; det [[i, 0], [0, i]] = −1
        Assert.Equal(2, Ops.Det(ComplexTensor.FromArray(new Complex[,] { { 1, i }, { i, 1 } })).Real, 14);
        Complex d = Ops.Det(ComplexTensor.FromArray(new Complex[,] { { i, 0 }, { 0, i } }));
        Assert.Equal(-1, d.Real, 15);
        Assert.Equal(0, d.Imaginary, 15);
        Assert.Equal(1, Ops.Det(Tensor.Zeros(0, 0)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void DetIsTheProductOfEigenvalues(int n)
    {
        var r = new Random(20 + n);
        Tensor m = RealMatrix(r, n, n);
        Tensor s = m + m.Transpose();
        var (values, _) = Ops.Eigh(s);
        double product = values.ToArray().Aggregate(1.0, (p, x) => p * x);
        Assert.Equal(product, Ops.Det(s), 1e-12 * Math.Max(1, Math.Abs(product)));
        // and the product of singular values is |det| for any square matrix
        var (_, sv, _) = Ops.Svd(m);
        Assert.Equal(Math.Abs(Ops.Det(m)), sv.ToArray().Aggregate(1.0, (p, x) => p * x), 1e-12 * Math.Max(1, Math.Abs(Ops.Det(m))));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(30)]
    public void SlogDetAgreesWithDetAndLogDet(int n)
    {
        var r = new Random(30 + n);
        Tensor a = RealMatrix(r, n, n);
        var (sign, logAbs) = Ops.SlogDet(a);
        double det = Ops.Det(a);
        Assert.Equal(Math.Sign(det), sign);
        Assert.Equal(Math.Log(Math.Abs(det)), logAbs, 1e-12 * Math.Max(1, Math.Abs(logAbs)));
        Assert.Equal(logAbs, Ops.LogDet(a));
        ComplexTensor z = ComplexMatrix(r, n, n);
        var (zsign, zlog) = Ops.SlogDet(z);
        Complex zdet = Ops.Det(z);
        Assert.Equal(1, zsign.Magnitude, 14);
        AssertClose(zdet, zsign * Math.Exp(zlog), 1e-12 * zdet.Magnitude);
        Complex logDet = Ops.LogDet(z);
        Assert.Equal(zlog, logDet.Real, 14);
        Assert.Equal(zdet.Phase, logDet.Imaginary, 12);
        Assert.InRange(logDet.Imaginary, -Math.PI, Math.PI);
    }

    [Fact]
    public void LogDetDoesNotOverflowWhereDetDoes()
    {
        Tensor big = 1e200 * Tensor.Identity(3);
        Assert.Equal(double.PositiveInfinity, Ops.Det(big));
        Assert.Equal(3 * Math.Log(1e200), Ops.LogDet(big), 1e-12);
        Assert.Equal((0.0, double.NegativeInfinity), Ops.SlogDet(Tensor.FromArray(new double[,] { { 1, 2 }, { 2, 4 } })));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    public void CholeskyReproducesTheMatrix(int n)
    {
        var r = new Random(40 + n);
        Tensor m = RealMatrix(r, n, n);
        Tensor a = Ops.MatMul(m, m.Transpose()) + Tensor.Identity(n);
        Tensor l = Ops.Cholesky(a);
        AssertClose(a, Ops.MatMul(l, l.Transpose()), 1e-12);
        for (int i = 0; i < n; i++)
        {
            Assert.True(l[i, i] > 0);
            for (int j = i + 1; j < n; j++)
                Assert.Equal(0, l[i, j]);
        }
        ComplexTensor zm = ComplexMatrix(r, n, n);
        ComplexTensor z = Ops.MatMul(zm, zm.ConjugateTranspose()) + ComplexTensor.FromTensor(Tensor.Identity(n));
        ComplexTensor zl = Ops.Cholesky(z);
        AssertClose(z, Ops.MatMul(zl, zl.ConjugateTranspose()), 1e-12);
        for (int i = 0; i < n; i++)
            Assert.Equal(0, zl[i, i].Imaginary);
    }

    [Fact]
    public void CholeskyByHandAndOfTheSymmetricPart()
    {
        // [[4, 2], [2, 5]] = [[2, 0], [1, 2]]·[[2, 1], [0, 2]]; [[4, 3], [1, 5]] has that symmetric part.
        Tensor l = Ops.Cholesky(Tensor.FromArray(new double[,] { { 4, 3 }, { 1, 5 } }));
        Assert.Equal(new double[] { 2, 0, 1, 2 }, l.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(25)]
    public void EighDiagonalises(int n)
    {
        var r = new Random(50 + n);
        Tensor m = RealMatrix(r, n, n);
        Tensor a = m + m.Transpose();
        var (values, vectors) = Ops.Eigh(a);
        double[] l = values.ToArray();
        for (int i = 1; i < n; i++)
            Assert.True(l[i - 1] <= l[i]);
        AssertClose(Ops.MatMul(a, vectors), Ops.MatMul(vectors, Diagonal(values)), 1e-12);
        AssertClose(Tensor.Identity(n), Ops.MatMul(vectors.Transpose(), vectors), 1e-12);
        ComplexTensor zm = ComplexMatrix(r, n, n);
        ComplexTensor z = zm + zm.ConjugateTranspose();
        var (zvalues, zvectors) = Ops.Eigh(z);
        AssertClose(Ops.MatMul(z, zvectors), Ops.MatMul(zvectors, ComplexTensor.FromTensor(Diagonal(zvalues))), 1e-12);
        AssertClose(ComplexTensor.FromTensor(Tensor.Identity(n)), Ops.MatMul(zvectors.ConjugateTranspose(), zvectors), 1e-12);
    }

    [Fact]
    public void EighByHand()
    {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3; the Hermitian [[1, i], [−i, 1]]: 0 and 2.
        Assert.Equal(new[] { 1.0, 3.0 }, Ops.Eigh(Tensor.FromArray(new double[,] { { 2, 1 }, { 1, 2 } })).Values.ToArray().Select(x => Math.Round(x, 13)));
        var i = Complex.ImaginaryOne;
        Assert.Equal(new[] { 0.0, 2.0 }, Ops.Eigh(ComplexTensor.FromArray(new Complex[,] { { 1, i }, { -i, 1 } })).Values.ToArray().Select(x => Math.Round(x, 13) + 0.0));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(6, 3)]
    [InlineData(3, 7)]
    [InlineData(1, 5)]
    public void SvdReproducesTheMatrix(int m, int n)
    {
        var r = new Random(60 + 10 * m + n);
        int k = Math.Min(m, n);
        Tensor a = RealMatrix(r, m, n);
        var (u, s, vh) = Ops.Svd(a);
        Assert.Equal(new[] { m, k }, u.Shape);
        Assert.Equal(new[] { k }, s.Shape);
        Assert.Equal(new[] { k, n }, vh.Shape);
        double[] sv = s.ToArray();
        for (int i = 1; i < k; i++)
            Assert.True(sv[i - 1] >= sv[i]);
        AssertClose(a, Ops.MatMul(Ops.MatMul(u, Diagonal(s)), vh), 1e-12);
        AssertClose(Tensor.Identity(k), Ops.MatMul(u.Transpose(), u), 1e-12);
        AssertClose(Tensor.Identity(k), Ops.MatMul(vh, vh.Transpose()), 1e-12);
        ComplexTensor z = ComplexMatrix(r, m, n);
        var (zu, zs, zvh) = Ops.Svd(z);
        AssertClose(z, Ops.MatMul(Ops.MatMul(zu, ComplexTensor.FromTensor(Diagonal(zs))), zvh), 1e-12);
        AssertClose(ComplexTensor.FromTensor(Tensor.Identity(k)), Ops.MatMul(zvh, zvh.ConjugateTranspose()), 1e-12);
    }

    [Fact]
    public void SvdByHand()
    {
        // [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5.
        double[] s = Ops.Svd(Tensor.FromArray(new double[,] { { 3, 0 }, { 4, 5 } })).S.ToArray();
        Assert.Equal(Math.Sqrt(45), s[0], 13);
        Assert.Equal(Math.Sqrt(5), s[1], 13);
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    [Fact]
    public void SingularSolveAndInverseSaySo()
    {
        Tensor singular = Tensor.FromArray(new double[,] { { 1, 2 }, { 2, 4 } });
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.Solve(singular, Tensor.Ones(2))).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.Inverse(singular)).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Ops.Inverse(ComplexTensor.FromTensor(singular))).Message);
    }

    [Fact]
    public void ShapesAreNamed()
    {
        Tensor rect = Tensor.Ones(2, 3);
        foreach (Action call in new Action[]
                 {
                     () => Ops.Solve(rect, Tensor.Ones(2)), () => Ops.Inverse(rect), () => Ops.Det(rect), () => Ops.LogDet(rect),
                     () => Ops.SlogDet(rect), () => Ops.Cholesky(rect), () => Ops.Eigh(rect), () => Ops.Inverse(ComplexTensor.FromTensor(rect)),
                 })
            Assert.Contains("(2, 3)", Assert.Throws<ArgumentException>(call).Message);
        var mismatch = Assert.Throws<ArgumentException>(() => Ops.Solve(Tensor.Identity(3), Tensor.Ones(4)));
        Assert.Contains("(3, 3)", mismatch.Message);
        Assert.Contains("(4,)", mismatch.Message);
        Assert.Contains("(3,)", Assert.Throws<ArgumentException>(() => Ops.Svd(Tensor.Ones(3))).Message);
        Assert.Throws<ArgumentNullException>(() => Ops.Solve(null!, Tensor.Ones(2)));
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => Ops.Svd(Tensor.FromArray(new[,] { { 1, double.NaN } }))).Message);
    }

    [Fact]
    public void CholeskyOfAnIndefiniteMatrixSaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Cholesky(Tensor.FromArray(new double[,] { { 1, 2 }, { 2, 1 } })));
        Assert.Contains("not positive definite", e.Message);
        Assert.Throws<ArgumentException>(() => Ops.Cholesky(ComplexTensor.FromTensor(-1.0 * Tensor.Identity(2))));
    }
}
