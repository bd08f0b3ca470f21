using System.Linq;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// Generated code in a strict user project (documentation comments checked, nullable enabled, every warning level):
/// no diagnostic of the compiler points into a generated file.
/// </summary>
public sealed class StrictProjectTests
{
    [Fact]
    public void Generated_files_compile_without_warnings_in_a_strict_project()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var sources = new[]
        {
            GeneratorTestSources.StraightLine, GeneratorTestSources.Damped, GeneratorTestSources.Branches,
            GeneratorTestSources.Returns, GeneratorTestSources.NestedLoops, GeneratorTestSources.ComplexParameters,
            GeneratorTestSources.ComplexOfReal, GeneratorTestSources.Calls, GeneratorTestSources.NoDerivative,
            GeneratorTestSources.Reassigned, GeneratorTestSources.MathBattery, GeneratorTestSources.ReturnInLoop,
            GeneratorTestSources.LoopEdgeCases,
        };
        var compilation = CSharpCompilation.Create(
            "Strict",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s.Replace("namespace Samples;", $"namespace Samples{i};"), options, path: $"Source{i}.cs")),
            TestCompilation.References,
            TestCompilation.Options.WithWarningLevel(9999).WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var driver = CSharpGeneratorDriver.Create(new[] { new DiffGenerator().AsSourceGenerator() }, parseOptions: options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(15, output.SyntaxTrees.Count() - sources.Length); // 13 methods, and the callees Inner of Calls and of LoopEdgeCases
        var generated = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(generated.Count == 0, string.Join("\n", generated));
    }
}
