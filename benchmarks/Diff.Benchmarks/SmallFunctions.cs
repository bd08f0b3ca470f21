using System;
using Diff;

namespace Diff.Benchmarks;

/// <summary>
/// Small functions written the way numerical C# is written: running extrema, early exits, recurrences, Horner,
/// scalar RK4 and Kalman steps, softmax cross-entropy, a Tensor indexer loop, a step function called in a loop.
/// Each is a case of the small-function suite (<see cref="SmallFunctionBenchmarks"/>); their primals cost a few
/// to a few hundred nanoseconds, so what the reverse sweep costs beyond the arithmetic shows plainly.
/// </summary>
public static partial class SmallFunctions
{
    /// <summary>The smallest element: a running minimum.</summary>
    [Differentiable]
    public static double RunningMin(double[] xs)
    {
        double m = xs[0];
        for (int i = 1; i < xs.Length; i++)
            m = Math.Min(m, xs[i]);
        return m;
    }

    /// <summary>The largest element, found with an if rather than Math.Max.</summary>
    [Differentiable]
    public static double RunningMaxIf(double[] xs)
    {
        double m = xs[0];
        for (int i = 1; i < xs.Length; i++)
        {
            if (xs[i] > m)
                m = xs[i];
        }

        return m;
    }

    /// <summary>The root of a partial sum of squares, returned as soon as it passes a limit.</summary>
    [Differentiable]
    public static double EarlyExit(double[] xs, double limit)
    {
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            sum += xs[i] * xs[i];
            if (sum > limit)
                return Math.Sqrt(sum);
        }

