using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Diff;
using static Diff.Ops;

namespace Seed;

/// <summary>One cell's number as the notebook has it and as Diff computes it.</summary>
/// <param name="Cell">What the cell computes.</param>
/// <param name="Notebook">The notebook's value (from seed.json), or a closed form where the notebook has none.</param>
/// <param name="Diff">Diff's value.</param>
/// <param name="Tolerance">The largest difference accepted (absolute, elementwise).</param>
public sealed record CellResult(string Cell, ComplexTensor Notebook, ComplexTensor Diff, double Tolerance)
{
    /// <summary>The largest elementwise difference |notebook − Diff|.</summary>
    public double Difference => Notebook.Shape.SequenceEqual(Diff.Shape)
        ? Notebook.ToArray().Zip(Diff.ToArray(), (a, b) => (a - b).Magnitude).DefaultIfEmpty(0).Max()
        : double.PositiveInfinity;

    /// <summary>Whether Diff agrees with the notebook.</summary>
    public bool Agrees => Difference <= Tolerance;
}

/// <summary>The seed notebook, cell by cell, computed with the generated derivatives of <see cref="Cells"/>.</summary>
public static class Notebook
{
    /// <summary>Every cell, against the notebook's numbers in <paramref name="reference"/> (the root of seed.json).</summary>
    public static IReadOnlyList<CellResult> Run(JsonElement reference)
    {
        var rows = new List<CellResult>();

        // f = grad(x ** 2); f(4)
        var square = reference.GetProperty("square_grad_at_4").GetDouble();
        rows.Add(new("d(x²)/dx at 4 (Gradient)", Scalar(square), Scalar(Cells.SquareGradient(4.0).x), 1e-12));
        rows.Add(new("d(x²)/dx at 4 (Tangent)", Scalar(square), Scalar(Cells.SquareTangent(4.0, 1.0).Tangent), 1e-12));

        // jacobian(x ** 2) at [4, 4]
        var four = Tensor.FromArray(new double[] { 4, 4 });
        rows.Add(new("Jacobian of x² at [4, 4]", Read(reference.GetProperty("square_vector_jacobian_at_4_4")), Cells.SquareElementsJacobian(four).x, 1e-12));

        // the elementwise map adding 0.5
        var map = reference.GetProperty("map_plus_half");
        rows.Add(new("map(x + 0.5)", Read(map.GetProperty("result")), Cells.PlusHalf(Read(map.GetProperty("m")).Real()), 1e-12));

        // grad(dot(x, [5, 7])) at [1, 20]
        var weights = Cells.DotWeightsGradient(Tensor.FromArray(new double[] { 1, 20 })).x;
        rows.Add(new("gradient of dot(x, [5, 7])", Read(reference.GetProperty("dot_5_7_grad_at_1_20")), weights, 1e-12));

        // jacobian(x[0] * tensordot(x, rm, 1)) at (1, 3.12)
        var scaled = reference.GetProperty("x0_tensordot_jacobian");
        var x = Tensor.FromArray(scaled.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        var rm = Read(scaled.GetProperty("rm")).Real();
        var (value, jacobian) = Cells.ScaledTensorDotJacobian(x, rm);
        rows.Add(new("x₀·tensordot(x, rm, 1)", Read(scaled.GetProperty("value")), value, 1e-12));
        rows.Add(new("x₀·tensordot(x, rm, 1) ∂/∂x₁", Read(scaled.GetProperty("d_dx1")), Column(jacobian, 0), 1e-12));
        rows.Add(new("x₀·tensordot(x, rm, 1) ∂/∂x₂", Read(scaled.GetProperty("d_dx2")), Column(jacobian, 1), 1e-12));

        // jacobian(expm(tensordot(x, rm / 100, 1))) at (1, 3.12)
        var exponential = reference.GetProperty("expm_tensordot_jacobian");
        var rmSmall = Read(exponential.GetProperty("rm")).Real();
        var expmJacobian = Cells.ExpmOfTensorDotJacobian(x, rmSmall).x;
        rows.Add(new("expm(tensordot(x, rm/100, 1)) ∂/∂x₁", Read(exponential.GetProperty("d_dx1")), Column(expmJacobian, 0), 1e-12));
        rows.Add(new("expm(tensordot(x, rm/100, 1)) ∂/∂x₂", Read(exponential.GetProperty("d_dx2")), Column(expmJacobian, 1), 1e-12));

        // the complex cell: d/dx (2i·x) = 2i
        var complexCell = reference.GetProperty("complex_scalar_2j_derivative");
        var twoI = new Complex(complexCell.GetProperty("re").GetDouble(), complexCell.GetProperty("im").GetDouble());
        rows.Add(new("d(2i·x)/dx (Jacobian)", Scalar(twoI), Scalar(Cells.TwoIXJacobian(1.5).x), 1e-12));
        rows.Add(new("d(2i·x)/dx (Tangent)", Scalar(twoI), Scalar(Cells.TwoIXTangent(1.5, 1.0).Tangent), 1e-12));

        // logm of a nonsingular matrix (arange(9) has no logarithm: see LogmOfArange): expm(logm(A)) = A, and the
        // derivative of logm in the direction E against the closed form for a diagonal A, (E_ij·(log aᵢ − log aⱼ)/(aᵢ − aⱼ)).
        var a = Tensor.FromArray(new double[,] { { 4, 1, 0 }, { 1, 3, 1 }, { 0, 1, 2 } });
        rows.Add(new("expm(logm(A)) for a nonsingular A", a, Expm(Cells.Log(a)), 1e-12));
        var diagonal = Tensor.FromArray(new double[,] { { 1, 0 }, { 0, 4 } });
        var direction = Tensor.FromArray(new double[,] { { 0, 1 }, { 1, 0 } });
        var divided = Math.Log(4) / 3;
        rows.Add(new("d logm(diag(1, 4))[E] (Tangent)", Tensor.FromArray(new double[,] { { 0, divided }, { divided, 0 } }),
            Cells.LogTangent(diagonal, direction).Tangent, 1e-12));

        // The cell where Theano failed: d/dx expm(i·x·H) at x = 2, beside i·H·expm(2i·H).
        var evolution = reference.GetProperty("expm_i_x_h_derivative_at_2");
        var h = Read(evolution.GetProperty("h")).Real();
        var at = evolution.GetProperty("x").GetDouble();
        var expected = Read(evolution.GetProperty("d_dx"));
        rows.Add(new("d/dx expm(i·x·H) at 2 (Tangent)", expected, Cells.EvolutionTangent(at, h, 1.0).Tangent, 1e-12));
        rows.Add(new("d/dx expm(i·x·H) at 2 (Jacobian)", expected, Cells.EvolutionJacobian(at, h).x, 1e-12));
        rows.Add(new("i·H·expm(2i·H) (closed form)", expected, MatMul(Complex.ImaginaryOne * h, Expm(Complex.ImaginaryOne * at * h)), 1e-12));
        return rows;
    }

    /// <summary>What Diff says of the notebook's <c>logm(arange(9).reshape(3, 3))</c>.</summary>
    public static string LogmOfArange()
    {
        try
        {
            var result = Ops.Logm(Tensor.Arange(9).Reshape(3, 3));
            return "logm(arange(9)) unexpectedly returned " + result;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static ComplexTensor Scalar(Complex value) => ComplexTensor.FromArray(new[] { value }).Reshape();

    /// <summary>The Jacobian's slice for one input coefficient: J[..., k].</summary>
    private static Tensor Column(Tensor jacobian, int k)
    {
        var shape = jacobian.Shape;
        var inputs = shape[^1];
        var values = jacobian.ToArray();
        var column = new double[values.Length / inputs];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = values[i * inputs + k];
        }

        return Tensor.FromArray(column, shape[..^1]);
    }

    /// <summary>A {shape, re, im?} matrix of seed.json.</summary>
    private static ComplexTensor Read(JsonElement element)
    {
        var shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var re = element.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var im = element.TryGetProperty("im", out var imaginary) ? imaginary.EnumerateArray().Select(e => e.GetDouble()).ToArray() : new double[re.Length];
        return ComplexTensor.FromArray(re.Zip(im, (r, i) => new Complex(r, i)).ToArray(), shape);
    }
}
