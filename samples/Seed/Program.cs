using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Seed;

// The seed notebook (shared/seeds/000_*.txt), cell by cell: the notebook's value beside Diff's.
// The notebook's values are read from ../shared/reference/seed.json beside the repository.

Console.WriteLine("Diff: the seed notebook, cell by cell");
Console.WriteLine();

string? referencePath = FindReference();
if (referencePath is null)
{
    Console.Error.WriteLine("Cannot find ../shared/reference/seed.json beside the repository (looked upward from the current directory and from the program).");
    return 2;
}

using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(referencePath));
JsonElement root = reference.RootElement;

var rows = new List<(string Cell, Complex Notebook, Complex Diff)>();

// In [3]: f(4) with f = grad(x ** 2): the Gradient of Square at 4.
double squareNotebook = root.GetProperty("square_grad_at_4").GetDouble();
(double _, double squareGradient) = Cells.SquareGradient(4.0);
rows.Add(("d(x²)/dx at x = 4 (Gradient)", squareNotebook, squareGradient));

// The same derivative in forward mode, for the same cell.
(double _, double squareTangent) = Cells.SquareTangent(4.0, 1.0);
rows.Add(("d(x²)/dx at x = 4 (Tangent)", squareNotebook, squareTangent));

// The complex cell: d/dx (2i·x) = 2i, through the Jacobian and the Tangent of a Complex-valued method of a real x.
JsonElement complexCell = root.GetProperty("complex_scalar_2j_derivative");
var twoINotebook = new Complex(complexCell.GetProperty("re").GetDouble(), complexCell.GetProperty("im").GetDouble());
(Complex _, Complex twoIJacobian) = Cells.TwoIXJacobian(1.5);
rows.Add(("d(2i·x)/dx (Jacobian)", twoINotebook, twoIJacobian));
(Complex _, Complex twoITangent) = Cells.TwoIXTangent(1.5, 1.0);
rows.Add(("d(2i·x)/dx (Tangent)", twoINotebook, twoITangent));

const double tolerance = 1e-12;
int cellWidth = Math.Max(4, rows.ConvertAll(r => r.Cell.Length).Max());
string header = $"{"cell".PadRight(cellWidth)}  {"notebook",-12}  {"Diff",-12}  |difference|";
Console.WriteLine(header);
Console.WriteLine(new string('-', header.Length));
bool allAgree = true;
foreach ((string cell, Complex notebook, Complex diff) in rows)
{
    double difference = (notebook - diff).Magnitude;
    allAgree &= difference <= tolerance;
    Console.WriteLine($"{cell.PadRight(cellWidth)}  {Show(notebook),-12}  {Show(diff),-12}  {difference.ToString("G3", CultureInfo.InvariantCulture)}");
}
Console.WriteLine();
Console.WriteLine("The tensor cells (vector Jacobian, map, dot, tensordot, expm) need Diff's tensor support and are not computed here yet.");
Console.WriteLine();
if (!allAgree)
{
    Console.WriteLine($"FAIL: a cell differs from the notebook by more than {tolerance:G}.");
    return 1;
}
Console.WriteLine($"OK: every scalar cell agrees with the notebook within {tolerance:G}.");
return 0;

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

// Walks up from the current directory and from the program's folder to a folder whose ../shared/reference/seed.json exists.
static string? FindReference()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "reference", "seed.json"));
            if (File.Exists(candidate))
                return candidate;
        }
    }
    return null;
}
