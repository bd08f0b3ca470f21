using System;
using System.Collections.Generic;
using Diff;

namespace SpiralClassifier;

/// <summary>The loss and accuracy on the whole training set after some steps.</summary>
/// <param name="Step">Gradient steps taken.</param>
/// <param name="Loss">The loss on all the data.</param>
/// <param name="Accuracy">The share of points classified right.</param>
public readonly record struct TrainingProgress(int Step, double Loss, double Accuracy);

/// <summary>Mini-batch gradient descent with the generated gradient.</summary>
public static class Training
{
    /// <summary>
    /// <paramref name="steps"/> steps of plain gradient descent, W ← W − rate·∂L/∂W, each on the next
    /// <paramref name="batchSize"/> rows of the data (a slice <c>data.X[a..b]</c>, wrapping round), with the
    /// gradient from the generated <c>Network.LossGradient</c>.
    /// </summary>
    /// <param name="start">The initial network.</param>
    /// <param name="data">The training data.</param>
    /// <param name="steps">Gradient steps.</param>
    /// <param name="rate">The learning rate.</param>
    /// <param name="batchSize">Rows per step.</param>
    /// <param name="reportEvery">Report the loss and accuracy on all the data every this many steps (and at 0 and the end).</param>
    /// <returns>The trained network and its progress reports.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count that is not positive.</exception>
    public static (Parameters Trained, List<TrainingProgress> History) Run(Parameters start, DataSet data, int steps, double rate,
        int batchSize, int reportEvery)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reportEvery, 1);
        batchSize = Math.Min(batchSize, data.Count);
        Parameters p = start;
        var history = new List<TrainingProgress> { new(0, Network.Loss(p, data), Network.Accuracy(p, data)) };
        int first = 0;
        for (int step = 1; step <= steps; step++)
        {
            if (first + batchSize > data.Count)
                first = 0;
            var (x, targets) = data.Rows(first..(first + batchSize));
            first += batchSize;

            var (_, w1, b1, w2, b2) = Network.LossGradient(p.W1, p.B1, p.W2, p.B2, x, targets);
            p = new Parameters(p.W1 - rate * w1, p.B1 - rate * b1, p.W2 - rate * w2, p.B2 - rate * b2);

            if (step % reportEvery == 0 || step == steps)
                history.Add(new(step, Network.Loss(p, data), Network.Accuracy(p, data)));
        }
        return (p, history);
    }
}
