using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Diff.Generator.Tests.Fuzz;

/// <summary>
/// A seeded fuzzer: 40 batches of 500 random methods (60% valid, 40% with one unsupported construct, among them values
/// of types that cannot carry a derivative built from differentiated ones, which must be DIFF0018), each batch one
/// compilation run through the generator and every analyzer. Per batch it asserts: no generator or analyzer exception
/// (no DIFF9999, no AD0001, no driver diagnostic); the generated code compiles without errors or warnings; a file
/// is generated for a method exactly when the analyzers report no error in it; valid methods have no error and
/// invalid ones have one. Then it loads the output and checks the Adjoint and Tangent of a sample of the generated
/// methods against central finite differences.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Compilations: 40 × 500 = 20,000 methods per run (a compilation per batch amortizes the compiler's fixed cost).</summary>
    public const int Batches = 40;

    /// <summary>Methods per compilation.</summary>
    public const int PerBatch = 500;

    /// <summary>Generated methods run against finite differences, per batch (1,200 per run).</summary>
    public const int RunPerBatch = 30;

    private readonly ITestOutputHelper output;

    public FuzzTests(ITestOutputHelper output) => this.output = output;

    public static IEnumerable<object[]> BatchNumbers => Enumerable.Range(0, Batches).Select(b => new object[] { b });

    /// <summary>Writes batch <paramref name="batch"/>: the prelude and a class <c>Fuzz</c> of 100 methods.</summary>
    public static (string Source, List<FuzzMethod> Methods) WriteBatch(int batch)
    {
        var writer = new FuzzMethodWriter(20261126 + 7919 * batch);
        var validity = new Random(batch);
        var methods = new List<FuzzMethod>();
        var text = new StringBuilder("using System;\nusing System.Numerics;\nusing Diff;\n\nnamespace FuzzCases;\n\npublic partial class Fuzz\n{\n");
        for (int k = 0; k < PerBatch; k++)
        {
            FuzzMethod method = writer.Write($"M{k}", valid: validity.NextDouble() < 0.6);
            methods.Add(method);
            text.Append(method.Text).Append('\n');
        }
        text.Append("}\n");
        return (text.ToString(), methods);
    }

    [Fact]
    public void The_writer_is_deterministic_and_writes_both_kinds()
    {
        (string first, List<FuzzMethod> methods) = WriteBatch(3);
        (string second, _) = WriteBatch(3);
        Assert.Equal(first, second);
        Assert.InRange(methods.Count(m => m.Valid), PerBatch * 2 / 5, PerBatch * 4 / 5);
        Assert.Contains(methods, m => m.Text.Contains("for (int", StringComparison.Ordinal));
        Assert.Contains(methods, m => m.Text.Contains("Complex", StringComparison.Ordinal));
        var all = Enumerable.Range(0, Batches).SelectMany(b => WriteBatch(b).Methods).ToList();
        Assert.Contains(all, m => m.Valid && m.Text.Contains("(int)(", StringComparison.Ordinal));
        Assert.Contains(all, m => m.Valid && m.Text.Contains("H.MakeP(", StringComparison.Ordinal));
        Assert.True(all.Count(m => m.Injected?.EndsWith(" local", StringComparison.Ordinal) == true
                                   || m.Injected?.EndsWith(" from a helper", StringComparison.Ordinal) == true) >= 40,
            "too few values of non-differentiable types built from differentiated values");

        // Names that collide with the generator's own, whole-number expressions passed to int parameters, recursion.
        Assert.Contains(methods, m => m.Valid && m.Parameters.Any(p => p.Name is "t" or "dt" or "x" or "dx" or "Value" or "seed" or "@class"));
        Assert.Contains(methods, m => m.Valid && System.Text.RegularExpressions.Regex.IsMatch(m.Text, @"(?<![\w@])(o|@do|value|xBar|sinX) = "));
        Assert.Contains(methods, m => m.Valid && System.Text.RegularExpressions.Regex.IsMatch(m.Text, @"M\d+\([^;]*(n / 2|n % 3|\(n \+ 1\) / 2|Math\.Min\(n, 2\)|2 \* n - n)"));
        Assert.Contains(methods, m => m.Valid && System.Text.RegularExpressions.Regex.Matches(m.Text, $@"\b{m.Name}\(").Count >= 2);
    }

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public async System.Threading.Tasks.Task Batch(int batch)
    {
        (string source, List<FuzzMethod> methods) = WriteBatch(batch);
        CSharpCompilation input = TestCompilation.Create([("Prelude.cs", FuzzMethodWriter.Prelude), ("Fuzz.cs", source)]);
        var problems = new List<(string Kind, string Text)>();

        // The fuzzer writes valid C#: only Diff may object.
        var inputErrors = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(inputErrors.Count == 0, "The fuzzer wrote invalid C#:\n" + string.Join("\n", inputErrors.Take(10)));

        // Analyzers, with their exceptions caught.
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (e, analyzer, diagnostic) => { lock (exceptions) exceptions.Add($"{analyzer.GetType().Name}: {e}"); },
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> analyzerDiagnostics = ImmutableArray<Diagnostic>.Empty;
        if (GeneratorHarness.Analyzers.IsEmpty)
            problems.Add(("no analyzers", "The generator assembly ships no DiagnosticAnalyzer: nothing reports the unsupported constructs."));
        else
            analyzerDiagnostics = await input.WithAnalyzers(GeneratorHarness.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.Count == 0, "Analyzer exceptions:\n" + string.Join("\n", exceptions.Take(3)));
        problems.AddRange(analyzerDiagnostics.Where(d => d.Id is "DIFF9999" or "AD0001").Select(d => (d.Id, d.ToString())));

        // The generator.
        GeneratorRun run = GeneratorHarness.Run(input);
        problems.AddRange(run.GeneratorDiagnostics.Select(d => ("generator diagnostic", d.ToString())));
        problems.AddRange(run.RunResult.Results.Where(r => r.Exception is not null).Select(r => ("generator exception", r.Exception!.ToString())));
        problems.AddRange(run.OutputDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d.Location.SourceTree))
            .Select(d => ($"{d.Severity} {d.Id} in generated code", d.ToString())));
        problems.AddRange(run.OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !IsGenerated(d.Location.SourceTree))
            .Select(d => ($"error {d.Id} in the user's code after generation", d.ToString())));

        // Emission exactly when there is no error, per method.
        SyntaxTree tree = input.SyntaxTrees.Single(t => t.FilePath == "Fuzz.cs");
        Dictionary<string, TextSpan> spans = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .ToDictionary(m => m.Identifier.Text, m => m.Span);
        int emittedCount = 0;
        foreach (FuzzMethod method in methods)
        {
            TextSpan span = spans[method.Name];
            // By path and span (not by tree: see BUG-V5, where the location is not in the source tree).
            var own = analyzerDiagnostics.Where(d => d.Location.GetLineSpan().Path == tree.FilePath && span.Contains(d.Location.SourceSpan)).ToList();
            bool error = own.Any(d => d.Severity == DiagnosticSeverity.Error);
            bool emitted = run.Sources.Any(s => s.HintName == $"Fuzz.{method.Name}.g.cs" || s.HintName.EndsWith($".Fuzz.{method.Name}.g.cs", StringComparison.Ordinal));
            emittedCount += emitted ? 1 : 0;
            string said = own.Count == 0 ? "nothing" : string.Join("; ", own.Select(d => $"{d.Id} {d.GetMessage()}"));
            if (emitted == error)
                problems.Add((emitted ? "generated despite an error" : "not generated without an error", $"{method.Name}: the analyzers said {said}, yet the generator {(emitted ? "wrote" : "did not write")} its file.\n{method.Text}"));
            if (method.Valid && error)
                problems.Add(("error on valid code", $"{method.Name}: valid, but the analyzers said {said}.\n{method.Text}"));
            if (!method.Valid && !error)
                problems.Add(($"no error for {method.Injected}", $"{method.Name}: has {method.Injected}, but the analyzers said {said}.\n{method.Text}"));
        }

        // Run a sample of what was generated.
        int checkedCount = 0, skipped = 0;
        // Generated files that do not compile are reported above; leave them (and what calls into them) out to run the rest.
        Compilation runnable = run.OutputCompilation;
        IEnumerable<Diagnostic> diagnostics = run.OutputDiagnostics;
        bool clean = false;
        for (int round = 0; round < 8 && !clean; round++)
        {
            var broken = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && IsGenerated(d.Location.SourceTree))
                .Select(d => d.Location.SourceTree!).Distinct().ToList();
            clean = broken.Count == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            if (broken.Count == 0)
                break;
            runnable = runnable.RemoveSyntaxTrees(broken);
            diagnostics = runnable.GetDiagnostics();
        }
        if (clean)
        {
            Assembly assembly = GeneratorHarness.Load(runnable);
            Type fuzz = assembly.GetType("FuzzCases.Fuzz")!;
            var random = new Random(batch);
            foreach (FuzzMethod method in methods.Where(m => m.Valid).OrderBy(_ => random.Next()))
            {
                if (checkedCount >= RunPerBatch)
                    break;
                if (fuzz.GetMethod(method.Name + "Adjoint") is null)
                    continue;
                string? verdict;
                bool smooth;
                try
                {
                    verdict = GradientCheck.Run(fuzz, method, random, out smooth);
                }
                catch (TargetInvocationException e)
                {
                    // The primal ran (finite) before the generated members were called: they must not throw either.
                    verdict = $"a generated member threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}\n{e.InnerException?.StackTrace?.Split('\n').FirstOrDefault()}";
                    smooth = true;
                }
                if (!smooth)
                {
                    skipped++;
                    continue;
                }
                checkedCount++;
                if (verdict is not null)
                    problems.Add(("wrong derivative", $"{method.Name}: {verdict}\n{method.Text}"));
            }
        }

        output.WriteLine($"batch {batch}: {methods.Count} methods, {methods.Count(m => m.Valid)} valid, {emittedCount} generated, " +
                         $"{checkedCount} run against finite differences ({skipped} skipped where not smooth or not finite), {problems.Count} problems");
        if (problems.Count > 0)
        {
            // Per kind: how many, and the first two.
            var report = new StringBuilder($"batch {batch}: {problems.Count} problems\n");
            foreach (var kind in problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count()))
                report.Append($"  {kind.Count(),4} × {kind.Key}\n");
            foreach (var kind in problems.GroupBy(p => p.Kind))
                foreach (var (_, text) in kind.Take(2))
                    report.Append($"\n[{kind.Key}] {text}\n");
            Assert.Fail(report.ToString());
        }
    }

    private static bool IsGenerated(SyntaxTree? tree) => tree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;
}

