using System;
using System.Reflection;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// Generated members check their arguments as the BCL does (API.md, "Generated members"): a null array or tensor is
/// an <see cref="ArgumentNullException"/> naming the parameter; a tangent or seed whose length or shape differs from
/// its value's is an <see cref="ArgumentException"/> naming both, never cut silently or read out of range. Members
/// of scalars only hold no check.
/// </summary>
public sealed class ArgumentCheckTests
{
    private const string Source = GeneratorTestSources.Usings + """
        namespace Samples;

        public static partial class Checks
        {
            [Differentiable]
            public static Tensor Scale(Tensor x, double[] w) => x * w[0] + x * w[1];

            [Differentiable]
            public static double Sum(double[] a, double[] @class)
            {
                double s = 0;
                for (int i = 0; i < a.Length; i++)
                    s += a[i] * @class[i];
                return s;
            }

            [Differentiable]
            public static double Poly(double x, double y) => x * x * y;
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Type Type)> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), run.OutputDiagnosticsText);
        return (run, GeneratorHarness.Load(run.OutputCompilation).GetType("Samples.Checks")!);
    });

    private static T Throws<T>(string member, params object?[] args) where T : Exception
    {
        var method = Compiled.Value.Type.GetMethod(member)!;
        var thrown = Assert.Throws<TargetInvocationException>(() => method.Invoke(null, args));
        return Assert.IsType<T>(thrown.InnerException);
    }

    private static Tensor X => Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }).Reshape(2, 3);

    private static readonly double[] W = { 0.5, -1.5 };

    [Fact]
    public void A_null_tangent_or_value_names_its_parameter()
    {
        Assert.Equal("dx", Throws<ArgumentNullException>("ScaleTangent", X, W, null, new double[2]).ParamName);
        Assert.Equal("dw", Throws<ArgumentNullException>("ScaleTangent", X, W, X, null).ParamName);
        Assert.Equal("x", Throws<ArgumentNullException>("ScaleTangent", null, W, X, new double[2]).ParamName);
        Assert.Equal("x", Throws<ArgumentNullException>("ScaleAdjoint", null, W, X).ParamName);
        Assert.Equal("w", Throws<ArgumentNullException>("ScaleJacobian", X, null).ParamName);
        Assert.Equal("a", Throws<ArgumentNullException>("SumGradient", null, new double[2]).ParamName);
        Assert.Equal("class", Throws<ArgumentNullException>("SumAdjoint", new double[2], null, 1.0).ParamName);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void A_tangent_array_of_another_length_names_both_lengths(int length)
    {
        var e = Throws<ArgumentException>("ScaleTangent", X, W, X, new double[length]);
        Assert.Equal("dw", e.ParamName);
        Assert.Contains($"The tangent dw has length {length}, but w has length 2", e.Message);
    }

    [Fact]
    public void A_tangent_tensor_of_another_shape_names_both_shapes()
    {
        var e = Throws<ArgumentException>("ScaleTangent", X, W, X.Transpose(), new double[2]);
        Assert.Equal("dx", e.ParamName);
        Assert.Contains("The tangent dx has shape [3, 2], but x has shape [2, 3]", e.Message);
    }

    [Fact]
    public void A_seed_must_be_there_and_have_the_value_shape()
    {
        Assert.Equal("seed", Throws<ArgumentNullException>("ScaleAdjoint", X, W, null).ParamName);
        var e = Throws<ArgumentException>("ScaleAdjoint", X, W, Tensor.Zeros(6));
        Assert.Equal("seed", e.ParamName);
        Assert.Contains("The seed has shape [6], but the value has shape [2, 3]", e.Message);
    }

    [Fact]
    public void Matching_arguments_pass_the_checks()
    {
        var tangent = ((Tensor Value, Tensor Tangent))Compiled.Value.Type.GetMethod("ScaleTangent")!.Invoke(null, new object[] { X, W, X, new double[] { 1, 0 } })!;
        Assert.Equal(new[] { 2, 3 }, tangent.Tangent.Shape);
        Assert.Equal(-1.0 + 1.0, tangent.Tangent[0, 0], 12);
    }

    [Fact]
    public void Members_of_scalars_hold_no_check()
    {
        var text = Compiled.Value.Run.Source("Samples.Checks.Poly");
        Assert.DoesNotContain("Argument", text);
        Assert.DoesNotContain("throw", text);
    }
}
