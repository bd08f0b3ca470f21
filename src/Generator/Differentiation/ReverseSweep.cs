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
internal sealed class ReverseSweep : IEmitScope
{
    private readonly MethodInfo _method;
    private readonly ReversePlan _plan;
    private readonly ReverseMode _owner;
    private readonly string _seed;
    private SourceWriter _writer = new();
    private Dictionary<Expr, Code> _values = new();

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
        _writer = writer;
        _pending = new List<PendingElement>();
        _loopDepth = loopDepth;
        _declared = new HashSet<string>();
        for (var i = (to < 0 ? block.Count : to) - 1; i >= from; i--)
        {
            Statement(block[i], path + "." + i, loopDepth);
        }

        Flush();
        _writer = saved;
        _pending = savedPending;
        _loopDepth = savedDepth;
        _declared = savedDeclared;
    }

    /// <summary>The adjoints of iteration locals (<see cref="ReversePlan.IsIterationLocal"/>) declared so far in this block.</summary>
    private HashSet<string> _declared = new();

    /// <summary>
    /// Inside a loop, the shares an iteration gives one array element (x̄[i]) are summed in a local and added to the
    /// array once, at the end of the block or before a variable the index reads changes: one read-modify-write of
    /// the array per element and iteration, and no store between the iteration's reads of the inputs, which the JIT
    /// can then keep in registers.
    /// </summary>
    private List<PendingElement> _pending = new();

    private int _loopDepth;

    private sealed record PendingElement(string Array, string Index, string Local, HashSet<string> Reads);

    /// <summary>Adds the element adjoints summed so far to their arrays.</summary>
    private void Flush()
    {
        foreach (var pending in _pending)
        {
            _writer.Line($"{_owner.Bar(pending.Array)}[{pending.Index}] += {pending.Local};");
        }

        _pending.Clear();
    }

    /// <summary>The local that sums an iteration's shares of <c>x̄[index]</c>: <c>xBarI</c>, <c>xBarIPlus1</c>.</summary>
    private string ElementLocal(string array, string index)
    {
        var name = new System.Text.StringBuilder(_owner.Bar(array));
        var upper = true;
        foreach (var character in index.Replace(" + ", "Plus").Replace(" - ", "Minus").Replace(" * ", "Times"))
        {
            if (char.IsLetterOrDigit(character))
            {
                name.Append(upper ? char.ToUpperInvariant(character) : character);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return _owner.Names.Fresh(name.ToString());
    }

    private string? _lastComment;

    /// <summary>
    /// What is known of each tensor adjoint at this point of the sweep: absent is null (nothing reached it yet),
    /// <c>true</c> set, <c>false</c> unknown (after a branch or inside a loop). Straight-line code then needs no null tests.
    /// </summary>
    private readonly Dictionary<string, bool> _known = new();

    /// <summary>Whether the tensor adjoint of <paramref name="variable"/> is null, set, or either (null result) here.</summary>
    public bool? IsSet(string variable) => _known.TryGetValue(variable, out var set) ? (set ? true : null) : false;

    private void Forget()
    {
        foreach (var variable in _method.Model.Variables)
        {
            if (variable.Kind.IsTensor())
            {
                _known[variable.Name] = false;
            }
        }
    }

    /// <summary>
    /// Set on the first sweep, which finds what the forward sweep must keep: the costly values each statement inside a
    /// loop uses (<see cref="ReversePlan.Recorded"/>) are noted here.
    /// </summary>
    public Dictionary<Stmt, List<Expr>>? Recording { get; set; }

    /// <summary>The statement being undone whose values the forward sweep records (<see cref="ReversePlan.Recorded"/>).</summary>
    private Stmt? _current;

    /// <summary>Whether <see cref="_current"/> is a statement of the method's own block, whose values are all recorded.</summary>
    private bool _currentTopLevel;

    /// <summary>The depth of branches around the statement being undone.</summary>
    private int _ifDepth;

    /// <summary>The current statement's recorded values, taken back from their stacks.</summary>
    private readonly Dictionary<Expr, Code> _takenBack = new();

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

    /// <summary>
    /// Writes <paramref name="steps"/>; for a tensor, whose adjoint is <c>null</c> until something contributes to it,
    /// inside <c>if (vBar is not null)</c>: with no adjoint there is nothing to propagate.
    /// </summary>
    private void Guarded(ValueKind kind, string bar, Action steps, string? variable = null)
    {
        if (!kind.IsReference() || (variable is not null && IsSet(variable) == true))
        {
            steps();
            return;
        }

        if (variable is not null && IsSet(variable) == false)
        {
            // Nothing reached this adjoint: there is nothing to propagate.
            return;
        }

        var before = new Dictionary<string, bool>(_known);
        var outer = _writer;
        var outerPending = _pending;
        _writer = new SourceWriter();
        _pending = new List<PendingElement>();
        steps();
        Flush();
        var inner = _writer;
        _writer = outer;
        _pending = outerPending;

        // The steps may not run: what they changed is unknown after them.
        foreach (var name in before.Keys.Concat(_known.Keys).Distinct().ToList())
        {
            bool? was = before.TryGetValue(name, out var b) ? b : null;
            bool? now = _known.TryGetValue(name, out var a) ? a : null;
            if (was != now)
            {
                _known[name] = false;
            }
        }

        if (inner.Length == 0)
        {
            return;
        }

        _writer.Open($"if ({bar} is not null)");
        _writer.Append(inner);
        _writer.Close();
    }

    private (Expr Call, string Residual)? _residual;

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
            var type = TypeNames.Of(recorded[i].Kind);
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

    /// <summary>
    /// Adds the contributions of <paramref name="bar"/> (the adjoint of <paramref name="expr"/>'s value) to the
    /// adjoints of the active variables it reads. For an assignment, <paramref name="target"/>'s adjoint is set
    /// last: to its own contributions when it reads itself, to zero otherwise.
    /// </summary>
    private void Propagate(Expr expr, Code bar, string? target, bool reset)
    {
        _values = new Dictionary<Expr, Code>();
        var contributions = new List<Contribution>();
        Func<Code>? result = null;
        if (target is not null)
        {
            var reads = new HashSet<string>();
            ExpressionWalker.Reads(expr, reads);
            if (!reads.Contains(target))
            {
                // After v = e, v holds e's value until the reverse sweep restores it.
                result = () => C.Name(target, expr.Kind);
            }
        }

        Visit(expr, bar, result, contributions);

        foreach (var group in contributions.GroupBy(c => (c.Variable, c.Index)).Where(g => g.Key.Index is not null || g.Key.Variable != target))
        {
            var sum = C.Sum(group.Select(g => g.Term).ToList());
            Accumulate(group.Key.Variable, group.Key.Index, sum, group.First().IndexReads);
        }

        if (target is not null && reset)
        {
            var own = contributions.Where(c => c.Variable == target && c.Index is null).Select(c => c.Term).ToList();
            var kind = _method.Variable(target).Kind;
            var total = own.Count == 0 ? C.Zero(kind) : C.Sum(own);
            if (total.Text != _owner.Bar(target) && !_plan.IsIterationLocal(target))
            {
                _writer.Line($"{_owner.Bar(target)} = {total.Text};");
            }

            if (kind.IsTensor())
            {
                if (own.Count == 0)
                {
                    _known.Remove(target);
                }
                else
                {
                    _known[target] = true;
                }
            }
        }
    }

    /// <summary>
    /// <c>v̄ += term</c>: in place for scalars and array elements; a tensor's adjoint starts as <c>null</c> (nothing
    /// reached it yet) and is replaced by the sum, since tensors are immutable.
    /// </summary>
    private void Accumulate(string variable, string? index, Code term, HashSet<string>? indexReads = null)
    {
        var bar = _owner.Bar(variable);
        var kind = _method.Variable(variable).Kind;
        if (index is not null && _loopDepth > 0)
        {
            var text = term.Text;
            var pending = _pending.FirstOrDefault(p => p.Array == variable && p.Index == index);
            if (pending is null)
            {
                var local = ElementLocal(variable, index);
                _writer.Line($"{TypeNames.Of(kind.Element())} {local} = {text};");
                _pending.Add(new PendingElement(variable, index, local, indexReads ?? new HashSet<string>()));
            }
            else
            {
                _writer.Line(AddTo(pending.Local, term));
            }
        }
        else if (index is not null)
        {
            _writer.Line($"{bar}[{index}] += {term.Text};");
        }
        else if (kind.IsArray())
        {
            // An array adjoint from a registration (Tensor.FromArray's): added element by element.
            if (!term.IsCheap)
            {
                term = Materialize(term, variable + "Share");
            }

            var k = _owner.Names.Fresh("k");
            _writer.Open($"for (int {k} = 0; {k} < {bar}.Length; {k}++)");
            _writer.Line($"{bar}[{k}] += {term.Text}[{k}];");
            _writer.Close();
        }
        else if (kind.IsTensor())
        {
            if (!term.IsCheap)
            {
                term = Materialize(term, variable + "Share");
            }

            switch (IsSet(variable))
            {
                case true:
                    _writer.Line($"{bar} += {term.Text};");
                    break;
                case false:
                    _writer.Line($"{bar} = {term.Text};");
                    _known[variable] = true;
                    break;
                default:
                    _writer.Line($"{bar} = {bar} is null ? {term.Text} : {bar} + {term.Text};");
                    break;
            }
        }
        else if (_plan.IsIterationLocal(variable) && _declared.Add(variable))
        {
            _writer.Line($"{TypeNames.Of(kind)} {bar} = {term.Text};");
        }
        else
        {
            _writer.Line(AddTo(bar, term));
        }
    }

    /// <summary><c>target += term</c>, or <c>target -= x</c> when the term is −x.</summary>
    private static string AddTo(string target, Code term) =>
        C.Negated(term) is { } negated ? $"{target} -= {negated.Text};" : $"{target} += {term.Text};";

    /// <summary>A share of an adjoint: to a whole variable, or (with <see cref="Index"/>) to one element of an array.</summary>
    private sealed record Contribution(string Variable, string? Index, Code Term, HashSet<string>? IndexReads = null);

    private void Visit(Expr expr, Code bar, Func<Code>? result, List<Contribution> contributions)
    {
        if (expr is VarExpr v)
        {
            if (_method.Activity.IsActive(v.Name))
            {
                contributions.Add(new Contribution(v.Name, null, bar));
            }

            return;
        }

        if (expr is PassiveExpr || !_method.Activity.IsActive(expr))
        {
            return;
        }

        if (expr is OpExpr { Op: OpCode.Element } element)
        {
            // x[i]: x̄[i] += ȳ (arrays are parameters, read by index).
            if (element.Args[0] is VarExpr array && _method.Activity.IsActive(array.Name))
            {
                var index = Rules.ElementRule.Index(element.Args.Select(a => ExpressionWalker.Primal(a)).ToList());
                var reads = new HashSet<string>();
                foreach (var argument in element.Args.Skip(1))
                {
                    ExpressionWalker.Reads(argument, reads);
                }

                contributions.Add(new Contribution(array.Name, index, bar, reads));
            }

            return;
        }

        var children = ExpressionWalker.Children(expr);
        var operands = new Operand[children.Count];
        for (var i = 0; i < operands.Length; i++)
        {
            operands[i] = new Operand(Value(children[i]), null, children[i].Kind, _method.Activity.IsActive(children[i]));
        }

        var rule = ExpressionWalker.Rule(expr);
        Code? computed = null;
        var hint = Hints.For(expr);
        Code Result() => computed ??= result?.Invoke() ?? Value(expr);
        var shares = _residual is { } kept && ReferenceEquals(kept.Call, expr) && rule is CallRule call
            ? call.ReverseFromResidual(this, operands, kept.Residual, bar)
            : rule.Reverse(this, operands, Result, bar, expr.Kind, hint);
        for (var i = 0; i < shares.Length; i++)
        {
            if (shares[i] is { } share)
            {
                Visit(children[i], share, null, contributions);
            }
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
        _writer.Line($"{TypeNames.Of(value.Kind)} {name} = {value.Text};");
        return C.Name(name, value.Kind);
    }

    public string Fresh(string hint) => _owner.Names.Fresh(hint);

    public (string Declaration, string Value, string Tangent)? TakeTarget() => null;

    public void Line(string text) => _writer.Line(text);
}
