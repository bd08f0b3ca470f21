using System;
using System.Linq;
using Diff.Generator.Emission;
using Diff.Generator.Model;
using Diff.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator;

/// <summary>
/// The Diff source generator: for each <c>[Differentiable]</c> method it parses the body into an equatable model
/// (<c>Parsing/</c>, <c>Model/</c>), analyzes it (<c>Analysis/</c>), differentiates it in both modes
/// (<c>Differentiation/</c>) and writes <c>{Type}.{Method}.g.cs</c> (<c>Emission/</c>). It reports nothing itself:
/// the analyzers in <c>Analyzers/</c> report what the same parser finds, and a method with an error gets no file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DiffGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Types.DifferentiableAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (c, ct) => c.TargetSymbol is IMethodSymbol method && c.TargetNode is MethodDeclarationSyntax syntax
                    ? MethodParser.Parse(method, syntax, c.SemanticModel, ct)
                    : null)
            .WithTrackingName(TrackingNames.Parse);

        var models = parsed
            .Where(static r => r is { Model: not null } && !r.Diagnostics.Any(d => d.IsError))
            .Select(static (r, _) => r!.Model!)
            .WithTrackingName(TrackingNames.Models);

        var files = models
            .Select(static (model, _) => Emit(model))
            .Where(static f => f is not null)
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(files, static (spc, file) =>
        {
            try
            {
                spc.AddSource(file!.HintName, file.Text);
            }
            catch (ArgumentException)
            {
                // Two methods with the same type and method name in different namespaces: qualify the second.
                spc.AddSource(file!.FallbackHintName, file.Text);
            }
        });
    }

    private static GeneratedFile? Emit(MethodModel model)
    {
        try
        {
            return new GeneratedFile(model.HintName, (model.Namespace is null ? string.Empty : model.Namespace + ".") + model.HintName, MemberEmitter.Emit(model));
        }
        catch (Exception)
        {
            // Never throw from a generator: the BodyAnalyzer reports DIFF9999 for the same method.
            return null;
        }
    }
}

/// <summary>A generated file.</summary>
internal sealed record GeneratedFile(string HintName, string FallbackHintName, string Text);
