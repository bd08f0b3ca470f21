using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// The members of <c>System.Numerics.Complex</c> that are not holomorphic counterparts of <c>Math</c> functions:
/// construction, parts, magnitude, phase, conjugate, polar form, and the conversion from <c>double</c>.
/// </summary>
internal static class ComplexRules
{
    public static void Register(Dictionary<OpCode, DerivativeRule> rules)
    {
        // z = x (implicit double → Complex): dz = dx; x̄ += Re z̄
        rules[OpCode.ToComplex] = new PartialsRule(
            (x, _) => x[0],
            (_, _, _, _) => Partial.Linear(C.Real(1)));

        // z = new Complex(a, b): dz = da + i·db; ā += Re z̄, b̄ += Im z̄
        rules[OpCode.ComplexNew] = new PartialsRule(
            (x, _) => C.Complex(x[0], x[1]) is { Kind: ValueKind.Complex } z ? z : new Code("new " + TypeNames.Complex + "(" + x[0].Text + ", " + x[1].Text + ")", Precedence.Primary, ValueKind.Complex),
            (i, _, _, _) => i == 0 ? Partial.Linear(C.Real(1)) : Partial.TimesI);

        // y = Re z: dy = Re dz; z̄ += ȳ
        rules[OpCode.Real] = new PartialsRule(
            (x, _) => C.Member(AsComplex(x[0]), "Real", ValueKind.Real),
            (_, _, _, _) => Partial.RealOfComplex(C.Real(1)));

        // y = Im z: dy = Im dz; z̄ += i·ȳ
        rules[OpCode.Imaginary] = new PartialsRule(
            (x, _) => C.Member(AsComplex(x[0]), "Imaginary", ValueKind.Real),
            (_, _, _, _) => Partial.ImaginaryOf);

        // y = |z|: dy = Re(conj(z / |z|)·dz); z̄ += (z / |z|)·ȳ
        rules[OpCode.Magnitude] = new PartialsRule(
            (x, _) => C.Member(AsComplex(x[0]), "Magnitude", ValueKind.Real),
            (_, x, y, _) => Partial.RealOfComplex(C.Div(x[0], y())));

        // y = arg z: dy = Re(conj(i·z / |z|²)·dz); z̄ += (i·z / |z|²)·ȳ
        rules[OpCode.Phase] = new PartialsRule(
            (x, _) => C.Member(AsComplex(x[0]), "Phase", ValueKind.Real),
            (_, x, _, _) =>
            {
                var magnitude = C.Member(AsComplex(x[0]), "Magnitude", ValueKind.Real);
                return Partial.RealOfComplex(C.Div(C.Mul(C.I, x[0]), C.Mul(magnitude, magnitude)));
            });

        // y = conj(z): dy = conj(dz); z̄ += conj(ȳ)
        rules[OpCode.Conjugate] = new PartialsRule(
            (x, _) => C.Conj(x[0]) is { Kind: ValueKind.Complex } z ? z : C.Call(TypeNames.Complex + ".Conjugate", ValueKind.Complex, x[0]),
            (_, _, _, _) => Partial.Conjugate);

        // y = r·e^{iθ}: ∂r = e^{iθ}, ∂θ = i·y
        rules[OpCode.FromPolar] = new PartialsRule(
            (x, _) => C.Call(TypeNames.Complex + ".FromPolarCoordinates", ValueKind.Complex, x[0], x[1]),
            (i, x, y, _) => Partial.Linear(i == 0
                ? C.Call(TypeNames.Complex + ".FromPolarCoordinates", ValueKind.Complex, C.Real(1), x[1])
                : C.Mul(C.I, y())));
    }

    /// <summary>A real operand of a Complex member, converted explicitly so the member exists.</summary>
    private static Code AsComplex(Code x) =>
        x.Kind == ValueKind.Complex ? x : new Code("((" + TypeNames.Complex + ")" + C.Wrap(x, Precedence.Unary) + ")", Precedence.Primary, ValueKind.Complex);
}
