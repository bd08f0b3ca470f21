using System;
using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Diff.Kernels;

/// <summary>
/// An elementwise binary operation on runs of elements, for <see cref="Broadcast.Apply{TA, TB, TR, TOp}"/>: on two
/// runs of equal length, or on a run and one element repeated along it.
/// </summary>
internal interface IBinarySpanOp<TA, TB, TR>
{
    /// <summary>a ⊙ b on one element each, for runs too short to pay for a vectorized call.</summary>
    static abstract TR One(TA a, TB b);

    /// <summary>r = a ⊙ b on runs of equal length.</summary>
    static abstract void Both(ReadOnlySpan<TA> a, ReadOnlySpan<TB> b, Span<TR> r);

    /// <summary>r = a ⊙ b with <paramref name="b"/> repeated along the run.</summary>
    static abstract void LeftRun(ReadOnlySpan<TA> a, TB b, Span<TR> r);

    /// <summary>r = a ⊙ b with <paramref name="a"/> repeated along the run.</summary>
    static abstract void RightRun(TA a, ReadOnlySpan<TB> b, Span<TR> r);
}

/// <summary>
/// numpy's broadcasting: shapes are aligned from the right, and an axis of length 1 or a missing axis stretches to the
/// other operand's length. The kernels walk the result in contiguous runs along its last axes and call a vectorized
/// span operation (<see cref="TensorPrimitives"/>) on each run, so a broadcast costs one call per run rather than
/// index arithmetic per element.
/// </summary>
/// <remarks>
/// The iteration plan drops the result's axes of length 1 and merges neighbouring axes along which every operand
/// steps through memory contiguously (or every operand stays put): <c>(64, 16) + (16,)</c> is 64 runs of 16,
/// <c>(1000, 1000) + ()</c> one run of a million, <c>(64, 1) * (1, 16)</c> 64 runs of 16 with the left element
/// repeated. Everything the plan needs lives on the stack: a broadcast allocates its result and nothing else. The stack
/// is not zeroed ([SkipLocalsInit]): the plan writes every entry it reads, and the odometer clears its own.
/// </remarks>
[SkipLocalsInit]
internal static class Broadcast
{
    /// <summary>
    /// Runs shorter than this go element by element: on a few elements the fixed cost of a vectorized call (checks,
    /// dispatch) exceeds the work, e.g. (n, 2) + (n, 1) would be n calls of two elements.
    /// </summary>
    private const int ShortRun = 8;

    /// <summary>The most axes a plan keeps on the stack; a tensor of more axes is planned on the heap.</summary>
    private const int StackRank = 16;

    /// <summary>
    /// The broadcast shape of <paramref name="a"/> and <paramref name="b"/>; one of them (not a copy) when it is the
    /// result, so a broadcast that keeps an operand's shape allocates no new shape.
    /// </summary>
    /// <param name="a">The left operand's shape.</param>
    /// <param name="b">The right operand's shape.</param>
    /// <param name="operation">The operation for the message: an operator's symbol (<c>+</c>) or a function's name; the
    /// message is built only when it is thrown, so that a broadcast allocates nothing but its result.</param>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static int[] Shape(int[] a, int[] b, string operation)
    {
        // Equal shapes need no separate test: TryShape reports them as a's (and b's) shape.
        if (!TryShape(a, b, out bool isA, out bool isB))
            throw Incompatible(a, b, operation);
        if (isA)
            return a;
        if (isB)
            return b;
        int rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (int j = 1; j <= rank; j++)
        {
            int da = j <= a.Length ? a[^j] : 1, db = j <= b.Length ? b[^j] : 1;
            shape[^j] = da == 1 ? db : da;
        }
        return shape;
    }

    /// <summary>The broadcast shape of three shapes (for <see cref="Ops.Where(Tensor, Tensor, Tensor)"/>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static int[] Shape(int[] a, int[] b, int[] c, string operation)
    {
        int[]? ab = TryShape(a, b, out _, out _) ? Shape(a, b, operation) : null;
        if (ab is null || !TryShape(ab, c, out _, out _))
            throw new ArgumentException($"{operation}: shapes {Shapes.Format(a)}, {Shapes.Format(b)} and {Shapes.Format(c)} cannot be broadcast together "
                + "(aligned from the right, each axis must be equal or 1).");
        return Shape(ab, c, operation);
    }

