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

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0020: <b>Differentiate only w, b</b> rewrites <c>[Differentiable]</c> to <c>[Differentiable(nameof(w), nameof(b))]</c>,
/// naming the inputs the analyzer found to matter (its <c>Inputs</c> property: every differentiated parameter but the
/// ones whose derivative is always zero). Named arguments of the attribute are kept. Offered where the attribute is in
/// the same file as the parameter (a partial method may carry it on its other part).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DifferentiateOnlyCodeFix)), Shared]
public sealed class DifferentiateOnlyCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix: every hint of one method asks for the same list, so Fix All writes it once.</summary>
    public const string EquivalenceKey = "Diff.DifferentiateOnly";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DataParameter);

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
            if (!diagnostic.Properties.TryGetValue("Inputs", out var list) || string.IsNullOrEmpty(list)
                || root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method
                || FindAttribute(method, model, context.CancellationToken) is not { } attribute)
            {
                continue;
            }

            var inputs = list!.Split(',');
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Differentiate only " + string.Join(", ", inputs),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithInputs(attribute, inputs)))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The method's <c>[Differentiable]</c>, found by its type (any spelling: <c>Differentiable</c>, <c>Diff.DifferentiableAttribute</c>, an alias).</summary>
    internal static AttributeSyntax? FindAttribute(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        method.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
            model.GetSymbolInfo(a, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "DifferentiableAttribute", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } } });

    /// <summary><paramref name="attribute"/> with <paramref name="inputs"/> as its positional arguments, its named ones kept after them.</summary>
    private static AttributeSyntax WithInputs(AttributeSyntax attribute, string[] inputs)
    {
        var named = attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is not null) ?? Enumerable.Empty<AttributeArgumentSyntax>();
        var arguments = inputs.Select(name => SyntaxFactory.AttributeArgument(Nameof(name))).Concat(named);
        return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
    }

    /// <summary><c>nameof(name)</c>, with <c>@</c> before a keyword.</summary>
    internal static ExpressionSyntax Nameof(string name)
    {
        var identifier = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.NameOfKeyword
            ? "@" + name
            : name;
        return SyntaxFactory.ParseExpression("nameof(" + identifier + ")");
    }
}
