using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Diff.Runtime.Tests.Reference;
using Xunit;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

public class ExpmFrechetTests
{
    public static IEnumerable<object[]> ReferenceNames() => ReferenceData.CaseNames("frechet");

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void MatchesReference(string name)
    {
        JsonElement c = ReferenceData.Case("frechet", name);
        ComplexTensor a = ReferenceData.ReadComplex(c.GetProperty("a")), e = ReferenceData.ReadComplex(c.GetProperty("e"));
        Complex[] expectedL = ReferenceData.ReadComplex(c.GetProperty("frechet")).Data;
        Complex[] expectedX = ReferenceData.ReadComplex(c.GetProperty("expm")).Data;
        int n = a.ShapeRef[0];

        (ComplexTensor value, ComplexTensor derivative) = Ops.ExpmWithFrechet(a, e);
        Assert.True(RelativeError(derivative.Data, expectedL, n) <= 1e-12, $"L: {RelativeError(derivative.Data, expectedL, n):E2}");
        Assert.True(RelativeError(value.Data, expectedX, n) <= 1e-12);
        Assert.True(RelativeError(Ops.ExpmFrechet(a, e).Data, expectedL, n) <= 1e-12);

        if (!ReferenceData.IsComplex(c.GetProperty("a")) && !ReferenceData.IsComplex(c.GetProperty("e")))
        {
            Tensor real = Ops.ExpmFrechet(ReferenceData.ReadReal(c.GetProperty("a")), ReferenceData.ReadReal(c.GetProperty("e")));
            Assert.True(RelativeError(Array.ConvertAll(real.Data, x => new Complex(x, 0)), expectedL, n) <= 1e-12);
        }
    }

    public static IEnumerable<object[]> Cases() =>
        (from n in new[] { 1, 2, 3, 5, 8, 13, 21 }
         from scale in new[] { 0.005, 0.2, 1.5, 6.0, 40.0 }
         select new object[] { n, scale })
        .Append([50, 5.0]); // a 100×100 block matrix: the blocked triangular solves

