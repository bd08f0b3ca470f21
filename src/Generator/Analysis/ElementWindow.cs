using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Differentiation;
using Diff.Generator.Model;

namespace Diff.Generator.Analysis;

/// <summary>
/// An array the fused loop (<see cref="FusedLoop"/>) reads only at the counter plus constants, <c>x[i + Min]</c> to
/// <c>x[i + Max]</c>, with the counter going up by one. Iteration <c>i</c> is then the last to reach
/// <c>x̄[i + Min]</c>, so the adjoint can write each element once, with <c>=</c>: the shares an iteration gives the
/// elements after <c>i + Min</c> are carried in locals to the iterations that finish them. The array adjoint is then
/// allocated without zeroing (the elements the loop does not reach are cleared), and no iteration reads back what
/// the one before it stored. For a gradient over a large array this halves the memory traffic: zeroing an array
/// the size of the input costs about as much as the function itself.
/// </summary>
/// <remarks>
/// The conditions: the loop's initializer declares the <c>int</c> counter alone and its increment is
/// <c>counter++</c> (or <c>counter += 1</c>), its first value an integer literal; the loop reads the array only by element, each index the counter plus
/// or minus an integer literal, at most <see cref="MaxWidth"/> apart, none below the first element; the statements after the loop and the return,
/// whose reverse steps run before the loop, do not read the array. The body of a fused loop is straight-line, so
/// every element read happens in every iteration and <c>x̄[i + Min]</c> is in range whenever the iteration runs.
/// </remarks>
internal sealed record ElementWindow(string Array, string Counter, int Min, int Max)
{
    /// <summary>The widest window carried, in elements: beyond it the loop keeps the zeroed array.</summary>
    public const int MaxWidth = 4;

    /// <summary>The number of elements carried from one iteration to the next.</summary>
    public int Width => Max - Min;

    /// <summary>The windows of the active arrays <paramref name="loop"/> reads (none when its counter does not qualify).</summary>
    public static IReadOnlyList<ElementWindow> Find(MethodInfo method, ForStmt loop, IEnumerable<Stmt> afterLoop)
    {
        var windows = new List<ElementWindow>();
        if (loop.Init.Count != 1 || loop.Init[0] is not AssignStmt { IsDeclaration: true } init || method.TypeOf(init.Target) != "int"
            || loop.Increment.Count != 1 || loop.Increment[0] is not AssignStmt { Value: PassiveExpr { Affine: { Offset: 1 } step } } increment
            || increment.Target != init.Target || step.Variable != init.Target)
        {
            return windows;
        }

        var counter = init.Target;
        if (init.Value is not PassiveExpr { Affine: { Variable: null, Offset: var start } } || start < 0)
        {
            return windows;
        }

        var after = afterLoop.ToList();
        foreach (var variable in method.Model.Variables)
        {
            if (!variable.Kind.IsArray() || !method.Activity.IsActive(variable.Name))
            {
                continue;
            }

            var offsets = new HashSet<int>();
            var plain = true;
            foreach (var assign in loop.Body.OfType<AssignStmt>())
            {
                plain &= Collect(assign.Value, variable.Name, counter, offsets);
            }

            if (!plain || offsets.Count == 0 || offsets.Max() - offsets.Min() > MaxWidth || start + offsets.Min() < 0 || after.Any(s => Touches(s, variable.Name)))
            {
                continue;
            }

            windows.Add(new ElementWindow(variable.Name, counter, offsets.Min(), offsets.Max()));
        }

        return windows;
    }

    /// <summary>The counter's first value, an integer constant (checked by <see cref="Find"/>).</summary>
    public static int Start(ForStmt loop) => ((PassiveExpr)((AssignStmt)loop.Init[0]).Value).Affine!.Offset;

    /// <summary>The index <c>counter + offset</c> as the generated code writes it: <c>i</c>, <c>i + 1</c>, <c>i - 2</c>.</summary>
    public static string Index(string counter, int offset) =>
        offset == 0 ? counter : offset > 0 ? $"{counter} + {offset}" : $"{counter} - {-offset}";

    /// <summary>The constant <c>c</c> of an element index <c>counter + c</c> (from the index's IR), else null.</summary>
    public static int? Offset(Expr index, string counter) =>
        index is PassiveExpr { Affine: { } affine } && affine.Variable == counter ? affine.Offset : null;

    /// <summary>Adds the offsets of <paramref name="array"/>'s element reads; false if it is read otherwise.</summary>
    private static bool Collect(Expr expr, string array, string counter, HashSet<int> offsets)
    {
        switch (expr)
        {
            case VarExpr v:
                return v.Name != array;
            case OpExpr { Op: OpCode.Element } element when element.Args[0] is VarExpr { Name: var name } && name == array:
                if (element.Args.Count != 2 || Offset(element.Args[1], counter) is not { } offset)
                {
                    return false;
                }

                offsets.Add(offset);
                return true;
            default:
                var plain = true;
                foreach (var child in ExpressionWalker.Children(expr))
                {
                    plain &= Collect(child, array, counter, offsets);
                }

                return plain;
        }
    }

    /// <summary>Whether <paramref name="statement"/> reads <paramref name="array"/> in a differentiable way (its length does not count).</summary>
    private static bool Touches(Stmt statement, string array) => statement switch
    {
        AssignStmt assign => Reads(assign.Value, array),
        ReturnStmt ret => Reads(ret.Value, array),
        _ => true,
    };

    private static bool Reads(Expr expr, string array) =>
        expr is VarExpr v ? v.Name == array : ExpressionWalker.Children(expr).Any(child => Reads(child, array));
}
