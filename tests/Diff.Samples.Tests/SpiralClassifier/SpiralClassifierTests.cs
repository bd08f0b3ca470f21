using System;
using System.Linq;
using Diff;
using SpiralClassifier;
using Xunit;

namespace Diff.Samples.Tests.SpiralClassifier;

/// <summary>
/// The spiral classifier sample: its generated gradient against central differences of the loss, forward mode against
/// reverse mode (the adjoint identity), and training that lowers the loss and learns the classes.
/// </summary>
public class SpiralClassifierTests
{
    private static Tensor[] Weights(Parameters p) => [p.W1, p.B1, p.W2, p.B2];

    private static Parameters With(Parameters p, int which, Tensor t) => which switch
    {
        0 => p with { W1 = t },
        1 => p with { B1 = t },
        2 => p with { W2 = t },
        _ => p with { B2 = t },
    };

    /// <summary>A network away from its initial zero biases, so that the biases' derivatives are tested at general points.</summary>
    private static Parameters RandomNetwork(int seed, int hidden)
    {
        Parameters p = Parameters.Initial(2, hidden, 3, seed);
        var random = new Random(seed + 100);
        Tensor Noise(int n) => Tensor.FromArray(Enumerable.Range(0, n).Select(_ => 0.3 * (2 * random.NextDouble() - 1)).ToArray());
        return p with { B1 = Noise(hidden), B2 = Noise(3) };
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(7, 16)]
    public void GeneratedGradientMatchesCentralDifferences(int seed, int hidden)
    {
        DataSet data = Spiral.Generate(20, 3, seed);
        Parameters p = RandomNetwork(seed, hidden);
        var (value, w1, b1, w2, b2) = Network.LossGradient(p.W1, p.B1, p.W2, p.B2, data.X, data.Targets);
        Assert.Equal(Network.Loss(p, data), value, 14);

        Tensor[] gradient = [w1, b1, w2, b2];
        double scale = gradient.Max(g => g.ToArray().Max(Math.Abs));
        Assert.True(scale > 1e-3, $"gradient too small to be a test: {scale}");
        // Central differences: truncation ~h²·L‴ and rounding ~1e-16/h, both about 1e-10 at h = 1e-6; a leaky ReLU
        // kink within h of a hidden unit's input would show as a large error (none at these seeds).
        const double h = 1e-6;
        int checkedEntries = 0;
        for (int which = 0; which < 4; which++)
        {
            double[] w = Weights(p)[which].ToArray();
            int[] shape = Weights(p)[which].Shape;
            double[] g = gradient[which].ToArray();
            Assert.Equal(shape, gradient[which].Shape);
            for (int i = 0; i < w.Length; i++)
            {
                double[] plus = (double[])w.Clone(), minus = (double[])w.Clone();
                plus[i] += h;
                minus[i] -= h;
                double difference = (Network.Loss(With(p, which, Tensor.FromArray(plus, shape)), data)
                    - Network.Loss(With(p, which, Tensor.FromArray(minus, shape)), data)) / (2 * h);
                double error = Math.Abs(difference - g[i]) / scale;
                Assert.True(error < 1e-7, $"∂L/∂{"W1 B1 W2 B2".Split(' ')[which]}[{i}]: generated {g[i]:R}, central difference {difference:R}, relative error {error:0.0e0}");
                checkedEntries++;
            }
        }
        Assert.Equal(2 * hidden + hidden + hidden * 3 + 3, checkedEntries);
    }

