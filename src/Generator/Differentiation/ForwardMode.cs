using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Differentiation.Rules;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>
/// Writes the body of <c>{F}Tangent</c>: the method's own statements, each active assignment preceded by the
/// assignment of its tangent (<c>dv = …; v = …;</c>), and every return returning the value with its tangent.
/// </summary>
internal sealed class ForwardMode : IEmitScope
{
    private readonly MethodInfo _method;
    private readonly NameScope _names;
    private readonly Dictionary<string, string> _tangents = new();
    private SourceWriter _writer;

    public ForwardMode(MethodInfo method, NameScope names, SourceWriter writer)
    {
        _method = method;
        _names = names;
        _writer = writer;
    }

    public void EmitBody()
    {
        foreach (var parameter in _method.Model.Parameters)
        {
            if (!_method.Activity.IsActive(parameter.Name))
            {
                continue;
            }

            if (parameter.IsDifferentiable)
            {
                _tangents[parameter.Name] = _method.TangentName(parameter);
            }
            else
            {
                // A constant parameter that is later given a value that depends on the inputs.
                var name = Tangent(parameter.Name);
                _writer.Line($"{parameter.TypeName} {name} = {TypeNames.ZeroLike(parameter.Kind, parameter.Name)};");
            }
        }

        Block(_method.Model.Body);
    }

    private string Tangent(string variable)
    {
        if (!_tangents.TryGetValue(variable, out var name))
        {
            name = _names.Fresh("d" + variable);
            _tangents[variable] = name;
        }

        return name;
    }

    private void Block(IEnumerable<Stmt> block)
    {
        foreach (var statement in block)
        {
            Statement(statement);
        }
    }

    private void Statement(Stmt statement)
    {
        switch (statement)
        {
            case DeclareStmt declare:
                var type = _method.TypeOf(declare.Target);
                _writer.Line($"{type} {declare.Target};");
                if (_method.Activity.IsActive(declare.Target))
                {
                    _writer.Line($"{type} {Tangent(declare.Target)};");
                }

                break;
            case AssignStmt assign:
                Assign(assign);
                break;
            case IfStmt { IsReturnGuard: true } guard:
                // Forward mode returns from inside the loop, so what follows it runs only when it did not.
                Block(guard.Then);
                break;
            case IfStmt branch:
                _lastComment = null;
                _writer.Open($"if ({branch.Condition.Text})");
                Block(branch.Then);
                _writer.Close();
                if (branch.Else.Count > 0)
                {
                    _writer.Open("else");
                    Block(branch.Else);
                    _writer.Close();
                }

                break;
            case ForStmt loop:
                _lastComment = null;
                var header = LoopHeader.Write(loop, _method, hoisted: null, _writer);
                _writer.Open(header);
                Block(loop.Body);
                _writer.Close();
                break;
            case ReturnStmt ret:
                Comment(ret.Source);
                _operands.Clear();
                var (value, tangent) = Forward(ret.Value);
                if (tangent is null && _method.Model.ReturnKind.IsReference() && !value.IsCheap)
                {
                    value = Materialize(value, "value");
                }

                var tangentText = tangent?.Text ?? TypeNames.ZeroLike(_method.Model.ReturnKind, value.Text);
                _writer.Line($"return ({value.Text}, {tangentText});");
                break;
        }
    }

    private string? _lastComment;

    /// <summary>
    /// Names the source line a differentiated statement comes from, once for the locals one statement's tensor
    /// operations get.
    /// </summary>
    private void Comment(SourceInfo source)
    {
        if (source.Text != _lastComment && source.Line > 0)
        {
            _writer.Line(source.Comment);
        }

        _lastComment = source.Text;
    }

