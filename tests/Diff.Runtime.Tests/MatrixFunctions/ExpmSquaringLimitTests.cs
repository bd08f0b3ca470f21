using System;
using System.Numerics;
using Diff.Kernels;
using Xunit;
using Xunit.Abstractions;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// The one matrix of the literature battery that stays above the conditioned tolerance: alhi09r2 of Al-Mohy &amp; Higham
/// 2009 (test set 1; the default b = 10⁴ of the matrices-expm collection), A = [[1 − b/2, b/2], [−b/2, 1 + b/2]].
/// A − I is nilpotent, so e^A = e·A exactly, and κ_exp(A) ≈ 1.7·10⁷. Algorithm 6.1 takes m = 13 and s = 11 (ℓ(A, 13)
/// = 11: |A|²⁷ is about b²⁷ while A²⁷ = I + 27(A − I)), and r₁₃(2⁻¹¹A) is accurate to the last bit; the error comes from
/// rounding in the eleven squarings, which any double-precision scaling and squaring code shares: each R_j² cancels
/// entries of size 2^(j−11)·b down to a result of twice that, and later squarings amplify what earlier ones lost.
/// These tests pin that down: the whole error is the squaring phase's, not more.
/// </summary>
public class ExpmSquaringLimitTests
{
    private readonly ITestOutputHelper _output;

    public ExpmSquaringLimitTests(ITestOutputHelper output) => _output = output;

    private static double[] Alhi09r2(double b) => [1 - b / 2, b / 2, -b / 2, 1 + b / 2];

    /// <summary>‖X − e·A‖₁/‖e·A‖₁ with e·A formed entrywise (one rounding per entry).</summary>
    private static double ErrorAgainstExact(double[] x, double[] a)
    {
        double[] exact = Array.ConvertAll(a, v => Math.E * v);
        return RelativeError(x, exact, 2);
    }

    /// <summary>R ← R² done <paramref name="count"/> times with plain double 2×2 products.</summary>
    private static double[] SquarePlainly(double[] r, int count)
    {
        for (int j = 0; j < count; j++)
        {
            r =
            [
                r[0] * r[0] + r[1] * r[2], r[0] * r[1] + r[1] * r[3],
                r[2] * r[0] + r[3] * r[2], r[2] * r[1] + r[3] * r[3],
            ];
        }
        return r;
    }

    /// <summary>The degree and scaling Algorithm 6.1 takes for the real 2×2 matrix <paramref name="a"/>.</summary>
    private static ExpmPlan Plan(double[] a)
    {
        var frame = new ExpmFrame<double>(new double[ExpmFrame<double>.Blocks * 4], new int[2], 2);
        return ExpmKernel.Prepare<double>(a, 2, forDerivative: false, frame);
    }

    [Fact]
    public void AlgorithmTakesDegreeThirteenAndElevenSquaringsAtTheDefaultB()
    {
        ExpmPlan plan = Plan(Alhi09r2(1e4));
        Assert.Equal((13, 11), (plan.M, plan.S));
    }

    [Theory]
    [InlineData(1e3)]
    [InlineData(1e4)]
    [InlineData(1e5)]
    public void ErrorIsThatOfSquaringTheAccuratePadeValueInDouble(double b)
    {
        double[] a = Alhi09r2(b);
        int s = Plan(a).S;
        // e^(2⁻ˢA) = e^(2⁻ˢ)·(I + 2⁻ˢ(A − I)): ‖2⁻ˢA‖₁ is below θ₁₃ and |2⁻ˢA| is small, so no squaring is needed there.
        double scale = Math.ScaleB(1, -s);
        double[] scaled = Array.ConvertAll(a, v => v * scale);
        double[] start = Ops.Expm(new Tensor(scaled, [2, 2])).Data;
        double[] startExact = [Math.Exp(scale) * (1 + scale * (a[0] - 1)), Math.Exp(scale) * scale * a[1], Math.Exp(scale) * scale * a[2], Math.Exp(scale) * (1 + scale * (a[3] - 1))];
        double startError = RelativeError(start, startExact, 2);

        double ours = ErrorAgainstExact(Ops.Expm(new Tensor(a, [2, 2])).Data, a);
        double plain = ErrorAgainstExact(SquarePlainly(start, s), a);
        double complexPath = ErrorAgainstExact(Array.ConvertAll(Ops.Expm(new ComplexTensor(Array.ConvertAll(a, v => new Complex(v, 0)), [2, 2])).Data, z => z.Real), a);
        _output.WriteLine($"b = {b:E0}: r error {startError:E2}; Expm real {ours:E2}, complex {complexPath:E2}; plain squaring of r {plain:E2}");

        Assert.True(startError <= 1e-15, $"r₁₃(2⁻ˢA) has relative error {startError:E2}");
        // Within a small factor of the error that squaring an accurate start in double makes anyway.
        Assert.True(ours <= 4 * plain + 1e-15, $"real path {ours:E2} against plain squaring {plain:E2}");
        Assert.True(complexPath <= 4 * plain + 1e-15, $"complex path {complexPath:E2} against plain squaring {plain:E2}");
    }
}
