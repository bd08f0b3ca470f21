using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Diff.Kernels;

namespace Diff;

public static partial class Ops
{
    // ---- Dot ---------------------------------------------------------------------------------

    /// <summary>
    /// numpy's <c>dot</c>: the inner product of two vectors (a rank-0 tensor, so <c>double z = Dot(x, w);</c>
    /// works), matrix·vector (rank 1), vector·matrix (rank 1), matrix·matrix (rank 2); for higher ranks
    /// the sum over the last axis of <paramref name="a"/> and the second-to-last of <paramref name="b"/>
    /// (result shape <c>a.shape[:-1] + b.shape[:-2] + b.shape[-1:]</c>); with a rank-0 operand, the product by that scalar.
    /// </summary>
    /// <exception cref="ArgumentException">The contracted axes differ in length.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product, of the shape <see cref="Dot(Tensor, Tensor)"/> describes (rank 0 for two vectors).</returns>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        NotNull(a, b);
        if (a.Rank == 0)
            return a.Data[0] * b;
        if (b.Rank == 0)
            return a * b.Data[0];
        var plan = DotPlan(a.ShapeRef, b.ShapeRef, "Dot");
        if (plan.M == 1 && plan.N == 1)
            return new Tensor([TensorPrimitives.Dot(a.Span, b.Span)], plan.Shape);
        return new Tensor(Product(a.Span, BatchesToColumns(b.Span, plan), plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>dot</c> of complex tensors (no conjugation, as numpy): see <see cref="Dot(Tensor, Tensor)"/>; <c>Complex z = Dot(x, w);</c> works for vectors.</summary>
    /// <exception cref="ArgumentException">The contracted axes differ in length.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product, of the shape <see cref="Dot(Tensor, Tensor)"/> describes (rank 0 for two vectors).</returns>
    public static ComplexTensor Dot(ComplexTensor a, ComplexTensor b)
    {
        NotNull(a, b);
        if (a.Rank == 0)
            return a.Data[0] * b;
        if (b.Rank == 0)
            return a * b.Data[0];
        var plan = DotPlan(a.ShapeRef, b.ShapeRef, "Dot");
        if (plan.M == 1 && plan.N == 1)
        {
            Complex s = Complex.Zero;
            ReadOnlySpan<Complex> x = a.Span, y = b.Span;
            for (int i = 0; i < x.Length; i++)
                s += x[i] * y[i];
            return new ComplexTensor([s], plan.Shape);
        }
        return new ComplexTensor(Product(a.Span, BatchesToColumns(b.Span, plan), plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>dot</c> of a real and a complex tensor: see <see cref="Dot(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentException">The contracted axes differ in length.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product, of the shape <see cref="Dot(Tensor, Tensor)"/> describes (rank 0 for two vectors).</returns>
    public static ComplexTensor Dot(Tensor a, ComplexTensor b)
    {
        NotNull(a, b);
        if (a.Rank == 0)
            return a.Data[0] * b;
        if (b.Rank == 0)
            return a * b.Data[0];
        var plan = DotPlan(a.ShapeRef, b.ShapeRef, "Dot");
        return new ComplexTensor(Product(a.Span, BatchesToColumns(b.Span, plan), plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>dot</c> of a complex and a real tensor: see <see cref="Dot(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentException">The contracted axes differ in length.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product, of the shape <see cref="Dot(Tensor, Tensor)"/> describes (rank 0 for two vectors).</returns>
    public static ComplexTensor Dot(ComplexTensor a, Tensor b)
    {
        NotNull(a, b);
        if (a.Rank == 0)
            return a.Data[0] * b;
        if (b.Rank == 0)
            return a * b.Data[0];
        var plan = DotPlan(a.ShapeRef, b.ShapeRef, "Dot");
        return new ComplexTensor(Product(a.Span, BatchesToColumns(b.Span, plan), plan.M, plan.K, plan.N), plan.Shape);
    }

    // ---- MatMul ------------------------------------------------------------------------------

    /// <summary>
    /// The matrix product (numpy's <c>matmul</c> for ranks 1 and 2): matrix·matrix, matrix·vector,
    /// vector·matrix, and vector·vector (a rank-0 inner product).
    /// </summary>
    /// <exception cref="ArgumentException">An operand is not of rank 1 or 2, or the inner dimensions differ.</exception>
    /// <param name="a">The left operand: a matrix or a vector.</param>
    /// <param name="b">The right operand: a matrix or a vector.</param>
    /// <returns>The product: a matrix, a vector, or a rank-0 tensor for two vectors.</returns>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return Dot(a, b);
    }

    /// <summary>The matrix product of complex tensors; see <see cref="MatMul(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentException">An operand is not of rank 1 or 2, or the inner dimensions differ.</exception>
    /// <param name="a">The left operand: a matrix or a vector.</param>
    /// <param name="b">The right operand: a matrix or a vector.</param>
    /// <returns>The product: a matrix, a vector, or a rank-0 tensor for two vectors.</returns>
    public static ComplexTensor MatMul(ComplexTensor a, ComplexTensor b)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return Dot(a, b);
    }

    /// <summary>The matrix product of a real and a complex tensor; see <see cref="MatMul(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentException">An operand is not of rank 1 or 2, or the inner dimensions differ.</exception>
    /// <param name="a">The left operand: a matrix or a vector.</param>
    /// <param name="b">The right operand: a matrix or a vector.</param>
    /// <returns>The product: a matrix, a vector, or a rank-0 tensor for two vectors.</returns>
    public static ComplexTensor MatMul(Tensor a, ComplexTensor b)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return Dot(a, b);
    }

    /// <summary>The matrix product of a complex and a real tensor; see <see cref="MatMul(Tensor, Tensor)"/>.</summary>
    /// <exception cref="ArgumentException">An operand is not of rank 1 or 2, or the inner dimensions differ.</exception>
    /// <param name="a">The left operand: a matrix or a vector.</param>
    /// <param name="b">The right operand: a matrix or a vector.</param>
    /// <returns>The product: a matrix, a vector, or a rank-0 tensor for two vectors.</returns>
    public static ComplexTensor MatMul(ComplexTensor a, Tensor b)
    {
        NotNull(a, b);
        MatMulRanks(a.ShapeRef, b.ShapeRef);
        return Dot(a, b);
    }

    // ---- TensorDot ---------------------------------------------------------------------------

    /// <summary>
    /// numpy's <c>tensordot(a, b, axes)</c> with an integer <paramref name="axes"/>: contracts the last
    /// <paramref name="axes"/> axes of <paramref name="a"/> with the first <paramref name="axes"/> axes of
    /// <paramref name="b"/>; the result has shape <c>a.shape[:-axes] + b.shape[axes:]</c>. Axes 0 is the
    /// outer product. Computed as one matrix product of the two tensors viewed as matrices.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is negative or exceeds a rank, or the contracted axes differ.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="axes">How many trailing axes of <paramref name="a"/> are contracted with as many leading axes of <paramref name="b"/>.</param>
    /// <returns>A new tensor of shape <c>a.shape[:-axes] + b.shape[axes:]</c>.</returns>
    public static Tensor TensorDot(Tensor a, Tensor b, int axes)
    {
        NotNull(a, b);
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        return new Tensor(Product(a.Span, b.Span, plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>tensordot</c> of complex tensors (no conjugation); see <see cref="TensorDot(Tensor, Tensor, int)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is negative or exceeds a rank, or the contracted axes differ.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="axes">How many trailing axes of <paramref name="a"/> are contracted with as many leading axes of <paramref name="b"/>.</param>
    /// <returns>A new tensor of shape <c>a.shape[:-axes] + b.shape[axes:]</c>.</returns>
    public static ComplexTensor TensorDot(ComplexTensor a, ComplexTensor b, int axes)
    {
        NotNull(a, b);
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        return new ComplexTensor(Product(a.Span, b.Span, plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>tensordot</c> of a real and a complex tensor; see <see cref="TensorDot(Tensor, Tensor, int)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is negative or exceeds a rank, or the contracted axes differ.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="axes">How many trailing axes of <paramref name="a"/> are contracted with as many leading axes of <paramref name="b"/>.</param>
    /// <returns>A new tensor of shape <c>a.shape[:-axes] + b.shape[axes:]</c>.</returns>
    public static ComplexTensor TensorDot(Tensor a, ComplexTensor b, int axes)
    {
        NotNull(a, b);
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        return new ComplexTensor(Product(a.Span, b.Span, plan.M, plan.K, plan.N), plan.Shape);
    }

    /// <summary>numpy's <c>tensordot</c> of a complex and a real tensor; see <see cref="TensorDot(Tensor, Tensor, int)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is negative or exceeds a rank, or the contracted axes differ.</exception>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="axes">How many trailing axes of <paramref name="a"/> are contracted with as many leading axes of <paramref name="b"/>.</param>
    /// <returns>A new tensor of shape <c>a.shape[:-axes] + b.shape[axes:]</c>.</returns>
    public static ComplexTensor TensorDot(ComplexTensor a, Tensor b, int axes)
    {
        NotNull(a, b);
        var plan = TensorDotPlan(a.ShapeRef, b.ShapeRef, axes);
        return new ComplexTensor(Product(a.Span, b.Span, plan.M, plan.K, plan.N), plan.Shape);
    }

    // ---- Sum, Trace --------------------------------------------------------------------------

    /// <summary>The sum of all elements (0 for an empty tensor).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>The sum.</returns>
    public static double Sum(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return TensorPrimitives.Sum(a.Span);
    }

    /// <summary>The sum of all elements (0 for an empty tensor).</summary>
    /// <param name="a">The tensor, of any shape.</param>
    /// <returns>The sum.</returns>
    public static Complex Sum(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double re = 0, im = 0;
        foreach (Complex z in a.Span)
        {
            re += z.Real;
            im += z.Imaginary;
        }
        return new Complex(re, im);
    }

    /// <summary>The sum of the diagonal of a rank-2 tensor (as numpy, also of a non-square one: its min(m, n) diagonal entries).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    /// <param name="a">A matrix.</param>
    /// <returns>The sum of its diagonal.</returns>
    public static double Trace(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.RequireRank(2, nameof(Trace));
        int rows = a.ShapeRef[0], cols = a.ShapeRef[1];
        double s = 0;
        for (int i = 0; i < Math.Min(rows, cols); i++)
            s += a.Data[i * cols + i];
        return s;
    }

    /// <summary>The sum of the diagonal of a rank-2 tensor (as numpy, also of a non-square one).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2.</exception>
    /// <param name="a">A matrix.</param>
    /// <returns>The sum of its diagonal.</returns>
    public static Complex Trace(ComplexTensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.RequireRank(2, nameof(Trace));
        int rows = a.ShapeRef[0], cols = a.ShapeRef[1];
        Complex s = Complex.Zero;
        for (int i = 0; i < Math.Min(rows, cols); i++)
            s += a.Data[i * cols + i];
        return s;
    }

    // ---- plans and products ------------------------------------------------------------------

    /// <summary>A contraction as one matrix product: (M×K)·(K×N) → a tensor of <see cref="Shape"/>; <see cref="Batch"/> &gt; 1 when B's batch axes must first be moved behind K (numpy's dot for rank ≥ 3).</summary>
    private readonly record struct Plan(int M, int K, int N, int[] Shape, int Batch);

    private static Plan Checked(Plan plan, int[] a, int[] b, string operation)
    {
        // The complex-times-real product stacks 2·M rows; keep every buffer within an array's reach.
        if (2L * plan.M * plan.N > Array.MaxLength || 2L * plan.M * plan.K > Array.MaxLength)
            throw new ArgumentException($"{operation}: the product of shapes {Shapes.Format(a)} and {Shapes.Format(b)} has more elements than an array can hold.");
        return plan;
    }

    private static Plan DotPlan(int[] a, int[] b, string operation)
    {
        int ka = a[^1];
        int kb = b.Length == 1 ? b[0] : b[^2];
        if (ka != kb)
            throw new ArgumentException(
                $"{operation}: shapes {Shapes.Format(a)} and {Shapes.Format(b)} are not aligned: {ka} (last axis of a) ≠ {kb} ({(b.Length == 1 ? "axis 0" : "second-to-last axis")} of b).");
        int m = Shapes.Product(a.AsSpan(0, a.Length - 1));
        if (b.Length == 1)
            return Checked(new Plan(m, ka, 1, a[..^1], 1), a, b, operation);
        int n = b[^1];
        int batch = Shapes.Product(b.AsSpan(0, b.Length - 2));
        int[] shape = [.. a[..^1], .. b[..^2], n];
        return Checked(new Plan(m, ka, (int)Math.Min((long)batch * n, int.MaxValue), shape, batch), a, b, operation);
    }

    private static void MatMulRanks(int[] a, int[] b)
    {
        if (a.Length is < 1 or > 2 || b.Length is < 1 or > 2)
            throw new ArgumentException(
                $"MatMul needs operands of rank 1 or 2; got shapes {Shapes.Format(a)} and {Shapes.Format(b)} (use TensorDot or Dot for other ranks).");
    }

    private static Plan TensorDotPlan(int[] a, int[] b, int axes)
    {
        if (axes < 0)
            throw new ArgumentException($"TensorDot: axes must be ≥ 0, got {axes}.", nameof(axes));
        if (axes > a.Length || axes > b.Length)
            throw new ArgumentException(
                $"TensorDot: axes = {axes} exceeds the rank of {(axes > a.Length ? "a" : "b")}; shapes {Shapes.Format(a)} and {Shapes.Format(b)}.", nameof(axes));
        for (int i = 0; i < axes; i++)
        {
            if (a[a.Length - axes + i] != b[i])
                throw new ArgumentException(
                    $"TensorDot: shape mismatch for sum: the last {axes} axes of {Shapes.Format(a)} must equal the first {axes} of {Shapes.Format(b)}.", nameof(axes));
        }
        int m = Shapes.Product(a.AsSpan(0, a.Length - axes));
        int k = Shapes.Product(b.AsSpan(0, axes));
        int n = Shapes.Product(b.AsSpan(axes));
        int[] shape = [.. a[..^axes], .. b[axes..]];
        return Checked(new Plan(m, k, n, shape, 1), a, b, "TensorDot");
    }

    /// <summary>B viewed as K×(batch·N): for numpy's dot with rank ≥ 3, B[t, k, n] moves to row k, column t·N + n.</summary>
    private static ReadOnlySpan<T> BatchesToColumns<T>(ReadOnlySpan<T> b, Plan plan)
    {
        if (plan.Batch <= 1)
            return b;
        int k = plan.K, n = plan.N / plan.Batch;
        var moved = new T[b.Length];
        for (int t = 0; t < plan.Batch; t++)
            for (int p = 0; p < k; p++)
                b.Slice((t * k + p) * n, n).CopyTo(moved.AsSpan(p * plan.N + t * n, n));
        return moved;
    }

    private static double[] Product(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int m, int k, int n)
    {
        // Gemm.Multiply writes every entry: the array need not be cleared first.
        var c = GC.AllocateUninitializedArray<double>(m * n);
        Gemm.Multiply(a, b, c, m, k, n);
        return c;
    }

    private static Complex[] Product(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, int m, int k, int n)
    {
        var c = GC.AllocateUninitializedArray<Complex>(m * n);
        Gemm.Multiply(a, b, c, m, k, n);
        return c;
    }

    /// <summary>
    /// Real A times complex B in one real product: B's interleaved doubles are a K×2N real matrix whose
    /// even columns are Re B and odd columns Im B, and A times it is C's interleaved doubles.
    /// </summary>
    private static Complex[] Product(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, int m, int k, int n)
    {
        var c = new Complex[m * n];
        Gemm.Multiply(a, MemoryMarshal.Cast<Complex, double>(b), MemoryMarshal.Cast<Complex, double>(c.AsSpan()), m, k, 2 * n);
        return c;
    }

    /// <summary>
    /// Complex A times real B in one real product: stack Re A over Im A (2M×K), multiply by B, and
    /// interleave the top (Re C) and bottom (Im C) halves: half the flops of promoting B to complex.
    /// </summary>
    private static Complex[] Product(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, int m, int k, int n)
    {
        var stacked = new double[2 * m * k];
        for (int i = 0; i < m * k; i++)
        {
            stacked[i] = a[i].Real;
            stacked[m * k + i] = a[i].Imaginary;
        }
        var halves = new double[2 * m * n];
        Gemm.Multiply(stacked, b, halves, 2 * m, k, n);
        var c = new Complex[m * n];
        for (int i = 0; i < m * n; i++)
            c[i] = new Complex(halves[i], halves[m * n + i]);
        return c;
    }

    private static void NotNull(object a, object b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
    }
}
