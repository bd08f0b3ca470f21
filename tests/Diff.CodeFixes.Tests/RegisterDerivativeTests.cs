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

    [Fact]
    public Task Registers_a_method_of_a_referenced_assembly_in_the_calling_type() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public static partial class Scaling
        {
            [Differentiable]
            public static double Quadruple(double x) => {|DIFF0007:Math.ScaleB(x, 2)|};
        }
        """,
        """
        using System;
        using Diff;

        public static partial class Scaling
        {
            [Differentiable]
            public static double Quadruple(double x) => Math.ScaleB(x, 2);

            [AdjointOf(typeof(Math), nameof(Math.ScaleB))]
            static (double Value, double x) ScaleBAdjoint(double x, int n, double seed)
            {
                // Return the value ScaleB(x, n) and the reverse-mode derivatives seed·∂ScaleB/∂x.
                throw new NotImplementedException("Write the adjoint of ScaleB: its value and seed·∂ScaleB/∂x.");
            }

            [TangentOf(typeof(Math), nameof(Math.ScaleB))]
            static (double Value, double Tangent) ScaleBTangent(double x, int n, double dx)
            {
                // Return the value ScaleB(x, n) and the forward-mode derivative ∂ScaleB/∂x·dx.
                throw new NotImplementedException("Write the tangent of ScaleB: its value and ∂ScaleB/∂x·dx.");
            }
        }
        """);

    [Fact]
    public Task Registers_beside_a_target_in_another_type_with_its_accessibility_and_only_the_missing_mode() => Verify.RunAsync(
        """
        using System.Numerics;
        using Diff;

        internal static class Waves
        {
            internal static Complex Phase(Complex z, double k, int n) => Complex.Exp(Complex.ImaginaryOne * k * n) * z;

            [AdjointOf(nameof(Phase))]
            internal static (Complex Value, Complex z, double k) PhaseAdjoint(Complex z, double k, int n, Complex seed) =>
                (Phase(z, k, n), seed, 0);
        }

        public static partial class Model
        {
            [Differentiable]
            public static Complex Wave(Complex z, double k) => {|DIFF0007:Waves.Phase(z, k, 3)|};
        }
        """,
        """
        using System.Numerics;
        using Diff;

        internal static class Waves
        {
            internal static Complex Phase(Complex z, double k, int n) => Complex.Exp(Complex.ImaginaryOne * k * n) * z;

            [TangentOf(nameof(Phase))]
            internal static (Complex Value, Complex Tangent) PhaseTangent(Complex z, double k, int n, Complex dz, double dk)
            {
                // Return the value Phase(z, k, n) and the forward-mode derivative ∂Phase/∂z·dz + ∂Phase/∂k·dk.
                throw new System.NotImplementedException("Write the tangent of Phase: its value and ∂Phase/∂z·dz + ∂Phase/∂k·dk.");
            }

            [AdjointOf(nameof(Phase))]
            internal static (Complex Value, Complex z, double k) PhaseAdjoint(Complex z, double k, int n, Complex seed) =>
                (Phase(z, k, n), seed, 0);
        }

        public static partial class Model
        {
            [Differentiable]
            public static Complex Wave(Complex z, double k) => Waves.Phase(z, k, 3);
        }
        """);

    [Fact]
    public Task Is_not_offered_for_a_method_that_returns_no_differentiable_value()
    {
        const string source = """
            using Diff;

            public static partial class Model
            {
                static int Count(double x) => (int)x;

                [Differentiable]
                public static double Scaled(double x) => x * {|DIFF0009:Count(x)|};
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task Leaves_a_no_derivative_parameter_out_of_the_adjoint_and_the_tangent() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            private static double Scale(double x, [NoDerivative] double k) => x * k;

            [Differentiable]
            public static double Loss(double x, [NoDerivative] double y) => {|DIFF0007:Scale(x, y)|} * x;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            private static double Scale(double x, [NoDerivative] double k) => x * k;

            [AdjointOf(nameof(Scale))]
            private static (double Value, double x) ScaleAdjoint(double x, double k, double seed)
            {
                // Return the value Scale(x, k) and the reverse-mode derivatives seed·∂Scale/∂x.
                throw new System.NotImplementedException("Write the adjoint of Scale: its value and seed·∂Scale/∂x.");
            }

            [TangentOf(nameof(Scale))]
            private static (double Value, double Tangent) ScaleTangent(double x, double k, double dx)
            {
                // Return the value Scale(x, k) and the forward-mode derivative ∂Scale/∂x·dx.
                throw new System.NotImplementedException("Write the tangent of Scale: its value and ∂Scale/∂x·dx.");
            }

            [Differentiable]
            public static double Loss(double x, [NoDerivative] double y) => Scale(x, y) * x;
        }
        """);
}
