using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator.Parsing;

/// <summary>
/// Which types can hold a derivative: those the generator differentiates today (<see cref="Types.KindOf"/>), those
/// the design differentiates but the generator does not yet (<c>float</c>, <c>Vector2/3/4</c>, spans, arrays of more
/// dimensions, tuples, the user's structs and classes with such fields), discrete types that never carry one
/// (<c>int</c>, <c>bool</c>, enums: a value computed from a differentiated value through them has a derivative
/// that is zero almost everywhere), and the rest (<c>string</c>, <c>object</c>, …), which cannot carry one at all.
/// </summary>
internal static class DerivativeTypes
{
    /// <summary>
    /// Whether values of <paramref name="type"/> are discrete: integers, <c>bool</c>, <c>char</c>, enums, and
    /// arrays, spans and tuples of those (<c>Tensor.Shape</c>). Such a value may be computed from a differentiated
    /// value (a comparison, a pattern, a conversion to <c>int</c>) and carries no derivative: that is no dependence
    /// lost, as a function with discrete values has a zero derivative wherever it has one.
    /// </summary>
    public static bool IsDiscrete(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return IsDiscrete(array.ElementType);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.IsTupleType)
            {
                return named.TupleElements.All(e => IsDiscrete(e.Type));
            }

            if (IsSpan(named) || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return IsDiscrete(named.TypeArguments[0]);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the design (API.md, "Differentiable types") differentiates <paramref name="type"/>: today's kinds,
    /// and <c>float</c>, <c>Vector2/3/4</c>, arrays and spans of such types, tuples with such an element, and the
    /// user's own structs and classes with such a field.
    /// </summary>
    public static bool CarriesDerivative(ITypeSymbol type) => CarriesDerivative(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    /// <summary>
    /// Why a parameter or value of <paramref name="type"/>, which <see cref="Types.KindOf"/> does not differentiate,
    /// cannot carry a derivative, with the way out, or null for a type that the design never differentiates
    /// (<c>string</c>, a class from another assembly, …). <paramref name="forParameter"/> words the way out for a
    /// parameter.
    /// </summary>
    public static string? NotYetSupported(ITypeSymbol type, bool forParameter)
    {
        var name = Display(type);
        if (type.SpecialType == SpecialType.System_Single)
        {
            return forParameter
                ? "'float' is not differentiated yet; make it a double"
                : "'float' is not differentiated yet; compute in double";
        }

        if (IsNumericsVector(type))
        {
            return $"'{name}' is not differentiated yet; "
                   + (forParameter ? "pass its components as double parameters" : "compute with its components as doubles");
        }

        if (type is IArrayTypeSymbol array && CarriesDerivative(array.ElementType))
        {
            return $"'{name}' is not differentiated yet; "
                   + (forParameter ? "pass a double[] or Complex[], or a Tensor for more dimensions"
                      : Types.KindOf(array.ElementType).IsTensor() ? "pass the tensors as separate arguments (Ops.Concat and Ops.Stack take any number from two, Tensor.FromScalars any number of doubles)"
                      : "build a Tensor instead (Tensor.FromArray and Ops)");
        }

        if (type is INamedTypeSymbol named && IsSpan(named) && CarriesDerivative(named.TypeArguments[0]))
        {
            return $"'{name}' is not differentiated yet; "
                   + (forParameter ? "pass a double[] or a Tensor" : "read the array or Tensor it views instead");
        }

        if (type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Any(e => CarriesDerivative(e.Type)))
        {
            return $"tuples such as '{name}' are not differentiated yet; "
                   + (forParameter ? "pass the elements as separate parameters" : "use a local for each element");
        }

        if (IsOwnType(type) && CarriesDerivative(type))
        {
            var what = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : type.IsValueType ? "struct" : "class";
            var fields = string.Join(", ", Fields(type).Where(f => CarriesDerivative(f.Type)).Select(f => "'" + f.Name + "'"));
            return $"the {what} '{name}' (with the differentiable {(fields.Contains(",") ? "fields" : "field")} {fields}) is not differentiated yet; "
                   + (forParameter ? "pass its fields as separate parameters" : "keep its fields in double locals, or compute the double it gives in a [Differentiable] helper");
        }

        return null;
    }

    /// <summary>The type as the user wrote it (<c>P</c>, <c>(double, double)</c>, <c>ReadOnlySpan&lt;double&gt;</c>).</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static bool CarriesDerivative(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (Types.KindOf(type) != ValueKind.Passive || type.SpecialType == SpecialType.System_Single || IsNumericsVector(type))
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return CarriesDerivative(array.ElementType, visiting);
            case INamedTypeSymbol { IsTupleType: true } tuple:
                return tuple.TupleElements.Any(e => CarriesDerivative(e.Type, visiting));
            case INamedTypeSymbol named when IsSpan(named):
                return CarriesDerivative(named.TypeArguments[0], visiting);
        }

        // The user's own types, by their fields; a type that holds itself (a linked list) is looked at once.
        if (!IsOwnType(type) || !visiting.Add(type))
        {
            return false;
        }

        return Fields(type).Any(f => CarriesDerivative(f.Type, visiting));
    }

    /// <summary>The stored instance members of a type and its own base types: fields, auto-properties and positional record properties.</summary>
    private static IEnumerable<(string Name, ITypeSymbol Type)> Fields(ITypeSymbol type)
    {
        for (var current = type; current is not null && IsOwnType(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    // A backing field (AssociatedSymbol set) is counted as its property below.
                    case IFieldSymbol { IsStatic: false, IsConst: false, AssociatedSymbol: null } field:
                        yield return (field.Name, field.Type);
                        break;
                    case IPropertySymbol { IsStatic: false, IsIndexer: false } property when IsAutoProperty(property):
                        yield return (property.Name, property.Type);
                        break;
                }
            }
        }
    }

    /// <summary>Whether a property stores its value (an auto-property or a record's positional property).</summary>
    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() switch
        {
            PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors } =>
                accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null),
            ParameterSyntax => true,
            _ => false,
        });

    /// <summary>A struct, class or record declared in the compilation's own source.</summary>
    private static bool IsOwnType(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Struct or TypeKind.Class && type.SpecialType == SpecialType.None && type.Locations.Any(l => l.IsInSource);

    private static bool IsSpan(INamedTypeSymbol type) =>
        type is { Name: "Span" or "ReadOnlySpan", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsNumericsVector(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Vector2" or "Vector3" or "Vector4", Arity: 0, ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
