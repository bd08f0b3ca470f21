using Diff.Generator.Tests.Infrastructure;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>The generated source of representative methods, compared with reviewed snapshots; each must compile warning-free.</summary>
public sealed class SnapshotTests
{
    private static string Generate(string source, string hintName)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), run.OutputDiagnosticsText + "\n\n" + string.Join("\n\n", run.Sources.Select(s => s.Text)));
        return run.Source(hintName);
    }

    [Fact]
    public void StraightLine() =>
        Snapshot.Verify(Generate(GeneratorTestSources.StraightLine, "Functions.Poly"), "StraightLine");

    [Fact]
    public void Damped() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Damped, "Physics.Damped"), "Damped");
}
