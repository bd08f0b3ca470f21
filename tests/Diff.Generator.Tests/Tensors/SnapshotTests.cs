using System;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Tensors;

/// <summary>The generated source of the seed notebook's tensor cells, compared with reviewed snapshots in Tensors/Snapshots.</summary>
public sealed class SnapshotTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(SeedSources.Cells));

    [Fact]
    public void Generated_code_compiles_warning_free_and_the_analyzers_report_nothing()
    {
        GeneratorRun run = Run.Value;
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), run.OutputDiagnosticsText);
        Assert.Empty(GeneratorHarness.RunAnalyzers(run.OutputCompilation).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            new[] { "Seed.Cells.Cell5.g.cs", "Seed.Cells.Cell6.g.cs", "Seed.Cells.DotW.g.cs", "Seed.Cells.Evolve.g.cs", "Seed.Cells.Propagate.g.cs", "Seed.Cells.Square.g.cs" },
            run.Sources.Select(s => s.HintName).ToArray());
    }

    [Theory]
    [InlineData("Square")]
    [InlineData("DotW")]
    [InlineData("Cell5")]
    [InlineData("Cell6")]
    [InlineData("Evolve")]
    [InlineData("Propagate")]
    public void Seed_cell(string method) => Snapshot.Verify(Run.Value.Source("Seed.Cells." + method), "Seed." + method);
}
