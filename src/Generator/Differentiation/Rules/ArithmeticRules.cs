using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary><c>+ - * /</c> and unary minus, for real and complex operands alike.</summary>
internal static class ArithmeticRules
{
    public static void Register(Dictionary<OpCode, DerivativeRule> rules)
    {
        // y = a + b: ∂a = 1, ∂b = 1
        rules[OpCode.Add] = new PartialsRule(
            (x, _) => C.Add(x[0], x[1]),
            (i, _, _, _) => Partial.Linear(C.Real(1)));

        // y = a - b: ∂a = 1, ∂b = -1
        rules[OpCode.Subtract] = new PartialsRule(
            (x, _) => C.Sub(x[0], x[1]),
            (i, _, _, _) => Partial.Linear(C.Real(i == 0 ? 1 : -1)));

        // y = a * b: ∂a = b, ∂b = a
        rules[OpCode.Multiply] = new PartialsRule(
            (x, _) => C.Mul(x[0], x[1]),
            (i, x, _, _) => Partial.Linear(i == 0 ? x[1] : x[0]));

        // y = a / b: ∂a = 1 / b, ∂b = -a / b²
        rules[OpCode.Divide] = new PartialsRule(
            (x, _) => C.Div(x[0], x[1]),
            (i, x, _, _) => Partial.Linear(i == 0 ? C.Div(C.Real(1), x[1]) : C.Neg(C.Div(x[0], C.Mul(x[1], x[1])))));

        // y = -a: ∂a = -1
        rules[OpCode.Negate] = new PartialsRule(
            (x, _) => C.Neg(x[0]),
            (_, _, _, _) => Partial.Linear(C.Real(-1)));
    }
}
