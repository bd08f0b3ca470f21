using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Differentiation;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// Finds a loop the adjoint can undo iteration by iteration as it runs, instead of in a second, reversed pass: the
/// last loop of the method, followed only by assignments and the <c>return</c>, whose iterations only <em>add</em> to the values
/// they carry (<c>sum += f(x[i])</c>). The adjoint of such a sum is the same in every iteration, and the return's
/// adjoint gives it before the loop runs when the return is linear in the sums (<c>return sum</c>,
/// <c>return 0.5 * sum / n</c>); each iteration's reverse step then reads the values the iteration has just
/// computed. Nothing is recomputed or stored, and the inputs are read once: the adjoint of a sum of terms costs a
/// small multiple of the sum, as a hand-written gradient does (the reduction loops of least squares, Rosenbrock,
/// log-likelihoods).
/// </summary>
/// <remarks>
/// The conditions, all checked on the lowered body: the loop is at the top level and followed only by assignments
/// and the return, each linear in what the loop writes (<c>double loss = 0.5 * sum / n; return loss;</c>);
/// its body is straight-line assignments; each variable the body declares is assigned once (so nothing is
/// overwritten before the iteration's reverse step reads it); each variable the loop writes that lives outside it is
/// a sum (<c>s = s + e</c>, <c>s = e + s</c>, <c>s = s - e</c> or a chain <c>s = s + a - b + c</c>, with the terms not
/// reading <c>s</c>), assigned once
/// per iteration and read nowhere else in the loop, and no reverse step outside the loop reads its value; the loop's
/// condition and increment read only the counter and values the loop does not write; every active value in the loop
/// is a <c>double</c>, a <c>Complex</c> or an array; no call in it keeps a residual.
/// </remarks>
internal static class FusedLoop
{
    /// <summary>The trailing loop of <paramref name="method"/> when its adjoint can run fused with it, else null.</summary>
    public static ForStmt? Find(MethodInfo method, ReversePlan plan) => Find(method, plan, out _);

    /// <summary>
    /// The trailing loop of <paramref name="method"/> when its adjoint can run fused with it; else null, with
    /// <paramref name="refusal"/> saying which condition failed (the Regex generator's <c>SupportsCodeGeneration</c>
    /// pattern: every check that declines names its reason).
    /// </summary>
    public static ForStmt? Find(MethodInfo method, ReversePlan plan, out string refusal)
    {
        refusal = TrailingLoop(method.Model.Body, out var loop, out var after, out var ret)
                  ?? BodyIsStraightLine(loop!)
                  ?? Writes(loop!, out var written, out var local, out var counters, out var assignments)
                  ?? HeaderReadsNothingTheLoopWrites(loop!, written, counters, assignments)
                  ?? CarriedValuesAreSums(method, assignments, local, out var sums)
                  ?? TermsAreFusable(method, assignments, sums)
                  ?? SumsAreReadAfterTheLoopOnly(plan, written, local)
                  ?? TailIsLinear(method.Activity, plan, after!, ret!, written)
                  ?? "";
        return refusal.Length == 0 ? loop : null;
    }

    // Each check returns null where its condition holds, else the reason the loop is not fused.

    /// <summary>The method ends with a for loop, then assignments (<c>double loss = 0.5 * sum / n;</c>), then the return.</summary>
    private static string? TrailingLoop(EquatableArray<Stmt> body, out ForStmt? loop, out List<AssignStmt>? after, out ReturnStmt? ret)
    {
        loop = null;
        after = null;
        ret = null;
        if (body.Count < 2 || body[body.Count - 1] is not ReturnStmt last)
        {
            return "the method does not end with a single return after its statements";
        }

        var index = body.Count - 2;
        while (index >= 0 && body[index] is AssignStmt)
        {
            index--;
        }

        if (index < 0 || body[index] is not ForStmt found)
        {
            return "no for loop is followed only by assignments and the return";
        }

        loop = found;
        ret = last;
        after = body.Skip(index + 1).Take(body.Count - 2 - index).Cast<AssignStmt>().ToList();
        return null;
    }

    private static string? BodyIsStraightLine(ForStmt loop) =>
        loop.Body.Count == 0 || loop.Body.Any(s => s is not AssignStmt)
            ? "the loop body is not straight-line assignments (a branch, a nested loop or a return inside it)"
            : null;

