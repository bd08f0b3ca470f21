using System;
using System.Numerics;
using Diff.Kernels;
using Diff.Runtime.Tests.MatrixFunctions.HighPrecision;
using Xunit;
using Xunit.Abstractions;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// alhi09r2 of Al-Mohy &amp; Higham 2009 (test set 1; b = 10⁴ is the default of the matrices-expm collection),
/// A = [[1 − b/2, b/2], [−b/2, 1 + b/2]]. A − I is nilpotent, so e^A = e·A exactly; κ_exp(A) grows like b².
/// Algorithm 6.1 takes m = 13 and s = 11 at b = 10⁴ (ℓ(A, 13) = 11: |A|²⁷ is about b²⁷ while A²⁷ = I + 27(A − I)),
/// and r₁₃(2⁻¹¹A) is accurate to the last bit. Squared plainly in double, R_j = e^t(I + t(A − I)) cancels more in
/// every squaring, and the result ends far above κ·u (1.2·10⁻⁷ = 66·κ·u at b = 10⁴), as in any double scaling and
/// squaring code. <see cref="Diff.Kernels.CompensatedSquare"/> recomputes such squarings; these tests pin down that
/// the error is then about κ·u, and that the plain squaring would not be.
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
    public void ErrorIsAboutConditionTimesUnitRoundoffWherePlainSquaringIsFarAbove(double b)
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
        ComplexDoubleDouble[] high = ReferenceExpm.FromReal(a);
        double kappaU = ReferenceExpm.Condition(high, 2, ReferenceExpm.Exp(high, 2)) * Math.ScaleB(1, -53);
        _output.WriteLine($"b = {b:E0}, s = {s}: r error {startError:E2}; Expm real {ours:E2}, complex {complexPath:E2}; plain squaring {plain:E2}; κ·u {kappaU:E2}");

        Assert.True(startError <= 1e-15, $"r₁₃(2⁻ˢA) has relative error {startError:E2}");
        Assert.True(ours <= 4 * kappaU, $"real path {ours:E2} against κ·u = {kappaU:E2}");
        Assert.True(complexPath <= 4 * kappaU, $"complex path {complexPath:E2} against κ·u = {kappaU:E2}");
        // The plain squaring of the same start is far worse: what the compensated squarings are for.
        Assert.True(plain >= 5 * Math.Max(ours, complexPath), $"plain squaring {plain:E2}, ours {ours:E2} / {complexPath:E2}");
    }
}
