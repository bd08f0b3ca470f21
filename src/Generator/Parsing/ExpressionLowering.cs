using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// Lowers a C# expression of type <c>double</c> or <c>Complex</c> to an <see cref="Expr"/> tree, using the
/// <see cref="IOperation"/> tree (overloads and implicit conversions already resolved). A conditional expression
/// becomes an if/else on a temporary, written to <see cref="Pending"/> before the statement that uses it.
/// </summary>
internal sealed class ExpressionLowering
{
    private readonly LoweringContext _context;
    private readonly PassivePrinter _printer;
    private readonly CallResolver _calls;

    public ExpressionLowering(LoweringContext context, CallResolver calls)
    {
        _context = context;
        _printer = new PassivePrinter(context);
        _calls = calls;
    }

    /// <summary>Statements that must run before the expression just lowered (from conditional expressions).</summary>
    public List<Stmt> Pending { get; } = new();

    public PassivePrinter Printer => _printer;

    public Expr Lower(IOperation op)
    {
        var kind = Types.KindOf(op.Type);
        if (kind == ValueKind.Passive)
        {
            return _printer.Print(op, ValueKind.Passive);
        }

        if (op is IFieldReferenceOperation { Instance: null } or IPropertyReferenceOperation { Instance: null })
        {
            return _printer.Print(op, kind);
        }

        if (op.ConstantValue.HasValue)
        {
            return Constant(op, kind);
        }

        switch (op)
        {
            case ILocalReferenceOperation local:
                return Variable(local.Local, kind, op);
            case IParameterReferenceOperation parameter:
                return Variable(parameter.Parameter, kind, op);
            case IConversionOperation { OperatorMethod: { } method } conversion when IsTensorMember(method):
                return Call(method, new[] { conversion.Operand }, conversion, kind);
            case IConversionOperation conversion:
                return Conversion(conversion, kind);
            case IBinaryOperation { OperatorMethod: { } method } binary when IsTensorMember(method):
                return Call(method, new[] { binary.LeftOperand, binary.RightOperand }, binary, kind);
            case IBinaryOperation binary:
                return Binary(binary, kind);
            case IUnaryOperation { OperatorMethod: { } method } unary when IsTensorMember(method):
                return Call(method, new[] { unary.Operand }, unary, kind);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Lower(plus.Operand);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                return new OpExpr(OpCode.Negate, new EquatableArray<Expr>(new[] { Lower(minus.Operand) }), kind);
            case IArrayElementReferenceOperation element when Types.KindOf(element.ArrayReference.Type).IsArray():
                return ArrayElement(element, kind);
            case IArrayElementReferenceOperation element when Types.KindOf(element.ArrayReference.Type) == ValueKind.Passive:
                // An element of an array that is never differentiated (a [NoDerivative] Tensor[], a double[,]): a constant.
                return _printer.Print(element, kind);
            case IPropertyReferenceOperation { Instance: not null, Property: { IsIndexer: true, GetMethod: { } getter } } indexer:
                return Call(getter, new[] { indexer.Instance }.Concat(Ordered(indexer.Arguments)).ToArray(), indexer, kind);
            case IInvocationOperation invocation:
                return Invocation(invocation, kind);
            case IMemberReferenceOperation { Instance: { } instance } when Types.KindOf(instance.Type) == ValueKind.Passive
                && op is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
                && _context.Dependence?.IsVaried(instance) == false:
                // A field or property of a value that does not depend on the inputs (a [NoDerivative] struct): a constant.
                return _printer.Print(op, kind);
            case IPropertyReferenceOperation { Instance: not null } property when OperationCatalog.ForProperty(property.Property) is { } op1:
                return new OpExpr(op1, new EquatableArray<Expr>(new[] { Lower(property.Instance) }), kind);
            case IObjectCreationOperation { Constructor: { } ctor } creation when Types.IsComplex(creation.Type)
                && ctor.Parameters.Length == 2 && creation.Initializer is null:
                return new OpExpr(OpCode.ComplexNew, Arguments(creation.Arguments), kind);
            case IArrayCreationOperation creation:
                var array = _printer.Print(creation, kind);
                if (ReadsValues(array))
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedExpression, op.Syntax, $"the array '{op.Syntax}' built from differentiated values (differentiable arrays are parameters only; combine tensors with operators and Ops instead)");
                }

