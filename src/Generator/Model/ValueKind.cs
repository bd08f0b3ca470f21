namespace Diff.Generator.Model;

/// <summary>
/// What a value is to differentiation: a real or complex scalar, a real or complex tensor, a real or complex array
/// (parameters only), or a constant of another type.
/// </summary>
internal enum ValueKind
{
    /// <summary><see cref="double"/>.</summary>
    Real,

    /// <summary><c>System.Numerics.Complex</c>.</summary>
    Complex,

    /// <summary>Any other type (<c>int</c>, <c>bool</c>, …): never differentiated.</summary>
    Passive,

    /// <summary><c>Diff.Tensor</c>.</summary>
    Tensor,

    /// <summary><c>Diff.ComplexTensor</c>.</summary>
    ComplexTensor,

    /// <summary><c>double[]</c> (a parameter, read by index and <c>Length</c>).</summary>
    RealArray,

    /// <summary><c>Complex[]</c> (a parameter, read by index and <c>Length</c>).</summary>
    ComplexArray,
}

/// <summary>Questions about <see cref="ValueKind"/>s.</summary>
internal static class Kinds
{
    /// <summary>Whether values of the kind carry complex numbers (so adjoints follow the complex convention).</summary>
    public static bool IsComplexValued(this ValueKind kind) =>
        kind is ValueKind.Complex or ValueKind.ComplexTensor or ValueKind.ComplexArray;

    /// <summary><c>double</c> or <c>Complex</c>.</summary>
    public static bool IsScalar(this ValueKind kind) => kind is ValueKind.Real or ValueKind.Complex;

    /// <summary><c>Tensor</c> or <c>ComplexTensor</c>.</summary>
    public static bool IsTensor(this ValueKind kind) => kind is ValueKind.Tensor or ValueKind.ComplexTensor;

    /// <summary><c>double[]</c> or <c>Complex[]</c>.</summary>
    public static bool IsArray(this ValueKind kind) => kind is ValueKind.RealArray or ValueKind.ComplexArray;

    /// <summary>A kind whose values are objects (tensors and arrays), so a missing adjoint is <c>null</c>.</summary>
    public static bool IsReference(this ValueKind kind) => kind.IsTensor() || kind.IsArray();

    /// <summary>Differentiated at all.</summary>
    public static bool IsDifferentiable(this ValueKind kind) => kind != ValueKind.Passive;

    /// <summary>The scalar kind of the elements: <see cref="ValueKind.Real"/> or <see cref="ValueKind.Complex"/>.</summary>
    public static ValueKind Element(this ValueKind kind) => kind.IsComplexValued() ? ValueKind.Complex : ValueKind.Real;
}

/// <summary>The <c>global::</c> names of the types the generator writes.</summary>
internal static class TypeNames
{
    public const string Double = "double";
    public const string Complex = "global::System.Numerics.Complex";
    public const string Math = "global::System.Math";
    public const string ValueStack = "global::Diff.ValueStack";
    public const string Tensor = "global::Diff.Tensor";
    public const string ComplexTensor = "global::Diff.ComplexTensor";
    public const string Jacobian = "global::Diff.JacobianBuilder";

    public static string Of(ValueKind kind, string passiveType = "object") => kind switch
    {
        ValueKind.Real => Double,
        ValueKind.Complex => Complex,
        ValueKind.Tensor => Tensor,
        ValueKind.ComplexTensor => ComplexTensor,
        ValueKind.RealArray => "double[]",
        ValueKind.ComplexArray => Complex + "[]",
        _ => passiveType,
    };

    /// <summary>
    /// The type a local holding <paramref name="expr"/>'s value is declared with: a passive expression keeps its own
    /// type from the semantic model (an <c>int</c> stays <c>int</c>), everything else its kind's type.
    /// </summary>
    public static string Of(Expr expr) =>
        expr is PassiveExpr { Kind: ValueKind.Passive } passive ? passive.TypeName : Of(expr.Kind);

    /// <summary>The zero of a scalar kind; for tensors and arrays <c>null</c> (no contribution yet).</summary>
    public static string Zero(ValueKind kind) => kind switch
    {
        ValueKind.Complex => Complex + ".Zero",
        ValueKind.Real => "0.0",
        _ => "null",
    };

    /// <summary>The first value of a local declared ahead of its use: zero, or <c>null!</c> for an object.</summary>
    public static string Initial(ValueKind kind) => kind.IsReference() ? "null!" : Zero(kind);

    /// <summary>A zero of the shape of <paramref name="like"/> (a name or simple expression of the same kind).</summary>
    public static string ZeroLike(ValueKind kind, string like) => kind switch
    {
        ValueKind.Tensor => Tensor + ".Zeros(" + like + ".Shape)",
        ValueKind.ComplexTensor => ComplexTensor + ".Zeros(" + like + ".Shape)",
        ValueKind.RealArray => "new double[" + like + ".Length]",
        ValueKind.ComplexArray => "new " + Complex + "[" + like + ".Length]",
        _ => Zero(kind),
    };
}
