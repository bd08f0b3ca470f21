using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Diff.Generator.Analysis;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>
/// Writes the body of <c>{F}Adjoint</c>: a forward sweep (the method's statements, saving overwritten values the
/// reverse sweep needs, recording branch decisions and trip counts) and one reverse sweep that undoes the
/// statements in reverse order, accumulating the adjoint of every active variable.
/// </summary>
internal sealed class ReverseMode
{
    private readonly MethodInfo _method;
    private readonly NameScope _names;
    private readonly ReversePlan _plan;
    private readonly SourceWriter _hoisted = new();
    private readonly List<string> _tapes = new();
    private readonly Dictionary<string, string> _tapeOf = new();
    private readonly Dictionary<string, string> _slots = new();
    private readonly Dictionary<string, string> _bars = new();

    private ReverseMode(MethodInfo method, NameScope names, ReversePlan plan)
    {
        _method = method;
        _names = names;
        _plan = plan;
    }

    /// <summary>Writes the adjoint body; <paramref name="seed"/> is the name of the cotangent parameter.</summary>
    public static void Emit(MethodInfo method, NameScope names, string seed, SourceWriter writer)
    {
        new ReverseMode(method, names, PlanOf(method, seed)).EmitBody(seed, writer);
    }

    /// <summary>What the reverse sweep of <paramref name="method"/> reads, and so what its forward sweep keeps.</summary>
    private static ReversePlan PlanOf(MethodInfo method, string seed)
    {
        var recorded = new Dictionary<Stmt, List<Expr>>();
        var needed = NeededValues(method, seed, recorded);
        return new ReversePlan(method.Model, method.Activity, needed, recorded);
    }

    /// <summary>The trailing loop whose reverse steps run fused with it (see <see cref="FusedLoop"/>), or null and why not.</summary>
    private static ForStmt? FusedLoopOf(MethodInfo method, ReversePlan plan, out string refusal)
    {
        // A fused loop's reverse steps run before the value is known: only for a scalar value, whose seed needs no check.
        if (method.Model.ReturnKind.IsReference())
        {
            refusal = "the method returns a tensor or an array, whose seed must be checked before any reverse step runs";
            return null;
        }

        return FusedLoop.Find(method, plan, out refusal);
    }

    /// <summary>
    /// Why the adjoint of <paramref name="model"/> does not fuse its trailing loop with the reverse sweep (see
    /// <see cref="FusedLoop"/>), or null where it does: the same plan and checks as <see cref="Emit"/>, for tests.
    /// </summary>
    internal static string? FusionRefusal(MethodModel model)
    {
        var method = new MethodInfo(model);
        return FusedLoopOf(method, PlanOf(method, "seed"), out var refusal) is null ? refusal : null;
    }

    /// <summary>
    /// The variables the reverse sweep reads: found by writing the reverse sweep once without saves and collecting
    /// the method's variable names that appear in it. That sweep also finds, per statement inside a loop, the costly
    /// values the reverse sweep computes (<paramref name="recorded"/>), which the forward sweep then keeps.
    /// </summary>
    private static ISet<string> NeededValues(MethodInfo method, string seed, Dictionary<Stmt, List<Expr>> recorded)
    {
        var scratch = new ReverseMode(method, method.NewScope(), new ReversePlan(method.Model, method.Activity, new HashSet<string>()));
        var reverse = new SourceWriter();
        var sweep = new ReverseSweep(method, scratch._plan, scratch, seed, "value") { Recording = recorded };
        sweep.Block(method.Model.Body, "body", 0, reverse);
        var variables = new HashSet<string>(method.VariableNames);
        var needed = new HashSet<string>();
        var code = Regex.Replace(reverse.ToString(), "//[^\n]*", string.Empty);
        // Variables are named as C# writes them (@class): the token keeps its @.
        foreach (Match match in Regex.Matches(code, @"(?<![\w.@])(@?[A-Za-z_]\w*)"))
        {
            var name = match.Groups[1].Value;
            if (variables.Contains(name))
            {
                needed.Add(name);
            }
        }

        return needed;
    }

