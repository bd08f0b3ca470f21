using Diff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Parsing;

/// <summary>How the generator sees Roslyn types: their <see cref="ValueKind"/> and their <c>global::</c> names.</summary>
internal static class Types
{
    public const string DifferentiableAttribute = "Diff.DifferentiableAttribute";
    public const string NoDerivativeAttribute = "Diff.NoDerivativeAttribute";
    public const string AdjointOfAttribute = "Diff.AdjointOfAttribute";
    public const string TangentOfAttribute = "Diff.TangentOfAttribute";

    public static ValueKind KindOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return ValueKind.Passive;
        }

        if (type.SpecialType == SpecialType.System_Double)
        {
            return ValueKind.Real;
        }

        if (IsComplex(type))
        {
            return ValueKind.Complex;
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return KindOf(array.ElementType) switch
            {
                ValueKind.Real => ValueKind.RealArray,
                ValueKind.Complex => ValueKind.ComplexArray,
                _ => ValueKind.Passive,
            };
        }

        if (type is INamedTypeSymbol { ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } } named)
        {
            return named.Name switch
            {
                "Tensor" => ValueKind.Tensor,
                "ComplexTensor" => ValueKind.ComplexTensor,
                _ => ValueKind.Passive,
            };
        }

        return ValueKind.Passive;
    }

    public static bool IsComplex(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Complex", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    public static bool IsMath(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Math", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    public static string Name(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && IsNamed(type, metadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is the top-level, non-generic type <paramref name="fullName"/>
    /// (<c>Namespace.Name</c>), compared part by part: no display string is built (this runs for every attribute of
    /// every parameter and callee).
    /// </summary>
    public static bool IsNamed(INamedTypeSymbol type, string fullName)
    {
        if (type.ContainingType is not null || type.Arity != 0)
        {
            return false;
        }

        var end = fullName.Length;
        var dot = fullName.LastIndexOf('.');
        if (!IsPart(fullName, dot + 1, end, type.Name))
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        while (dot >= 0)
        {
            if (ns is null || ns.IsGlobalNamespace)
            {
                return false;
            }

            end = dot;
            dot = end == 0 ? -1 : fullName.LastIndexOf('.', end - 1);
            if (!IsPart(fullName, dot + 1, end, ns.Name))
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace;
    }

    private static bool IsPart(string fullName, int start, int end, string name) =>
        end - start == name.Length && string.CompareOrdinal(fullName, start, name, 0, name.Length) == 0;

    /// <summary>
    /// Whether a parameter is differentiated: of a differentiable type, not [NoDerivative], and named by its method's
    /// <c>[Differentiable(…)]</c> where that lists names (<see cref="Inputs"/>).
    /// </summary>
    public static bool IsDifferentiable(IParameterSymbol parameter) =>
        KindOf(parameter.Type) != ValueKind.Passive && !Inputs.IsExcluded(parameter);
}
