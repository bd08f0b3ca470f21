using BenchmarkDotNet.Attributes;

namespace Diff.Benchmarks;

// One category per function: its primal (the baseline, so the Ratio column is gradient/primal), its generated
// Gradient, and for six of them a gradient written by hand (HandAdjoints). Every argument is a field, so the JIT
// cannot fold a call with constant arguments away.
public partial class SmallFunctionBenchmarks
{
    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinPrimal() => SmallFunctions.RunningMin(five);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinGradient()
    {
        var g = SmallFunctions.RunningMinGradient(five);
        return g.Value + g.xs[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("RunningMin")]
    public double RunningMinByHand()
    {
        var g = HandAdjoints.RunningMin(five);
        return g.Value + g.Xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("RunningMaxIf")]
    public double RunningMaxIfPrimal() => SmallFunctions.RunningMaxIf(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("RunningMaxIf")]
    public double RunningMaxIfGradient()
    {
        var g = SmallFunctions.RunningMaxIfGradient(eight);
        return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("EarlyExit")]
    public double EarlyExitPrimal() => SmallFunctions.EarlyExit(six, limit);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("EarlyExit")]
    public double EarlyExitGradient()
    {
        var g = SmallFunctions.EarlyExitGradient(six, limit);
        return g.Value + g.xs[0] + g.limit;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Horner")]
    public double HornerPrimal() => SmallFunctions.Horner(eight, x);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Horner")]
    public double HornerGradient()
    {
        var g = SmallFunctions.HornerGradient(eight, x);
        return g.Value + g.c[0] + g.x;
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Horner")]
    public double HornerByHand()
    {
        var g = HandAdjoints.Horner(eight, x);
        return g.Value + g.C[0] + g.X;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrencePrimal() => SmallFunctions.Recurrence(x, steps);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrenceGradient()
    {
        var g = SmallFunctions.RecurrenceGradient(x, steps);
        return g.Value + g.x;
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Recurrence")]
    public double RecurrenceByHand()
    {
        var g = HandAdjoints.Recurrence(x, steps);
        return g.Value + g.X;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Rk4Scalar")]
    public double Rk4ScalarPrimal() => SmallFunctions.Rk4Scalar(y0, k, h, steps);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Rk4Scalar")]
    public double Rk4ScalarGradient()
    {
        var g = SmallFunctions.Rk4ScalarGradient(y0, k, h, steps);
        return g.Value + g.y0 + g.k + g.h;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Kalman")]
    public double KalmanPrimal() => SmallFunctions.Kalman(q, r, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Kalman")]
    public double KalmanGradient()
    {
        var g = SmallFunctions.KalmanGradient(q, r, series);
        return g.Value + g.q + g.r;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyPrimal() => SmallFunctions.SoftmaxCrossEntropy(ten, label);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyGradient()
    {
        var g = SmallFunctions.SoftmaxCrossEntropyGradient(ten, label);
        return g.Value + g.logits[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("SoftmaxCrossEntropy")]
    public double SoftmaxCrossEntropyByHand()
    {
        var g = HandAdjoints.SoftmaxCrossEntropy(ten, label);
        return g.Value + g.Logits[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("LogSumExp")]
    public double LogSumExpPrimal() => SmallFunctions.LogSumExp(ten);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("LogSumExp")]
    public double LogSumExpGradient()
    {
        var g = SmallFunctions.LogSumExpGradient(ten);
        return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("TensorQuadraticForm")]
    public double TensorQuadraticFormPrimal() => SmallFunctions.TensorQuadraticForm(w, four);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("TensorQuadraticForm")]
    public double TensorQuadraticFormGradient()
    {
        var g = SmallFunctions.TensorQuadraticFormGradient(w, four);
        return g.Value + g.w[0, 0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("StepInLoop")]
    public double StepInLoopPrimal() => SmallFunctions.StepInLoop(theta, damping, steps);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("StepInLoop")]
    public double StepInLoopGradient()
    {
        var g = SmallFunctions.StepInLoopGradient(theta, damping, steps);
        return g.Value + g.theta0 + g.damping;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("PendulumEuler")]
    public double PendulumEulerPrimal() => SmallFunctions.PendulumEuler(theta, omega, damping, longSteps);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("PendulumEuler")]
    public double PendulumEulerGradient()
    {
        var g = SmallFunctions.PendulumEulerGradient(theta, omega, damping, longSteps);
        return g.Value + g.theta0 + g.omega0 + g.damping;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("NewtonSqrt")]
    public double NewtonSqrtPrimal() => SmallFunctions.NewtonSqrt(y0);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("NewtonSqrt")]
    public double NewtonSqrtGradient()
    {
        var g = SmallFunctions.NewtonSqrtGradient(y0);
        return g.Value + g.x;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("LogisticLoss")]
    public double LogisticLossPrimal() => SmallFunctions.LogisticLoss(three, b, points, labels);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("LogisticLoss")]
    public double LogisticLossGradient()
    {
        var g = SmallFunctions.LogisticLossGradient(three, b, points, labels);
        return g.Value + g.w[0] + g.b;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Dot")]
    public double DotPrimal() => SmallFunctions.Dot(eight, eightOther);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Dot")]
    public double DotGradient()
    {
        var g = SmallFunctions.DotGradient(eight, eightOther);
        return g.Value + g.a[0] + g.b[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Dot")]
    public double DotByHand()
    {
        var g = HandAdjoints.Dot(eight, eightOther);
        return g.Value + g.A[0] + g.B[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Norm")]
    public double NormPrimal() => SmallFunctions.Norm(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Norm")]
    public double NormGradient()
    {
        var g = SmallFunctions.NormGradient(eight);
        return g.Value + g.xs[0];
    }

    [Benchmark(Description = "by hand")]
    [BenchmarkCategory("Norm")]
    public double NormByHand()
    {
        var g = HandAdjoints.Norm(eight);
        return g.Value + g.Xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Huber")]
    public double HuberPrimal() => SmallFunctions.Huber(eight, t);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Huber")]
    public double HuberGradient()
    {
        var g = SmallFunctions.HuberGradient(eight, t);
        return g.Value + g.xs[0] + g.t;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Variance")]
    public double VariancePrimal() => SmallFunctions.Variance(eight);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Variance")]
    public double VarianceGradient()
    {
        var g = SmallFunctions.VarianceGradient(eight);
        return g.Value + g.xs[0];
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("GaussianNll")]
    public double GaussianNllPrimal() => SmallFunctions.GaussianNll(mu, logSigma, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("GaussianNll")]
    public double GaussianNllGradient()
    {
        var g = SmallFunctions.GaussianNllGradient(mu, logSigma, series);
        return g.Value + g.mu + g.logSigma;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("BlackScholes")]
    public double BlackScholesPrimal() => SmallFunctions.BlackScholes(spot, strike, rate, sigma, years);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("BlackScholes")]
    public double BlackScholesGradient()
    {
        var g = SmallFunctions.BlackScholesGradient(spot, strike, rate, sigma, years);
        return g.Value + g.spot + g.strike + g.rate + g.sigma + g.years;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("TinyNetwork")]
    public double TinyNetworkPrimal() => SmallFunctions.TinyNetwork(x, w1, w2, w3, v1, v2, v3);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("TinyNetwork")]
    public double TinyNetworkGradient()
    {
        var g = SmallFunctions.TinyNetworkGradient(x, w1, w2, w3, v1, v2, v3);
        return g.Value + g.w1 + g.v3;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Trapezoid")]
    public double TrapezoidPrimal() => SmallFunctions.Trapezoid(a, intervals);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Trapezoid")]
    public double TrapezoidGradient()
    {
        var g = SmallFunctions.TrapezoidGradient(a, intervals);
        return g.Value + g.a;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("MovingAverage")]
    public double MovingAveragePrimal() => SmallFunctions.MovingAverage(alpha, series);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("MovingAverage")]
    public double MovingAverageGradient()
    {
        var g = SmallFunctions.MovingAverageGradient(alpha, series);
        return g.Value + g.alpha;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Verlet")]
    public double VerletPrimal() => SmallFunctions.Verlet(y0, v0, omega, longSteps);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Verlet")]
    public double VerletGradient()
    {
        var g = SmallFunctions.VerletGradient(y0, v0, omega, longSteps);
        return g.Value + g.x0 + g.v0 + g.omega;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Bilinear")]
    public double BilinearPrimal() => SmallFunctions.Bilinear(u, v, grid, width);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Bilinear")]
    public double BilinearGradient()
    {
        var g = SmallFunctions.BilinearGradient(u, v, grid, width);
        return g.Value + g.u + g.v;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("Spectrum")]
    public double SpectrumPrimal() => SmallFunctions.Spectrum(eight, x);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("Spectrum")]
    public double SpectrumGradient()
    {
        var g = SmallFunctions.SpectrumGradient(eight, x);
        return g.Value + g.a[0] + g.x;
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("SmoothStepSum")]
    public double SmoothStepSumPrimal() => SmallFunctions.SmoothStepSum(smooth, count);

    [Benchmark(Description = "Gradient")]
    [BenchmarkCategory("SmoothStepSum")]
    public double SmoothStepSumGradient()
    {
        var g = SmallFunctions.SmoothStepSumGradient(smooth, count);
        return g.Value + g.x;
    }
}
