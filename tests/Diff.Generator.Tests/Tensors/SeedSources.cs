namespace Diff.Generator.Tests.Tensors;

/// <summary>The tensor cells of the seed notebook (data/reference/seed-notebook.txt), as [Differentiable] methods.</summary>
internal static class SeedSources
{
    public const string Cells = """
        using System;
        using System.Numerics;
        using Diff;

        namespace Seed;

        public static partial class Cells
        {
            // In [4]: the Jacobian of y = x² elementwise.
            [Differentiable]
            public static Tensor Square(Tensor x) => x * x;

            // In [128]: z = 5·x1 + 7·x2.
            [Differentiable]
            public static double DotW(Tensor x) => Ops.Dot(x, Tensor.FromArray(new double[] { 5, 7 }));

            // In [35]: H = x[0]·tensordot(x, rm, 1).
            [Differentiable]
            public static Tensor Cell5(Tensor x, [NoDerivative] Tensor rm) => x[0] * Ops.TensorDot(x, rm, 1);

            // In [30]: expm(x1·H1 + x2·H2) with H = rm / 100.
            [Differentiable]
            public static Tensor Cell6(Tensor x, [NoDerivative] Tensor rm) => Ops.Expm(Ops.TensorDot(x, rm / 100.0, 1));

            // expm(i·x·H).
            [Differentiable]
            public static ComplexTensor Evolve(double x, [NoDerivative] Tensor h) => Ops.Expm(Complex.ImaginaryOne * x * h);

            // The propagator of a piecewise-constant control: U = Π_j expm(−i·dt·(H0 + c[j]·H1)).
            [Differentiable]
            public static ComplexTensor Propagate(double[] c, double dt, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1)
            {
                ComplexTensor u = ComplexTensor.Identity(h0.Shape[0]);
                for (int j = 0; j < c.Length; j++)
                {
                    u = Ops.MatMul(Ops.Expm(-Complex.ImaginaryOne * dt * (h0 + c[j] * h1)), u);
                }
                return u;
            }
        }
        """;
}
