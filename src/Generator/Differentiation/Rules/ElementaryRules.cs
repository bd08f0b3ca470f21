using System;
using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// The elementary functions of <c>System.Math</c> and their holomorphic <c>Complex</c> counterparts: the same
/// derivative formula serves both, written with <c>Math</c> or <c>Complex</c> functions by the result's kind.
/// </summary>
internal static class ElementaryRules
{
    public static void Register(Dictionary<OpCode, DerivativeRule> rules)
    {
        rules[OpCode.Sin] = Unary("Sin", (x, _, k) => C.Fn("Cos", k, x));
        rules[OpCode.Cos] = Unary("Cos", (x, _, k) => C.Neg(C.Fn("Sin", k, x)));
        rules[OpCode.Tan] = Unary("Tan", (_, y, _) => C.Add(C.Real(1), C.Mul(y(), y())));
        rules[OpCode.Asin] = Unary("Asin", (x, _, k) => C.Div(C.Real(1), C.Fn("Sqrt", k, C.Sub(C.Real(1), C.Mul(x, x)))));
        rules[OpCode.Acos] = Unary("Acos", (x, _, k) => C.Neg(C.Div(C.Real(1), C.Fn("Sqrt", k, C.Sub(C.Real(1), C.Mul(x, x))))));
        rules[OpCode.Atan] = Unary("Atan", (x, _, _) => C.Div(C.Real(1), C.Add(C.Real(1), C.Mul(x, x))));
        rules[OpCode.Sinh] = Unary("Sinh", (x, _, k) => C.Fn("Cosh", k, x));
        rules[OpCode.Cosh] = Unary("Cosh", (x, _, k) => C.Fn("Sinh", k, x));
        rules[OpCode.Tanh] = Unary("Tanh", (_, y, _) => C.Sub(C.Real(1), C.Mul(y(), y())));
        rules[OpCode.Exp] = Unary("Exp", (_, y, _) => y());
        rules[OpCode.Log] = Unary("Log", (x, _, _) => C.Div(C.Real(1), x));
        rules[OpCode.Log10] = Unary("Log10", (x, _, _) => C.Div(C.Real(1), C.Mul(x, C.Passive(TypeNames.Math + ".Log(10.0)", true, ValueKind.Real))));
        rules[OpCode.Log2] = Unary("Log2", (x, _, _) => C.Div(C.Real(1), C.Mul(x, C.Passive(TypeNames.Math + ".Log(2.0)", true, ValueKind.Real))));
        rules[OpCode.Sqrt] = Unary("Sqrt", (_, y, _) => C.Div(C.Real(0.5), y()));
        rules[OpCode.Cbrt] = Unary("Cbrt", (_, y, _) => C.Div(C.Real(1), C.Mul(C.Real(3), C.Mul(y(), y()))));

        // y = atan2(a, b): ∂a = b / (a² + b²), ∂b = -a / (a² + b²)
        rules[OpCode.Atan2] = new PartialsRule(
            (x, k) => C.Fn("Atan2", k, x[0], x[1]),
            (i, x, _, _) =>
            {
                var r2 = C.Add(C.Mul(x[0], x[0]), C.Mul(x[1], x[1]));
                return Partial.Linear(i == 0 ? C.Div(x[1], r2) : C.Neg(C.Div(x[0], r2)));
            });

        // y = log(a, b) = ln a / ln b: ∂a = 1 / (a ln b), ∂b = -y / (b ln b)
        rules[OpCode.LogBase] = new PartialsRule(
            (x, k) => C.Fn("Log", k, x[0], x[1]),
            (i, x, y, k) => Partial.Linear(i == 0
                ? C.Div(C.Real(1), C.Mul(x[0], C.Fn("Log", k, x[1])))
                : C.Neg(C.Div(y(), C.Mul(x[1], C.Fn("Log", k, x[1]))))));

        // y = a^b: ∂a = b·a^(b-1), ∂b = y·ln a
        rules[OpCode.Pow] = new PartialsRule(
            (x, k) => C.Fn("Pow", k, x[0], x[1]),
            (i, x, y, k) => Partial.Linear(i == 0
                ? C.Mul(x[1], C.Fn("Pow", k, x[0], C.Sub(x[1], C.Real(1))))
                : C.Mul(y(), C.Fn("Log", k, x[0]))));
    }

    /// <summary>A one-argument function <c>y = f(x)</c> with <c>f'</c> given from x, y (on demand) and the kind.</summary>
    private static PartialsRule Unary(string function, Func<Code, Func<Code>, ValueKind, Code> derivative) =>
        new(
            (x, k) => C.Fn(function, k, x[0]),
            (i, x, y, k) => i == 0 ? Partial.Linear(derivative(x[0], y, k)) : null);
}
