using System;

namespace Diff;

/// <summary>
/// Makes a parameter of a differentiable type (<see cref="double"/>, <see cref="System.Numerics.Complex"/>,
/// tensors, arrays) a constant: no adjoint or tangent is generated for it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
