using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Diagnostics;

/// <summary>
/// Snapshots of what the analyzers report for invalid code (id, severity, line:column, message, and the offending
/// line), one or more cases per id, with the generator's silence for the methods in error.
/// </summary>
public sealed class DiagnosticsTests
{
    public static IEnumerable<object[]> Names =>
        DiagnosticCases.All.Keys.OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyzers_report_the_diagnostic(string name)
    {
        DiagnosticCase c = DiagnosticCases.All[name];
        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.RunAnalyzers(TestCompilation.Create(c.Source));

        Assert.DoesNotContain(diagnostics, d => d.Id is "DIFF9999" or "AD0001");
        foreach (string id in c.ExpectedIds)
            Assert.True(diagnostics.Any(d => d.Id == id), $"{name}: no {id}. Reported:\n{Format(diagnostics, c.Source)}");
        foreach (Diagnostic d in diagnostics.Where(d => d.Id.StartsWith("DIFF", StringComparison.Ordinal)))
        {
            Assert.EndsWith("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.Descriptor.HelpLinkUri);
            Assert.Equal(d.Id switch
            {
                "DIFF0009" or "DIFF0010" => DiagnosticSeverity.Warning,
                "DIFF0020" => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Error,
            }, d.Severity);
        }
        Snapshot.VerifyText(Format(diagnostics, c.Source), name);

        // In the source tree, so that #pragma warning disable, [SuppressMessage] and the editor apply to it.
        foreach (Diagnostic d in diagnostics)
            Assert.True(d.Location.IsInSource, $"{d.Id} at {d.Location.GetLineSpan()} is not located in the source tree.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generator_writes_nothing_for_a_method_in_error(string name)
    {
        DiagnosticCase c = DiagnosticCases.All[name];
        GeneratorRun run = GeneratorHarness.Run(c.Source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.All(run.RunResult.Results, r => Assert.Null(r.Exception));
        foreach (string method in c.Silent)
        {
            Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("." + method + ".g.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(run.Sources, s => s.Text.Contains(method + "Adjoint(", StringComparison.Ordinal)
                                                     || s.Text.Contains(method + "Tangent(", StringComparison.Ordinal));
        }
        foreach (string method in c.Generated ?? [])
        {
            Assert.Contains(run.Sources, s => s.Text.Contains(method + "Adjoint(", StringComparison.Ordinal));
            Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d));
        }
        // Whatever it writes compiles: no error or warning of the compiler points into a generated file.
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error && IsGenerated(d));
    }

    [Fact]
    public void Every_id_has_a_case()
    {
        var covered = DiagnosticCases.All.Values.SelectMany(c => c.ExpectedIds).ToHashSet();
        var ids = GeneratorHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "DIFF9999").Distinct();
        foreach (string id in ids)
            Assert.Contains(id, covered);
    }

    [Fact]
    public void Every_reported_id_has_a_section_in_docs_diagnostics_md()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        var ids = GeneratorHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "DIFF9999").Distinct().ToList();
        Assert.NotEmpty(ids);
        foreach (string id in ids)
            Assert.Matches(new Regex("^## " + id + ": ", RegexOptions.Multiline), docs);
    }

    /// <summary>One line per diagnostic: id, severity, (line,column), message; then the offending line of source.</summary>
    private static string Format(IEnumerable<Diagnostic> diagnostics, string source)
    {
        string[] lines = source.Replace("\r\n", "\n").Split('\n');
        var text = new StringBuilder();
        foreach (Diagnostic d in diagnostics)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            int line = span.StartLinePosition.Line, column = span.StartLinePosition.Character;
            text.Append($"{d.Id} {d.Severity} ({line + 1},{column + 1}): {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n");
            if (span.IsValid && line < lines.Length)
                text.Append("    ").Append(lines[line].Trim()).Append('\n');
        }
        return text.Length == 0 ? "(no diagnostics)\n" : text.ToString();
    }

    private static bool IsGenerated(Diagnostic d) =>
        d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static string RepoRoot() =>
        typeof(DiagnosticsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
}
