using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Diff.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Analyzers;

/// <summary>
/// The base of the analyzers of <c>[Differentiable]</c> methods: each parses the method with the generator's own
/// <see cref="MethodParser"/> and reports the diagnostics it owns, so the editor shows exactly what stops the
/// generator.
/// </summary>
public abstract class DifferentiableMethodAnalyzer : DiagnosticAnalyzer
{
    private readonly HashSet<string> _ids;

    private protected DifferentiableMethodAnalyzer(params DiagnosticDescriptor[] descriptors)
    {
        SupportedDiagnostics = descriptors.ToImmutableArray();
        _ids = new HashSet<string>(descriptors.Select(d => d.Id));
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
    }

    private void Analyze(SyntaxNodeAnalysisContext context)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method
            || !Types.HasAttribute(method, Types.DifferentiableAttribute))
        {
            return;
        }

        var result = MethodParser.Parse(method, syntax, context.SemanticModel, context.CancellationToken);
        foreach (var info in Extra(result, method, syntax).Concat(result.Diagnostics))
        {
            if (_ids.Contains(info.Id))
            {
                context.ReportDiagnostic(info.ToDiagnostic(context.SemanticModel.Compilation));
            }
        }
    }

    /// <summary>Diagnostics an analyzer adds beyond the parser's (the emission check of <see cref="BodyAnalyzer"/>).</summary>
    private protected virtual IEnumerable<DiagnosticInfo> Extra(ParseResult result, IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        Enumerable.Empty<DiagnosticInfo>();
}

/// <summary>Reports declarations that cannot be differentiated: DIFF0001–0004, DIFF0013–0015.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DifferentiableMethodAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DeclarationAnalyzer()
        : base(
            DiagnosticDescriptors.TypeNotPartial,
            DiagnosticDescriptors.MethodNotStatic,
            DiagnosticDescriptors.UnsupportedParameter,
            DiagnosticDescriptors.UnsupportedReturnType,
            DiagnosticDescriptors.NameTaken,
            DiagnosticDescriptors.GenericUnsupported,
            DiagnosticDescriptors.NoBody)
    {
    }
}

/// <summary>Reports dependence problems: DIFF0010, a result that does not depend on any differentiable parameter.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DependenceAnalyzer : DifferentiableMethodAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DependenceAnalyzer()
        : base(DiagnosticDescriptors.ResultIndependent)
    {
    }
}
