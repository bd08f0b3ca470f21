using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Diff.Generator.Analysis;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// Turns a <c>[Differentiable]</c> method into a <see cref="MethodModel"/> and the diagnostics about it. The
/// generator and the analyzers both call this, so what one refuses the other reports.
/// </summary>
internal static class MethodParser
{
    /// <summary>The suffixes of the generated members.</summary>
    public static readonly string[] GeneratedSuffixes = { "Adjoint", "Tangent", "Gradient", "Jacobian" };

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, ParseResult>> Cache = new();

    /// <summary>
    /// Parses <paramref name="method"/> once per compilation: the analyzers, the generator and the callers' checks of
    /// their callees share the result.
    /// </summary>
    public static ParseResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var results = Cache.GetValue(semanticModel.Compilation, _ => new ConcurrentDictionary<IMethodSymbol, ParseResult>(SymbolEqualityComparer.Default));
        if (results.TryGetValue(method, out var known))
        {
            return known;
        }

        var result = ParseUncached(method, syntax, semanticModel, cancellationToken);
        results.TryAdd(method, result);
        return result;
    }

    private static ParseResult ParseUncached(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(method, syntax, semanticModel, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            var info = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, e.GetType().Name + ": " + e.Message);
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { info }));
        }
    }

    private static ParseResult ParseCore(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        // [Differentiable] on the defining declaration of a partial method: the body is in the implementing part
        // (possibly in another file), which is what is differentiated.
        if (syntax.Body is null && syntax.ExpressionBody is null
            && method.PartialImplementationPart is { } implementation
            && implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax implementationSyntax)
        {
            method = implementation;
            syntax = implementationSyntax;
            semanticModel = semanticModel.Compilation.GetSemanticModel(implementationSyntax.SyntaxTree);
        }

        var reserved = method.Parameters.Where(Types.IsDifferentiable).Select(p => "d" + p.Name);
        var context = new LoweringContext(semanticModel, reserved, cancellationToken) { ElementPrefix = ElementPrefix(method) };
        var identifier = syntax.Identifier;

        CheckDeclaration(method, syntax, context);
        if (method.IsGenericMethod)
        {
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }
        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var kind = Types.KindOf(parameter.Type);
            var parameterSyntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            var problem = ParameterProblem(parameter);
            if (problem is not null)
            {
                context.Report(DiagnosticDescriptors.UnsupportedParameter, parameterSyntax, parameter.Name, problem);

                // Still known to the body, as a constant, so the body is lowered for its own diagnostics below.
                context.AddParameter(parameter, ValueKind.Passive, Types.Name(parameter.Type));
                continue;
            }

            context.AddParameter(parameter, kind, Types.Name(parameter.Type));
            parameters.Add(new ParameterModel(Emission.NameScope.Escape(parameter.Name), Types.Name(parameter.Type), kind, Types.IsDifferentiable(parameter)));
        }

        Inputs.Check(method, p => ParameterProblem(p) is not null, context);

        var returnKind = Types.KindOf(method.ReturnType);
        if (returnKind == ValueKind.Passive || returnKind.IsArray())
        {
            context.Report(DiagnosticDescriptors.UnsupportedReturnType, syntax.ReturnType, method.Name, method.ReturnType.ToDisplayString());
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoBody, syntax.Identifier.GetLocation(), method.Name));
        }

        // A parameter the generator cannot take (DIFF0003) does not hide what the body does: with no other error the
        // body is lowered too, so every problem is reported at once (there is no model either way).
        if (context.HasErrors && context.Diagnostics.Any(d => d.IsError && d.Id != DiagnosticDescriptors.UnsupportedParameter.Id))
        {
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        // [NoDerivative] parameters the body never writes are constants (a value read from them carries no derivative).
        // The data-flow analysis runs only when there is such a parameter (most methods have none: it is a pass over
        // the whole body).
        // A parameter a [Differentiable(…)] list leaves out is one of them.
        ISet<ISymbol>? written = null;
        foreach (var parameter in method.Parameters)
        {
            if (Types.KindOf(parameter.Type) != ValueKind.Passive && !Types.IsDifferentiable(parameter))
            {
                written ??= WrittenInside(syntax, semanticModel);
                if (!written.Contains(parameter))
                {
                    context.ConstantParameters.Add(Emission.NameScope.Escape(parameter.Name));
                }
            }
        }

        var operation = semanticModel.GetOperation(syntax, context.CancellationToken) as IMethodBodyOperation;
        var block = operation?.BlockBody ?? operation?.ExpressionBody;
        if (block is null)
        {
            context.Report(DiagnosticDescriptors.NoBody, syntax, syntax.Identifier.Text);
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        var dependence = Dependence.Analyze(block, method.Parameters.Where(Types.IsDifferentiable));
        context.Dependence = dependence;
        if (context.HasErrors)
        {
            // Lowered only for its diagnostics (a parameter's DIFF0003 does not hide the body's problems): should that
            // fail, the parameters' errors still stand.
            var reported = context.Diagnostics.Count;
            try
            {
                LowerBody(block, semanticModel, context);
                dependence.Report(block, context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Diagnostics.RemoveRange(reported, context.Diagnostics.Count - reported);
            }

            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        var body = LowerBody(block, semanticModel, context);

        // Every value computed from a differentiable parameter is differentiated by the lowering or reported here:
        // none is silently held constant (after the lowering, so that a warning it gave is not repeated).
        dependence.Report(block, context);
        if (context.HasErrors)
        {
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        var normalized = ReturnNormalizer.Normalize(body, () => context.AddTemporary("returned", ValueKind.Passive, "bool").Name);
        var model = new MethodModel(
            HintNames.For(method, IsGenerated),
            method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString(),
            ContainingTypes(method).ToEquatableArray(),
            method.Name,
            Accessibility(method),
            Types.Name(method.ReturnType),
            returnKind,
            parameters.ToEquatableArray(),
            context.Variables.ToEquatableArray(),
            normalized.ToEquatableArray())
        {
            ElementFunctions = context.ElementFunctions.ToEquatableArray(),
        };

        if (!Activity.ResultDependsOnInputs(model))
        {
            context.Report(DiagnosticDescriptors.ResultIndependent, null, method.Name, dependence.ResultTouchesInputs(block)
                ? "depends on its differentiable parameters only through operations whose derivative is zero (comparisons, integer conversions, Math.Floor and the like)"
                : "does not depend on any differentiable parameter");
            var last = context.Diagnostics[context.Diagnostics.Count - 1];
            context.Diagnostics[context.Diagnostics.Count - 1] = last with { Location = LocationInfo.From(identifier.GetLocation()) };

            // With differentiable parameters the derivatives are still generated (they are zero), so callers
            // compile; without any there is nothing to generate (and no caller differentiates through it).
            if (!parameters.Any(p => p.IsDifferentiable))
            {
                return new ParseResult(null, context.Diagnostics.ToEquatableArray());
            }
        }
        else
        {
            DataParameters.Report(method, block, model, () => written ??= WrittenInside(syntax, semanticModel), context);
        }

        return new ParseResult(model, context.Diagnostics.ToEquatableArray());
    }

    private static ISet<ISymbol> WrittenInside(MethodDeclarationSyntax syntax, SemanticModel semanticModel)
    {
        var flow = syntax.Body is { } block
            ? semanticModel.AnalyzeDataFlow(block)
            : syntax.ExpressionBody is { } arrow ? semanticModel.AnalyzeDataFlow(arrow.Expression) : null;
        return flow is { Succeeded: true }
            ? new HashSet<ISymbol>(flow.WrittenInside, SymbolEqualityComparer.Default)
            : new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    }

    private static List<Stmt> LowerBody(IBlockOperation block, SemanticModel semanticModel, LoweringContext context)
    {
        context.Shapes.FindReassigned(block);
        var expressions = new ExpressionLowering(context, new CallResolver(semanticModel.Compilation));
        var body = new BodyLowering(context, expressions);
        return body.LowerBlock(block.Operations);
    }

    private static void CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, LoweringContext context)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
            if (declarations.Count > 0 && !declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                var declaration = declarations.FirstOrDefault(d => d.SyntaxTree == syntax.SyntaxTree && d.Span.Contains(syntax.Span)) ?? declarations[0];
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, declaration.Identifier.GetLocation(), type.Name, method.Name));
            }

            if (type.IsGenericType)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericUnsupported, syntax.Identifier.GetLocation(), method.Name, $"its enclosing type '{type.Name}' is generic"));
            }
        }

        if (!method.IsStatic)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotStatic, syntax.Identifier.GetLocation(), method.Name));
        }

        if (method.IsGenericMethod)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericUnsupported, syntax.Identifier.GetLocation(), method.Name, "it is generic"));
        }

        foreach (var suffix in GeneratedSuffixes)
        {
            var name = method.Name + suffix;
            foreach (var member in method.ContainingType.GetMembers(name))
            {
                if (!member.IsImplicitlyDeclared && !IsGenerated(member))
                {
                    var location = member.Locations.FirstOrDefault(l => l.IsInSource);
                    context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTaken, location ?? syntax.Identifier.GetLocation(), method.ContainingType.Name, name, method.Name));
                    break;
                }
            }
        }
    }

    /// <summary>Whether a member was written by this generator (it carries <c>[GeneratedCode("Diff.Generator", …)]</c>).</summary>
    private static bool IsGenerated(ISymbol member) =>
        member.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"
                                        && a.ConstructorArguments.Length > 0
                                        && a.ConstructorArguments[0].Value as string == "Diff.Generator");

    private static string? ParameterProblem(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None)
        {
            return $"'{parameter.RefKind.ToString().ToLowerInvariant()}' parameters are not supported; pass it by value";
        }

        if (parameter.IsParams)
        {
            return "'params' parameters are not supported";
        }

        if (parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            return "pointer parameters are not supported";
        }

        if (parameter.Type is ITypeParameterSymbol)
        {
            return "a parameter of a generic type is not supported";
        }

        // A type the design differentiates but the generator does not yet: an error, never a silent constant.
        if (Types.KindOf(parameter.Type) == ValueKind.Passive && !Inputs.IsExcluded(parameter)
            && DerivativeTypes.NotYetSupported(parameter.Type, forParameter: true) is { } why)
        {
            return why + ", or mark it [NoDerivative] if it is data";
        }

        return null;
    }

    private static IEnumerable<ContainingType> ContainingTypes(IMethodSymbol method)
    {
        var chain = new List<ContainingType>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            chain.Insert(0, new ContainingType(keyword, type.Name));
        }

        return chain;
    }

    private static string Accessibility(IMethodSymbol method) => method.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>The method's name, with its parameter types where it is overloaded (element functions are named after it).</summary>
    private static string ElementPrefix(IMethodSymbol method) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Count(m => !IsGenerated(m)) > 1
            ? method.Name + "_" + string.Join("_", method.Parameters.Select(p => Sanitize(p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))))
            : method.Name;

    private static string Sanitize(string text)
    {
        var chars = text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars);
    }
}
