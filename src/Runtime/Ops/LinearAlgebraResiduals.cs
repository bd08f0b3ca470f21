using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>
/// What the forward part of the split reverse rule of <see cref="Ops.Solve(Tensor, Tensor)"/>,
/// <see cref="Ops.Det(Tensor)"/>, <see cref="Ops.LogDet(Tensor)"/> or <see cref="Ops.SlogDet(Tensor)"/> (or a complex
/// overload) keeps for the backward part: the LU factors of A (so the backward part solves with Aᴴ without factoring
/// again), A itself and the value. Opaque; pass it to the matching backward part.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class LuAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal LuAdjointResidual(LuFactors<T> factors, T[] a, int[] aShape, T[]? solution, int[]? solutionShape)
    {
        Factors = factors;
        A = a;
        AShape = aShape;
        Solution = solution;
        SolutionShape = solutionShape;
    }

    internal LuFactors<T> Factors { get; }

    internal T[] A { get; }

    internal int[] AShape { get; }

    /// <summary>X = A⁻¹·B for Solve; null for the determinants.</summary>
    internal T[]? Solution { get; }

    internal int[]? SolutionShape { get; }
}

/// <summary>
/// What the forward part of the split reverse rule of <see cref="Ops.Inverse(Tensor)"/> (or its complex overload)
/// keeps: the inverse X itself, since Ā = −Xᴴ·X̄·Xᴴ needs nothing else. Opaque.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class InverseAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal InverseAdjointResidual(T[] inverse, int[] shape)
    {
        Inverse = inverse;
        Shape = shape;
    }

    internal T[] Inverse { get; }

    internal int[] Shape { get; }
}

/// <summary>
/// What the forward part of the split reverse rule of <see cref="Ops.Cholesky(Tensor)"/> (or its complex overload)
/// keeps: the factor L and its inverse L⁻¹, which both of Murray's (2016) formulas use. Opaque.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class CholeskyAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal CholeskyAdjointResidual(T[] factor, T[] inverse, int n)
    {
        Factor = factor;
        InverseFactor = inverse;
        Order = n;
    }

    internal T[] Factor { get; }

    internal T[] InverseFactor { get; }

    internal int Order { get; }
}

/// <summary>
/// What the forward part of the split reverse rule of <see cref="Ops.Eigh(Tensor)"/> (or its complex overload) keeps:
/// the eigenvalues and eigenvectors, which are all the backward part needs. Opaque.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class EighAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal EighAdjointResidual(double[] values, T[] vectors, int n)
    {
        Values = values;
        Vectors = vectors;
        Order = n;
    }

    internal double[] Values { get; }

    internal T[] Vectors { get; }

    internal int Order { get; }
}

/// <summary>
/// What the forward part of the split reverse rule of <see cref="Ops.Svd(Tensor)"/> (or its complex overload) keeps:
/// the reduced factors U, S, Vh, which are all the backward part needs. Opaque.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class SvdAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal SvdAdjointResidual(T[] u, double[] s, T[] vh, int m, int n)
    {
        U = u;
        S = s;
        Vh = vh;
        Rows = m;
        Columns = n;
    }

    internal T[] U { get; }

    internal double[] S { get; }

    internal T[] Vh { get; }

    internal int Rows { get; }

    internal int Columns { get; }
}
