using System;
using System.IO;
using QuantumControl;
using Xunit;

namespace Diff.Samples.Tests.QuantumControl;

/// <summary>The plots render headless (ScottPlot on SkiaSharp's Linux native assets) into real PNG files.</summary>
public class PlotsTests
{
    [Fact]
    public void WritesPngFiles()
    {
        GateProblem problem = GateProblem.Create("hadamard", slices: 8);
        OptimizerResult result = Optimizer.Run(problem, problem.RandomAmplitudes(2), new OptimizerOptions(MaxIterations: 5, TargetFidelity: 0.9));
        string folder = Path.Combine(Path.GetTempPath(), "diff-samples-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (string path in new[] { Plots.Pulses(problem, result.Amplitudes, folder), Plots.Convergence(problem, result, folder) })
            {
                byte[] bytes = File.ReadAllBytes(path);
                Assert.True(bytes.Length > 1000, $"{path}: only {bytes.Length} bytes");
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
