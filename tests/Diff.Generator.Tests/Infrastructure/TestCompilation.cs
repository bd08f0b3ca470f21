using System.Collections.Generic;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Diff.Generator.Tests.Infrastructure;

/// <summary>
/// Builds in-memory C# compilations against the .NET 10 reference assemblies and Diff.Runtime,
/// the way a user project that references the Diff package is compiled.
/// </summary>
public static class TestCompilation
{
    /// <summary>The parse options of every test compilation: the newest language version the Roslyn 4.x parser knows.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A reference to Diff.Runtime.dll, the assembly with the attributes and tensor types.</summary>
    public static MetadataReference RuntimeReference { get; } =
        MetadataReference.CreateFromFile(typeof(Diff.DifferentiableAttribute).Assembly.Location);

    /// <summary>The references of every test compilation: the .NET 10 reference assemblies and Diff.Runtime.</summary>
    public static IReadOnlyList<MetadataReference> References { get; } =
        Net100.References.All.Cast<MetadataReference>().Append(RuntimeReference).ToArray();

    /// <summary>Makes a library compilation from <paramref name="sources"/>, named <c>Source0.cs</c>, <c>Source1.cs</c>, ….</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((text, i) => ($"Source{i}.cs", text)));

    /// <summary>Makes a library compilation from files given as (path, text).</summary>
    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> files, string assemblyName = "TestAssembly") =>
        CSharpCompilation.Create(
            assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)),
            References,
            Options);

    /// <summary>Makes a compilation that also references <paramref name="extra"/> (another test compilation's image, say).</summary>
    public static CSharpCompilation Create(IEnumerable<MetadataReference> extra, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Source{i}.cs")),
            References.Concat(extra),
            Options);

    /// <summary>Library output, nullable annotations and warnings enabled, unsafe allowed.</summary>
    public static CSharpCompilationOptions Options { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Release);
}
