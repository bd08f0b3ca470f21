using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace Diff.Runtime.Tests.Reference;

/// <summary>
/// Reads the reference values of <c>data/reference/*.json</c> (copied beside the test assembly, in <c>reference/</c>), where
/// matrices are stored as <c>{ "shape": [...], "re": [...], "im": [...]? }</c> in row-major order.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>Parses one reference file, e.g. <c>"expm.json"</c>.</summary>
    public static JsonDocument Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder.Value, fileName)));

    /// <summary>The names of the cases in one section of <c>expm.json</c> ("expm", "frechet", "logm"), as theory data.</summary>
    public static IEnumerable<object[]> CaseNames(string section)
    {
        using JsonDocument doc = Load("expm.json");
        return doc.RootElement.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! }).ToList();
    }

    /// <summary>The case named <paramref name="name"/> in one section of <c>expm.json</c>, detached from the document.</summary>
    public static JsonElement Case(string section, string name)
    {
        using JsonDocument doc = Load("expm.json");
        return doc.RootElement.GetProperty(section).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).Clone();
    }

    /// <summary>Reads a stored matrix as a complex tensor (a missing <c>im</c> means a real matrix).</summary>
    public static ComplexTensor ReadComplex(JsonElement element)
    {
        int[] shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] re = element.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] im = element.TryGetProperty("im", out JsonElement imElement)
            ? imElement.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : new double[re.Length];
        var data = new Complex[re.Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = new Complex(re[i], im[i]);
        return new ComplexTensor(data, shape);
    }

    /// <summary>Whether a stored matrix has an imaginary part.</summary>
    public static bool IsComplex(JsonElement element) => element.TryGetProperty("im", out _);

    /// <summary>Reads a stored real matrix as a tensor; fails if it has an imaginary part.</summary>
    public static Tensor ReadReal(JsonElement element)
    {
        if (IsComplex(element))
            throw new InvalidOperationException("The stored matrix is complex.");
        int[] shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] re = element.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new Tensor(re, shape);
    }

    private static string FindFolder()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "reference");
        if (!File.Exists(Path.Combine(folder, "expm.json")))
            throw new DirectoryNotFoundException($"The reference values are not at {folder}: the build copies them there from data/reference.");
        return folder;
    }
}
