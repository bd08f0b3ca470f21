using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>
/// The rule of a call to a method that has derivatives of its own — generated (<c>[Differentiable]</c>) or registered
/// (<c>[AdjointOf]</c>/<c>[TangentOf]</c>): forward mode calls its tangent, reverse mode its adjoint. The callee's
/// derivatives are used as they are, never re-derived.
/// </summary>
internal sealed class CallRule : DerivativeRule
{
    private readonly CallTarget _target;

    public CallRule(CallTarget target) => _target = target;

    private string Suffix => Capitalize(_target.Hint);

    public override Code Primal(IReadOnlyList<Code> args, ValueKind kind)
    {
        switch (_target.Form)
        {
            case CallForm.Instance:
                return C.Call(C.Wrap(args[0], Precedence.Primary) + "." + _target.Symbol, kind, args.Skip(1).ToArray());
            case CallForm.Indexer:
                return new Code(C.Wrap(args[0], Precedence.Primary) + "[" + string.Join(", ", args.Skip(1).Select(a => a.Text)) + "]", Precedence.Primary, kind);
            case CallForm.Operator when args.Count == 1:
                return new Code(_target.Symbol + C.Wrap(args[0], Precedence.Unary), Precedence.Unary, kind);
            case CallForm.Operator:
                var precedence = _target.Symbol is "*" or "/" ? Precedence.Multiplicative : Precedence.Additive;
                var right = args[1].Precedence > precedence ? args[1].Text : "(" + args[1].Text + ")";
                return new Code(C.Wrap(args[0], precedence) + " " + _target.Symbol + " " + right, precedence, kind);
            case CallForm.Conversion:
                return new Code("(" + _target.Symbol + ")" + C.Wrap(args[0], Precedence.Unary), Precedence.Unary, kind);
            default:
                return C.Call(_target.Method, kind, args.ToArray());
        }
    }

    public override (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint)
    {
        var arguments = args.Select(a => a.Value.Text).ToList();
        for (var i = 0; i < args.Count && i < _target.Parameters.Count; i++)
        {
            var parameter = _target.Parameters[i];
            if (parameter.IsDifferentiable)
            {
                arguments.Add(args[i].Tangent?.Text ?? TypeNames.ZeroLike(parameter.Kind, args[i].Value.Text));
            }
        }

        if (scope.TakeTarget() is { } target)
        {
            scope.Line($"{target.Declaration}({target.Value}, {target.Tangent}) = {_target.TangentMethod}({string.Join(", ", arguments)});");
            return (C.Name(target.Value, kind), C.Name(target.Tangent, kind));
        }

        var value = scope.Fresh(hint);
        var tangent = scope.Fresh("d" + Capitalize(hint));
        scope.Line($"var ({value}, {tangent}) = {_target.TangentMethod}({string.Join(", ", arguments)});");
        return (C.Name(value, kind), C.Name(tangent, kind));
    }

    public override Code?[] Reverse(IEmitScope scope, IReadOnlyList<Operand> args, Func<Code> result, Code bar, ValueKind kind, string hint)
    {
        var contributions = new Code?[args.Count];
        var names = new List<string> { "_" };
        for (var i = 0; i < args.Count && i < _target.Parameters.Count; i++)
        {
            var parameter = _target.Parameters[i];
            if (!parameter.IsDifferentiable)
            {
                continue;
            }

            if (args[i].IsActive)
            {
                var name = scope.Fresh(parameter.Name + "Bar" + Suffix);
                names.Add(name);
                contributions[i] = C.Name(name, parameter.Kind);
            }
            else
            {
                names.Add("_");
            }
        }

        var arguments = args.Select(a => a.Value.Text).Append(bar.Text);
        scope.Line($"var ({string.Join(", ", names)}) = {_target.AdjointMethod}({string.Join(", ", arguments)});");
        return contributions;
    }

    /// <summary>
    /// The reverse step through the backward part of a split registration: the adjoints from the residual the
    /// forward sweep kept (<paramref name="residual"/>) and the result's adjoint, without running the call again.
    /// </summary>
    public Code?[] ReverseFromResidual(IEmitScope scope, IReadOnlyList<Operand> args, string residual, Code bar)
    {
        var split = _target.Split!;
        var contributions = new Code?[args.Count];
        var names = new List<string>();
        for (var i = 0; i < args.Count && i < _target.Parameters.Count; i++)
        {
            var parameter = _target.Parameters[i];
            if (!parameter.IsDifferentiable)
            {
                continue;
            }

            if (args[i].IsActive)
            {
                var name = scope.Fresh(parameter.Name + "Bar" + Suffix);
                names.Add(name);
                contributions[i] = C.Name(name, parameter.Kind);
            }
            else
            {
                names.Add("_");
            }
        }

        var call = $"{split.Backward}({residual}, {bar.Text})";
        scope.Line(names.Count == 1 ? $"var {names[0]} = {call};" : $"var ({string.Join(", ", names)}) = {call};");
        return contributions;
    }

    private static string Capitalize(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
