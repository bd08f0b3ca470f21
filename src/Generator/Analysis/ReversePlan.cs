using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// What the reverse sweep needs from the forward sweep (Tapenade's "to be recorded" analysis, simplified to be
/// flow-insensitive): <see cref="Needed"/> holds the variables whose values the reverse sweep reads. An assignment
/// that overwrites a needed value saves it first — in a local outside loops, on a stack inside loops — and the
/// reverse sweep restores it when it undoes that assignment, so every statement's reverse sees the values that
/// statement saw.
/// </summary>
internal sealed class ReversePlan
{
    private readonly Activity _activity;

    public ReversePlan(MethodModel model, Activity activity, ISet<string> needed, IReadOnlyDictionary<Stmt, List<Expr>>? recorded = null)
    {
        _activity = activity;
        if (recorded is not null)
        {
            foreach (var entry in recorded)
            {
                // Inner values first: a recorded value may be part of another.
                _recorded[entry.Key] = entry.Value.OrderBy(Differentiation.ExpressionWalker.Size).ToList();
            }
        }

        var assigned = new Dictionary<string, int>();
        CountAssignments(model.Body, assigned);
        FindCounted(model.Body, assigned);
        FindRecomputed(model.Body, assigned);
        FindIterationLocals(model.Body, assigned, model);

        // A recomputed value reads other values at the start of each reverse iteration, and a counter stepped back
        // from its first value reads what that value reads: those are needed too.
        var closure = new HashSet<string>(needed);
        bool grown;
        do
        {
            grown = false;
            foreach (var entry in _recomputed)
            {
                if (closure.Contains(entry.Key.Target))
                {
                    foreach (var read in entry.Value)
                    {
                        grown |= closure.Add(read);
                    }
                }
            }

            foreach (var counted in _counted.Values)
            {
                if (closure.Contains(counted.Counter))
                {
                    foreach (var read in counted.Init.Reads)
                    {
                        grown |= closure.Add(read);
                    }
                }
            }
        }
        while (grown);

        Needed = closure;
        Hoisted = FindHoisted(model.Body, closure);
    }

    private readonly Dictionary<Stmt, List<Expr>> _recorded = new(new ByReference<Stmt>());

    /// <summary>
    /// The values of a statement's subexpressions that the reverse sweep uses, which the forward sweep names as it
    /// computes them so the reverse sweep reads them instead of computing them again (inner values first): every one
    /// for a statement of the method's own block (a local of the member), the costly ones
    /// (<see cref="Differentiation.ExpressionWalker.IsCostly"/>) for a statement inside a loop (kept on a stack).
    /// </summary>
    public IReadOnlyList<Expr> Recorded(Stmt statement) =>
        _recorded.TryGetValue(statement, out var values) ? values : (IReadOnlyList<Expr>)System.Array.Empty<Expr>();

    /// <summary>Stops recording the values of <paramref name="statement"/> (the return after a fused loop, undone before it).</summary>
    public void Unrecord(Stmt statement) => _recorded.Remove(statement);

    /// <summary>Whether the reverse sweep needs the value of <paramref name="variable"/>.</summary>
    public bool Reads(string variable) => Needed.Contains(variable);

    private readonly Dictionary<ForStmt, CountedLoop> _counted = new(new ByReference<ForStmt>());
    private readonly Dictionary<AssignStmt, HashSet<string>> _recomputed = new(new ByReference<AssignStmt>());

    /// <summary>
    /// A loop whose counter moves by one each iteration (<c>i++</c> or <c>i--</c>) and is not written in the body:
    /// the reverse sweep steps the counter back instead of saving it (from <c>Init ± count</c>).
    /// </summary>
    public CountedLoop? Counted(ForStmt loop) => _counted.TryGetValue(loop, out var counted) ? counted : null;

    /// <summary>
    /// Whether <paramref name="assign"/> is a loop-body declaration the reverse sweep computes again at the start of
    /// each iteration instead of saving it: a double or Complex value of operations on inputs that are never written
    /// and on counted loop counters (cheaper than a stack push and pop).
    /// </summary>
    public bool IsRecomputed(AssignStmt assign) => _recomputed.ContainsKey(assign) && Reads(assign.Target);

    /// <summary>The counter of a counted loop, its step (<c>+1</c> or <c>-1</c>) and its first value.</summary>
    public sealed record CountedLoop(string Counter, int Step, PassiveExpr Init);

