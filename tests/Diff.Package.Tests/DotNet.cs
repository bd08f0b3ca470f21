using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Diff.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, isolated from MSBuild node reuse and the build server.</summary>
internal static class DotNet
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; fails with the child's output on a non-zero exit or a timeout.</summary>
    public static string Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No MSBuild server, no reused nodes, no compiler server: nothing outlives the child, and nothing holds its
        // output pipes open after it exits.
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The test host's own MSBuild settings must not leak into the child build.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        var sync = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (sync) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (sync) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = "dotnet " + string.Join(" ", arguments);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{command}' in {directory} did not finish within {timeout.TotalMinutes:0.#} min. Output so far:\n{Text(output, sync)}");
        }

        process.WaitForExit();
        var text = Text(output, sync);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' in {directory} exited with {process.ExitCode}. Output:\n{text}");
        }

        return text;
    }

    private static string Text(StringBuilder output, object sync)
    {
        lock (sync)
        {
            return output.ToString();
        }
    }
}
