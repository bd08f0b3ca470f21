using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Diff.Runtime.Tests.Tensors;

/// <summary>
/// <c>ToString()</c> against <c>str(array)</c> of numpy 1.24 for 191 arrays: random shapes (rank 0 to 4,
/// some above the 1000-element summarization threshold), magnitudes from 1e-12 to 1e12, integers,
/// values like 0.1 + 0.2, signed zeros, NaN and infinities, real and complex.
/// </summary>
/// <remarks>
/// Data/numpy_str_cases.json holds each array's shape, its values as Python <c>repr</c> strings
/// (exact round trip), and numpy's text. It was made once with numpy (not needed to run the tests):
/// for each case, <c>{"shape": list(a.shape), "complex": ..., "data": [repr(float(x)) ...] or
/// [[repr(z.real), repr(z.imag)] ...], "str": str(a)}</c>, with "nan", "inf", "-inf" for non-finite values.
/// </remarks>
public class NumpyStrConformanceTests
{
    private static string DataPath()
    {
        string root = typeof(NumpyStrConformanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
        return Path.Combine(root, "tests", "Diff.Runtime.Tests", "Tensors", "Data", "numpy_str_cases.json");
    }

    private static double Parse(JsonElement e) => e.GetString() switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        var s => double.Parse(s!, CultureInfo.InvariantCulture),
    };

    [Fact]
    public void EveryCaseMatchesNumpy()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataPath()));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.True(cases.Length > 150);
        var failures = new System.Collections.Generic.List<string>();
        foreach (var c in cases)
        {
            int[] shape = c.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            string expected = c.GetProperty("str").GetString()!;
            string actual;
            if (c.GetProperty("complex").GetBoolean())
            {
                Complex[] data = c.GetProperty("data").EnumerateArray()
                    .Select(p => new Complex(Parse(p[0]), Parse(p[1]))).ToArray();
                actual = ComplexTensor.FromArray(data, shape).ToString();
            }
            else
            {
                double[] data = c.GetProperty("data").EnumerateArray().Select(Parse).ToArray();
                actual = Tensor.FromArray(data, shape).ToString();
            }
            if (actual != expected)
                failures.Add($"shape ({string.Join(", ", shape)}):\nexpected:\n{expected}\nactual:\n{actual}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} differ; first:\n{failures.FirstOrDefault()}");
    }
}
