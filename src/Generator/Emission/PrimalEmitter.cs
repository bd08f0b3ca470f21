using System.Collections.Generic;
using Diff.Generator.Differentiation;
using Diff.Generator.Model;

namespace Diff.Generator.Emission;

/// <summary>
/// Writes a method's own statements as they are, without derivatives: the value of an element function of
/// <c>Ops.Map</c>, which the generated code passes to <c>Ops.Map</c> as a method group.
/// </summary>
internal static class PrimalEmitter
{
    public static void EmitBody(MethodInfo method, SourceWriter writer) => Block(method, method.Model.Body, writer);

    private static void Block(MethodInfo method, IEnumerable<Stmt> block, SourceWriter writer)
    {
        foreach (var statement in block)
        {
            switch (statement)
            {
                case DeclareStmt declare:
                    writer.Line($"{method.TypeOf(declare.Target)} {declare.Target};");
                    break;
                case AssignStmt assign when assign.PrintText is { } text && !assign.IsDeclaration:
                    writer.Line(text + ";");
                    break;
                case AssignStmt assign:
                    var declaration = assign.IsDeclaration ? method.TypeOf(assign.Target) + " " : string.Empty;
                    writer.Line($"{declaration}{assign.Target} = {ExpressionWalker.Primal(assign.Value).Text};");
                    break;
                case IfStmt { IsReturnGuard: true } guard:
                    // Returns leave the loop directly here, so what follows it runs only when none did.
                    Block(method, guard.Then, writer);
                    break;
                case IfStmt branch:
                    writer.Open($"if ({branch.Condition.Text})");
                    Block(method, branch.Then, writer);
                    writer.Close();
                    if (branch.Else.Count > 0)
                    {
                        writer.Open("else");
                        Block(method, branch.Else, writer);
                        writer.Close();
                    }

                    break;
                case ForStmt loop:
                    writer.Open(LoopHeader.Write(loop, method, hoisted: null, writer));
                    Block(method, loop.Body, writer);
                    writer.Close();
                    break;
                case ReturnStmt ret:
                    writer.Line($"return {ExpressionWalker.Primal(ret.Value).Text};");
                    break;
            }
        }
    }
}
