using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Tests.Tensors.Harness;

/// <summary>
/// Many small types, each in its own file, differentiated by the generator in one in-memory compilation and loaded.
/// A type whose source or generated code does not compile is left out (and the rest compiled again), so one broken
/// case fails its own tests and no other: <see cref="Problems"/> says what went wrong for it.
/// </summary>
public sealed class CaseAssembly
{
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Hint, string Text)>> _generated = new(StringComparer.Ordinal);

    /// <summary>Compiles the types of <paramref name="sources"/> (type name → the whole file, which declares that type only).</summary>
    public CaseAssembly(IReadOnlyDictionary<string, string> sources)
    {
        var included = new Dictionary<string, string>(sources, StringComparer.Ordinal);
        for (int attempt = 0; attempt < 4 && included.Count > 0; attempt++)
        {
            var compilation = TestCompilation.Create(included.Select(s => ($"{s.Key}.cs", s.Value)), "TensorCases");
            GeneratorRun run = GeneratorHarness.Run(compilation);
            // Each type keeps the files of the last attempt that compiled it (a broken type: of the attempt that left it out).
            foreach (var group in run.Sources.GroupBy(s => s.HintName.Split('.')[0]))
                _generated[group.Key] = group.ToList();

            // DIFF_DUMP_GENERATED=<folder> writes the generated files there, to read them.
            if (Environment.GetEnvironmentVariable("DIFF_DUMP_GENERATED") is { Length: > 0 } dump)
            {
                Directory.CreateDirectory(dump);
                foreach (var (hint, text) in run.Sources)
                    File.WriteAllText(Path.Combine(dump, hint), text);
            }

            // Diff's own diagnostics (errors and warnings) say why a type has no generated file; the analyzers cost as
            // much as the generator, so they run only when some type has none.
            var broken = new HashSet<string>(StringComparer.Ordinal);
            if (included.Keys.Any(type => !run.Sources.Any(s => s.HintName.StartsWith(type + ".", StringComparison.Ordinal))))
            {
                foreach (Diagnostic d in GeneratorHarness.RunAnalyzers(compilation))
                {
                    if (d.Severity >= DiagnosticSeverity.Warning && TypeOf(d) is { } type)
                    {
                        Add(type, "analyzer: " + d);
                        if (d.Severity == DiagnosticSeverity.Error)
                            broken.Add(type);
                    }
                }
            }

            foreach (Diagnostic d in run.OutputDiagnostics)
            {
                bool generated = d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;
                if ((d.Severity == DiagnosticSeverity.Error || (generated && d.Severity == DiagnosticSeverity.Warning)) && TypeOf(d) is { } type)
                {
                    Add(type, "compiler: " + d);
                    if (d.Severity == DiagnosticSeverity.Error)
                        broken.Add(type);
                }
            }

            foreach (Diagnostic d in run.GeneratorDiagnostics)
                Add(TypeOf(d) ?? "*", "generator: " + d);

            if (broken.Count == 0)
            {
                Assembly = GeneratorHarness.Load(run.OutputCompilation);
                return;
            }

            foreach (string type in broken)
            {
                included.Remove(type);
                Add(type, "left out of the compiled assembly");
            }
        }
    }

    /// <summary>The loaded assembly, or null when nothing compiled.</summary>
    public Assembly? Assembly { get; }

    /// <summary>What went wrong for a type (compiler errors, warnings in its generated code, Diff diagnostics when it has no generated file), or null.</summary>
    public string? Problems(string type) => _problems.TryGetValue(type, out var text) ? text : null;

    /// <summary>The generated files of a type, concatenated, for messages.</summary>
    public string Generated(string type) =>
        _generated.TryGetValue(type, out var files) ? string.Join("\n\n", files.Select(f => $"// ==== {f.Hint}\n{f.Text}")) : "(nothing generated)";

    /// <summary>The loaded type, or an exception that says why it is missing.</summary>
    public Type Type(string type)
    {
        Type? t = Assembly?.GetType(type);
        if (t is null || Problems(type) is { } p && p.Contains("left out", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"{type} did not compile:\n{Problems(type)}\n\n{Generated(type)}");
        return t;
    }

    private void Add(string type, string line) =>
        _problems[type] = _problems.TryGetValue(type, out var text) ? text + "\n" + line : line;

    private static string? TypeOf(Diagnostic d)
    {
        string? path = d.Location.SourceTree?.FilePath;
        return string.IsNullOrEmpty(path) ? null : Path.GetFileName(path).Split('.')[0];
    }
}
