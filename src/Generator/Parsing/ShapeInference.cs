using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// The shapes of tensors that are visible at compile time: those made from constants
/// (<c>Tensor.Zeros(2, 3)</c>, <c>Tensor.Identity(4)</c>, <c>Tensor.FromArray(new double[,] { … })</c>, an array
/// literal converted to a tensor) and what reshaping, transposing and elementwise operators make of them (broadcasting
/// as numpy does, like the runtime), also through locals assigned once. Only these are checked (DIFF0016); a shape that depends on a parameter is known only
/// at run time, where the kernels report it.
/// </summary>
internal sealed class ShapeInference
{
    private readonly Dictionary<ISymbol, int[]?> _locals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _reassigned = new(SymbolEqualityComparer.Default);

    /// <summary>Locals that are written after their declaration anywhere in the body: their shape is never assumed.</summary>
    public void FindReassigned(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            var target = operation switch
            {
                ISimpleAssignmentOperation a => a.Target,
                ICompoundAssignmentOperation c => c.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation local)
            {
                _reassigned.Add(local.Local);
            }
        }
    }

    /// <summary>Records the shape of a local declared with a value and never written again.</summary>
    public void Declare(ISymbol local, IOperation? value)
    {
        if (!_reassigned.Contains(local) && value is not null)
        {
            _locals[local] = Of(value);
        }
    }

    /// <summary>The shape of a tensor-valued operation, or null when it is not known at compile time.</summary>
    public int[]? Of(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Of(conversion.Operand);
            case ILocalReferenceOperation local:
                return _locals.TryGetValue(local.Local, out var known) ? known : null;
            case IArrayCreationOperation { Initializer: { } initializer, Type: IArrayTypeSymbol array }:
                return Dimensions(initializer, array.Rank);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IBinaryOperation { OperatorMethod: { } } binary:
                var left = Of(binary.LeftOperand);
                var right = Of(binary.RightOperand);
                if (IsScalar(binary.LeftOperand))
                {
                    return right;
                }

                if (IsScalar(binary.RightOperand))
                {
                    return left;
                }

                return left is not null && right is not null ? Broadcast(left, right) : null;
            case IUnaryOperation unary:
                return Of(unary.Operand);
            default:
                return null;
        }
    }

    /// <summary>Why two operands' known shapes do not fit the operation, or null when they fit or are not known.</summary>
    public string? Mismatch(IMethodSymbol method, IReadOnlyList<IOperation> operands)
    {
        if (!IsTensorOperation(method))
        {
            return null;
        }

        switch (method.Name)
        {
            case "op_Addition" or "op_Subtraction" or "op_Multiply" or "op_Division" when operands.Count == 2
                && !IsScalar(operands[0]) && !IsScalar(operands[1]):
            {
                var (a, b) = (Of(operands[0]), Of(operands[1]));
                return a is not null && b is not null && Broadcast(a, b) is null
                    ? $"elementwise '{Symbol(method.Name)}' cannot broadcast shapes {Format(a)} and {Format(b)} (aligned from the right, each axis must be equal or 1)"
                    : null;
            }

            case "Maximum" or "Minimum" or "Where" when operands.Count is 2 or 3:
            {
                var shapes = operands.Select(Of).ToList();
                return shapes.All(s => s is not null) && BroadcastAll(shapes!) is null
                    ? $"{method.Name} cannot broadcast shapes {string.Join(", ", shapes.Select(s => Format(s!)))} (aligned from the right, each axis must be equal or 1)"
                    : null;
            }

            case "MatMul" or "Dot" when operands.Count == 2:
            {
                var (a, b) = (Of(operands[0]), Of(operands[1]));
                if (a is null || b is null || a.Length == 0 || b.Length == 0 || a.Length > 2 || b.Length > 2)
                {
                    return null;
                }

                var inner = b.Length == 1 ? b[0] : b[0];
                return a[a.Length - 1] != inner
                    ? $"{method.Name} contracts the last axis of {Format(a)} with the {(b.Length == 1 ? "only" : "first")} axis of {Format(b)}, of different lengths"
                    : null;
            }

            case "Expm" or "Logm" when operands.Count == 1:
            {
                var a = Of(operands[0]);
                return a is not null && (a.Length != 2 || a[0] != a[1])
                    ? $"{method.Name} needs a square matrix, but the shape is {Format(a)}"
                    : null;
            }

            default:
                return null;
        }
    }

    private int[]? Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.Name;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        if (method.IsStatic && type is "Tensor" or "ComplexTensor" && IsDiff(method.ContainingType))
        {
            switch (method.Name)
            {
                case "Zeros" or "Ones":
                    return Integers(arguments);
                case "Full" when arguments.Count == 2:
                    return Integers(arguments.Skip(1).ToList());
                case "Identity" when arguments.Count == 1 && Integer(arguments[0]) is { } n:
                    return new[] { n, n };
                case "Arange" when arguments.Count == 1 && Integer(arguments[0]) is { } count:
                    return new[] { count };
                case "FromArray" when arguments.Count == 1:
                    return Of(arguments[0]);
                case "FromTensor" when arguments.Count == 1:
                    return Of(arguments[0]);
            }

            return null;
        }

        if (!method.IsStatic && invocation.Instance is { } instance && IsTensorOperation(method))
        {
            var shape = Of(instance);
            switch (method.Name)
            {
                case "Reshape":
                    var requested = Integers(arguments);
                    return requested is not null && shape is not null && requested.Aggregate(1, (x, y) => x * y) == shape.Aggregate(1, (x, y) => x * y) ? requested : null;
                case "Flatten":
                    return shape is null ? null : new[] { shape.Aggregate(1, (x, y) => x * y) };
                case "Transpose" or "ConjugateTranspose":
                    return shape is { Length: 2 } ? new[] { shape[1], shape[0] } : null;
                case "Real" or "Imag" or "Conj":
                    return shape;
            }
        }

        if (method.IsStatic && type == "Ops" && IsDiff(method.ContainingType) && arguments.Count >= 1)
        {
            switch (method.Name)
            {
                case "Exp" or "Log" or "Sin" or "Cos" or "Tanh" or "Sqrt" or "Abs" or "Pow" or "Map" or "Expm" or "Logm"
                    or "Relu" or "Sigmoid" or "Softplus" or "StopGradient":
                    return Of(arguments[0]);
                case "Maximum" or "Minimum" or "Where":
                    var shapes = arguments.Select(Of).ToList();
                    return shapes.All(s => s is not null) ? BroadcastAll(shapes!) : null;
                case "MatMul" when arguments.Count == 2 && Of(arguments[0]) is { Length: 2 } a && Of(arguments[1]) is { Length: 2 } b && a[1] == b[0]:
                    return new[] { a[0], b[1] };
            }
        }

        return null;
    }

    /// <summary>numpy's broadcast shape of two shapes (aligned from the right, a 1 stretches), or null when they do not fit.</summary>
    private static int[]? Broadcast(int[] a, int[] b)
    {
        var rank = System.Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (var j = 1; j <= rank; j++)
        {
            var da = j <= a.Length ? a[a.Length - j] : 1;
            var db = j <= b.Length ? b[b.Length - j] : 1;
            if (da != db && da != 1 && db != 1)
            {
                return null;
            }

            shape[rank - j] = da == 1 ? db : da;
        }

        return shape;
    }

    private static int[]? BroadcastAll(IReadOnlyList<int[]> shapes)
    {
        int[]? shape = shapes[0];
        for (var i = 1; i < shapes.Count && shape is not null; i++)
        {
            shape = Broadcast(shape, shapes[i]);
        }

        return shape;
    }

    private static int[]? Dimensions(IArrayInitializerOperation initializer, int rank)
    {
        var shape = new List<int>();
        IArrayInitializerOperation? level = initializer;
        for (var axis = 0; axis < rank && level is not null; axis++)
        {
            shape.Add(level.ElementValues.Length);
            level = level.ElementValues.FirstOrDefault() as IArrayInitializerOperation;
        }

        return shape.Count == rank ? shape.ToArray() : null;
    }

    private static int[]? Integers(IReadOnlyList<IOperation> arguments)
    {
        var values = new List<int>();
        foreach (var argument in arguments)
        {
            if (argument is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    if (Integer(element) is not { } value)
                    {
                        return null;
                    }

                    values.Add(value);
                }
            }
            else if (Integer(argument) is { } value)
            {
                values.Add(value);
            }
            else
            {
                return null;
            }
        }

        return values.ToArray();
    }

    private static int? Integer(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: int value } ? value : null;

    private static bool IsScalar(IOperation operation) => Types.KindOf(operation.Type).IsScalar();

    private static bool IsDiff(INamedTypeSymbol? type) =>
        type?.ContainingNamespace is { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsTensorOperation(IMethodSymbol method) =>
        IsDiff(method.ContainingType) && method.ContainingType.Name is "Tensor" or "ComplexTensor" or "Ops";

    private static string Symbol(string name) => name switch
    {
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        "op_Multiply" => "*",
        _ => "/",
    };

    private static string Format(int[] shape) => "(" + string.Join(", ", shape) + ")";
}
