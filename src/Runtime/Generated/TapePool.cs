using System;
using System.Runtime.CompilerServices;

namespace Diff;

/// <summary>
/// The arrays behind the <see cref="ValueStack{T}"/> tapes of generated adjoints, kept per thread and element type.
/// </summary>
/// <remarks>
/// Why not <c>ArrayPool&lt;T&gt;.Shared</c>: it keeps one array per size in a thread-local slot and every further
/// one in a per-core stack behind a lock, so an adjoint with several tapes of one element type took the locked path
/// for all but the first (one push and pop on each of two tapes cost 86 ns, three 158 ns, against primals of a few
/// nanoseconds: issue 20). Here a thread's arrays sit in a small unsynchronised list: renting and returning are a few
/// array reads, and an array keeps the length it grew to, so a loop that needed a long tape once gets a long one on
/// the next call instead of growing again. Arrays that a thread rents and never returns (an exception between the
/// forward and reverse sweeps) are simply collected.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal static class TapePool<T>
{
    // Enough for the tapes of one adjoint and the callees it runs inside its sweeps; beyond that arrays are dropped.
    private const int Capacity = 32;

    [ThreadStatic]
    private static T[]?[]? s_free;

    [ThreadStatic]
    private static int s_count;

    /// <summary>An array of at least <paramref name="minimumLength"/> elements: the longest free one if it is long enough.</summary>
    public static T[] Rent(int minimumLength)
    {
        var free = s_free;
        if (free is not null && s_count > 0)
        {
            // The free arrays are kept longest last, so the longest is taken first: tapes that grew keep their length.
            var longest = free[s_count - 1]!;
            if (longest.Length >= minimumLength)
            {
                free[--s_count] = null;
                return longest;
            }
        }

        return new T[Math.Max(minimumLength, 16)];
    }

    /// <summary>Takes <paramref name="array"/> back, its first <paramref name="used"/> elements cleared where they hold references.</summary>
    public static void Return(T[] array, int used)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // A kept array that still held the last sweep's tensors and residuals would keep them alive.
            Array.Clear(array, 0, used);
        }

        var free = s_free ??= new T[Capacity][];
        int count = s_count;
        if (count == Capacity)
        {
            // Full: the shortest free array (the first) makes room if this one is longer.
            if (free[0]!.Length >= array.Length)
            {
                return;
            }

            Array.Copy(free, 1, free, 0, count - 1);
            count--;
        }

        // Insertion by length keeps the list sorted; it holds a handful of arrays, so the walk is short.
        int at = count;
        while (at > 0 && free[at - 1]!.Length > array.Length)
        {
            free[at] = free[at - 1];
            at--;
        }

        free[at] = array;
        s_count = count + 1;
    }
}
