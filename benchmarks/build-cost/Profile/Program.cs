using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

// Splits what the Diff generator adds to a compilation, in process and on one thread (concurrentBuild: false), so
// the numbers do not depend on how busy the other cores are:
//   compile   — binding and emitting the project's own sources (the cost without the generator)
//   generator — running DiffGenerator (and each of its tracked steps)
//   generated — binding and emitting the generated files (compile of the output minus compile of the input)
//   analyzers — each Diff analyzer over the output compilation
// Usage: Profile <directory with the .cs files> [runs=7]; prints medians over the runs after one warm-up.
var directory = args[0];
var runs = args.Length > 1 && int.TryParse(args[^1], out var lastArgument) ? lastArgument : 7;
// As csc parses without /doc (no GenerateDocumentationFile): doc comments are not parsed.
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
var trees = Directory.GetFiles(directory, "*.cs", SearchOption.TopDirectoryOnly)
    .OrderBy(f => f, StringComparer.Ordinal)
    .Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), parseOptions, f))
    .ToArray();
var references = Net100.References.All
    .Append(MetadataReference.CreateFromFile(typeof(Diff.DifferentiableAttribute).Assembly.Location))
    .ToArray();
var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Debug, concurrentBuild: false,
    specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["DIFF0009"] = ReportDiagnostic.Suppress, ["DIFF0010"] = ReportDiagnostic.Suppress });
CSharpCompilation Fresh() => CSharpCompilation.Create("Bench", trees, references, options);

var generatorAssembly = typeof(Diff.Generator.DiffGenerator).Assembly;
var analyzers = generatorAssembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

var samples = new Dictionary<string, List<double>>();
void Add(string key, double ms)
{
    if (!samples.TryGetValue(key, out var list))
    {
        samples[key] = list = new List<double>();
    }

    list.Add(ms);
}

// CPU time of the process (the work runs on one thread), less disturbed by other processes than wall time.
var useWall = Environment.GetEnvironmentVariable("PROFILE_WALL") == "1";
double Time(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    process.Refresh();
    return useWall ? watch.Elapsed.TotalMilliseconds : (process.TotalProcessorTime - cpu).TotalMilliseconds;
}

static void Compile(Compilation compilation)
{
    using var peStream = new MemoryStream();
    using var pdbStream = new MemoryStream();
    EmitResult result = compilation.Emit(peStream, pdbStream);
    if (!result.Success)
    {
        throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
    }
}

// PROFILE_COMPILE_ONLY=1: only compile directories (e.g. the sources with generated files copied in as plain files, in
// variants): Profile dir [runs] or Profile dir1 dir2 ... [runs]. The directories are compiled in turn in every run, so
// that a change in the machine's load hits them alike; medians of compile (bind and emit) and of binding alone.
if (Environment.GetEnvironmentVariable("PROFILE_COMPILE_ONLY") == "1")
{
    var directories = args.Where(Directory.Exists).ToArray();
    var compileRuns = runs;
    var sets = directories.Select(d => Directory.GetFiles(d, "*.cs", SearchOption.TopDirectoryOnly)
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), parseOptions, f))
        .ToArray()).ToArray();
    var compileTimes = directories.Select(_ => new List<double>()).ToArray();
    var bindTimes = directories.Select(_ => new List<double>()).ToArray();
    for (var run = 0; run <= compileRuns; run++)
    {
        for (var i = 0; i < sets.Length; i++)
        {
            GC.Collect();
            var set = sets[i];
            var compile = Time(() => Compile(CSharpCompilation.Create("Bench", set, references, options)));
            GC.Collect();
            var bind = Time(() => CSharpCompilation.Create("Bench", set, references, options).GetDiagnostics());
            if (run > 0)
            {
                compileTimes[i].Add(compile);
                bindTimes[i].Add(bind);
            }
        }
    }

    for (var i = 0; i < sets.Length; i++)
    {
        Console.WriteLine($"{directories[i]}: {sets[i].Length} files, {sets[i].Sum(t => t.Length) / 1024} KB: compile median {Median(compileTimes[i]):F0} ms (min {compileTimes[i].Min():F0}, max {compileTimes[i].Max():F0}), binding median {Median(bindTimes[i]):F0} ms");
    }

    return;
}

int generatedFiles = 0, generatedChars = 0;
for (var run = 0; run <= runs; run++)
{
    var warm = run > 0;
    GC.Collect();
    GC.WaitForPendingFinalizers();

    var compileInput = Time(() => Compile(Fresh()));

    GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new Diff.Generator.DiffGenerator().AsSourceGenerator() }, parseOptions: parseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    Compilation output = null!;
    var input = Fresh();
    var generator = Time(() => driver = driver.RunGeneratorsAndUpdateCompilation(input, out output, out _));
    var result = driver.GetRunResult();
    generatedFiles = result.GeneratedTrees.Length;
    generatedChars = result.GeneratedTrees.Sum(t => t.Length);

    // Compile the output on a fresh compilation with the same trees, so no binding done by the generator is reused.
    var outputTrees = output.SyntaxTrees.ToArray();
    var compileOutput = Time(() => Compile(CSharpCompilation.Create("Bench", outputTrees, references, options)));
    var bindOutput = Time(() => CSharpCompilation.Create("Bench", outputTrees, references, options).GetDiagnostics());
    var bindInput = Time(() => Fresh().GetDiagnostics());

    if (!warm)
    {
        // The first run, after compiling the sources once (so the compiler's own binding code has run): what the
        // generator's cold start adds (JIT of the generator, and of the compiler paths it uses, such as IOperation).
        Console.WriteLine($"first run (cold): generator {generator:F0} ms");
    }

    if (warm)
    {
        Add("compile (sources only)", compileInput);
        Add("generator", generator);
        foreach (var step in result.Results[0].TrackedSteps)
        {
            Add("  step " + step.Key, step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds));
        }

        Add("compile (sources + generated)", compileOutput);
        Add("generated code compile (difference)", compileOutput - compileInput);
        Add("  of which binding (GetDiagnostics)", bindOutput - bindInput);
    }

    // The analyzers on the output compilation, all together (as in a build), then each alone.
    var all = Time(() => CSharpCompilation.Create("Bench", outputTrees, references, options)
        .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false))
        .GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result.Length.ToString());
    var withAnalyzers = CSharpCompilation.Create("Bench", outputTrees, references, options)
        .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    // Binding done first, so the analyzers' own time is what is left.
    withAnalyzers.Compilation.GetDiagnostics();
    var own = Time(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result.Length.ToString());
    if (warm)
    {
        Add("analyzers (incl. binding)", all);
        Add("analyzers (after binding)", own);
        foreach (var analyzer in analyzers)
        {
            var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).Result;
            Add("  analyzer " + analyzer.GetType().Name, info.ExecutionTime.TotalMilliseconds);
        }
    }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    var n = sorted.Count;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

Console.WriteLine($"{trees.Length} source files; {generatedFiles} generated files, {generatedChars / 1024} KB; medians of {runs} runs after a warm-up, {(useWall ? "wall" : "CPU")} time on one thread:");
foreach (var (key, values) in samples)
{
    Console.WriteLine($"  {key,-40} {Median(values),8:F0} ms   (min {values.Min():F0}, max {values.Max():F0})");
}
