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
        context.RegisterCompilationStartAction(start =>
        {
            // The attribute type is looked up once per compilation; a project that does not reference Diff has no
            // [Differentiable] method, so nothing is registered and the analyzer costs nothing.
            if (start.Compilation.GetTypeByMetadataName(Types.DifferentiableAttribute) is not { } attribute)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => Analyze(c, attribute), SyntaxKind.MethodDeclaration);
            if (TypeDeclarationKinds.Length > 0)
            {
                start.RegisterSyntaxNodeAction(c => AnalyzeType(c, attribute), TypeDeclarationKinds);
            }
        });
    }

    /// <summary>The type declarations an analyzer also analyzes (the partial check of <see cref="DeclarationAnalyzer"/>).</summary>
    private protected virtual SyntaxKind[] TypeDeclarationKinds => System.Array.Empty<SyntaxKind>();

    /// <summary>Analyzes a type declaration of one of <see cref="TypeDeclarationKinds"/>.</summary>
    private protected virtual void AnalyzeType(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
    }

    /// <summary>Whether <paramref name="method"/> carries <paramref name="attribute"/> (compared as symbols: no string is built).</summary>
    private protected static bool IsDifferentiable(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        foreach (var data in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ids of the parser's diagnostics that an analyzer reports from another action, not from the method's.</summary>
    private protected virtual bool ReportedElsewhere(string id) => false;

    private void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method
            || !IsDifferentiable(method, attribute))
        {
            return;
        }

        // Parsed once per compilation (MethodParser caches): the analyzers of a method share one parse.
        var result = MethodParser.Parse(method, syntax, context.SemanticModel, context.CancellationToken);
        foreach (var info in result.Diagnostics)
        {
            if (_ids.Contains(info.Id) && !ReportedElsewhere(info.Id))
            {
                context.ReportDiagnostic(info.ToDiagnostic(context.SemanticModel.Compilation));
            }
        }
    }
}

/// <summary>Reports declarations that cannot be differentiated: DIFF0001–0004, DIFF0013–0015, DIFF0019.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DifferentiableMethodAnalyzer
{
    private static readonly SyntaxKind[] TypeKinds =
    {
        SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.RecordDeclaration,
        SyntaxKind.RecordStructDeclaration, SyntaxKind.InterfaceDeclaration,
    };

    /// <summary>Creates the analyzer.</summary>
    public DeclarationAnalyzer()
        : base(
            DiagnosticDescriptors.TypeNotPartial,
            DiagnosticDescriptors.MethodNotStatic,
            DiagnosticDescriptors.UnsupportedParameter,
            DiagnosticDescriptors.UnsupportedReturnType,
            DiagnosticDescriptors.NameTaken,
            DiagnosticDescriptors.GenericUnsupported,
            DiagnosticDescriptors.NoBody,
            DiagnosticDescriptors.BadInput)
    {
    }

    /// <summary>
    /// DIFF0001 is located at the type, outside the method: reported from the method's action it would be a
    /// non-local diagnostic, which the editor shows only in full-solution analysis and offers no code fix for. So it
    /// is reported from the type declaration's own action, with the parser's arguments (one per method).
    /// </summary>
    private protected override bool ReportedElsewhere(string id) => id == DiagnosticDescriptors.TypeNotPartial.Id;

    private protected override SyntaxKind[] TypeDeclarationKinds => TypeKinds;

    private protected override void AnalyzeType(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type
            || type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax other && other.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return;
        }

        foreach (var method in declaration.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (method.AttributeLists.Count > 0
                && context.SemanticModel.GetDeclaredSymbol(method, context.CancellationToken) is IMethodSymbol symbol
                && IsDifferentiable(symbol, attribute))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeNotPartial, declaration.Identifier.GetLocation(), type.Name, symbol.Name));
            }
        }
    }
}

/// <summary>
/// Reports dependence problems: DIFF0010, a result that does not depend on any differentiable parameter, and the hint
/// DIFF0020, a differentiated parameter whose derivative is always zero (data that was meant to be a constant).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DependenceAnalyzer : DifferentiableMethodAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DependenceAnalyzer()
        : base(DiagnosticDescriptors.ResultIndependent, DiagnosticDescriptors.DataParameter)
    {
    }
}
