using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// Writes an expression that is never differentiated (a condition, a counter, an <c>int</c> helper call) as C# with
/// <c>global::</c> names and the method's unique variable names, and lists the variables it reads.
/// </summary>
internal sealed class PassivePrinter
{
    private readonly LoweringContext _context;

    public PassivePrinter(LoweringContext context) => _context = context;

    public PassiveExpr Print(IOperation operation, ValueKind kind)
    {
        var reads = new List<string>();
        var text = Write(operation, reads, out var simple);
        return new PassiveExpr(text, kind, operation.Type is null ? "object" : Types.Name(operation.Type),
            reads.Distinct().ToEquatableArray(), simple)
        {
            Affine = Affine(operation),
        };
    }

    /// <summary>The <c>int</c> value of <paramref name="operation"/> as a variable plus a constant, where it has that form.</summary>
    private AffineIndex? Affine(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.Type?.SpecialType != SpecialType.System_Int32)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: int constant })
        {
            return new AffineIndex(null, constant);
        }

        if (operation is ILocalReferenceOperation or IParameterReferenceOperation)
        {
            var symbol = operation is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IParameterReferenceOperation)operation).Parameter;
            return _context.Lookup(symbol) is { } variable ? new AffineIndex(variable.Name, 0) : null;
        }

        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, IsChecked: false } binary
            && Affine(binary.LeftOperand) is { } left && Affine(binary.RightOperand) is { } right)
        {
            var subtract = binary.OperatorKind == BinaryOperatorKind.Subtract;
            return (left.Variable, right.Variable, subtract) switch
            {
                (_, null, false) => new AffineIndex(left.Variable, left.Offset + right.Offset),
                (_, null, true) => new AffineIndex(left.Variable, left.Offset - right.Offset),
                (null, _, false) => new AffineIndex(right.Variable, left.Offset + right.Offset),
                _ => null,
            };
        }

        return null;
    }

    public static string Literal(object? value, ITypeSymbol? type) => value switch
    {
        null => type is { IsReferenceType: true } ? "null" : "default",
        bool b => b ? "true" : "false",
        double d => DoubleLiteral(d),
        float f => float.IsNaN(f) || float.IsInfinity(f) ? DoubleLiteral(f) + "f" : f.ToString("R", CultureInfo.InvariantCulture) + "f",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"",
        char c => c == '\'' || c == '\\' ? "'\\" + c + "'" : "'" + c + "'",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "default",
    };

    /// <summary>A double constant as C# that is a double wherever it is placed (<c>2.0</c>, never <c>2</c>).</summary>
    public static string DoubleLiteral(double d)
    {
        if (double.IsNaN(d))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "double.NegativeInfinity";
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    private string Write(IOperation op, List<string> reads, out bool simple)
    {
        simple = true;
        switch (op)
        {
            case IFieldReferenceOperation { Instance: null } field:
                return Types.Name(field.Field.ContainingType) + "." + field.Field.Name;
            case IPropertyReferenceOperation { Instance: null } property when property.Arguments.IsEmpty:
                return Types.Name(property.Property.ContainingType) + "." + property.Property.Name;
        }

        if (op.ConstantValue.HasValue)
        {
            var literal = Literal(op.ConstantValue.Value, op.Type);
            simple = !literal.StartsWith("-", StringComparison.Ordinal);
            return literal;
        }

        switch (op)
        {
            case ILocalReferenceOperation local:
                return Read(local.Local, reads);
            case IParameterReferenceOperation parameter:
                return Read(parameter.Parameter, reads);
            case IConversionOperation conversion:
                var operand = Write(conversion.Operand, reads, out var operandSimple);
                if (conversion.IsImplicit)
                {
                    simple = operandSimple;
                    return operand;
                }

                simple = false;
                return "(" + Types.Name(conversion.Type!) + ")" + Wrap(operand, operandSimple);
            case IBinaryOperation binary:
                simple = false;
                return Wrap(Write(binary.LeftOperand, reads, out var ls), ls) + " " + BinaryToken(binary) + " " +
                       Wrap(Write(binary.RightOperand, reads, out var rs), rs);
            case IRangeOperation range:
                // a..b, ..^1, 1.., ..: the ends as written (an int end converts to Index implicitly).
                simple = false;
                return (range.LeftOperand is null ? string.Empty : Wrap(Write(range.LeftOperand, reads, out var lsimple), lsimple)) + ".." +
                       (range.RightOperand is null ? string.Empty : Wrap(Write(range.RightOperand, reads, out var rsimple2), rsimple2));
            case IUnaryOperation unary when UnaryToken(unary.OperatorKind) is { } token:
                simple = false;
                return token + Wrap(Write(unary.Operand, reads, out var us), us);
            case IConditionalOperation { WhenFalse: not null } conditional:
                simple = false;
                return Wrap(Write(conditional.Condition, reads, out var cs), cs) + " ? " +
                       Wrap(Write(conditional.WhenTrue, reads, out var ts), ts) + " : " +
                       Wrap(Write(conditional.WhenFalse, reads, out var fs), fs);
            case IInvocationOperation invocation when invocation.Arguments.All(a => a.Parameter?.RefKind == RefKind.None):
                var receiver = invocation.Instance is null
                    ? Types.Name(invocation.TargetMethod.ContainingType)
                    : Wrap(Write(invocation.Instance, reads, out var rsimple), rsimple);
                return receiver + "." + invocation.TargetMethod.Name + "(" + ArgumentList(invocation.Arguments, reads) + ")";
            case IPropertyReferenceOperation { Instance: not null, Property.IsIndexer: true } indexer:
                return Wrap(Write(indexer.Instance, reads, out var isimple), isimple) + "[" + ArgumentList(indexer.Arguments, reads) + "]";
            case IArrayElementReferenceOperation element:
                return Wrap(Write(element.ArrayReference, reads, out var asimple), asimple) + "[" +
                       string.Join(", ", element.Indices.Select(i => Write(i, reads, out _))) + "]";
            case IArrayCreationOperation { Type: IArrayTypeSymbol arrayType } array:
                var elementType = Types.Name(arrayType.ElementType);
                if (array.Initializer is { } initializer)
                {
                    return "new " + elementType + "[" + new string(',', arrayType.Rank - 1) + "] " + Initializer(initializer, reads);
                }

                return "new " + elementType + "[" + string.Join(", ", array.DimensionSizes.Select(d => Write(d, reads, out _))) + "]";
            case IFieldReferenceOperation { Instance: { } fieldOwner } instanceField:
                return Wrap(Write(fieldOwner, reads, out var fs0), fs0) + "." + instanceField.Field.Name;
            case IPropertyReferenceOperation { Instance: not null } property when property.Arguments.IsEmpty:
                return Wrap(Write(property.Instance, reads, out var ps), ps) + "." + property.Property.Name;
            case IObjectCreationOperation { Constructor: not null, Initializer: null } creation when creation.Arguments.All(a => a.Parameter?.RefKind == RefKind.None):
                return "new " + Types.Name(creation.Type!) + "(" +
                       string.Join(", ", creation.Arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => Write(a.Value, reads, out _))) + ")";
            case IDefaultValueOperation:
                return "default(" + Types.Name(op.Type!) + ")";
        }

        if (op is IAnonymousFunctionOperation or IDelegateCreationOperation)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedStatement, op.Syntax, "A lambda");
            return "default";
        }

        _context.Report(DiagnosticDescriptors.UnsupportedExpression, op.Syntax, Describe(op));
        return "default";
    }

    /// <summary>Arguments in parameter order; a <c>params</c> array is written as its elements.</summary>
    public string ArgumentList(IEnumerable<IArgumentOperation> arguments, List<string> reads)
    {
        var texts = new List<string>();
        foreach (var argument in arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                texts.AddRange(elements.ElementValues.Select(e => Write(e, reads, out _)));
            }
            else
            {
                texts.Add(Write(argument.Value, reads, out _));
            }
        }

        return string.Join(", ", texts);
    }

    private string Initializer(IArrayInitializerOperation initializer, List<string> reads) =>
        "{ " + string.Join(", ", initializer.ElementValues.Select(e => e is IArrayInitializerOperation nested ? Initializer(nested, reads) : Write(e, reads, out _))) + " }";

    private string Read(ISymbol symbol, List<string> reads)
    {
        var variable = _context.Lookup(symbol);
        if (variable is null)
        {
            return Emission.NameScope.Escape(symbol.Name);
        }

        reads.Add(variable.Name);
        return variable.Name;
    }

    private static string Wrap(string text, bool simple) => simple ? text : "(" + text + ")";

    public static string Describe(IOperation op) => $"'{op.Syntax}'";

    private string BinaryToken(IBinaryOperation binary)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add: return "+";
            case BinaryOperatorKind.Subtract: return "-";
            case BinaryOperatorKind.Multiply: return "*";
            case BinaryOperatorKind.Divide: return "/";
            case BinaryOperatorKind.Remainder: return "%";
            case BinaryOperatorKind.LeftShift: return "<<";
            case BinaryOperatorKind.RightShift: return ">>";
            case BinaryOperatorKind.And: return "&";
            case BinaryOperatorKind.Or: return "|";
            case BinaryOperatorKind.ExclusiveOr: return "^";
            case BinaryOperatorKind.ConditionalAnd: return "&&";
            case BinaryOperatorKind.ConditionalOr: return "||";
            case BinaryOperatorKind.Equals: return "==";
            case BinaryOperatorKind.NotEquals: return "!=";
            case BinaryOperatorKind.LessThan: return "<";
            case BinaryOperatorKind.LessThanOrEqual: return "<=";
            case BinaryOperatorKind.GreaterThan: return ">";
            case BinaryOperatorKind.GreaterThanOrEqual: return ">=";
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedExpression, binary.Syntax, $"operator {binary.OperatorKind}");
                return "+";
        }
    }

    private static string? UnaryToken(UnaryOperatorKind kind) => kind switch
    {
        UnaryOperatorKind.Minus => "-",
        UnaryOperatorKind.Plus => "+",
        UnaryOperatorKind.Not => "!",
        UnaryOperatorKind.BitwiseNegation => "~",
        UnaryOperatorKind.Hat => "^",
        _ => null,
    };
}
