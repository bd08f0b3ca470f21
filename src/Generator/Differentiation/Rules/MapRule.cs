using System;
using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// <c>y = Ops.Map(a, f)</c>: the element function's own tangent and adjoint (generated from the lambda, or the method
/// group's) mapped over the elements: <c>(yₖ, dyₖ) = fTangent(aₖ, daₖ)</c> and <c>āₖ = fAdjoint(aₖ, ȳₖ)</c>. This
/// holds for complex element functions that are not holomorphic too, since each element goes through its own rule.
/// </summary>
internal sealed class MapRule : DerivativeRule
{
    private const string Derivatives = "global::Diff.MapDerivatives";
    private readonly CallTarget _target;

    public MapRule(CallTarget target) => _target = target;

    public override Code Primal(IReadOnlyList<Code> args, ValueKind kind) =>
        C.Call(_target.Method, kind, args[0], new Code(_target.Symbol!, Precedence.Primary, ValueKind.Passive));

    public override (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint)
    {
        if (args[0].Tangent is not { } tangent)
        {
            return (Primal(new[] { args[0].Value }, kind), null);
        }

        var call = $"{Derivatives}.Tangent({args[0].Value.Text}, {tangent.Text}, {_target.TangentMethod})";
        if (scope.TakeTarget() is { } target)
        {
            scope.Line($"{target.Declaration}({target.Value}, {target.Tangent}) = {call};");
            return (C.Name(target.Value, kind), C.Name(target.Tangent, kind));
        }

        var value = scope.Fresh(hint);
        var derivative = scope.Fresh("d" + Hints.Capitalize(hint));
        scope.Line($"var ({value}, {derivative}) = {call};");
        return (C.Name(value, kind), C.Name(derivative, kind));
    }

    public override Code?[] Reverse(IEmitScope scope, IReadOnlyList<Operand> args, Func<Code> result, Code bar, ValueKind kind, string hint)
    {
        var name = scope.Fresh("aBarMap");
        scope.Line($"var {name} = {Derivatives}.Adjoint({args[0].Value.Text}, {bar.Text}, {_target.AdjointMethod});");
        return new Code?[] { C.Name(name, args[0].Kind) };
    }
}