    /// <summary>What the loop writes: its counter, its locals and the values it carries; each target once per iteration.</summary>
    private static string? Writes(ForStmt loop, out HashSet<string> written, out HashSet<string> local, out HashSet<string> counters,
        out List<AssignStmt> assignments)
    {
        assignments = loop.Body.Cast<AssignStmt>().ToList();
        local = new HashSet<string>(loop.Init.OfType<AssignStmt>().Where(a => a.IsDeclaration).Select(a => a.Target));
        foreach (var assign in assignments.Where(a => a.IsDeclaration))
        {
            local.Add(assign.Target);
        }

        written = new HashSet<string>(local);
        counters = new HashSet<string>(loop.Init.Concat(loop.Increment).OfType<AssignStmt>().Select(a => a.Target));
        written.UnionWith(counters);
        var counts = new Dictionary<string, int>();
        foreach (var assign in assignments)
        {
            written.Add(assign.Target);
            counts[assign.Target] = counts.TryGetValue(assign.Target, out var n) ? n + 1 : 1;
        }

        return counts.FirstOrDefault(c => c.Value > 1) is { Key: { } twice }
            ? $"'{twice}' is assigned more than once per iteration (a reverse step would need its overwritten value)"
            : null;
    }

    private static string? HeaderReadsNothingTheLoopWrites(ForStmt loop, HashSet<string> written, HashSet<string> counters, List<AssignStmt> assignments)
    {
        var header = new HashSet<string>();
        if (loop.Condition is { } condition)
        {
            ExpressionWalker.Reads(condition, header);
        }

        foreach (var statement in loop.Increment.OfType<AssignStmt>())
        {
            ExpressionWalker.Reads(statement.Value, header);
        }

        if (header.FirstOrDefault(v => written.Contains(v) && !counters.Contains(v)) is { } moved)
        {
            return $"the loop's condition or increment reads '{moved}', which the loop writes";
        }

        return assignments.FirstOrDefault(a => counters.Contains(a.Target)) is { } counter
            ? $"the body writes the counter '{counter.Target}'"
            : null;
    }

    /// <summary>Every value the loop writes and that lives outside it is an active sum (<c>s += e</c>).</summary>
    private static string? CarriedValuesAreSums(MethodInfo method, List<AssignStmt> assignments, HashSet<string> local, out HashSet<string> sums)
    {
        sums = new HashSet<string>();
        foreach (var assign in assignments.Where(a => !local.Contains(a.Target)))
        {
            if (!method.Activity.IsActive(assign.Target) || !IsSum(assign))
            {
                return $"'{assign.Target}' is carried from iteration to iteration but is not an active sum (s = s + e)";
            }

            sums.Add(assign.Target);
        }

        return sums.Count == 0 ? "the loop carries no active sum (nothing for a fused reverse step to add to)" : null;
    }

    /// <summary>The terms read no sum but their own, keep no residual, and every active value in them is a scalar or an array.</summary>
    private static string? TermsAreFusable(MethodInfo method, List<AssignStmt> assignments, HashSet<string> sums)
    {
        foreach (var assign in assignments)
        {
            var reads = new HashSet<string>();
            ExpressionWalker.Reads(assign.Value, reads);
            if (reads.FirstOrDefault(v => sums.Contains(v) && !(v == assign.Target && sums.Contains(assign.Target))) is { } sum)
            {
                return $"the assignment to '{assign.Target}' reads the running sum '{sum}'";
            }

            if (ContainsResidualCall(assign.Value))
            {
                return $"the assignment to '{assign.Target}' calls a method whose adjoint keeps a residual";
            }

            if (reads.Append(assign.Target).FirstOrDefault(v => method.Activity.IsActive(v) && !IsPlainKind(method.Variable(v).Kind)) is { } tensor)
            {
                return $"'{tensor}' is an active tensor (only scalars and arrays are summed in place)";
            }
        }

        return null;
    }

    /// <summary>After the loop the sums hold their last values: no reverse step before the loop may read them.</summary>
    private static string? SumsAreReadAfterTheLoopOnly(ReversePlan plan, HashSet<string> written, HashSet<string> local) =>
        written.FirstOrDefault(v => !local.Contains(v) && plan.Reads(v)) is { } read
            ? $"a reverse step outside the loop reads '{read}', which the loop changes (fused, only its last value would be left)"
            : null;

