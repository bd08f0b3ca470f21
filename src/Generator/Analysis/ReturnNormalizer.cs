using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// Rewrites a body so that every return is the last statement of a block: the statements after an <c>if</c> that
/// returns on some path move into the branches that fall through. Then every path ends in exactly one return,
/// and the reverse sweep of a branch starts where that return was taken.
/// </summary>
internal static class ReturnNormalizer
{
    public static List<Stmt> Normalize(IReadOnlyList<Stmt> block)
    {
        var result = new List<Stmt>();
        for (var i = 0; i < block.Count; i++)
        {
            var statement = block[i];
            if (statement is ReturnStmt)
            {
                result.Add(statement);
                return result;
            }

            if (statement is IfStmt branch && ContainsReturn(branch))
            {
                var rest = block.Skip(i + 1).ToList();
                var whenTrue = Normalize(branch.Then.Concat(rest).ToList());
                var whenFalse = Normalize(branch.Else.Concat(rest).ToList());
                result.Add(branch with { Then = whenTrue.ToEquatableArray(), Else = whenFalse.ToEquatableArray() });
                return result;
            }

            result.Add(statement);
        }

        return result;
    }

    private static bool ContainsReturn(Stmt statement) => statement switch
    {
        ReturnStmt => true,
        IfStmt s => s.Then.Any(ContainsReturn) || s.Else.Any(ContainsReturn),
        _ => false,
    };
}