    internal MethodInfo Method => _method;

    internal NameScope Names => _names;

    internal ReversePlan Plan => _plan;

    /// <summary>A declaration at the top of the member, for a value that outlives the scope it is set in.</summary>
    internal void Hoist(string type, string name, string initial) => _hoisted.Line($"{type} {name} = {initial};");

    /// <summary>The stack that keeps <paramref name="key"/>'s values across loop iterations.</summary>
    internal string Tape(string key, string hint, string type)
    {
        if (!_tapeOf.TryGetValue(key, out var name))
        {
            name = _names.Fresh(hint + "Tape");
            _tapeOf[key] = name;
            _tapes.Add(name);
            _hoisted.Line($"var {name} = new {TypeNames.ValueStack}<{type}>();");
        }

        return name;
    }

    /// <summary>The local that holds what the forward sweep recorded at <paramref name="path"/> (a saved value, a branch, a count).</summary>
    internal string Slot(string path, string hint)
    {
        if (!_slots.TryGetValue(path, out var name))
        {
            name = _names.Fresh(hint);
            _slots[path] = name;
        }

        return name;
    }

    internal string Bar(string variable)
    {
        if (!_bars.TryGetValue(variable, out var name))
        {
            name = _names.Fresh(variable + "Bar");
            _bars[variable] = name;
        }

        return name;
    }

    /// <summary>
    /// The loop <see cref="FusedLoop"/> found: its statements as written, then, in the same iteration, their reverse
    /// steps (last to first), which read the values the iteration has just computed.
    /// </summary>
    private void FusedLoopCode(ForStmt loop, IReadOnlyList<ElementWindow> windows, ReverseSweep sweep, SourceWriter writer)
    {
        var sums = string.Join(", ", loop.Body.OfType<AssignStmt>().Where(a => !a.IsDeclaration && _method.Activity.IsActive(a.Target)).Select(a => a.Target).Distinct());
        writer.Line(loop.Source.Comment);
        writer.Line($"// The loop only adds to {sums}, whose adjoint{(sums.Contains(",") ? "s are" : " is")} the same in every iteration: each iteration's");
        writer.Line("// reverse step follows it, reading the values it has just computed.");
        var carried = windows.Count > 0 ? WindowsBefore(loop, windows, writer) : null;
        writer.Open(LoopHeader.Write(loop, _method, hoisted: null, writer, initialized: carried is not null));
        foreach (var assign in loop.Body.OfType<AssignStmt>())
        {
            var type = assign.IsDeclaration ? _method.TypeOf(assign.Target) + " " : string.Empty;
            writer.Line(assign.PrintText is { } text && !assign.IsDeclaration
                ? text + ";"
                : $"{type}{assign.Target} = {ExpressionWalker.Primal(assign.Value).Text};");
        }

        sweep.Fused = true;
        sweep.Windows = carried;
        var body = new SourceWriter();
        sweep.Block(loop.Body, "fused", 1, body);
        sweep.Fused = false;
        sweep.Windows = null;
        writer.Append(body);
        writer.Close();

        if (carried is not null)
        {
            WindowsAfter(carried, writer);
        }
    }

