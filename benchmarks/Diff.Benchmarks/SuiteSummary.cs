using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace Diff.Benchmarks;

/// <summary>
/// The figures issue 20's goals are stated in, printed after a run of <see cref="SmallFunctionBenchmarks"/>: per
/// function gradient/primal, gradient/by-hand and bytes per call, then the median, 90th percentile and worst ratio.
/// </summary>
public static class SuiteSummary
{
    /// <summary>Writes the table and the statistics for every summary that holds the small-function suite.</summary>
    public static void Print(IEnumerable<Summary> summaries)
    {
        foreach (var summary in summaries)
        {
            var rows = summary.Reports
                .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(SmallFunctionBenchmarks) && r.ResultStatistics is not null)
                .Select(r => (
                    Function: r.BenchmarkCase.Descriptor.Categories.First(),
                    Kind: r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                    Nanoseconds: r.ResultStatistics!.Mean,
                    Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0))
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var ratios = new List<double>();
            Console.WriteLine();
            Console.WriteLine("| function | primal (ns) | Gradient (ns) | gradient/primal | by hand (ns) | gradient/by hand | Gradient B/call |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var group in rows.GroupBy(r => r.Function).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var primal = group.FirstOrDefault(r => r.Kind == "primal");
                var gradient = group.FirstOrDefault(r => r.Kind == "Gradient");
                var byHand = group.FirstOrDefault(r => r.Kind == "by hand");
                if (primal.Function is null || gradient.Function is null)
                {
                    continue;
                }

                double ratio = gradient.Nanoseconds / primal.Nanoseconds;
                ratios.Add(ratio);
                string hand = byHand.Function is null ? "" : Format(byHand.Nanoseconds);
                string handRatio = byHand.Function is null ? "" : Format(gradient.Nanoseconds / byHand.Nanoseconds);
                Console.WriteLine(
                    $"| {group.Key} | {Format(primal.Nanoseconds)} | {Format(gradient.Nanoseconds)} | {Format(ratio)} | {hand} | {handRatio} | {gradient.Bytes} |");
            }

            ratios.Sort();
            Console.WriteLine();
            Console.WriteLine(
                $"gradient/primal over {ratios.Count} functions: median {Format(Percentile(ratios, 0.5))}, " +
                $"90th percentile {Format(Percentile(ratios, 0.9))}, worst {Format(ratios[^1])} (goals: 2.5, 4, 6)");
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Format(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
