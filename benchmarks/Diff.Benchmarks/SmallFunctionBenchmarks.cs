using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Diff.Benchmarks;

/// <summary>
/// The small-function suite of issue 20: 27 functions written the way numerical C# is written, each its primal
/// against its generated Gradient (the Ratio column is gradient/primal), six also against a gradient written by hand.
/// Goals: median ratio ≤ 2.5, 90th percentile ≤ 4, worst ≤ 6; within 1.3× of the hand-written gradient; nothing
/// allocated beyond the returned derivatives.
/// Run: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*SmallFunction*' --job short</c>,
/// which prints the table and the median, 90th percentile and worst ratio at the end (<see cref="SuiteSummary"/>).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class SmallFunctionBenchmarks
{
    private double[] five = null!, six = null!, eight = null!, eightOther = null!, ten = null!, three = null!, four = null!;
    private double[] series = null!, points = null!, labels = null!, grid = null!;
    private Tensor w = null!;
    private double x = 0.7, limit = 1.5, y0 = 2.0, k = 0.8, h = 0.05, q = 0.1, r = 0.5, theta = 0.5, omega = 0.1;
    private double damping = 0.1, b = 0.1, t = 0.2, mu = 0.2, logSigma = -0.1, spot = 100, strike = 95, rate = 0.02;
    private double sigma = 0.25, years = 0.5, w1 = 0.5, w2 = -0.4, w3 = 0.9, v1 = 1.1, v2 = -0.7, v3 = 0.2, a = 1.3;
    private double alpha = 0.3, v0 = 0.0, u = 1.3, v = 2.6, smooth = 0.45;
    private int steps = 20, longSteps = 50, label = 3, intervals = 16, width = 4, count = 8;

    /// <summary>Seeded inputs, then a check that every hand-written gradient agrees with the generated one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        double[] Draw(int n, double scale) => Array.ConvertAll(new double[n], _ => scale * (2 * random.NextDouble() - 1));
        five = Draw(5, 1);
        six = Draw(6, 0.6);
        eight = Draw(8, 1);
        eightOther = Draw(8, 1);
        ten = Draw(10, 2);
        three = Draw(3, 0.5);
        four = Draw(4, 1);
        series = Draw(20, 1);
        points = Draw(24, 1);
        labels = Array.ConvertAll(Draw(8, 1), v => v > 0 ? 1.0 : 0.0);
        grid = Draw(16, 1);
        w = Tensor.FromArray(Draw(16, 1), 4, 4);
        CheckHandAdjoints();
    }

    private void CheckHandAdjoints()
    {
        Agree("RunningMin", SmallFunctions.RunningMinGradient(five).xs, HandAdjoints.RunningMin(five).Xs);
        var horner = SmallFunctions.HornerGradient(eight, x);
        var hornerByHand = HandAdjoints.Horner(eight, x);
        Agree("Horner", [.. horner.c, horner.x], [.. hornerByHand.C, hornerByHand.X]);
        Agree("Recurrence", [SmallFunctions.RecurrenceGradient(x, steps).x], [HandAdjoints.Recurrence(x, steps).X]);
        Agree("SoftmaxCrossEntropy", SmallFunctions.SoftmaxCrossEntropyGradient(ten, label).logits, HandAdjoints.SoftmaxCrossEntropy(ten, label).Logits);
        var dot = SmallFunctions.DotGradient(eight, eightOther);
        var dotByHand = HandAdjoints.Dot(eight, eightOther);
        Agree("Dot", [.. dot.a, .. dot.b], [.. dotByHand.A, .. dotByHand.B]);
        Agree("Norm", SmallFunctions.NormGradient(eight).xs, HandAdjoints.Norm(eight).Xs);
    }

    private static void Agree(string name, double[] generated, double[] byHand)
    {
        for (int i = 0; i < generated.Length; i++)
        {
            if (Math.Abs(generated[i] - byHand[i]) > 1e-10 * (1 + Math.Abs(byHand[i])))
            {
                throw new InvalidOperationException(
                    $"{name}: the hand-written gradient's element {i} is {byHand[i]}, the generated one {generated[i]}.");
            }
        }
    }
}
