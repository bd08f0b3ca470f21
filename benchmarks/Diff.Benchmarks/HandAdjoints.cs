using System;

namespace Diff.Benchmarks;

/// <summary>
/// Gradients written by hand the way a careful person writes them (no tape where a value can be carried, a
/// stack-allocated tape where one is needed): the reference the generated gradients of the small-function suite are
/// held to (issue 20: within 1.3× of these). <see cref="SmallFunctionBenchmarks"/> checks each against the generated
/// gradient before it measures anything.
/// </summary>
public static class HandAdjoints
{
    /// <summary>The gradient of <see cref="SmallFunctions.RunningMin"/>: one at the first smallest element.</summary>
    public static (double Value, double[] Xs) RunningMin(double[] xs)
    {
        int at = 0;
        for (int i = 1; i < xs.Length; i++)
        {
            if (xs[i] < xs[at])
                at = i;
        }

        var gradient = new double[xs.Length];
        gradient[at] = 1;
        return (xs[at], gradient);
    }

    /// <summary>The gradient of <see cref="SmallFunctions.Horner"/>: ∂/∂cᵢ = xⁱ, ∂/∂x = p′(x) by the derivative's own Horner rule.</summary>
    public static (double Value, double[] C, double X) Horner(double[] c, double x)
    {
        int n = c.Length;
        double p = c[n - 1], dp = 0;
        for (int i = n - 2; i >= 0; i--)
        {
            dp = dp * x + p;
            p = p * x + c[i];
        }

        var gradient = new double[n];
        double power = 1;
        for (int i = 0; i < n; i++)
        {
            gradient[i] = power;
            power *= x;
        }

        return (p, gradient, dp);
    }

    /// <summary>
    /// The derivative of <see cref="SmallFunctions.Recurrence"/> by a reverse sweep over a stack-allocated tape of b
    /// (a is b one step back, so one tape serves both).
    /// </summary>
    public static (double Value, double X) Recurrence(double x, int steps)
    {
        Span<double> bs = steps <= 256 ? stackalloc double[steps] : new double[steps];
        double a = 1, b = x;
        for (int k = 0; k < steps; k++)
        {
            bs[k] = b;
            double next = a + b * x;
            a = b;
            b = next;
        }

        double aBar = 0, bBar = 1, xBar = 0;
        for (int k = steps - 1; k >= 0; k--)
        {
            // a' = b, b' = a + b·x: ā = b̄′, b̄ = ā′ + b̄′·x, x̄ += b̄′·b.
            double nextBar = bBar;
            xBar += nextBar * bs[k];
            bBar = aBar + nextBar * x;
            aBar = nextBar;
        }

        return (b, xBar + bBar);
    }

    /// <summary>The gradient of <see cref="SmallFunctions.SoftmaxCrossEntropy"/>: softmax(logits) − e_label.</summary>
    public static (double Value, double[] Logits) SoftmaxCrossEntropy(double[] logits, int label)
    {
        double max = logits[0];
        for (int i = 1; i < logits.Length; i++)
            max = Math.Max(max, logits[i]);
        var gradient = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            gradient[i] = Math.Exp(logits[i] - max);
            sum += gradient[i];
        }

        for (int i = 0; i < gradient.Length; i++)
            gradient[i] /= sum;
        gradient[label] -= 1;
        return (Math.Log(sum) + max - logits[label], gradient);
    }

    /// <summary>The gradient of <see cref="SmallFunctions.Dot"/>: each array's gradient is the other array.</summary>
    public static (double Value, double[] A, double[] B) Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return (sum, (double[])b.Clone(), (double[])a.Clone());
    }

    /// <summary>The gradient of <see cref="SmallFunctions.Norm"/>: x / ‖x‖.</summary>
    public static (double Value, double[] Xs) Norm(double[] xs)
    {
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
            sum += xs[i] * xs[i];
        double norm = Math.Sqrt(sum);
        var gradient = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++)
            gradient[i] = xs[i] / norm;
        return (norm, gradient);
    }
}
