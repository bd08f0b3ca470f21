using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace Diff.Runtime.Tests.Generated;

/// <summary>
/// The tapes of generated adjoints: last in, first out across growth; storage back to the thread's pool on release,
/// reused by the next call with the length it grew to, so a steady state allocates nothing; references cleared.
/// </summary>
public class ValueStackTests
{
    [Fact]
    public void PopsInReverseOrderAcrossGrowth()
    {
        var stack = new ValueStack<double>();
        for (int i = 0; i < 1000; i++)
        {
            stack.Push(i * 0.5);
        }

        Assert.Equal(1000, stack.Count);
        for (int i = 999; i >= 0; i--)
        {
            Assert.Equal(i * 0.5, stack.Pop());
        }

        Assert.Equal(0, stack.Count);
        stack.Release();
    }

    [Fact]
    public void PopOnAnEmptyStackSaysSo()
    {
        var stack = new ValueStack<int>();
        stack.Push(1);
        stack.Pop();
        var error = Assert.Throws<InvalidOperationException>(() => stack.Pop());
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void ReleaseEmptiesTheStackAndItCanBeUsedAgain()
    {
        var stack = new ValueStack<int>();
        stack.Push(7);
        stack.Push(8);
        stack.Release();
        Assert.Equal(0, stack.Count);
        stack.Push(9);
        Assert.Equal(9, stack.Pop());
        stack.Release();
    }

    [Fact]
    public void SeveralTapesOfOneTypeAllocateNothingOnceWarm()
    {
        // An adjoint of the shape issue 20 measured: several tapes of one element type, one of them long.
        static double OneCall(int longTape)
        {
            var a = new ValueStack<double>();
            var b = new ValueStack<double>();
            var c = new ValueStack<double>();
            var counts = new ValueStack<int>();
            for (int i = 0; i < longTape; i++)
            {
                a.Push(i);
            }

            for (int i = 0; i < 20; i++)
            {
                b.Push(i);
                c.Push(-i);
                counts.Push(i);
            }

            double sum = 0;
            while (a.Count > 0)
            {
                sum += a.Pop();
            }

            while (b.Count > 0)
            {
                sum += b.Pop() + c.Pop() + counts.Pop();
            }

            a.Release();
            b.Release();
            c.Release();
            counts.Release();
            return sum;
        }

        for (int warm = 0; warm < 8; warm++)
        {
            OneCall(5000);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = 0;
        for (int call = 0; call < 100; call++)
        {
            total += OneCall(5000);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100 * (4999.0 * 5000 / 2 + 190), total);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ReleaseLetsGoOfTheReferencesItHeld()
    {
        var weak = PushPopAndRelease();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.IsAlive, "a released tape's array still holds the tensor it kept");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PushPopAndRelease()
    {
        var tensor = Tensor.FromArray(new double[] { 1, 2, 3 });
        var stack = new ValueStack<Tensor>();
        stack.Push(tensor);
        stack.Push(tensor);
        stack.Pop();
        stack.Pop();
        stack.Release();
        return new WeakReference(tensor);
    }

    [Fact]
    public void EachThreadHasItsOwnArrays()
    {
        // Two threads pushing and releasing at once never see each other's values.
        static void Work(int offset)
        {
            for (int call = 0; call < 200; call++)
            {
                var stack = new ValueStack<int>();
                for (int i = 0; i < 100; i++)
                {
                    stack.Push(offset + i);
                }

                for (int i = 99; i >= 0; i--)
                {
                    Assert.Equal(offset + i, stack.Pop());
                }

                stack.Release();
            }
        }

        Exception? failure = null;
        void Run(int offset)
        {
            try
            {
                Work(offset);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }

        var first = new System.Threading.Thread(() => Run(0));
        var second = new System.Threading.Thread(() => Run(1_000_000));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Assert.Null(failure);
    }
}
