using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>
/// What <see cref="Ops.ExpmAdjointForward(Tensor)"/> (or its complex overload) keeps for the backward part of
/// the reverse-mode rule of <see cref="Ops.Expm(Tensor)"/>: the Padé plan, the scaled powers, the LU factors of the
/// Padé denominator and the squaring phase. Opaque; pass it to <see cref="Ops.ExpmAdjointBackward(ExpmAdjointResidual{double}, Tensor)"/>,
/// as many times as there are seeds: nothing of e^A is recomputed.
/// </summary>
/// <typeparam name="T"><see cref="double"/> for a real matrix, <see cref="Complex"/> for a complex one.</typeparam>
public sealed class ExpmAdjointResidual<T> where T : unmanaged, INumberBase<T>
{
    internal ExpmAdjointResidual(ExpmResidual<T> kernel)
    {
        Kernel = kernel;
    }

    internal ExpmResidual<T> Kernel { get; }
}
