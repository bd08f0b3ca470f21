using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Diff.Package.Tests;

/// <summary>The package Diff is all a user needs: it carries the runtime, the generator and the code fixes.</summary>
public class PackageTests : IClassFixture<PackedDiff>
{
    private readonly PackedDiff _packed;

    public PackageTests(PackedDiff packed) => _packed = packed;

    [Fact]
    public void Package_holds_the_runtime_in_lib_and_the_generator_and_code_fixes_in_analyzers()
    {
        using var zip = ZipFile.OpenRead(_packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join("\n", entries.OrderBy(e => e, StringComparer.Ordinal));

        foreach (var expected in new[]
        {
            "lib/net10.0/Diff.Runtime.dll",
            "lib/net10.0/Diff.Runtime.xml",
            "analyzers/dotnet/cs/Diff.Generator.dll",
            "analyzers/dotnet/cs/Diff.CodeFixes.dll",
            "README.md",
        })
        {
            Assert.True(entries.Contains(expected), $"The package has no {expected}. It has:\n{listing}");
        }

        // The analyzer assemblies must not become references of the user's code.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.EndsWith("Diff.Generator.dll", StringComparison.Ordinal) || e.EndsWith("Diff.CodeFixes.dll", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.EndsWith("Diff.Runtime.dll", StringComparison.Ordinal));

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName == "Diff.nuspec").Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Diff", metadata.Element(ns + "id")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "MathNet.Numerics", "System.Numerics.Tensors" }, dependencies);

        // The XML documentation is the runtime's, with the attributes documented.
        using var xml = new StreamReader(zip.Entries.Single(e => e.FullName == "lib/net10.0/Diff.Runtime.xml").Open());
        Assert.Contains("T:Diff.DifferentiableAttribute", xml.ReadToEnd(), StringComparison.Ordinal);

        Assert.True(File.Exists(Path.ChangeExtension(_packed.Package, ".snupkg")), "No symbol package beside the package.");
    }

    [Fact]
    public void The_packed_documentation_holds_the_public_api_only()
    {
        using var zip = ZipFile.OpenRead(_packed.Package);
        var xml = XDocument.Load(zip.Entries.Single(e => e.FullName == "lib/net10.0/Diff.Runtime.xml").Open());
        var names = xml.Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();

        // The public surface is documented: the tensor types, Ops, the attributes, and the kernels' derivatives.
        foreach (var expected in new[] { "T:Diff.Tensor", "T:Diff.ComplexTensor", "T:Diff.Ops", "T:Diff.DifferentiableAttribute", "M:Diff.Ops.Expm(Diff.Tensor)" })
            Assert.Contains(expected, names);

        // What a user cannot reach is not: internal types (the kernels) and internal members of public types, such as
        // the constructor Tensor(double[], int[]) that the runtime uses without copying.
        Assert.DoesNotContain("M:Diff.Tensor.#ctor(System.Double[],System.Int32[])", names);
        var runtime = System.Reflection.Assembly.LoadFrom(Path.Combine(_packed.RepoRoot, "src", "Runtime", "bin", _packed.Configuration, "net10.0", "Diff.Runtime.dll"));
        foreach (string name in names.Where(n => n.StartsWith("T:", StringComparison.Ordinal)))
        {
            Type? type = runtime.GetType(name.Substring(2).Replace('.', '+').Replace("Diff+", "Diff."), throwOnError: false)
                         ?? runtime.GetTypes().FirstOrDefault(t => "T:" + t.FullName!.Replace('+', '.') == name);
            Assert.True(type is { IsVisible: true }, $"The packed documentation has {name}, which is not a public type.");
        }
        Assert.DoesNotContain(names, n => n.Contains("Diff.Kernels.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_that_references_only_the_package_gets_the_gradient()
    {
        var root = Path.Combine(_packed.Root, "consumer");
        var app = Path.Combine(root, "App");
        Directory.CreateDirectory(app);

        // Nothing from the folders above (a Directory.Build.props, central package versions) reaches the project.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");

        // Diff comes only from the freshly packed folder; its dependencies from nuget.org. Packages are restored into
        // a folder of this test, so no cache can serve an older Diff.
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="diff-under-test" value="{_packed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="diff-under-test">
                  <package pattern="Diff" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Diff" Version="{_packed.Version}" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using System.Globalization;
            using Diff;

            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x, double y) => x * x * y + Math.Sin(y);
            }

            public static class Program
            {
                public static void Main()
                {
                    var (value, dx, dy) = Functions.FGradient(1.5, 0.7);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gradient {value:R} {dx:R} {dy:R}"));
                }
            }
            """);

        var build = DotNet.Run(app, TimeSpan.FromMinutes(8),
            "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        // The analyzers load without anything else (no missing Workspaces or Roslyn assembly), and find nothing.
        Assert.DoesNotContain("CS8032", build, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8034", build, StringComparison.Ordinal);
        Assert.DoesNotContain("warning AD", build, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFF", build, StringComparison.Ordinal);
        var restored = Path.Combine(root, "packages", "diff", _packed.Version);
        Assert.True(Directory.Exists(restored), $"Diff {_packed.Version} was not restored into {restored}. Build output:\n{build}");

        var run = DotNet.Run(app, TimeSpan.FromMinutes(2), Path.Combine(app, "bin", "Release", "net10.0", "App.dll"));
        var line = run.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("gradient ", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("The program printed no gradient. Output:\n" + run);
        var numbers = line.Split(' ').Skip(1).Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();

        const double x = 1.5, y = 0.7;
        Assert.Equal(3, numbers.Length);
        Assert.Equal(x * x * y + Math.Sin(y), numbers[0], 1e-12);
        Assert.Equal(2 * x * y, numbers[1], 1e-12);
        Assert.Equal(x * x + Math.Cos(y), numbers[2], 1e-12);
    }
}
