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

    public ReversePlan(MethodModel model, Activity activity, ISet<string> needed)
    {
        _activity = activity;
        Needed = needed;
        Hoisted = FindHoisted(model.Body, needed);
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
        Needed.Contains(assign.Target) && !(assign.IsDeclaration && loopDepth == 0);

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
