using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.MakeMethodStaticCodeFix>;

namespace Diff.CodeFixes.Tests;

public class MakeMethodStaticTests
{
    [Fact]
    public Task Adds_static() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public partial class Model
        {
            [Differentiable]
            public double {|DIFF0002:Loss|}(double x, double y) => Math.Sin(x) * y;
        }
        """,
        """
        using System;
        using Diff;

        public partial class Model
        {
            [Differentiable]
            public static double Loss(double x, double y) => Math.Sin(x) * y;
        }
        """);

    [Fact]
    public Task Adds_static_without_other_modifiers() => Verify.RunAsync(
        """
        using Diff;

        partial class Model
        {
            [Differentiable]
            double {|DIFF0002:Square|}(double x)
            {
                return x * x;
            }
        }
        """,
        """
        using Diff;

        partial class Model
        {
            [Differentiable]
            static double Square(double x)
            {
                return x * x;
            }
        }
        """);

    [Fact]
    public Task Is_not_offered_when_the_body_uses_the_instance()
    {
        const string source = """
            using Diff;

            public partial class Model
            {
                private double _scale = 2;

                [Differentiable]
                public double {|DIFF0002:Scaled|}(double x) => _scale * x;
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task Is_not_offered_for_an_override()
    {
        const string source = """
            using Diff;

            public abstract class Base
            {
                public abstract double Square(double x);
            }

            public partial class Model : Base
            {
                [Differentiable]
                public override double {|DIFF0002:Square|}(double x) => x * x;
            }
            """;
        return Verify.RunAsync(source, source, Verify.NoFixExpected);
    }

    [Fact]
    public Task Fixes_all_methods_of_a_type() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public partial class Model
        {
            [Differentiable]
            public double {|DIFF0002:F|}(double x) => Math.Exp(x);

            [Differentiable]
            internal double {|DIFF0002:G|}(double x) => x * x;
        }
        """,
        """
        using System;
        using Diff;

        public partial class Model
        {
            [Differentiable]
            public static double F(double x) => Math.Exp(x);

            [Differentiable]
            internal static double G(double x) => x * x;
        }
        """);
}
