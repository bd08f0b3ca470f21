using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
using Diff.Generator.Differentiation.Rules;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>
/// The reverse sweep of an adjoint: the statements undone last to first. For <c>v = e</c> it adds each active
/// variable's share of <c>v̄</c> (by the rules of the operations in <c>e</c>, with the values of <c>e</c>'s
/// operands recomputed from the restored variables), resets <c>v̄</c>, and restores <c>v</c> if it was saved.
/// </summary>
internal sealed partial class ReverseSweep : IEmitScope
{
    private readonly MethodInfo _method;
    private readonly ReversePlan _plan;
    private readonly ReverseMode _owner;
    private readonly string _seed;
    private SourceWriter _writer = new();

    public ReverseSweep(MethodInfo method, ReversePlan plan, ReverseMode owner, string seed, string value)
    {
        _method = method;
        _plan = plan;
        _owner = owner;
        _seed = seed;
    }

    /// <summary>
    /// Set while writing the reverse steps of a fused loop (<see cref="Analysis.FusedLoop"/>): they follow their
    /// iteration, so nothing is restored and the values are the iteration's own.
    /// </summary>
    public bool Fused { get; set; }

    /// <summary>Writes the reverse steps of <paramref name="block"/>'s statements <paramref name="from"/> to <paramref name="to"/> (exclusive), last to first.</summary>
    public void Block(IReadOnlyList<Stmt> block, string path, int loopDepth, SourceWriter writer, int from = 0, int to = -1)
    {
        var saved = _writer;
        var savedPending = _pending;
        var savedDepth = _loopDepth;
        var savedDeclared = _declared;
        var savedGuard = _guardDeclarations;
        _guardDeclarations = null;
        _writer = writer;
        _pending = new List<PendingElement>();
        _loopDepth = loopDepth;
        _declared = new HashSet<string>();
        for (var i = (to < 0 ? block.Count : to) - 1; i >= from; i--)
        {
            Statement(block[i], path + "." + i, loopDepth);
        }

        Flush();
        FlushWindows();
        _writer = saved;
        _pending = savedPending;
        _loopDepth = savedDepth;
        _declared = savedDeclared;
        _guardDeclarations = savedGuard;
    }

    /// <summary>The adjoints of iteration locals (<see cref="ReversePlan.IsIterationLocal"/>) declared so far in this block.</summary>
    private HashSet<string> _declared = new();

    private int _loopDepth;
    private string? _lastComment;

    /// <summary>The depth of branches around the statement being undone.</summary>
    private int _ifDepth;

    private void Statement(Stmt statement, string path, int loopDepth)
    {
        _current = null;
        _currentTopLevel = false;
        _takenBack.Clear();
        if (statement is not AssignStmt)
        {
            _lastComment = null;
        }

        if (!_plan.NeedsReverse(statement, loopDepth))
        {
            return;
        }

        if (statement is IfStmt or ForStmt)
        {
            Flush();
        }

        switch (statement)
        {
            case AssignStmt assign:
                Assign(assign, path, loopDepth);
                break;
            case ReturnStmt ret:
                _writer.Line(ret.Source.Comment);
                TakeBack(ret, path, loopDepth, ret.Value);
                Propagate(ret.Value, C.Name(_seed, _method.Model.ReturnKind), target: null, reset: false);
                _lastComment = ret.Source.Text;
                break;
            case IfStmt branch:
                If(branch, path, loopDepth);
                break;
            case ForStmt loop:
                For(loop, path, loopDepth);
                break;
        }

        if (statement is IfStmt or ForStmt)
        {
            _lastComment = null;
        }

        if (statement is IfStmt or ForStmt)
        {
            Forget();
        }
    }

    private void Assign(AssignStmt assign, string path, int loopDepth)
    {
        // Written aside first: a step with nothing to undo (a first value that is a constant) leaves no comment.
        var outer = _writer;
        _writer = new SourceWriter();
        AssignSteps(assign, path, loopDepth);
        var steps = _writer;
        _writer = outer;
        if (steps.Length > 0)
        {
            // The locals made for one statement's tensor operations share its comment: written once.
            if (assign.Source.Text != _lastComment)
            {
                _writer.Line(assign.Source.Comment);
            }

            _lastComment = assign.Source.Text;
            _writer.Append(steps);
        }
    }

    private void AssignSteps(AssignStmt assign, string path, int loopDepth)
    {
        var target = assign.Target;
        if (!_method.Activity.IsActive(target))
        {
            Restore(assign, path, loopDepth);
            return;
        }

        // A call with a split reverse rule: its residual, kept by the forward sweep, is taken back here (also when
        // the step below finds nothing to do, so the stack stays in step).
        _residual = null;
        if (assign.Value is CallExpr { Target.Split: { } split } call && _method.Activity.IsActive(call))
        {
            var slot = _owner.Slot(path + ".residual", target + "Residual");
            if (loopDepth > 0)
            {
                var local = _owner.Names.Fresh(target + "Residual");
                _writer.Line($"var {local} = {_owner.Tape(path + ".residual", slot, split.ResidualType)}.Pop();");
                slot = local;
            }

            _residual = (call, slot);
        }

        TakeBack(assign, path, loopDepth, assign.Value);

        var kind = _method.Variable(target).Kind;
        var bar = C.Name(_owner.Bar(target), kind);
        if (_plan.IsIterationLocal(target) && !_declared.Contains(target))
        {
            // Nothing after it in this iteration used the value: its adjoint is zero.
            Restore(assign, path, loopDepth);
            _residual = null;
            return;
        }

        var reads = new HashSet<string>();
        ExpressionWalker.Reads(assign.Value, reads);
        if (reads.Contains(target))
        {
            // v = f(v, …): the operands are the old values, so restore v first.
            Restore(assign, path, loopDepth);
            Guarded(kind, bar.Text, () => Propagate(assign.Value, bar, target, reset: true), target);
        }
        else
        {
            // A declaration outside loops is the variable's first value: nothing before it reads its adjoint.
            Guarded(kind, bar.Text, () => Propagate(assign.Value, bar, target, reset: !(assign.IsDeclaration && loopDepth == 0)), target);
            Restore(assign, path, loopDepth);
        }

        _residual = null;
    }

