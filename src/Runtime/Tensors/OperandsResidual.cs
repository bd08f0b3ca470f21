namespace Diff;

/// <summary>
/// What the backward part of an elementwise operator's split adjoint needs from its forward part: the operands
/// (references to immutable tensors, or scalars). A generated reverse sweep then neither computes the operator's
/// value a second time nor keeps the value for it.
/// </summary>
/// <typeparam name="TA">The left operand's type.</typeparam>
/// <typeparam name="TB">The right operand's type.</typeparam>
public readonly struct OperandsResidual<TA, TB>
{
    internal OperandsResidual(TA a, TB b)
    {
        A = a;
        B = b;
    }

    internal TA A { get; }

    internal TB B { get; }
}
