using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// The rows of the numpy-style tensor API battery: reductions along axes (with <c>keepDims</c>, negative axes and the
/// optional argument left out), LogSumExp and Softmax, slices with indices and ranges, Concat, Stack and FromScalars
/// inside [Differentiable] methods, as a user writes them (a softmax cross-entropy, a mean squared error, a row loop).
/// </summary>
public static class TensorApiCases
{
    // Rows skipped because of a known bug, with the bug's id (none at present).
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal);

    /// <summary>All rows, by name.</summary>
    public static IReadOnlyDictionary<string, TensorCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The row names for xunit, skipped rows left out.</summary>
    public static IEnumerable<object[]> Names => All.Values.Where(c => c.Skip is null).Select(c => new object[] { c.Name }).OrderBy(n => (string)n[0], StringComparer.Ordinal);

    private static TensorCase Case(string name, string method, Func<Random, object[]> args, double fdStep = 1e-3) =>
        new(name, method, args, Skips.GetValueOrDefault(name), fdStep);

    /// <summary>Rows of one-hot targets: row i has a 1 in a random column.</summary>
    private static Tensor OneHot(Random r, int rows, int classes)
    {
        var t = new double[rows, classes];
        for (int i = 0; i < rows; i++)
            t[i, r.Next(classes)] = 1;
        return Tensor.FromArray(t);
    }

    private static IEnumerable<TensorCase> Build()
    {
        // ---- losses as a user writes them -------------------------------------------------------------------
        yield return Case("SoftmaxCrossEntropy",
            "double F(Tensor logits, [NoDerivative] Tensor targets) => -Ops.Sum(targets * Ops.Log(Ops.Softmax(logits, -1))) / logits.Shape[0];",
            r => { int n = Dim(r), k = Dim(r, 2, 5); return [T(r, -3.0, 3.0, n, k), OneHot(r, n, k)]; });
        yield return Case("SoftmaxCrossEntropyLogSumExp",
            "double F(Tensor logits, [NoDerivative] Tensor targets) => Ops.Mean(Ops.LogSumExp(logits, 1)) - Ops.Sum(targets * logits) / logits.Shape[0];",
            r => { int n = Dim(r), k = Dim(r, 2, 5); return [T(r, -3.0, 3.0, n, k), OneHot(r, n, k)]; });
        yield return Case("MeanSquaredError",
            "double F(Tensor w, [NoDerivative] Tensor x, [NoDerivative] Tensor y) { var e = Ops.MatMul(x, w) - y; return Ops.Mean(e * e); }",
            r => { int n = Dim(r, 3, 6), d = Dim(r); return [T(r, d), T(r, n, d), T(r, n)]; });
        yield return Case("RowSlicesInALoop",
            "double F(Tensor m) { double s = 0; for (int i = 0; i < m.Shape[0]; i++) { var row = m[i, ..]; s += (i + 1) * Ops.Sum(row * row); } return s; }",
            r => [T(r, Dim(r), Dim(r))]);

        // ---- reductions along an axis -----------------------------------------------------------------------
        yield return Case("SumAxis", "Tensor F(Tensor a) => Ops.Sum(a, 0);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("SumAxisKeepDims", "Tensor F(Tensor a) => Ops.Sum(a, -1, keepDims: true) * 2.0;", r => [T(r, 2, Dim(r), Dim(r))]);
        yield return Case("SumAxisComplex", "ComplexTensor F(ComplexTensor a) => Ops.Sum(a, 1);", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("MeanWhole", "double F(Tensor a) => Ops.Mean(Ops.Exp(a));", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("MeanAxis", "Tensor F(Tensor a) => Ops.Mean(a, 1, true);", r => [T(r, Dim(r), Dim(r), 2)]);
        yield return Case("MeanComplex", "Complex F(ComplexTensor a) => Ops.Mean(a * a);", r => [Z(r, Dim(r))]);
        yield return Case("MaxMin", "double F(Tensor a) => Ops.Max(a) - 2 * Ops.Min(a);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("MaxMinAxis", "Tensor F(Tensor a) => Ops.Max(a, 1) * Ops.Min(a, -1);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("Norm", "double F(Tensor a) => Ops.Norm(a);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("NormComplex", "double F(ComplexTensor a) => Ops.Norm(a);", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("NormAxis", "Tensor F(Tensor a) => Ops.Norm(a, 0, keepDims: true);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("NormAxisComplex", "Tensor F(ComplexTensor a) => Ops.Norm(a, -1);", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("LogSumExp", "Tensor F(Tensor a) => Ops.LogSumExp(a, 0);", r => [T(r, -3.0, 3.0, Dim(r), Dim(r))]);
        yield return Case("Softmax", "Tensor F(Tensor a) => Ops.Softmax(a, 1);", r => [T(r, -3.0, 3.0, Dim(r), Dim(r), 2)]);
        yield return Case("AxisParameter", "Tensor F(Tensor a, int axis, bool keep) => Ops.Softmax(a, axis) * Ops.Max(a, axis, keep);", r => [T(r, Dim(r), 1), -1, true]);
        yield return Case("Outer", "Tensor F(Tensor u, Tensor v) => Ops.Outer(u, Ops.Sin(v));", r => [T(r, Dim(r)), T(r, Dim(r))]);
        yield return Case("OuterComplex", "ComplexTensor F(ComplexTensor u, ComplexTensor v) => Ops.Outer(u, v);", r => [Z(r, Dim(r)), Z(r, Dim(r))]);

        // ---- slices -----------------------------------------------------------------------------------------
        yield return Case("SliceColumnFromTheEnd", "Tensor F(Tensor m) => m[.., ^1] * m[.., 0];", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("SliceBlock", "Tensor F(Tensor m) => Ops.Exp(m[1.., ..^1]);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("SliceFirstAxis", "Tensor F(Tensor m) => m[1..3] * 2.0;", r => [T(r, 3, Dim(r))]);
        yield return Case("SliceRank3", "Tensor F(Tensor t) => t[1, .., ..] + t[0, .., ..];", r => [T(r, 2, Dim(r), Dim(r))]);
        yield return Case("SliceElementFromTheEnd", "double F(Tensor m) => m[^1, ^1] * m[0, ^2];", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("SliceComplex", "ComplexTensor F(ComplexTensor z) => z[^1, ..] * z[0, ..];", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("SliceWithParameterRange", "Tensor F(Tensor m, int from, int to) => m[from..to, ..];", r => [T(r, 4, Dim(r)), 1, 3]);

        // ---- joins ------------------------------------------------------------------------------------------
        yield return Case("ConcatTwoComputed", "Tensor F(Tensor a, Tensor b) => Ops.Concat(0, Ops.Sin(a), a * b);", r => { int n = Dim(r); return [T(r, n, 2), T(r, n, 2)]; });
        yield return Case("ConcatThreeLastAxis", "Tensor F(Tensor a, Tensor b) => Ops.Concat(-1, a, b, a * a);", r => { int n = Dim(r); return [T(r, n, 2), T(r, n, 3)]; });
        yield return Case("StackTwoComputed", "Tensor F(Tensor a, Tensor b) => Ops.Stack(1, Ops.Exp(a), a * b);", r => { int n = Dim(r); return [T(r, n), T(r, n)]; });
        yield return Case("StackThree", "Tensor F(Tensor a, Tensor b) => Ops.Stack(0, a, b, a - b);", r => { int n = Dim(r); return [T(r, n, 2), T(r, n, 2)]; });
        yield return Case("FromScalarsOfDoubles", "Tensor F(double x, double y) => Tensor.FromScalars(x * y, Math.Sin(x));", r => [D(r), D(r)]);
        yield return Case("FromScalarsThree", "double F(Tensor a, double s) => Ops.Norm(Tensor.FromScalars(a[0] * s, Ops.Sum(a), Ops.Max(a)));", r => [T(r, Dim(r)), D(r)]);
        // more parts than the fixed overloads: a params list, rewritten as a tree of them joined by Concat
        yield return Case("ConcatFour", "Tensor F(Tensor a, Tensor b) => Ops.Concat(0, a, b, a * a, Ops.Sin(b));", r => { int n = Dim(r); return [T(r, n, 2), T(r, Dim(r), 2)]; });
        yield return Case("ConcatSevenLastAxis", "Tensor F(Tensor a, Tensor b) => Ops.Concat(-1, a, b, a * a, Ops.Exp(b), a, b * 2.0, Ops.Sin(a));",
            r => { int n = Dim(r); return [T(r, n, 2), T(r, n, 3)]; });
        yield return Case("StackFive", "Tensor F(Tensor a, Tensor b) => Ops.Stack(1, a, b, a - b, a * a, Ops.Tanh(b));", r => { int n = Dim(r); return [T(r, n, 2), T(r, n, 2)]; });
        yield return Case("StackFourLastAxisComplex", "ComplexTensor F(ComplexTensor z, ComplexTensor w) => Ops.Stack(-1, z, w, z * w, Ops.Exp(z));", r => { int n = Dim(r); return [Z(r, n), Z(r, n)]; });
        yield return Case("FromScalarsSix", "Tensor F(double x, double y, Tensor a) => Tensor.FromScalars(x, y, x * y, Math.Sin(x), Ops.Sum(a), a[0] * x);", r => [D(r), D(r), T(r, Dim(r))]);
        yield return Case("FromScalarsFourWithConstants", "double F(double x, double y) => Ops.Norm(Tensor.FromScalars(1.5, x, y * y, 2));", r => [D(r), D(r)]);
        yield return Case("ConcatWithAxisParameter", "Tensor F(Tensor a, int axis) => Ops.Concat(axis, a, a * a, Ops.Exp(a), a, a);", r => [T(r, Dim(r), Dim(r)), 1]);
    }
}
