using System;
using System.Collections.Immutable;
using System.Linq;
using Diff.Generator.Parsing;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Diagnostics;

/// <summary>
/// What the analyzers say about <c>[Differentiable(nameof(…))]</c> beyond the snapshots: where the hint DIFF0020 stays
/// silent (no false positive), what it hands the code fix, how callers see a method's list, and the list on a partial
/// method's other part.
/// </summary>
public sealed class InputsTests
{
    private const string Usings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    private static ImmutableArray<Diagnostic> Analyze(string members) =>
        GeneratorHarness.RunAnalyzers(Usings + "public static partial class C\n{\n" + members + "\n}\n");

    [Theory]
    [InlineData("regression targets carry a derivative", """
        [Differentiable]
        public static double M(double w, double[] x, double[] y)
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++) { double r = w * x[i] - y[i]; s += r * r; }
            return s;
        }
        """)]
    [InlineData("the method lists its inputs", """
        [Differentiable(nameof(w), nameof(labels))]
        public static double M(double w, double[] labels) => labels.Length > 2 ? w * w : w;
        """)]
    [InlineData("the parameter is written: an in-out value", """
        [Differentiable]
        public static double M(double w, double k)
        {
            k = 2;
            return w * w + (k > 1 ? 1 : 0);
        }
        """)]
    [InlineData("a single input: DIFF0010 says it", """
        [Differentiable]
        public static double M(double w) => w > 0 ? 1 : 0;
        """)]
    [InlineData("every input is zero: DIFF0010 says it", """
        [Differentiable]
        public static double M(double w, double[] labels) => w > labels.Length ? 1 : 0;
        """)]
    [InlineData("through a differentiable call", """
        [Differentiable]
        static double Twice(double v) => 2 * v;

        [Differentiable]
        public static double M(double w, double v) => w * Twice(v);
        """)]
    public void The_hint_stays_silent_where_the_derivative_is_not_certainly_zero(string why, string members)
    {
        ImmutableArray<Diagnostic> diagnostics = Analyze(members);
        Assert.True(!diagnostics.Any(d => d.Id == "DIFF0020"), $"{why}: {string.Join("\n", diagnostics)}");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_hint_hands_the_code_fix_the_inputs_to_keep()
    {
        ImmutableArray<Diagnostic> diagnostics = Analyze("""
            [Differentiable]
            public static double M(double w, double[] mask, double b, Tensor unused) => mask[0] > 0 ? w * b : b;
            """);
        var hints = diagnostics.Where(d => d.Id == "DIFF0020").ToList();
        Assert.Equal(["mask", "unused"], hints.Select(d => d.GetMessage().Split('\'')[1]));
        Assert.All(hints, d => Assert.Equal("w,b", d.Properties["Inputs"]));
        Assert.Equal(DiagnosticSeverity.Info, hints[0].Severity);
        Assert.Contains("reads it only where no derivative flows", hints[0].GetMessage());
        Assert.Contains("does not depend on it", hints[1].GetMessage());
        Assert.Contains("[Differentiable(nameof(w), nameof(b))]", hints[1].GetMessage());
    }

    [Fact]
    public void A_caller_may_not_pass_a_differentiated_value_for_a_parameter_left_out()
    {
        ImmutableArray<Diagnostic> diagnostics = Analyze("""
            [Differentiable(nameof(y))]
            public static double Inner(double x, double y) => x * y;

            [Differentiable]
            public static double Outer(double a) => Inner(a, 2.0) + Inner(1.5, a);
            """);
        Diagnostic error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DIFF0007", error.Id);
        Assert.Contains("with respect to 'x' (its derivatives hold 'x' constant", error.GetMessage());
        string source = error.Location.SourceTree!.ToString();
        Assert.Equal(source.IndexOf("Inner(a, 2.0)", StringComparison.Ordinal) + "Inner(".Length, error.Location.SourceSpan.Start); // at the argument
        Assert.Equal(1, error.Location.SourceSpan.Length);
    }

    [Fact]
    public void The_list_on_the_defining_part_of_a_partial_method_counts()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            public static partial class C
            {
                [Differentiable(nameof(y))]
                public static partial double M(double x, double y);

                public static partial double M(double x, double y) => x * Math.Sin(y);
            }
            """);
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string text = run.Sources.Single().Text;
        Assert.Contains("public static (double Value, double y) MAdjoint(double x, double y, double seed)", text);
        Assert.Contains("public static (double Value, double Tangent) MTangent(double x, double y, double dy)", text);
    }

    [Fact]
    public void A_list_lifts_DIFF0003_from_the_parameters_it_leaves_out_but_not_from_those_it_names()
    {
        // double[,] is not differentiated yet: as data (left out) it is a constant, as an input it stays DIFF0003.
        Assert.DoesNotContain(Analyze("""
            [Differentiable(nameof(x))]
            public static double M(double x, double[,] table) => x * table[0, 0];
            """), d => d.Severity == DiagnosticSeverity.Error);
        ImmutableArray<Diagnostic> named = Analyze("""
            [Differentiable(nameof(x), nameof(table))]
            public static double M(double x, double[,] table) => x * table.Length;
            """);
        Assert.Equal(["DIFF0003"], named.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
    }

    [Theory]
    [InlineData("wieght", "weight")]  // a swap counts once
    [InlineData("Weight", "weight")]  // case is ignored
    [InlineData("wt", null)]          // too far from every name
    [InlineData("bais", "bias")]
    [InlineData("z", null)]           // one letter: only a difference of case
    [InlineData("X", "x")]
    [InlineData("ab", null)]          // a tie between "a" and "b"
    public void The_closest_parameter_is_a_unique_one_a_few_letters_away(string name, string? expected) =>
        Assert.Equal(expected, Inputs.Closest(name, ["weight", "bias", "x", "a", "b"]));
}
