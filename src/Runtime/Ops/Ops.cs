namespace Diff;

/// <summary>
/// The tensor operations of the runtime: products and contractions (<c>Dot</c>, <c>MatMul</c>,
/// <c>TensorDot</c>, <c>Sum</c>, <c>Trace</c>, <c>Outer</c>), reductions whole or along an axis (<c>Sum</c>, <c>Mean</c>,
/// <c>Max</c>, <c>Min</c>, <c>Norm</c>, <c>LogSumExp</c>) and <c>Softmax</c>, joins (<c>Concat</c>, <c>Stack</c>),
/// elementwise functions (<c>Exp</c>, <c>Log</c>, …, <c>Map</c>) and matrix functions (<c>Expm</c>, <c>Logm</c>, …). With <c>using static Diff.Ops;</c>
/// code reads like the math. Every operation takes real (<see cref="Tensor"/>) and complex
/// (<see cref="ComplexTensor"/>) operands, mixing them where it makes sense; inputs are never modified.
/// Shapes follow numpy; a shape that does not fit is an <see cref="System.ArgumentException"/> naming the shapes.
/// </summary>
public static partial class Ops
{
}
