using System.Numerics;
using Xunit;

namespace Diff.Generator.Tests.Generator;

/// <summary>The generated tangents and adjoints of the snapshot methods against central differences.</summary>
public sealed class NumericTests
{
    [Theory]
    [InlineData(0.7, 1.3)]
    [InlineData(-0.4, 2.1)]
    public void StraightLine(double x, double y) =>
        DerivativeCheck.Verify(GeneratorTestSources.StraightLine, "Samples.Functions", "Poly", x, y);

    [Theory]
    [InlineData(0.3, 1.7, 0)]
    [InlineData(0.3, 1.7, 1)]
    [InlineData(0.8, 1.2, 25)]
    [InlineData(0.8, 0.9, 1000)]
    public void Damped(double x, double k, int steps) =>
        DerivativeCheck.Verify(GeneratorTestSources.Damped, "Samples.Physics", "Damped", x, k, steps);

    [Theory]
    [InlineData(2.0, 1.5)]
    [InlineData(-0.5, 1.1)]
    [InlineData(0.5, 1.1)]
    [InlineData(0.2, 0.4)]
    public void Branches(double x, double y) =>
        DerivativeCheck.Verify(GeneratorTestSources.Branches, "Samples.Functions", "Piecewise", x, y);

    [Theory]
    [InlineData(-1.0, 0.7)]
    [InlineData(0.3, 0.7)]
    [InlineData(1.5, 0.7)]
    public void Returns(double x, double a) =>
        DerivativeCheck.Verify(GeneratorTestSources.Returns, "Samples.Functions", "EarlyExit", x, a);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 3)]
    [InlineData(4, 2)]
    public void NestedLoops(int n, int m) =>
        DerivativeCheck.Verify(GeneratorTestSources.NestedLoops, "Samples.Series", "Accumulate", new Complex(0.6, 0.3), 0.4, n, m);

    [Fact]
    public void ComplexParameters() =>
        DerivativeCheck.Verify(GeneratorTestSources.ComplexParameters, "Samples.Waves", "Energy", new Complex(0.8, -0.6), 1.3);

    [Fact]
    public void ComplexOfReal() =>
        DerivativeCheck.Verify(GeneratorTestSources.ComplexOfReal, "Samples.Waves", "Wave", 0.7, 1.9);

    [Fact]
    public void Calls() =>
        DerivativeCheck.Verify(GeneratorTestSources.Calls, "Samples.Composite", "Outer", 0.7, 1.2);

    [Fact]
    public void Registered() =>
        DerivativeCheck.Verify(GeneratorTestSources.Registered, "Samples.Activations", "Layer", 0.7, 1.2, -0.3);

    [Fact]
    public void NoDerivative() =>
        DerivativeCheck.Verify(GeneratorTestSources.NoDerivative, "Samples.Functions", "Scaled", 0.7, 2.5, 3);

    [Fact]
    public void Reassigned() =>
        DerivativeCheck.Verify(GeneratorTestSources.Reassigned, "Samples.Functions", "Reassign", 0.7, 1.2);

    [Fact]
    public void MathBattery() =>
        DerivativeCheck.Verify(GeneratorTestSources.MathBattery, "Samples.Battery", "AllMath", 0.3, 1.7);

    [Theory]
    [InlineData(0.3, 100.0, 3)]
    [InlineData(0.3, 2.0, 6)]
    [InlineData(0.9, 1.0, 1)]
    [InlineData(0.5, 1.2, 0)]
    public void ReturnInLoop(double x, double limit, int n) =>
        DerivativeCheck.Verify(GeneratorTestSources.ReturnInLoop, "Samples.Search", "FirstAbove", x, limit, n);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void LoopEdgeCases(int n) =>
        DerivativeCheck.Verify(GeneratorTestSources.LoopEdgeCases, "Samples.Edge", "Mixed", 0.4, new Complex(0.7, -0.2), n);
}
