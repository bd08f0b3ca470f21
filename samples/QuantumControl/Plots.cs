using System;
using System.IO;
using System.Linq;
using ScottPlot;

namespace QuantumControl;

/// <summary>PNG plots of an optimisation (ScottPlot, rendered off-screen, so it works headless).</summary>
public static class Plots
{
    /// <summary>The optimised amplitudes as piecewise-constant pulses, one line per control; returns the file's path.</summary>
    public static string Pulses(GateProblem problem, double[] amplitudes, string folder)
    {
        var plot = new Plot();
        int n = problem.Slices, controls = problem.ControlCount;
        double[] times = Enumerable.Range(0, n + 1).Select(j => j * problem.SliceLength).ToArray();
        for (int k = 0; k < controls; k++)
        {
            // The value of slice j holds from t_j to t_{j+1}; the last value is repeated so the last step is drawn.
            double[] values = Enumerable.Range(0, n + 1).Select(j => amplitudes[Math.Min(j, n - 1) * controls + k]).ToArray();
            var line = plot.Add.Scatter(times, values);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"u{k + 1}(t), coefficient of {problem.ControlNames[k]}";
        }
        plot.Title($"Optimised controls for {problem.Name}: N = {n} slices, T = {problem.Duration:0.###}");
        plot.XLabel("time t (1/J)");
        plot.YLabel("amplitude (J)");
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, $"{problem.Name}-pulses.png");
    }

    /// <summary>The best infidelity 1 − F so far against the evaluation count, on a log scale; returns the file's path.</summary>
    public static string Convergence(GateProblem problem, OptimizerResult result, string folder)
    {
        var plot = new Plot();
        double[] evaluations = result.History.Select(p => (double)p.Evaluation).ToArray();
        // Rounding can make F a hair above 1 at the optimum; the plot floors 1 − F at 1e-16.
        double[] infidelity = result.History.Select(p => Math.Log10(Math.Max(1 - p.BestFidelity, 1e-16))).ToArray();
        var line = plot.Add.Scatter(evaluations, infidelity);
        line.MarkerSize = 3;
        line.LineWidth = 2;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Title($"L-BFGS on {problem.Name}: best 1 − F by evaluation");
        plot.XLabel("fidelity and gradient evaluations");
        plot.YLabel("1 − F (log scale)");
        return Save(plot, folder, $"{problem.Name}-convergence.png");
    }

    private static string Save(Plot plot, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        plot.SavePng(path, 900, 500);
        return path;
    }
}
