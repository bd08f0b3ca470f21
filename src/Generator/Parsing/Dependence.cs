using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// Follows every value computed from a differentiable parameter through the method's <see cref="IOperation"/> tree,
/// whatever its type: through locals, assignments, calls, object and tuple creation, member reads and conversions.
/// The lowering keeps only values of the kinds it differentiates; this pass makes sure nothing else silently holds a
/// dependence: a value of a type that cannot carry a derivative, made from a differentiated value, is DIFF0018 at the
/// construct that makes it. Discrete values (comparisons, patterns, <c>int</c> conversions) may read differentiated
/// values and carry no derivative, which loses nothing (a function with discrete values has a zero derivative
/// wherever it has one); a conversion to an integer type warns (DIFF0009).
/// </summary>
/// <remarks>
/// The analysis is flow-insensitive, like <see cref="Analysis.Activity"/>: a local is <em>varied</em> when any write
/// to it is, and a write to a field or element of a local varies the local. That is conservative: it may report a
/// value that a later assignment makes constant again, never miss one.
/// </remarks>
internal sealed class Dependence
{
    private readonly HashSet<ISymbol> _varied;
    private readonly HashSet<ISymbol> _touched;
    private readonly Dictionary<IOperation, bool> _memo = new();

    private Dependence(HashSet<ISymbol> varied, HashSet<ISymbol> touched)
    {
        _varied = varied;
        _touched = touched;
    }

    /// <summary>Follows the values of <paramref name="body"/> from the <paramref name="differentiable"/> parameters.</summary>
    public static Dependence Analyze(IOperation body, IEnumerable<IParameterSymbol> differentiable)
    {
        var seeds = new HashSet<ISymbol>(differentiable, SymbolEqualityComparer.Default);

        // The parameter of a lambda given to Ops.Map is differentiated too (any other lambda is refused anyway).
        foreach (var lambda in body.Descendants().OfType<IAnonymousFunctionOperation>())
        {
            seeds.UnionWith(lambda.Symbol.Parameters.Where(p => Types.KindOf(p.Type) != ValueKind.Passive));
        }

        var writes = Writes(body).ToList();
        return new Dependence(Close(seeds, writes, throughDiscrete: false), Close(seeds, writes, throughDiscrete: true));
    }

    /// <summary>
    /// Whether some returned value depends on a differentiable parameter in any way, also through comparisons,
    /// integer conversions or piecewise-constant functions (whose derivative is zero): then DIFF0010 says so instead
    /// of claiming no dependence.
    /// </summary>
    public bool ResultTouchesInputs(IOperation body) =>
        Returns(body).Any(r => r.ReturnedValue is { } value && Depends(value, _touched, throughDiscrete: true));

    /// <summary>
    /// Whether some returned value depends on a differentiable parameter through values that may carry a derivative
    /// (for DIFF0020, which needs a second opinion beside <see cref="Analysis.Activity"/> before it calls one zero).
    /// </summary>
    public bool ResultVaried(IOperation body) =>
        Returns(body).Any(r => r.ReturnedValue is { } value && IsVaried(value));

    /// <summary>Whether the value of <paramref name="op"/> depends on a differentiable parameter through values that may carry a derivative.</summary>
    public bool IsVaried(IOperation op)
    {
        if (_memo.TryGetValue(op, out var known))
        {
            return known;
        }

        var varied = Depends(op, _varied, throughDiscrete: false);
        _memo[op] = varied;
        return varied;
    }