    /// <summary>
    /// Before a fused loop with <see cref="ElementWindow"/>s: the counter, declared outside the loop so that it
    /// outlives it; the elements before the first the loop writes, cleared; the carries, zero.
    /// </summary>
    private Dictionary<string, (ElementWindow Window, IReadOnlyList<string> Carries)> WindowsBefore(ForStmt loop, IReadOnlyList<ElementWindow> windows, SourceWriter writer)
    {
        var carried = new Dictionary<string, (ElementWindow Window, IReadOnlyList<string> Carries)>();
        var start = ElementWindow.Start(loop);
        var bars = string.Join(" and ", windows.Select(w => Bar(w.Array)));
        writer.Line($"// {bars} {(windows.Count > 1 ? "were" : "was")} allocated without zeroing: each iteration writes the element it is the last to");
        writer.Line("// reach, adding the shares the iterations before it carried; the counter outlives the loop to finish the rest.");
        writer.Line($"int {windows[0].Counter} = {start};");
        foreach (var window in windows)
        {
            var bar = Bar(window.Array);
            var kind = _method.Variable(window.Array).Kind.Element();
            if (start + window.Min > 0)
            {
                // A loop, not Array.Clear: a call here would make the JIT keep the loop's sums in memory.
                var k = _names.Fresh("k");
                writer.Line($"for (int {k} = 0; {k} < {start + window.Min} && {k} < {bar}.Length; {k}++) {bar}[{k}] = {TypeNames.Zero(kind)};");
            }

            var carries = new List<string>();
            for (var k = 0; k < window.Width; k++)
            {
                var name = _names.Fresh(bar + "Carry" + (k == 0 ? string.Empty : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                carries.Add(name);
                writer.Line($"{TypeNames.Of(kind)} {name} = {TypeNames.Zero(kind)};");
            }

            carried[window.Array] = (window, carries);
        }

        return carried;
    }

    /// <summary>
    /// After a fused loop with <see cref="ElementWindow"/>s the counter is one past the last iteration: the carries
    /// hold the shares of the elements from counter + Min on, and the loop reached none after them. (Loops clear
    /// them, not Array.Clear: the sums live across this code, and a call would make the JIT keep them in memory
    /// through the loop.)
    /// </summary>
    private void WindowsAfter(Dictionary<string, (ElementWindow Window, IReadOnlyList<string> Carries)> carried, SourceWriter writer)
    {
        var ordered = carried.OrderBy(e => e.Key, System.StringComparer.Ordinal).ToList();
        writer.Line($"// {string.Join(" and ", ordered.Select(e => Bar(e.Key)))}: the elements the loop did not write.");
        foreach (var entry in ordered)
        {
            var (window, carries) = entry.Value;
            var bar = Bar(window.Array);
            for (var k = 0; k < carries.Count; k++)
            {
                var index = ElementWindow.Index(window.Counter, window.Min + k);
                writer.Line($"if ({index} < {bar}.Length) {bar}[{index}] = {carries[k]};");
            }

            var j = _names.Fresh("k");
            writer.Line($"for (int {j} = {ElementWindow.Index(window.Counter, window.Max)}; {j} < {bar}.Length; {j}++) {bar}[{j}] = {TypeNames.Zero(_method.Variable(window.Array).Kind.Element())};");
        }
    }

    private static bool ContainsLoopReturn(Stmt statement) => statement switch
    {
        ForStmt f => Analysis.ReturnNormalizer.ContainsReturn(f),
        IfStmt i => i.Then.Any(ContainsLoopReturn) || i.Else.Any(ContainsLoopReturn),
        _ => false,
    };

    private void EmitBody(string seed, SourceWriter writer)
    {
        var model = _method.Model;
        var value = _names.Fresh("value");
        var forward = new SourceWriter();
        var reverse = new SourceWriter();
        var sweep = new ReverseSweep(_method, _plan, this, seed, value);
        var fused = FusedLoopOf(_method, _plan, out _);
        var loopIndex = fused is null ? -1 : FusedLoop.IndexOf(model, fused);
        var windows = fused is null ? new List<ElementWindow>() : ElementWindow.Find(_method, fused, model.Body.Skip(loopIndex + 1));
        var unzeroed = new HashSet<string>(windows.Select(w => w.Array));
        if (fused is not null)
        {
            // The statements after the loop are undone before it, and computed after it: nothing of theirs is recorded.
            for (var i = loopIndex + 1; i < model.Body.Count; i++)
            {
                _plan.Unrecord(model.Body[i]);
            }
        }

        if (fused is null)
        {
            new ForwardSweep(this, value).Block(model.Body, "body", 0, 0, forward);
            sweep.Block(model.Body, "body", 0, reverse);
        }
        else
        {
            // The statements before the loop as usual; then the reverse steps of those after it (the return's and
            // the assignments'), which give the sums' adjoints; the loop with each iteration's reverse step after it;
            // the statements after the loop, which compute the value; and the statements before the loop undone.
            var end = model.Body.Count;
            var forwardSweep = new ForwardSweep(this, value);
            forwardSweep.Block(model.Body, "body", 0, 0, forward, 0, loopIndex);
            sweep.Block(model.Body, "body", 0, reverse, loopIndex + 1, end);
            FusedLoopCode(fused, windows, sweep, reverse);
            forwardSweep.Block(model.Body, "body", 0, 0, reverse, loopIndex + 1, end);
            sweep.Block(model.Body, "body", 0, reverse, 0, loopIndex);
        }

        var bars = new SourceWriter();
        foreach (var variable in model.Variables)
        {
            if (_method.Activity.IsActive(variable.Name) && !_plan.IsIterationLocal(variable.Name))
            {
                bars.Line(variable.Kind switch
                {
                    // Arrays are parameters: their adjoints are arrays of the same length, updated element by element.
                    // Those the fused loop writes element by element (ElementWindow) need no zeroing.
                    ValueKind.RealArray or ValueKind.ComplexArray when unzeroed.Contains(variable.Name) =>
                        $"{variable.TypeName} {Bar(variable.Name)} = global::System.GC.AllocateUninitializedArray<{TypeNames.Of(variable.Kind.Element())}>({variable.Name}.Length);",
                    ValueKind.RealArray or ValueKind.ComplexArray => $"{variable.TypeName} {Bar(variable.Name)} = {TypeNames.ZeroLike(variable.Kind, variable.Name)};",
                    // A tensor's adjoint is null until something contributes to it.
                    ValueKind.Tensor or ValueKind.ComplexTensor => $"{variable.TypeName}? {Bar(variable.Name)} = null;",
                    _ => $"{variable.TypeName} {Bar(variable.Name)} = {TypeNames.Zero(variable.Kind)};",
                });
            }
        }

        var singleReturn = model.Body.Count > 0 && model.Body[model.Body.Count - 1] is ReturnStmt;
        if (!singleReturn)
        {
            // A return inside a loop leaves the compiler unable to see that every path sets the value.
            var inLoop = model.Body.Any(ContainsLoopReturn);
            _hoisted.Line(inLoop ? $"{_method.ReturnType} {value} = {TypeNames.Initial(model.ReturnKind)};" : $"{_method.ReturnType} {value};");
        }

        if (_hoisted.Length > 0)
        {
            writer.Append(_hoisted);
            writer.Line();
        }

        if (fused is not null)
        {
            // The adjoints (the arrays among them allocated) before any value is computed: a value live across the
            // allocation would be kept in memory by the JIT through the loop.
            writer.Line("// adjoints");
            writer.Append(bars);
            writer.Line();
        }

        if (forward.Length > 0 || fused is null)
        {
            writer.Line("// forward sweep");
            writer.Append(forward);
            writer.Line();
        }

        if (fused is null)
        {
            if (ArgumentChecks.SeedMatches(_method, value, writer))
            {
                writer.Line();
            }
        }

        writer.Line("// reverse sweep");
        if (fused is null)
        {
            writer.Append(bars);
        }

        writer.Append(reverse);
        foreach (var tape in _tapes)
        {
            writer.Line($"{tape}.Release();");
        }

        var results = _method.Differentiable.Select(p => !_method.Activity.IsActive(p.Name)
            ? TypeNames.ZeroLike(p.Kind, p.Name)
            : !p.Kind.IsTensor() ? Bar(p.Name)
            : sweep.IsSet(p.Name) switch
            {
                true => Bar(p.Name),
                false => TypeNames.ZeroLike(p.Kind, p.Name),
                _ => $"{Bar(p.Name)} ?? {TypeNames.ZeroLike(p.Kind, p.Name)}",
            });
        writer.Line($"return ({string.Join(", ", new[] { value }.Concat(results))});");
    }
}
