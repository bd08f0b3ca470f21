namespace Diff.Generator.Model;

/// <summary>
/// The equatable intermediate form of a method body. Expressions are trees over variables (renamed so every local
/// of the method has one unique name), constants and operations; statements are structured (assignments, if/else,
/// for loops, returns). Everything the differentiators need is here; nothing refers to Roslyn objects.
/// </summary>
internal abstract record Expr(ValueKind Kind);

/// <summary>A read of a parameter or local.</summary>
internal sealed record VarExpr(string Name, ValueKind Kind) : Expr(Kind);

/// <summary>
/// Code that does not depend on the differentiable inputs in a differentiable way: a literal, a constant, or an
/// expression over constants (<c>n - 1</c>, <c>i &lt; steps</c>, <c>x &gt; 0</c>). <paramref name="Reads"/> lists the
/// variables it reads, <paramref name="IsSimple"/> whether it needs no parentheses.
/// </summary>
internal sealed record PassiveExpr(string Text, ValueKind Kind, string TypeName, EquatableArray<string> Reads, bool IsSimple) : Expr(Kind)
{
    /// <summary>
    /// The value as <c>variable + offset</c> where it is an <c>int</c> of that form (<c>i</c>, <c>i + 1</c>, <c>i - 2</c>,
    /// a literal with no variable), found from the operation tree when the expression is lowered; null otherwise.
    /// Analyses that need the form of an index or a loop step read this, never <see cref="Text"/>.
    /// </summary>
    public AffineIndex? Affine { get; init; }
}

/// <summary>An <c>int</c> value <c>Variable + Offset</c> (just <c>Offset</c> where <paramref name="Variable"/> is null).</summary>
internal sealed record AffineIndex(string? Variable, int Offset);

/// <summary>An operation with a derivative rule (operator, <c>Math</c> or <c>Complex</c> member).</summary>
internal sealed record OpExpr(OpCode Op, EquatableArray<Expr> Args, ValueKind Kind) : Expr(Kind);

/// <summary>A call to a method that is differentiable itself or has registered derivatives.</summary>
internal sealed record CallExpr(CallTarget Target, EquatableArray<Expr> Args, ValueKind Kind) : Expr(Kind);

/// <summary>
/// A callee with derivatives. <paramref name="Parameters"/> says, per parameter, its kind and whether the callee
/// differentiates with respect to it. <paramref name="AdjointMethod"/> and <paramref name="TangentMethod"/> are
/// <c>global::</c>-qualified method names, or null where that mode is missing.
/// </summary>
internal sealed record CallTarget(
    string Method,
    string DisplayName,
    EquatableArray<ParameterShape> Parameters,
    string? AdjointMethod,
    string? TangentMethod,
    CallForm Form = CallForm.Static,
    string? Symbol = null,
    SplitAdjoint? Split = null)
{
    /// <summary>A name for locals that hold this call's value: <c>expm</c>, <c>product</c>, <c>element</c>.</summary>
    public string Hint
    {
        get
        {
            var name = Form switch
            {
                CallForm.Operator => Symbol switch
                {
                    "+" => Parameters.Count == 1 ? "plus" : "sum",
                    "-" => Parameters.Count == 1 ? "negated" : "difference",
                    "*" => "product",
                    _ => "quotient",
                },
                CallForm.Indexer => "element",
                CallForm.Conversion => "converted",
                _ => Method.Substring(Method.LastIndexOf('.') + 1),
            };
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }
}

/// <summary>
/// How a call is written. For every form but <see cref="CallForm.Static"/> the first argument is the receiver or
/// left operand; <see cref="CallTarget.Symbol"/> is the member name (<c>Transpose</c>), the operator (<c>*</c>) or the
/// converted-to type.
/// </summary>
internal enum CallForm
{
    /// <summary><c>Type.Method(args)</c>.</summary>
    Static,

    /// <summary><c>receiver.Method(args)</c>; registrations take the receiver as their first parameter.</summary>
    Instance,

    /// <summary><c>receiver[indices]</c>; registered under <c>get_Item</c>.</summary>
    Indexer,

    /// <summary><c>a op b</c> or <c>op a</c>; registered under the operator's metadata name (<c>op_Multiply</c>).</summary>
    Operator,

    /// <summary>A user-defined conversion, written as a cast; registered under <c>op_Implicit</c> or <c>op_Explicit</c>.</summary>
    Conversion,

    /// <summary>
    /// <c>Ops.Map(a, f)</c>: <see cref="CallTarget.Symbol"/> is the element function, and the adjoint and tangent
    /// methods are the element function's (generated from a lambda, or a method group's own).
    /// </summary>
    Map,
}

/// <summary>
/// A reverse rule registered in two parts: <paramref name="Forward"/> returns the value and a residual of type
/// <paramref name="ResidualType"/>, <paramref name="Backward"/> takes the residual and the seed and returns the
/// adjoints (one value, or a tuple for several differentiable parameters).
/// </summary>
internal sealed record SplitAdjoint(string Forward, string Backward, string ResidualType);

/// <summary>A callee's parameter as the call needs it.</summary>
internal sealed record ParameterShape(string Name, ValueKind Kind, bool IsDifferentiable);

/// <summary>Where a statement came from: its source text on one line (for comments) and its line number.</summary>
internal sealed record SourceInfo(string Text, int Line)
{
    /// <summary>The comment above generated code for this statement: its line in the user's file, and its text.</summary>
    public string Comment => Line > 0 ? $"// line {Line}: {Text}" : "// " + Text;
}

internal abstract record Stmt(SourceInfo Source);

/// <summary>
/// <c>Target = Value</c>. <paramref name="IsDeclaration"/> marks a declaration with initializer (the first value of a
/// fresh variable); <paramref name="PrintText"/>, when set, is how the forward code writes a passive assignment
/// (<c>i++</c>).
/// </summary>
internal sealed record AssignStmt(string Target, Expr Value, bool IsDeclaration, string? PrintText, SourceInfo Source) : Stmt(Source);

/// <summary>A declaration without initializer (<c>double v;</c>).</summary>
internal sealed record DeclareStmt(string Target, SourceInfo Source) : Stmt(Source);

/// <summary>
/// <c>if (Condition) Then else Else</c>; the condition is never differentiated. <paramref name="IsReturnGuard"/>
/// marks the guard <c>if (!returned)</c> after a loop that may return (forward mode returns directly instead).
/// </summary>
internal sealed record IfStmt(PassiveExpr Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else, SourceInfo Source, bool IsReturnGuard = false) : Stmt(Source);

/// <summary>
/// <c>for (Init; Condition; Increment) Body</c>. Init and Increment hold passive assignments (the counter);
/// <paramref name="CounterName"/> names the loop counter (it prefixes the trip count saved for the reverse sweep);
/// <paramref name="Source"/> holds the loop's header as the user wrote it, for comments.
/// </summary>
internal sealed record ForStmt(
    EquatableArray<Stmt> Init,
    PassiveExpr? Condition,
    EquatableArray<Stmt> Increment,
    EquatableArray<Stmt> Body,
    string CounterName,
    SourceInfo Source) : Stmt(Source);

/// <summary><c>return Value</c>. After normalization returns are only the last statement of a block.</summary>
internal sealed record ReturnStmt(Expr Value, SourceInfo Source) : Stmt(Source);
