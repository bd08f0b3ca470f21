using System;

namespace Diff.Kernels;

/// <summary>What an indexer argument selects on one axis: one position (the axis is dropped) or a range (kept).</summary>
internal readonly record struct AxisSelector(Index Index, Range Range, bool IsRange)
{
    public static implicit operator AxisSelector(Index index) => new(index, default, false);

    public static implicit operator AxisSelector(Range range) => new(default, range, true);

    public override string ToString() => IsRange ? Range.ToString() : Index.ToString();
}

/// <summary>
/// A box of a row-major tensor picked by indices and ranges (<c>t[i, 1..^1]</c>): the start and length on every axis
/// (axes after the given selectors are taken whole, as numpy's <c>t[a:b]</c> on a matrix takes whole rows) and the
/// result's shape, which drops the axes chosen by an index.
/// </summary>
/// <remarks>
/// A ref struct over spans the caller provides (<c>stackalloc</c> of 2·rank ints), so that a slice of a small tensor
/// allocates nothing but its result.
/// </remarks>
internal readonly ref struct SlicePlan
{
    private readonly ReadOnlySpan<int> _source;
    private readonly Span<int> _start;
    private readonly Span<int> _length;

    /// <summary>The shape of the selected part.</summary>
    public int[] Shape { get; }

    /// <summary>The number of selected elements.</summary>
    public int Count { get; }

    private SlicePlan(ReadOnlySpan<int> source, Span<int> start, Span<int> length, int[] shape)
    {
        _source = source;
        _start = start;
        _length = length;
        Shape = shape;
        Count = Shapes.Product(length);
    }

    /// <summary>Resolves <paramref name="selectors"/> against <paramref name="shape"/>, using <paramref name="scratch"/> (2·rank ints) for the box.</summary>
    /// <exception cref="ArgumentException">More selectors than axes.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is outside its axis or ends before it starts.</exception>
    public static SlicePlan Of(int[] shape, ReadOnlySpan<AxisSelector> selectors, Span<int> scratch)
    {
        if (selectors.Length > shape.Length)
            throw new ArgumentException($"A tensor of rank {shape.Length}, shape {Shapes.Format(shape)}, cannot be sliced with {selectors.Length} indices or ranges.");
        int rank = shape.Length;
        Span<int> start = scratch[..rank], length = scratch.Slice(rank, rank);
        start.Clear();
        int kept = rank;
        for (int a = 0; a < rank; a++)
        {
            int n = shape[a];
            if (a >= selectors.Length)
            {
                length[a] = n;
                continue;
            }
            AxisSelector s = selectors[a];
            if (s.IsRange)
            {
                int from = s.Range.Start.GetOffset(n), to = s.Range.End.GetOffset(n);
                if ((uint)from > (uint)n || (uint)to > (uint)n || to < from)
                    throw new ArgumentOutOfRangeException("range", $"The range {s.Range} on axis {a} is outside shape {Shapes.Format(shape)} ({Describe(shape, selectors)}).");
                start[a] = from;
                length[a] = to - from;
            }
            else
            {
                int i = s.Index.GetOffset(n);
                if ((uint)i >= (uint)n)
                    throw new IndexOutOfRangeException($"Index {s.Index} on axis {a} is out of range for shape {Shapes.Format(shape)} ({Describe(shape, selectors)}).");
                start[a] = i;
                length[a] = 1;
                kept--;
            }
        }
        var result = new int[kept];
        for (int a = 0, k = 0; a < rank; a++)
            if (a >= selectors.Length || selectors[a].IsRange)
                result[k++] = length[a];
        return new SlicePlan(shape, start, length, result);
    }

    /// <summary>Copies the selected box of <paramref name="source"/> into <paramref name="box"/> (row-major).</summary>
    public void Gather<T>(ReadOnlySpan<T> source, Span<T> box) => Walk(source, box, gather: true, default);

    /// <summary>Writes <paramref name="box"/> into the selected box of <paramref name="target"/>, leaving the rest alone.</summary>
    public void Scatter<T>(ReadOnlySpan<T> box, Span<T> target) => Walk(box, default, gather: false, target);

    /// <summary>
    /// Walks the box in runs: the innermost axis that is not taken whole, together with the whole axes after it, is
    /// one contiguous run of the source; an odometer steps through the axes before it.
    /// </summary>
    private void Walk<T>(ReadOnlySpan<T> from, Span<T> box, bool gather, Span<T> target)
    {
        int rank = _source.Length;
        if (Count == 0)
            return;
        int split = rank - 1;
        int run = 1;
        while (split >= 0 && _start[split] == 0 && _length[split] == _source[split])
            run *= _source[split--];
        if (split < 0)
        {
            if (gather)
                from.CopyTo(box);
            else
                from.CopyTo(target);
            return;
        }
        int stride = run;
        run *= _length[split];
        Span<int> strides = stackalloc int[split + 1];
        strides[split] = stride;
        for (int a = split - 1; a >= 0; a--)
            strides[a] = strides[a + 1] * _source[a + 1];
        Span<int> at = stackalloc int[split + 1];
        int runs = Count / run;
        for (int r = 0; r < runs; r++)
        {
            int offset = 0;
            for (int a = 0; a <= split; a++)
                offset += (_start[a] + (a < split ? at[a] : 0)) * strides[a];
            if (gather)
                from.Slice(offset, run).CopyTo(box.Slice(r * run, run));
            else
                from.Slice(r * run, run).CopyTo(target.Slice(offset, run));
            for (int a = split - 1; a >= 0; a--)
            {
                if (++at[a] < _length[a])
                    break;
                at[a] = 0;
            }
        }
    }

    private static string Describe(int[] shape, ReadOnlySpan<AxisSelector> selectors)
    {
        var parts = new string[selectors.Length];
        for (int i = 0; i < selectors.Length; i++)
            parts[i] = selectors[i].ToString();
        return "selection [" + string.Join(", ", parts) + "]";
    }
}
