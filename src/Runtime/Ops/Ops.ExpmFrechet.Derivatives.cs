using System;
using System.Numerics;

namespace Diff;

// Registered derivatives of ExpmFrechet, L(A, E), through the block identity
//   expm([[A, E], [0, A]]) = [[e^A, L(A, E)], [0, e^A]]
// (Higham, "Functions of Matrices", SIAM 2008, Theorem 3.6; Al-Mohy & Higham 2009, eq. (2.3)): L(A, E) is the upper
// right block of the exponential of B = [[A, E], [0, A]], so its tangent is the upper right block of L(B, dB) with
// dB = [[dA, dE], [0, dA]], and its adjoint is B̄ = L(Bᴴ, [[0, G], [0, 0]]) read back blockwise: Ā = B̄₁₁ + B̄₂₂,
// Ē = B̄₁₂. The mixed real/complex overloads go through the complex form.
public static partial class Ops
{
    /// <summary>Forward mode of <see cref="ExpmFrechet(Tensor, Tensor)"/>: L(A, E) and its derivative in the direction (dA, dE).</summary>
    /// <param name="a">The matrix A.</param>
    /// <param name="e">The direction E.</param>
    /// <param name="da">The tangent of A.</param>
    /// <param name="de">The tangent of E.</param>
    /// <returns>L(A, E) and the upper right block of L(B, dB).</returns>
    [TangentOf(nameof(ExpmFrechet))]
    public static (Tensor Value, Tensor Tangent) ExpmFrechetTangent(Tensor a, Tensor e, Tensor da, Tensor de)
    {
        int n = FrechetSize(a, e);
        var (value, tangent) = ExpmWithFrechet(Block(a, e), Block(da, de));
        return (UpperRight(value, n), UpperRight(tangent, n));
    }

    /// <summary>Reverse mode of <see cref="ExpmFrechet(Tensor, Tensor)"/>: L(A, E) and the adjoints of A and E for the seed.</summary>
    /// <param name="a">The matrix A.</param>
    /// <param name="e">The direction E.</param>
    /// <param name="seed">The adjoint of L(A, E).</param>
    /// <returns>L(A, E), Ā and Ē.</returns>
    [AdjointOf(nameof(ExpmFrechet))]
    public static (Tensor Value, Tensor a, Tensor e) ExpmFrechetAdjoint(Tensor a, Tensor e, Tensor seed)
    {
        int n = FrechetSize(a, e);
        var (value, bar) = ExpmAdjoint(Block(a, e), Block(Tensor.Zeros(n, n), seed, zeroLower: true));
        return (UpperRight(value, n), DiagonalBlocks(bar, n), UpperRight(bar, n));
    }

