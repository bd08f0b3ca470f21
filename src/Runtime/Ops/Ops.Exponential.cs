using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>Tensor operations; this part: the matrix exponential and its Fréchet derivatives.</summary>
public static partial class Ops
{
    /// <summary>
    /// The matrix exponential e^A of a real square matrix, by the scaling and squaring algorithm of
    /// Al-Mohy &amp; Higham, "A new scaling and squaring algorithm for the matrix exponential",
    /// SIAM J. Matrix Anal. Appl. 31(3), 2009, Algorithm 6.1 (with their treatment of triangular matrices).
    /// A 0×0 matrix gives a 0×0 result.
    /// </summary>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <returns>e^A, n×n.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="a"/> is not a square matrix (the message names its shape), or has a NaN or infinite entry.
    /// </exception>
    /// <exception cref="OverflowException">
    /// e^A overflows double precision so that its entries cannot be formed (entries beyond ±1.8e308 that would come out
    /// as NaN). An entry that is merely too large for a double, with the rest finite, is returned as ∞.
    /// </exception>
    public static Tensor Expm(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        (int n, double[] result) = ExpmValue<double>(a.ShapeRef, a.Data);
        return new Tensor(result, [n, n]);
    }

    /// <summary>
    /// The matrix exponential e^A of a complex square matrix (Al-Mohy &amp; Higham 2009, Algorithm 6.1).
    /// A 0×0 matrix gives a 0×0 result.
    /// </summary>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <returns>e^A, n×n.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="a"/> is not a square matrix (the message names its shape), or has a NaN or infinite entry.
    /// </exception>
    /// <exception cref="OverflowException">e^A overflows double precision (see <see cref="Expm(Tensor)"/>).</exception>
    public static ComplexTensor Expm(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        (int n, Complex[] result) = ExpmValue<Complex>(a.ShapeRef, a.Data);
        return new ComplexTensor(result, [n, n]);
    }

