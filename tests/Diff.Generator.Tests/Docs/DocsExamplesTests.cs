using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Diff.Generator.Tests.Docs;

/// <summary>The console is redirected while an example runs, so these tests run alone.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection
{
}

/// <summary>
/// The C# examples of README.md, docs/getting-started.md and docs/concepts.md, as written there: every block carries
/// a <c>doc-test</c> marker saying how it is checked; code blocks compile with the generator, outputs shown on the page
/// are what the code prints, and listings of generated code are what the generator writes. A page cannot drift from
/// the product without one of these failing.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class DocsExamplesTests
{
    public static IEnumerable<object[]> Pages => MarkdownExamples.Pages.Select(p => new object[] { p });

    public static IEnumerable<object[]> Groups =>
        DocExampleGroup.All.Keys.OrderBy(k => k.Page, StringComparer.Ordinal).ThenBy(k => k.Group, StringComparer.Ordinal)
            .Select(k => new object[] { k.Page, k.Group });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_says_how_it_is_checked(string page)
    {
        var blocks = MarkdownExamples.Read(page);
        var unmarked = blocks.Where(b => b.Language == "csharp" && b.Kind is null or ExampleKind.Output).ToList();
        Assert.True(unmarked.Count == 0,
            "C# blocks without a doc-test marker (<!-- doc-test: file|fragment|members|statements|generated|signatures GROUP --> or <!-- doc-test: skip REASON -->) above them: "
            + string.Join(", ", unmarked));
        Assert.All(blocks.Where(b => b.Kind == ExampleKind.Skip), b => Assert.False(string.IsNullOrWhiteSpace(b.Argument), $"{b}: a skipped block must say why."));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Examples_compile_with_the_generator(string page, string group)
    {
        DocExampleGroup examples = DocExampleGroup.All[(page, group)];
        Assert.Empty(examples.Run.GeneratorDiagnostics);
        Assert.True(examples.Problems.Length == 0, $"{page}, group '{group}' does not compile:\n{examples.Problems}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Shown_outputs_are_what_the_examples_print(string page)
    {
        var blocks = MarkdownExamples.Read(page);
        int checkedOutputs = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != ExampleKind.Output)
                continue;
            MarkdownBlock code = blocks.Take(i).Last(b => b.Kind is ExampleKind.File or ExampleKind.Statements);
            string printed = DocExampleGroup.All[(page, code.Group)].Output(code);
            Assert.True(Normalize(blocks[i].Text) == Normalize(printed),
                $"{blocks[i]} shows the output of {code}:\n{blocks[i].Text}\nbut it prints:\n{printed}");
            checkedOutputs++;
        }
        Assert.True(checkedOutputs > 0 || blocks.All(b => b.Kind != ExampleKind.Output));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Listings_of_generated_code_are_what_the_generator_writes(string page)
    {
        foreach (MarkdownBlock listing in MarkdownExamples.Read(page).Where(b => b.Kind is ExampleKind.Generated or ExampleKind.Signatures))
        {
            DocExampleGroup group = DocExampleGroup.All[(page, listing.Group)];
            if (listing.Kind == ExampleKind.Generated)
            {
                string hint = listing.Argument.EndsWith(".g.cs", StringComparison.Ordinal) ? listing.Argument : listing.Argument + ".g.cs";
                var file = group.Run.Sources.Where(s => s.HintName == hint || s.HintName.EndsWith("." + hint, StringComparison.Ordinal)).ToList();
                Assert.True(file.Count == 1, $"{listing}: no generated file '{hint}' (generated: {string.Join(", ", group.Run.Sources.Select(s => s.HintName))}).");
                Assert.True(TrimmedLines(file[0].Text).Contains(TrimmedLines(listing.Text), StringComparison.Ordinal),
                    $"{listing} is not what the generator writes into {file[0].HintName}:\n{file[0].Text}");
            }
            else
            {
                var declared = group.Run.Sources.SelectMany(s => s.Text.Split('\n')).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
                foreach (string signature in listing.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                    Assert.True(declared.Contains(signature.TrimEnd(';')), $"{listing}: the generator declares no '{signature.TrimEnd(';')}'.");
            }
        }
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static string TrimmedLines(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()));
}
