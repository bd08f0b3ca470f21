using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Diff.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot comparison in Verify's conventions: the expected text lives in
/// <c>{TestFileDir}/Snapshots/{name}.verified.cs</c> (or <c>.verified.txt</c> for other text); a mismatch or a
/// missing file writes <c>{name}.received.*</c> beside it and fails with a summary of the differences.
/// With <c>DIFF_ACCEPT_SNAPSHOTS=1</c> (and not on CI) the verified file is overwritten instead.
/// </summary>
public static class Snapshot
{
    /// <summary>Compares C# text with <c>Snapshots/{name}.verified.cs</c> next to the calling test file.</summary>
    public static void Verify(string text, string name, [CallerFilePath] string path = "") =>
        VerifyCore(text, name, "cs", path);

    /// <summary>Compares any text with <c>Snapshots/{name}.verified.txt</c> next to the calling test file.</summary>
    public static void VerifyText(string text, string name, [CallerFilePath] string path = "") =>
        VerifyCore(text, name, "txt", path);

    private static void VerifyCore(string text, string name, string extension, string callerPath)
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath) ?? ".", "Snapshots");
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        var actual = Normalize(text);

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        if (ShouldAccept())
        {
            File.WriteAllText(verifiedPath, actual);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, actual);
        var message = expected is null
            ? $"Snapshot '{name}' has no verified file. Received text written to {receivedPath}; review it and rename it to {Path.GetFileName(verifiedPath)} (or run with DIFF_ACCEPT_SNAPSHOTS=1)."
            : $"Snapshot '{name}' differs from {verifiedPath}. Received text written to {receivedPath}.\n{Summarize(expected, actual)}";
        throw new XunitException(message);
    }

    private static bool ShouldAccept() =>
        Environment.GetEnvironmentVariable("DIFF_ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Line endings to <c>\n</c>, and exactly one trailing newline.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n') + "\n";

    /// <summary>The first differing lines of <paramref name="expected"/> and <paramref name="actual"/>, at most ten.</summary>
    private static string Summarize(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var summary = new StringBuilder();
        summary.AppendLine($"verified: {e.Length} lines, received: {a.Length} lines");
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 10; i++)
        {
            var left = i < e.Length ? e[i] : "<missing>";
            var right = i < a.Length ? a[i] : "<missing>";
            if (left == right)
            {
                continue;
            }

            summary.AppendLine($"line {i + 1}:");
            summary.AppendLine($"  - {left}");
            summary.AppendLine($"  + {right}");
            shown++;
        }

        return summary.ToString();
    }
}
