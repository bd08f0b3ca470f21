using System;
using System.IO;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Diff.Generator.Tests.Infrastructure;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// The seed notebook's answers (data/reference/seed.json, computed with numpy/scipy) from the generated
/// Jacobians and gradients of <see cref="SeedSources.Cells"/>.
/// </summary>
public sealed class SeedNotebookTests
{
    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.Load(GeneratorHarness.Run(SeedSources.Cells).OutputCompilation));

    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "seed.json"))).RootElement);

    private static Generated Cell(string method) => new(Compiled.Value.GetType("Seed.Cells")!, method);

    [Fact]
    public void Square_jacobian_at_4_4()
    {
        (_, object?[] j) = Cell("Square").Jacobian([Tensor.FromArray(new double[] { 4, 4 })]);
        AssertMatches(Reference.Value.GetProperty("square_vector_jacobian_at_4_4"), j[0]!);
    }

    [Fact]
    public void DotW_gradient_at_1_20()
    {
        (object value, object?[] g) = Cell("DotW").Gradient([Tensor.FromArray(new double[] { 1, 20 })]);
        Assert.Equal(145.0, (double)value);
        AssertMatches(Reference.Value.GetProperty("dot_5_7_grad_at_1_20"), g[0]!);
    }

    [Theory]
    [InlineData("Cell5", "x0_tensordot_jacobian")]
    [InlineData("Cell6", "expm_tensordot_jacobian")]
    public void Tensordot_cells_jacobian_at_1_3_12(string method, string key)
    {
        JsonElement cell = Reference.Value.GetProperty(key);
        Tensor x = cell.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Tensor rm = Read(cell.GetProperty("rm")).Real();
        if (method == "Cell6")
            rm = rm * 100.0; // the cell divides by 100 itself
        (object value, object?[] j) = Cell(method).Jacobian([x, rm]);
        if (cell.TryGetProperty("value", out JsonElement expectedValue))
            AssertMatches(expectedValue, value);
        Tensor jacobian = Assert.IsType<Tensor>(j[0]);
        Assert.Equal(new[] { 3, 3, 2 }, jacobian.Shape);
        // The notebook prints ∂H/∂x1 and ∂H/∂x2 as two 3×3 matrices: the last axis of the Jacobian.
        double[] data = jacobian.ToArray();
        AssertMatches(cell.GetProperty("d_dx1"), Tensor.FromArray(Enumerable.Range(0, 9).Select(i => data[2 * i]).ToArray(), 3, 3));
        AssertMatches(cell.GetProperty("d_dx2"), Tensor.FromArray(Enumerable.Range(0, 9).Select(i => data[2 * i + 1]).ToArray(), 3, 3));
    }

    [Fact]
    public void Evolve_derivative_at_2()
    {
        JsonElement cell = Reference.Value.GetProperty("expm_i_x_h_derivative_at_2");
        Tensor h = Read(cell.GetProperty("h")).Real();
        double x = cell.GetProperty("x").GetDouble();
        (object value, object?[] j) = Cell("Evolve").Jacobian([x, h]);
        AssertMatches(cell.GetProperty("value"), value);
        AssertMatches(cell.GetProperty("d_dx"), Assert.IsType<ComplexTensor>(j[0]));
        (_, object tangent) = Cell("Evolve").Tangent([x, h], [1.0]);
        AssertMatches(cell.GetProperty("d_dx"), tangent);
    }

    [Fact]
    public void Propagate_is_unitary_and_its_jacobian_has_shape_n_n_slices()
    {
        var r = TensorCase.RandomFor("Propagate", 1);
        Tensor a = Values.T(r, 3, 3), b = Values.T(r, 3, 3);
        object[] args = [Values.A(r, 7), 0.2, a + a.Transpose(), b + b.Transpose()];
        Generated g = Cell("Propagate");
        var u = (ComplexTensor)g.Call(args);
        ComplexTensor identity = Ops.MatMul(u.ConjugateTranspose(), u);
        Assert.True(Values.Distance(identity.ToArray(), ComplexTensor.Identity(3).ToArray()) < 1e-12);
        (_, object?[] j) = g.Jacobian(args);
        Assert.Equal(new[] { 3, 3, 7 }, Assert.IsType<ComplexTensor>(j[0]).Shape);
        Assert.Equal(new[] { 3, 3 }, Assert.IsType<ComplexTensor>(j[1]).Shape);
        DerivativeChecks.VerifyAt(g, args, r, 1e-3, "Propagate");
    }

    private static ComplexTensor Read(JsonElement element)
    {
        int[] shape = element.TryGetProperty("shape", out JsonElement s) ? s.EnumerateArray().Select(e => e.GetInt32()).ToArray() : [element.GetArrayLength()];
        JsonElement reElement = element.ValueKind == JsonValueKind.Array ? element : element.GetProperty("re");
        double[] re = reElement.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] im = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("im", out JsonElement i)
            ? i.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : new double[re.Length];
        return ComplexTensor.FromArray(re.Zip(im, (x, y) => new Complex(x, y)).ToArray(), shape);
    }

    private static void AssertMatches(JsonElement expected, object actual)
    {
        ComplexTensor e = Read(expected);
        Assert.Equal(e.Shape, Values.ShapeOf(actual));
        double error = Values.Distance(e.ToArray(), Values.Flatten(actual));
        Assert.True(error <= 1e-12 * (1 + Values.Norm(e.ToArray())), $"differs from the notebook by {error:G3}: {Values.Show(actual)} vs {e}");
    }
}
