using BenchmarkDotNet.Running;

namespace Diff.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Diff.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line, then prints the small-function suite's figures if it ran.</summary>
    public static void Main(string[] args) => SuiteSummary.Print(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args));
}
