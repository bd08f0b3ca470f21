using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Fused loops that read an array at the counter plus constants write its adjoint once per element into an array
/// allocated without zeroing (<c>Analysis/ElementWindow.cs</c>), carrying the shares of the elements ahead. Each case
/// is checked against central differences and the adjoint identity at small sizes, and again at a size where the
/// runtime hands out memory it has not cleared, after filling the heap with NaN garbage: an element the adjoint
/// failed to write shows up as NaN. The near misses must keep the zeroed array.
/// </summary>
public sealed class ElementWindowTests
{
    private const string Unzeroed = "AllocateUninitializedArray";

    /// <summary>Above the 2 KB below which the runtime zeroes "uninitialized" arrays anyway.</summary>
    private const int Large = 3000;

    private static readonly (TensorCase Case, Func<Random, int, object[]> At, bool Windowed)[] Cases =
    [
        (new("Rosenbrock", """
            double F(double[] x)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length - 1; i++)
                    {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        sum += 100 * a * a + b * b;
                    }
                    return sum;
                }
            """, r => [A(r, 6)]), (r, n) => [A(r, n)], true),
        (new("BackwardDifference", """
            double F(double[] x, double w)
                {
                    double s = 0;
                    for (int i = 1; i < x.Length; i++)
                        s += w * Math.Sin(x[i] - x[i - 1]);
                    return s;
                }
            """, r => [A(r, 5), D(r)]), (r, n) => [A(r, n), D(r)], true),
        (new("Stencil", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int k = 1; k < x.Length - 1; k++)
                    {
                        double lap = x[k - 1] - 2 * x[k] + x[k + 1];
                        s += lap * lap * x[k];
                    }
                    return 0.5 * s;
                }
            """, r => [A(r, 7)]), (r, n) => [A(r, n)], true),
        (new("StartsLater", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 3; i < x.Length; i++)
                        s += Math.Exp(x[i]) * x[i - 1];
                    return s;
                }
            """, r => [A(r, 6)]), (r, n) => [A(r, n)], true),
        (new("FirstHalfAhead", """
            double F(double[] x, double p)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length / 2; i++)
                        s += x[i] * x[i + 3] * p;
                    return s;
                }
            """, r => [A(r, 9), D(r)]), (r, n) => [A(r, n), D(r)], true),
        (new("ComplexDifferences", """
            double F(Complex[] z)
                {
                    double s = 0;
                    for (int i = 0; i + 1 < z.Length; i++)
                    {
                        Complex d = z[i + 1] - z[i];
                        s += (d * Complex.Conjugate(d)).Real;
                    }
                    return s;
                }
            """, r => [CA(r, 5)]), (r, n) => [CA(r, n)], true),
        (new("TwoArrays", """
            double F(double[] x, double[] y)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length - 2; i++)
                        s += x[i] * y[i + 2] - Math.Cos(y[i]) * x[i + 1];
                    return s / 3;
                }
            """, r => [A(r, 6), A(r, 6)]), (r, n) => [A(r, n), A(r, n)], true),
        (new("ReadBeforeTheLoop", """
            double F(double[] x, double p)
                {
                    double first = Math.Sin(x[0] * p);
                    double s = first * x[x.Length - 1];
                    for (int i = 0; i < x.Length - 1; i++)
                        s += Square(x[i + 1] - p * x[i]);
                    return s;
                }

                [Differentiable]
                public static double Square(double v) => v * v;
            """, r => [A(r, 5), D(r)]), (r, n) => [A(r, n), D(r)], true),
        (new("OneElement", """
            double F(double[] x, double y)
                {
                    double s = y;
                    for (int i = 0; i < x.Length - 1; i++)
                        s += x[i] * x[i + 1];
                    return 2 * s - y;
                }
            """, r => [A(r, 1), D(r)]), (r, n) => [A(r, 1), D(r)], true),

        // Near misses: the array is read elsewhere, at an index that is not the counter plus a constant, or the
        // counter does not start at a literal or step by one.
        (new("ReadAfterTheLoop", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i] * x[i];
                    return s + x[0];
                }
            """, r => [A(r, 5)]), (r, n) => [A(r, n)], false),
        (new("MirroredIndex", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i] * x[x.Length - 1 - i];
                    return s;
                }
            """, r => [A(r, 5)]), (r, n) => [A(r, n)], false),
        (new("StartFromParameter", """
            double F(double[] x, int m)
                {
                    double s = 0;
                    for (int i = m; i < x.Length; i++)
                        s += x[i] * x[i];
                    return s;
                }
            """, r => [A(r, 5), 2]), (r, n) => [A(r, n), 2], false),
        (new("StepTwo", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i + 1 < x.Length; i += 2)
                        s += x[i] * x[i + 1];
                    return s;
                }
            """, r => [A(r, 6)]), (r, n) => [A(r, n)], false),
        (new("TooWide", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i + 5 < x.Length; i++)
                        s += x[i] * x[i + 5];
                    return s;
                }
            """, r => [A(r, 8)]), (r, n) => [A(r, n)], false),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases.Select(c => c.Case))));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Case.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Case.Name == name).Case);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_element_is_written_when_the_memory_is_not_cleared(string name)
    {
        var (c, at, _) = Cases.Single(x => x.Case.Name == name);
        var g = new Generated(Assembly.Value.Type(name));
        Random random = TensorCase.RandomFor(name, 2);
        for (int round = 0; round < 4; round++)
        {
            Dirty();
            object[] args = at(random, Large + round);
            DerivativeChecks.VerifyAt(g, args, random, c.FdStep, $"{name} (n = {Large + round})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_the_array_read_by_the_counter_plus_constants_skips_the_zeroing(string name)
    {
        var (_, _, windowed) = Cases.Single(c => c.Case.Name == name);
        string generated = Assembly.Value.Generated(name);
        string adjoint = generated.Substring(generated.IndexOf("FAdjoint(", StringComparison.Ordinal));
        adjoint = adjoint.Substring(0, adjoint.IndexOf("FTangent(", StringComparison.Ordinal));
        Assert.True(adjoint.Contains("each iteration's"), "expected a fused loop in\n" + adjoint);
        Assert.True(adjoint.Contains(Unzeroed) == windowed, (windowed ? "expected an unzeroed adjoint in\n" : "expected a zeroed adjoint in\n") + adjoint);
    }

    [Fact]
    public void Garbage_left_on_the_heap_reaches_unzeroed_arrays()
    {
        // The premise of the test above: without it, a missing write would go unseen.
        bool seen = false;
        for (int round = 0; round < 20 && !seen; round++)
        {
            Dirty();
            double[] fresh = GC.AllocateUninitializedArray<double>(Large);
            seen = fresh.Any(double.IsNaN);
        }

        Assert.True(seen, "GC.AllocateUninitializedArray never returned memory holding the NaN garbage: the window tests cannot see a missing write.");
    }

    /// <summary>Leaves NaN-filled garbage of the sizes the tests allocate where the next allocations will land.</summary>
    private static void Dirty()
    {
        GC.Collect();
        for (int i = 0; i < 64; i++)
        {
            var garbage = new double[Large + 4];
            Array.Fill(garbage, double.NaN);
            GC.KeepAlive(garbage);
        }

        var complexGarbage = new Complex[Large + 4];
        Array.Fill(complexGarbage, new Complex(double.NaN, double.NaN));
        GC.KeepAlive(complexGarbage);
        GC.Collect();
    }
}
