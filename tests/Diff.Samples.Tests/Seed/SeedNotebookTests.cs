using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Seed;
using Xunit;

namespace Diff.Samples.Tests.Seed;

/// <summary>
/// Every cell of the seed notebook, computed by samples/Seed through generated derivatives, against the notebook's
/// numbers in data/reference/seed.json (copied beside the tests).
/// </summary>
public sealed class SeedNotebookTests
{
    private static readonly Lazy<CellResult[]> Cells = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReferencePath()));
        return Notebook.Run(document.RootElement.Clone()).ToArray();
    });

    public static TheoryData<string> CellNames()
    {
        var names = new TheoryData<string>();
        foreach (var cell in Cells.Value)
            names.Add(cell.Cell);
        return names;
    }

    [Theory]
    [MemberData(nameof(CellNames))]
    public void Cell_agrees_with_the_notebook(string cell)
    {
        var result = Cells.Value.Single(r => r.Cell == cell);
        Assert.Equal(result.Notebook.Shape, result.Diff.Shape);
        Assert.True(result.Agrees, $"{cell}: largest difference {result.Difference:G3} exceeds {result.Tolerance:G3}\nnotebook {result.Notebook}\nDiff {result.Diff}");
    }

    [Fact]
    public void Every_cell_of_the_notebook_is_computed()
    {
        string[] cells = Cells.Value.Select(r => r.Cell).ToArray();
        foreach (var expected in new[] { "d(x²)/dx at 4", "Jacobian of x²", "map(x + 0.5)", "gradient of dot(x, [5, 7])", "x₀·tensordot", "expm(tensordot", "d(2i·x)/dx", "logm", "d/dx expm(i·x·H) at 2" })
            Assert.Contains(cells, c => c.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Logm_of_the_singular_arange_matrix_is_refused_with_the_reason()
    {
        string message = Notebook.LogmOfArange();
        Assert.Contains("singular", message, StringComparison.Ordinal);
    }

    private static string ReferencePath() => Path.Combine(AppContext.BaseDirectory, "reference", "seed.json");
}
