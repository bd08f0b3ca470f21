using Diff.Generator.Model;

namespace Diff.Generator.Emission;

/// <summary>Names for generated locals that echo what they hold: <c>sinV</c>, <c>product</c>, <c>vBar</c>.</summary>
internal static class Hints
{
    public static string For(Expr expr) => expr switch
    {
        OpExpr { Op: OpCode.Add } => "sum",
        OpExpr { Op: OpCode.Subtract } => "difference",
        OpExpr { Op: OpCode.Multiply } => "product",
        OpExpr { Op: OpCode.Divide } => "quotient",
        OpExpr { Op: OpCode.Negate } => "negated",
        OpExpr { Op: OpCode.ToComplex } op => For(op.Args[0]),
        OpExpr op when op.Args.Count == 1 && op.Args[0] is VarExpr v => Lower(op.Op.ToString()) + Capitalize(v.Name),
        OpExpr op => Lower(op.Op.ToString()),
        CallExpr call => call.Target.Hint,
        VarExpr v => v.Name,
        _ => "value",
    };

    /// <summary><c>x</c> → <c>X</c>, for names built around a user's name (<c>alongX</c>); <c>@class</c> → <c>Class</c>.</summary>
    public static string Capitalize(string name)
    {
        name = NameScope.Plain(name);
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    private static string Lower(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
