using System.Numerics;
using Diff.Kernels;

namespace Diff;

/// <summary>
/// What <see cref="Ops.ExpmAdjointForward(Tensor)"/> (or its complex overload) keeps for the backward part of
/// the reverse-mode rule of <see cref="Ops.Expm(Tensor)"/>: the Padé plan, the scaled powers, the LU factors of the
/// Padé denominator and the squaring phase. Opaque; pass it to <see cref="Ops.ExpmAdjointBackward(ExpmAdjointResidual{double}, Tensor)"/>.
/// The reverse sweep uses it once, so the first backward part reads the kept data and gives their memory back to a
/// pool (it is then warm in the cache for the next forward part, instead of fresh memory); a further backward part with
/// another seed computes the Padé data of A again (the same numbers) and is correct, at about the cost of e^A more.
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
