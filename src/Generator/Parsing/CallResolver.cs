using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator.Parsing;

/// <summary>
/// Finds the derivatives of a called method: its generated members when it is <c>[Differentiable]</c>, or the
/// methods registered with <c>[AdjointOf]</c>/<c>[TangentOf]</c> — in its own type (also from metadata, which is how
/// the runtime registers its kernels) or in any type of the current compilation.
/// </summary>
internal sealed class CallResolver
{
    private readonly Compilation _compilation;

    public CallResolver(Compilation compilation) => _compilation = compilation;

    public static string Display(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name;

    /// <summary>
    /// The call target of <paramref name="method"/>, or null when it has no derivative. When only one mode is
    /// registered, <paramref name="missing"/> names what is missing. Instance methods, indexers, operators and
    /// conversions of the differentiable types are found the same way: their registrations take the receiver (or
    /// left operand) as their first parameter and are registered under the member's metadata name.
    /// </summary>
    public CallTarget? Resolve(IMethodSymbol method, out string? missing)
    {
        missing = null;
        method = method.OriginalDefinition;
        if (method.IsGenericMethod || Types.KindOf(method.ReturnType) == ValueKind.Passive)
        {
            return null;
        }

        var form = FormOf(method);
        if (form is null)
        {
            return null;
        }

        var parameters = new List<ParameterShape>();
        if (!method.IsStatic)
        {
            parameters.Add(new ParameterShape(Receiver(method.ContainingType), Types.KindOf(method.ContainingType), true));
        }

        parameters.AddRange(method.Parameters.Select(p => new ParameterShape(p.Name, Types.KindOf(p.Type), Types.IsDifferentiable(p))));
        var type = Types.Name(method.ContainingType);
        var name = type + "." + method.Name;
        var symbol = form switch
        {
            CallForm.Operator => OperatorSymbol(method.Name),
            CallForm.Conversion => Types.Name(method.ReturnType),
            CallForm.Indexer => null,
            _ => method.Name,
        };

        if (Types.HasAttribute(method, Types.DifferentiableAttribute))
        {
            if (!CanBeDifferentiated(method))
            {
                missing = Display(method) + " (it cannot be differentiated itself: see its diagnostics)";
            }

            return new CallTarget(name, Display(method), parameters.ToEquatableArray(), name + "Adjoint", name + "Tangent", form.Value, symbol);
        }

        string? adjoint = null;
        string? tangent = null;
        IMethodSymbol? adjointMethod = null;
        IMethodSymbol? splitForward = null;
        IMethodSymbol? splitBackward = null;
        var backwards = new List<IMethodSymbol>();
        foreach (var candidate in Candidates(method))
        {
            foreach (var attribute in candidate.GetAttributes())
            {
                var attributeName = attribute.AttributeClass?.ToDisplayString();
                if ((attributeName != Types.AdjointOfAttribute && attributeName != Types.TangentOfAttribute) || !Names(attribute, candidate, method))
                {
                    continue;
                }

                var part = attributeName == Types.AdjointOfAttribute ? PartOf(attribute) : 0;
                if (part == 2)
                {
                    backwards.Add(candidate);
                    continue;
                }

                if (!ParametersMatch(candidate, method) || !ValueMatches(candidate, method))
                {
                    continue;
                }

                // A whole adjoint takes exactly the target's parameters and the seed (a forward part exactly the
                // parameters): a longer registration of the same prefix belongs to a longer overload
                // (ConcatAdjoint(axis, a, b, seed) is not the adjoint of Concat(axis, a, b, c)).
                var primal = method.Parameters.Length + (method.IsStatic ? 0 : 1);
                if (attributeName == Types.AdjointOfAttribute && candidate.Parameters.Length != primal + (part == 1 ? 0 : 1))
                {
                    continue;
                }

                var registered = Types.Name(candidate.ContainingType) + "." + candidate.Name;
                if (attributeName == Types.TangentOfAttribute)
                {
                    tangent ??= registered;
                }
                else if (part == 1)
                {
                    splitForward ??= candidate;
                }
                else
                {
                    adjoint ??= registered;
                    adjointMethod ??= candidate;
                }
            }
        }

        SplitAdjoint? split = null;
        if (splitForward is not null && ResidualType(splitForward) is { } residual)
        {
            splitBackward = backwards.FirstOrDefault(b => b.Parameters.Length == 2 && SymbolEqualityComparer.Default.Equals(b.Parameters[0].Type, residual));
            if (splitBackward is not null)
            {
                split = new SplitAdjoint(
                    Types.Name(splitForward.ContainingType) + "." + splitForward.Name,
                    Types.Name(splitBackward.ContainingType) + "." + splitBackward.Name,
                    Types.Name(residual));
            }
        }

        if (adjoint is null && tangent is null && split is null)
        {
            return null;
        }

        // A parameter of a differentiable type that the registered adjoint returns no element for (Pow's exponent)
        // is a constant of the rule.
        if (adjointMethod?.ReturnType is INamedTypeSymbol { IsTupleType: true } adjointTuple)
        {
            var returned = new HashSet<string>(adjointTuple.TupleElements.Skip(1).Select(e => e.Name));
            var offset = method.IsStatic ? 0 : 1;
            if (returned.Count == adjointTuple.TupleElements.Length - 1 && adjointTuple.TupleElements.Skip(1).All(e => !e.Name.StartsWith("Item", StringComparison.Ordinal)))
            {
                for (var i = offset; i < parameters.Count; i++)
                {
                    if (parameters[i].IsDifferentiable && !returned.Contains(parameters[i].Name))
                    {
                        parameters[i] = parameters[i] with { IsDifferentiable = false };
                    }
                }
            }
        }

        if ((adjoint is null && split is null) || tangent is null)
        {
            missing = Display(method) + (tangent is not null
                ? " (it registers only a [TangentOf]; reverse mode needs an [AdjointOf])"
                : " (it registers only an [AdjointOf]; forward mode needs a [TangentOf])");
        }

        return new CallTarget(name, Display(method), parameters.ToEquatableArray(), adjoint, tangent, form.Value, symbol, split);
    }

    /// <summary>How a call of <paramref name="method"/> is written, or null for a form that cannot have derivatives.</summary>
    private static CallForm? FormOf(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.UserDefinedOperator when OperatorSymbol(method.Name) is not null:
                return CallForm.Operator;
            case MethodKind.Conversion:
                return CallForm.Conversion;
            case MethodKind.PropertyGet when method.AssociatedSymbol is IPropertySymbol { IsIndexer: true }:
                return Types.KindOf(method.ContainingType) != ValueKind.Passive ? CallForm.Indexer : null;
            case MethodKind.Ordinary when method.IsStatic:
                return CallForm.Static;
            case MethodKind.Ordinary:
                // Instance methods of the differentiable types (Transpose, Real, Reshape, …); a user's own instance
                // methods are not differentiated.
                return Types.KindOf(method.ContainingType) != ValueKind.Passive ? CallForm.Instance : null;
            default:
                return null;
        }
    }