    private static void CountAssignments(IEnumerable<Stmt> block, Dictionary<string, int> assigned)
    {
        foreach (var statement in block)
        {
            switch (statement)
            {
                case AssignStmt a:
                    assigned[a.Target] = assigned.TryGetValue(a.Target, out var n) ? n + 1 : 1;
                    break;
                case DeclareStmt d:
                    assigned[d.Target] = assigned.TryGetValue(d.Target, out var m) ? m + 1 : 1;
                    break;
                case IfStmt i:
                    CountAssignments(i.Then, assigned);
                    CountAssignments(i.Else, assigned);
                    break;
                case ForStmt f:
                    CountAssignments(f.Init, assigned);
                    CountAssignments(f.Body, assigned);
                    CountAssignments(f.Increment, assigned);
                    break;
            }
        }
    }

    /// <summary>Every loop of <paramref name="block"/>, in branches and other loops too, outer before inner.</summary>
    private static IEnumerable<ForStmt> Loops(IEnumerable<Stmt> block)
    {
        foreach (var statement in block)
        {
            var inner = statement switch
            {
                IfStmt i => Loops(i.Then).Concat(Loops(i.Else)),
                ForStmt f => new[] { f }.Concat(Loops(f.Body)),
                _ => Enumerable.Empty<ForStmt>(),
            };
            foreach (var loop in inner)
            {
                yield return loop;
            }
        }
    }

    private void FindCounted(IEnumerable<Stmt> block, Dictionary<string, int> assigned)
    {
        foreach (var f in Loops(block))
        {
            if (f.Init.Count == 1 && f.Init[0] is AssignStmt { Value: PassiveExpr init } first
                && f.Increment.Count == 1 && f.Increment[0] is AssignStmt { PrintText: { } step } increment
                && increment.Target == first.Target && (step == first.Target + "++" || step == first.Target + "--")
                && !init.Reads.Contains(first.Target)
                && assigned.TryGetValue(first.Target, out var writes) && writes == 2)
            {
                _counted[f] = new CountedLoop(first.Target, step.EndsWith("++", System.StringComparison.Ordinal) ? 1 : -1, init);
            }
        }
    }

