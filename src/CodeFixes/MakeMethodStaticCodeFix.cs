using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0002: makes a <c>[Differentiable]</c> method <c>static</c>. Offered only where that keeps the code compiling:
/// the method is not virtual, abstract, an override or an interface implementation, and its body uses no
/// <c>this</c> (explicit or implied by an instance member).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMethodStaticCodeFix)), Shared]
public sealed class MakeMethodStaticCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by all its occurrences so Fix All applies them together.</summary>
    public const string EquivalenceKey = "Diff.MakeMethodStatic";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MethodNotStatic);

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
            var method = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method is null || model.GetDeclaredSymbol(method, context.CancellationToken) is not IMethodSymbol symbol
                || !CanBeStatic(method, symbol, model, context.CancellationToken))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Make '{symbol.Name}' static", ct => MakeStaticAsync(context.Document, method, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static bool CanBeStatic(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride || symbol.ContainingType.TypeKind == TypeKind.Interface
            || !symbol.ExplicitInterfaceImplementations.IsEmpty || IsImplicitInterfaceImplementation(symbol))
        {
            return false;
        }

        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return true;
        }

        // Any use of the instance, written or implied (a call of an instance method, a read of a field), blocks it.
        var operation = model.GetOperation(body, cancellationToken);
        return operation is null || !operation.DescendantsAndSelf().OfType<IInstanceReferenceOperation>().Any();
    }

    private static bool IsImplicitInterfaceImplementation(IMethodSymbol symbol) =>
        symbol.ContainingType.AllInterfaces
            .SelectMany(i => i.GetMembers(symbol.Name))
            .Any(member => SymbolEqualityComparer.Default.Equals(symbol.ContainingType.FindImplementationForInterfaceMember(member), symbol));

    private static async Task<Document> MakeStaticAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.SetModifiers(method, editor.Generator.GetModifiers(method).WithIsStatic(true));
        return editor.GetChangedDocument();
    }
}