    /// <summary>Throws unless <paramref name="seed"/> is the broadcast shape of <paramref name="a"/> and <paramref name="b"/>, without allocating.</summary>
    /// <exception cref="ArgumentException">The seed (or tangent) does not have the result's shape.</exception>
    public static void RequireResult(int[] a, int[] b, int[] seed, string operation)
    {
        bool fits = TryShape(a, b, out _, out _) && seed.Length == Math.Max(a.Length, b.Length);
        for (int j = 1; fits && j <= seed.Length; j++)
        {
            int da = j <= a.Length ? a[^j] : 1, db = j <= b.Length ? b[^j] : 1;
            fits = seed[^j] == (da == 1 ? db : da);
        }
        if (!fits)
            throw new ArgumentException($"{operation}: the seed has shape {Shapes.Format(seed)}, but the result of operands {Shapes.Format(a)} and {Shapes.Format(b)} does not.");
    }

    /// <summary>r = a ⊙ b with <paramref name="a"/> and <paramref name="b"/> broadcast to <paramref name="rShape"/>.</summary>
    public static void Apply<TA, TB, TR, TOp>(ReadOnlySpan<TA> a, int[] aShape, ReadOnlySpan<TB> b, int[] bShape, Span<TR> r, int[] rShape)
        where TOp : IBinarySpanOp<TA, TB, TR>
    {
        if (r.IsEmpty)
            return;
        if (a.Length == r.Length && IsTrailing(bShape, rShape))
        {
            RepeatRight<TA, TB, TR, TOp>(a, b, r);
            return;
        }
        if (b.Length == r.Length && IsTrailing(aShape, rShape))
        {
            RepeatLeft<TA, TB, TR, TOp>(a, b, r);
            return;
        }
        Planned<TA, TB, TR, TOp>(a, aShape, b, bShape, r, rShape);
    }

