using System;

namespace Diff;

/// <summary>
/// Registers the method it is placed on as the forward-mode derivative (Jacobian-vector product)
/// of another method, in the shape of a generated <c>{Name}Tangent</c>:
/// <c>static (R Value, R Tangent) MTangent(A a, B b, int n, A da, B db)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TangentOfAttribute : Attribute
{
    /// <summary>Registers a tangent of the method <paramref name="methodName"/> of the same type.</summary>
    /// <param name="methodName">The name of the method, best written with <c>nameof</c>.</param>
    public TangentOfAttribute(string methodName)
    {
        MethodName = methodName;
    }

    /// <summary>Registers a tangent of the method <paramref name="methodName"/> of <paramref name="type"/>.</summary>
    /// <param name="type">The type that declares the method.</param>
    /// <param name="methodName">The name of the method, best written with <c>nameof</c>.</param>
    public TangentOfAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The type that declares the differentiated method, or <see langword="null"/> for the same type.</summary>
    public Type? Type { get; }

    /// <summary>The name of the differentiated method.</summary>
    public string MethodName { get; }
}