    /// <inheritdoc cref="ExpmFrechetTangent(Tensor, Tensor, Tensor, Tensor)"/>
    [TangentOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpmFrechetTangent(ComplexTensor a, ComplexTensor e, ComplexTensor da, ComplexTensor de)
    {
        int n = FrechetSize(a, e);
        var (value, tangent) = ExpmWithFrechet(Block(a, e), Block(da, de));
        return (UpperRight(value, n), UpperRight(tangent, n));
    }

    /// <inheritdoc cref="ExpmFrechetAdjoint(Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, ComplexTensor a, ComplexTensor e) ExpmFrechetAdjoint(ComplexTensor a, ComplexTensor e, ComplexTensor seed)
    {
        int n = FrechetSize(a, e);
        var (value, bar) = ExpmAdjoint(Block(a, e), Block(ComplexTensor.Zeros(n, n), seed, zeroLower: true));
        return (UpperRight(value, n), DiagonalBlocks(bar, n), UpperRight(bar, n));
    }

    /// <inheritdoc cref="ExpmFrechetTangent(Tensor, Tensor, Tensor, Tensor)"/>
    [TangentOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpmFrechetTangent(Tensor a, ComplexTensor e, Tensor da, ComplexTensor de) =>
        ExpmFrechetTangent((ComplexTensor)a, e, da, de);

    /// <inheritdoc cref="ExpmFrechetAdjoint(Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, Tensor a, ComplexTensor e) ExpmFrechetAdjoint(Tensor a, ComplexTensor e, ComplexTensor seed)
    {
        var (value, abar, ebar) = ExpmFrechetAdjoint((ComplexTensor)a, e, seed);
        return (value, abar.Real(), ebar);
    }

    /// <inheritdoc cref="ExpmFrechetTangent(Tensor, Tensor, Tensor, Tensor)"/>
    [TangentOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, ComplexTensor Tangent) ExpmFrechetTangent(ComplexTensor a, Tensor e, ComplexTensor da, Tensor de) =>
        ExpmFrechetTangent(a, (ComplexTensor)e, da, de);

    /// <inheritdoc cref="ExpmFrechetAdjoint(Tensor, Tensor, Tensor)"/>
    [AdjointOf(nameof(ExpmFrechet))]
    public static (ComplexTensor Value, ComplexTensor a, Tensor e) ExpmFrechetAdjoint(ComplexTensor a, Tensor e, ComplexTensor seed)
    {
        var (value, abar, ebar) = ExpmFrechetAdjoint(a, (ComplexTensor)e, seed);
        return (value, abar, ebar.Real());
    }

    private static int FrechetSize(Tensor a, Tensor e)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(e);
        a.RequireRank(2, "ExpmFrechet");
        Shapes.RequireSame(a.ShapeRef, e.ShapeRef, "ExpmFrechet");
        return a.ShapeRef[0];
    }

    private static int FrechetSize(ComplexTensor a, ComplexTensor e)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(e);
        Shapes.RequireSame(a.ShapeRef, e.ShapeRef, "ExpmFrechet");
        if (a.ShapeRef.Length != 2)
            throw new ArgumentException($"ExpmFrechet needs square matrices; got shape {Shapes.Format(a.ShapeRef)}.", nameof(a));
        return a.ShapeRef[0];
    }

    /// <summary>[[A, E], [0, A]], or [[A, E], [0, 0]] with <paramref name="zeroLower"/>.</summary>
    private static Tensor Block(Tensor a, Tensor e, bool zeroLower = false)
    {
        int n = a.ShapeRef[0], m = 2 * n;
        var data = new double[m * m];
        var x = a.Data;
        var y = e.Data;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                data[i * m + j] = x[i * n + j];
                data[i * m + n + j] = y[i * n + j];
                if (!zeroLower)
                    data[(n + i) * m + n + j] = x[i * n + j];
            }
        }

        return new Tensor(data, [m, m]);
    }

    private static ComplexTensor Block(ComplexTensor a, ComplexTensor e, bool zeroLower = false)
    {
        int n = a.ShapeRef[0], m = 2 * n;
        var data = new Complex[m * m];
        var x = a.Data;
        var y = e.Data;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                data[i * m + j] = x[i * n + j];
                data[i * m + n + j] = y[i * n + j];
                if (!zeroLower)
                    data[(n + i) * m + n + j] = x[i * n + j];
            }
        }

        return new ComplexTensor(data, [m, m]);
    }

    private static Tensor UpperRight(Tensor b, int n)
    {
        var data = new double[n * n];
        var x = b.Data;
        for (int i = 0; i < n; i++)
            Array.Copy(x, i * 2 * n + n, data, i * n, n);
        return new Tensor(data, [n, n]);
    }

    private static ComplexTensor UpperRight(ComplexTensor b, int n)
    {
        var data = new Complex[n * n];
        var x = b.Data;
        for (int i = 0; i < n; i++)
            Array.Copy(x, i * 2 * n + n, data, i * n, n);
        return new ComplexTensor(data, [n, n]);
    }

    /// <summary>B₁₁ + B₂₂.</summary>
    private static Tensor DiagonalBlocks(Tensor b, int n)
    {
        var data = new double[n * n];
        var x = b.Data;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                data[i * n + j] = x[i * 2 * n + j] + x[(n + i) * 2 * n + n + j];
        return new Tensor(data, [n, n]);
    }

    private static ComplexTensor DiagonalBlocks(ComplexTensor b, int n)
    {
        var data = new Complex[n * n];
        var x = b.Data;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                data[i * n + j] = x[i * 2 * n + j] + x[(n + i) * 2 * n + n + j];
        return new ComplexTensor(data, [n, n]);
    }
}
