using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Diff.Generator.Tests.Docs;

/// <summary>What a test does with one code block of a page, said by the HTML comment just above the block.</summary>
public enum ExampleKind
{
    /// <summary><c>&lt;!-- doc-test: file GROUP --&gt;</c>: a whole source file, as the user writes it (the SDK's implicit usings only).</summary>
    File,

    /// <summary><c>&lt;!-- doc-test: fragment GROUP --&gt;</c>: declarations shown without their usings (System, System.Numerics and Diff are added).</summary>
    Fragment,

    /// <summary><c>&lt;!-- doc-test: members GROUP --&gt;</c>: members shown without their type: put into a static partial class.</summary>
    Members,

    /// <summary><c>&lt;!-- doc-test: statements GROUP --&gt;</c>: statements, run as the body of a method of their own.</summary>
    Statements,

    /// <summary><c>&lt;!-- doc-test: output --&gt;</c>: what the nearest code block above it prints (a text block, or the last inline code of the next line).</summary>
    Output,

    /// <summary><c>&lt;!-- doc-test: generated GROUP HINT --&gt;</c>: a member as the generator writes it into the file named HINT.</summary>
    Generated,

    /// <summary><c>&lt;!-- doc-test: signatures GROUP --&gt;</c>: one generated member per line, as declared (each must be generated so).</summary>
    Signatures,

    /// <summary><c>&lt;!-- doc-test: snapshot PATH --&gt;</c>: the whole of a reviewed snapshot file of the tests (which the snapshot tests compare with the generator's output).</summary>
    Snapshot,

    /// <summary><c>&lt;!-- doc-test: reports ID --&gt;</c>: code the analyzers report as ID (a "Bad" example of docs/diagnostics.md).</summary>
    Reports,

    /// <summary><c>&lt;!-- doc-test: fixed ID --&gt;</c>: the fix of a Bad example: compiles, with no DIFF error and not that ID.</summary>
    Fixed,

    /// <summary><c>&lt;!-- doc-test: skip REASON --&gt;</c>: not compiled, for the reason given (an excerpt of the runtime's declarations, say).</summary>
    Skip,
}

/// <summary>One fenced code block of a Markdown page, with the test that its marker asks for.</summary>
/// <param name="Page">The page, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's language (<c>csharp</c>, <c>text</c>, …), or "inline" for an inline output.</param>
/// <param name="Text">The block's text, with a final newline.</param>
/// <param name="Kind">What the marker asks for; null where the block has no marker.</param>
/// <param name="Group">The compilation the block belongs to (code blocks), or the hint name's group (listings).</param>
/// <param name="Argument">The rest of the marker: the generated file's hint for <see cref="ExampleKind.Generated"/>, the reason for <see cref="ExampleKind.Skip"/>.</param>
public sealed record MarkdownBlock(string Page, int Line, string Language, string Text, ExampleKind? Kind, string Group, string Argument)
{
    /// <summary>Where the block is, for assertion messages.</summary>
    public override string ToString() => $"{Page}:{Line}";
}

/// <summary>Reads the fenced code blocks of the repository's Markdown pages and the <c>doc-test</c> markers above them.</summary>
public static class MarkdownExamples
{
    /// <summary>The pages whose C# examples are compiled (and run, where they show their output).</summary>
    public static readonly string[] Pages =
        ["README.md", "docs/getting-started.md", "docs/concepts.md", "docs/how-it-works.md", "docs/matrix-functions.md", "docs/code-fixes.md", "docs/diagnostics.md", "docs/tensors.md"];

    private static readonly Regex Marker = new(@"^<!--\s*doc-test:\s*(?<kind>\w+)\s*(?<rest>.*?)\s*-->\s*$", RegexOptions.Compiled);
    private static readonly Regex Fence = new(@"^\s*```(?<language>[\w+-]*)\s*$", RegexOptions.Compiled);
    private static readonly Regex LastInlineCode = new(@"`(?<code>[^`]+)`[^`]*$", RegexOptions.Compiled);

    /// <summary>The root of the repository (the build passes it to the test assembly).</summary>
    public static string RepoRoot { get; } =
        typeof(MarkdownExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;

    /// <summary>Every fenced block of <paramref name="page"/>, in order, with its marker.</summary>
    public static IReadOnlyList<MarkdownBlock> Read(string page)
    {
        string[] lines = File.ReadAllText(Path.Combine(RepoRoot, page)).Replace("\r\n", "\n").Split('\n');
        var blocks = new List<MarkdownBlock>();
        (ExampleKind Kind, string Words)? pending = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (Marker.Match(lines[i]) is { Success: true } marker)
            {
                pending = (ParseKind(marker.Groups["kind"].Value, page, i + 1), marker.Groups["rest"].Value);
                continue;
            }

            if (Fence.Match(lines[i]) is { Success: true } fence)
            {
                int start = i;
                var text = new List<string>();
                for (i++; i < lines.Length && !Fence.IsMatch(lines[i]); i++)
                    text.Add(lines[i]);
                int indent = FenceIndent(lines[start]);
                string body = string.Join("\n", text.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())) + "\n";
                blocks.Add(Block(page, start + 1, fence.Groups["language"].Value, body, pending));
                pending = null;
                continue;
            }

            // An output marker may stand above a sentence whose last inline code is the output ("`dotnet run` prints `…`").
            if (pending is { Kind: ExampleKind.Output } && lines[i].Trim().Length > 0)
            {
                Match inline = LastInlineCode.Match(lines[i]);
                if (!inline.Success)
                    throw new FormatException($"{page}:{i + 1}: an output marker is followed by neither a code block nor a line with inline code.");
                blocks.Add(Block(page, i + 1, "inline", inline.Groups["code"].Value + "\n", pending));
                pending = null;
            }
        }

        return blocks;
    }

    private static MarkdownBlock Block(string page, int line, string language, string text, (ExampleKind Kind, string Words)? marker)
    {
        if (marker is not { } m)
            return new MarkdownBlock(page, line, language, text, null, "", "");
        string[] words = m.Words.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return m.Kind switch
        {
            ExampleKind.Skip or ExampleKind.Output => new MarkdownBlock(page, line, language, text, m.Kind, "", m.Words),
            _ when words.Length == 0 => throw new FormatException($"{page}:{line}: the doc-test marker names no group."),
            _ => new MarkdownBlock(page, line, language, text, m.Kind, words[0], words.Length > 1 ? words[1] : ""),
        };
    }

    private static ExampleKind ParseKind(string word, string page, int line) =>
        Enum.TryParse(word, ignoreCase: true, out ExampleKind kind)
            ? kind
            : throw new FormatException($"{page}:{line}: unknown doc-test kind '{word}' (expected one of {string.Join(", ", Enum.GetNames<ExampleKind>()).ToLowerInvariant()}).");

    private static int FenceIndent(string fenceLine) => fenceLine.Length - fenceLine.TrimStart().Length;
}