    private void FindRecomputed(IEnumerable<Stmt> block, Dictionary<string, int> assigned)
    {
        foreach (var f in Loops(block))
        {
            var stable = new HashSet<string>();
            if (Counted(f) is { } counted)
            {
                stable.Add(counted.Counter);
            }

            foreach (var candidate in f.Body)
            {
                if (candidate is AssignStmt { IsDeclaration: true } a && a.Value.Kind.IsScalar() && IsCheap(a.Value)
                    && assigned.TryGetValue(a.Target, out var writes) && writes == 1)
                {
                    var reads = new HashSet<string>();
                    Differentiation.ExpressionWalker.Reads(a.Value, reads);
                    if (reads.All(r => stable.Contains(r) || !assigned.ContainsKey(r)))
                    {
                        _recomputed[a] = reads;
                        stable.Add(a.Target);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Active <c>double</c> or <c>Complex</c> locals declared in a loop body, assigned only there and read only by
    /// statements of that body itself (not inside its branches or inner loops): their adjoint lives within one
    /// reverse iteration, so the reverse sweep declares it at its first share (<c>double aBar = …;</c>) instead of
    /// keeping it across iterations and setting it back to zero each time.
    /// </summary>
    public bool IsIterationLocal(string variable) => _iterationLocals.Contains(variable);

    private readonly HashSet<string> _iterationLocals = new();

    private readonly Dictionary<ForStmt, HashSet<string>> _iterationTensors = new(new ByReference<ForStmt>());

    /// <summary>
    /// The tensor locals of <paramref name="loop"/>'s body with the same property as <see cref="IsIterationLocal"/>:
    /// their adjoints are null at the start of every reverse iteration, which the reverse sweep then knows.
    /// </summary>
    public IEnumerable<string> IterationTensors(ForStmt loop) =>
        _iterationTensors.TryGetValue(loop, out var tensors) ? tensors : Enumerable.Empty<string>();

    private void FindIterationLocals(IEnumerable<Stmt> block, Dictionary<string, int> assigned, MethodModel model)
    {
        foreach (var f in Loops(block))
        {
            var nested = new HashSet<string>();
            foreach (var inner in f.Body.Where(s => s is not AssignStmt))
            {
                ReadsDeep(inner, nested);
            }

            foreach (var candidate in f.Body)
            {
                if (candidate is AssignStmt { IsDeclaration: true } a && _activity.IsActive(a.Target)
                    && assigned.TryGetValue(a.Target, out var writes) && writes == 1 && !nested.Contains(a.Target)
                    && model.Variables.FirstOrDefault(v => v.Name == a.Target) is { } variable)
                {
                    if (variable.Kind.IsScalar() && a.Value.Kind.IsScalar())
                    {
                        _iterationLocals.Add(a.Target);
                    }
                    else if (variable.Kind.IsTensor())
                    {
                        if (!_iterationTensors.TryGetValue(f, out var tensors))
                        {
                            _iterationTensors[f] = tensors = new HashSet<string>();
                        }

                        tensors.Add(a.Target);
                    }
                }
            }
        }
    }

    private static void ReadsDeep(Stmt statement, HashSet<string> reads)
    {
        switch (statement)
        {
            case AssignStmt a:
                Differentiation.ExpressionWalker.Reads(a.Value, reads);
                break;
            case ReturnStmt r:
                Differentiation.ExpressionWalker.Reads(r.Value, reads);
                break;
            case IfStmt i:
                foreach (var name in i.Condition.Reads)
                {
                    reads.Add(name);
                }

                foreach (var inner in i.Then.Concat(i.Else))
                {
                    ReadsDeep(inner, reads);
                }

                break;
            case ForStmt f:
                if (f.Condition is { } condition)
                {
                    foreach (var name in condition.Reads)
                    {
                        reads.Add(name);
                    }
                }

                foreach (var inner in f.Init.Concat(f.Body).Concat(f.Increment))
                {
                    ReadsDeep(inner, reads);
                }

                break;
        }
    }

    /// <summary>Arithmetic, elementary functions and element reads only: no calls, which may be costly.</summary>
    private static bool IsCheap(Expr expr) => expr switch
    {
        VarExpr or PassiveExpr => true,
        OpExpr o => o.Args.All(IsCheap),
        _ => false,
    };

    /// <summary>Compares by reference: equal statements at different places are different statements.</summary>
    private sealed class ByReference<T> : IEqualityComparer<T>
        where T : class
    {
        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>Variables whose values the reverse sweep reads.</summary>
    public ISet<string> Needed { get; }

    /// <summary>
    /// Needed locals declared inside a branch or loop, or declared without a value: the member declares them at
    /// its top (with a zero value) so the reverse sweep, outside their original scope, can read and restore them.
    /// </summary>
    public ISet<string> Hoisted { get; }

    /// <summary>Whether the old value of the assignment's target must be saved first.</summary>
    public bool IsSaved(AssignStmt assign, int loopDepth) =>
        Needed.Contains(assign.Target) && !(assign.IsDeclaration && loopDepth == 0) && !_recomputed.ContainsKey(assign) && !IsCountedStep(assign);

    /// <summary>
    /// The step of a counted loop, or the declaration of its counter (scoped to the loop, so the value it overwrites
    /// is never read): neither is saved.
    /// </summary>
    private bool IsCountedStep(AssignStmt assign) =>
        _counted.Any(c => (c.Key.Increment.Count == 1 && ReferenceEquals(c.Key.Increment[0], assign))
                          || (assign.IsDeclaration && ReferenceEquals(c.Key.Init[0], assign)));

    /// <summary>Whether the reverse sweep has anything to do for this statement.</summary>
    public bool NeedsReverse(Stmt statement, int loopDepth) => statement switch
    {
        AssignStmt a => _activity.IsActive(a.Target) || IsSaved(a, loopDepth),
        IfStmt s => s.Then.Any(t => NeedsReverse(t, loopDepth)) || s.Else.Any(t => NeedsReverse(t, loopDepth)),
        ForStmt f => f.Body.Any(t => NeedsReverse(t, loopDepth + 1)) || f.Increment.Any(t => NeedsReverse(t, loopDepth + 1)),
        ReturnStmt r => _activity.IsActive(r.Value),
        _ => false,
    };

    private static ISet<string> FindHoisted(IEnumerable<Stmt> body, ISet<string> needed)
    {
        var hoisted = new HashSet<string>();
        void Visit(IEnumerable<Stmt> block, bool nested)
        {
            foreach (var statement in block)
            {
                switch (statement)
                {
                    case DeclareStmt d when needed.Contains(d.Target):
                        hoisted.Add(d.Target);
                        break;
                    case AssignStmt { IsDeclaration: true } a when nested && needed.Contains(a.Target):
                        hoisted.Add(a.Target);
                        break;
                    case IfStmt s:
                        Visit(s.Then, true);
                        Visit(s.Else, true);
                        break;
                    case ForStmt f:
                        Visit(f.Init, true);
                        Visit(f.Body, true);
                        Visit(f.Increment, true);
                        break;
                }
            }
        }

        Visit(body, false);
        return hoisted;
    }
}
