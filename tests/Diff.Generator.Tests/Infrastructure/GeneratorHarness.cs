using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Diff.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Tests.Infrastructure;

/// <summary>One run of the Diff generator over a compilation.</summary>
/// <param name="Sources">The generated files, as (hint name, text), sorted by hint name.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator itself reported (it should report none: analyzers do).</param>
/// <param name="OutputCompilation">The input compilation with the generated files added.</param>
/// <param name="OutputDiagnostics">Compiler diagnostics of <paramref name="OutputCompilation"/> (errors and warnings).</param>
/// <param name="Driver">The driver after the run; run it again to test incrementality.</param>
/// <param name="RunResult">The driver's run result, with the tracked steps.</param>
public sealed record GeneratorRun(
    ImmutableArray<(string HintName, string Text)> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult)
{
    /// <summary>The text of the generated file whose hint name is <paramref name="hintName"/> (with or without <c>.g.cs</c>).</summary>
    public string Source(string hintName)
    {
        var name = hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName : hintName + ".g.cs";
        foreach (var (hint, text) in Sources)
        {
            if (hint == name)
            {
                return text;
            }
        }

        throw new InvalidOperationException(
            $"No generated file '{name}'. Generated: {string.Join(", ", Sources.Select(s => s.HintName))}");
    }

    /// <summary>The errors and warnings of the output compilation, one per line, for assertion messages.</summary>
    public string OutputDiagnosticsText =>
        string.Join("\n", OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
}

/// <summary>Drives the Diff generator and analyzers on in-memory compilations.</summary>
public static class GeneratorHarness
{
    /// <summary>A driver for the Diff generator that tracks its incremental steps.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new DiffGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over a compilation made from <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    /// <summary>Runs the generator over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (fresh, or from an earlier run) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results
            .SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString().Replace("\r\n", "\n")))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToImmutableArray();
        return new GeneratorRun(sources, generatorDiagnostics, output, output.GetDiagnostics(), driver, result);
    }

    /// <summary>Every <see cref="DiagnosticAnalyzer"/> the generator assembly ships.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(DiffGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                        && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Runs all Diff analyzers over <paramref name="compilation"/> and returns their diagnostics, sorted by location.</summary>
    public static ImmutableArray<Diagnostic> RunAnalyzers(Compilation compilation)
    {
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Runs all Diff analyzers over a compilation made from <paramref name="sources"/>.</summary>
    public static ImmutableArray<Diagnostic> RunAnalyzers(params string[] sources) =>
        RunAnalyzers(TestCompilation.Create(sources));

    /// <summary>
    /// Emits <paramref name="compilation"/> and loads it into a collectible load context; throws with the
    /// compiler's errors when it does not compile.
    /// </summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The compilation does not compile:\n" +
                string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("Diff.Generator.Tests." + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (ctx, name) =>
            name.Name == "Diff.Runtime" ? typeof(Diff.DifferentiableAttribute).Assembly : null;
        return context.LoadFromStream(image);
    }

    /// <summary>Calls the public static method <paramref name="method"/> of type <paramref name="type"/> in <paramref name="assembly"/>.</summary>
    public static object? Invoke(Assembly assembly, string type, string method, params object?[] arguments)
    {
        var t = assembly.GetType(type) ?? throw new InvalidOperationException($"No type '{type}'.");
        var m = t.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"No method '{type}.{method}'.");
        return m.Invoke(null, arguments);
    }
}
