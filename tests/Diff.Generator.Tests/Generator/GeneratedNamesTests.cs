using System.Reflection;
using System.Runtime.CompilerServices;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// The names callers see (API.md, "Generated members"): a generated name that is taken or not allowed where it
/// stands gets <c>_</c> appended; the generated file is <c>{Namespace}.{Type}.{Method}.g.cs</c>, so same-named
/// types in different namespaces and overloads each get theirs.
/// </summary>
public sealed class GeneratedNamesTests
{
    private const string Names = GeneratorTestSources.Usings + """
        namespace Samples;

        public static partial class Names
        {
            [Differentiable]
            public static double Step(double t, double dt) => t * Math.Sin(dt);

            [Differentiable]
            public static double Elements(double Value, double Item3, double Rest, double Item1, double seed, double @class, double ToString)
                => Value * Rest + Item1 * seed - @class + Item3 * ToString;

            [Differentiable]
            public static double Keyword(double o, double @do) => o * @do;
        }
        """;

    private static readonly System.Lazy<(GeneratorRun Run, Assembly Assembly)> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Names);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), run.OutputDiagnosticsText);
        return (run, GeneratorHarness.Load(run.OutputCompilation));
    });

    private static MethodInfo Member(string name) => Compiled.Value.Assembly.GetType("Samples.Names")!.GetMethod(name)!;

    private static string[] ParameterNames(string member) => Member(member).GetParameters().Select(p => p.Name!).ToArray();

    // Eight elements nest a ValueTuple as the eighth (Rest): its own names follow, here none.
    private static string?[] ElementNames(string member) =>
        Member(member).ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()!.TransformNames.Take(8).ToArray();

    [Fact]
    public void The_tangent_of_t_beside_a_parameter_dt_is_dt_()
    {
        Assert.Equal(new[] { "t", "dt", "dt_", "ddt" }, ParameterNames("StepTangent"));
        Assert.Equal(new[] { "t", "dt", "seed" }, ParameterNames("StepAdjoint"));
    }

    [Fact]
    public void Tuple_elements_that_are_taken_or_not_allowed_get_an_underscore()
    {
        // Item3 stands third (allowed there); Item1 does not stand first.
        var expected = new[] { "Value", "Value_", "Item3", "Rest_", "Item1_", "seed", "class", "ToString_" };
        Assert.Equal(expected, ElementNames("ElementsAdjoint"));
        Assert.Equal(expected, ElementNames("ElementsGradient"));
        Assert.Equal(expected, ElementNames("ElementsJacobian"));
        Assert.Equal(new[] { "Value", "Item3", "Rest", "Item1", "seed", "class", "ToString", "seed_" }, ParameterNames("ElementsAdjoint"));
    }

    [Fact]
    public void A_tangent_that_would_be_a_keyword_is_not()
    {
        Assert.Equal(new[] { "o", "do", "do_", "ddo" }, ParameterNames("KeywordTangent"));
        var (value, tangent) = ((double, double))Member("KeywordTangent").Invoke(null, new object[] { 2.0, 3.0, 1.0, 0.5 })!;
        Assert.Equal(6.0, value);
        Assert.Equal(3.0 * 1.0 + 2.0 * 0.5, tangent);
    }

    [Fact]
    public void Same_named_types_in_two_namespaces_each_get_their_file()
    {
        var run = GeneratorHarness.Run(GeneratorTestSources.Usings + """
            namespace First
            {
                public static partial class Model
                {
                    [Differentiable]
                    public static double Loss(double x) => x * x;
                }
            }

            namespace Second
            {
                public static partial class Model
                {
                    [Differentiable]
                    public static double Loss(double x) => x * x * x;

                    public static partial class Nested
                    {
                        [Differentiable]
                        public static double Loss(double x) => Math.Sin(x);
                    }
                }
            }

            public static partial class Model
            {
                [Differentiable]
                public static double Loss(double x) => 2 * x;
            }

            namespace @class
            {
                public static partial class Model
                {
                    [Differentiable]
                    public static double Loss(double x) => 3 * x;
                }
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), run.OutputDiagnosticsText);
        // '@' is not allowed in a hint name: it becomes '_', and a hash of the name keeps it apart from a namespace _class.
        Assert.Equal(
            new[] { "First.Model.Loss.g.cs", "Model.Loss.g.cs", "Second.Model.Loss.g.cs", "Second.Model.Nested.Loss.g.cs" },
            run.Sources.Select(s => s.HintName).Where(h => !h.StartsWith("_class.", System.StringComparison.Ordinal)).ToArray());
        Assert.Single(run.Sources, s => System.Text.RegularExpressions.Regex.IsMatch(s.HintName, @"^_class\.Model\.Loss-[0-9a-f]{8}\.g\.cs$"));
        var assembly = GeneratorHarness.Load(run.OutputCompilation);
        (double, double) Gradient(string type) => ((double, double))assembly.GetType(type)!.GetMethod("LossGradient")!.Invoke(null, new object[] { 2.0 })!;
        Assert.Equal((4.0, 4.0), Gradient("First.Model"));
        Assert.Equal((8.0, 12.0), Gradient("Second.Model"));
        Assert.Equal((System.Math.Sin(2.0), System.Math.Cos(2.0)), Gradient("Second.Model+Nested"));
        Assert.Equal((4.0, 2.0), Gradient("Model"));
        Assert.Equal((6.0, 3.0), Gradient("class.Model"));
    }

    [Fact]
    public void Two_methods_of_one_signature_do_not_make_the_generator_fail()
    {
        // CS0111 is the user's error; the generator still must not throw (CS8785 would drop every other method's members).
        var run = GeneratorHarness.Run(GeneratorTestSources.Usings + """
            namespace Samples;

            public static partial class Twice
            {
                [Differentiable]
                public static double Loss(double x) => x * x;

                [Differentiable]
                public static double Loss(double y) => y;

                [Differentiable]
                public static double Other(double x) => x * x;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Samples.Twice.Other.g.cs");
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id == "CS8785");
    }
}