                return array;
            case IDefaultValueOperation:
                return new PassiveExpr(TypeNames.Zero(kind), kind, TypeNames.Of(kind, "object"), EquatableArray<string>.Empty, true);
            case IConditionalOperation { WhenFalse: not null } conditional:
                return Conditional(conditional, kind);
            case IAnonymousFunctionOperation or IDelegateCreationOperation:
                _context.Report(DiagnosticDescriptors.UnsupportedStatement, op.Syntax, "A lambda");
                return Zero(kind);
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                _context.Report(DiagnosticDescriptors.UnsupportedExpression, op.Syntax, $"an assignment inside an expression ('{op.Syntax}')");
                return Zero(kind);
        }

        _context.Report(DiagnosticDescriptors.UnsupportedExpression, op.Syntax, Describe(op));
        return Zero(kind);
    }

    public EquatableArray<Expr> Arguments(IEnumerable<IArgumentOperation> arguments) =>
        Ordered(arguments).Select(Lower).ToEquatableArray();

    private static IEnumerable<IOperation> Ordered(IEnumerable<IArgumentOperation> arguments) =>
        arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value);

    /// <summary>A member of <c>Diff.Tensor</c> or <c>Diff.ComplexTensor</c> (an operator, a conversion, an indexer).</summary>
    private static bool IsTensorMember(IMethodSymbol method) => Types.KindOf(method.ContainingType).IsTensor();

    /// <summary>
    /// Lowers a statement's value: like <see cref="Lower"/>, and then every tensor operation inside it that is not
    /// the value itself becomes a local of its own (in <see cref="Pending"/>), so the reverse sweep reads each
    /// intermediate tensor instead of computing it again. A call with a split reverse rule always gets its own
    /// statement, where the forward sweep keeps its residual.
    /// </summary>
    public Expr LowerValue(IOperation op, bool forReturn = false)
    {
        var value = Lower(op);
        return Hoist(value, root: true, forReturn);
    }

    private Expr Hoist(Expr expr, bool root, bool forReturn = false)
    {
        switch (expr)
        {
            case OpExpr o:
                var opArgs = o.Args.Select(a => Hoist(a, root: false)).ToEquatableArray();
                return o with { Args = opArgs };
            case CallExpr c:
                var callArgs = c.Args.Select(a => Hoist(a, root: false)).ToEquatableArray();
                var call = c with { Args = callArgs };
                var tensorWork = c.Kind.IsTensor() || c.Args.Any(a => a.Kind.IsTensor() || a.Kind.IsArray());
                if ((root && (c.Target.Split is null || !forReturn)) || !tensorWork)
                {
                    return call;
                }

                var temp = _context.AddTemporary(c.Target.Hint, c.Kind, TypeNames.Of(c.Kind));
                Pending.Add(new AssignStmt(temp.Name, call, true, null, _source ?? new SourceInfo(c.Target.DisplayName, 0)));
                return new VarExpr(temp.Name, c.Kind);
            default:
                return expr;
        }
    }

    private SourceInfo? _source;

    /// <summary>The statement being lowered, for the comments of the locals <see cref="LowerValue"/> makes.</summary>
    public void BeginStatement(SourceInfo source) => _source = source;

    /// <summary><c>t op= u</c> on tensors: the operator's method applied to the current value and the operand.</summary>
    public Expr LowerCompound(ICompoundAssignmentOperation compound, VarExpr current)
    {
        if (compound.OperatorMethod is not { } method)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedExpression, compound.Syntax, $"the compound assignment '{compound.Syntax}'");
            return Zero(current.Kind);
        }

        var target = _calls.Resolve(method, out var missing);
        if (target is null || missing is not null)
        {
            _context.Report(DiagnosticDescriptors.NoDerivative, compound.Syntax, missing ?? CallResolver.Display(method));
            return Zero(current.Kind);
        }

        var call = new CallExpr(target, new EquatableArray<Expr>(new[] { current, Lower(compound.Value) }), current.Kind);
        return Hoist(call, root: true);
    }

    /// <summary>A read of an element of a <c>double[]</c> or <c>Complex[]</c>: <c>x[i]</c>.</summary>
    private Expr ArrayElement(IArrayElementReferenceOperation element, ValueKind kind)
    {
        var array = Lower(element.ArrayReference);
        var args = new List<Expr> { array };
        foreach (var index in element.Indices)
        {
            args.Add(_printer.Print(index, ValueKind.Passive));
        }

        return new OpExpr(OpCode.Element, args.ToEquatableArray(), kind);
    }

    /// <summary>
    /// A call of a method, operator, conversion or indexer with derivatives (generated or registered); the
    /// operands are the receiver (if any) and the arguments in parameter order.
    /// </summary>
    private Expr Call(IMethodSymbol method, IReadOnlyList<IOperation> operands, IOperation whole, ValueKind kind)
    {
        if (_context.Shapes.Mismatch(method, operands) is { } why)
        {
            _context.Report(DiagnosticDescriptors.ShapeMismatch, whole.Syntax, whole.Syntax.ToString(), why);
        }

        var target = _calls.Resolve(method, out var missing);
        var lowered = operands.Select(Lower).ToEquatableArray();
        for (var i = 0; i < operands.Count; i++)
        {
            // An array of tensors (Ops.Concat(axis, a, b, c, d) through its params Tensor[]) is no differentiable
            // type: built from differentiated tensors it would pass as a constant and drop their derivatives.
            if (operands[i] is IArrayCreationOperation { Type: IArrayTypeSymbol { ElementType: var element } }
                && Types.KindOf(element).IsTensor() && ReadsTensors(lowered[i]))
            {
                _context.Report(DiagnosticDescriptors.NoDerivative, operands[i].Syntax,
                    $"{CallResolver.Display(method)} with an array of differentiated tensors (an array of tensors carries no derivative; pass the tensors as separate arguments: Ops.Concat and Ops.Stack take any number from two)");
                return Zero(kind);
            }
        }

        if (target is not null && missing is null)
        {
            return Checked(target, lowered, i => operands[i].Syntax, kind);
        }

        if (lowered.Any(ReadsValues) || (target is not null && missing is not null))
        {
            _context.Report(DiagnosticDescriptors.NoDerivative, whole.Syntax, missing ?? CallResolver.Display(method));
            return Zero(kind);
        }

        // An operation on constants only: its value is a constant too.
        return _printer.Print(whole, kind);
    }

    /// <summary>The call of a resolved target, unless a value that depends on the inputs flows into a parameter the registration holds constant.</summary>
    private Expr Checked(CallTarget target, EquatableArray<Expr> lowered, System.Func<int, SyntaxNode> syntaxOf, ValueKind kind)
    {
        for (var i = 0; i < lowered.Count && i < target.Parameters.Count; i++)
        {
            var parameter = target.Parameters[i];
            if (!parameter.IsDifferentiable && parameter.Kind != ValueKind.Passive && ReadsValues(lowered[i]))
            {
                _context.Report(DiagnosticDescriptors.NoDerivative, syntaxOf(i),
                    $"{target.DisplayName} with respect to '{parameter.Name}' (its derivatives hold '{parameter.Name}' constant; pass a constant or a [NoDerivative] parameter)");
                return Zero(kind);
            }
        }

        return new CallExpr(target, lowered, kind);
    }

    /// <summary>
    /// <c>Ops.Concat</c>/<c>Ops.Stack</c>/<c>Tensor.FromScalars</c> with a params list of parts: a tree of their two- and
    /// three-part overloads joined by <c>Ops.Concat</c> (see <see cref="JoinLowering"/>).
    /// </summary>
    private Expr Join(JoinLowering.Call join, IInvocationOperation invocation)
    {
        var leading = join.Leading.Select(Lower).ToList();
        var level = join.Parts.Select(Lower).ToList();
        var joinLeading = join.JoinsAlongAxis
            ? leading
            : new List<Expr> { new PassiveExpr("0", ValueKind.Passive, "int", EquatableArray<string>.Empty, true) { Affine = new AffineIndex(null, 0) } };
        var (two, three) = join.First;
        var lead = leading;
        do
        {
            var next = new List<Expr>();
            var start = 0;
            foreach (var size in JoinLowering.Groups(level.Count))
            {
                var method = size == 2 ? two : three;
                var resultKind = Types.KindOf(method.ReturnType);
                var target = _calls.Resolve(method, out var missing);
                if (target is null || missing is not null)
                {
                    _context.Report(DiagnosticDescriptors.NoDerivative, invocation.Syntax, missing ?? CallResolver.Display(method));
                    return Zero(Types.KindOf(invocation.Type));
                }

                next.Add(Checked(target, lead.Concat(level.Skip(start).Take(size)).ToEquatableArray(), _ => invocation.Syntax, resultKind));
                start += size;
            }

            level = next;
            (two, three) = join.Join;
            lead = joinLeading;
        }
        while (level.Count > 1);

        return level[0];
    }

    private static string Describe(IOperation op) => op switch
    {
        IIsPatternOperation or IIsTypeOperation => $"the type test '{op.Syntax}'",
        IArrayElementReferenceOperation => $"the array element '{op.Syntax}'",
        IFieldReferenceOperation or IPropertyReferenceOperation => $"the member read '{op.Syntax}'",
        IAnonymousFunctionOperation => $"the lambda '{op.Syntax}'",
        _ => $"the expression '{op.Syntax}'",
    };

    private static Expr Zero(ValueKind kind) =>
        new PassiveExpr(TypeNames.Zero(kind), kind, TypeNames.Of(kind, "object"), EquatableArray<string>.Empty, true);

    private static Expr Constant(IOperation op, ValueKind kind)
    {
        var value = op.ConstantValue.Value;
        var text = value is double d ? PassivePrinter.DoubleLiteral(d) : PassivePrinter.Literal(value, op.Type);
        var type = kind == ValueKind.Passive && op.Type is not null ? Types.Name(op.Type) : TypeNames.Of(kind, "object");
        return new PassiveExpr(text, kind, type, EquatableArray<string>.Empty, !text.StartsWith("-", System.StringComparison.Ordinal));
    }

    private Expr Variable(ISymbol symbol, ValueKind kind, IOperation op)
    {
        var variable = _context.Lookup(symbol);
        if (variable is null)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedExpression, op.Syntax, _context.IsElementFunction
                ? $"the captured variable '{symbol.Name}' in the function given to Ops.Map (it may read only its parameter and constants; combine tensors with operators instead)"
                : $"the captured variable '{symbol.Name}'");
            return Zero(kind);
        }

        return new VarExpr(variable.Name, kind);
    }

    private Expr Conversion(IConversionOperation conversion, ValueKind kind)
    {
        var from = Types.KindOf(conversion.Operand.Type);
        if (from == kind)
        {
            return Lower(conversion.Operand);
        }

        if (from == ValueKind.Real && kind == ValueKind.Complex)
        {
            return new OpExpr(OpCode.ToComplex, new EquatableArray<Expr>(new[] { Lower(conversion.Operand) }), kind);
        }

        if (from == ValueKind.Passive)
        {
            var passive = _printer.Print(conversion.Operand, kind);
            WarnIfDependent(passive, conversion.Operand);
            var text = passive.IsSimple ? passive.Text : "(" + passive.Text + ")";
            return kind == ValueKind.Complex
                ? passive with { Text = "(" + TypeNames.Complex + ")" + text, IsSimple = false }
                : passive with { Text = text, IsSimple = true };
        }

        _context.Report(DiagnosticDescriptors.UnsupportedExpression, conversion.Syntax, $"the conversion '{conversion.Syntax}'");
        return Zero(kind);
    }

    /// <summary>DIFF0009 when a value computed from a double or Complex variable passes through a discrete type (an int).</summary>
    private void WarnIfDependent(PassiveExpr passive, IOperation operand)
    {
        if (!DerivativeTypes.IsDiscrete(operand.Type))
        {
            // A float, a struct, …: not zero almost everywhere, but a dependence lost (DIFF0018, from Dependence).
            return;
        }

        foreach (var name in passive.Reads)
        {
            if (_context.Variables.Any(v => v.Name == name && v.Kind.IsScalar()))
            {
                _context.Report(DiagnosticDescriptors.ZeroDerivative, operand.Syntax, $"'{operand.Syntax}'");
                return;
            }
        }
    }

    private Expr Binary(IBinaryOperation binary, ValueKind kind)
    {
        OpCode? op = binary.OperatorKind switch
        {
            BinaryOperatorKind.Add => OpCode.Add,
            BinaryOperatorKind.Subtract => OpCode.Subtract,
            BinaryOperatorKind.Multiply => OpCode.Multiply,
            BinaryOperatorKind.Divide => OpCode.Divide,
            _ => null,
        };
        if (op is null)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedExpression, binary.Syntax, $"the operator '{OperatorText(binary)}' in '{binary.Syntax}'");
            return Zero(kind);
        }

        return new OpExpr(op.Value, new EquatableArray<Expr>(new[] { Lower(binary.LeftOperand), Lower(binary.RightOperand) }), kind);
    }

    private static string OperatorText(IBinaryOperation binary) =>
        binary.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax b ? b.OperatorToken.Text : binary.OperatorKind.ToString();

    private Expr Invocation(IInvocationOperation invocation, ValueKind kind)
    {
        var method = invocation.TargetMethod;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out })
            {
                _context.Report(DiagnosticDescriptors.WriteOutside, argument.Syntax, $"the {argument.Parameter.RefKind.ToString().ToLowerInvariant()} argument '{argument.Syntax}'");
                return Zero(kind);
            }
        }

        if (IsMap(method))
        {
            return Map(invocation, kind);
        }

        if (OperationCatalog.ForMethod(method) is { } op)
        {
            var args = Arguments(invocation.Arguments);
            if (OperationCatalog.IsPiecewiseConstant(op) && ReadsValues(args[0]))
            {
                _context.Report(DiagnosticDescriptors.ZeroDerivative, invocation.Syntax, $"'{invocation.Syntax}'");
            }

            return new OpExpr(op, args, kind);
        }

        if (JoinLowering.Of(invocation) is { } join && _context.Dependence?.IsVaried(invocation) != false)
        {
            return Join(join, invocation);
        }

        var operands = new List<IOperation>();
        if (invocation.Instance is not null)
        {
            operands.Add(invocation.Instance);
        }

        operands.AddRange(Ordered(invocation.Arguments));
        if (method.MethodKind == MethodKind.DelegateInvoke && _context.Diagnostics.Any(d => d.Id == DiagnosticDescriptors.UnsupportedStatement.Id))
        {
            // The delegate's lambda is reported already.
            return Zero(kind);
        }

        return Call(method, operands, invocation, kind);
    }

    private static bool IsMap(IMethodSymbol method) =>
        method is { Name: "Map", IsStatic: true, Parameters.Length: 2 }
        && method.ContainingType is { Name: "Ops", ContainingNamespace: { Name: "Diff", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// <c>Ops.Map(a, f)</c>: the element function <c>f</c> (a lambda, or a method group) is differentiated like a method
    /// of its own, and the map of its tangent or adjoint is the map's derivative.
    /// </summary>
    private Expr Map(IInvocationOperation invocation, ValueKind kind)
    {
        var operands = Ordered(invocation.Arguments).ToList();
        var tensor = Lower(operands[0]);
        var element = kind.Element();
        string primal;
        string? tangent;
        string? adjoint;
        switch (operands[1])
        {
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
            {
                var name = _context.ElementFunctionName();
                var model = ElementFunction(lambda, name, element);
                if (model is null)
                {
                    return Zero(kind);
                }

                (primal, tangent, adjoint) = (name, name + "Tangent", name + "Adjoint");
                break;
            }

            case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } } when OperationCatalog.ForMethod(method) is { } op:
            {
                // Math.Sin, Complex.Exp, …: an element function x => f(x) with the built-in rule.
                var name = _context.ElementFunctionName();
                var x = new VariableModel("x", TypeNames.Of(element), element, IsParameter: true);
                var body = new ReturnStmt(new OpExpr(op, new EquatableArray<Expr>(new Expr[] { new VarExpr("x", element) }), element), LoweringContext.Source(operands[1].Syntax));
                _context.ElementFunctions.Add(ElementModel(name, element, x, new[] { x }, new Stmt[] { body }));
                (primal, tangent, adjoint) = (name, name + "Tangent", name + "Adjoint");
                break;
            }

            case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } }:
            {
                var target = _calls.Resolve(method, out var missing);
                if (target is null || missing is not null || target.Form != CallForm.Static)
                {
                    _context.Report(DiagnosticDescriptors.NoDerivative, operands[1].Syntax, missing ?? CallResolver.Display(method));
                    return Zero(kind);
                }

                (primal, tangent, adjoint) = (target.Method, target.TangentMethod, target.AdjointMethod);
                break;
            }

            default:
                _context.Report(DiagnosticDescriptors.UnsupportedExpression, operands[1].Syntax,
                    $"the function '{operands[1].Syntax}' given to Ops.Map (give a lambda or a method group, so its derivative can be generated)");
                return Zero(kind);
        }

        var target2 = new CallTarget(
            "global::Diff.Ops.Map",
            "Diff.Ops.Map",
            new EquatableArray<ParameterShape>(new[] { new ParameterShape("a", tensor.Kind, true) }),
            adjoint,
            tangent,
            CallForm.Map,
            primal);
        return new CallExpr(target2, new EquatableArray<Expr>(new[] { tensor }), kind);
    }

    /// <summary>Lowers a lambda given to <c>Ops.Map</c> as a method of its own (it may read only its parameter and constants).</summary>
    private MethodModel? ElementFunction(IAnonymousFunctionOperation lambda, string name, ValueKind element)
    {
        var parameter = lambda.Symbol.Parameters[0];
        var child = new LoweringContext(_context.SemanticModel, new[] { "d" + parameter.Name }, _context.CancellationToken) { ElementPrefix = name, IsElementFunction = true };
        var x = child.AddParameter(parameter, element, TypeNames.Of(element));
        var body = new BodyLowering(child, new ExpressionLowering(child, _calls)).LowerBlock(lambda.Body.Operations);
        _context.Diagnostics.AddRange(child.Diagnostics);
        if (child.HasErrors)
        {
            return null;
        }

        var normalized = Analysis.ReturnNormalizer.Normalize(body, () => child.AddTemporary("returned", ValueKind.Passive, "bool").Name);
        var model = ElementModel(name, element, x, child.Variables, normalized);
        _context.ElementFunctions.Add(model);
        return model;
    }

    private static MethodModel ElementModel(string name, ValueKind element, VariableModel x, IEnumerable<VariableModel> variables, IEnumerable<Stmt> body) =>
        new(string.Empty, null, EquatableArray<ContainingType>.Empty, name, "private", TypeNames.Of(element), element,
            new EquatableArray<ParameterModel>(new[] { new ParameterModel(x.Name, x.TypeName, element, true) }),
            variables.ToEquatableArray(), body.ToEquatableArray());

    /// <summary>Whether an expression reads a double or Complex variable (so a derivative might flow through it).</summary>
    private bool ReadsValues(Expr expr) => expr switch
    {
        VarExpr v => v.Kind != ValueKind.Passive && !IsConstantParameter(v.Name),
        PassiveExpr p => p.Reads.Any(name => _context.Variables.Any(v => v.Name == name && v.Kind.IsScalar()) && !IsConstantParameter(name)),
        OpExpr o => o.Args.Any(ReadsValues),
        CallExpr c => c.Args.Any(ReadsValues),
        _ => false,
    };

    /// <summary>Whether passive code reads a tensor variable that is not a constant parameter.</summary>
    private bool ReadsTensors(Expr expr) =>
        expr is PassiveExpr p && p.Reads.Any(name => _context.Variables.Any(v => v.Name == name && v.Kind.IsTensor()) && !IsConstantParameter(name));

    /// <summary>A [NoDerivative] parameter that the method never assigns: a constant.</summary>
    private bool IsConstantParameter(string name) => _context.ConstantParameters.Contains(name);

    private Expr Conditional(IConditionalOperation conditional, ValueKind kind)
    {
        var condition = _printer.Print(conditional.Condition, ValueKind.Passive);
        var temp = _context.AddTemporary("choice", kind, TypeNames.Of(kind, "object"));
        var source = LoweringContext.Source(conditional.Syntax);

        var saved = new List<Stmt>(Pending);
        Pending.Clear();
        var whenTrue = LowerValue(conditional.WhenTrue);
        var thenBlock = new List<Stmt>(Pending) { new AssignStmt(temp.Name, whenTrue, false, null, LoweringContext.Source(conditional.WhenTrue.Syntax)) };
        Pending.Clear();
        var whenFalse = LowerValue(conditional.WhenFalse!);
        var elseBlock = new List<Stmt>(Pending) { new AssignStmt(temp.Name, whenFalse, false, null, LoweringContext.Source(conditional.WhenFalse!.Syntax)) };
        Pending.Clear();
        Pending.AddRange(saved);
        Pending.Add(new DeclareStmt(temp.Name, source));
        Pending.Add(new IfStmt(condition, thenBlock.ToEquatableArray(), elseBlock.ToEquatableArray(), source));
        return new VarExpr(temp.Name, kind);
    }
}
