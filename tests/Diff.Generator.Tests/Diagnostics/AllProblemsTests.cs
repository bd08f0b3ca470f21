using System;
using System.Linq;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Diagnostics;

/// <summary>All problems at once: a parameter the generator cannot take (DIFF0003) no longer hides the body's.</summary>
public sealed class AllProblemsTests
{
    [Fact]
    public void An_unsupported_parameter_does_not_hide_the_body_diagnostics()
    {
        const string source = "using System;\nusing Diff;\n\n" + """
            public static partial class C
            {
                public static double Field;

                [Differentiable]
                public static double M(double x, ref double y, params double[] rest)
                {
                    double s = x * y + rest.Length;
                    while (s > 10.0)
                        s = s / 2.0;
                    Field = s;
                    return s * x;
                }
            }
            """;
        var diagnostics = GeneratorHarness.RunAnalyzers(source);
        Assert.DoesNotContain(diagnostics, d => d.Id is "DIFF9999" or "AD0001");
        string Reported() => string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.True(diagnostics.Count(d => d.Id == "DIFF0003") == 2, Reported());
        Assert.True(diagnostics.Any(d => d.Id == "DIFF0005" && d.GetMessage().Contains("while", StringComparison.OrdinalIgnoreCase)), Reported());
        Assert.True(diagnostics.Any(d => d.Id == "DIFF0008"), Reported());

        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }
}
