using System;
using Diff.Kernels;

namespace Diff;

// Elementwise comparisons that make a mask of 0s and 1s, broadcasting as numpy does, for Where and for counting:
// Ops.Where(Ops.Greater(x, 0), x, 0.1 * x) reads like numpy's where(x > 0, x, 0.1 * x).
public static partial class Ops
{
    /// <summary>
    /// 1 where a &gt; b, 0 elsewhere (numpy's <c>greater</c> as a float mask), broadcasting: shapes are aligned from the right
    /// and an axis of length 1, or a missing one, stretches. A comparison with NaN is false.
    /// </summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so): a mask computed from differentiated values may be passed to <see cref="Where(Tensor, Tensor, Tensor)"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of 0s and 1s of the broadcast shape.</returns>
    public static Tensor Greater(Tensor a, Tensor b) => Tensor.Binary<Comparisons.Mask<Comparisons.Greater>>(a, b, nameof(Greater));

    /// <summary>1 where a &gt; b, 0 elsewhere, for every element a of the tensor and the number b (numpy's <c>greater(a, b)</c>). A comparison with NaN is false.</summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="b">The number each element is compared with.</param>
    /// <returns>A new tensor of 0s and 1s of <paramref name="a"/>'s shape.</returns>
    public static Tensor Greater(Tensor a, double b) => CompareWith<Comparisons.Greater>(a, b);

    /// <summary>
    /// 1 where a &lt; b, 0 elsewhere (numpy's <c>less</c> as a float mask), broadcasting: shapes are aligned from the right
    /// and an axis of length 1, or a missing one, stretches. A comparison with NaN is false.
    /// </summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so): a mask computed from differentiated values may be passed to <see cref="Where(Tensor, Tensor, Tensor)"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of 0s and 1s of the broadcast shape.</returns>
    public static Tensor Less(Tensor a, Tensor b) => Tensor.Binary<Comparisons.Mask<Comparisons.Less>>(a, b, nameof(Less));

    /// <summary>1 where a &lt; b, 0 elsewhere, for every element a of the tensor and the number b (numpy's <c>less(a, b)</c>). A comparison with NaN is false.</summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="b">The number each element is compared with.</param>
    /// <returns>A new tensor of 0s and 1s of <paramref name="a"/>'s shape.</returns>
    public static Tensor Less(Tensor a, double b) => CompareWith<Comparisons.Less>(a, b);

    /// <summary>
    /// 1 where a ≥ b, 0 elsewhere (numpy's <c>greater_equal</c> as a float mask), broadcasting: shapes are aligned from the right
    /// and an axis of length 1, or a missing one, stretches. A comparison with NaN is false.
    /// </summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so): a mask computed from differentiated values may be passed to <see cref="Where(Tensor, Tensor, Tensor)"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of 0s and 1s of the broadcast shape.</returns>
    public static Tensor GreaterOrEqual(Tensor a, Tensor b) => Tensor.Binary<Comparisons.Mask<Comparisons.GreaterOrEqual>>(a, b, nameof(GreaterOrEqual));

    /// <summary>1 where a ≥ b, 0 elsewhere, for every element a of the tensor and the number b (numpy's <c>greater_equal(a, b)</c>). A comparison with NaN is false.</summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="b">The number each element is compared with.</param>
    /// <returns>A new tensor of 0s and 1s of <paramref name="a"/>'s shape.</returns>
    public static Tensor GreaterOrEqual(Tensor a, double b) => CompareWith<Comparisons.GreaterOrEqual>(a, b);

    /// <summary>
    /// 1 where a ≤ b, 0 elsewhere (numpy's <c>less_equal</c> as a float mask), broadcasting: shapes are aligned from the right
    /// and an axis of length 1, or a missing one, stretches. A comparison with NaN is false.
    /// </summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so): a mask computed from differentiated values may be passed to <see cref="Where(Tensor, Tensor, Tensor)"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of 0s and 1s of the broadcast shape.</returns>
    public static Tensor LessOrEqual(Tensor a, Tensor b) => Tensor.Binary<Comparisons.Mask<Comparisons.LessOrEqual>>(a, b, nameof(LessOrEqual));

    /// <summary>1 where a ≤ b, 0 elsewhere, for every element a of the tensor and the number b (numpy's <c>less_equal(a, b)</c>). A comparison with NaN is false.</summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="b">The number each element is compared with.</param>
    /// <returns>A new tensor of 0s and 1s of <paramref name="a"/>'s shape.</returns>
    public static Tensor LessOrEqual(Tensor a, double b) => CompareWith<Comparisons.LessOrEqual>(a, b);

    /// <summary>
    /// 1 where a = b, 0 elsewhere (numpy's <c>equal</c> as a float mask), broadcasting: shapes are aligned from the right
    /// and an axis of length 1, or a missing one, stretches. A comparison with NaN is false.
    /// </summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so): a mask computed from differentiated values may be passed to <see cref="Where(Tensor, Tensor, Tensor)"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of 0s and 1s of the broadcast shape.</returns>
    public static Tensor Equal(Tensor a, Tensor b) => Tensor.Binary<Comparisons.Mask<Comparisons.Equal>>(a, b, nameof(Equal));

    /// <summary>1 where a = b, 0 elsewhere, for every element a of the tensor and the number b (numpy's <c>equal(a, b)</c>). A comparison with NaN is false.</summary>
    /// <remarks>The mask is piecewise constant, so its derivative is zero (registered so).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <param name="a">The tensor.</param>
    /// <param name="b">The number each element is compared with.</param>
    /// <returns>A new tensor of 0s and 1s of <paramref name="a"/>'s shape.</returns>
    public static Tensor Equal(Tensor a, double b) => CompareWith<Comparisons.Equal>(a, b);

    private static Tensor CompareWith<TC>(Tensor a, double b)
        where TC : IComparison
    {
        Tensor r = Tensor.Like(a);
        Comparisons.Mask<TC>.LeftRun(a.Span, b, r.Data);
        return r;
    }
}