    /// <summary>
    /// The general broadcast, by an iteration plan on the stack. A method of its own so that the common cases above
    /// do not pay for its stack frame (a method with stackalloc sets up a frame the JIT cannot trim).
    /// </summary>
    private static void Planned<TA, TB, TR, TOp>(ReadOnlySpan<TA> a, int[] aShape, ReadOnlySpan<TB> b, int[] bShape, Span<TR> r, int[] rShape)
        where TOp : IBinarySpanOp<TA, TB, TR>
    {
        int rank = rShape.Length;
        Span<int> plan = rank <= StackRank ? stackalloc int[4 * StackRank] : new int[4 * rank];
        Span<int> extent = plan[..rank], sa = plan.Slice(rank, rank), sb = plan.Slice(2 * rank, rank), index = plan.Slice(3 * rank, rank);
        int n = Plan(rShape, aShape, bShape, [], 2, extent, sa, sb, default);
        if (n == 0)
        {
            TOp.Both(a[..1], b[..1], r[..1]);
            return;
        }
        int run = extent[0];
        int ia = 0, ib = 0;
        index[..n].Clear();
        for (int o = 0; o < r.Length; o += run)
        {
            if (run < ShortRun)
            {
                for (int i = 0; i < run; i++)
                    r[o + i] = TOp.One(a[ia + i * sa[0]], b[ib + i * sb[0]]);
            }
            else if (sa[0] != 0 && sb[0] != 0)
                TOp.Both(a.Slice(ia, run), b.Slice(ib, run), r.Slice(o, run));
            else if (sb[0] == 0)
                TOp.LeftRun(a.Slice(ia, run), b[ib], r.Slice(o, run));
            else
                TOp.RightRun(a[ia], b.Slice(ib, run), r.Slice(o, run));
            for (int k = 1; k < n; k++)
            {
                ia += sa[k];
                ib += sb[k];
                if (++index[k] < extent[k])
                    break;
                ia -= sa[k] * extent[k];
                ib -= sb[k] * extent[k];
                index[k] = 0;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="shape"/>, without its leading 1s, is the last axes of <paramref name="result"/>: then
    /// an operand of that shape repeats as one block along the result, as the (16,) of <c>(64, 16) + (16,)</c>.
    /// </summary>
    /// <remarks>
    /// The common broadcasts (a row, a bias, a scalar tensor) take this path without building a plan: on small tensors
    /// the plan (its stack frame, the walk over the axes, the odometer) and the strided per-element loop it leads to
    /// cost more than the arithmetic.
    /// </remarks>
    private static bool IsTrailing(int[] shape, int[] result)
    {
        int lead = 0;
        while (lead < shape.Length && shape[lead] == 1)
            lead++;
        int k = shape.Length - lead;
        if (k > result.Length)
            return false;
        for (int j = 1; j <= k; j++)
            if (shape[^j] != result[^j])
                return false;
        return true;
    }

    /// <summary>r = a ⊙ b where <paramref name="b"/> is one block repeated along <paramref name="a"/> (of the result's length).</summary>
    private static void RepeatRight<TA, TB, TR, TOp>(ReadOnlySpan<TA> a, ReadOnlySpan<TB> b, Span<TR> r)
        where TOp : IBinarySpanOp<TA, TB, TR>
    {
        int k = b.Length;
        if (k == 1 && r.Length >= ShortRun)
            TOp.LeftRun(a, b[0], r);
        else if (k >= ShortRun)
            for (int o = 0; o < r.Length; o += k)
                TOp.Both(a.Slice(o, k), b, r.Slice(o, k));
        else
        {
            // Runs too short for a vectorized call: an element loop without index checks. It reads a[0 … r.Length) and
            // b[0 … k), in bounds because a is as long as r and r is whole blocks of b (b is r's trailing axes).
            // Measured with the planned walk moved out of Apply's frame (Planned), on (4, 4) + (4,), the minimum of 150
            // batches of 2,000, processes alternated (load 26–33): 1.32–1.44× the TensorPrimitives row, against
            // 1.41–1.49× before; 33 of the ~50 ns are the checks and the result (its array and its Tensor).
            Debug.Assert(a.Length == r.Length && r.Length % k == 0);
            ref TA ar = ref MemoryMarshal.GetReference(a);
            ref TB br = ref MemoryMarshal.GetReference(b);
            ref TR rr = ref MemoryMarshal.GetReference(r);
            for (int o = 0; o < r.Length; o += k)
                for (int i = 0; i < k; i++)
                    Unsafe.Add(ref rr, o + i) = TOp.One(Unsafe.Add(ref ar, o + i), Unsafe.Add(ref br, i));
        }
    }

    /// <summary>r = a ⊙ b where <paramref name="a"/> is one block repeated along <paramref name="b"/> (of the result's length).</summary>
    private static void RepeatLeft<TA, TB, TR, TOp>(ReadOnlySpan<TA> a, ReadOnlySpan<TB> b, Span<TR> r)
        where TOp : IBinarySpanOp<TA, TB, TR>
    {
        int k = a.Length;
        if (k == 1 && r.Length >= ShortRun)
            TOp.RightRun(a[0], b, r);
        else if (k >= ShortRun)
            for (int o = 0; o < r.Length; o += k)
                TOp.Both(a, b.Slice(o, k), r.Slice(o, k));
        else
        {
            // As in RepeatRight: in bounds because b is as long as r and r is whole blocks of a.
            Debug.Assert(b.Length == r.Length && r.Length % k == 0);
            ref TA ar = ref MemoryMarshal.GetReference(a);
            ref TB br = ref MemoryMarshal.GetReference(b);
            ref TR rr = ref MemoryMarshal.GetReference(r);
            for (int o = 0; o < r.Length; o += k)
                for (int i = 0; i < k; i++)
                    Unsafe.Add(ref rr, o + i) = TOp.One(Unsafe.Add(ref ar, i), Unsafe.Add(ref br, o + i));
        }
    }

    /// <summary>
    /// The sum of <paramref name="x"/> over the axes along which <paramref name="shape"/> was broadcast to
    /// <paramref name="x"/>'s shape: the adjoint of broadcasting, which every elementwise rule applies to the seed to
    /// bring an operand's adjoint back to the operand's shape. Returns <paramref name="x"/> itself when the shapes agree.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not broadcast to <paramref name="x"/>'s shape.</exception>
    public static Tensor ReduceTo(Tensor x, int[] shape)
    {
        if (Shapes.Equal(x.ShapeRef, shape))
            return x;
        RequireBroadcastsTo(shape, x.ShapeRef);
        var r = new Tensor(new double[Shapes.Product(shape)], shape);
        Reduce<double>(x.Span, x.ShapeRef, r.Data, shape);
        return r;
    }

    /// <inheritdoc cref="ReduceTo(Tensor, int[])"/>
    public static ComplexTensor ReduceTo(ComplexTensor x, int[] shape)
    {
        if (Shapes.Equal(x.ShapeRef, shape))
            return x;
        RequireBroadcastsTo(shape, x.ShapeRef);
        var r = new ComplexTensor(new Complex[Shapes.Product(shape)], shape);
        Reduce<Complex>(x.Span, x.ShapeRef, r.Data, shape);
        return r;
    }

    /// <summary>Re of the sum of <paramref name="x"/> over the broadcast axes: the adjoint of a real operand of a complex result.</summary>
    public static Tensor RealReduceTo(ComplexTensor x, int[] shape) => ReduceTo(x, shape).Real();

    /// <summary>
    /// r = mask ≠ 0 ? a : b, the three broadcast to <paramref name="rShape"/> (a plain loop: a select is as cheap as
    /// the index arithmetic, so runs would not pay here).
    /// </summary>
    public static void Select<T>(ReadOnlySpan<double> mask, int[] mShape, ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, Span<T> r, int[] rShape)
    {
        if (r.IsEmpty)
            return;
        int rank = rShape.Length;
        Span<int> plan = rank <= StackRank ? stackalloc int[5 * StackRank] : new int[5 * rank];
        Span<int> extent = plan[..rank], sm = plan.Slice(rank, rank), sa = plan.Slice(2 * rank, rank), sb = plan.Slice(3 * rank, rank), index = plan.Slice(4 * rank, rank);
        int n = Plan(rShape, mShape, aShape, bShape, 3, extent, sm, sa, sb);
        if (n == 0)
        {
            r[0] = mask[0] != 0 ? a[0] : b[0];
            return;
        }
        int run = extent[0];
        int im = 0, ia = 0, ib = 0;
        index[..n].Clear();
        for (int o = 0; o < r.Length; o += run)
        {
            for (int i = 0; i < run; i++)
                r[o + i] = mask[im + i * sm[0]] != 0 ? a[ia + i * sa[0]] : b[ib + i * sb[0]];
            for (int k = 1; k < n; k++)
            {
                im += sm[k];
                ia += sa[k];
                ib += sb[k];
                if (++index[k] < extent[k])
                    break;
                im -= sm[k] * extent[k];
                ia -= sa[k] * extent[k];
                ib -= sb[k] * extent[k];
                index[k] = 0;
            }
        }
    }

    // ---- planning ----------------------------------------------------------------------------

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> broadcast together, and whether the result is
    /// <paramref name="a"/>'s (<paramref name="isA"/>) or <paramref name="b"/>'s (<paramref name="isB"/>) shape.
    /// </summary>
    private static bool TryShape(int[] a, int[] b, out bool isA, out bool isB)
    {
        isA = a.Length >= b.Length;
        isB = b.Length >= a.Length;
        for (int j = 1; j <= Math.Min(a.Length, b.Length); j++)
        {
            int da = a[^j], db = b[^j];
            if (da == db)
                continue;
            if (da == 1)
                isA = false;
            else if (db == 1)
                isB = false;
            else
                return false;
        }
        return true;
    }

    private static void RequireBroadcastsTo(int[] shape, int[] target)
    {
        if (!TryShape(shape, target, out _, out bool isTarget) || !isTarget)
            throw new ArgumentException($"Shape {Shapes.Format(shape)} does not broadcast to {Shapes.Format(target)}.");
    }

    /// <summary>
    /// Plans the walk over <paramref name="outShape"/> for <paramref name="count"/> operands (shapes
    /// <paramref name="s0"/>, <paramref name="s1"/>, <paramref name="s2"/>), innermost axis first: the extents and each
    /// operand's stride in elements (0 along a broadcast axis). Returns the number of planned axes, 0 for one element.
    /// </summary>
    private static int Plan(ReadOnlySpan<int> outShape, ReadOnlySpan<int> s0, ReadOnlySpan<int> s1, ReadOnlySpan<int> s2, int count,
        Span<int> extent, Span<int> t0, Span<int> t1, Span<int> t2)
    {
        int n = 0, c0 = 1, c1 = 1, c2 = 1;
        for (int j = 1; j <= outShape.Length; j++)
        {
            int e = outShape[^j];
            if (e == 1)
                continue;
            int d0 = j <= s0.Length ? s0[^j] : 1, d1 = j <= s1.Length ? s1[^j] : 1, d2 = count > 2 && j <= s2.Length ? s2[^j] : 1;
            int u0 = d0 == 1 ? 0 : c0, u1 = d1 == 1 ? 0 : c1, u2 = d2 == 1 ? 0 : c2;
            c0 *= d0;
            c1 *= d1;
            c2 *= d2;
            // Merge with the axis inside it when every operand continues the same way (contiguous, or standing still).
            if (n > 0 && u0 == t0[n - 1] * extent[n - 1] && u1 == t1[n - 1] * extent[n - 1] && (count < 3 || u2 == t2[n - 1] * extent[n - 1]))
            {
                extent[n - 1] *= e;
                continue;
            }
            extent[n] = e;
            t0[n] = u0;
            t1[n] = u1;
            if (count > 2)
                t2[n] = u2;
            n++;
        }
        return n;
    }

    private static ArgumentException Incompatible(int[] a, int[] b, string operation) =>
        new($"{(operation.Length == 1 ? "Operator " + operation : operation)}: shapes {Shapes.Format(a)} and {Shapes.Format(b)} cannot be broadcast together (aligned from the right, each axis must be equal or 1).");

    // ---- reduction -----------------------------------------------------------------------------

    private static void Reduce<T>(ReadOnlySpan<T> x, int[] xShape, Span<T> r, int[] rShape)
        where T : struct
    {
        if (x.IsEmpty)
            return;
        int rank = xShape.Length;
        Span<int> plan = rank <= StackRank ? stackalloc int[4 * StackRank] : new int[4 * rank];
        Span<int> extent = plan[..rank], sr = plan.Slice(rank, rank), sx = plan.Slice(2 * rank, rank), index = plan.Slice(3 * rank, rank);
        int n = Plan(xShape, rShape, xShape, [], 2, extent, sr, sx, default);
        if (n == 0)
        {
            r[0] = x[0];
            return;
        }
        int run = extent[0];
        int ir = 0, ix = 0;
        index[..n].Clear();
        for (int o = 0; o < x.Length; o += run)
        {
            if (sr[0] != 0)
                AddRun(x.Slice(ix, run), r.Slice(ir, run));
            else
                r[ir] = Plus(r[ir], SumRun(x.Slice(ix, run)));
            ix += run;
            for (int k = 1; k < n; k++)
            {
                ir += sr[k];
                if (++index[k] < extent[k])
                    break;
                ir -= sr[k] * extent[k];
                index[k] = 0;
            }
        }
    }

    /// <summary>r += x on runs of equal length (a complex run is added as its interleaved doubles).</summary>
    private static void AddRun<T>(ReadOnlySpan<T> x, Span<T> r)
        where T : struct
    {
        Span<double> rd = MemoryMarshal.Cast<T, double>(r);
        TensorPrimitives.Add(rd, MemoryMarshal.Cast<T, double>(x), rd);
    }

    private static T SumRun<T>(ReadOnlySpan<T> x)
        where T : struct
    {
        if (typeof(T) == typeof(double))
            return (T)(object)TensorPrimitives.Sum(MemoryMarshal.Cast<T, double>(x));
        ReadOnlySpan<Complex> z = MemoryMarshal.Cast<T, Complex>(x);
        double re = 0, im = 0;
        foreach (Complex v in z)
        {
            re += v.Real;
            im += v.Imaginary;
        }
        return (T)(object)new Complex(re, im);
    }

    private static T Plus<T>(T a, T b)
        where T : struct =>
        typeof(T) == typeof(double) ? (T)(object)((double)(object)a + (double)(object)b) : (T)(object)((Complex)(object)a + (Complex)(object)b);
}
