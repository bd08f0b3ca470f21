using System.Numerics;
using Diff;

namespace Seed;

/// <summary>The scalar cells of the seed notebook, as [Differentiable] methods.</summary>
public static partial class Cells
{
    /// <summary>Cell 2: y = x², whose gradient the notebook evaluates at x = 4.</summary>
    [Differentiable]
    public static double Square(double x) => x * x;

    /// <summary>The complex cell: y = 2i·x, a complex function of a real x, whose derivative is 2i.</summary>
    [Differentiable]
    public static Complex TwoIX(double x) => new Complex(0, 2) * x;
}
