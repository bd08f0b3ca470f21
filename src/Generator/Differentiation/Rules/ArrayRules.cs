using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// Reading an element of a <c>double[]</c> or <c>Complex[]</c> parameter, <c>y = x[i]</c>: <c>dy = dx[i]</c>, and
/// in reverse mode <c>x̄[i] += ȳ</c>. The reverse sweep writes that update itself (it is an update of one element,
/// not of a whole variable), from <see cref="Index"/>.
/// </summary>
internal sealed class ElementRule : DerivativeRule
{
    public static void Register(Dictionary<OpCode, DerivativeRule> rules) => rules[OpCode.Element] = new ElementRule();

    /// <summary>The index list of an element read, as C#: <c>i</c> or <c>i, j</c>.</summary>
    public static string Index(IReadOnlyList<Code> args) => string.Join(", ", args.Skip(1).Select(a => a.Settle().Text));

    public override Code Primal(IReadOnlyList<Code> args, ValueKind kind) =>
        new(C.Wrap(args[0], Precedence.Primary) + "[" + Index(args) + "]", Precedence.Primary, kind);

    public override (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint)
    {
        var values = args.Select(a => a.Value).ToList();
        var value = Primal(values, kind);
        if (args[0].Tangent is not { } tangent)
        {
            return (value, null);
        }

        var indices = new List<Code> { tangent };
        indices.AddRange(values.Skip(1));
        return (value, Primal(indices, kind));
    }

    public override Code?[] Reverse(IEmitScope scope, IReadOnlyList<Operand> args, Func<Code> result, Code bar, ValueKind kind, string hint) =>
        throw new InvalidOperationException("The reverse sweep updates array elements itself.");
}
