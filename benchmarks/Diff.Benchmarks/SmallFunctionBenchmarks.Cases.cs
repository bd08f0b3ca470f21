using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

// One category per function: its primal (the baseline, so the Ratio column is gradient/primal), its generated
// Gradient, and for six of them a gradient written by hand (HandAdjoints).
public partial class SmallFunctionBenchmarks
{
    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinPrimal() => SmallFunctions.RunningMin(five);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinGradient()
    {
        var g = SmallFunctions.RunningMinGradient(five); return g.Value + g.xs[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinByHand()
    {
        var g = HandAdjoints.RunningMin(five); return g.Value + g.Xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("RunningMaxIf")]
    public double RunningMaxIfPrimal() => SmallFunctions.RunningMaxIf(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("RunningMaxIf")]
    public double RunningMaxIfGradient()
    {
        var g = SmallFunctions.RunningMaxIfGradient(eight); return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("EarlyExit")]
    public double EarlyExitPrimal() => SmallFunctions.EarlyExit(six, 1.5);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("EarlyExit")]
    public double EarlyExitGradient()
    {
        var g = SmallFunctions.EarlyExitGradient(six, 1.5); return g.Value + g.xs[0] + g.limit;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Horner")]
    public double HornerPrimal() => SmallFunctions.Horner(eight, 0.7);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Horner")]
    public double HornerGradient()
    {
        var g = SmallFunctions.HornerGradient(eight, 0.7); return g.Value + g.c[0] + g.x;
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Horner")]
    public double HornerByHand()
    {
        var g = HandAdjoints.Horner(eight, 0.7); return g.Value + g.C[0] + g.X;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrencePrimal() => SmallFunctions.Recurrence(0.3, 20);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrenceGradient()
    {
        var g = SmallFunctions.RecurrenceGradient(0.3, 20); return g.Value + g.x;
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrenceByHand()
    {
        var g = HandAdjoints.Recurrence(0.3, 20); return g.Value + g.X;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Rk4Scalar")]
    public double Rk4ScalarPrimal() => SmallFunctions.Rk4Scalar(1.0, 0.8, 0.05, 20);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Rk4Scalar")]
    public double Rk4ScalarGradient()
    {
        var g = SmallFunctions.Rk4ScalarGradient(1.0, 0.8, 0.05, 20); return g.Value + g.y0 + g.k + g.h;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Kalman")]
    public double KalmanPrimal() => SmallFunctions.Kalman(0.1, 0.5, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Kalman")]
    public double KalmanGradient()
    {
        var g = SmallFunctions.KalmanGradient(0.1, 0.5, series); return g.Value + g.q + g.r;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyPrimal() => SmallFunctions.SoftmaxCrossEntropy(ten, 3);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyGradient()
    {
        var g = SmallFunctions.SoftmaxCrossEntropyGradient(ten, 3); return g.Value + g.logits[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyByHand()
    {
        var g = HandAdjoints.SoftmaxCrossEntropy(ten, 3); return g.Value + g.Logits[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("LogSumExp")]
    public double LogSumExpPrimal() => SmallFunctions.LogSumExp(ten);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("LogSumExp")]
    public double LogSumExpGradient()
    {
        var g = SmallFunctions.LogSumExpGradient(ten); return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("TensorQuadraticForm")]
    public double TensorQuadraticFormPrimal() => SmallFunctions.TensorQuadraticForm(w, four);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("TensorQuadraticForm")]
    public double TensorQuadraticFormGradient()
    {
        var g = SmallFunctions.TensorQuadraticFormGradient(w, four); return g.Value + g.w[0, 0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("StepInLoop")]
    public double StepInLoopPrimal() => SmallFunctions.StepInLoop(0.5, 0.1, 20);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("StepInLoop")]
    public double StepInLoopGradient()
    {
        var g = SmallFunctions.StepInLoopGradient(0.5, 0.1, 20); return g.Value + g.theta0 + g.damping;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("PendulumEuler")]
    public double PendulumEulerPrimal() => SmallFunctions.PendulumEuler(0.5, 0.0, 0.1, 50);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("PendulumEuler")]
    public double PendulumEulerGradient()
    {
        var g = SmallFunctions.PendulumEulerGradient(0.5, 0.0, 0.1, 50); return g.Value + g.theta0 + g.omega0 + g.damping;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("NewtonSqrt")]
    public double NewtonSqrtPrimal() => SmallFunctions.NewtonSqrt(2.0);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("NewtonSqrt")]
    public double NewtonSqrtGradient()
    {
        var g = SmallFunctions.NewtonSqrtGradient(2.0); return g.Value + g.x;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("LogisticLoss")]
    public double LogisticLossPrimal() => SmallFunctions.LogisticLoss(three, 0.1, points, labels);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("LogisticLoss")]
    public double LogisticLossGradient()
    {
        var g = SmallFunctions.LogisticLossGradient(three, 0.1, points, labels); return g.Value + g.w[0] + g.b;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Dot")]
    public double DotPrimal() => SmallFunctions.Dot(eight, eightOther);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Dot")]
    public double DotGradient()
    {
        var g = SmallFunctions.DotGradient(eight, eightOther); return g.Value + g.a[0] + g.b[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Dot")]
    public double DotByHand()
    {
        var g = HandAdjoints.Dot(eight, eightOther); return g.Value + g.A[0] + g.B[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Norm")]
    public double NormPrimal() => SmallFunctions.Norm(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Norm")]
    public double NormGradient()
    {
        var g = SmallFunctions.NormGradient(eight); return g.Value + g.xs[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Norm")]
    public double NormByHand()
    {
        var g = HandAdjoints.Norm(eight); return g.Value + g.Xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Huber")]
    public double HuberPrimal() => SmallFunctions.Huber(eight, 0.2);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Huber")]
    public double HuberGradient()
    {
        var g = SmallFunctions.HuberGradient(eight, 0.2); return g.Value + g.xs[0] + g.t;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Variance")]
    public double VariancePrimal() => SmallFunctions.Variance(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Variance")]
    public double VarianceGradient()
    {
        var g = SmallFunctions.VarianceGradient(eight); return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("GaussianNll")]
    public double GaussianNllPrimal() => SmallFunctions.GaussianNll(0.2, -0.1, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("GaussianNll")]
    public double GaussianNllGradient()
    {
        var g = SmallFunctions.GaussianNllGradient(0.2, -0.1, series); return g.Value + g.mu + g.logSigma;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("BlackScholes")]
    public double BlackScholesPrimal() => SmallFunctions.BlackScholes(100, 95, 0.02, 0.25, 0.5);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("BlackScholes")]
    public double BlackScholesGradient()
    {
        var g = SmallFunctions.BlackScholesGradient(100, 95, 0.02, 0.25, 0.5); return g.Value + g.spot + g.strike + g.rate + g.sigma + g.years;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("TinyNetwork")]
    public double TinyNetworkPrimal() => SmallFunctions.TinyNetwork(0.3, 0.5, -0.4, 0.9, 1.1, -0.7, 0.2);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("TinyNetwork")]
    public double TinyNetworkGradient()
    {
        var g = SmallFunctions.TinyNetworkGradient(0.3, 0.5, -0.4, 0.9, 1.1, -0.7, 0.2); return g.Value + g.w1 + g.v3;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Trapezoid")]
    public double TrapezoidPrimal() => SmallFunctions.Trapezoid(1.3, 16);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Trapezoid")]
    public double TrapezoidGradient()
    {
        var g = SmallFunctions.TrapezoidGradient(1.3, 16); return g.Value + g.a;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("MovingAverage")]
    public double MovingAveragePrimal() => SmallFunctions.MovingAverage(0.3, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("MovingAverage")]
    public double MovingAverageGradient()
    {
        var g = SmallFunctions.MovingAverageGradient(0.3, series); return g.Value + g.alpha;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Verlet")]
    public double VerletPrimal() => SmallFunctions.Verlet(1.0, 0.0, 2.0, 50);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Verlet")]
    public double VerletGradient()
    {
        var g = SmallFunctions.VerletGradient(1.0, 0.0, 2.0, 50); return g.Value + g.x0 + g.v0 + g.omega;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Bilinear")]
    public double BilinearPrimal() => SmallFunctions.Bilinear(1.3, 2.6, grid, 4);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Bilinear")]
    public double BilinearGradient()
    {
        var g = SmallFunctions.BilinearGradient(1.3, 2.6, grid, 4); return g.Value + g.u + g.v;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Spectrum")]
    public double SpectrumPrimal() => SmallFunctions.Spectrum(eight, 0.4);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Spectrum")]
    public double SpectrumGradient()
    {
        var g = SmallFunctions.SpectrumGradient(eight, 0.4); return g.Value + g.a[0] + g.x;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("SmoothStepSum")]
    public double SmoothStepSumPrimal() => SmallFunctions.SmoothStepSum(0.45, 8);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("SmoothStepSum")]
    public double SmoothStepSumGradient()
    {
        var g = SmallFunctions.SmoothStepSumGradient(0.45, 8); return g.Value + g.x;
    }
}
