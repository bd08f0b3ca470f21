using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Diff.Package.Tests;

/// <summary>
/// Packs src/Runtime once, in the configuration these tests were built in, into a fresh temporary folder that
/// serves as a package source. The runtime, generator and code fixes are built already (this project references
/// them), so the pack does not build.
/// </summary>
public sealed class PackedDiff : IDisposable
{
    public PackedDiff()
    {
        RepoRoot = typeof(PackedDiff).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        Configuration = typeof(PackedDiff).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        Root = Path.Combine(Path.GetTempPath(), "diff-package-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        PackOutput = DotNet.Run(RepoRoot, TimeSpan.FromMinutes(8),
            "pack", Path.Combine(RepoRoot, "src", "Runtime", "Diff.Runtime.csproj"),
            "-c", Configuration, "--no-build", "-o", Feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");

        var packages = Directory.GetFiles(Feed, "Diff.*.nupkg");
        Package = packages.Length == 1
            ? packages[0]
            : throw new InvalidOperationException($"Expected one Diff.*.nupkg in {Feed}, found {packages.Length}. Pack output:\n{PackOutput}");
        Version = Path.GetFileNameWithoutExtension(Package).Substring("Diff.".Length);
    }

    public string RepoRoot { get; }

    public string Configuration { get; }

    /// <summary>The temporary folder of everything these tests write.</summary>
    public string Root { get; }

    /// <summary>The folder the package is packed into, used as a package source.</summary>
    public string Feed { get; }

    /// <summary>The path of Diff.{version}.nupkg.</summary>
    public string Package { get; }

    public string Version { get; }

    public string PackOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finished child process: the temporary folder is left for the system to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
