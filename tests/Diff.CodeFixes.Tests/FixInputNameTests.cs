using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.FixInputNameCodeFix>;

namespace Diff.CodeFixes.Tests;

public class FixInputNameTests
{
    private static void Replace(Verifier<FixInputNameCodeFix> test) => test.CodeActionEquivalenceKey = FixInputNameCodeFix.ReplaceKey;

    private static void Remove(Verifier<FixInputNameCodeFix> test) => test.CodeActionEquivalenceKey = FixInputNameCodeFix.RemoveKey;

    private static void RemoveNoDerivative(Verifier<FixInputNameCodeFix> test) => test.CodeActionEquivalenceKey = FixInputNameCodeFix.RemoveNoDerivativeKey;

    [Fact]
    public Task Replaces_a_misspelled_string_with_nameof_the_closest_parameter() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable({|DIFF0019:"wieght"|}, nameof(b))]
            public static double Line(double weight, double b, [NoDerivative] double x) => weight * x + b;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(weight), nameof(b))]
            public static double Line(double weight, double b, [NoDerivative] double x) => weight * x + b;
        }
        """,
        Replace);

    [Fact]
    public Task Replaces_a_nameof_of_nothing_which_the_compiler_reports_too() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable({|DIFF0019:nameof({|CS0103:Bias|})|})]
            public static double Line(double w, double bias, double x) => w * x + bias;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(bias))]
            public static double Line(double w, double bias, double x) => w * x + bias;
        }
        """,
        Replace);

    [Fact]
    public Task Removes_the_name_of_an_int_parameter() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x), {|DIFF0019:nameof(n)|})]
            public static double Power(double x, double y, int n) => Math.Pow(x, n) * y;
        }
        """,
        """
        using System;
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x))]
            public static double Power(double x, double y, int n) => Math.Pow(x, n) * y;
        }
        """,
        Remove);

    [Fact]
    public Task Removing_the_only_name_leaves_every_input() => Verify.RunAsync(
        """
        using System;
        using Diff;

        public static partial class Model
        {
            [Differentiable({|DIFF0019:nameof(n)|})]
            public static double Power(double x, int n) => Math.Pow(x, n);
        }
        """,
        """
        using System;
        using Diff;

        public static partial class Model
        {
            [Differentiable]
            public static double Power(double x, int n) => Math.Pow(x, n);
        }
        """,
        Remove);

    [Fact]
    public Task Removes_a_repeated_name_and_keeps_the_first() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x), {|DIFF0019:nameof(x)|})]
            public static double Product(double x, double y) => x * y;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x))]
            public static double Product(double x, double y) => x * y;
        }
        """,
        Remove);

    [Fact]
    public Task Removes_a_name_from_an_explicit_array() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(new[] { "x", {|DIFF0019:"k"|} })]
            public static double Scaled(double x, double y, int k) => x * y * k;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(new[] { "x" })]
            public static double Scaled(double x, double y, int k) => x * y * k;
        }
        """,
        Remove);

    [Fact]
    public Task A_named_NoDerivative_parameter_can_lose_its_name() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x), {|DIFF0019:nameof(scale)|})]
            public static double Scaled(double x, [NoDerivative] double scale) => scale * x * x;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x))]
            public static double Scaled(double x, [NoDerivative] double scale) => scale * x * x;
        }
        """,
        Remove);

    [Fact]
    public Task A_named_NoDerivative_parameter_can_lose_its_attribute() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x), {|DIFF0019:nameof(scale)|})]
            public static double Scaled(double x, [NoDerivative] double scale) => scale * x * x;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(x), nameof(scale))]
            public static double Scaled(double x, double scale) => scale * x * x;
        }
        """,
        RemoveNoDerivative);
}