    private (Expr Call, string Residual)? _residual;

    private void Restore(AssignStmt assign, string path, int loopDepth)
    {
        if (Fused || !_plan.IsSaved(assign, loopDepth))
        {
            return;
        }

        if (_pending.Any(p => p.Reads.Contains(assign.Target)))
        {
            Flush();
        }

        var source = loopDepth > 0
            ? _owner.Tape(assign.Target, assign.Target, _method.TypeOf(assign.Target)) + ".Pop()"
            : _owner.Slot(path, assign.Target + "Saved");
        _writer.Line($"{assign.Target} = {source};");
    }

    private void If(IfStmt branch, string path, int loopDepth)
    {
        Forget();
        var record = loopDepth > 0
            ? _owner.Tape(path, _owner.Slot(path, "branch"), "bool") + ".Pop()"
            : _owner.Slot(path, "branch");
        var then = new SourceWriter();
        _ifDepth++;
        Block(branch.Then, path + ".then", loopDepth, then);
        var otherwise = new SourceWriter();
        Block(branch.Else, path + ".else", loopDepth, otherwise);
        _ifDepth--;

        _writer.Line(branch.Source.Comment);
        if (then.Length == 0)
        {
            _writer.Open($"if (!{record})");
            _writer.Append(otherwise);
            _writer.Close();
            return;
        }

        _writer.Open($"if ({record})");
        _writer.Append(then);
        _writer.Close();
        if (otherwise.Length > 0)
        {
            _writer.Open("else");
            _writer.Append(otherwise);
            _writer.Close();
        }
    }

    private void For(ForStmt loop, string path, int loopDepth)
    {
        Forget();
        var count = _owner.Slot(path, loop.CounterName + "Count");
        _writer.Line(loop.Source.Comment);
        if (loopDepth > 0)
        {
            _writer.Line($"int {count} = {_owner.Tape(path, count, "int")}.Pop();");
        }

        var counted = _plan.Counted(loop);
        if (counted is not null && _plan.Reads(counted.Counter))
        {
            // The counter went from Init by one per iteration: it ends at Init ± count, and steps back from there.
            var init = counted.Init.IsSimple ? counted.Init.Text : "(" + counted.Init.Text + ")";
            _writer.Line(init == "0"
                ? $"{counted.Counter} = {(counted.Step > 0 ? string.Empty : "-")}{count};"
                : $"{counted.Counter} = {init} {(counted.Step > 0 ? "+" : "-")} {count};");
        }

        _writer.Open($"for (; {count} > 0; {count}--)");
        var body = new SourceWriter();
        if (counted is not null && _plan.Reads(counted.Counter))
        {
            _writer.Line($"{counted.Counter}{(counted.Step > 0 ? "--" : "++")};");
        }

        for (var i = loop.Increment.Count - 1; i >= 0; i--)
        {
            if (loop.Increment[i] is AssignStmt increment && _plan.IsSaved(increment, loopDepth + 1))
            {
                Restore(increment, path + ".increment." + i, loopDepth + 1);
            }
        }

        // Values cheaper to compute again than to keep: this iteration's, before its statements are undone.
        foreach (var statement in loop.Body)
        {
            if (statement is AssignStmt assign && _plan.IsRecomputed(assign))
            {
                _writer.Line($"{assign.Target} = {ExpressionWalker.Primal(assign.Value).Text};");
            }
        }

        // A tensor local of the body has no adjoint yet when its iteration is undone: set back to null by the last.
        foreach (var local in _plan.IterationTensors(loop))
        {
            _known.Remove(local);
        }

        Block(loop.Body, path + ".body", loopDepth + 1, body);
        _writer.Append(body);
        _writer.Close();
        for (var i = loop.Init.Count - 1; i >= 0; i--)
        {
            if (loop.Init[i] is AssignStmt init && _plan.IsSaved(init, loopDepth))
            {
                Restore(init, path + ".init." + i, loopDepth);
            }
        }
    }

    public Code Materialize(Code value, string hint)
    {
        var name = _owner.Names.Fresh(hint);
        _writer.Line($"{value.TypeName} {name} = {value.Text};");
        return C.Name(name, value.Kind);
    }

    public string Fresh(string hint) => _owner.Names.Fresh(hint);

    public (string Declaration, string Value, string Tangent)? TakeTarget() => null;

    public void Line(string text) => _writer.Line(text);
}
