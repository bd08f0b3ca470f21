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
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a parameter is differentiated: a double or Complex without [NoDerivative], passed by value.</summary>
    public static bool IsDifferentiable(IParameterSymbol parameter) =>
        KindOf(parameter.Type) != ValueKind.Passive && !HasAttribute(parameter, NoDerivativeAttribute);
}
