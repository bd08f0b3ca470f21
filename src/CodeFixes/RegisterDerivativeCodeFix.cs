using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Diff.CodeFixes;

/// <summary>
/// DIFF0007: writes the <c>[AdjointOf]</c> and/or <c>[TangentOf]</c> registrations that a called method lacks, in the
/// shapes of the generated members. They go next to the called method when it is in source (same type,
/// <c>[AdjointOf(nameof(M))]</c>), otherwise after the calling method (<c>[AdjointOf(typeof(T), nameof(T.M))]</c>).
/// Their bodies throw <see cref="System.NotImplementedException"/> with what to compute: the stub compiles and
/// clears the diagnostic, but never returns a wrong derivative silently.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterDerivativeCodeFix)), Shared]
public sealed class RegisterDerivativeCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "Diff.RegisterDerivative";

    private const string AdjointOfAttribute = "Diff.AdjointOfAttribute";
    private const string TangentOfAttribute = "Diff.TangentOfAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoDerivative);

    /// <summary>
    /// No Fix All: two calls of one method would write two registrations of it, and a batch of textual insertions
    /// cannot tell; each call site is fixed on its own.
    /// </summary>
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
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            var caller = invocation?.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (invocation is null || caller is null
                || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol called
                || model.GetDeclaredSymbol(caller, context.CancellationToken) is not { } callerSymbol)
            {
                continue;
            }

            var target = called.OriginalDefinition;
            if (!CanBeRegistered(target))
            {
                continue;
            }

            var hasAdjoint = HasRegistration(target, callerSymbol.ContainingType, AdjointOfAttribute);
            var hasTangent = HasRegistration(target, callerSymbol.ContainingType, TangentOfAttribute);
            if (hasAdjoint && hasTangent)
            {
                continue;
            }

            var what = hasAdjoint ? "[TangentOf]" : hasTangent ? "[AdjointOf]" : "[AdjointOf] and [TangentOf]";
            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Register {what} stubs for '{target.Name}'",
                    ct => AddRegistrationsAsync(solution, target, caller, callerSymbol.ContainingType, !hasAdjoint, !hasTangent, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Whether a registration can stand for <paramref name="target"/>: the generator resolves it then.</summary>
    private static bool CanBeRegistered(IMethodSymbol target) =>
        target.IsStatic
        && !target.IsGenericMethod
        && !target.ContainingType.IsGenericType
        && IsValueType(target.ReturnType)
        && target.Parameters.All(p => p.RefKind == RefKind.None)
        && !target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Diff.DifferentiableAttribute");

    private static bool IsValueType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Double
        || type is INamedTypeSymbol { Name: "Complex", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool IsDifferentiable(IParameterSymbol parameter) =>
        IsValueType(parameter.Type) && !parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Diff.NoDerivativeAttribute");

    /// <summary>Whether the target's type or the calling type already registers a derivative of this kind for the target.</summary>
    private static bool HasRegistration(IMethodSymbol target, INamedTypeSymbol callingType, string attributeName)
    {
        foreach (var type in new[] { target.ContainingType, callingType })
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() != attributeName)
                    {
                        continue;
                    }

                    var args = attribute.ConstructorArguments;
                    var namedType = args.Length == 2 ? args[0].Value as ITypeSymbol : method.ContainingType;
                    var namedMethod = args.Length == 2 ? args[1].Value as string : args.Length == 1 ? args[0].Value as string : null;
                    if (namedMethod == target.Name && SymbolEqualityComparer.Default.Equals(namedType, target.ContainingType))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static async Task<Solution> AddRegistrationsAsync(
        Solution solution, IMethodSymbol target, MethodDeclarationSyntax caller, INamedTypeSymbol callingType,
        bool adjoint, bool tangent, CancellationToken cancellationToken)
    {
        // Beside the target when its declaration is in this solution, else after the calling method.
        // Beside the target they take its accessibility, written as it writes it, so a caller in another type
        // (and the code generated into it) can call them; in the calling type they are private.
        SyntaxNode anchor = caller;
        var host = callingType;
        var sameType = false;
        var accessibility = string.Empty;
        if (target.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
            && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is MethodDeclarationSyntax declaration
            && solution.GetDocument(declaration.SyntaxTree) is not null)
        {
            anchor = declaration;
            host = target.ContainingType;
            sameType = true;
            accessibility = string.Concat(declaration.Modifiers.Where(IsAccessibility).Select(m => m.Text + " "));
        }

        var document = solution.GetDocument(anchor.SyntaxTree)!;
        var members = new List<SyntaxNode>();
        if (adjoint)
        {
            members.Add(Parse(AdjointText(target, UniqueName(host, target.Name + "Adjoint"), sameType, accessibility)));
        }

        if (tangent)
        {
            members.Add(Parse(TangentText(target, UniqueName(host, target.Name + "Tangent"), sameType, accessibility)));
        }

        var editor = new SolutionEditor(solution);
        var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
        documentEditor.InsertAfter(anchor, members);
        return editor.GetChangedSolution();
    }

    private static SyntaxNode Parse(string text) =>
        SyntaxFactory.ParseMemberDeclaration(text)!
            .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

    private static bool IsAccessibility(SyntaxToken modifier) =>
        modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword
            or SyntaxKind.PrivateKeyword or SyntaxKind.FileKeyword;

    /// <summary><c>static (R Value, A a, B b) MAdjoint(A a, B b, int n, R seed)</c>.</summary>
    private static string AdjointText(IMethodSymbol target, string name, bool sameType, string accessibility)
    {
        var differentiable = target.Parameters.Where(IsDifferentiable).ToList();
        var seed = Unique(target, "seed");
        var r = Type(target.ReturnType);
        var tuple = string.Join(", ", new[] { r + " Value" }.Concat(differentiable.Select(p => Type(p.Type) + " " + p.Name)));
        var parameters = string.Join(", ", target.Parameters.Select(p => Type(p.Type) + " " + p.Name).Concat(new[] { r + " " + seed }));
        var products = differentiable.Count == 0 ? "nothing else (no parameter is differentiable)" : string.Join(", ", differentiable.Select(p => $"{seed}·∂{target.Name}/∂{p.Name}"));
        var complexNote = differentiable.Any(p => p.Type.SpecialType != SpecialType.System_Double)
            ? $"\n    // For a complex parameter z the adjoint is ∂L/∂Re z + i·∂L/∂Im z of L = Re(conj({seed})·{target.Name})."
            : string.Empty;
        var builder = new StringBuilder();
        builder.Append(Attribute("AdjointOf", target, sameType)).Append('\n');
        builder.Append(accessibility).Append("static (").Append(tuple).Append(") ").Append(name).Append('(').Append(parameters).Append(")\n{\n");
        builder.Append("    // Return the value ").Append(Call(target)).Append(" and the reverse-mode derivatives ").Append(products).Append('.').Append(complexNote).Append('\n');
        builder.Append("    throw new global::System.NotImplementedException(\"Write the adjoint of ").Append(target.Name).Append(": its value and ").Append(products).Append(".\");\n}\n");
        return builder.ToString();
    }

    /// <summary><c>static (R Value, R Tangent) MTangent(A a, B b, int n, A da, B db)</c>.</summary>
    private static string TangentText(IMethodSymbol target, string name, bool sameType, string accessibility)
    {
        var differentiable = target.Parameters.Where(IsDifferentiable).ToList();
        var r = Type(target.ReturnType);
        var parameters = string.Join(", ", target.Parameters.Select(p => Type(p.Type) + " " + p.Name)
            .Concat(differentiable.Select(p => Type(p.Type) + " d" + p.Name)));
        var sum = differentiable.Count == 0 ? "0 (no parameter is differentiable)" : string.Join(" + ", differentiable.Select(p => $"∂{target.Name}/∂{p.Name}·d{p.Name}"));
        var builder = new StringBuilder();
        builder.Append(Attribute("TangentOf", target, sameType)).Append('\n');
        builder.Append(accessibility).Append("static (").Append(r).Append(" Value, ").Append(r).Append(" Tangent) ").Append(name).Append('(').Append(parameters).Append(")\n{\n");
        builder.Append("    // Return the value ").Append(Call(target)).Append(" and the forward-mode derivative ").Append(sum).Append('.').Append('\n');
        builder.Append("    throw new global::System.NotImplementedException(\"Write the tangent of ").Append(target.Name).Append(": its value and ").Append(sum).Append(".\");\n}\n");
        return builder.ToString();
    }

    private static string Attribute(string kind, IMethodSymbol target, bool sameType)
    {
        if (sameType)
        {
            return $"[global::Diff.{kind}(nameof({target.Name}))]";
        }

        var type = Type(target.ContainingType);
        return $"[global::Diff.{kind}(typeof({type}), nameof({type}.{target.Name}))]";
    }

    private static string Call(IMethodSymbol target) =>
        target.Name + "(" + string.Join(", ", target.Parameters.Select(p => p.Name)) + ")";

    private static string Type(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary><paramref name="name"/>, or with a number after it when the type has a member of that name.</summary>
    private static string UniqueName(INamedTypeSymbol type, string name)
    {
        var candidate = name;
        for (var i = 2; !type.GetMembers(candidate).IsEmpty; i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    /// <summary><paramref name="name"/>, or with underscores after it when the target has a parameter of that name.</summary>
    private static string Unique(IMethodSymbol target, string name)
    {
        while (target.Parameters.Any(p => p.Name == name))
        {
            name += "_";
        }

        return name;
    }
}
