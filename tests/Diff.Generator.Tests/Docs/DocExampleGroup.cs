using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Diff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator.Tests.Docs;

/// <summary>
/// The code blocks of one page that form one program (one doc-test group), compiled as a user's project would compile
/// them (the console SDK's implicit usings, the Diff generator), and run.
/// </summary>
public sealed class DocExampleGroup
{
    /// <summary>What a page leaves out of a fragment: the usings its examples assume.</summary>
    internal const string FragmentUsings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    // What `dotnet new console` gives every file (<ImplicitUsings>enable</ImplicitUsings>).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    private readonly Dictionary<MarkdownBlock, string> _statementMethods = new();
    private readonly Lazy<Assembly> _assembly;

    public DocExampleGroup(string page, string name, IReadOnlyList<MarkdownBlock> blocks)
    {
        Page = page;
        Name = name;
        Blocks = blocks;
        var files = new List<(string Path, string Text)> { ("ImplicitUsings.cs", ImplicitUsings) };
        foreach (MarkdownBlock block in blocks)
            files.Add(($"{Path.GetFileName(page)}.{block.Line}.cs", SourceOf(block)));

        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, TestCompilation.ParseOptions, path: f.Path)).ToList();
        bool hasProgram = trees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "DocExamples_" + name,
            trees,
            TestCompilation.References,
            TestCompilation.Options.WithOutputKind(hasProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        Run = GeneratorHarness.Run(compilation);
        _assembly = new Lazy<Assembly>(() => GeneratorHarness.Load(Run.OutputCompilation));
    }

    public string Page { get; }

    public string Name { get; }

    public IReadOnlyList<MarkdownBlock> Blocks { get; }

    /// <summary>The generator's run over the group, with the compiler's diagnostics of the result.</summary>
    public GeneratorRun Run { get; }

    /// <summary>The errors of the compilation and the warnings inside generated files, one per line.</summary>
    public string Problems => string.Join("\n", Run.OutputDiagnostics
        .Where(d => d.Severity == DiagnosticSeverity.Error
                    || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
        .Select(d => d.ToString()));

    /// <summary>Runs <paramref name="block"/> (the whole program, or a statements block) and returns what it printed.</summary>
    public string Output(MarkdownBlock block)
    {
        Assembly assembly = _assembly.Value;
        Action run = block.Kind switch
        {
            ExampleKind.Statements => () => GeneratorHarness.Invoke(assembly, "DocStatements", _statementMethods[block]),
            ExampleKind.File when assembly.EntryPoint is { } main => () => main.Invoke(null, main.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]),
            _ => throw new InvalidOperationException($"{block} prints nothing that can be run: an output follows a program or a statements block."),
        };
        lock (ConsoleLock)
        {
            TextWriter original = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                run();
            }
            finally
            {
                Console.SetOut(original);
            }

            return captured.ToString();
        }
    }

    /// <summary>Every group of every page, by (page, group).</summary>
    public static IReadOnlyDictionary<(string Page, string Group), DocExampleGroup> All => Groups.Value;

    private static readonly object ConsoleLock = new();

    private static readonly Lazy<Dictionary<(string, string), DocExampleGroup>> Groups = new(() =>
        MarkdownExamples.Pages
            .SelectMany(page => MarkdownExamples.Read(page)
                .Where(b => b.Kind is ExampleKind.File or ExampleKind.Fragment or ExampleKind.Members or ExampleKind.Statements)
                .GroupBy(b => b.Group)
                .Select(g => new DocExampleGroup(page, g.Key, g.ToList())))
            .ToDictionary(g => (g.Page, g.Name)));

    private string SourceOf(MarkdownBlock block)
    {
        switch (block.Kind)
        {
            case ExampleKind.File:
                return block.Text;
            case ExampleKind.Fragment:
                return FragmentUsings + block.Text;
            case ExampleKind.Members:
                return FragmentUsings + "public static partial class DocExamples\n{\n" + Indent(block.Text) + "}\n";
            case ExampleKind.Statements:
                string method = "Block" + block.Line;
                _statementMethods[block] = method;
                return FragmentUsings + $"internal static partial class DocStatements\n{{\n    internal static void {method}()\n    {{\n" + Indent(Indent(block.Text)) + "    }\n}\n";
            default:
                throw new InvalidOperationException($"{block} is not code.");
        }
    }

    private static string Indent(string text)
    {
        var result = new StringBuilder();
        foreach (string line in text.TrimEnd('\n').Split('\n'))
            result.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        return result.ToString();
    }
}
