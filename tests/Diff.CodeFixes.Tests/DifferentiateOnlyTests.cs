using System.Threading.Tasks;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.DifferentiateOnlyCodeFix>;
using VerifyMark = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.MarkNoDerivativeCodeFix>;

namespace Diff.CodeFixes.Tests;

public class DifferentiateOnlyTests
{
    private const string Classifier = """
        using System;
        using Diff;

        public static partial class Model
        {
            [Differentiable]
            public static double Loss(double w, double b, [NoDerivative] double[] x, {|DIFF0020:double[] labels|})
            {
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double p = 1 / (1 + Math.Exp(-(w * x[i] + b)));
                    loss -= labels[i] > 0.5 ? Math.Log(p) : Math.Log(1 - p);
                }
                return loss;
            }
        }
        """;

    [Fact]
    public Task Names_the_inputs_that_matter() => Verify.RunAsync(
        Classifier,
        Classifier.Replace("[Differentiable]", "[Differentiable(nameof(w), nameof(b))]").Replace("{|DIFF0020:double[] labels|}", "double[] labels"));

    [Fact]
    public Task Or_marks_the_data_NoDerivative() => VerifyMark.RunAsync(
        Classifier,
        Classifier.Replace("{|DIFF0020:double[] labels|}", "[NoDerivative] double[] labels"));

    [Fact]
    public Task Names_the_inputs_once_for_two_data_parameters() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable]
            public static Tensor Step(Tensor w, {|DIFF0020:Tensor batch|}, {|DIFF0020:double[] mask|}) =>
                mask.Length > 0 ? w * (2.0 / batch.Shape[0]) : w;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Differentiable(nameof(w))]
            public static Tensor Step(Tensor w, Tensor batch, double[] mask) =>
                mask.Length > 0 ? w * (2.0 / batch.Shape[0]) : w;
        }
        """);

    [Fact]
    public Task Keeps_a_keyword_name_escaped() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Model
        {
            [Diff.Differentiable]
            public static double Scale(double @in, {|DIFF0020:double[] @out|}) => @out.Length * @in;
        }
        """,
        """
        using Diff;

        public static partial class Model
        {
            [Diff.Differentiable(nameof(@in))]
            public static double Scale(double @in, double[] @out) => @out.Length * @in;
        }
        """);
}
