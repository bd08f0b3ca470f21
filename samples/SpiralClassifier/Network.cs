using System;
using Diff;

namespace SpiralClassifier;

/// <summary>The weights of a two-layer network: x → leaky ReLU(x·W1 + b1)·W2 + b2.</summary>
/// <param name="W1">First layer, shape (inputs, hidden).</param>
/// <param name="B1">First bias, shape (hidden).</param>
/// <param name="W2">Second layer, shape (hidden, classes).</param>
/// <param name="B2">Second bias, shape (classes).</param>
public sealed record Parameters(Tensor W1, Tensor B1, Tensor W2, Tensor B2)
{
    /// <summary>
    /// He initialisation (He et al. 2015, "Delving deep into rectifiers", §2.2): weights normal with variance 2/fan-in,
    /// biases zero; seeded, so the same seed gives the same network.
    /// </summary>
    /// <param name="inputs">Inputs per point.</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="classes">Outputs (classes).</param>
    /// <param name="seed">The seed of the weights.</param>
    /// <returns>The initial parameters.</returns>
    public static Parameters Initial(int inputs, int hidden, int classes, int seed)
    {
        var random = new Random(seed);
        Tensor Normal(int rows, int columns, double scale)
        {
            var w = new double[rows, columns];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++)
                    w[i, j] = scale * Spiral.Gaussian(random);
            return Tensor.FromArray(w);
        }
        return new Parameters(Normal(inputs, hidden, Math.Sqrt(2.0 / inputs)), Tensor.Zeros(hidden),
            Normal(hidden, classes, Math.Sqrt(2.0 / hidden)), Tensor.Zeros(classes));
    }
}

/// <summary>
/// The network's loss, written as in numpy or PyTorch; Diff generates <c>LossGradient</c> (reverse mode: the loss and
/// its gradient with respect to every weight in one sweep) and <c>LossTangent</c> (forward mode) from it.
/// </summary>
public static partial class Network
{
    /// <summary>The weight of the L2 penalty ½·λ·(‖W1‖² + ‖W2‖²).</summary>
    public const double Regularization = 1e-3;

    /// <summary>The slope of the leaky ReLU for negative inputs.</summary>
    public const double Leak = 0.01;

    /// <summary>
    /// Mean softmax cross-entropy of the network's logits against one-hot targets, plus the L2 penalty.
    /// </summary>
    /// <param name="w1">First layer, shape (inputs, hidden).</param>
    /// <param name="b1">First bias, shape (hidden).</param>
    /// <param name="w2">Second layer, shape (hidden, classes).</param>
    /// <param name="b2">Second bias, shape (classes).</param>
    /// <param name="x">The points, shape (n, inputs).</param>
    /// <param name="targets">One-hot targets, shape (n, classes).</param>
    /// <returns>The loss.</returns>
    [Differentiable]
    public static double Loss(Tensor w1, Tensor b1, Tensor w2, Tensor b2, [NoDerivative] Tensor x, [NoDerivative] Tensor targets)
    {
        Tensor z = Ops.MatMul(x, w1) + b1;                              // (n, hidden) + (hidden): the bias broadcasts over rows
        Tensor hidden = Ops.Where(Ops.Greater(z, 0), z, Leak * z);      // leaky ReLU, numpy's where(z > 0, z, 0.01 * z)
        Tensor logits = Ops.MatMul(hidden, w2) + b2;                    // (n, classes)
        Tensor logProbabilities = logits - Ops.LogSumExp(logits, -1, keepDims: true);
        double crossEntropy = -Ops.Mean(Ops.Sum(targets * logProbabilities, -1));
        return crossEntropy + 0.5 * Regularization * (Ops.Sum(w1 * w1) + Ops.Sum(w2 * w2));
    }

    /// <summary>The class probabilities of each point: the softmax of the logits along the last axis.</summary>
    /// <param name="p">The network.</param>
    /// <param name="x">The points, shape (n, inputs).</param>
    /// <returns>Shape (n, classes); each row sums to 1.</returns>
    public static Tensor Probabilities(Parameters p, Tensor x)
    {
        Tensor z = Ops.MatMul(x, p.W1) + p.B1;
        Tensor hidden = Ops.Where(Ops.Greater(z, 0), z, Leak * z);
        return Ops.Softmax(Ops.MatMul(hidden, p.W2) + p.B2, -1);
    }

    /// <summary>The share of points whose most probable class is their target's.</summary>
    /// <param name="p">The network.</param>
    /// <param name="data">Points and one-hot targets.</param>
    /// <returns>A number in [0, 1].</returns>
    public static double Accuracy(Parameters p, DataSet data)
    {
        Tensor probabilities = Probabilities(p, data.X);
        // 1 at each row's largest probability (argmax as a mask), kept where the target is
        Tensor best = Ops.Equal(probabilities, Ops.Max(probabilities, -1, keepDims: true));
        return Ops.Sum(best * data.Targets) / data.Count;
    }

    /// <summary>The loss of <paramref name="p"/> on <paramref name="data"/>.</summary>
    /// <param name="p">The network.</param>
    /// <param name="data">Points and one-hot targets.</param>
    /// <returns>The loss.</returns>
    public static double Loss(Parameters p, DataSet data) => Loss(p.W1, p.B1, p.W2, p.B2, data.X, data.Targets);
}
