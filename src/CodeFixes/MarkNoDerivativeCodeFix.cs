using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0003: marks a parameter <c>[NoDerivative]</c> where that is what makes it acceptable: a by-value array that
/// the generator does not differentiate (<c>double[,]</c>, <c>Tensor[]</c>, <c>double[][]</c>), which it takes as a
/// constant when so marked. It is not offered for the other causes of DIFF0003 (<c>ref</c>, <c>params</c>, pointers,
/// type parameters), which the attribute does not lift. DIFF0007: for a call that reads parameters of the method, marks
/// one of them <c>[NoDerivative]</c>; a parameter so marked and never written is a constant, and a call on constants
/// needs no derivative. DIFF0020: marks the parameter whose derivative is always zero (data, most often).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkNoDerivativeCodeFix)), Shared]
public sealed class MarkNoDerivativeCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by all its occurrences so Fix All applies them together.</summary>
    public const string EquivalenceKey = "Diff.MarkNoDerivative";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnsupportedParameter, DiagnosticIds.NoDerivative, DiagnosticIds.DataParameter);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticIds.NoDerivative)
            {
                RegisterForCall(context, root, model, diagnostic);
                continue;
            }

            // DIFF0020 names a differentiated parameter whose derivative is always zero: marked, it is the constant it is.
            var parameter = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
            if (parameter is null || model.GetDeclaredSymbol(parameter, context.CancellationToken) is not { } symbol
                || !(diagnostic.Id == DiagnosticIds.DataParameter ? !HasNoDerivative(symbol) : IsLiftedByAttribute(symbol)))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Mark '{symbol.Name}' [NoDerivative]", ct => MarkAsync(context.Document, parameter, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// DIFF0007 on a call that reads parameters of the method: marking such a parameter [NoDerivative] makes it a
    /// constant (the method never writes it), so a call on constants needs no derivative. One fix per parameter.
    /// </summary>
    private static void RegisterForCall(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        var call = root.FindNode(diagnostic.Location.SourceSpan);
        if (call.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method
            || model.GetDeclaredSymbol(method, context.CancellationToken) is not { } methodSymbol)
        {
            return;
        }

        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression;
        var flow = body is null ? null : model.AnalyzeDataFlow(body);
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var identifier in call.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(identifier, context.CancellationToken).Symbol is not IParameterSymbol parameter
                || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, methodSymbol)
                || parameter.RefKind != RefKind.None || HasNoDerivative(parameter) || !IsDifferentiableType(parameter.Type)
                || flow is null || !flow.Succeeded || flow.WrittenInside.Contains(parameter, SymbolEqualityComparer.Default)
                || !seen.Add(parameter.Name))
            {
                continue;
            }

            var syntax = method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == parameter.Name);
            if (syntax is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Mark '{parameter.Name}' [NoDerivative] (a constant of '{methodSymbol.Name}')", ct => MarkAsync(context.Document, syntax, ct), EquivalenceKey + "." + parameter.Name),
                diagnostic);
        }
    }

    private static bool IsDifferentiableType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Double || IsComplex(type)
        || type is IArrayTypeSymbol { Rank: 1, ElementType: var element } && (element.SpecialType == SpecialType.System_Double || IsComplex(element))
        || type is INamedTypeSymbol { Name: "Tensor" or "ComplexTensor", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>Whether [NoDerivative] makes the parameter a constant the generator accepts.</summary>
    private static bool IsLiftedByAttribute(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None || parameter.IsParams || HasNoDerivative(parameter))
        {
            return false;
        }

        return parameter.Type switch
        {
            // double[] and Complex[] are differentiated; what is left for DIFF0003 is other arrays of numbers or tensors
            // (double[,], Tensor[], double[][]), which [NoDerivative] makes constants.
            IArrayTypeSymbol { ElementType: var element } => element.SpecialType == SpecialType.System_Double || IsComplex(element) || element is IArrayTypeSymbol
                || element is INamedTypeSymbol { Name: "Tensor" or "ComplexTensor", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } },
            INamedTypeSymbol { Name: "Tensor" or "ComplexTensor", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } } => true,
            _ => false,
        };
    }

    private static bool HasNoDerivative(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Diff.NoDerivativeAttribute");

    private static bool IsComplex(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Complex", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static async Task<Document> MarkAsync(Document document, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::Diff.NoDerivative"))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        editor.AddAttribute(parameter, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)));
        return editor.GetChangedDocument();
    }
}
