using System.Collections.Generic;
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

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0001: makes the reported type <c>partial</c>, in every one of its declarations, together with every type that
/// encloses it and is not partial yet (the generated members need the whole chain).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialCodeFix)), Shared]
public sealed class MakeTypePartialCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by all its occurrences so Fix All applies them together.</summary>
    public const string EquivalenceKey = "Diff.MakeTypePartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNotPartial);

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
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
            {
                continue;
            }

            var title = EnclosingTypesLackPartial(type, context.CancellationToken) ? $"Make '{type.Name}' and its enclosing types partial" : $"Make '{type.Name}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => MakePartialAsync(context.Document.Project.Solution, type, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static bool EnclosingTypesLackPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            if (!current.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Solution> MakePartialAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // Every declaration of the type and of its enclosing types that lacks 'partial', grouped by document.
        var declarations = new List<SyntaxReference>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            declarations.AddRange(current.DeclaringSyntaxReferences);
        }

        var editor = new SolutionEditor(solution);
        foreach (var reference in declarations)
        {
            if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not TypeDeclarationSyntax declaration
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || solution.GetDocument(declaration.SyntaxTree) is not { } document)
            {
                continue;
            }

            var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
            var modifiers = documentEditor.Generator.GetModifiers(declaration).WithPartial(true);
            documentEditor.SetModifiers(declaration, modifiers);
        }

        return editor.GetChangedSolution();
    }
}
