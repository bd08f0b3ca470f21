using System;
using Diff;

namespace SpiralClassifier;

/// <summary>A labelled data set: inputs as rows, one-hot targets, and the class of each row.</summary>
/// <param name="X">The points, shape (n, 2).</param>
/// <param name="Targets">One-hot rows, shape (n, classes): row i has a 1 in column Labels[i].</param>
/// <param name="Labels">The class of each point.</param>
public sealed record DataSet(Tensor X, Tensor Targets, int[] Labels)
{
    /// <summary>The number of points.</summary>
    public int Count => Labels.Length;

    /// <summary>Rows <paramref name="range"/> of the points and of their targets (a mini-batch, <c>x[a:b]</c> in numpy).</summary>
    /// <param name="range">The rows, e.g. <c>32..64</c>.</param>
    /// <returns>The rows' points and targets.</returns>
    public (Tensor X, Tensor Targets) Rows(Range range) => (X[range], Targets[range]);
}

/// <summary>
/// The classic toy problem of classifiers (CS231n's spiral): <c>classes</c> arms of a spiral in the plane, one per
/// class, with Gaussian noise on the angle, so that no straight line separates them but a small network does.
/// </summary>
public static class Spiral
{
    /// <summary>
    /// <paramref name="pointsPerClass"/> points on each arm, in random order (so any run of rows mixes the classes),
    /// drawn from a <see cref="Random"/> seeded with <paramref name="seed"/>: the same seed gives the same data.
    /// </summary>
    /// <param name="pointsPerClass">Points on each arm.</param>
    /// <param name="classes">Arms (classes), at least 2.</param>
    /// <param name="seed">The seed of the noise and of the order.</param>
    /// <param name="noise">The standard deviation of the angle's noise, in radians.</param>
    /// <returns>The points, their one-hot targets and their labels.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 classes or 1 point per class.</exception>
    public static DataSet Generate(int pointsPerClass, int classes, int seed, double noise = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var random = new Random(seed);
        int n = pointsPerClass * classes;
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        random.Shuffle(order);

        var x = new double[n, 2];
        var targets = new double[n, classes];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int row = order[i], k = i / pointsPerClass;
            // the radius grows from 0 to 1 along the arm, the angle turns by 4 radians plus noise
            double t = pointsPerClass == 1 ? 1 : (double)(i % pointsPerClass) / (pointsPerClass - 1);
            double angle = 4.0 * (k + t) + noise * Gaussian(random);
            x[row, 0] = t * Math.Sin(angle);
            x[row, 1] = t * Math.Cos(angle);
            targets[row, k] = 1;
            labels[row] = k;
        }
        return new DataSet(Tensor.FromArray(x), Tensor.FromArray(targets), labels);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
