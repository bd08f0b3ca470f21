using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Diff.Generator;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Docs;

/// <summary>
/// The reference pages keep up with the code: every diagnostic the generator assembly declares has its section and
/// summary row in docs/diagnostics.md and its row in the analyzer release files, and every source file of the
/// generator is described in src/Generator/README.md.
/// </summary>
public sealed class DocsCoverageTests
{
    /// <summary>Every <see cref="DiagnosticDescriptor"/> declared in the generator assembly (static fields and properties).</summary>
    public static IEnumerable<object[]> Descriptors =>
        typeof(DiffGenerator).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!))
            .GroupBy(d => d.Id).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new object[] { d.Id });

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_diagnostic_has_a_section_a_summary_row_and_a_release_row(string id)
    {
        DiagnosticDescriptor descriptor = Find(id);
        string docs = Read("docs/diagnostics.md");
        string releases = Read("src/Generator/AnalyzerReleases.Shipped.md") + "\n" + Read("src/Generator/AnalyzerReleases.Unshipped.md");
        string severity = descriptor.DefaultSeverity.ToString();

        Assert.Matches(new Regex($@"^{id} \| {descriptor.Category} \| {severity} \| ", RegexOptions.Multiline), releases);
        if (id == "DIFF9999")
            return; // the internal error is not the user's to fix: it has a row in the releases only
        Assert.Matches(new Regex($"^## {id}: ", RegexOptions.Multiline), docs);
        Assert.Matches(new Regex($@"^\| \[{id}\]\(#{id.ToLowerInvariant()}\) \| {severity.ToLowerInvariant()} \| ", RegexOptions.Multiline), docs);
    }

    [Fact]
    public void Every_release_row_and_section_is_a_declared_diagnostic()
    {
        var declared = Descriptors.Select(d => (string)d[0]).ToHashSet(StringComparer.Ordinal);
        string text = Read("docs/diagnostics.md") + Read("src/Generator/AnalyzerReleases.Unshipped.md") + Read("src/Generator/AnalyzerReleases.Shipped.md");
        var mentioned = Regex.Matches(text, @"(?m)^(?:## |\| \[)?(DIFF\d{4})").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(mentioned.Except(declared));
    }

    [Fact]
    public void Every_generator_source_file_is_described_in_its_README()
    {
        string root = Path.Combine(MarkdownExamples.RepoRoot, "src", "Generator");
        string readme = Read("src/Generator/README.md");
        var missing = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(stem => !Regex.IsMatch(readme, $@"`(?:[\w/]+/)?{Regex.Escape(stem)}(\.cs)?`"))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "src/Generator/README.md does not name these files (as `Name`, `Name.cs` or `Folder/Name.cs`): " + string.Join(", ", missing));
    }

    private static DiagnosticDescriptor Find(string id) =>
        typeof(DiffGenerator).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .First(d => d.Id == id);

    private static string Read(string path) => File.ReadAllText(Path.Combine(MarkdownExamples.RepoRoot, path)).Replace("\r\n", "\n");
}
