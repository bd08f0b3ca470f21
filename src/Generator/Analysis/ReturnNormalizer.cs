using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// Rewrites a body so that every return is the last statement of a block: the statements after an <c>if</c> that
/// returns on some path move into the branches that fall through. A return inside a <c>for</c> loop also sets a
/// flag, <c>returned</c>, that ends the loops around it (their conditions become <c>!returned &amp;&amp; …</c>) and
/// guards the statements after them. Then every path ends in exactly one return, the loops run their iterations
/// to the end (so trip counts and saved values stay in step), and the reverse sweep of a branch starts where that
/// return was taken.
/// </summary>
internal static class ReturnNormalizer
{
    /// <param name="body">The lowered body.</param>
    /// <param name="newFlag">Makes the <c>bool</c> flag variable and returns its name (called at most once).</param>
    public static List<Stmt> Normalize(IReadOnlyList<Stmt> body, Func<string> newFlag)
    {
        string? flag = null;
        string Flag() => flag ??= newFlag();
        var result = Normalize(body, Flag, inLoop: false);
        if (flag is not null)
        {
            var source = new SourceInfo("return inside a loop", 0);
            var initial = new PassiveExpr("false", ValueKind.Passive, "bool", EquatableArray<string>.Empty, true);
            result.Insert(0, new AssignStmt(flag, initial, true, null, source));
        }

        return result;
    }

    private static List<Stmt> Normalize(IReadOnlyList<Stmt> block, Func<string> flag, bool inLoop)
    {
        var result = new List<Stmt>();
        for (var i = 0; i < block.Count; i++)
        {
            var statement = block[i];
            switch (statement)
            {
                case ReturnStmt ret:
                    if (inLoop)
                    {
                        var yes = new PassiveExpr("true", ValueKind.Passive, "bool", EquatableArray<string>.Empty, true);
                        result.Add(new AssignStmt(flag(), yes, false, null, ret.Source));
                    }

                    result.Add(ret);
                    return result;

                case IfStmt branch when ContainsReturn(branch):
                    var rest = block.Skip(i + 1).ToList();
                    var whenTrue = Normalize(branch.Then.Concat(rest).ToList(), flag, inLoop);
                    var whenFalse = Normalize(branch.Else.Concat(rest).ToList(), flag, inLoop);
                    result.Add(branch with { Then = whenTrue.ToEquatableArray(), Else = whenFalse.ToEquatableArray() });
                    return result;

                case ForStmt loop when ContainsReturn(loop):
                    var name = flag();
                    var reads = new[] { name }.Concat(loop.Condition?.Reads ?? EquatableArray<string>.Empty).Distinct().ToEquatableArray();
                    var condition = loop.Condition is null
                        ? new PassiveExpr("!" + name, ValueKind.Passive, "bool", reads, false)
                        : new PassiveExpr("!" + name + " && " + (loop.Condition.IsSimple ? loop.Condition.Text : "(" + loop.Condition.Text + ")"), ValueKind.Passive, "bool", reads, false);
                    result.Add(loop with { Condition = condition, Body = Normalize(loop.Body, flag, inLoop: true).ToEquatableArray() });
                    var after = Normalize(block.Skip(i + 1).ToList(), flag, inLoop);
                    if (after.Count > 0)
                    {
                        var notReturned = new PassiveExpr("!" + name, ValueKind.Passive, "bool", new EquatableArray<string>(new[] { name }), false);
                        result.Add(new IfStmt(notReturned, after.ToEquatableArray(), EquatableArray<Stmt>.Empty, new SourceInfo("unless returned inside the loop above", loop.Source.Line), IsReturnGuard: true));
                    }

                    return result;

                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }

    public static bool ContainsReturn(Stmt statement) => statement switch
    {
        ReturnStmt => true,
        IfStmt s => s.Then.Any(ContainsReturn) || s.Else.Any(ContainsReturn),
        ForStmt f => f.Body.Any(ContainsReturn),
        _ => false,
    };
}
