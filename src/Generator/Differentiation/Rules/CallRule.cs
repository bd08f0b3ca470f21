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

    private string ShortName => _target.Method.Substring(_target.Method.LastIndexOf('.') + 1);

    public override Code Primal(IReadOnlyList<Code> args, ValueKind kind) =>
        C.Call(_target.Method, kind, args.ToArray());

    public override (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint)
    {
        var arguments = args.Select(a => a.Value.Text).ToList();
        for (var i = 0; i < args.Count && i < _target.Parameters.Count; i++)
        {
            var parameter = _target.Parameters[i];
            if (parameter.IsDifferentiable)
            {
                arguments.Add((args[i].Tangent ?? C.Zero(parameter.Kind)).Text);
            }
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
                var name = scope.Fresh(parameter.Name + "Bar" + ShortName);
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

    private static string Capitalize(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