    /// <summary>L(A, E) is the upper right block of exp([[A, E], [0, A]]) (Higham, Functions of Matrices, (3.16)).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheBlockMethod(int n, double scale)
    {
        ComplexTensor a = RandomComplex(n, 10 * n + 1, scale), e = RandomComplex(n, 10 * n + 2, 1);
        var block = new Complex[4 * n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                block[i * 2 * n + j] = a.Data[i * n + j];
                block[i * 2 * n + n + j] = e.Data[i * n + j];
                block[(n + i) * 2 * n + n + j] = a.Data[i * n + j];
            }
        }
        Complex[] big = Ops.Expm(new ComplexTensor(block, [2 * n, 2 * n])).Data;
        var expected = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                expected[i * n + j] = big[i * 2 * n + n + j];
        Complex[] actual = Ops.ExpmFrechet(a, e).Data;
        double error = RelativeError(actual, expected, n);
        Assert.True(error <= 1e-12, $"n={n}, scale={scale}: {error:E2}");
    }

    [Theory]
    [InlineData(3, 0.5)]
    [InlineData(8, 3.0)]
    [InlineData(13, 12.0)]
    public void MatchesCentralDifferences(int n, double scale)
    {
        Tensor a = RandomReal(n, 7 * n, scale), e = RandomReal(n, 7 * n + 1, 1);
        const double h = 1e-5;
        double[] plus = Ops.Expm(new Tensor(a.Data.Zip(e.Data, (x, y) => x + h * y).ToArray(), [n, n])).Data;
        double[] minus = Ops.Expm(new Tensor(a.Data.Zip(e.Data, (x, y) => x - h * y).ToArray(), [n, n])).Data;
        double[] difference = plus.Zip(minus, (p, m) => (p - m) / (2 * h)).ToArray();
        double[] actual = Ops.ExpmFrechet(a, e).Data;
        Assert.True(RelativeError(actual, difference, n) <= 1e-7, $"{RelativeError(actual, difference, n):E2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AdjointFromTheResidualSatisfiesTheInnerProductIdentity(int n, double scale)
    {
        // Re⟨G, L(A, E)⟩ = Re⟨L(Aᴴ, G), E⟩, with L(Aᴴ, G) from the residual of the forward computation.
        ComplexTensor a = RandomComplex(n, 5 * n + 1, scale), e = RandomComplex(n, 5 * n + 2, 1), g = RandomComplex(n, 5 * n + 3, 1);
        (ComplexTensor value, var residual) = Ops.ExpmForward(a);
        Complex[] l = Ops.ExpmFrechet(a, e).Data;
        Complex[] adjoint = Ops.ExpmFrechetAdjoint(residual, g).Data;
        double left = RealInner(g.Data, l), right = RealInner(adjoint, e.Data);
        double size = OneNorm(l, n) * OneNorm(g.Data, n) + OneNorm(adjoint, n) * OneNorm(e.Data, n);
        Assert.True(Math.Abs(left - right) <= 1e-13 * size, $"{left} vs {right}");
        Assert.True(RelativeError(value.Data, Ops.Expm(a).Data, n) <= 1e-13);

        // The adjoint agrees with the Fréchet derivative at Aᴴ computed from scratch.
        var ah = new ComplexTensor(ConjugateTranspose(a.Data, n), [n, n]);
        Assert.True(RelativeError(adjoint, Ops.ExpmFrechet(ah, g).Data, n) <= 1e-13);
    }

    [Fact]
    public void AboveTheEstimatorThresholdSatisfiesTheAdjointIdentity()
    {
        int n = Diff.Kernels.ExpmKernel.EstimatorThreshold + 2;
        ComplexTensor a = RandomComplex(n, 17, 2), e = RandomComplex(n, 18), g = RandomComplex(n, 19);
        (_, var residual) = Ops.ExpmForward(a);
        var l = new Complex[n * n];
        residual.Frechet(e.Data, l);
        Complex[] adjoint = Ops.ExpmFrechetAdjoint(residual, g).Data;
        double left = RealInner(g.Data, l), right = RealInner(adjoint, e.Data);
        Assert.True(Math.Abs(left - right) <= 1e-13 * (OneNorm(l, n) * OneNorm(g.Data, n) + OneNorm(adjoint, n) * OneNorm(e.Data, n)));
    }

    [Theory]
    [InlineData(4, 0.1)]
    [InlineData(6, 9.0)]
    public void RealAdjointFromTheResidual(int n, double scale)
    {
        Tensor a = RandomReal(n, 11 * n, scale), e = RandomReal(n, 11 * n + 1, 1), g = RandomReal(n, 11 * n + 2, 1);
        (_, var residual) = Ops.ExpmForward(a);
        double[] l = Ops.ExpmFrechet(a, e).Data;
        double[] adjoint = Ops.ExpmFrechetAdjoint(residual, g).Data;
        double left = g.Data.Zip(l, (x, y) => x * y).Sum(), right = adjoint.Zip(e.Data, (x, y) => x * y).Sum();
        Assert.True(Math.Abs(left - right) <= 1e-13 * (OneNorm(l, n) * OneNorm(g.Data, n) + OneNorm(adjoint, n) * OneNorm(e.Data, n)));
    }

    [Theory]
    [InlineData(3, 0.01)]
    [InlineData(5, 2.0)]
    [InlineData(8, 30.0)]
    public void SeveralDirectionsEqualOneAtATime(int n, double scale)
    {
        ComplexTensor a = RandomComplex(n, 3 * n, scale);
        ComplexTensor[] directions = [RandomComplex(n, 3 * n + 1), RandomComplex(n, 3 * n + 2), RandomComplex(n, 3 * n + 3)];
        (ComplexTensor value, ComplexTensor[] all) = Ops.ExpmWithFrechet(a, directions);
        Assert.Equal(3, all.Length);
        for (int k = 0; k < 3; k++)
        {
            (ComplexTensor v1, ComplexTensor one) = Ops.ExpmWithFrechet(a, directions[k]);
            Assert.Equal(one.Data, all[k].Data);
            Assert.Equal(v1.Data, value.Data);
        }
        Assert.Equal(all[1].Data, Ops.ExpmFrechet(a, (IReadOnlyList<ComplexTensor>)directions)[1].Data);

        Tensor ra = RandomReal(n, 4 * n, scale);
        Tensor[] rd = [RandomReal(n, 4 * n + 1), RandomReal(n, 4 * n + 2)];
        Tensor[] rall = Ops.ExpmFrechet(ra, rd);
        Assert.Equal(Ops.ExpmFrechet(ra, rd[0]).Data, rall[0].Data);
        Assert.Equal(Ops.ExpmFrechet(ra, rd[1]).Data, rall[1].Data);
    }

    [Theory]
    [InlineData(2, 0.3)]
    [InlineData(7, 5.0)]
    public void ResidualDerivativeEqualsOnePass(int n, double scale)
    {
        ComplexTensor a = RandomComplex(n, 9 * n, scale), e = RandomComplex(n, 9 * n + 1);
        (_, var residual) = Ops.ExpmForward(a);
        var fromResidual = new Complex[n * n];
        residual.Frechet(e.Data, fromResidual);
        Assert.True(RelativeError(fromResidual, Ops.ExpmFrechet(a, e).Data, n) <= 1e-14);
    }

    [Fact]
    public void MixedRealAndComplexAgreeWithTheComplexPath()
    {
        int n = 5;
        Tensor a = RandomReal(n, 1, 4), re = RandomReal(n, 2);
        ComplexTensor e = RandomComplex(n, 3);
        Complex[] expected = Ops.ExpmFrechet(ToComplex(a), e).Data;
        Assert.True(RelativeError(Ops.ExpmFrechet(a, e).Data, expected, n) <= 1e-13);
        (ComplexTensor value, _) = Ops.ExpmWithFrechet(a, e);
        Assert.True(RelativeError(value.Data, Array.ConvertAll(Ops.Expm(a).Data, x => new Complex(x, 0)), n) <= 1e-13);
        Complex[] expectedReal = Ops.ExpmFrechet(ToComplex(a), ToComplex(re)).Data;
        Assert.True(RelativeError(Ops.ExpmFrechet(ToComplex(a), re).Data, expectedReal, n) <= 1e-15);
    }

    [Fact]
    public void TriangularDerivativeMatchesClosedForm()
    {
        // A = diag(λ₁, λ₂), E = [[0, 1], [0, 0]]: L(A, E) = [[0, (e^λ₂ − e^λ₁)/(λ₂ − λ₁)], [0, 0]].
        Tensor l = Ops.ExpmFrechet(RealMatrix(2, 3, 0, 0, -4), RealMatrix(2, 0, 1, 0, 0));
        double[] expected = [0, (Math.Exp(-4) - Math.Exp(3)) / -7, 0, 0];
        Assert.True(RelativeError(l.Data, expected, 2) <= 1e-13);
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e8)]
    [InlineData(1e12)]
    public void TriangularWithHugeCouplingDerivativeMatchesClosedForm(double b)
    {
        // A = [[1, b], [0, −1]], e^A = [[e, b·sinh 1], [0, 1/e]]: differentiate each entry of the closed form
        // along E = e₁₂, e₁₁, e₂₂ (the (1,2) entry is b·(e^λ₁ − e^λ₂)/(λ₁ − λ₂)).
        Tensor a = RealMatrix(2, 1, b, 0, -1);
        double e = Math.E, ie = Math.Exp(-1);
        (Tensor E, double[] L)[] cases =
        [
            (RealMatrix(2, 0, 1, 0, 0), [0, Math.Sinh(1), 0, 0]),
            (RealMatrix(2, 1, 0, 0, 0), [e, b * Math.Cosh(1) / 2, 0, 0]),
            (RealMatrix(2, 0, 0, 0, 1), [0, b * (e - 3 * ie) / 4, 0, ie]),
        ];
        (_, var residual) = Ops.ExpmForward(a);
        foreach ((Tensor direction, double[] expected) in cases)
        {
            double[] actual = Ops.ExpmFrechet(a, direction).Data;
            Assert.True(RelativeError(actual, expected, 2) <= 1e-12, string.Join(", ", actual));
            var fromResidual = new double[4];
            residual.Frechet(direction.Data, fromResidual);
            Assert.True(RelativeError(fromResidual, expected, 2) <= 1e-12, string.Join(", ", fromResidual));
        }
    }

    [Fact]
    public void BadDirectionsAreRejected()
    {
        Tensor a = RealMatrix(2, 1, 2, 3, 4);
        var shape = Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(a, new Tensor(new double[6], [2, 3])));
        Assert.Contains("[2, 3]", shape.Message);
        Assert.Contains("[2, 2]", shape.Message);
        var nan = Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(a, RealMatrix(2, 0, double.NaN, 0, 0)));
        Assert.Contains("NaN or infinity", nan.Message);
        var nonSquare = Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(new Tensor(new double[6], [3, 2]), new Tensor(new double[6], [3, 2])));
        Assert.Contains("[3, 2]", nonSquare.Message);
        var inf = Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(ComplexMatrix(2, 1, double.PositiveInfinity, 0, 1), ComplexMatrix(2, 0, 0, 0, 0)));
        Assert.Contains("NaN or infinity", inf.Message);
        var second = Assert.Throws<ArgumentException>(() => Ops.ExpmFrechet(a, RealMatrix(2, 0, 0, 0, 0), new Tensor(new double[4], [4])));
        Assert.Contains("direction 1", second.Message);
    }

    [Fact]
    public void EmptyMatrixGivesEmptyDerivative()
    {
        (Tensor value, Tensor derivative) = Ops.ExpmWithFrechet(new Tensor([], [0, 0]), new Tensor([], [0, 0]));
        Assert.Equal(new[] { 0, 0 }, value.Shape);
        Assert.Equal(new[] { 0, 0 }, derivative.Shape);
    }
}
