using System;
using System.Linq;
using Diff.Generator.Model;
using Diff.Generator.Parsing;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// Emission is total: the analyzers do not run it, so should the emitter ever throw, the generator's file must make
/// the build fail with the reason (an <c>#error</c> naming DIFF9999 and the method) rather than leave members missing.
/// </summary>
public sealed class EmissionFailureTests
{
    [Fact]
    public void A_failing_emission_writes_an_error_that_names_DIFF9999_and_the_method()
    {
        var compilation = TestCompilation.Create(GeneratorTestSources.Damped);
        var syntax = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .First(m => m.AttributeLists.Count > 0);
        var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
        var method = semanticModel.GetDeclaredSymbol(syntax)!;
        MethodModel model = MethodParser.Parse(method, syntax, semanticModel, default).Model!;
        Assert.NotNull(model);

        var text = DiffGenerator.FailureFile(model, new InvalidOperationException("boom\non two lines"));
        var withFailure = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: "Failure.g.cs"));
        var error = Assert.Single(withFailure.GetDiagnostics(), d => d.Location.SourceTree?.FilePath == "Failure.g.cs");
        Assert.Equal("CS1029", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("DIFF9999", message, StringComparison.Ordinal);
        Assert.Contains("." + model.Name + "'", message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom on two lines", message, StringComparison.Ordinal);
    }
}