    private static string? OperatorSymbol(string metadataName) => metadataName switch
    {
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_UnaryNegation" => "-",
        "op_UnaryPlus" => "+",
        _ => null,
    };

    private static string Receiver(ITypeSymbol type) => type.Name.Length == 0 ? "self" : char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);

    /// <summary>The <c>Part</c> of an <c>[AdjointOf]</c>: 0 whole, 1 forward, 2 backward.</summary>
    public static int PartOf(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Part" && named.Value.Value is int part)
            {
                return part;
            }
        }

        return 0;
    }

    /// <summary>The residual type of a split forward part: the second element of its <c>(Value, Residual)</c> tuple.</summary>
    private static ITypeSymbol? ResidualType(IMethodSymbol forward) =>
        forward.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == 2
            ? tuple.TupleElements[1].Type
            : null;

    /// <summary>
    /// Whether the registration's value (the first element of the tuple it returns) has the target's return type:
    /// this tells apart overloads that differ only in what they return (the conversions of a tensor).
    /// </summary>
    public static bool ValueMatches(IMethodSymbol registration, IMethodSymbol target) =>
        registration.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple
        || tuple.TupleElements.Length == 0
        || SymbolEqualityComparer.Default.Equals(tuple.TupleElements[0].Type, target.ReturnType);

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? _inProgress;

    /// <summary>
    /// Whether a <c>[Differentiable]</c> method of this compilation gets generated members (parsing it finds no
    /// error); a method of a referenced assembly has them already. Recursive calls are assumed fine.
    /// </summary>
    private bool CanBeDifferentiated(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length == 0
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax syntax
            || !_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return true;
        }

        _inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!_inProgress.Add(method))
        {
            return true;
        }

        try
        {
            var result = MethodParser.Parse(method, syntax, _compilation.GetSemanticModel(syntax.SyntaxTree), default);
            return result.Model is not null && !result.Diagnostics.Any(d => d.IsError);
        }
        finally
        {
            _inProgress.Remove(method);
        }
    }

    /// <summary>The registrations that may name <paramref name="method"/>: its type's methods, then the compilation's.</summary>
    private IEnumerable<IMethodSymbol> Candidates(IMethodSymbol method)
    {
        foreach (var member in method.ContainingType.GetMembers().OfType<IMethodSymbol>())
        {
            yield return member;
        }

        foreach (var registration in RegistrationIndex.Get(_compilation))
        {
            if (!SymbolEqualityComparer.Default.Equals(registration.ContainingType, method.ContainingType))
            {
                yield return registration;
            }
        }
    }

    /// <summary>Whether the registration attribute names <paramref name="target"/> (by type and method name).</summary>
    public static bool Names(AttributeData attribute, IMethodSymbol registration, IMethodSymbol target)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length == 1)
        {
            return args[0].Value as string == target.Name
                   && SymbolEqualityComparer.Default.Equals(registration.ContainingType, target.ContainingType);
        }

        return args.Length == 2
               && args[1].Value as string == target.Name
               && SymbolEqualityComparer.Default.Equals(args[0].Value as ITypeSymbol, target.ContainingType);
    }

    /// <summary>
    /// A registration starts with the target's parameters, in order and of the same types; for an instance member
    /// (a method or an indexer of a tensor type) the receiver comes first.
    /// </summary>
    public static bool ParametersMatch(IMethodSymbol registration, IMethodSymbol target)
    {
        var offset = target.IsStatic ? 0 : 1;
        if (registration.Parameters.Length < target.Parameters.Length + offset)
        {
            return false;
        }

        if (offset == 1 && !SymbolEqualityComparer.Default.Equals(registration.Parameters[0].Type, target.ContainingType))
        {
            return false;
        }

        for (var i = 0; i < target.Parameters.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(registration.Parameters[i + offset].Type, target.Parameters[i].Type))
            {
                return false;
            }
        }

        return true;
    }
}
