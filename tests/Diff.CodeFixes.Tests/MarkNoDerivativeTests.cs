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
}
