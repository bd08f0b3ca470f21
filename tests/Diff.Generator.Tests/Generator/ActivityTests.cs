using System.Numerics;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// What may read a differentiated value without carrying its derivative (comparisons, integer conversions, int loop
/// counters, data parameters of types not differentiated yet marked [NoDerivative]) is accepted and differentiated
/// correctly: checked against central differences in both modes.
/// </summary>
public sealed class ActivityTests
{
    private const string Usings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    private const string Discrete = Usings + """
        namespace Samples;

        public static partial class Cells
        {
            [Differentiable]
            public static double Stepped(double x, double y)
            {
                int k = (int)(x * 3);
                bool inside = x > 0 && y > 0 && y < 10;
                double s = 0;
                for (int i = 0; i < k; i++)
                    s += y * i + x;
                long cell = (long)Math.Floor(y);
                return inside ? s + x * y * cell : s - x * Math.Sin(y);
            }
        }
        """;

    private const string DataParameters = Usings + """
        namespace Samples;

        public static partial class Data
        {
            [Differentiable]
            public static double Weighted(double x, double y, [NoDerivative] double[,] o, [NoDerivative] Vector3 v,
                [NoDerivative] float f, [NoDerivative] (double Scale, int Count) t, int n)
            {
                double s = x * o[0, 1] + y * o[1, 0];
                s += v.Z * x * y + f * y;
                for (int i = 0; i < t.Count + n; i++)
                    s = s * t.Scale + Math.Cos(x);
                return s;
            }
        }
        """;

    [Theory]
    [InlineData(0.7, 1.3)]
    [InlineData(1.9, 2.6)]
    [InlineData(-0.4, 0.8)]
    public void Comparisons_int_conversions_and_counters_differentiate(double x, double y) =>
        DerivativeCheck.Verify(Discrete, "Samples.Cells", "Stepped", x, y);

    [Fact]
    public void Int_conversion_warns_and_the_method_is_generated()
    {
        var diagnostics = GeneratorHarness.RunAnalyzers(TestCompilation.Create(Discrete));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(diagnostics, d => d.Id == "DIFF0009" && d.GetMessage().Contains("(int)(x * 3)"));
        Assert.Contains(diagnostics, d => d.Id == "DIFF0009" && d.GetMessage().Contains("(long)Math.Floor(y)"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "DIFF0010");
    }

    [Theory]
    [InlineData(0.7, 1.3, 0)]
    [InlineData(0.4, -0.9, 2)]
    public void Data_parameters_of_types_not_differentiated_yet_are_constants(double x, double y, int n) =>
        DerivativeCheck.Verify(DataParameters, "Samples.Data", "Weighted", x, y, new[,] { { 1.0, 0.3 }, { -1.1, 2.0 } },
            new Vector3(0.5f, 1.5f, -2f), 0.25f, (0.9, 2), n);
}
