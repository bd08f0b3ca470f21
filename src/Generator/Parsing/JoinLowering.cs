using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// <c>Ops.Concat</c>, <c>Ops.Stack</c> and <c>Tensor.FromScalars</c> called with more parts than their fixed overloads
/// take: C# passes the parts as a <c>params</c> array, which carries no derivative, so the call is rewritten as a tree of
/// the two- and three-part overloads (each with registered derivatives), the groups joined by <c>Ops.Concat</c> along
/// the same axis. This is exact because concatenation is associative, a stack of parts is the concatenation of the
/// stacks of consecutive groups (along the same axis, counted in the stacked rank), and a vector of scalars is the
/// concatenation of the vectors of consecutive groups. Any number of parts from two up is differentiated; the tree has
/// ⌈log₃ k⌉ levels, each copying the data once.
/// </summary>
internal static class JoinLowering
{
    /// <summary>A call to rewrite: its leading operands (the axis), its parts, and the overloads the tree is made of.</summary>
    /// <param name="Leading">The operands before the parts (the axis of Concat and Stack; none for FromScalars).</param>
    /// <param name="Parts">The parts in order.</param>
    /// <param name="First">The two- and three-part overloads of the called method, applied to groups of parts.</param>
    /// <param name="Join">The two- and three-part overloads of Ops.Concat that join the groups' results.</param>
    /// <param name="JoinsAlongAxis">Whether the groups are joined along the call's axis (Concat, Stack) or along 0 (FromScalars).</param>
    internal sealed record Call(
        IReadOnlyList<IOperation> Leading,
        IReadOnlyList<IOperation> Parts,
        (IMethodSymbol Two, IMethodSymbol Three) First,
        (IMethodSymbol Two, IMethodSymbol Three) Join,
        bool JoinsAlongAxis);

    /// <summary>The rewrite of <paramref name="invocation"/>, or null when it is not a joining call with a params list of at least two parts.</summary>
    public static Call? Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Parameters.Length == 0 || !method.Parameters[^1].IsParams
            || method.ContainingType is not { ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } } type
            || !((type.Name == "Ops" && method.Name is "Concat" or "Stack") || (type.Name == "Tensor" && method.Name == "FromScalars")))
        {
            return null;
        }

        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).ToList();
        if (arguments.Count != method.Parameters.Length
            || arguments[^1] is not { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer: { } initializer } }
            || initializer.ElementValues.Length < 2)
        {
            return null;
        }

        var element = ((IArrayTypeSymbol)method.Parameters[^1].Type).ElementType;
        var leading = method.Parameters.Length - 1;
        var first = Overloads(type, method.Name, leading, element);
        var ops = type.Name == "Ops" ? type : type.ContainingAssembly.GetTypeByMetadataName("Diff.Ops");
        if (first is null || ops is null || Overloads(ops, "Concat", 1, first.Value.Two.ReturnType) is not { } join)
        {
            return null;
        }

        return new Call(arguments.Take(leading).Select(a => a.Value).ToList(), initializer.ElementValues.ToList(), first.Value, join, method.Name != "FromScalars");
    }

    /// <summary>Whether <paramref name="op"/> is the params array of a call that <see cref="Of"/> rewrites (so it is never made).</summary>
    public static bool IsRewrittenArray(IOperation op) =>
        op is IArrayCreationOperation { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray, Parent: IInvocationOperation invocation } }
        && Of(invocation) is not null;

    /// <summary>
    /// The sizes of consecutive groups of 2 or 3 that make up <paramref name="count"/> (at least 2) parts: threes where
    /// possible, so the tree is shallow.
    /// </summary>
    public static IEnumerable<int> Groups(int count)
    {
        var twos = count % 3 == 1 ? 2 : count % 3 == 2 ? 1 : 0;
        for (var i = 0; i < (count - 2 * twos) / 3; i++)
        {
            yield return 3;
        }

        for (var i = 0; i < twos; i++)
        {
            yield return 2;
        }
    }

    /// <summary>The static overloads of <paramref name="name"/> taking <paramref name="leading"/> ints and then two or three parts of <paramref name="element"/>.</summary>
    private static (IMethodSymbol Two, IMethodSymbol Three)? Overloads(INamedTypeSymbol type, string name, int leading, ITypeSymbol element)
    {
        IMethodSymbol? Find(int parts) => type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic && m.Parameters.Length == leading + parts
            && m.Parameters.Take(leading).All(p => p.Type.SpecialType == SpecialType.System_Int32)
            && m.Parameters.Skip(leading).All(p => !p.IsParams && SymbolEqualityComparer.Default.Equals(p.Type, element)));

        return Find(2) is { } two && Find(3) is { } three ? (two, three) : null;
    }
}