    /// <summary>
    /// DIFF0018 at each construct that makes a value of a type that cannot carry a derivative from a differentiated
    /// value, and DIFF0009 at each conversion of one to an integer type (unless the lowering warned there already).
    /// </summary>
    public void Report(IOperation body, LoweringContext context)
    {
        foreach (var op in body.Descendants())
        {
            if (op.Type is not { } type || type.TypeKind == TypeKind.Error || op.Syntax is null)
            {
                continue;
            }

            if (DerivativeTypes.IsDiscrete(type))
            {
                if (op is IConversionOperation { Operand: var operand } && IsDifferentiated(operand) && !Reported(context, DiagnosticDescriptors.ZeroDerivative, op.Syntax))
                {
                    context.Report(DiagnosticDescriptors.ZeroDerivative, op.Syntax, $"'{Short(op.Syntax)}'");
                }

                continue;
            }

            if (type.SpecialType == SpecialType.System_Void)
            {
                // A call that returns nothing makes no value, unless it changes its receiver (list.Add(x)): then
                // the receiver is what holds the dependence. A static call such as logging keeps nothing.
                if (op is IInvocationOperation { Instance: { Type: { } receiver } instance } && Roots(instance).Any()
                    && Types.KindOf(receiver) == ValueKind.Passive && !DerivativeTypes.IsDiscrete(receiver))
                {
                    type = receiver;
                }
                else
                {
                    continue;
                }
            }

            if (Types.KindOf(type) != ValueKind.Passive || !IsVaried(op))
            {
                continue;
            }

            if (JoinLowering.IsRewrittenArray(op))
            {
                // The params array of Ops.Concat/Stack with many parts is never made: the call is rewritten (JoinLowering).
                continue;
            }

            // Reported where the dependence enters a type that cannot carry it, not again where that value flows on.
            var input = Inputs(op).FirstOrDefault(IsDifferentiated);
            if (input is null)
            {
                continue;
            }

            var construct = op is IConversionOperation { IsImplicit: true }
                ? $"The implicit conversion of '{Short(input.Syntax)}'"
                : $"'{Short(op.Syntax)}'";
            var why = (op is IInvocationOperation call && type is INamedTypeSymbol { IsTupleType: true }
                          ? $"calls that return a tuple such as '{DerivativeTypes.Display(type)}' are not differentiated yet; "
                            + (call.TargetMethod.ContainingType?.ToDisplayString() == "Diff.Ops"
                                ? $"outside [Differentiable] code, Ops.{call.TargetMethod.Name}Adjoint takes a seed per output"
                                : "call methods that return one value each")
                          : null)
                      ?? DerivativeTypes.NotYetSupported(type, forParameter: false)
                      ?? $"'{DerivativeTypes.Display(type)}' cannot carry a derivative; keep differentiated values out of it (mark the parameters they come from [NoDerivative] if they are data)";
            // The lowering may have refused the same construct without knowing why (DIFF0006 on a tuple literal, DIFF0007
            // on a call given an array of differentiated tensors): this diagnostic says more, so it stands alone.
            var location = LocationInfo.From(op.Syntax.GetLocation());
            context.Diagnostics.RemoveAll(d => (d.Id == DiagnosticDescriptors.UnsupportedExpression.Id || d.Id == DiagnosticDescriptors.NoDerivative.Id)
                                               && d.Location == location);
            context.Report(DiagnosticDescriptors.DependenceLost, op.Syntax, construct, DerivativeTypes.Display(type), Short(input.Syntax), why);
        }
    }

    /// <summary>A value of a kind the generator differentiates that depends on a differentiable parameter.</summary>
    private bool IsDifferentiated(IOperation op) => Types.KindOf(op.Type) != ValueKind.Passive && IsVaried(op);

