using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.MakeTypePartialCodeFix>;

namespace Diff.CodeFixes.Tests;

public class MakeTypePartialTests
{
    [Fact]
    public Task Adds_partial_to_the_type() => Verify.RunAsync(
        """
        using Diff;

        public static class {|DIFF0001:Physics|}
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """,
        """
        using Diff;

        public static partial class Physics
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """);

    [Fact]
    public Task Adds_partial_before_the_keyword_when_there_is_no_modifier() => Verify.RunAsync(
        """
        using Diff;

        namespace Models
        {
            /// <summary>Documented.</summary>
            class {|DIFF0001:Model|}
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
        }
        """,
        """
        using Diff;

        namespace Models
        {
            /// <summary>Documented.</summary>
            partial class Model
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
        }
        """);

    [Fact]
    public Task Makes_every_enclosing_type_partial() => Verify.RunAsync(
        """
        using Diff;

        public class {|DIFF0001:Outer|}
        {
            internal partial struct Middle
            {
                public static class {|DIFF0001:Inner|}
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
        }
        """,
        """
        using Diff;

        public partial class Outer
        {
            internal partial struct Middle
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
        }
        """);

    [Fact]
    public Task Fixes_all_types_of_a_document() => Verify.RunAsync(
        """
        using Diff;

        public static class {|DIFF0001:A|}
        {
            [Differentiable]
            public static double F(double x) => x * x;
        }

        public static class {|DIFF0001:B|}
        {
            [Differentiable]
            public static double G(double x) => x + x * x;
        }
        """,
        """
        using Diff;

        public static partial class A
        {
            [Differentiable]
            public static double F(double x) => x * x;
        }

        public static partial class B
        {
            [Differentiable]
            public static double G(double x) => x + x * x;
        }
        """);

    [Fact]
    public Task Makes_a_record_partial() => Verify.RunAsync(
        """
        using Diff;

        public sealed record {|DIFF0001:Settings|}(double Rate)
        {
            [Differentiable]
            public static double Decay(double x) => x * 0.5;
        }
        """,
        """
        using Diff;

        public sealed partial record Settings(double Rate)
        {
            [Differentiable]
            public static double Decay(double x) => x * 0.5;
        }
        """);
}
