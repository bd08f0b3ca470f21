using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Differentiation;
using Diff.Generator.Model;

namespace Diff.Generator.Emission;

/// <summary>Writes the header of a for loop from its lowered form: <c>for (int i = 0; i &lt; n; i++)</c>.</summary>
internal static class LoopHeader
{
    /// <param name="hoisted">Variables declared at the top of the member, whose loop declaration becomes an assignment.</param>
    /// <param name="before">Where initializers that cannot be written in the header go.</param>
    /// <param name="initialized">Whether the code before the loop has set the counter already (the header has no initializer).</param>
    public static string Write(ForStmt loop, MethodInfo method, ISet<string>? hoisted, SourceWriter before, bool initialized = false)
    {
        var init = initialized ? new List<AssignStmt>() : loop.Init.OfType<AssignStmt>().ToList();
        string initText;
        var declarations = init.Where(a => a.IsDeclaration && (hoisted is null || !hoisted.Contains(a.Target))).ToList();
        if (declarations.Count == init.Count && init.Count > 0 && init.Select(a => method.TypeOf(a.Target)).Distinct().Count() == 1)
        {
            initText = method.TypeOf(init[0].Target) + " " + string.Join(", ", init.Select(a => a.Target + " = " + ExpressionWalker.Primal(a.Value).Text));
        }
        else if (declarations.Count == 0)
        {
            initText = string.Join(", ", init.Select(a => a.Target + " = " + ExpressionWalker.Primal(a.Value).Text));
        }
        else
        {
            foreach (var a in init)
            {
                var type = declarations.Contains(a) ? method.TypeOf(a.Target) + " " : string.Empty;
                before.Line($"{type}{a.Target} = {ExpressionWalker.Primal(a.Value).Text};");
            }

            initText = string.Empty;
        }

        var condition = loop.Condition?.Text ?? string.Empty;
        var increment = string.Join(", ", loop.Increment.OfType<AssignStmt>().Select(a => a.PrintText ?? a.Target + " = " + ExpressionWalker.Primal(a.Value).Text));
        return $"for ({initText}; {condition}; {increment})";
    }
}