    [Fact]
    public void ForwardModeAgreesWithTheGradient()
    {
        // The adjoint identity for a scalar loss: the tangent along v equals ⟨∇L, v⟩.
        DataSet data = Spiral.Generate(30, 3, 5);
        Parameters p = RandomNetwork(5, 12);
        var random = new Random(11);
        Tensor Direction(Tensor like) => Tensor.FromArray(like.ToArray().Select(_ => 2 * random.NextDouble() - 1).ToArray(), like.Shape);
        Tensor[] v = Weights(p).Select(Direction).ToArray();

        var (value, tangent) = Network.LossTangent(p.W1, p.B1, p.W2, p.B2, data.X, data.Targets, v[0], v[1], v[2], v[3]);
        var (gradientValue, w1, b1, w2, b2) = Network.LossGradient(p.W1, p.B1, p.W2, p.B2, data.X, data.Targets);
        Tensor[] gradient = [w1, b1, w2, b2];
        double inner = 0, size = 0;
        for (int k = 0; k < 4; k++)
        {
            inner += Ops.Sum(gradient[k] * v[k]);
            size += Ops.Norm(gradient[k]) * Ops.Norm(v[k]);
        }
        Assert.Equal(gradientValue, value, 14);
        Assert.True(Math.Abs(tangent - inner) <= 1e-12 * size, $"tangent {tangent:R}, ⟨gradient, v⟩ {inner:R}");
    }

    [Fact]
    public void TrainingLowersTheLossAndLearnsTheSpiral()
    {
        DataSet data = Spiral.Generate(60, 3, 2);
        Parameters start = Parameters.Initial(2, 32, 3, 2);
        var (trained, history) = Training.Run(start, data, steps: 600, rate: 0.5, batchSize: 60, reportEvery: 100);

        Assert.Equal(new[] { 0, 100, 200, 300, 400, 500, 600 }, history.Select(h => h.Step));
        // ln 3 ≈ 1.10 is the loss of a network that guesses; the trained one is far below it, and lower at every report
        Assert.True(history[0].Loss > 0.8, $"initial loss {history[0].Loss}");
        for (int i = 1; i < history.Count; i++)
            Assert.True(history[i].Loss < history[i - 1].Loss, $"loss rose from {history[i - 1].Loss} to {history[i].Loss} at step {history[i].Step}");
        Assert.True(history[^1].Loss < 0.5 * history[0].Loss, $"loss {history[0].Loss} → {history[^1].Loss}");
        // a straight line separates at most about two thirds of a 3-arm spiral
        Assert.True(Network.Accuracy(trained, data) > 0.85, $"accuracy {Network.Accuracy(trained, data)}");
        Assert.Equal(history[^1].Loss, Network.Loss(trained, data), 14);
    }

    [Fact]
    public void DataAreSeededOneHotAndMixed()
    {
        DataSet a = Spiral.Generate(50, 3, 9), b = Spiral.Generate(50, 3, 9), c = Spiral.Generate(50, 3, 10);
        Assert.Equal(new[] { 150, 2 }, a.X.Shape);
        Assert.Equal(new[] { 150, 3 }, a.Targets.Shape);
        Assert.Equal(a.X.ToArray(), b.X.ToArray());
        Assert.NotEqual(a.X.ToArray(), c.X.ToArray());
        Assert.Equal(Enumerable.Repeat(1.0, 150), Ops.Sum(a.Targets, -1).ToArray());
        for (int i = 0; i < a.Count; i++)
            Assert.Equal(1.0, a.Targets[i, a.Labels[i]]);
        Assert.Equal(new[] { 50, 50, 50 }, Enumerable.Range(0, 3).Select(k => a.Labels.Count(l => l == k)));
        // the first mini-batch already holds every class
        var (x, targets) = a.Rows(0..30);
        Assert.Equal(new[] { 30, 2 }, x.Shape);
        Assert.All(Ops.Sum(targets, 0).ToArray(), count => Assert.True(count > 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spiral.Generate(10, 1, 0));
    }

    [Fact]
    public void ProbabilitiesAreRowsOfASoftmax()
    {
        DataSet data = Spiral.Generate(10, 3, 4);
        Tensor p = Network.Probabilities(RandomNetwork(4, 8), data.X);
        Assert.Equal(new[] { 30, 3 }, p.Shape);
        Assert.All(Ops.Sum(p, -1).ToArray(), s => Assert.Equal(1.0, s, 14));
        Assert.All(p.ToArray(), v => Assert.InRange(v, 0.0, 1.0));
    }
}
