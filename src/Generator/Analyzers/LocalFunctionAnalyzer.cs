using System.Collections.Immutable;
using Diff.Generator.Diagnostics;
using Diff.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Analyzers;

/// <summary>
/// Reports <c>[Differentiable]</c> on a local function (top-level statements included) or a lambda (DIFF0017). The
/// generator adds derivatives to the partial type that declares a method, and a local function or lambda has none, so
/// without this the attribute would be ignored and the user would see only CS0103 for the missing <c>…Gradient</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LocalFunctionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LocalFunction);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(Types.DifferentiableAttribute) is not { } attribute)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => Analyze(c, attribute), SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var (attributeLists, what, call) = context.Node switch
        {
            LocalFunctionStatementSyntax local => (local.AttributeLists, $"The local function '{local.Identifier.ValueText}'", $"'Functions.{local.Identifier.ValueText}Gradient(…)'"),
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.AttributeLists, "A lambda", "the members generated beside it ('Functions.…Gradient(…)')"),
            _ => (default(SyntaxList<AttributeListSyntax>), "", ""),
        };
        foreach (var list in attributeLists)
        {
            foreach (var syntax in list.Attributes)
            {
                if (context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is IMethodSymbol constructor
                    && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attribute))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LocalFunction, syntax.GetLocation(), what, call));
                }
            }
        }
    }
}
