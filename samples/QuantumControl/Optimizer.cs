using System;
using System.Collections.Generic;
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace QuantumControl;

/// <summary>How <see cref="Optimizer"/> runs.</summary>
/// <param name="GradientTolerance">
/// Stop when ‖∂(1 − F)/∂u‖₂ falls below this (MathNet also stops when a step no longer moves u or 1 − F).
/// </param>
/// <param name="MaxIterations">At most this many L-BFGS iterations.</param>
/// <param name="TargetFidelity">Stop as soon as an evaluation reaches this fidelity; null runs to the tolerance.</param>
/// <param name="Memory">How many past steps L-BFGS keeps for its Hessian estimate.</param>
public sealed record OptimizerOptions(double GradientTolerance = 1e-6, int MaxIterations = 1000, double? TargetFidelity = null, int Memory = 20);

/// <summary>One evaluation of the fidelity and its gradient, as the optimiser saw it.</summary>
/// <param name="Evaluation">1 for the first evaluation (the start), and so on.</param>
/// <param name="Fidelity">F at the evaluated point.</param>
/// <param name="BestFidelity">The best F so far.</param>
/// <param name="GradientNorm">‖∂F/∂u‖₂ at the evaluated point.</param>
/// <param name="Elapsed">Time since the optimisation started.</param>
public readonly record struct OptimizerProgress(int Evaluation, double Fidelity, double BestFidelity, double GradientNorm, TimeSpan Elapsed);

/// <summary>What <see cref="Optimizer.Run"/> found.</summary>
/// <param name="Amplitudes">The best amplitudes evaluated (length N·K, slice-major).</param>
/// <param name="Fidelity">F of <paramref name="Amplitudes"/>.</param>
/// <param name="Iterations">L-BFGS iterations, where MathNet reported them (−1 when it stopped by an exception).</param>
/// <param name="Evaluations">Fidelity-and-gradient evaluations.</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="History">Every evaluation in order.</param>
public sealed record OptimizerResult(double[] Amplitudes, double Fidelity, int Iterations, int Evaluations, TimeSpan Elapsed, string Reason,
    IReadOnlyList<OptimizerProgress> History);

/// <summary>
/// GRAPE with a quasi-Newton step: MathNet's L-BFGS minimises the infidelity 1 − F, with F and ∂F/∂u from the
/// generated <see cref="GateFidelity.FidelityGradient"/> (never finite differences).
/// </summary>
public static class Optimizer
{
    /// <summary>Optimises from <paramref name="start"/>, calling <paramref name="progress"/> after every evaluation.</summary>
    public static OptimizerResult Run(GateProblem problem, double[] start, OptimizerOptions options, Action<OptimizerProgress>? progress = null)
    {
        var history = new List<OptimizerProgress>();
        var clock = Stopwatch.StartNew();
        double[] best = (double[])start.Clone();
        double bestFidelity = double.NegativeInfinity;

        (double, Vector<double>) Infidelity(Vector<double> point)
        {
            double[] amplitudes = point.ToArray();
            (double fidelity, double[] gradient) = problem.FidelityGradient(amplitudes);
            if (fidelity > bestFidelity)
            {
                bestFidelity = fidelity;
                best = amplitudes;
            }
            Vector<double> infidelityGradient = -Vector<double>.Build.DenseOfArray(gradient);
            var report = new OptimizerProgress(history.Count + 1, fidelity, bestFidelity, infidelityGradient.L2Norm(), clock.Elapsed);
            history.Add(report);
            progress?.Invoke(report);
            if (fidelity >= options.TargetFidelity)
                throw new TargetReachedException();
            return (1 - fidelity, infidelityGradient);
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(options.GradientTolerance, parameterTolerance: 1e-12, functionProgressTolerance: 1e-14,
            memory: options.Memory, maximumIterations: options.MaxIterations);
        int iterations = -1;
        string reason;
        try
        {
            MinimizationResult result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Infidelity), Vector<double>.Build.DenseOfArray(start));
            iterations = result.Iterations;
            reason = result.ReasonForExit.ToString();
        }
        catch (TargetReachedException)
        {
            reason = $"fidelity reached the target {options.TargetFidelity}";
        }
        catch (MaximumIterationsException)
        {
            reason = $"maximum of {options.MaxIterations} iterations";
        }
        catch (OptimizationException e)
        {
            // MathNet's line search gives up when 1 − F is at rounding level and no step decreases it further.
            reason = $"stopped: {e.Message}";
        }
        return new OptimizerResult(best, bestFidelity, iterations, history.Count, clock.Elapsed, reason, history);
    }

    private sealed class TargetReachedException : Exception;
}
