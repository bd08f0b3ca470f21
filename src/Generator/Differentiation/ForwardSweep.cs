using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>
/// The forward sweep of an adjoint: the method's statements as written, plus what the reverse sweep needs —
/// values saved before they are overwritten, branch decisions, and loop trip counts.
/// </summary>
internal sealed class ForwardSweep
{
    private readonly ReverseMode _owner;
    private readonly MethodInfo _method;
    private readonly string _value;

    public ForwardSweep(ReverseMode owner, string value)
    {
        _owner = owner;
        _method = owner.Method;
        _value = value;
    }

    public void Block(IReadOnlyList<Stmt> block, string path, int loopDepth, int ifDepth, SourceWriter writer, int from = 0, int to = -1)
    {
        for (var i = from; i < (to < 0 ? block.Count : to); i++)
        {
            Statement(block[i], path + "." + i, loopDepth, ifDepth, writer);
        }
    }

    private void Statement(Stmt statement, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        switch (statement)
        {
            case DeclareStmt declare:
                if (!_owner.Plan.Hoisted.Contains(declare.Target))
                {
                    writer.Line($"{_method.TypeOf(declare.Target)} {declare.Target};");
                }
                else
                {
                    HoistVariable(declare.Target);
                }

                break;
            case AssignStmt assign:
                Save(assign, path, loopDepth, ifDepth, writer);
                if (!SplitCall(assign, path, loopDepth, ifDepth, writer))
                {
                    Assign(assign, path, loopDepth, ifDepth, writer);
                }

                break;
            case IfStmt branch:
                If(branch, path, loopDepth, ifDepth, writer);
                break;
            case ForStmt loop:
                For(loop, path, loopDepth, ifDepth, writer);
                break;
            case ReturnStmt ret:
                var value = ExpressionWalker.Primal(ret.Value, Record(ret, path, loopDepth, ifDepth, writer)).Text;
                writer.Line(loopDepth == 0 && ifDepth == 0 ? $"{_method.ReturnType} {_value} = {value};" : $"{_value} = {value};");
                break;
        }
    }

    private readonly HashSet<string> _hoistedDeclared = new();

    private void HoistVariable(string name)
    {
        if (_hoistedDeclared.Add(name))
        {
            var variable = _method.Variable(name);
            _owner.Hoist(variable.TypeName, name, variable.Kind != ValueKind.Passive ? TypeNames.Initial(variable.Kind) : variable.IsReferenceType ? "default!" : "default");
        }
    }

    private void Assign(AssignStmt assign, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        var declare = assign.IsDeclaration && !_owner.Plan.Hoisted.Contains(assign.Target);
        if (assign.IsDeclaration && !declare)
        {
            HoistVariable(assign.Target);
        }

        if (assign.PrintText is { } text && !declare)
        {
            writer.Line(text + ";");
            return;
        }

        var known = Record(assign, path, loopDepth, ifDepth, writer);
        var type = declare ? _method.TypeOf(assign.Target) + " " : string.Empty;
        writer.Line($"{type}{assign.Target} = {ExpressionWalker.Primal(assign.Value, known).Text};");
    }

    /// <summary>
    /// Names the values of <paramref name="statement"/>'s subexpressions that the reverse sweep reads
    /// (<see cref="Analysis.ReversePlan.Recorded"/>) as it computes them: locals of the member in its own block, pushed
    /// on a stack inside loops. Returns them for the statement's own expression, or null.
    /// </summary>
    private Dictionary<Expr, Code>? Record(Stmt statement, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        if ((loopDepth == 0 && ifDepth > 0) || (statement is ReturnStmt && loopDepth > 0))
        {
            return null;
        }

        Dictionary<Expr, Code>? known = null;
        var recorded = _owner.Plan.Recorded(statement);
        for (var i = 0; i < recorded.Count; i++)
        {
            known ??= new Dictionary<Expr, Code>();
            var hint = Hints.For(recorded[i]);
            var kind = TypeNames.Of(recorded[i]);
            var local = loopDepth == 0 ? _owner.Slot(path + ".record." + i, hint) : _owner.Names.Fresh(hint);
            writer.Line($"{kind} {local} = {ExpressionWalker.Primal(recorded[i], known).Text};");
            if (loopDepth > 0)
            {
                writer.Line($"{_owner.Tape(path + ".record." + i, hint, kind)}.Push({local});");
            }

            known[recorded[i]] = C.Name(local, recorded[i].Kind);
        }

        return known;
    }

