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
    public static ForStmt? Find(MethodInfo method, ReversePlan plan)
    {
        var body = method.Model.Body;
        if (body.Count < 2 || body[body.Count - 1] is not ReturnStmt ret)
        {
            return null;
        }

        // The loop, then assignments (double loss = 0.5 * sum / n;), then the return.
        var index = body.Count - 2;
        while (index >= 0 && body[index] is AssignStmt)
        {
            index--;
        }

        if (index < 0 || body[index] is not ForStmt loop)
        {
            return null;
        }

        var after = body.Skip(index + 1).Take(body.Count - 2 - index).Cast<AssignStmt>().ToList();

        if (loop.Body.Count == 0 || loop.Body.Any(s => s is not AssignStmt))
        {
            return null;
        }

        var activity = method.Activity;
        var assignments = loop.Body.Cast<AssignStmt>().ToList();
        var local = new HashSet<string>(loop.Init.OfType<AssignStmt>().Where(a => a.IsDeclaration).Select(a => a.Target));
        foreach (var assign in assignments.Where(a => a.IsDeclaration))
        {
            local.Add(assign.Target);
        }

        // Everything the loop writes: its counter, its locals and the sums it carries.
        var written = new HashSet<string>(local);
        foreach (var statement in loop.Init.Concat(loop.Increment).OfType<AssignStmt>())
        {
            written.Add(statement.Target);
        }

        var counts = new Dictionary<string, int>();
        foreach (var assign in assignments)
        {
            written.Add(assign.Target);
            counts[assign.Target] = counts.TryGetValue(assign.Target, out var n) ? n + 1 : 1;
        }

        if (counts.Values.Any(n => n > 1))
        {
            return null;
        }

        var header = new HashSet<string>();
        if (loop.Condition is { } condition)
        {
            ExpressionWalker.Reads(condition, header);
        }

        foreach (var statement in loop.Increment.OfType<AssignStmt>())
        {
            ExpressionWalker.Reads(statement.Value, header);
        }

        var counters = new HashSet<string>(loop.Init.Concat(loop.Increment).OfType<AssignStmt>().Select(a => a.Target));
        if (header.Any(v => written.Contains(v) && !counters.Contains(v)) || assignments.Any(a => counters.Contains(a.Target)))
        {
            return null;
        }

        var sums = new HashSet<string>();
        foreach (var assign in assignments)
        {
            if (local.Contains(assign.Target))
            {
                continue;
            }

            // Written here, declared outside: a sum, or the loop carries a value the reverse steps would need back.
            if (!activity.IsActive(assign.Target) || !IsSum(assign))
            {
                return null;
            }

            sums.Add(assign.Target);
        }

        foreach (var assign in assignments)
        {
            var reads = new HashSet<string>();
            ExpressionWalker.Reads(assign.Value, reads);
            if (reads.Any(v => sums.Contains(v) && !(v == assign.Target && sums.Contains(assign.Target))))
            {
                return null;
            }

            if (ContainsResidualCall(assign.Value))
            {
                return null;
            }

            foreach (var variable in reads.Append(assign.Target))
            {
                if (activity.IsActive(variable) && !IsPlainKind(method.Variable(variable).Kind))
                {
                    return null;
                }
            }
        }

        // After the loop, the sums hold their last values: no reverse step before the loop may read them.
        if (written.Any(v => !local.Contains(v) && plan.Reads(v)))
        {
            return null;
        }

        // The statements after the loop are undone before it runs: their reverse steps may read no value that depends
        // on the loop (each is linear in what the loop and the statements before it wrote), and a variable they
        // overwrite may not be read by a reverse step before the loop.
        foreach (var assign in after)
        {
            if (!IsLinear(assign.Value, written) || (!assign.IsDeclaration && plan.Reads(assign.Target)))
            {
                return null;
            }

            written.Add(assign.Target);
        }

        return IsLinear(ret.Value, written) ? loop : null;
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
    /// them times (or over) factors that do not read them.
    /// </summary>
    private static bool IsLinear(Expr expr, ISet<string> written)
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
                op.Args.All(a => IsLinear(a, written)),
            OpCode.Multiply =>
                (IsLinear(op.Args[0], written) && !ReadsAny(op.Args[1], written)) ||
                (!ReadsAny(op.Args[0], written) && IsLinear(op.Args[1], written)),
            OpCode.Divide => IsLinear(op.Args[0], written) && !ReadsAny(op.Args[1], written),
            _ => false,
        };
    }
}
