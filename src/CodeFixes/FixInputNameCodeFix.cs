using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0019, a name in <c>[Differentiable(…)]</c> that cannot be an input. <b>Replace 'wieght' with nameof(weight)</b>
/// where the analyzer found one parameter close to the name (its <c>Replacement</c> property); <b>Remove 'n' from the
/// inputs</b> always (the last name removed leaves <c>[Differentiable]</c>, every differentiable parameter); and for a
/// name of a <c>[NoDerivative]</c> parameter, <b>Remove [NoDerivative] from 'x'</b>, the other way to settle the
/// contradiction.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixInputNameCodeFix)), Shared]
public sealed class FixInputNameCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the replacement (Fix All applies every replacement the analyzer proposed).</summary>
    public const string ReplaceKey = "Diff.FixInputName.Replace";

    /// <summary>The equivalence key of the removal of a name.</summary>
    public const string RemoveKey = "Diff.FixInputName.Remove";

    /// <summary>The equivalence key of the removal of <c>[NoDerivative]</c>.</summary>
    public const string RemoveNoDerivativeKey = "Diff.FixInputName.RemoveNoDerivative";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BadInput);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || expression.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList: not null } attribute
                || !diagnostic.Properties.TryGetValue("Name", out var name) || name is null)
            {
                continue;
            }

            expression = expression.AncestorsAndSelf().OfType<ExpressionSyntax>().First(e => e.Span == diagnostic.Location.SourceSpan);
            if (diagnostic.Properties.TryGetValue("Replacement", out var replacement) && replacement is not null)
            {
                var nameof = DifferentiateOnlyCodeFix.Nameof(replacement).WithTriviaFrom(expression);
                context.RegisterCodeFix(
                    CodeAction.Create($"Replace '{name}' with nameof({replacement})",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, nameof))), ReplaceKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Remove '{name}' from the inputs",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, Without(attribute, expression)))), RemoveKey),
                diagnostic);

            if (diagnostic.Properties.TryGetValue("Problem", out var problem) && problem == "NoDerivative"
                && attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                && method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter
                && NoDerivative(parameter, model, context) is { } marked)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Remove [NoDerivative] from '{name}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, WithoutAttribute(parameter, marked)))), RemoveNoDerivativeKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// <paramref name="attribute"/> without the name <paramref name="expression"/>: its argument, or its element of an
    /// array passed for the <c>params</c> parameter; with no argument left, without the parentheses.
    /// </summary>
    private static AttributeSyntax Without(AttributeSyntax attribute, ExpressionSyntax expression)
    {
        if (expression.Parent is InitializerExpressionSyntax initializer && initializer.Expressions.Count > 1)
        {
            var elements = initializer.Expressions.Remove(expression);
            if (initializer.Expressions.Last() == expression)
            {
                // The last element carried the space before the closing brace.
                var last = elements.Last();
                elements = elements.Replace(last, last.WithTrailingTrivia(expression.GetTrailingTrivia()));
            }

            return attribute.ReplaceNode(initializer, initializer.WithExpressions(elements));
        }

        var argument = expression.FirstAncestorOrSelf<AttributeArgumentSyntax>()!;
        var remaining = attribute.ArgumentList!.Arguments.Remove(argument);
        return remaining.Count == 0
            ? attribute.WithArgumentList(null)
            : attribute.WithArgumentList(attribute.ArgumentList.WithArguments(remaining));
    }

    private static AttributeSyntax? NoDerivative(ParameterSyntax parameter, SemanticModel model, CodeFixContext context) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
            model.GetSymbolInfo(a, context.CancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "NoDerivativeAttribute", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } } });

    /// <summary><paramref name="parameter"/> without <paramref name="attribute"/>, and without its list where it was alone there.</summary>
    private static ParameterSyntax WithoutAttribute(ParameterSyntax parameter, AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        if (list.Attributes.Count > 1)
        {
            return parameter.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        var lists = parameter.AttributeLists.Remove(list);
        var stripped = parameter.WithAttributeLists(lists);

        // The list's leading trivia (a space before the type, say) goes with it; the parameter keeps its own start.
        return lists.Count == 0 ? stripped.WithLeadingTrivia(parameter.GetLeadingTrivia()) : stripped;
    }
}
