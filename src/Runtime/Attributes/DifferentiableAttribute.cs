using System;

namespace Diff;

/// <summary>
/// Marks a static method of a partial type for differentiation. At build time the Diff source
/// generator writes <c>{Name}Adjoint</c>, <c>{Name}Tangent</c> and, where they apply,
/// <c>{Name}Gradient</c> and <c>{Name}Jacobian</c> beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}
