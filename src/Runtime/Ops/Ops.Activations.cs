using System;
using System.Numerics.Tensors;
using Diff.Kernels;

namespace Diff;

// The activation functions of neural networks, elementwise on real tensors.
public static partial class Ops
{
    /// <summary>max(x, 0) elementwise, the rectified linear unit (NaN stays NaN).</summary>
    /// <remarks>Its derivative is 1 where x &gt; 0 and 0 elsewhere, x = 0 included (as in PyTorch and JAX).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>.</returns>
    public static Tensor Relu(Tensor a) => Real(a, static (x, d) => TensorPrimitives.Max(x, 0.0, d));

    /// <summary>
    /// The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ) elementwise, computed from e^−|x| so that it never overflows and keeps
    /// its relative accuracy for large |x| (σ(−740) ≈ 4.2e−322, not 0).
    /// </summary>
    /// <remarks>Its derivative is σ(x)(1 − σ(x)).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>, with elements in [0, 1].</returns>
    public static Tensor Sigmoid(Tensor a) => Real(a, static (x, d) => Activations.Sigmoid(x, d));

    /// <summary>
    /// softplus(x) = log(1 + eˣ) elementwise, computed as max(x, 0) + log1p(e^−|x|): no overflow for large x (where it
    /// is x) and full relative accuracy for very negative x (where it is eˣ).
    /// </summary>
    /// <remarks>Its derivative is σ(x), the <see cref="Sigmoid"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>A new tensor of the shape of <paramref name="a"/>, with positive elements.</returns>
    public static Tensor Softplus(Tensor a) => Real(a, static (x, d) => Activations.Softplus(x, d));
}