    private void Assign(AssignStmt assign)
    {
        var declaration = assign.IsDeclaration ? _method.TypeOf(assign.Target) + " " : string.Empty;
        if (!_method.Activity.IsActive(assign.Target))
        {
            _writer.Line(assign.PrintText is { } text && !assign.IsDeclaration
                ? text + ";"
                : $"{declaration}{assign.Target} = {ExpressionWalker.Primal(assign.Value).Text};");
            return;
        }

        Comment(assign.Source);
        var kind = _method.Variable(assign.Target).Kind;
        if (assign.Value is CallExpr && _method.Activity.IsActive(assign.Value))
        {
            // A call with a tangent method deconstructs into the variable and its tangent directly.
            _root = assign.Value;
            _pending = (assign.IsDeclaration ? "var " : string.Empty, assign.Target, Tangent(assign.Target));
        }

        _operands.Clear();
        var (value, tangent) = Forward(assign.Value);
        _root = null;
        _pending = null;
        if (value.Text == assign.Target && tangent?.Text == Tangent(assign.Target))
        {
            return;
        }

        if (tangent is null && kind.IsReference())
        {
            // A tensor given a constant value: its tangent is a zero of its shape, known once it has the value.
            _writer.Line($"{declaration}{assign.Target} = {value.Text};");
            _writer.Line($"{declaration}{Tangent(assign.Target)} = {TypeNames.ZeroLike(kind, assign.Target)};");
            return;
        }

        var tangentText = (tangent ?? C.Zero(kind)).Text;
        if (tangentText != Tangent(assign.Target) || assign.IsDeclaration)
        {
            _writer.Line($"{declaration}{Tangent(assign.Target)} = {tangentText};");
        }

        _writer.Line($"{declaration}{assign.Target} = {value.Text};");
    }

    /// <summary>The value and tangent (null when zero) of an expression; locals for values used more than once.</summary>
    private (Code Value, Code? Tangent) Forward(Expr expr)
    {
        switch (expr)
        {
            case VarExpr v:
                return (C.Name(v.Name, v.Kind), _method.Activity.IsActive(v.Name) ? C.Name(Tangent(v.Name), v.Kind) : null);
            case PassiveExpr:
                return (ExpressionWalker.Primal(expr), null);
        }

        if (!_method.Activity.IsActive(expr))
        {
            return (ExpressionWalker.Primal(expr), null);
        }

        var children = ExpressionWalker.Children(expr);
        var operands = new Operand[children.Count];
        for (var i = 0; i < operands.Length; i++)
        {
            // Equal operands of one statement (the two x[i] of x[i] * x[i]) are one value: computed, and if need be
            // kept in a local, once.
            if (!_operands.TryGetValue(children[i], out var operand))
            {
                var (value, tangent) = Forward(children[i]);
                var hint = Hints.For(children[i]);
                value = Code.Deferred(value, v => Materialize(v, hint));
                operand = new Operand(value, tangent, children[i].Kind, tangent is not null);
                _operands[children[i]] = operand;
            }

            operands[i] = operand;
        }

        _offer = ReferenceEquals(expr, _root) ? _pending : null;
        var result = ExpressionWalker.Rule(expr).Forward(this, operands, expr.Kind, Hints.For(expr));
        _offer = null;
        return result;
    }

    /// <summary>The operands met so far in the current statement, by value (expressions compare structurally).</summary>
    private readonly Dictionary<Expr, Operand> _operands = new();

    private Expr? _root;
    private (string Declaration, string Value, string Tangent)? _pending;
    private (string Declaration, string Value, string Tangent)? _offer;

    public (string Declaration, string Value, string Tangent)? TakeTarget()
    {
        var offer = _offer;
        _offer = null;
        return offer;
    }

    public Code Materialize(Code value, string hint)
    {
        var name = _names.Fresh(hint);
        _writer.Line($"{value.TypeName} {name} = {value.Text};");
        return C.Name(name, value.Kind);
    }

    public string Fresh(string hint) => _names.Fresh(hint);

    public void Line(string text) => _writer.Line(text);
}
