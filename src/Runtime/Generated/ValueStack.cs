using System;
using System.ComponentModel;

namespace Diff;

/// <summary>
/// A last-in-first-out stack of values for generated reverse-mode code: the forward sweep of a loop pushes the
/// values the reverse sweep needs, the reverse sweep pops them in the opposite order. Storage comes from a per-thread pool of
/// tape arrays, grows by doubling and keeps its length for the next call; call <see cref="Release"/> when done.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local (not a <c>readonly</c> field or a <c>using</c> variable) so that
/// <see cref="Push"/> and <see cref="Pop"/> change that local. Generated code is its only intended user.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValueStack<T>
{
    private T[]? _items;
    private int _count;

    // The most elements held at once where T holds references: what Release clears.
    private int _used;

    /// <summary>The number of values on the stack.</summary>
    public readonly int Count => _count;

    /// <summary>Pushes <paramref name="value"/>.</summary>
    /// <param name="value">The value to keep.</param>
    public void Push(T value)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![_count++] = value;

        // Only tapes of references are cleared on release; for values the JIT drops this test.
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>() && _count > _used)
        {
            _used = _count;
        }
    }

    /// <summary>Removes and returns the value pushed last.</summary>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The value stack is empty: a pop has no matching push.");
        }

        return _items![--_count];
    }

    /// <summary>Returns the storage to the pool and empties the stack.</summary>
    public void Release()
    {
        if (_items is not null)
        {
            TapePool<T>.Return(_items, _used);
            _items = null;
        }

        _count = 0;
        _used = 0;
    }

    private void Grow()
    {
        var bigger = TapePool<T>.Rent(_items is null ? 16 : _items.Length * 2);
        if (_items is not null)
        {
            Array.Copy(_items, bigger, _count);
            TapePool<T>.Return(_items, _used);
            _used = _count;
        }

        _items = bigger;
    }
}
