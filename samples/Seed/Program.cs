using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Seed;

// The seed notebook, cell by cell: the notebook's value beside Diff's.
// The notebook's values are read from reference/seed.json beside the program (copied there from the repository's
// data/reference at build); the cells are in Cells.cs, their comparison in Notebook.cs.

Console.WriteLine("Diff: the seed notebook, cell by cell");
Console.WriteLine();

string referencePath = Path.Combine(AppContext.BaseDirectory, "reference", "seed.json");
if (!File.Exists(referencePath))
{
    Console.Error.WriteLine($"Cannot find the notebook's values at {referencePath}: the build copies them there from data/reference/seed.json.");
    return 2;
}

using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(referencePath));
JsonElement root = reference.RootElement;

IReadOnlyList<CellResult> rows = Notebook.Run(root);

int cellWidth = rows.Max(r => r.Cell.Length);
int valueWidth = rows.Max(r => Math.Max(ShowTensor(r.Notebook).Length, ShowTensor(r.Diff).Length));
string header = $"{"cell".PadRight(cellWidth)}  {"notebook".PadRight(valueWidth)}  {"Diff".PadRight(valueWidth)}  largest |difference|";
Console.WriteLine(header);
Console.WriteLine(new string('-', header.Length));
foreach (CellResult row in rows)
{
    Console.WriteLine($"{row.Cell.PadRight(cellWidth)}  {ShowTensor(row.Notebook).PadRight(valueWidth)}  {ShowTensor(row.Diff).PadRight(valueWidth)}  {row.Difference.ToString("G3", CultureInfo.InvariantCulture)}{(row.Agrees ? "" : "  <-- exceeds " + row.Tolerance.ToString("G", CultureInfo.InvariantCulture))}");
}

Console.WriteLine();
Console.WriteLine("logm(arange(9).reshape(3, 3)): the matrix is exactly singular (rank 2), so it has no logarithm; scipy's finite");
Console.WriteLine("answer comes from rounding in its Schur form. Diff says:");
Console.WriteLine("  " + Notebook.LogmOfArange());
Console.WriteLine();
Console.WriteLine("The cell where Theano failed, d/dx expm(i·x·H) at x = 2, in full:");
CellResult theano = rows.First(r => r.Cell.StartsWith("d/dx expm(i·x·H) at 2 (Tangent)", StringComparison.Ordinal));
Console.WriteLine(theano.Diff.ToString());
Console.WriteLine();

double largest = rows.Max(r => r.Difference);
if (rows.Any(r => !r.Agrees))
{
    Console.WriteLine($"FAIL: a cell differs from the notebook by more than its tolerance (largest difference {largest:G3}).");
    return 1;
}

Console.WriteLine($"OK: every cell agrees with the notebook (largest difference {largest.ToString("G3", CultureInfo.InvariantCulture)}).");
return 0;

// A scalar, or the first elements of a tensor with its shape.
static string ShowTensor(Diff.ComplexTensor t)
{
    if (t.Rank == 0)
        return Show((Complex)t);
    Complex[] values = t.ToArray();
    string shown = string.Join(", ", values.Take(2).Select(v => Show(v)));
    return $"({string.Join("×", t.Shape)}) [{shown}{(values.Length > 2 ? ", …" : "")}]";
}

static string Show(Complex z)
{
    string re = z.Real.ToString("G6", CultureInfo.InvariantCulture);
    if (z.Imaginary == 0)
        return re;
    string im = Math.Abs(z.Imaginary).ToString("G6", CultureInfo.InvariantCulture) + "i";
    if (z.Real == 0)
        return (z.Imaginary < 0 ? "-" : "") + im;
    return re + (z.Imaginary < 0 ? " - " : " + ") + im;
}
