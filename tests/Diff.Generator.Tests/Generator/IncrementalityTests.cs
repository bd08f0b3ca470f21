using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// The pipeline is incremental: an unrelated edit leaves every tracked step Cached or Unchanged, and no model holds a
/// symbol, syntax node, semantic model or compilation (which would defeat caching and keep compilations alive).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] Sources =
    {
        GeneratorTestSources.Damped,
        GeneratorTestSources.Branches,
        GeneratorTestSources.NestedLoops,
        GeneratorTestSources.Registered,
    };

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(Sources);
        var first = GeneratorHarness.Run(compilation);
        Assert.NotEmpty(first.Sources);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated; public static class Helper { public static int Answer() => 42; }",
            TestCompilation.ParseOptions, path: "Unrelated.cs"));
        var second = GeneratorHarness.Run(first.Driver, edited);

        var steps = second.RunResult.Results[0].TrackedSteps;
        foreach (var name in TrackingNames.All)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in steps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step {name} output was {reason} after an unrelated edit");
                }
            }
        }

        Assert.Equal(first.Sources.ToArray(), second.Sources.ToArray());
    }

    [Fact]
    public void An_edit_of_one_method_regenerates_only_that_method()
    {
        var compilation = TestCompilation.Create(Sources);
        var first = GeneratorHarness.Run(compilation);
        var oldTree = compilation.SyntaxTrees.First();
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(oldTree.ToString().Replace("v * v", "v * v * 2.0")));
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree));

        var emitted = second.RunResult.Results[0].TrackedSteps[TrackingNames.Emit];
        var modified = emitted.SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(1, modified);
        Assert.NotEqual(first.Source("Samples.Physics.Damped"), second.Source("Samples.Physics.Damped"));
        Assert.Equal(first.Source("Samples.Series.Accumulate"), second.Source("Samples.Series.Accumulate"));
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_or_compilations()
    {
        var run = GeneratorHarness.Run(TestCompilation.Create(Sources));
        var steps = run.RunResult.Results[0].TrackedSteps;
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedModels = 0;
        foreach (var name in TrackingNames.All)
        {
            foreach (var step in steps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Walk(value, $"{name} output", visited);
                    checkedModels++;
                }
            }
        }

        Assert.True(checkedModels >= 3 * Sources.Length, $"only {checkedModels} step outputs were walked");
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        Assert.False(value is ISymbol, $"{path} is an ISymbol ({value.GetType().Name})");
        Assert.False(value is SyntaxNode, $"{path} is a SyntaxNode ({value.GetType().Name})");
        Assert.False(value is SemanticModel, $"{path} is a SemanticModel");
        Assert.False(value is Compilation, $"{path} is a Compilation");
        Assert.False(value is Location, $"{path} is a Location");
        Assert.False(value is SyntaxTree, $"{path} is a SyntaxTree");

        var type = value.GetType();
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }

            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
        {
            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
