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
    public static Code Primal(Expr expr) => Primal(expr, null);

    /// <summary>The value of <paramref name="expr"/>, with the subexpressions in <paramref name="known"/> read from the locals given there.</summary>
    public static Code Primal(Expr expr, IReadOnlyDictionary<Expr, Code>? known)
    {
        if (known is not null && known.TryGetValue(expr, out var local))
        {
            return local;
        }

        switch (expr)
        {
            case VarExpr v:
                return C.Name(v.Name, v.Kind);
            case PassiveExpr p:
                return C.Passive(p.Text, p.IsSimple, p.Kind, p.TypeName);
            default:
                var children = Children(expr);
                var args = new Code[children.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Primal(children[i], known);
                }

                return Rule(expr).Primal(args, expr.Kind);
        }
    }

    /// <summary>
    /// Operations that cost far more than an addition (transcendental functions): inside loops the forward sweep
    /// records their values for the reverse sweep rather than have it compute them again.
    /// </summary>
    public static bool IsCostly(Expr expr) => expr is OpExpr
    {
        Op: OpCode.Sin or OpCode.Cos or OpCode.Tan or OpCode.Asin or OpCode.Acos or OpCode.Atan or OpCode.Atan2
            or OpCode.Sinh or OpCode.Cosh or OpCode.Tanh or OpCode.Exp or OpCode.Log or OpCode.LogBase or OpCode.Log10
            or OpCode.Log2 or OpCode.Pow or OpCode.Cbrt,
        Kind: ValueKind.Real or ValueKind.Complex,
    };

    /// <summary>The number of nodes of an expression tree.</summary>
    public static int Size(Expr expr)
    {
        var size = 1;
        foreach (var child in Children(expr))
        {
            size += Size(child);
        }

        return size;
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
