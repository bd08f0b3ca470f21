using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Diff.Generator.Tests.Docs;

/// <summary>
/// The Bad and Fixed examples of docs/diagnostics.md, each compiled on its own with the analyzers and the generator:
/// a Bad example is reported with its section's id, a Fixed one compiles, with no DIFF error and not its section's id. Listings that
/// show a reviewed snapshot file are that file, whole.
/// </summary>
public sealed class DiagnosticExamplesTests
{
    public static IEnumerable<object[]> Examples =>
        MarkdownExamples.Pages.SelectMany(MarkdownExamples.Read)
            .Where(b => b.Kind is ExampleKind.Reports or ExampleKind.Fixed)
            .Select(b => new object[] { b.Page, b.Line });

    [Theory]
    [MemberData(nameof(Examples))]
    public void Bad_examples_are_reported_and_fixed_ones_are_clean(string page, int line)
    {
        MarkdownBlock block = MarkdownExamples.Read(page).Single(b => b.Line == line);
        CSharpCompilation compilation = Compile(block.Text);
        var diagnostics = GeneratorHarness.RunAnalyzers(compilation).Where(d => d.Id.StartsWith("DIFF", StringComparison.Ordinal)).ToList();
        string reported = string.Join("\n", diagnostics.Select(d => $"{d.Id}: {d.GetMessage()}"));
        if (block.Kind == ExampleKind.Reports)
        {
            Assert.True(diagnostics.Any(d => d.Id == block.Group), $"{block} should be reported as {block.Group}; reported:\n{(reported.Length == 0 ? "nothing" : reported)}");
            return;
        }

        // A fix may leave a warning of another kind that the page points out (Math.Floor's DIFF0009 in DIFF0006's fix).
        Assert.True(!diagnostics.Any(d => d.Id == block.Group || d.Severity == DiagnosticSeverity.Error),
            $"{block}, the fix for {block.Group}, is still reported:\n{reported}");
        GeneratorRun run = GeneratorHarness.Run(compilation);
        var errors = run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{block} does not compile:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Snapshot_listings_are_the_reviewed_snapshot(string page)
    {
        foreach (MarkdownBlock block in MarkdownExamples.Read(page).Where(b => b.Kind == ExampleKind.Snapshot))
        {
            string snapshot = File.ReadAllText(Path.Combine(MarkdownExamples.RepoRoot, block.Group)).Replace("\r\n", "\n");
            Assert.True(snapshot.TrimEnd('\n') == block.Text.TrimEnd('\n'), $"{block} is not {block.Group} as it stands.");
        }
    }

    public static IEnumerable<object[]> Pages => MarkdownExamples.Pages.Select(p => new object[] { p });

    // A Bad or Fixed example is a type declaration, members shown without their type, or a top-level program.
    private static CSharpCompilation Compile(string text)
    {
        string trimmed = text.TrimStart();
        bool declaresType = text.Contains("class ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal);
        bool isMember = trimmed.StartsWith('[') || trimmed.StartsWith("public ", StringComparison.Ordinal) || trimmed.StartsWith("static ", StringComparison.Ordinal);
        string source = declaresType || !isMember
            ? DocExampleGroup.FragmentUsings + text
            : DocExampleGroup.FragmentUsings + "public static partial class Examples\n{\n" + text + "}\n";
        var tree = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: "Example.cs");
        bool program = tree.GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        return CSharpCompilation.Create("DiagnosticExample", [tree], TestCompilation.References,
            TestCompilation.Options.WithOutputKind(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
    }
}
