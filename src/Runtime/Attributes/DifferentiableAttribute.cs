using System;
using System.Collections.Generic;

namespace Diff;

/// <summary>
/// Marks a static method of a partial type for differentiation. At build time the Diff source
/// generator writes <c>{Name}Adjoint</c>, <c>{Name}Tangent</c> and, where they apply,
/// <c>{Name}Gradient</c> and <c>{Name}Jacobian</c> beside it.
/// </summary>
/// <remarks>
/// Without arguments every parameter of a differentiable type is an input, except those marked
/// <see cref="NoDerivativeAttribute"/>. With parameter names, <c>[Differentiable(nameof(w), nameof(b))]</c>, only
/// those are inputs (like JAX's <c>argnums</c> or Swift's <c>wrt:</c>): the others are constants, and the generated
/// members take tangents and return adjoints for the named parameters alone, in the method's parameter order.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>Marks a method for differentiation with respect to the parameters named in <paramref name="parameters"/>.</summary>
    /// <param name="parameters">
    /// The names of the parameters to differentiate (<c>nameof(w)</c>); none for every parameter of a differentiable type.
    /// Each must name a parameter of the method, of a differentiable type and not marked <see cref="NoDerivativeAttribute"/>
    /// (the generator reports DIFF0019 otherwise).
    /// </param>
    public DifferentiableAttribute(params string[] parameters)
    {
        Parameters = parameters ?? Array.Empty<string>();
    }

    /// <summary>The names of the parameters to differentiate, as written; empty when every differentiable parameter is.</summary>
    public IReadOnlyList<string> Parameters { get; }
}
