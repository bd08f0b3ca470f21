using System;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>The argument checks of the linear-algebra kernels, with messages that name the operation, the shapes and the reason.</summary>
internal static class LinearAlgebraChecks
{
    /// <summary>Checks that <paramref name="shape"/> is a square matrix with finite entries; returns its order.</summary>
    public static int Square<T>(string operation, string name, int[] shape, ReadOnlySpan<T> data) where T : unmanaged, INumberBase<T>
    {
        if (shape.Length != 2)
            throw new ArgumentException($"{operation} needs a square matrix (rank 2), but {name} has rank {shape.Length} and shape {Shapes.Format(shape)}.", name);
        if (shape[0] != shape[1])
            throw new ArgumentException($"{operation} needs a square matrix, but {name} has shape {Shapes.Format(shape)}.", name);
        Finite(operation, name, data);
        return shape[0];
    }

    /// <summary>Checks that <paramref name="shape"/> is a matrix (rank 2) with finite entries.</summary>
    public static (int Rows, int Columns) Matrix<T>(string operation, string name, int[] shape, ReadOnlySpan<T> data) where T : unmanaged, INumberBase<T>
    {
        if (shape.Length != 2)
            throw new ArgumentException($"{operation} needs a matrix (rank 2), but {name} has rank {shape.Length} and shape {Shapes.Format(shape)}.", name);
        Finite(operation, name, data);
        return (shape[0], shape[1]);
    }

    /// <summary>Checks a right-hand side of <c>Solve</c>: a vector of length n or an n×k matrix; returns k (1 for a vector).</summary>
    public static int RightHandSide<T>(int[] aShape, int[] bShape, ReadOnlySpan<T> data) where T : unmanaged, INumberBase<T>
    {
        int n = aShape[0];
        if ((bShape.Length != 1 && bShape.Length != 2) || bShape[0] != n)
            throw new ArgumentException($"Solve needs b to be a vector of length {n} or a matrix with {n} rows (a has shape {Shapes.Format(aShape)}), but b has shape {Shapes.Format(bShape)}.", "b");
        Finite("Solve", "b", data);
        return bShape.Length == 1 ? 1 : bShape[1];
    }

    /// <summary>Checks that a tangent or seed has the shape of the value it goes with.</summary>
    public static void SameShape(string operation, string name, int[] expected, int[]? actual)
    {
        if (actual is null)
            throw new ArgumentNullException(name);
        if (!Shapes.Equal(expected, actual))
            throw new ArgumentException($"{operation}: {name} has shape {Shapes.Format(actual)}, but it must have shape {Shapes.Format(expected)}.", name);
    }

    /// <summary>The exception for a singular matrix where an inverse is needed.</summary>
    public static ArgumentException Singular(string operation, string name, int[] shape) =>
        new($"{operation}: {name} (shape {Shapes.Format(shape)}) is singular (an exactly zero pivot in its LU factorisation), so it has no inverse.", name);

    private static void Finite<T>(string operation, string name, ReadOnlySpan<T> data) where T : unmanaged, INumberBase<T>
    {
        if (!NormScalar.AllFinite(data))
            throw new ArgumentException($"{operation}: {name} contains NaN or infinity.", name);
    }
}