    /// <summary>
    /// The Fréchet derivative L(A, E) = d/dt e^(A + tE) at t = 0, by Al-Mohy &amp; Higham, "Computing the Fréchet
    /// derivative of the matrix exponential, with an application to condition number estimation",
    /// SIAM J. Matrix Anal. Appl. 30(4), 2009, Algorithm 6.4.
    /// </summary>
    /// <remarks>
    /// The derivative is the exact derivative of the computed approximation r_m(2⁻ˢA)^(2ˢ), formed from its Padé
    /// data (powers of A, the LU factors of the denominator, the squarings). The degree m and scaling s are
    /// chosen as in <see cref="Expm(Tensor)"/>, but against min(θ_m, ℓ_m), where ℓ_m (Table 6.1 of the Fréchet
    /// paper) bounds the backward error of the derivative too; the value that comes with the derivative can
    /// therefore differ from <see cref="Expm(Tensor)"/> in the last bits.
    /// </remarks>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <param name="e">The direction, n×n with finite entries.</param>
    /// <returns>L(A, E), n×n.</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    /// <exception cref="OverflowException">e^A or the derivative overflows double precision (see <see cref="Expm(Tensor)"/>).</exception>
    public static Tensor ExpmFrechet(Tensor a, Tensor e)
    {
        int n = ExpmCheckPair(a, e);
        return new Tensor(ExpmDerivative<double>(a.Data, e.Data, n, default), [n, n]);
    }

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor)"/>
    public static ComplexTensor ExpmFrechet(ComplexTensor a, ComplexTensor e)
    {
        int n = ExpmCheckPair(a, e);
        return new ComplexTensor(ExpmDerivative<Complex>(a.Data, e.Data, n, default), [n, n]);
    }

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor)"/>
    public static ComplexTensor ExpmFrechet(Tensor a, ComplexTensor e) => ExpmWithFrechet(a, e).Derivative;

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor)"/>
    public static ComplexTensor ExpmFrechet(ComplexTensor a, Tensor e) => ExpmWithFrechet(a, e).Derivative;

    /// <summary>
    /// e^A and its Fréchet derivative L(A, E) in one pass that shares the Padé data (Al-Mohy &amp; Higham 2009,
    /// Fréchet paper, Algorithm 6.4): what the forward-mode rule of <see cref="Expm(Tensor)"/> needs.
    /// </summary>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <param name="e">The direction, n×n with finite entries.</param>
    /// <returns>The value e^A and the derivative L(A, E).</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    public static (Tensor Value, Tensor Derivative) ExpmWithFrechet(Tensor a, Tensor e)
    {
        int n = ExpmCheckPair(a, e);
        var value = new double[n * n];
        return (new Tensor(value, [n, n]), new Tensor(ExpmDerivative<double>(a.Data, e.Data, n, value), [n, n]));
    }

    /// <inheritdoc cref="ExpmWithFrechet(Tensor, Tensor)"/>
    public static (ComplexTensor Value, ComplexTensor Derivative) ExpmWithFrechet(ComplexTensor a, ComplexTensor e)
    {
        int n = ExpmCheckPair(a, e);
        var value = new Complex[n * n];
        return (new ComplexTensor(value, [n, n]), new ComplexTensor(ExpmDerivative<Complex>(a.Data, e.Data, n, value), [n, n]));
    }

    /// <summary>
    /// e^A and L(A, E) for a real A and a complex direction E. L is complex-linear in E, so
    /// L(A, E) = L(A, Re E) + i·L(A, Im E), both from the real Padé data of A.
    /// </summary>
    /// <param name="a">An n×n real matrix with finite entries.</param>
    /// <param name="e">The complex direction, n×n with finite entries.</param>
    /// <returns>The value e^A (as a complex tensor) and the derivative L(A, E).</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) ExpmWithFrechet(Tensor a, ComplexTensor e)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(e);
        int n = ExpmCheckMatrix(nameof(ExpmWithFrechet), "A", a.ShapeRef, a.Span);
        ExpmCheckDirection(nameof(ExpmWithFrechet), a.ShapeRef, e.ShapeRef, e.Span, 0);
        int b = n * n;
        var parts = new double[2 * b];
        for (int i = 0; i < b; i++)
        {
            parts[i] = e.Data[i].Real;
            parts[b + i] = e.Data[i].Imaginary;
        }
        var value = new double[b];
        var derivatives = new double[2 * b];
        ExpmDriver.WithFrechet<double>(a.Span, n, parts, 2, value, derivatives);
        var complexValue = new Complex[b];
        var derivative = new Complex[b];
        for (int i = 0; i < b; i++)
        {
            complexValue[i] = value[i];
            derivative[i] = new Complex(derivatives[i], derivatives[b + i]);
        }
        return (new ComplexTensor(complexValue, [n, n]), new ComplexTensor(derivative, [n, n]));
    }

    /// <summary>e^A and L(A, E) for a complex A and a real direction E (taken as complex).</summary>
    /// <param name="a">An n×n complex matrix with finite entries.</param>
    /// <param name="e">The real direction, n×n with finite entries.</param>
    /// <returns>The value e^A and the derivative L(A, E).</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    public static (ComplexTensor Value, ComplexTensor Derivative) ExpmWithFrechet(ComplexTensor a, Tensor e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = new Complex[e.Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = e.Data[i];
        return ExpmWithFrechet(a, new ComplexTensor(data, (int[])e.ShapeRef.Clone()));
    }

    /// <summary>
    /// The Fréchet derivatives L(A, E_k) in several directions, sharing the powers of A, the LU factors of the
    /// Padé denominator and the squarings (e.g. the two columns of the Jacobian of e^(x₁H₁ + x₂H₂)).
    /// </summary>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <param name="directions">The directions E_k, each n×n with finite entries.</param>
    /// <returns>L(A, E_k), one for each direction, in order.</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    public static Tensor[] ExpmFrechet(Tensor a, params Tensor[] directions) => ExpmWithFrechet(a, directions).Derivatives;

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor[])"/>
    public static Tensor[] ExpmFrechet(Tensor a, IReadOnlyList<Tensor> directions) => ExpmWithFrechet(a, directions).Derivatives;

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor[])"/>
    public static ComplexTensor[] ExpmFrechet(ComplexTensor a, params ComplexTensor[] directions) => ExpmWithFrechet(a, directions).Derivatives;

    /// <inheritdoc cref="ExpmFrechet(Tensor, Tensor[])"/>
    public static ComplexTensor[] ExpmFrechet(ComplexTensor a, IReadOnlyList<ComplexTensor> directions) => ExpmWithFrechet(a, directions).Derivatives;

    /// <summary>e^A and the Fréchet derivatives L(A, E_k) in several directions, in one pass that shares the Padé data.</summary>
    /// <param name="a">An n×n matrix with finite entries.</param>
    /// <param name="directions">The directions E_k, each n×n with finite entries.</param>
    /// <returns>The value e^A and L(A, E_k) for each direction, in order.</returns>
    /// <exception cref="ArgumentException">A bad shape (named in the message) or a non-finite entry.</exception>
    public static (Tensor Value, Tensor[] Derivatives) ExpmWithFrechet(Tensor a, params Tensor[] directions) =>
        ExpmWithFrechet(a, (IReadOnlyList<Tensor>)directions);

    /// <inheritdoc cref="ExpmWithFrechet(Tensor, Tensor[])"/>
    public static (Tensor Value, Tensor[] Derivatives) ExpmWithFrechet(Tensor a, IReadOnlyList<Tensor> directions)
    {
        ArgumentNullException.ThrowIfNull(a);
        return ExpmWithFrechetMany(a.ShapeRef, a.Data, directions, static d => d.ShapeRef, static d => d.Data, static (x, s) => new Tensor(x, s));
    }

    /// <inheritdoc cref="ExpmWithFrechet(Tensor, Tensor[])"/>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) ExpmWithFrechet(ComplexTensor a, params ComplexTensor[] directions) =>
        ExpmWithFrechet(a, (IReadOnlyList<ComplexTensor>)directions);

    /// <inheritdoc cref="ExpmWithFrechet(Tensor, Tensor[])"/>
    public static (ComplexTensor Value, ComplexTensor[] Derivatives) ExpmWithFrechet(ComplexTensor a, IReadOnlyList<ComplexTensor> directions)
    {
        ArgumentNullException.ThrowIfNull(a);
        return ExpmWithFrechetMany(a.ShapeRef, a.Data, directions, static d => d.ShapeRef, static d => d.Data, static (x, s) => new ComplexTensor(x, s));
    }

    /// <summary>
    /// The forward part of the reverse-mode rule of <see cref="Expm(Tensor)"/>: e^A and the residual that
    /// <see cref="ExpmResidual{T}.FrechetAdjoint(ReadOnlySpan{T}, Span{T})"/> turns a cotangent G into L(Aᴴ, G) with.
    /// With <c>pooled</c> (the split reverse rule) the Padé data are rented and given back by the first backward part.
    /// </summary>
    internal static (Tensor Value, ExpmResidual<double> Residual) ExpmForward(Tensor a, bool pooled = false)
    {
        int n = ExpmCheckMatrix(nameof(Expm), "A", a.ShapeRef, a.Span);
        var value = new double[n * n];
        ExpmResidual<double> residual = ExpmResidual<double>.Forward(a.Data, n, value, pooled);
        return (new Tensor(value, [n, n]), residual);
    }

    /// <inheritdoc cref="ExpmForward(Tensor, bool)"/>
    internal static (ComplexTensor Value, ExpmResidual<Complex> Residual) ExpmForward(ComplexTensor a, bool pooled = false)
    {
        int n = ExpmCheckMatrix(nameof(Expm), "A", a.ShapeRef, a.Span);
        var value = new Complex[n * n];
        ExpmResidual<Complex> residual = ExpmResidual<Complex>.Forward(a.Data, n, value, pooled);
        return (new ComplexTensor(value, [n, n]), residual);
    }

    /// <summary>L(Aᴴ, G) from the residual of <see cref="ExpmForward(Tensor, bool)"/>: the adjoint of A for the cotangent G.</summary>
    internal static Tensor ExpmFrechetAdjoint(ExpmResidual<double> residual, Tensor g)
    {
        int n = residual.Order;
        ExpmCheckDirection(nameof(ExpmFrechetAdjoint), [n, n], g.ShapeRef, g.Span, 0);
        var result = new double[n * n];
        residual.FrechetAdjointOnce(g.Span, result);
        return new Tensor(result, [n, n]);
    }

    /// <inheritdoc cref="ExpmFrechetAdjoint(ExpmResidual{double}, Tensor)"/>
    internal static ComplexTensor ExpmFrechetAdjoint(ExpmResidual<Complex> residual, ComplexTensor g)
    {
        int n = residual.Order;
        ExpmCheckDirection(nameof(ExpmFrechetAdjoint), [n, n], g.ShapeRef, g.Span, 0);
        var result = new Complex[n * n];
        residual.FrechetAdjointOnce(g.Span, result);
        return new ComplexTensor(result, [n, n]);
    }

    /// <summary>Checks A and returns its order and e^A in a new array.</summary>
    private static (int N, T[] Value) ExpmValue<T>(int[] shape, T[] a) where T : unmanaged, INumberBase<T>
    {
        int n = ExpmCheckMatrix(nameof(Expm), "A", shape, (ReadOnlySpan<T>)a);
        // Every entry is written (from 2 KB on the runtime then skips clearing the array).
        T[] result = GC.AllocateUninitializedArray<T>(n * n);
        ExpmDriver.Value<T>(a, n, result);
        return (n, result);
    }

    /// <summary>L(A, E) in one new array; e^A goes to <paramref name="value"/>, or to scratch where it is empty.</summary>
    private static T[] ExpmDerivative<T>(T[] a, T[] e, int n, Span<T> value) where T : unmanaged, INumberBase<T>
    {
        T[] derivative = GC.AllocateUninitializedArray<T>(n * n); // every entry is written
        ExpmDriver.WithFrechet<T>(a, n, e, 1, value, derivative);
        return derivative;
    }

    /// <summary>The multi-direction entry points for either element type: checks, one pass, and wraps the results.</summary>
    private static (TTensor Value, TTensor[] Derivatives) ExpmWithFrechetMany<T, TTensor>(int[] shape, T[] a,
        IReadOnlyList<TTensor> directions, Func<TTensor, int[]> shapeOf, Func<TTensor, T[]> dataOf, Func<T[], int[], TTensor> make)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(directions);
        int n = ExpmCheckMatrix(nameof(ExpmWithFrechet), "A", shape, (ReadOnlySpan<T>)a);
        int b = n * n, count = directions.Count;
        var stacked = new T[count * b];
        for (int k = 0; k < count; k++)
        {
            TTensor d = directions[k] ?? throw new ArgumentNullException(nameof(directions), $"Direction {k} is null.");
            ExpmCheckDirection(nameof(ExpmFrechet), shape, shapeOf(d), (ReadOnlySpan<T>)dataOf(d), k);
            dataOf(d).CopyTo(stacked, k * b);
        }
        var value = new T[b];
        var all = new T[count * b];
        ExpmDriver.WithFrechet<T>(a, n, stacked, count, value, all);
        var derivatives = new TTensor[count];
        for (int k = 0; k < count; k++)
            derivatives[k] = make(all.AsSpan(k * b, b).ToArray(), [n, n]);
        return (make(value, [n, n]), derivatives);
    }

    /// <summary>Checks A and one direction E; returns the order.</summary>
    private static int ExpmCheckPair(Tensor a, Tensor e)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(e);
        int n = ExpmCheckMatrix(nameof(ExpmFrechet), "A", a.ShapeRef, a.Span);
        ExpmCheckDirection(nameof(ExpmFrechet), a.ShapeRef, e.ShapeRef, e.Span, 0);
        return n;
    }

    /// <inheritdoc cref="ExpmCheckPair(Tensor, Tensor)"/>
    private static int ExpmCheckPair(ComplexTensor a, ComplexTensor e)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(e);
        int n = ExpmCheckMatrix(nameof(ExpmFrechet), "A", a.ShapeRef, a.Span);
        ExpmCheckDirection(nameof(ExpmFrechet), a.ShapeRef, e.ShapeRef, e.Span, 0);
        return n;
    }

    /// <summary>Checks that A is a square matrix with finite entries and returns its order.</summary>
    private static int ExpmCheckMatrix<T>(string operation, string name, int[] shape, ReadOnlySpan<T> data)
        where T : unmanaged, INumberBase<T>
    {
        if (shape.Length != 2)
            throw new ArgumentException($"{operation} needs a square matrix (rank 2), but {name} has rank {shape.Length} and shape {ExpmShapeText(shape)}.", name.ToLowerInvariant());
        if (shape[0] != shape[1])
            throw new ArgumentException($"{operation} needs a square matrix, but {name} has shape {ExpmShapeText(shape)}.", name.ToLowerInvariant());
        if (!NormScalar.AllFinite(data))
            throw new ArgumentException($"{operation}: {name} contains NaN or infinity ({ExpmFirstNonFinite(data, shape[1])}).", name.ToLowerInvariant());
        return shape[0];
    }

    private static void ExpmCheckDirection<T>(string operation, int[] shape, int[] directionShape, ReadOnlySpan<T> data, int index)
        where T : unmanaged, INumberBase<T>
    {
        if (directionShape.Length != 2 || directionShape[0] != shape[0] || directionShape[1] != shape[1])
            throw new ArgumentException($"{operation}: direction {index} has shape {ExpmShapeText(directionShape)}, but A has shape {ExpmShapeText(shape)}; they must be equal.", "e");
        if (!NormScalar.AllFinite(data))
            throw new ArgumentException($"{operation}: direction {index} contains NaN or infinity ({ExpmFirstNonFinite(data, shape[1])}).", "e");
    }

    private static string ExpmFirstNonFinite<T>(ReadOnlySpan<T> data, int columns) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (!NormScalar.AllFinite(data.Slice(i, 1)))
                return $"first at [{i / columns}, {i % columns}]: {data[i]}";
        }
        return "none found";
    }

    private static string ExpmShapeText(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