    /// <summary>
    /// The statements after the loop are undone before it runs: their reverse steps may read no value that depends on
    /// the loop (each is linear in what the loop and the statements before it wrote), and a variable they overwrite may
    /// not be read by a reverse step before the loop; the return is linear in all of it.
    /// </summary>
    private static string? TailIsLinear(Activity activity, ReversePlan plan, List<AssignStmt> after, ReturnStmt ret, HashSet<string> written)
    {
        foreach (var assign in after)
        {
            if (!IsLinear(assign.Value, written, activity))
            {
                return $"the assignment to '{assign.Target}' after the loop is not linear in what the loop computes";
            }

            if (!assign.IsDeclaration && plan.Reads(assign.Target))
            {
                return $"the assignment to '{assign.Target}' after the loop overwrites a value a reverse step reads";
            }

            written.Add(assign.Target);
        }

        return IsLinear(ret.Value, written, activity) ? null : "the return is not linear in what the loop computes";
    }

    /// <summary>The statements of the method's block from the fused loop's on: the loop, the assignments after it, the return.</summary>
    public static int IndexOf(MethodModel model, ForStmt loop)
    {
        for (var i = 0; i < model.Body.Count; i++)
        {
            if (ReferenceEquals(model.Body[i], loop))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPlainKind(ValueKind kind) => kind.IsScalar() || kind.IsArray() || kind == ValueKind.Passive;

    /// <summary>
    /// Whether <paramref name="assign"/> adds to its target: the target is read once, as a term of a chain of
    /// additions and subtractions with coefficient +1 (<c>s = s + e</c>, <c>s = e + s</c>, <c>s = s - e</c>,
    /// <c>s = s + a * a + b * b</c>, which C# reads as <c>(s + a * a) + b * b</c>).
    /// </summary>
    private static bool IsSum(AssignStmt assign) => Occurrences(assign.Value, assign.Target) == 1 && IsTerm(assign.Value, assign.Target);

    private static bool IsTerm(Expr expr, string target) => expr switch
    {
        VarExpr v => v.Name == target,
        OpExpr { Op: OpCode.Add, Args.Count: 2 } add => IsTerm(add.Args[0], target) || IsTerm(add.Args[1], target),
        OpExpr { Op: OpCode.Subtract, Args.Count: 2 } subtract => IsTerm(subtract.Args[0], target),
        _ => false,
    };

    private static int Occurrences(Expr expr, string variable) => expr switch
    {
        VarExpr v => v.Name == variable ? 1 : 0,
        PassiveExpr p => p.Reads.Contains(variable) ? 2 : 0,
        _ => ExpressionWalker.Children(expr).Sum(child => Occurrences(child, variable)),
    };

    private static bool ReadsAny(Expr expr, ISet<string> variables)
    {
        var reads = new HashSet<string>();
        ExpressionWalker.Reads(expr, reads);
        return reads.Overlaps(variables);
    }

    private static bool ContainsResidualCall(Expr expr) =>
        expr is CallExpr { Target.Split: not null } || ExpressionWalker.Children(expr).Any(ContainsResidualCall);

    /// <summary>
    /// Whether the reverse step of <paramref name="expr"/> reads none of <paramref name="written"/>: it is a sum of
    /// them times (or over) factors that do not read them. A factor that is itself active gets the other factor as its
    /// partial (<c>ā += b·ȳ</c> for <c>a·b</c>), so beside a product or quotient that reads a written value it must be
    /// inactive: its reverse step would read the written value before the loop has made it.
    /// </summary>
    private static bool IsLinear(Expr expr, ISet<string> written, Activity activity)
    {
        if (expr is VarExpr or PassiveExpr || !ReadsAny(expr, written))
        {
            return expr is not PassiveExpr p || !p.Reads.Any(written.Contains);
        }

        if (expr is not OpExpr op)
        {
            return false;
        }

        return op.Op switch
        {
            OpCode.Add or OpCode.Subtract or OpCode.Negate or OpCode.ToComplex or OpCode.Real or OpCode.Imaginary or OpCode.Conjugate =>
                op.Args.All(a => IsLinear(a, written, activity)),
            OpCode.Multiply =>
                (IsLinear(op.Args[0], written, activity) && IsConstantFactor(op.Args[1], op.Args[0], written, activity)) ||
                (IsLinear(op.Args[1], written, activity) && IsConstantFactor(op.Args[0], op.Args[1], written, activity)),
            OpCode.Divide => IsLinear(op.Args[0], written, activity) && IsConstantFactor(op.Args[1], op.Args[0], written, activity),
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="factor"/> may multiply (or divide) <paramref name="linear"/> in a fused tail: it reads
    /// nothing the loop writes, and if it is active, <paramref name="linear"/> (its partial) reads nothing the loop writes either.
    /// </summary>
    private static bool IsConstantFactor(Expr factor, Expr linear, ISet<string> written, Activity activity) =>
        !ReadsAny(factor, written) && (!activity.IsActive(factor) || !ReadsAny(linear, written));
}
