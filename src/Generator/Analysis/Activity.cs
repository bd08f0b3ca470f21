using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// Activity analysis: a variable is <em>varied</em> when it depends on a differentiable parameter, <em>useful</em>
/// when the result depends on it, and <em>active</em> when both. Only active variables get tangents and adjoints.
/// The analysis is flow-insensitive (a variable is active if any of its assignments makes it so), which is
/// conservative: it never drops a derivative that exists.
/// </summary>
internal sealed class Activity
{
    private readonly HashSet<string> _active;

    private Activity(HashSet<string> active) => _active = active;

    public bool IsActive(string variable) => _active.Contains(variable);

    /// <summary>Whether the expression carries a derivative (it reads an active variable through differentiable operations).</summary>
    public bool IsActive(Expr expr) => ActiveReads(expr).Any(_active.Contains);

    public static Activity Analyze(MethodModel model)
    {
        var assignments = new List<AssignStmt>();
        var returns = new List<ReturnStmt>();
        Collect(model.Body, assignments, returns);

        var varied = new HashSet<string>(model.Parameters.Where(p => p.IsDifferentiable).Select(p => p.Name));
        bool changed;
        do
        {
            changed = false;
            foreach (var a in assignments)
            {
                if (!varied.Contains(a.Target) && a.Value.Kind != ValueKind.Passive && ActiveReads(a.Value).Any(varied.Contains))
                {
                    changed |= varied.Add(a.Target);
                }
            }
        }
        while (changed);

        var useful = new HashSet<string>(returns.SelectMany(r => ActiveReads(r.Value)));
        do
        {
            changed = false;
            foreach (var a in assignments)
            {
                if (useful.Contains(a.Target))
                {
                    foreach (var read in ActiveReads(a.Value))
                    {
                        changed |= useful.Add(read);
                    }
                }
            }
        }
        while (changed);

        varied.IntersectWith(useful);
        return new Activity(varied);
    }

    /// <summary>Whether some return value depends on a differentiable parameter.</summary>
    public static bool ResultDependsOnInputs(MethodModel model)
    {
        var activity = Analyze(model);
        var returns = new List<ReturnStmt>();
        Collect(model.Body, new List<AssignStmt>(), returns);
        return returns.Any(r => activity.IsActive(r.Value));
    }

    /// <summary>The variables whose derivatives flow into the value of <paramref name="expr"/>.</summary>
    public static IEnumerable<string> ActiveReads(Expr expr)
    {
        switch (expr)
        {
            case VarExpr { Kind: not ValueKind.Passive } v:
                yield return v.Name;
                break;
            case OpExpr op when !IsPiecewiseConstant(op.Op):
                foreach (var arg in op.Args)
                {
                    foreach (var read in ActiveReads(arg))
                    {
                        yield return read;
                    }
                }

                break;
            case CallExpr call:
                for (var i = 0; i < call.Args.Count; i++)
                {
                    if (i < call.Target.Parameters.Count && call.Target.Parameters[i].IsDifferentiable)
                    {
                        foreach (var read in ActiveReads(call.Args[i]))
                        {
                            yield return read;
                        }
                    }
                }

                break;
        }
    }

    private static bool IsPiecewiseConstant(OpCode op) =>
        op is OpCode.Floor or OpCode.Ceiling or OpCode.Round or OpCode.Truncate;

    private static void Collect(IEnumerable<Stmt> block, List<AssignStmt> assignments, List<ReturnStmt> returns)
    {
        foreach (var statement in block)
        {
            switch (statement)
            {
                case AssignStmt a:
                    assignments.Add(a);
                    break;
                case ReturnStmt r:
                    returns.Add(r);
                    break;
                case IfStmt s:
                    Collect(s.Then, assignments, returns);
                    Collect(s.Else, assignments, returns);
                    break;
                case ForStmt f:
                    Collect(f.Init, assignments, returns);
                    Collect(f.Body, assignments, returns);
                    Collect(f.Increment, assignments, returns);
                    break;
            }
        }
    }
}