    /// <summary>The operands of <paramref name="op"/>, looking through the untyped nodes (arguments, initializers) between them.</summary>
    private static IEnumerable<IOperation> Inputs(IOperation op)
    {
        foreach (var child in op.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation or IDelegateCreationOperation)
            {
                continue;
            }

            if (child.Type is null)
            {
                foreach (var inner in Inputs(child))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private static bool Reported(LoweringContext context, DiagnosticDescriptor descriptor, SyntaxNode node)
    {
        var location = LocationInfo.From(node.GetLocation());
        return context.Diagnostics.Any(d => d.Id == descriptor.Id && d.Location == location);
    }

    private static string Short(SyntaxNode node)
    {
        var text = LoweringContext.Source(node).Text;
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>The smallest set of symbols holding <paramref name="seeds"/> and closed under the writes.</summary>
    private static HashSet<ISymbol> Close(HashSet<ISymbol> seeds, List<(ISymbol Target, IOperation Value)> writes, bool throughDiscrete)
    {
        var set = new HashSet<ISymbol>(seeds, SymbolEqualityComparer.Default);
        bool changed;
        do
        {
            changed = false;
            foreach (var (target, value) in writes)
            {
                if (!set.Contains(target) && (throughDiscrete || !DerivativeTypes.IsDiscrete(TypeOf(target))) && Depends(value, set, throughDiscrete))
                {
                    set.Add(target);
                    changed = true;
                }
            }
        }
        while (changed);
        return set;
    }

    /// <summary>
    /// Whether <paramref name="op"/> reads a symbol of <paramref name="set"/>; unless <paramref name="throughDiscrete"/>,
    /// not through a value of a discrete type.
    /// </summary>
    private static bool Depends(IOperation? op, HashSet<ISymbol> set, bool throughDiscrete)
    {
        if (op is null || op.ConstantValue.HasValue || (!throughDiscrete && DerivativeTypes.IsDiscrete(op.Type)))
        {
            return false;
        }

        switch (op)
        {
            case ILocalReferenceOperation local:
                return set.Contains(local.Local);
            case IParameterReferenceOperation parameter:
                return set.Contains(parameter.Parameter);
            case IAnonymousFunctionOperation or IDelegateCreationOperation:
                // A lambda's own value is a delegate; what it captures is refused where it is lowered.
                return false;
        }

        foreach (var child in op.ChildOperations)
        {
            if (Depends(child, set, throughDiscrete))
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>Every write of the body to a local or parameter (or to a field or element of one), with the value written.</summary>
    private static IEnumerable<(ISymbol Target, IOperation Value)> Writes(IOperation body)
    {
        foreach (var op in body.Descendants())
        {
            switch (op)
            {
                case IVariableDeclaratorOperation declarator when (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer:
                    yield return (declarator.Symbol, initializer.Value);
                    break;
                case IAssignmentOperation assignment:
                    // Simple, compound, coalesce and deconstruction assignments: each variable the target names.
                    foreach (var target in Roots(assignment.Target))
                    {
                        yield return (target, assignment.Value);
                    }

                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        yield return (local, loop.Collection);
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Parent: { } call } argument:
                    foreach (var target in Roots(argument.Value))
                    {
                        yield return (target, call);
                    }

                    break;
                case IInvocationOperation { Instance: { Type: { } receiver } instance } call when Types.KindOf(receiver) == ValueKind.Passive:
                    // An instance call may change its receiver (list.Add(x), p.Scale(x)): the receiver gets what it is given.
                    foreach (var target in Roots(instance))
                    {
                        yield return (target, call);
                    }

                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern when PatternInput(pattern) is { } input:
                    yield return (declared, input);
                    break;
            }
        }
    }

    /// <summary>The locals and parameters an assignment target writes: <c>p</c> for <c>p</c>, <c>p.X</c>, <c>a[i]</c>; each element of a tuple.</summary>
    private static IEnumerable<ISymbol> Roots(IOperation target)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                yield return local.Local;
                break;
            case IParameterReferenceOperation parameter:
                yield return parameter.Parameter;
                break;
            case IMemberReferenceOperation { Instance: { } instance }:
                foreach (var root in Roots(instance))
                {
                    yield return root;
                }

                break;
            case IArrayElementReferenceOperation element:
                foreach (var root in Roots(element.ArrayReference))
                {
                    yield return root;
                }

                break;
            case ITupleOperation or IDeclarationExpressionOperation or IConversionOperation:
                foreach (var child in target.ChildOperations)
                {
                    foreach (var root in Roots(child))
                    {
                        yield return root;
                    }
                }

                break;
        }
    }

    /// <summary>The value a pattern matches (of <c>is</c>, a switch expression or a switch statement).</summary>
    private static IOperation? PatternInput(IOperation pattern)
    {
        for (var node = pattern.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value;
                case ISwitchOperation switchStatement:
                    return switchStatement.Value;
            }
        }

        return null;
    }

    /// <summary>The method's own returns (not those of its lambdas and local functions).</summary>
    private static IEnumerable<IReturnOperation> Returns(IOperation body)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var op = pending.Pop();
            if (op is IReturnOperation ret)
            {
                yield return ret;
            }

            foreach (var child in op.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }
}
