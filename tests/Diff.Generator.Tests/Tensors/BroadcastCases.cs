using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Broadcasting operators and the activation functions inside generated [Differentiable] methods: a bias add after a
/// matrix product, layers with Relu/Sigmoid/Softplus, Maximum/Minimum/Where, complex broadcasts, checked by the
/// battery's <see cref="DerivativeChecks"/> (tangent against finite differences, adjoint against tangent, Gradient
/// against Adjoint). StopGradient, whose derivative is not that of its value, is checked against hand-derived gradients.
/// </summary>
public sealed class BroadcastCases
{
    private static TensorCase Case(string name, string method, Func<Random, object[]> args) => new(name, method, args);

    private static IEnumerable<TensorCase> Build()
    {
        yield return Case("BiasAdd", "Tensor F(Tensor x, Tensor w, Tensor b) => Ops.MatMul(x, w) + b;",
            r => { int n = Dim(r), k = Dim(r); return [T(r, n, k), T(r, k, 16), T(r, 16)]; });
        yield return Case("SigmoidLayer", "Tensor F(Tensor x, Tensor w, Tensor b) => Ops.Sigmoid(Ops.MatMul(x, w) + b);",
            r => { int n = Dim(r), k = Dim(r), m = Dim(r); return [T(r, n, k), T(r, k, m), T(r, m)]; });
        yield return Case("ReluMlpLoss", """
            double F(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2)
                {
                    Tensor h = Ops.Relu(Ops.MatMul(x, w1) + b1);
                    Tensor y = Ops.MatMul(h, w2) + b2;
                    return Ops.Sum(y * y);
                }
            """, r => { int n = Dim(r), k = Dim(r), m = Dim(r, 3, 5); return [T(r, n, k), T(r, k, m), T(r, 0.2, 1, m), T(r, m, 2), T(r, 2)]; });
        yield return Case("SoftplusOfColumnTimesRow", "double F(Tensor u, Tensor v) => Ops.Sum(Ops.Softplus(u * v));",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, 1), T(r, 1, n)]; });
        yield return Case("BroadcastDivideAndSubtract", "Tensor F(Tensor a, Tensor s) => (a - s) / (s * s + 1.0);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, m, 1)]; });
        yield return Case("MaximumMinimumBroadcast", "Tensor F(Tensor a, Tensor b) => Ops.Maximum(a, b) * Ops.Minimum(b, a);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, n)]; });
        yield return Case("WhereWithConstantMask", "Tensor F(Tensor a, Tensor b, [NoDerivative] Tensor mask) => Ops.Where(mask, a * a, b);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, m, 1), Tensor.FromArray(Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray())]; });
        yield return Case("WhereComplex", "ComplexTensor F(ComplexTensor a, ComplexTensor b, [NoDerivative] Tensor mask) => Ops.Where(mask, a, b * b);",
            r => { int n = Dim(r); return [Z(r, n, n), Z(r, n), Tensor.FromArray(Enumerable.Range(0, n * n).Select(i => (double)(i % 3 == 0 ? 1 : 0)).ToArray(), n, n)]; });
        // a mask computed from differentiated values by a comparison: its derivative is zero, Where's follows the branch
        yield return Case("LeakyReluByComparison", "Tensor F(Tensor x) => Ops.Where(Ops.Greater(x, 0), x, 0.1 * x);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("WhereByBroadcastComparison", "double F(Tensor x, Tensor y) => Ops.Sum(Ops.Where(Ops.LessOrEqual(x, y), x * y, Ops.Exp(y)) + Ops.Equal(x, 0.5));",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, n)]; });
        yield return Case("ComplexTimesRealColumn", "ComplexTensor F(ComplexTensor z, Tensor c) => z * c + c / z;",
            r => { int m = Dim(r), n = Dim(r); return [Z(r, 0.5, 1.5, m, n), T(r, m, 1)]; });
        // shapes known at compile time that broadcast: (3, 1) + (2,) is (3, 2), no DIFF0016
        yield return Case("ConstantShapesBroadcast", "Tensor F(Tensor x) => x * (Tensor.Ones(3, 1) + Tensor.FromArray(new double[] { 1, 2 }));",
            r => [T(r, 3, 2)]);
        yield return Case("ComplexPlusComplexRow", "ComplexTensor F(ComplexTensor z, ComplexTensor w) => (z - w) * w;",
            r => { int m = Dim(r), n = Dim(r); return [Z(r, m, n), Z(r, 1, n)]; });
    }

    /// <summary>The cases by name.</summary>
    public static IReadOnlyDictionary<string, TensorCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<object[]> Names => All.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(All.Values.Concat(StopGradientCases))));

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, All[name]);

    // ---- StopGradient ------------------------------------------------------------------------------------------

    private static readonly TensorCase[] StopGradientCases =
    [
        // L = Σ (x − sg(t))² with t = x·w: the gradient treats the target as constant, 2(x − t) for x, 0 for w
        Case("StopGradientTarget", """
            double F(Tensor x, Tensor w)
                {
                    Tensor d = x - Ops.StopGradient(x * w);
                    return Ops.Sum(d * d);
                }
            """, r => [T(r, 3), T(r, 3)]),
        // scalars: sg(x)·x has derivative sg(x) = x, not 2x; the complex one drops the stopped factor the same way
        Case("StopGradientScalar", "double F(double x) => Ops.StopGradient(x) * x + Ops.StopGradient(Math.Sin(x));", r => [D(r)]),
        Case("StopGradientComplex", "double F(ComplexTensor z) => Ops.Sum(Ops.StopGradient(z) * z.Conj()).Real;", r => [Z(r, 2)]),
    ];

    [Fact]
    public void StopGradient_leaves_out_what_it_stops()
    {
        var target = new Generated(Assembly.Value.Type("StopGradientTarget"));
        Tensor x = Tensor.FromArray([0.5, -1, 2]), w = Tensor.FromArray([3.0, 0.25, -2]);
        var (value, gradient) = target.Gradient([x, w]);
        Tensor t = x * w;
        Assert.Equal(Ops.Sum((x - t) * (x - t)), (double)value, 1e-14);
        Assert.Equal((2.0 * (x - t)).ToArray(), ((Tensor)gradient[0]!).ToArray());
        Assert.Equal(new double[3], ((Tensor)gradient[1]!).ToArray());
        var (_, tangent) = target.Tangent([x, w], [Tensor.FromArray([1.0, 0, 0]), Tensor.FromArray([1.0, 1, 1])]);
        Assert.Equal(2 * (0.5 - 1.5), (double)tangent, 1e-14);

        var scalar = new Generated(Assembly.Value.Type("StopGradientScalar"));
        var (_, dx) = scalar.Gradient([0.75]);
        Assert.Equal(0.75, (double)dx[0]!, 1e-15);

        // L = Re Σ sg(z)·conj(z) = Σ |z|² with one factor stopped: adjoint of z is sg(z) = z (half of |z|²'s 2z)
        var complex = new Generated(Assembly.Value.Type("StopGradientComplex"));
        var z = ComplexTensor.FromArray(new Complex[] { new(1, 2), new(-0.5, 0.25) });
        var (_, dz) = complex.Gradient([z]);
        Assert.Equal(z.ToArray(), ((ComplexTensor)dz[0]!).ToArray());
    }
}
