using System.Collections.Generic;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Parsing;

/// <summary>
/// Recognizes the <c>System.Math</c> and <c>System.Numerics.Complex</c> members that have a built-in rule.
/// Only the <c>double</c> and <c>Complex</c> overloads are recognized; others are ordinary calls.
/// </summary>
internal static class OperationCatalog
{
    private static readonly Dictionary<string, OpCode> MathMembers = new()
    {
        ["Sin"] = OpCode.Sin, ["Cos"] = OpCode.Cos, ["Tan"] = OpCode.Tan,
        ["Asin"] = OpCode.Asin, ["Acos"] = OpCode.Acos, ["Atan"] = OpCode.Atan, ["Atan2"] = OpCode.Atan2,
        ["Sinh"] = OpCode.Sinh, ["Cosh"] = OpCode.Cosh, ["Tanh"] = OpCode.Tanh,
        ["Exp"] = OpCode.Exp, ["Log10"] = OpCode.Log10, ["Log2"] = OpCode.Log2,
        ["Sqrt"] = OpCode.Sqrt, ["Cbrt"] = OpCode.Cbrt, ["Pow"] = OpCode.Pow, ["Abs"] = OpCode.Abs,
        ["Min"] = OpCode.Min, ["Max"] = OpCode.Max, ["Clamp"] = OpCode.Clamp,
        ["Floor"] = OpCode.Floor, ["Ceiling"] = OpCode.Ceiling, ["Round"] = OpCode.Round, ["Truncate"] = OpCode.Truncate,
    };

    private static readonly Dictionary<string, OpCode> ComplexMembers = new()
    {
        ["Exp"] = OpCode.Exp, ["Log"] = OpCode.Log, ["Sqrt"] = OpCode.Sqrt, ["Pow"] = OpCode.Pow,
        ["Sin"] = OpCode.Sin, ["Cos"] = OpCode.Cos, ["Tan"] = OpCode.Tan,
        ["Sinh"] = OpCode.Sinh, ["Cosh"] = OpCode.Cosh, ["Tanh"] = OpCode.Tanh,
        ["Conjugate"] = OpCode.Conjugate, ["Abs"] = OpCode.Magnitude, ["FromPolarCoordinates"] = OpCode.FromPolar,
        ["Add"] = OpCode.Add, ["Subtract"] = OpCode.Subtract, ["Multiply"] = OpCode.Multiply, ["Divide"] = OpCode.Divide,
        ["Negate"] = OpCode.Negate,
    };

    private static readonly Dictionary<string, OpCode> ComplexProperties = new()
    {
        ["Real"] = OpCode.Real, ["Imaginary"] = OpCode.Imaginary, ["Magnitude"] = OpCode.Magnitude, ["Phase"] = OpCode.Phase,
    };

    /// <summary>The rule of a static method, or null when it has none.</summary>
    public static OpCode? ForMethod(IMethodSymbol method)
    {
        if (!method.IsStatic)
        {
            return null;
        }

        if (Types.IsMath(method.ContainingType) && method.ReturnType.SpecialType == SpecialType.System_Double)
        {
            foreach (var p in method.Parameters)
            {
                if (p.Type.SpecialType != SpecialType.System_Double && !IsRoundingArgument(method, p))
                {
                    return null;
                }
            }

            if (method.Name == "Log")
            {
                return method.Parameters.Length == 1 ? OpCode.Log : OpCode.LogBase;
            }

            return MathMembers.TryGetValue(method.Name, out var op) ? op : null;
        }

        if (Types.IsComplex(method.ContainingType))
        {
            if (method.Name == "Log" && method.Parameters.Length != 1)
            {
                return null;
            }

            foreach (var p in method.Parameters)
            {
                if (Types.KindOf(p.Type) == ValueKind.Passive)
                {
                    return null;
                }
            }

            return ComplexMembers.TryGetValue(method.Name, out var op) ? op : null;
        }

        return null;
    }

    /// <summary>The rule of an instance property of Complex, or null.</summary>
    public static OpCode? ForProperty(IPropertySymbol property) =>
        !property.IsStatic && Types.IsComplex(property.ContainingType) && ComplexProperties.TryGetValue(property.Name, out var op)
            ? op
            : null;

    /// <summary>Whether the operation's derivative is zero almost everywhere.</summary>
    public static bool IsPiecewiseConstant(OpCode op) =>
        op is OpCode.Floor or OpCode.Ceiling or OpCode.Round or OpCode.Truncate;

    // Math.Round(x, digits) and Math.Round(x, mode): the extra arguments are constants.
    private static bool IsRoundingArgument(IMethodSymbol method, IParameterSymbol p) =>
        method.Name == "Round" && p.Ordinal > 0;
}