    /// <summary>
    /// <c>v = F(…)</c> where F's reverse rule is registered in two parts: the forward part gives the value and the
    /// residual, kept (in a local, or on a stack inside loops) for the backward part in the reverse sweep.
    /// </summary>
    private bool SplitCall(AssignStmt assign, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        if (assign.Value is not CallExpr { Target.Split: { } split } call || !_method.Activity.IsActive(assign.Target) || !_method.Activity.IsActive(call))
        {
            return false;
        }

        var declare = assign.IsDeclaration && !_owner.Plan.Hoisted.Contains(assign.Target);
        if (assign.IsDeclaration && !declare)
        {
            HoistVariable(assign.Target);
        }

        var target = declare ? "var " + assign.Target : assign.Target;
        var slot = _owner.Slot(path + ".residual", assign.Target + "Residual");
        var arguments = string.Join(", ", call.Args.Select(a => ExpressionWalker.Primal(a).Text));
        if (declare && (loopDepth > 0 || ifDepth == 0))
        {
            writer.Line($"var ({assign.Target}, {slot}) = {split.Forward}({arguments});");
            if (loopDepth > 0)
            {
                writer.Line($"{_owner.Tape(path + ".residual", slot, split.ResidualType)}.Push({slot});");
            }
        }
        else if (loopDepth > 0)
        {
            writer.Line($"({target}, var {slot}) = {split.Forward}({arguments});");
            writer.Line($"{_owner.Tape(path + ".residual", slot, split.ResidualType)}.Push({slot});");
        }
        else if (ifDepth == 0)
        {
            writer.Line($"({target}, var {slot}) = {split.Forward}({arguments});");
        }
        else
        {
            _owner.Hoist(split.ResidualType, slot, "default!");
            writer.Line($"({target}, {slot}) = {split.Forward}({arguments});");
        }

        return true;
    }

    /// <summary>Saves the value an assignment overwrites when the reverse sweep needs it.</summary>
    private void Save(AssignStmt assign, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        if (!_owner.Plan.IsSaved(assign, loopDepth))
        {
            return;
        }

        if (assign.IsDeclaration || _owner.Plan.Hoisted.Contains(assign.Target))
        {
            HoistVariable(assign.Target);
        }

        var type = _method.TypeOf(assign.Target);
        if (loopDepth > 0)
        {
            writer.Line($"{_owner.Tape(assign.Target, assign.Target, type)}.Push({assign.Target});");
            return;
        }

        var slot = _owner.Slot(path, assign.Target + "Saved");
        if (ifDepth == 0)
        {
            writer.Line($"{type} {slot} = {assign.Target};");
        }
        else
        {
            var variable = _method.Variable(assign.Target);
            _owner.Hoist(type, slot, variable.Kind.IsReference() || variable.IsReferenceType ? "default!" : "default");
            writer.Line($"{slot} = {assign.Target};");
        }
    }

    private void If(IfStmt branch, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        var condition = branch.Condition.Text;
        if (_owner.Plan.NeedsReverse(branch, loopDepth))
        {
            var record = _owner.Slot(path, "branch");
            if (loopDepth > 0)
            {
                writer.Line($"bool {record} = {condition};");
                writer.Line($"{_owner.Tape(path, record, "bool")}.Push({record});");
            }
            else if (ifDepth == 0)
            {
                writer.Line($"bool {record} = {condition};");
            }
            else
            {
                _owner.Hoist("bool", record, "false");
                writer.Line($"{record} = {condition};");
            }

            condition = record;
        }

        writer.Open($"if ({condition})");
        Block(branch.Then, path + ".then", loopDepth, ifDepth + 1, writer);
        writer.Close();
        if (branch.Else.Count > 0)
        {
            writer.Open("else");
            Block(branch.Else, path + ".else", loopDepth, ifDepth + 1, writer);
            writer.Close();
        }
    }

    private void For(ForStmt loop, string path, int loopDepth, int ifDepth, SourceWriter writer)
    {
        var recorded = _owner.Plan.NeedsReverse(loop, loopDepth);
        string? count = null;
        if (recorded)
        {
            count = _owner.Slot(path, loop.CounterName + "Count");
            if (loopDepth == 0 && ifDepth > 0)
            {
                _owner.Hoist("int", count, "0");
                writer.Line($"{count} = 0;");
            }
            else
            {
                writer.Line($"int {count} = 0;");
            }
        }

        for (var i = 0; i < loop.Init.Count; i++)
        {
            if (loop.Init[i] is AssignStmt init)
            {
                Save(init, path + ".init." + i, loopDepth, ifDepth, writer);
                if (init.IsDeclaration && _owner.Plan.Hoisted.Contains(init.Target))
                {
                    HoistVariable(init.Target);
                }
            }
        }

        writer.Open(LoopHeader.Write(loop, _method, _owner.Plan.Hoisted, writer));
        Block(loop.Body, path + ".body", loopDepth + 1, ifDepth, writer);
        for (var i = 0; i < loop.Increment.Count; i++)
        {
            if (loop.Increment[i] is AssignStmt increment)
            {
                Save(increment, path + ".increment." + i, loopDepth + 1, ifDepth, writer);
            }
        }

        if (count is not null)
        {
            writer.Line($"{count}++;");
        }

        writer.Close();
        if (count is not null && loopDepth > 0)
        {
            writer.Line($"{_owner.Tape(path, count, "int")}.Push({count});");
        }
    }
}
