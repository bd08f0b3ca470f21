using System;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

// Elementwise choices between tensors, broadcasting as numpy does: Maximum, Minimum and Where.
public static partial class Ops
{
    /// <summary>
    /// The larger of a and b elementwise (numpy's <c>maximum</c>), broadcasting: shapes are aligned from the right and
    /// an axis of length 1, or a missing one, stretches. NaN if either is NaN; +0 is larger than −0.
    /// </summary>
    /// <remarks>
    /// Its derivative follows the larger operand; where a = b it is split evenly, half to each (as in JAX and PyTorch),
    /// so the derivative of <c>Maximum(x, x)</c> is that of x.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor Maximum(Tensor a, Tensor b) => Tensor.Binary<BinaryOps.Maximum>(a, b, nameof(Maximum));

    /// <summary>
    /// The smaller of a and b elementwise (numpy's <c>minimum</c>), broadcasting like <see cref="Maximum"/>. NaN if
    /// either is NaN; −0 is smaller than +0.
    /// </summary>
    /// <remarks>Its derivative follows the smaller operand; where a = b it is split evenly, half to each.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand, of a shape that broadcasts with <paramref name="a"/>'s.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    public static Tensor Minimum(Tensor a, Tensor b) => Tensor.Binary<BinaryOps.Minimum>(a, b, nameof(Minimum));

    /// <summary>
    /// a where the mask is nonzero, b elsewhere (numpy's <c>where(mask, a, b)</c>, with a nonzero or NaN element true
    /// as numpy reads a float array), the three broadcast together. Make a mask of 0s and 1s with a comparison:
    /// <c>Ops.Where(Ops.Greater(x, 0), x, 0.1 * x)</c> is numpy's <c>where(x &gt; 0, x, 0.1 * x)</c>.
    /// </summary>
    /// <remarks>The result is piecewise constant in the mask, so the mask's derivative is zero (a mask computed from differentiated values is fine): the derivative of the result is a's where it is true and b's elsewhere.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="mask">Which operand each element comes from: nonzero for <paramref name="a"/>, 0 for <paramref name="b"/>.</param>
    /// <param name="a">The elements where the mask is true.</param>
    /// <param name="b">The elements where the mask is false.</param>
    /// <returns>A new tensor of the broadcast shape of the three.</returns>
    public static Tensor Where(Tensor mask, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int[] shape = Broadcast.Shape(mask.ShapeRef, a.ShapeRef, b.ShapeRef, nameof(Where));
        var r = new Tensor(new double[Shapes.Product(shape)], shape);
        Broadcast.Select(mask.Span, mask.ShapeRef, a.Span, a.ShapeRef, b.Span, b.ShapeRef, r.Data, shape);
        return r;
    }

    /// <summary>a where the mask is nonzero, b elsewhere, the three broadcast together; see <see cref="Where(Tensor, Tensor, Tensor)"/>.</summary>
    /// <remarks>The result is piecewise constant in the mask, so the mask's derivative is zero (a mask computed from differentiated values is fine): the derivative of the result is a's where it is true and b's elsewhere.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    /// <param name="mask">Which operand each element comes from: nonzero for <paramref name="a"/>, 0 for <paramref name="b"/>.</param>
    /// <param name="a">The elements where the mask is true.</param>
    /// <param name="b">The elements where the mask is false.</param>
    /// <returns>A new tensor of the broadcast shape of the three.</returns>
    public static ComplexTensor Where(Tensor mask, ComplexTensor a, ComplexTensor b)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int[] shape = Broadcast.Shape(mask.ShapeRef, a.ShapeRef, b.ShapeRef, nameof(Where));
        var r = new ComplexTensor(new Complex[Shapes.Product(shape)], shape);
        Broadcast.Select(mask.Span, mask.ShapeRef, a.Span, a.ShapeRef, b.Span, b.ShapeRef, r.Data, shape);
        return r;
    }
}
