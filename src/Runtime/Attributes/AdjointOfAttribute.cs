using System;

namespace Diff;

/// <summary>
/// Registers the method it is placed on as the reverse-mode derivative (vector-Jacobian product)
/// of another method, in the shape of a generated <c>{Name}Adjoint</c>:
/// <c>static (R Value, A a, B b) MAdjoint(A a, B b, int n, R seed)</c>.
/// A rule that needs what the forward computation made may be split in two with <see cref="Part"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AdjointOfAttribute : Attribute
{
    /// <summary>Registers an adjoint of the method <paramref name="methodName"/> of the same type.</summary>
    /// <param name="methodName">The name of the method, best written with <c>nameof</c>.</param>
    public AdjointOfAttribute(string methodName)
    {
        MethodName = methodName;
    }

    /// <summary>Registers an adjoint of the method <paramref name="methodName"/> of <paramref name="type"/>.</summary>
    /// <param name="type">The type that declares the method.</param>
    /// <param name="methodName">The name of the method, best written with <c>nameof</c>.</param>
    public AdjointOfAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The type that declares the differentiated method, or <see langword="null"/> for the same type.</summary>
    public Type? Type { get; }

    /// <summary>The name of the differentiated method.</summary>
    public string MethodName { get; }

    /// <summary>
    /// Whether this method is the whole reverse rule (the default) or one half of a rule split into a forward part,
    /// which returns the value with a residual, and a backward part, which takes that residual and the seed.
    /// </summary>
    public AdjointPart Part { get; set; }
}
