using System;
using System.Globalization;
using System.IO;
using QuantumControl;

// GRAPE: piecewise-constant controls for a quantum gate, optimised by L-BFGS on the gradient Diff generates.
// This file only reads the options and prints; the physics is in GateProblem, the optimisation in Optimizer.

const string Usage = """
    Usage: dotnet run --project samples/QuantumControl -- [options]

    Optimises piecewise-constant controls u_jk so that U = Π_j exp(−i·dt·(H₀ + Σ_k u_jk·H_k)) implements a gate,
    maximising F = |tr(V†U)|²/d² with MathNet's L-BFGS fed by the generated gradient of F.

    Options:
      --gate NAME        cnot (default), iswap (two qubits, ZZ coupling, X/Y drives on each) or hadamard (one qubit)
      --slices N         number of time slices (default 40 for cnot, 50 for iswap, 20 for hadamard)
      --duration T       gate time in units of 1/J (default 2π for cnot, 3π for iswap, π for hadamard)
      --seed S           seed of the random start (default 1)
      --tolerance TOL    stop when ‖∂(1 − F)/∂u‖₂ < TOL (default 1e-6)
      --max-iterations M at most M L-BFGS iterations (default 1000)
      --out DIR          folder for the PNG plots (default quantum-control-output)
      --help             print this and exit
    """;

string gate = "cnot", output = "quantum-control-output";
int? slices = null;
double? duration = null;
int seed = 1, maxIterations = 1000;
double tolerance = 1e-6;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            case "--gate": gate = Value(); break;
            case "--slices": slices = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--duration": duration = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--tolerance": tolerance = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--max-iterations": maxIterations = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--out": output = Value(); break;
            default: throw new FormatException($"Unknown option {args[i]}.");
        }
    }
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

GateProblem problem;
try
{
    problem = GateProblem.Create(gate, slices, duration);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"GRAPE for {problem.Name}: d = {problem.Dimension}, K = {problem.ControlCount} controls ({string.Join(", ", problem.ControlNames)}), " +
    $"N = {problem.Slices} slices, T = {problem.Duration:0.####}, dt = {problem.SliceLength:0.####}, seed {seed}");
Console.WriteLine($"L-BFGS on 1 − F with the generated gradient, tolerance {tolerance:0.#e0}");
Console.WriteLine();
Console.WriteLine("  eval        fidelity     best fidelity    ‖∂F/∂u‖   elapsed");

OptimizerProgress last = default;
void Print(OptimizerProgress p) =>
    Console.WriteLine($"{p.Evaluation,6}  {Truncated(p.Fidelity),14}  {Truncated(p.BestFidelity),14}  {p.GradientNorm,10:0.00e0}  {p.Elapsed.TotalSeconds,7:0.000} s");

double[] start = problem.RandomAmplitudes(seed);
OptimizerResult result = Optimizer.Run(problem, start, new OptimizerOptions(tolerance, maxIterations), p =>
{
    last = p;
    if (p.Evaluation == 1 || p.Evaluation % 5 == 0)
        Print(p);
});
if (last.Evaluation % 5 != 0)
    Print(last);

string pulses = Plots.Pulses(problem, result.Amplitudes, output);
string convergence = Plots.Convergence(problem, result, output);
Console.WriteLine();
Console.WriteLine($"stopped: {result.Reason}; {(result.Iterations >= 0 ? $"{result.Iterations} iterations, " : "")}{result.Evaluations} evaluations, " +
    $"{result.Elapsed.TotalSeconds:0.000} s");
Console.WriteLine($"plots: {Path.GetFullPath(pulses)}, {Path.GetFullPath(convergence)}");
Console.WriteLine($"fidelity {Truncated(result.Fidelity)} (1 − F = {1 - result.Fidelity:0.0e0})");
return 0;

// F to 12 decimals, cut rather than rounded so that 0.99999999999997 does not print as 1.
static string Truncated(double f) => (Math.Floor(f * 1e12) / 1e12).ToString("0.000000000000", CultureInfo.InvariantCulture);
