using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator.Parsing;

/// <summary>
/// The inputs of a <c>[Differentiable]</c> method: every parameter of a differentiable type unless it is marked
/// <c>[NoDerivative]</c>, or, where the attribute lists names (<c>[Differentiable(nameof(w), nameof(b))]</c>), only
/// those. A parameter left out is a constant exactly like a <c>[NoDerivative]</c> one, for the method itself and for
/// every caller that reads its shape.
/// </summary>
internal static class Inputs
{
    /// <summary>The names listed by <paramref name="method"/>'s <c>[Differentiable(…)]</c>, or null where it lists none.</summary>
    public static IReadOnlyList<string>? Listed(IMethodSymbol method) => AttributeOf(method) is { } attribute ? Names(attribute) : null;

    /// <summary>The <c>[Differentiable]</c> attribute of <paramref name="method"/>, or null.</summary>
    private static AttributeData? AttributeOf(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } type && Types.IsNamed(type, Types.DifferentiableAttribute));

    /// <summary>Whether a parameter of a differentiable type is held constant: <c>[NoDerivative]</c>, or left out of the list.</summary>
    public static bool IsExcluded(IParameterSymbol parameter) =>
        Types.HasAttribute(parameter, Types.NoDerivativeAttribute)
        || (parameter.ContainingSymbol is IMethodSymbol method && Listed(method) is { } names && !names.Contains(parameter.Name));

    /// <summary>The parameters' names as <c>nameof</c> arguments, for messages and code fixes: <c>nameof(w), nameof(b)</c>.</summary>
    public static string NameofList(IEnumerable<string> names) => string.Join(", ", names.Select(n => "nameof(" + n + ")"));

    /// <summary>
    /// DIFF0019 at each listed name that is not an input the generator can take: not a parameter (with the closest
    /// parameter's name when one is close), a parameter whose type carries no derivative, one marked
    /// <c>[NoDerivative]</c>, or one named twice. Names of parameters that DIFF0003 already refuses are left to it.
    /// </summary>
    public static void Check(IMethodSymbol method, Func<IParameterSymbol, bool> refused, LoweringContext context)
    {
        if (AttributeOf(method)?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
            || syntax.ArgumentList is not { } arguments)
        {
            return;
        }

        var model = context.SemanticModel.SyntaxTree == syntax.SyntaxTree
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
        var listed = new List<(string Name, ExpressionSyntax Syntax)>();
        foreach (var argument in arguments.Arguments)
        {
            // Named arguments (Hessian = true) are options, not inputs.
            if (argument.NameEquals is null)
            {
                Collect(argument.Expression, model, listed);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, expression) in listed)
        {
            var parameter = method.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                var close = Closest(name, method.Parameters.Where(p => Types.KindOf(p.Type) != ValueKind.Passive
                                                                       && !Types.HasAttribute(p, Types.NoDerivativeAttribute)
                                                                       && !listed.Any(l => l.Name == p.Name)).Select(p => p.Name));
                Report(context, expression, method, name, close is null
                    ? "which is not one of its parameters"
                    : $"which is not one of its parameters; did you mean '{close}'?",
                    "Problem=Unknown", close is null ? null : "Replacement=" + close);
            }
            else if (!seen.Add(name))
            {
                Report(context, expression, method, name, "a second time", "Problem=Repeated");
            }
            else if (refused(parameter))
            {
                // DIFF0003 says why this parameter cannot be taken at all.
            }
            else if (Types.KindOf(parameter.Type) == ValueKind.Passive)
            {
                Report(context, expression, method, name,
                    $"whose type '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' carries no derivative: name only parameters of a differentiable type (double, Complex, their arrays, Tensor, ComplexTensor)",
                    "Problem=NotDifferentiable");
            }
            else if (Types.HasAttribute(parameter, Types.NoDerivativeAttribute))
            {
                Report(context, expression, method, name,
                    "which is marked [NoDerivative]: the two contradict each other; remove the name to keep it a constant, or the attribute to differentiate it",
                    "Problem=NoDerivative");
            }
        }
    }

    /// <summary>DIFF0019, with what the code fix needs: the name, the problem and (where one is close) the replacement.</summary>
    private static void Report(LoweringContext context, ExpressionSyntax at, IMethodSymbol method, string name, string why, params string?[] properties) =>
        context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadInput, at, method.Name, name, why) with
        {
            Properties = properties.Append("Name=" + name).Where(p => p is not null).Select(p => p!).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray(),
        });

    /// <summary>
    /// The names an argument lists: a constant string (<c>nameof(w)</c>, <c>"w"</c>), the name inside a <c>nameof</c>
    /// of something that does not exist (the compiler reports CS0103 there; this names the parameter meant), or the
    /// elements of an array passed for the <c>params</c> parameter.
    /// </summary>
    private static void Collect(ExpressionSyntax expression, SemanticModel model, List<(string, ExpressionSyntax)> listed)
    {
        switch (expression)
        {
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                CollectAll(initializer.Expressions, model, listed);
                return;
            case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer }:
                CollectAll(initializer.Expressions, model, listed);
                return;
        }

        if (model.GetConstantValue(expression).Value is string name)
        {
            listed.Add((name, expression));
        }
        else if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var only] })
        {
            var named = only.Expression switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (named is not null)
            {
                listed.Add((named, expression));
            }
        }
    }

    private static void CollectAll(SeparatedSyntaxList<ExpressionSyntax> expressions, SemanticModel model, List<(string, ExpressionSyntax)> listed)
    {
        foreach (var element in expressions)
        {
            Collect(element, model, listed);
        }
    }

    private static IReadOnlyList<string>? Names(AttributeData attribute)
    {
        // [Differentiable] binds to the params constructor with an empty array; null or no names means every input.
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } array
            || array.Values.Length == 0)
        {
            return null;
        }

        var names = new List<string>(array.Values.Length);
        foreach (var value in array.Values)
        {
            if (value.Value is string name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// The one candidate within a small edit distance of <paramref name="name"/> (optimal string alignment, so a swap
    /// of two letters counts once; case is ignored): at most a third of the name's letters, none for one letter.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = (name.Length + 1) / 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance > limit)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
