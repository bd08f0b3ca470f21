using System;
using System.Diagnostics;
using System.Globalization;
using SpiralClassifier;

// A two-layer network learns to tell apart the arms of a spiral, trained by mini-batch gradient descent on the
// gradient Diff generates from Network.Loss. This file reads the options and prints.

const string Usage = """
    Usage: dotnet run --project samples/SpiralClassifier -- [options]

    Trains x → leaky ReLU(x·W1 + b1)·W2 + b2 with a softmax cross-entropy loss on a spiral of 3 arms (CS231n's toy
    problem), by gradient descent on the gradient generated from Network.Loss.

    Options:
      --seed S        seed of the data and of the initial weights (default 1)
      --points N      points per arm (default 100)
      --hidden H      hidden units (default 64)
      --steps K       gradient steps (default 2000)
      --rate R        learning rate (default 0.5)
      --batch B       rows per step (default 100)
      --help          print this and exit
    """;

int seed = 1, points = 100, hidden = 64, steps = 2000, batch = 100;
double rate = 0.5;
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
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--points": points = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--hidden": hidden = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--steps": steps = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--rate": rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--batch": batch = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: throw new FormatException($"Unknown option {args[i]}.");
        }
    }
    if (points < 1 || hidden < 1 || steps < 0 || batch < 1 || !(rate > 0))
        throw new FormatException("--points, --hidden and --batch must be positive, --steps not negative, --rate above 0.");
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

const int Classes = 3;
DataSet data = Spiral.Generate(points, Classes, seed);
Parameters start = Parameters.Initial(inputs: 2, hidden, Classes, seed);
Console.WriteLine(FormattableString.Invariant($"spiral: {data.Count} points, {Classes} classes; network 2 → {hidden} → {Classes}; {steps} steps of rate {rate}, {Math.Min(batch, data.Count)} rows each"));

var clock = Stopwatch.StartNew();
var (trained, history) = Training.Run(start, data, steps, rate, batch, reportEvery: Math.Max(1, steps / 10));
foreach (TrainingProgress p in history)
    Console.WriteLine(FormattableString.Invariant($"step {p.Step,5}  loss {p.Loss:F4}  accuracy {p.Accuracy:P1}"));
Console.WriteLine(FormattableString.Invariant($"trained in {clock.Elapsed.TotalSeconds:F2} s: loss {history[0].Loss:F4} → {history[^1].Loss:F4}, accuracy {Network.Accuracy(trained, data):P1}"));
return 0;
