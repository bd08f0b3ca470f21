using System;
using System.Text;

namespace Diff;

/// <summary>Shape checks and shape text shared by <see cref="Tensor"/>, <see cref="ComplexTensor"/> and <see cref="Ops"/>.</summary>
internal static class Shapes
{
    /// <summary>
    /// Checks a user-supplied shape and returns a private copy and its element count. Zero-length axes
    /// are allowed (as in numpy: the tensor is empty); negative ones never are.
    /// </summary>
    public static int[] Checked(int[]? shape, out int length, string paramName = "shape")
    {
        if (shape is null)
            throw new ArgumentNullException(paramName);
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
                throw new ArgumentException($"Axis {i} of shape {Format(shape)} is negative.", paramName);
            count *= shape[i];
            if (count > Array.MaxLength)
                throw new ArgumentException($"Shape {Format(shape)} has more elements than an array can hold.", paramName);
        }
        length = (int)count;
        return (int[])shape.Clone();
    }

    /// <summary>
    /// The product of the extents. A part of a valid shape can still overflow when another axis is 0
    /// (a (0, 100000, 100000) tensor is empty); that is an <see cref="ArgumentException"/>, never a wrapped count.
    /// </summary>
    public static int Product(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int d in shape)
        {
            n *= d;
            if (n > Array.MaxLength)
                throw new ArgumentException($"The axes {Format(shape)} span more elements than an array can hold.");
        }
        return (int)n;
    }

    /// <summary>True when both shapes have the same rank and extents.</summary>
    public static bool Equal(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>A shape as numpy writes it: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 1)
            return $"({shape[0]},)";
        var sb = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
                sb.Append(", ");
            sb.Append(shape[i]);
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same shape.</summary>
    public static void RequireSame(int[] a, int[] b, string operation)
    {
        if (!Equal(a, b))
            throw new ArgumentException($"{operation}: shapes {Format(a)} and {Format(b)} differ, and they must be equal here.");
    }

    /// <summary>The row-major offset of a rank-1 index, or an <see cref="IndexOutOfRangeException"/>/<see cref="ArgumentException"/>.</summary>
    public static int Offset(int[] shape, int i)
    {
        if (shape.Length != 1)
            throw new ArgumentException($"A tensor of rank {shape.Length}, shape {Format(shape)}, cannot be read with 1 index.");
        if ((uint)i >= (uint)shape[0])
            throw new IndexOutOfRangeException($"Index [{i}] is out of range for shape {Format(shape)}.");
        return i;
    }

    /// <summary>The row-major offset of a rank-2 index.</summary>
    public static int Offset(int[] shape, int i, int j)
    {
        if (shape.Length != 2)
            throw new ArgumentException($"A tensor of rank {shape.Length}, shape {Format(shape)}, cannot be read with 2 indices.");
        if ((uint)i >= (uint)shape[0] || (uint)j >= (uint)shape[1])
            throw new IndexOutOfRangeException($"Index [{i}, {j}] is out of range for shape {Format(shape)}.");
        return i * shape[1] + j;
    }

    /// <summary>The row-major offset of a rank-3 index.</summary>
    public static int Offset(int[] shape, int i, int j, int k)
    {
        if (shape.Length != 3)
            throw new ArgumentException($"A tensor of rank {shape.Length}, shape {Format(shape)}, cannot be read with 3 indices.");
        if ((uint)i >= (uint)shape[0] || (uint)j >= (uint)shape[1] || (uint)k >= (uint)shape[2])
            throw new IndexOutOfRangeException($"Index [{i}, {j}, {k}] is out of range for shape {Format(shape)}.");
        return (i * shape[1] + j) * shape[2] + k;
    }

    /// <summary>
    /// Resolves a requested shape with at most one <c>-1</c> (inferred, as numpy's <c>reshape</c>) for
    /// <paramref name="length"/> elements held in <paramref name="from"/>.
    /// </summary>
    public static int[] Reshaped(int[]? requested, int length, int[] from)
    {
        if (requested is null)
            throw new ArgumentNullException("shape");
        var shape = (int[])requested.Clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (inferred >= 0)
                    throw new ArgumentException($"Reshape {Format(from)} to {Format(requested)}: only one axis may be -1.", "shape");
                inferred = i;
            }
            else if (shape[i] < 0)
            {
                throw new ArgumentException($"Reshape {Format(from)} to {Format(requested)}: axis {i} is negative.", "shape");
            }
            else
            {
                known *= shape[i];
            }
        }
        if (inferred >= 0)
        {
            if (known == 0 || length % known != 0)
                throw new ArgumentException($"Cannot reshape {Format(from)} ({length} elements) to {Format(requested)}: the -1 axis cannot be inferred.", "shape");
            shape[inferred] = (int)(length / known);
        }
        else if (known != length)
        {
            throw new ArgumentException($"Cannot reshape {Format(from)} ({length} elements) to {Format(requested)} ({known} elements).", "shape");
        }
        return shape;
    }
}
