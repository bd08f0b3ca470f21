using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// Functions that are piecewise smooth (<c>Abs</c>, <c>Min</c>, <c>Max</c>, <c>Clamp</c>: the derivative of the
/// piece that is taken) or piecewise constant (<c>Floor</c>, <c>Ceiling</c>, <c>Round</c>, <c>Truncate</c>: zero).
/// </summary>
internal static class PiecewiseRules
{
    public static void Register(Dictionary<OpCode, DerivativeRule> rules)
    {
        // y = |x|: ∂x = sign(x), 0 at 0 — written as comparisons, since Math.Sign throws on NaN
        rules[OpCode.Abs] = new PartialsRule(
            (x, k) => C.Fn("Abs", k, x[0]),
            (_, x, _, _) => Partial.Linear(new Code(
                $"({x[0].Text} > 0.0 ? 1.0 : {x[0].Text} < 0.0 ? -1.0 : 0.0)", Precedence.Primary, ValueKind.Real)));

        // y = min(a, b): the derivative of the argument returned (a on a tie, as Math.Min returns it)
        rules[OpCode.Min] = new PartialsRule(
            (x, k) => C.Fn("Min", k, x[0], x[1]),
            (i, x, _, _) => Partial.Linear(Select(x[0].Text + " <= " + x[1].Text, i == 0)));

        // y = max(a, b)
        rules[OpCode.Max] = new PartialsRule(
            (x, k) => C.Fn("Max", k, x[0], x[1]),
            (i, x, _, _) => Partial.Linear(Select(x[0].Text + " >= " + x[1].Text, i == 0)));

        // y = clamp(x, lo, hi): 1 for the argument returned, 0 for the others
        rules[OpCode.Clamp] = new PartialsRule(
            (x, k) => C.Fn("Clamp", k, x[0], x[1], x[2]),
            (i, x, _, _) =>
            {
                var below = x[0].Text + " < " + x[1].Text;
                var above = x[0].Text + " > " + x[2].Text;
                return Partial.Linear(i switch
                {
                    0 => Select(below + " || " + above, false),
                    1 => Select(below, true),
                    _ => Select(above, true),
                });
            });

        foreach (var (op, name) in new[] { (OpCode.Floor, "Floor"), (OpCode.Ceiling, "Ceiling"), (OpCode.Round, "Round"), (OpCode.Truncate, "Truncate") })
        {
            rules[op] = new PartialsRule((x, k) => C.Call(TypeNames.Math + "." + name, k, Arguments(x)), (_, _, _, _) => null);
        }
    }

    private static Code Select(string condition, bool whenTrue) =>
        C.Choose(condition, C.Real(whenTrue ? 1 : 0), C.Real(whenTrue ? 0 : 1));

    private static Code[] Arguments(IReadOnlyList<Code> x)
    {
        var args = new Code[x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            args[i] = x[i];
        }

        return args;
    }
}