        return sum;
    }

    /// <summary>A polynomial Σ cᵢ·xⁱ by Horner's rule.</summary>
    [Differentiable]
    public static double Horner(double[] c, double x)
    {
        double p = c[c.Length - 1];
        for (int i = c.Length - 2; i >= 0; i--)
            p = p * x + c[i];
        return p;
    }

    /// <summary>The two-term recurrence aₖ₊₁ = bₖ, bₖ₊₁ = aₖ + bₖ·x (continuant of a continued fraction).</summary>
    [Differentiable]
    public static double Recurrence(double x, int steps)
    {
        double a = 1, b = x;
        for (int k = 0; k < steps; k++)
        {
            double next = a + b * x;
            a = b;
            b = next;
        }

        return b;
    }

    /// <summary>y′ = −k·y + sin t by classical fourth-order Runge–Kutta, <paramref name="steps"/> steps of size h.</summary>
    [Differentiable]
    public static double Rk4Scalar(double y0, double k, double h, int steps)
    {
        double y = y0, t = 0;
        for (int i = 0; i < steps; i++)
        {
            double k1 = -k * y + Math.Sin(t);
            double k2 = -k * (y + 0.5 * h * k1) + Math.Sin(t + 0.5 * h);
            double k3 = -k * (y + 0.5 * h * k2) + Math.Sin(t + 0.5 * h);
            double k4 = -k * (y + h * k3) + Math.Sin(t + h);
            y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            t += h;
        }

        return y;
    }

    /// <summary>
    /// A scalar Kalman filter of a random walk: process noise q, measurement noise r, the final estimate's squared
    /// error against the last measurement plus its variance.
    /// </summary>
    [Differentiable]
    public static double Kalman(double q, double r, [NoDerivative] double[] z)
    {
        double x = z[0], p = 1;
        for (int i = 1; i < z.Length; i++)
        {
            double pPrior = p + q;
            double gain = pPrior / (pPrior + r);
            x += gain * (z[i] - x);
            p = (1 - gain) * pPrior;
        }

        double e = x - z[z.Length - 1];
        return e * e + p;
    }

    /// <summary>The cross-entropy −log softmax(logits)[label], with the maximum subtracted for stability.</summary>
    [Differentiable]
    public static double SoftmaxCrossEntropy(double[] logits, int label)
    {
        double max = logits[0];
        for (int i = 1; i < logits.Length; i++)
            max = Math.Max(max, logits[i]);
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
            sum += Math.Exp(logits[i] - max);
        return Math.Log(sum) + max - logits[label];
    }

    /// <summary>log Σ exp xᵢ, stabilised.</summary>
    [Differentiable]
    public static double LogSumExp(double[] xs)
    {
        double max = xs[0];
        for (int i = 1; i < xs.Length; i++)
            max = Math.Max(max, xs[i]);
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
            sum += Math.Exp(xs[i] - max);
        return max + Math.Log(sum);
    }

    /// <summary>xᵀ·W·x over a Tensor read element by element, as a C# user writes it before knowing MatMul.</summary>
    [Differentiable]
    public static double TensorQuadraticForm(Tensor w, [NoDerivative] double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
                sum += x[i] * w[i, j] * x[j];
        }

        return sum;
    }

    /// <summary>One explicit Euler step of a damped pendulum's angle.</summary>
    [Differentiable]
    public static double PendulumStep(double theta, double omega, double damping, double h) =>
        theta + h * omega - 0.5 * h * h * (Math.Sin(theta) + damping * omega);

    /// <summary>A step function called in a loop: the angle after <paramref name="steps"/> calls.</summary>
    [Differentiable]
    public static double StepInLoop(double theta0, double damping, int steps)
    {
        double theta = theta0, previous = theta0;
        for (int i = 0; i < steps; i++)
        {
            double next = PendulumStep(theta, (theta - previous) / 0.01, damping, 0.01);
            previous = theta;
            theta = next;
        }

        return theta;
    }

    /// <summary>A damped pendulum (θ, ω) by explicit Euler, the final energy.</summary>
    [Differentiable]
    public static double PendulumEuler(double theta0, double omega0, double damping, int steps)
    {
        double theta = theta0, omega = omega0;
        for (int i = 0; i < steps; i++)
        {
            double accel = -Math.Sin(theta) - damping * omega;
            theta += 0.01 * omega;
            omega += 0.01 * accel;
        }

        return 0.5 * omega * omega + 1 - Math.Cos(theta);
    }

    /// <summary>√x by eight Newton steps from x.</summary>
    [Differentiable]
    public static double NewtonSqrt(double x)
    {
        double y = x;
        for (int i = 0; i < 8; i++)
            y = 0.5 * (y + x / y);
        return y;
    }

    /// <summary>The mean logistic loss of a linear model w·xᵢ + b over labelled points.</summary>
    [Differentiable]
    public static double LogisticLoss(double[] w, double b, [NoDerivative] double[] xs, [NoDerivative] double[] labels)
    {
        int d = w.Length;
        double loss = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double z = b;
            for (int j = 0; j < d; j++)
                z += w[j] * xs[i * d + j];
            double margin = (2 * labels[i] - 1) * z;
            loss += Math.Log(1 + Math.Exp(-margin));
        }

        return loss / labels.Length;
    }

    /// <summary>The dot product of two arrays.</summary>
    [Differentiable]
    public static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The Euclidean norm.</summary>
    [Differentiable]
    public static double Norm(double[] xs)
    {
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
            sum += xs[i] * xs[i];
        return Math.Sqrt(sum);
    }

    /// <summary>The Huber loss of residuals xᵢ − t with threshold δ = 1.</summary>
    [Differentiable]
    public static double Huber(double[] xs, double t)
    {
        double loss = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double r = xs[i] - t;
            if (Math.Abs(r) <= 1)
                loss += 0.5 * r * r;
            else
                loss += Math.Abs(r) - 0.5;
        }

        return loss;
    }

    /// <summary>The sample variance, mean first.</summary>
    [Differentiable]
    public static double Variance(double[] xs)
    {
        double mean = 0;
        for (int i = 0; i < xs.Length; i++)
            mean += xs[i];
        mean /= xs.Length;
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double d = xs[i] - mean;
            sum += d * d;
        }

        return sum / (xs.Length - 1);
    }

    /// <summary>The Gaussian negative log-likelihood of data under (μ, log σ).</summary>
    [Differentiable]
    public static double GaussianNll(double mu, double logSigma, [NoDerivative] double[] data)
    {
        double sigma = Math.Exp(logSigma);
        double sum = 0;
        for (int i = 0; i < data.Length; i++)
        {
            double u = (data[i] - mu) / sigma;
            sum += 0.5 * u * u;
        }

        return sum + data.Length * (logSigma + 0.9189385332046728);
    }

    /// <summary>A call price of Black–Scholes, the normal CDF by the Abramowitz–Stegun 26.2.17 polynomial.</summary>
    [Differentiable]
    public static double BlackScholes(double spot, double strike, double rate, double sigma, double years)
    {
        double sqrtT = Math.Sqrt(years);
        double d1 = (Math.Log(spot / strike) + (rate + 0.5 * sigma * sigma) * years) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        return spot * NormalCdf(d1) - strike * Math.Exp(-rate * years) * NormalCdf(d2);
    }

    /// <summary>Φ(x) by Abramowitz and Stegun 26.2.17 (absolute error below 7.5·10⁻⁸).</summary>
    [Differentiable]
    public static double NormalCdf(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = 0.3989422804014327 * Math.Exp(-0.5 * z * z) * poly;
        if (x >= 0)
            return 1 - tail;
        return tail;
    }

    /// <summary>A three-neuron tanh network on one input, its output.</summary>
    [Differentiable]
    public static double TinyNetwork(double x, double w1, double w2, double w3, double v1, double v2, double v3) =>
        v1 * Math.Tanh(w1 * x) + v2 * Math.Tanh(w2 * x + 0.5) + v3 * Math.Tanh(w3 * x - 0.5);

    /// <summary>∫₀¹ exp(−a·x²) dx by the trapezoid rule on n intervals.</summary>
    [Differentiable]
    public static double Trapezoid(double a, int n)
    {
        double h = 1.0 / n;
        double sum = 0.5 * (1 + Math.Exp(-a));
        for (int i = 1; i < n; i++)
        {
            double x = i * h;
            sum += Math.Exp(-a * x * x);
        }

        return sum * h;
    }

    /// <summary>The last value of an exponential moving average with smoothing α over a series.</summary>
    [Differentiable]
    public static double MovingAverage(double alpha, [NoDerivative] double[] series)
    {
        double ema = series[0];
        for (int i = 1; i < series.Length; i++)
            ema = alpha * series[i] + (1 - alpha) * ema;
        return ema;
    }

    /// <summary>A harmonic oscillator by velocity Verlet, its final position.</summary>
    [Differentiable]
    public static double Verlet(double x0, double v0, double omega, int steps)
    {
        double x = x0, v = v0, h = 0.01;
        double a = -omega * omega * x;
        for (int i = 0; i < steps; i++)
        {
            x += h * v + 0.5 * h * h * a;
            double aNext = -omega * omega * x;
            v += 0.5 * h * (a + aNext);
            a = aNext;
        }

        return x;
    }

    // The cell's integer corner is piecewise constant in (u, v), as DIFF0009 says; the weights carry the derivative.
