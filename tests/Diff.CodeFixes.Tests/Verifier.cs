using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Diff.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Diff.CodeFixes.Tests;

/// <summary>
/// Runs every Diff analyzer and the generator on a source, applies <typeparamref name="TCodeFix"/>, compares the
/// result with the expected text, and checks that the fixed source has no diagnostics left (none of Diff's, no
/// compiler error, also in the generated code) unless the test expects them.
/// References are offline: the .NET 10 reference assemblies from Basic.Reference.Assemblies and Diff.Runtime.dll;
/// the framework's <see cref="ReferenceAssemblies"/> names no package, so it resolves nothing and downloads nothing.
/// </summary>
internal sealed class Verifier<TCodeFix> : CSharpCodeFixTest<DeclarationAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A target framework with no reference-assembly package: the references come from <see cref="AddReferences"/>.</summary>
    private static readonly ReferenceAssemblies Offline = new("net10.0");

    public Verifier(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = Offline;

        // The generator runs, so the fixed code is compiled with its generated members (an error in them fails the
        // test); their text is the generator's tests' business, not listed here.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        AddReferences(TestState);
        AddReferences(FixedState);
    }

    public static Task RunAsync(string source, string fixedSource, Action<Verifier<TCodeFix>>? configure = null)
    {
        var test = new Verifier<TCodeFix>(source, fixedSource);
        configure?.Invoke(test);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>For a source the fix must leave alone: its diagnostics stay expected in the fixed state too.</summary>
    public static void NoFixExpected(Verifier<TCodeFix> test) => test.FixedState.MarkupHandling = MarkupMode.Allow;

    private static void AddReferences(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location));
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new DeclarationAnalyzer(), new BodyAnalyzer(), new DependenceAnalyzer(), new RegistrationAnalyzer(), new LocalFunctionAnalyzer() };

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(Diff.Generator.DiffGenerator) };
}
