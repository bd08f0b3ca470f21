using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.MarkNoDerivativeCodeFix>;

namespace Diff.CodeFixes.Tests;

public class MarkNoDerivativeTests
{
    [Fact]
    public Task Marks_an_array_parameter() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable]
            public static double Scaled(double x, {|DIFF0003:double[,] weights|}) => x * weights.Length;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable]
            public static double Scaled(double x, [NoDerivative] double[,] weights) => x * weights.Length;
        }
        """);

    [Fact]
    public Task Marks_a_tensor_parameter_and_qualifies_the_attribute_without_a_using() => Verify.RunAsync(
        """
        public static partial class Model
        {
            [Diff.Differentiable]
            public static double Scaled(double x, {|DIFF0003:Diff.Tensor[] h|}) => x * h.Length;
        }
        """,
        """
        public static partial class Model
        {
            [Diff.Differentiable]
            public static double Scaled(double x, [Diff.NoDerivative] Diff.Tensor[] h) => x * h.Length;
        }
        """);

    [Fact]
    public Task Is_not_offered_for_a_ref_parameter()
    {
        const string source = """
            using Diff;

            public static partial class Model
            {
                [Differentiable]
                public static double Scaled(double x, {|DIFF0003:ref double[] weights|}) => x * weights.Length;
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    // DIFF0006 and DIFF0007 are often caused by a double parameter meant as a constant, but the generator still
    // lowers a [NoDerivative] double as a value where it is read: marking it leaves the diagnostic in place, so the fix
    // is not offered for them. The two tests with the parameter already marked pin that reason; when the generator
    // starts to treat such a parameter as a constant they fail, and the fix can be offered for these ids too.

    [Fact]
    public Task Is_not_offered_for_an_unsupported_operator_on_a_parameter()
    {
        const string source = """
            using Diff;

            public static partial class Model
            {
                [Differentiable]
                public static double Wrapped(double x, double period) => x * ({|DIFF0006:period % 1.0|});
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task A_marked_double_parameter_still_cannot_take_an_unsupported_operator()
    {
        const string source = """
            using Diff;

            public static partial class Model
            {
                [Differentiable]
                public static double Wrapped(double x, [NoDerivative] double period) => x * ({|DIFF0006:period % 1.0|});
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task A_marked_double_parameter_is_a_constant_in_calls()
    {
        // [NoDerivative] p is never written, so Twice(p) is a call on constants: no DIFF0007, nothing to fix.
        const string source = """
            using Diff;

            public static partial class Model
            {
                public static double Twice(double p) => 2 * p;

                [Differentiable]
                public static double Scaled(double x, [NoDerivative] double p) => x * Twice(p);
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task Marks_a_parameter_read_by_a_call_without_derivative() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            public static double Twice(double p) => 2 * p;

            [Differentiable]
            public static double Scaled(double x, double p) => x * {|DIFF0007:Twice(p)|};
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            public static double Twice(double p) => 2 * p;

            [Differentiable]
            public static double Scaled(double x, [NoDerivative] double p) => x * Twice(p);
        }
        """);
}
