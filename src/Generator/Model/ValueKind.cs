namespace Diff.Generator.Model;

/// <summary>What a value is to differentiation: a real scalar, a complex scalar, or a constant of another type.</summary>
internal enum ValueKind
{
    /// <summary><see cref="double"/>.</summary>
    Real,

    /// <summary><c>System.Numerics.Complex</c>.</summary>
    Complex,

    /// <summary>Any other type (<c>int</c>, <c>bool</c>, …): never differentiated.</summary>
    Passive,
}

/// <summary>The <c>global::</c> names of the types the generator writes.</summary>
internal static class TypeNames
{
    public const string Double = "double";
    public const string Complex = "global::System.Numerics.Complex";
    public const string Math = "global::System.Math";
    public const string ValueStack = "global::Diff.ValueStack";

    public static string Of(ValueKind kind, string passiveType) => kind switch
    {
        ValueKind.Real => Double,
        ValueKind.Complex => Complex,
        _ => passiveType,
    };

    public static string Zero(ValueKind kind) => kind == ValueKind.Complex ? Complex + ".Zero" : "0.0";
}
