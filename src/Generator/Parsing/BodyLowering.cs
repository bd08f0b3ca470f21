using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// Lowers the statements of a method body (from its <see cref="IOperation"/> tree) to <see cref="Stmt"/>s, reporting
/// every statement it does not support at that statement.
/// </summary>
internal sealed class BodyLowering
{
    private readonly LoweringContext _context;
    private readonly ExpressionLowering _expressions;

    public BodyLowering(LoweringContext context, ExpressionLowering expressions)
    {
        _context = context;
        _expressions = expressions;
    }

    public List<Stmt> LowerBlock(IEnumerable<IOperation> operations)
    {
        var block = new List<Stmt>();
        foreach (var operation in operations)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            Lower(operation, block);
        }

        return block;
    }

    private void Lower(IOperation operation, List<Stmt> block)
    {
        switch (operation)
        {
            case IBlockOperation nested:
                block.AddRange(LowerBlock(nested.Operations));
                return;
            case IEmptyOperation:
                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        Declare(declarator, declaration.Initializer, block);
                    }
                }

                return;
            case IExpressionStatementOperation { Operation: var expression }:
                ExpressionStatement(expression, block);
                return;
            case IReturnOperation { ReturnedValue: { } value } ret:
                var returnSource = LoweringContext.Source(ret.Syntax);
                _expressions.BeginStatement(returnSource);
                Add(block, new ReturnStmt(_expressions.LowerValue(value, forReturn: true), returnSource));
                return;
            case IConditionalOperation conditional:
                If(conditional, block);
                return;
            case IForLoopOperation loop:
                For(loop, block);
                return;
        }

        _context.Report(DiagnosticDescriptors.UnsupportedStatement, operation.Syntax, StatementName(operation));
    }

    /// <summary>Adds a statement after the statements its expressions needed first (conditional expressions).</summary>
    private void Add(List<Stmt> block, Stmt statement)
    {
        block.AddRange(_expressions.Pending);
        _expressions.Pending.Clear();
        block.Add(statement);
    }

    private void Declare(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? shared, List<Stmt> block)
    {
        var local = declarator.Symbol;
        var kind = Types.KindOf(local.Type);
        if (local.RefKind != RefKind.None)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedStatement, declarator.Syntax, $"The ref local '{local.Name}'");
            return;
        }

        var variable = _context.AddLocal(local, kind, Types.Name(local.Type));
        var initializer = declarator.Initializer ?? shared;
        var source = LoweringContext.Source(declarator.Syntax.Parent?.Parent ?? declarator.Syntax);
        if (initializer is null)
        {
            block.Add(new DeclareStmt(variable.Name, source));
            return;
        }

        _expressions.BeginStatement(source);
        if (kind.IsTensor())
        {
            _context.Shapes.Declare(local, initializer.Value);
        }

        var value = _expressions.LowerValue(initializer.Value);
        if (kind.IsArray() && value is not PassiveExpr)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedStatement, declarator.Syntax,
                $"The array local '{local.Name}' holding a differentiated array (read the parameter itself by index)");
            return;
        }

        Add(block, new AssignStmt(variable.Name, value, true, null, source));
    }

    private void ExpressionStatement(IOperation expression, List<Stmt> block)
    {
        var source = LoweringContext.Source(expression.Syntax);
        switch (expression)
        {
            case ISimpleAssignmentOperation assignment when Target(assignment.Target) is { } target:
                _expressions.BeginStatement(source);
                var value = _expressions.LowerValue(assignment.Value);
                if (target.Kind.IsArray() && value is not PassiveExpr)
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedStatement, expression.Syntax,
                        $"The assignment of a differentiated array to '{target.Name}' (read the parameter itself by index)");
                    return;
                }

                Add(block, new AssignStmt(target.Name, value, false, null, source));
                return;
            case ICompoundAssignmentOperation compound when Target(compound.Target) is { } target:
                Compound(compound, target, source, block);
                return;
            case IIncrementOrDecrementOperation increment when Target(increment.Target) is { } target:
                Increment(increment, target, source, block);
                return;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                return;
        }

        _context.Report(DiagnosticDescriptors.UnsupportedStatement, expression.Syntax,
            expression is IInvocationOperation ? $"A call whose result is discarded ('{expression.Syntax}')" : $"The expression statement '{expression.Syntax}'");
    }

    /// <summary>The local or parameter an assignment writes, or null (with DIFF0008) for a write outside the method.</summary>
    private VariableModel? Target(IOperation target)
    {
        var symbol = target switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null && _context.Lookup(symbol) is { } variable)
        {
            return variable;
        }

        _context.Report(DiagnosticDescriptors.WriteOutside, target.Syntax, WriteName(target));
        return null;
    }

    private static string WriteName(IOperation target) => target switch
    {
        IFieldReferenceOperation f => $"the field '{f.Field.Name}'",
        IPropertyReferenceOperation p => $"the property '{p.Property.Name}'",
        IArrayElementReferenceOperation => $"the array element '{target.Syntax}'",
        IParameterReferenceOperation p => $"the {p.Parameter.RefKind.ToString().ToLowerInvariant()} parameter '{p.Parameter.Name}'",
        _ => $"'{target.Syntax}'",
    };

    private void Compound(ICompoundAssignmentOperation compound, VariableModel target, SourceInfo source, List<Stmt> block)
    {
        OpCode? op = compound.OperatorKind switch
        {
            BinaryOperatorKind.Add => OpCode.Add,
            BinaryOperatorKind.Subtract => OpCode.Subtract,
            BinaryOperatorKind.Multiply => OpCode.Multiply,
            BinaryOperatorKind.Divide => OpCode.Divide,
            _ => null,
        };
        if (target.Kind == ValueKind.Passive)
        {
            var operand = _expressions.Printer.Print(compound.Value, ValueKind.Passive);
            var token = ((AssignmentExpressionSyntax)compound.Syntax).OperatorToken.Text;
            var operandText = operand.IsSimple ? operand.Text : "(" + operand.Text + ")";
            var text = target.Name + " " + token.Substring(0, token.Length - 1) + " " + operandText;
            var combined = new PassiveExpr(text, ValueKind.Passive, target.TypeName, operand.Reads.Concat(new[] { target.Name }).Distinct().ToEquatableArray(), false)
            {
                // i += 2, i -= 1 on an int: the counter plus a constant.
                Affine = target.TypeName == "int" && operand.Affine is { Variable: null, Offset: var step } && token is "+=" or "-="
                    ? new AffineIndex(target.Name, token == "+=" ? step : -step)
                    : null,
            };
            Add(block, new AssignStmt(target.Name, combined, false, target.Name + " " + token + " " + operand.Text, source));
            return;
        }

        if (op is null)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedExpression, compound.Syntax, $"the operator '{((AssignmentExpressionSyntax)compound.Syntax).OperatorToken.Text}' in '{compound.Syntax}'");
            return;
        }

        _expressions.BeginStatement(source);
        var current = new VarExpr(target.Name, target.Kind);
        if (!target.Kind.IsScalar())
        {
            // t *= u on tensors: the operator method, with its registered derivatives.
            Add(block, new AssignStmt(target.Name, _expressions.LowerCompound(compound, current), false, null, source));
            return;
        }

        var value = _expressions.LowerValue(compound.Value);
        Add(block, new AssignStmt(target.Name, new OpExpr(op.Value, new EquatableArray<Expr>(new Expr[] { current, value }), target.Kind), false, null, source));
    }

    private void Increment(IIncrementOrDecrementOperation increment, VariableModel target, SourceInfo source, List<Stmt> block)
    {
        var decrement = increment.Kind == OperationKind.Decrement;
        if (target.Kind == ValueKind.Passive)
        {
            var text = target.Name + (decrement ? " - 1" : " + 1");
            var value = new PassiveExpr(text, ValueKind.Passive, target.TypeName, new EquatableArray<string>(new[] { target.Name }), false)
            {
                Affine = target.TypeName == "int" ? new AffineIndex(target.Name, decrement ? -1 : 1) : null,
            };
            Add(block, new AssignStmt(target.Name, value, false, target.Name + (decrement ? "--" : "++"), source));
            return;
        }

        var one = new PassiveExpr("1.0", ValueKind.Real, TypeNames.Double, EquatableArray<string>.Empty, true);
        var op = decrement ? OpCode.Subtract : OpCode.Add;
        Add(block, new AssignStmt(target.Name, new OpExpr(op, new EquatableArray<Expr>(new Expr[] { new VarExpr(target.Name, target.Kind), one }), target.Kind), false, null, source));
    }

    private void If(IConditionalOperation conditional, List<Stmt> block)
    {
        var condition = _expressions.Printer.Print(conditional.Condition, ValueKind.Passive);
        var whenTrue = LowerBlock(new[] { conditional.WhenTrue });
        var whenFalse = conditional.WhenFalse is null ? new List<Stmt>() : LowerBlock(new[] { conditional.WhenFalse });
        var source = LoweringContext.Source(((IfStatementSyntax)conditional.Syntax).Condition);
        Add(block, new IfStmt(condition, whenTrue.ToEquatableArray(), whenFalse.ToEquatableArray(), source with { Text = "if (" + source.Text + ")" }));
    }

    private void For(IForLoopOperation loop, List<Stmt> block)
    {
        var syntax = (ForStatementSyntax)loop.Syntax;
        var header = LoweringContext.Source(syntax);
        header = header with { Text = "for (" + syntax.Declaration + syntax.Initializers + "; " + syntax.Condition + "; " + syntax.Incrementors + ")" };

        var init = LowerBlock(loop.Before);
        var written = new HashSet<string>();
        foreach (var statement in init)
        {
            if (statement is AssignStmt { Value: not PassiveExpr } or AssignStmt { Value.Kind: not ValueKind.Passive })
            {
                _context.Report(DiagnosticDescriptors.UnsupportedStatement, syntax.Declaration ?? (SyntaxNode)syntax, "A for loop whose initializer sets a double or Complex value");
            }

            if (statement is AssignStmt a)
            {
                written.Add(a.Target);
            }
        }

        var condition = loop.Condition is null ? null : _expressions.Printer.Print(loop.Condition, ValueKind.Passive);
        var increment = LowerBlock(loop.AtLoopBottom);
        foreach (var statement in increment)
        {
            if (statement is not AssignStmt { Value: PassiveExpr { Kind: ValueKind.Passive } })
            {
                _context.Report(DiagnosticDescriptors.UnsupportedStatement, syntax, "A for loop whose increment sets a double or Complex value");
            }
        }

        var body = LowerBlock(new[] { loop.Body });
        var counter = init.OfType<AssignStmt>().Select(a => a.Target).FirstOrDefault()
                      ?? increment.OfType<AssignStmt>().Select(a => a.Target).FirstOrDefault()
                      ?? "loop";
        block.Add(new ForStmt(init.ToEquatableArray(), condition, increment.ToEquatableArray(), body.ToEquatableArray(), counter, header));
    }

    private static string StatementName(IOperation operation) => operation switch
    {
        IWhileLoopOperation { ConditionIsTop: true } => "A while loop",
        IWhileLoopOperation => "A do-while loop",
        IForEachLoopOperation => "A foreach loop",
        IBranchOperation { BranchKind: BranchKind.Break } => "A break statement",
        IBranchOperation { BranchKind: BranchKind.Continue } => "A continue statement",
        IBranchOperation => "A goto statement",
        ILabeledOperation => "A labeled statement",
        ITryOperation => "A try statement",
        ISwitchOperation => "A switch statement",
        ILocalFunctionOperation => "A local function",
        IUsingOperation or IUsingDeclarationOperation => "A using statement",
        ILockOperation => "A lock statement",
        IThrowOperation => "A throw statement",
        IReturnOperation => "A return without value",
        _ => $"The statement '{operation.Syntax}'",
    };
}
