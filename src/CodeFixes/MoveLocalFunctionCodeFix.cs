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
using Microsoft.CodeAnalysis.Formatting;

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0017: moves a <c>[Differentiable]</c> local function to where the generator can add its derivatives.
/// <list type="bullet">
/// <item>In top-level statements: into a <c>public static partial class Functions</c> at the end of the file (a new
/// one, or the file's own if it already has that partial class), and every call of it, and of the members generated
/// beside it (<c>SquareGradient</c>, …), becomes <c>Functions.…</c>.</item>
/// <item>In a method of a <c>partial</c> type: into that type, as a <c>private static</c> method after the member it
/// was in; the calls keep resolving to it by name.</item>
/// </list>
/// Offered only where the move keeps the meaning: the function captures nothing, and its name is free in the target
/// type. A lambda gets no fix: it has no name to call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveLocalFunctionCodeFix)), Shared]
public sealed class MoveLocalFunctionCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "Diff.MoveLocalFunction";

    /// <summary>The class that receives functions moved out of top-level statements.</summary>
    public const string TopLevelClassName = "Functions";

    private static readonly string[] GeneratedSuffixes = ["Adjoint", "Tangent", "Gradient", "Jacobian"];

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LocalFunction);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<LocalFunctionStatementSyntax>() is not { } local
                || model.GetDeclaredSymbol(local, context.CancellationToken) is not IMethodSymbol function
                || Captures(local, model))
            {
                continue;
            }

            string name = local.Identifier.ValueText;
            if (local.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
            {
                if (TopLevelTarget(unit) is { } existing && existing.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == name))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Move '{name}' into 'static partial class {TopLevelClassName}'",
                        ct => MoveOutOfTopLevelAsync(context.Document, unit, local, function, ct), EquivalenceKey),
                    diagnostic);
            }
            else if (local.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { Parent: TypeDeclarationSyntax type } member
                     && type.Modifiers.Any(SyntaxKind.PartialKeyword)
                     && model.GetDeclaredSymbol(type, context.CancellationToken) is { } typeSymbol
                     && typeSymbol.GetMembers(name).IsEmpty)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Move '{name}' into '{type.Identifier.ValueText}'",
                        ct => MoveIntoTypeAsync(context.Document, member, local, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Whether the local function reads or writes a variable of its enclosing code (then it cannot move).</summary>
    private static bool Captures(LocalFunctionStatementSyntax local, SemanticModel model)
    {
        if (local.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return false;
        }

        SyntaxNode? body = (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression;
        if (body is null)
        {
            return false;
        }

        var flow = body is BlockSyntax block ? model.AnalyzeDataFlow(block) : model.AnalyzeDataFlow((ExpressionSyntax)body);
        if (flow is null || !flow.Succeeded)
        {
            return true;
        }

        var own = new HashSet<ISymbol>(flow.VariablesDeclared, SymbolEqualityComparer.Default);
        foreach (var parameter in local.ParameterList.Parameters)
        {
            if (model.GetDeclaredSymbol(parameter) is { } symbol)
            {
                own.Add(symbol);
            }
        }

        return flow.ReadInside.Concat(flow.WrittenInside).Any(s => s is ILocalSymbol or IParameterSymbol && !own.Contains(s));
    }

    private static ClassDeclarationSyntax? TopLevelTarget(CompilationUnitSyntax unit) =>
        unit.Members.OfType<ClassDeclarationSyntax>().FirstOrDefault(c =>
            c.Identifier.ValueText == TopLevelClassName && c.Modifiers.Any(SyntaxKind.StaticKeyword) && c.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static async Task<Document> MoveOutOfTopLevelAsync(Document document, CompilationUnitSyntax unit,
        LocalFunctionStatementSyntax local, IMethodSymbol function, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        string name = local.Identifier.ValueText;
        var generated = new HashSet<string>(GeneratedSuffixes.Select(s => name + s));

        // Calls of the function and of its generated members (unresolved until the move) are qualified with the class.
        var renames = unit.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(id => !local.Span.Contains(id.Span) && !(id.Parent is MemberAccessExpressionSyntax access && access.Name == id))
            .Where(id => generated.Contains(id.Identifier.ValueText)
                         || (id.Identifier.ValueText == name && SymbolEqualityComparer.Default.Equals(model?.GetSymbolInfo(id, cancellationToken).Symbol, function)))
            .ToList();

        var method = ToMethod(local, SyntaxKind.PublicKeyword);
        var newUnit = unit.ReplaceNodes(renames, (_, rewritten) =>
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(TopLevelClassName), rewritten.WithoutTrivia())
                .WithTriviaFrom(rewritten));
        // The statement itself goes.
        var globalAfter = newUnit.Members.OfType<GlobalStatementSyntax>().First(g => g.Statement is LocalFunctionStatementSyntax l && l.Identifier.ValueText == name);
        newUnit = newUnit.RemoveNode(globalAfter, SyntaxRemoveOptions.KeepNoTrivia)!;

        if (TopLevelTarget(newUnit) is { } target)
        {
            newUnit = newUnit.ReplaceNode(target, target.AddMembers(method));
        }
        else
        {
            var type = SyntaxFactory.ClassDeclaration(TopLevelClassName)
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword), SyntaxFactory.Token(SyntaxKind.StaticKeyword), SyntaxFactory.Token(SyntaxKind.PartialKeyword)))
                .AddMembers(method)
                .WithAdditionalAnnotations(Formatter.Annotation);
            newUnit = newUnit.AddMembers(type);
        }

        return document.WithSyntaxRoot(newUnit);
    }

    private static async Task<Document> MoveIntoTypeAsync(Document document, MemberDeclarationSyntax member, LocalFunctionStatementSyntax local, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // A blank line before the moved method, in the file's own line ending.
        string newLine = root.ToFullString().Contains("\r\n") ? "\r\n" : "\n";
        var method = ToMethod(local, SyntaxKind.PrivateKeyword).WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine));
        var type = (TypeDeclarationSyntax)member.Parent!;
        var newType = type.ReplaceNode(member, member.RemoveNode(local, SyntaxRemoveOptions.KeepNoTrivia)!);
        int index = type.Members.IndexOf(member);
        newType = newType.WithMembers(newType.Members.Insert(index + 1, method));
        return document.WithSyntaxRoot(root.ReplaceNode(type, newType));
    }

    /// <summary>The local function as a static method with the given accessibility, its attributes, signature and body kept.</summary>
    private static MethodDeclarationSyntax ToMethod(LocalFunctionStatementSyntax local, SyntaxKind accessibility)
    {
        var modifiers = SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility), SyntaxFactory.Token(SyntaxKind.StaticKeyword))
            .AddRange(local.Modifiers.Where(m => !m.IsKind(SyntaxKind.StaticKeyword)));
        return SyntaxFactory.MethodDeclaration(local.AttributeLists, modifiers, local.ReturnType, null, local.Identifier, local.TypeParameterList,
                local.ParameterList, local.ConstraintClauses, local.Body, local.ExpressionBody, local.SemicolonToken)
            .WithoutTrivia()
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
