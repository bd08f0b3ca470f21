using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.RegisterDerivativeCodeFix>;

namespace Diff.CodeFixes.Tests;

public class RegisterDerivativeTests
{
    [Fact]
    public Task Registers_both_modes_beside_a_target_of_the_same_type() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public static partial class Model
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

            [Differentiable]
            public static double Loss(double x, double y) => {|DIFF0007:Softplus(x * y)|} + y;
        }
        """,
        """
        using System;
        using Diff;

        public static partial class Model
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

            [AdjointOf(nameof(Softplus))]
            public static (double Value, double x) SoftplusAdjoint(double x, double seed)
            {
                // Return the value Softplus(x) and the reverse-mode derivatives seed·∂Softplus/∂x.
                throw new NotImplementedException("Write the adjoint of Softplus: its value and seed·∂Softplus/∂x.");
            }

            [TangentOf(nameof(Softplus))]
            public static (double Value, double Tangent) SoftplusTangent(double x, double dx)
            {
                // Return the value Softplus(x) and the forward-mode derivative ∂Softplus/∂x·dx.
                throw new NotImplementedException("Write the tangent of Softplus: its value and ∂Softplus/∂x·dx.");
            }

            [Differentiable]
            public static double Loss(double x, double y) => Softplus(x * y) + y;
        }
        """);
}
