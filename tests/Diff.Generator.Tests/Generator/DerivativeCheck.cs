using System;
using System.Numerics;
using System.Reflection;
using Diff.Generator.Tests.Infrastructure;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// Compares the generated tangent and adjoint of a method with central differences of the method itself, in
/// every real direction of every differentiable parameter (1 and i for a complex one).
/// </summary>
internal static class DerivativeCheck
{
    public static void Verify(string source, string type, string method, params object[] args)
    {
        var run = GeneratorHarness.Run(source);
        var errors = run.OutputDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n\n" + string.Join("\n\n", run.Sources.Select(s => s.Text)));
        var assembly = GeneratorHarness.Load(run.OutputCompilation);
        var t = assembly.GetType(type)!;
        var f = t.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
        var tangent = t.GetMethod(method + "Tangent")!;
        var adjoint = t.GetMethod(method + "Adjoint")!;
        var differentiable = f.GetParameters()
            .Where(p => (p.ParameterType == typeof(double) || p.ParameterType == typeof(Complex))
                        && p.GetCustomAttributes().All(a => a.GetType().Name != "NoDerivativeAttribute"))
            .ToList();
        var complexOutput = f.ReturnType == typeof(Complex);

        Complex Eval(object[] a) => AsComplex(f.Invoke(null, a)!);

        var seeds = complexOutput ? new[] { Complex.One, Complex.ImaginaryOne, new Complex(0.3, -0.7) } : new[] { Complex.One };
        var adjoints = seeds.Select(s => (ITuple(adjoint.Invoke(null, args.Append(complexOutput ? s : (object)s.Real).ToArray())!))).ToList();

        for (var k = 0; k < differentiable.Count; k++)
        {
            var p = differentiable[k];
            var directions = p.ParameterType == typeof(Complex) ? new[] { Complex.One, Complex.ImaginaryOne } : new[] { Complex.One };
            foreach (var direction in directions)
            {
                const double h = 1e-6;
                var plus = (object[])args.Clone();
                var minus = (object[])args.Clone();
                plus[p.Position] = Shift(args[p.Position], direction * h);
                minus[p.Position] = Shift(args[p.Position], -direction * h);
                var expected = (Eval(plus) - Eval(minus)) / (2 * h);

                var tangentArgs = args.ToList();
                foreach (var q in differentiable)
                {
                    tangentArgs.Add(q == p ? Direction(q, direction) : Direction(q, Complex.Zero));
                }

                var forward = ITuple(tangent.Invoke(null, tangentArgs.ToArray())!);
                AssertClose(expected, AsComplex(forward[1]), $"tangent of {method} along {p.Name}·{direction}");
                AssertClose(Eval(args), AsComplex(forward[0]), $"value of {method}Tangent");

                for (var s = 0; s < seeds.Length; s++)
                {
                    // d/dε Re(conj(seed)·F(x + ε·direction)) = Re(conj(seed)·expected) must equal Re(conj(adjoint)·direction).
                    var along = (Complex.Conjugate(seeds[s]) * expected).Real;
                    var adjointValue = AsComplex(adjoints[s][k + 1]);
                    var fromAdjoint = (Complex.Conjugate(adjointValue) * direction).Real;
                    AssertClose(along, fromAdjoint, $"adjoint of {method} for {p.Name}, seed {seeds[s]}, direction {direction}");
                }
            }
        }
    }

    private static object Direction(ParameterInfo p, Complex d) =>
        p.ParameterType == typeof(Complex) ? (object)d : d.Real;

    private static object Shift(object value, Complex by) =>
        value is Complex z ? (object)(z + by) : (double)value + by.Real;

    private static Complex AsComplex(object? value) => value switch
    {
        Complex z => z,
        double d => d,
        _ => throw new InvalidOperationException("Not a scalar: " + value),
    };

    private static object?[] ITuple(object tuple)
    {
        var t = (System.Runtime.CompilerServices.ITuple)tuple;
        var items = new object?[t.Length];
        for (var i = 0; i < t.Length; i++)
        {
            items[i] = t[i];
        }

        return items;
    }

    private static void AssertClose(Complex expected, Complex actual, string what)
    {
        var scale = Math.Max(1, expected.Magnitude);
        Assert.True((expected - actual).Magnitude <= 1e-5 * scale, $"{what}: expected {expected}, got {actual}");
    }

    private static void AssertClose(double expected, double actual, string what) =>
        AssertClose(new Complex(expected, 0), new Complex(actual, 0), what);
}