#pragma warning disable DIFF0009
    /// <summary>Bilinear interpolation on the unit grid at (u, v), with the cell found by Floor.</summary>
    [Differentiable]
    public static double Bilinear(double u, double v, [NoDerivative] double[] grid, int width)
    {
        int i = (int)Math.Floor(u), j = (int)Math.Floor(v);
        double fu = u - i, fv = v - j;
        double g00 = grid[j * width + i], g10 = grid[j * width + i + 1];
        double g01 = grid[(j + 1) * width + i], g11 = grid[(j + 1) * width + i + 1];
        return (1 - fv) * ((1 - fu) * g00 + fu * g10) + fv * ((1 - fu) * g01 + fu * g11);
    }
#pragma warning restore DIFF0009

    /// <summary>The power spectrum |Σₖ aₖ·e^{ikx}|² of real amplitudes at frequency x.</summary>
    [Differentiable]
    public static double Spectrum(double[] a, double x)
    {
        double re = 0, im = 0;
        for (int k = 0; k < a.Length; k++)
        {
            re += a[k] * Math.Cos(k * x);
            im += a[k] * Math.Sin(k * x);
        }

        return re * re + im * im;
    }

    /// <summary>A cubic smoothstep clamped to [0, 1], summed over shifted inputs.</summary>
    [Differentiable]
    public static double SmoothStepSum(double x, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double t = Math.Clamp(x - 0.1 * i, 0, 1);
            sum += t * t * (3 - 2 * t);
        }

        return sum;
    }
}
