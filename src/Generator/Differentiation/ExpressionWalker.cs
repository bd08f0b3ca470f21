using System.Collections.Generic;
using Diff.Generator.Differentiation.Rules;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>The primal code of expressions, and the rule of each operation node.</summary>
internal static class ExpressionWalker
{
    public static DerivativeRule Rule(Expr expr) => expr switch
    {
        OpExpr op => RuleCatalog.For(op.Op),
        CallExpr { Target.Form: CallForm.Map } map => new MapRule(map.Target),
        CallExpr call => new CallRule(call.Target),
        _ => throw new System.ArgumentException("Only operations have rules.", nameof(expr)),
    };

    public static IReadOnlyList<Expr> Children(Expr expr) => expr switch
    {
        OpExpr op => op.Args,
        CallExpr call => call.Args,
        _ => System.Array.Empty<Expr>(),
    };

    /// <summary>The value of <paramref name="expr"/> as one C# expression.</summary>
    public static Code Primal(Expr expr)
    {
        switch (expr)
        {
            case VarExpr v:
                return C.Name(v.Name, v.Kind);
            case PassiveExpr p:
                return C.Passive(p.Text, p.IsSimple, p.Kind);
            default:
                var children = Children(expr);
                var args = new Code[children.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Primal(children[i]);
                }

                return Rule(expr).Primal(args, expr.Kind);
        }
    }

    /// <summary>Every variable the expression reads (through operations and passive code alike).</summary>
    public static void Reads(Expr expr, HashSet<string> reads)
    {
        switch (expr)
        {
            case VarExpr v:
                reads.Add(v.Name);
                break;
            case PassiveExpr p:
                foreach (var name in p.Reads)
                {
                    reads.Add(name);
                }

                break;
            default:
                foreach (var child in Children(expr))
                {
                    Reads(child, reads);
                }

                break;
        }
    }
}
