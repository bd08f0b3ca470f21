using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
using Diff.Generator.Differentiation.Rules;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

// How the reverse sweep hands each operation's shares to the adjoints: the rules' contributions, grouped per
// variable or array element, added in place (scalars, summed per iteration for array elements) or replacing
// the immutable tensor adjoint, which is null until something reaches it (tracked so straight-line code needs no
// null tests).
internal sealed partial class ReverseSweep
{
    /// <summary>
    /// Inside a loop, the shares an iteration gives one array element (x̄[i]) are summed in a local and added to the
    /// array once, at the end of the block or before a variable the index reads changes: one read-modify-write of
    /// the array per element and iteration, and no store between the iteration's reads of the inputs, which the JIT
    /// can then keep in registers.
    /// </summary>
    private List<PendingElement> _pending = new();

    private sealed record PendingElement(string Array, string Index, string Local, HashSet<string> Reads, int? WindowOffset);

    /// <summary>Adds the element adjoints summed so far to their arrays (those of a window wait for the end of the iteration).</summary>
    private void Flush()
    {
        foreach (var pending in _pending.Where(p => Windows is null || !Windows.ContainsKey(p.Array)))
        {
            _writer.Line($"{_owner.Bar(pending.Array)}[{pending.Index}] += {pending.Local};");
        }

        _pending.RemoveAll(p => Windows is null || !Windows.ContainsKey(p.Array));
    }

    /// <summary>
    /// The arrays of the fused loop being written whose adjoints are written once per element
    /// (<see cref="ElementWindow"/>), each with its carries: <c>Carries[k]</c> holds the shares earlier iterations gave
    /// <c>x̄[i + Min + k]</c>.
    /// </summary>
    public IReadOnlyDictionary<string, (ElementWindow Window, IReadOnlyList<string> Carries)>? Windows { get; set; }

    /// <summary>
    /// The end of a fused iteration: <c>x̄[i + Min]</c> is complete and written; the carries move one element on,
    /// taking this iteration's shares of the elements after it.
    /// </summary>
    private void FlushWindows()
    {
        if (Windows is null)
        {
            return;
        }

        foreach (var entry in Windows.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var (array, window, carries) = (entry.Key, entry.Value.Window, entry.Value.Carries);
            var kind = _method.Variable(array).Kind.Element();
            var shares = new Dictionary<int, string>();
            foreach (var pending in _pending.Where(p => p.Array == array))
            {
                shares[pending.WindowOffset!.Value] = pending.Local;
            }

            string Total(int offset, string? carried)
            {
                var own = shares.TryGetValue(offset, out var local) ? local : null;
                return carried is null ? own ?? TypeNames.Zero(kind) : own is null ? carried : carried + " + " + own;
            }

            _writer.Line($"{_owner.Bar(array)}[{ElementWindow.Index(window.Counter, window.Min)}] = {Total(window.Min, carries.Count > 0 ? carries[0] : null)};");
            for (var k = 0; k < carries.Count; k++)
            {
                _writer.Line($"{carries[k]} = {Total(window.Min + k + 1, k + 1 < carries.Count ? carries[k + 1] : null)};");
            }
        }

        _pending.RemoveAll(p => Windows.ContainsKey(p.Array));
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
    /// Inside <see cref="Guarded"/>: the adjoints first set in the guard, which the scope around it declares
    /// (type, name, zero); null outside any guard, where a first share declares its adjoint where it stands.
    /// </summary>
    private List<(string Type, string Name, string Zero)>? _guardDeclarations;

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
        var outerDeclarations = _guardDeclarations;
        var declarations = new List<(string Type, string Name, string Zero)>();
        _writer = new SourceWriter();
        _pending = new List<PendingElement>();
        _guardDeclarations = declarations;
        steps();
        Flush();
        var inner = _writer;
        _writer = outer;
        _pending = outerPending;
        _guardDeclarations = outerDeclarations;

        // An adjoint first given a value inside the guard is read after it too: it is declared in the enclosing scope
        // (by the outermost guard), zero where the guard does not run.
        if (outerDeclarations is not null)
        {
            outerDeclarations.AddRange(declarations);
        }
        else
        {
            foreach (var (type, name, zero) in declarations)
            {
                _writer.Line($"{type} {name} = {zero};");
            }
        }

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
            Accumulate(group.Key.Variable, group.Key.Index, sum, group.First().IndexReads, group.First().WindowOffset);
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
    private void Accumulate(string variable, string? index, Code term, HashSet<string>? indexReads = null, int? windowOffset = null)
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
                _pending.Add(new PendingElement(variable, index, local, indexReads ?? new HashSet<string>(), windowOffset));
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
            if (_guardDeclarations is not null)
            {
                _guardDeclarations.Add((TypeNames.Of(kind), bar, TypeNames.Zero(kind)));
                _writer.Line($"{bar} = {term.Text};");
            }
            else
            {
                _writer.Line($"{TypeNames.Of(kind)} {bar} = {term.Text};");
            }
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
    private sealed record Contribution(string Variable, string? Index, Code Term, HashSet<string>? IndexReads = null, int? WindowOffset = null);

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

                // In a fused loop's window (ElementWindow) the index is the counter plus a constant: that constant, from the IR.
                var windowOffset = Windows is not null && Windows.TryGetValue(array.Name, out var window) && element.Args.Count == 2
                    ? ElementWindow.Offset(element.Args[1], window.Window.Counter)
                    : null;
                contributions.Add(new Contribution(array.Name, index, bar, reads, windowOffset));
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
}