/// <summary>Checks a generated Adjoint and Tangent against central finite differences of the method itself.</summary>
internal static class GradientCheck
{
    /// <summary>Returns null when they agree, else what differs; <paramref name="smooth"/> is false where the check does not apply.</summary>
    public static string? Run(Type type, FuzzMethod method, Random random, out bool smooth)
    {
        smooth = false;
        MethodInfo primal = type.GetMethod(method.Name)!;
        MethodInfo adjoint = type.GetMethod(method.Name + "Adjoint")!;
        MethodInfo tangent = type.GetMethod(method.Name + "Tangent")!;
        var x = method.Parameters.Select(p => p.Type switch
        {
            FuzzType.Int => (object)2,
            FuzzType.Complex => new Complex(random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1),
            _ => random.NextDouble() * 2 - 1,
        }).ToArray();
        int[] differentiable = method.Parameters.Select((p, i) => (p, i)).Where(t => t.p.Type != FuzzType.Int).Select(t => t.i).ToArray();

        // A method that throws at a point has no derivative there to check: NaN, and the point is skipped.
        Complex F(object[] arguments)
        {
            try
            {
                return ToComplex(primal.Invoke(null, arguments));
            }
            catch (TargetInvocationException)
            {
                return Complex.NaN;
            }
        }
        Complex value = F(x);
        if (!IsFinite(value) || value.Magnitude > 1e6)
            return null;

        // Finite differences of F along each real coordinate, at two steps: where they disagree, F is not smooth here.
        var partials = new List<(int Parameter, bool Imaginary, Complex Derivative)>();
        foreach (int i in differentiable)
        {
            foreach (bool imaginary in method.Parameters[i].Type == FuzzType.Complex ? new[] { false, true } : new[] { false })
            {
                Complex coordinate = ToComplex(x[i]);
                double h = 1e-6 * Math.Max(1, coordinate.Magnitude);
                Complex d1 = Central(F, x, i, imaginary, h), d2 = Central(F, x, i, imaginary, 2 * h);
                if (!IsFinite(d1) || !IsFinite(d2) || (d1 - d2).Magnitude > 1e-6 * Math.Max(1, d1.Magnitude))
                    return null;
                partials.Add((i, imaginary, d1));
            }
        }
        smooth = true;

        // Adjoint with seed 1: the adjoints of L = Re F.
        object seed = method.Returns == FuzzType.Complex ? (object)Complex.One : (object)1.0;
        var result = (ITuple)adjoint.Invoke(null, [.. x, seed])!;
        if ((ToComplex(result[0]) - value).Magnitude > 1e-12 * Math.Max(1, value.Magnitude))
            return $"{method.Name}Adjoint's Value {ToComplex(result[0])} differs from {method.Name}'s {value}";
        for (int k = 0; k < differentiable.Length; k++)
        {
            int i = differentiable[k];
            Complex got = ToComplex(result[k + 1]);
            double re = partials.Single(p => p.Parameter == i && !p.Imaginary).Derivative.Real;
            double im = method.Parameters[i].Type == FuzzType.Complex ? partials.Single(p => p.Parameter == i && p.Imaginary).Derivative.Real : 0;
            var expected = new Complex(re, im);
            if ((got - expected).Magnitude > 1e-5 * Math.Max(1, expected.Magnitude))
                return $"{method.Name}Adjoint(seed 1) for {method.Parameters[i].Name} at ({string.Join(", ", x)}) is {got}; finite differences of Re {method.Name} give {expected}";
        }

        // Tangent along a random direction against the same finite differences.
        var directions = differentiable.Select(i => method.Parameters[i].Type == FuzzType.Complex
            ? (object)new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)
            : random.NextDouble() - 0.5).ToArray();
        var t = (ITuple)tangent.Invoke(null, [.. x, .. directions])!;
        Complex expectedTangent = 0;
        for (int k = 0; k < differentiable.Length; k++)
        {
            int i = differentiable[k];
            Complex d = ToComplex(directions[k]);
            expectedTangent += partials.Single(p => p.Parameter == i && !p.Imaginary).Derivative * d.Real;
            if (method.Parameters[i].Type == FuzzType.Complex)
                expectedTangent += partials.Single(p => p.Parameter == i && p.Imaginary).Derivative * d.Imaginary;
        }
        Complex gotTangent = ToComplex(t[1]);
        double scale = Math.Max(1, partials.Sum(p => p.Derivative.Magnitude));
        if ((gotTangent - expectedTangent).Magnitude > 1e-5 * scale)
            return $"{method.Name}Tangent at ({string.Join(", ", x)}) along ({string.Join(", ", directions)}) is {gotTangent}; finite differences give {expectedTangent}";
        return null;
    }

    private static Complex Central(Func<object[], Complex> f, object[] x, int i, bool imaginary, double h)
    {
        object[] plus = (object[])x.Clone(), minus = (object[])x.Clone();
        Complex step = imaginary ? new Complex(0, h) : new Complex(h, 0);
        if (x[i] is Complex z)
        {
            plus[i] = z + step;
            minus[i] = z - step;
        }
        else
        {
            plus[i] = (double)x[i] + h;
            minus[i] = (double)x[i] - h;
        }
        return (f(plus) - f(minus)) / (2 * h);
    }

    private static bool IsFinite(Complex z) => double.IsFinite(z.Real) && double.IsFinite(z.Imaginary);

    private static Complex ToComplex(object? value) => value switch
    {
        double d => d,
        Complex z => z,
        _ => throw new InvalidCastException(value?.GetType().Name),
    };
}
