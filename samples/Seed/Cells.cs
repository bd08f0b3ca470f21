using System.Numerics;
using Diff;
using static Diff.Ops;

namespace Seed;

/// <summary>The cells of the seed notebook (data/reference/seed-notebook.txt) as [Differentiable] methods; their derivatives are generated beside them.</summary>
public static partial class Cells
{
    /// <summary>y = x², whose gradient the notebook evaluates at x = 4.</summary>
    [Differentiable]
    public static double Square(double x) => x * x;

    /// <summary>y = x² elementwise, whose Jacobian the notebook evaluates at x = [4, 4].</summary>
    [Differentiable]
    public static Tensor SquareElements(Tensor x) => x * x;

    /// <summary>The notebook's elementwise map adding 0.5 (a lambda the generator differentiates).</summary>
    [Differentiable]
    public static Tensor PlusHalf(Tensor m) => Map(m, v => v + 0.5);

    /// <summary>y = dot(x, [5, 7]), whose gradient is [5, 7].</summary>
    [Differentiable]
    public static double DotWeights(Tensor x) => Dot(x, Tensor.FromArray(new double[] { 5, 7 }));

    /// <summary>y = x₀·tensordot(x, rm, 1) with rm of shape (2, 3, 3): a 3×3 output of two inputs.</summary>
    [Differentiable]
    public static Tensor ScaledTensorDot(Tensor x, [NoDerivative] Tensor rm) => x[0] * TensorDot(x, rm, 1);

    /// <summary>y = expm(tensordot(x, rm, 1)): the Jacobian of a matrix exponential with respect to its two coefficients.</summary>
    [Differentiable]
    public static Tensor ExpmOfTensorDot(Tensor x, [NoDerivative] Tensor rm) => Expm(TensorDot(x, rm, 1));

    /// <summary>The complex cell: y = 2i·x, a complex function of a real x, whose derivative is 2i.</summary>
    [Differentiable]
    public static Complex TwoIX(double x) => new Complex(0, 2) * x;

    /// <summary>The matrix logarithm (always complex), differentiated through its Fréchet derivative.</summary>
    [Differentiable]
    public static ComplexTensor Log(Tensor a) => Logm(a);

    /// <summary>
    /// The cell where Theano gave up: the time evolution U(x) = expm(i·x·H) of a quantum system, a complex matrix of a
    /// real x, whose derivative is i·H·expm(i·x·H).
    /// </summary>
    [Differentiable]
    public static ComplexTensor Evolution(double x, [NoDerivative] Tensor h) => Expm(Complex.ImaginaryOne * x * h);
}
