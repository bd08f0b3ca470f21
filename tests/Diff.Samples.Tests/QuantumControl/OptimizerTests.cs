using QuantumControl;
using Xunit;

namespace Diff.Samples.Tests.QuantumControl;

/// <summary>Short optimisation runs with fixed seeds reach a fixed fidelity.</summary>
public class OptimizerTests
{
    [Theory]
    [InlineData("hadamard", 1)]
    [InlineData("cnot", 1)]
    public void ReachesTheTargetFidelity(string gate, int seed)
    {
        GateProblem problem = GateProblem.Create(gate);
        double[] start = problem.RandomAmplitudes(seed);

        OptimizerResult result = Optimizer.Run(problem, start, new OptimizerOptions(TargetFidelity: 0.999, MaxIterations: 200));

        Assert.True(result.Fidelity >= 0.999, $"{gate}: fidelity {result.Fidelity} after {result.Evaluations} evaluations ({result.Reason})");
        Assert.Equal(result.Fidelity, problem.Fidelity(result.Amplitudes), 12);
        Assert.Equal(result.Evaluations, result.History.Count);
    }

    [Fact]
    public void DefaultRunConvergesPastFourNines()
    {
        GateProblem problem = GateProblem.Create("iswap");

        OptimizerResult result = Optimizer.Run(problem, problem.RandomAmplitudes(1), new OptimizerOptions());

        Assert.True(result.Fidelity > 0.9999, $"fidelity {result.Fidelity} ({result.Reason})");
    }
}
