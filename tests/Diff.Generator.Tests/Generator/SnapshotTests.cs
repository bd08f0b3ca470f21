using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>The generated source of representative methods, compared with reviewed snapshots; each must compile warning-free.</summary>
public sealed class SnapshotTests
{
    private static string Generate(string source, string hintName)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning),
            run.OutputDiagnosticsText + "\n\n" + string.Join("\n\n", run.Sources.Select(s => s.Text)));
        Assert.DoesNotContain(GeneratorHarness.RunAnalyzers(run.OutputCompilation), d => d.Severity == DiagnosticSeverity.Error);
        return run.Source(hintName);
    }

    [Fact]
    public void StraightLine() =>
        Snapshot.Verify(Generate(GeneratorTestSources.StraightLine, "Samples.Functions.Poly"), "StraightLine");

    [Fact]
    public void RosenbrockOverAnArray() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Reductions, "Samples.Reductions.Rosenbrock"), "Rosenbrock");

    [Fact]
    public void StencilOverTwoArrays() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Reductions, "Samples.Reductions.Smoothness"), "Smoothness");

    [Fact]
    public void Damped() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Damped, "Samples.Physics.Damped"), "Damped");

    [Fact]
    public void Branches() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Branches, "Samples.Functions.Piecewise"), "Branches");

    [Fact]
    public void SeveralReturns() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Returns, "Samples.Functions.EarlyExit"), "SeveralReturns");

    [Fact]
    public void NestedLoopsWithComplexCarried() =>
        Snapshot.Verify(Generate(GeneratorTestSources.NestedLoops, "Samples.Series.Accumulate"), "NestedLoops");

    [Fact]
    public void ComplexParameters() =>
        Snapshot.Verify(Generate(GeneratorTestSources.ComplexParameters, "Samples.Waves.Energy"), "ComplexParameters");

    [Fact]
    public void ComplexResultOfRealInputs() =>
        Snapshot.Verify(Generate(GeneratorTestSources.ComplexOfReal, "Samples.Waves.Wave"), "ComplexOfReal");

    [Fact]
    public void CallToDifferentiableMethod() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Calls, "Samples.Composite.Outer"), "CallToDifferentiable");

    [Fact]
    public void CallToRegisteredDerivatives() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Registered, "Samples.Activations.Layer"), "CallToRegistered");

    [Fact]
    public void NoDerivativeParameter() =>
        Snapshot.Verify(Generate(GeneratorTestSources.NoDerivative, "Samples.Functions.Scaled"), "NoDerivative");

    [Fact]
    public void ReassignedParameters() =>
        Snapshot.Verify(Generate(GeneratorTestSources.Reassigned, "Samples.Functions.Reassign"), "Reassigned");

    [Fact]
    public void MathFunctions() =>
        Snapshot.Verify(Generate(GeneratorTestSources.MathBattery, "Samples.Battery.AllMath"), "MathFunctions");

    [Fact]
    public void ReturnInsideLoops() =>
        Snapshot.Verify(Generate(GeneratorTestSources.ReturnInLoop, "Samples.Search.FirstAbove"), "ReturnInLoop");

    [Fact]
    public void NestedTypesAndOverloads()
    {
        const string source = GeneratorTestSources.Usings + """
            namespace Samples;

            public partial class Outer
            {
                internal static partial class Inner
                {
                    [Differentiable]
                    internal static double Twice(double x) => 2 * x;

                    [Differentiable]
                    internal static Complex Twice(Complex z) => 2 * z;
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.True(!run.OutputDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), run.OutputDiagnosticsText);
        Assert.Equal(new[] { "Samples.Outer.Inner.Twice(System.Numerics.Complex).g.cs", "Samples.Outer.Inner.Twice(double).g.cs" }, run.Sources.Select(s => s.HintName));
        Snapshot.Verify(run.Source("Samples.Outer.Inner.Twice(System.Numerics.Complex)"), "NestedTypesAndOverloads");
    }
}
