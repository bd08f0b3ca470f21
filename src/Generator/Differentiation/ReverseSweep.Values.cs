using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
using Diff.Generator.Differentiation.Rules;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

// The values the reverse steps read: recomputed once per statement from the restored variables, or taken back
// from what the forward sweep recorded (locals of the member, or stacks inside loops).
internal sealed partial class ReverseSweep
{
    private Dictionary<Expr, Code> _values = new();

    /// <summary>
    /// Set on the first sweep, which finds what the forward sweep must keep: the costly values each statement inside a
    /// loop uses (<see cref="ReversePlan.Recorded"/>) are noted here.
    /// </summary>
    public Dictionary<Stmt, List<Expr>>? Recording { get; set; }

    /// <summary>The statement being undone whose values the forward sweep records (<see cref="ReversePlan.Recorded"/>).</summary>
    private Stmt? _current;

    /// <summary>Whether <see cref="_current"/> is a statement of the method's own block, whose values are all recorded.</summary>
    private bool _currentTopLevel;

    /// <summary>The current statement's recorded values, taken back from their stacks.</summary>
    private readonly Dictionary<Expr, Code> _takenBack = new();

    /// <summary>
    /// Makes the values the forward sweep recorded for <paramref name="statement"/> the ones its reverse step reads:
    /// the forward sweep's locals for a statement of the method's own block, popped from their stacks inside a loop.
    /// </summary>
    private void TakeBack(Stmt statement, string path, int loopDepth, Expr value)
    {
        if (Fused || value is CallExpr { Target.Split: not null } || (loopDepth == 0 && _ifDepth > 0) || (statement is ReturnStmt && loopDepth > 0))
        {
            return;
        }

        _current = statement;
        _currentTopLevel = loopDepth == 0;
        var recorded = _plan.Recorded(statement);
        for (var i = 0; i < recorded.Count; i++)
        {
            var hint = Hints.For(recorded[i]);
            var type = TypeNames.Of(recorded[i]);
            if (loopDepth == 0)
            {
                _takenBack[recorded[i]] = C.Name(_owner.Slot(path + ".record." + i, hint), recorded[i].Kind);
                continue;
            }

            var local = _owner.Names.Fresh(hint);
            _writer.Line($"{type} {local} = {_owner.Tape(path + ".record." + i, hint, type)}.Pop();");
            _takenBack[recorded[i]] = C.Name(local, recorded[i].Kind);
        }
    }

    /// <summary>
    /// The value of a subexpression, recomputed once per statement (a local when it is not a name or literal). Equal
    /// subexpressions of one statement are one value: the statement's operands all read the same state.
    /// </summary>
    private Code Value(Expr expr)
    {
        if (_takenBack.TryGetValue(expr, out var kept))
        {
            return kept;
        }

        if (_values.TryGetValue(expr, out var known))
        {
            return known;
        }

        Code value;
        switch (expr)
        {
            case VarExpr or PassiveExpr:
                value = ExpressionWalker.Primal(expr);
                break;
            default:
                var args = ExpressionWalker.Children(expr).Select(c => Value(c).Settle()).ToArray();
                value = ExpressionWalker.Rule(expr).Primal(args, expr.Kind);
                break;
        }

        var hint = Hints.For(expr);
        if (Recording is { } recording && _current is { } statement && (_currentTopLevel || ExpressionWalker.IsCostly(expr)))
        {
            // Used by the reverse sweep inside a loop: the forward sweep will keep it.
            value = Code.Deferred(value, v =>
            {
                if (!recording.TryGetValue(statement, out var values))
                {
                    recording[statement] = values = new List<Expr>();
                }

                if (!values.Contains(expr))
                {
                    values.Add(expr);
                }

                return Materialize(v, hint);
            });
        }
        else
        {
            value = Code.Deferred(value, v => Materialize(v, hint));
        }

        _values[expr] = value;
        return value;
    }
}
