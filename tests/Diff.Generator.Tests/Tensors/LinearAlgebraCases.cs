using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Solve, Inverse, Det, LogDet and Cholesky inside generated [Differentiable] methods, real and complex, through their
/// registered tangents and (split) adjoints: the battery's checks (tangent against finite differences, adjoint against
/// tangent, Gradient against Adjoint, Jacobian) on random well-conditioned inputs. Eigh, Svd and SlogDet return tuples,
/// which the generator does not differentiate through yet; their rules are tested directly in Diff.Runtime.Tests.
/// </summary>
public sealed class LinearAlgebraCases
{
    private static TensorCase Case(string name, string method, Func<Random, object[]> args, double fdStep = 1e-4) => new(name, method, args, null, fdStep);

    /// <summary>A well-conditioned n×n matrix: entries in [−1, 1] plus 3·I.</summary>
    private static Tensor Regular(Random r, int n) => T(r, n, n) + 3.0 * Tensor.Identity(n);

    private static ComplexTensor RegularComplex(Random r, int n) => Z(r, n, n) + ComplexTensor.FromTensor(3.0 * Tensor.Identity(n));

    private static Tensor Spd(Random r, int n)
    {
        Tensor x = T(r, n, n);
        return Ops.MatMul(x, x.Transpose()) + Tensor.Identity(n);
    }

    private static ComplexTensor Hpd(Random r, int n)
    {
        ComplexTensor x = Z(r, n, n);
        return Ops.MatMul(x, x.ConjugateTranspose()) + ComplexTensor.FromTensor(Tensor.Identity(n));
    }

    private static IEnumerable<TensorCase> Build()
    {
        yield return Case("LaSolveVector", "Tensor F(Tensor a, Tensor b) => Ops.Solve(a, b);", r => { int n = Dim(r); return [Regular(r, n), T(r, n)]; });
        yield return Case("LaSolveMatrix", "Tensor F(Tensor a, Tensor b) => Ops.Solve(a, b);", r => { int n = Dim(r); return [Regular(r, n), T(r, n, Dim(r))]; });
        yield return Case("LaSolveComplex", "ComplexTensor F(ComplexTensor a, ComplexTensor b) => Ops.Solve(a, b);",
            r => { int n = Dim(r); return [RegularComplex(r, n), Z(r, n, 2)]; });
        yield return Case("LaSolveConstantMatrix", "Tensor F([NoDerivative] Tensor a, Tensor b) => Ops.Solve(a, b * b);",
            r => { int n = Dim(r); return [Regular(r, n), T(r, n)]; });
        yield return Case("LaInverse", "Tensor F(Tensor a) => Ops.Inverse(a);", r => [Regular(r, Dim(r))]);
        yield return Case("LaInverseComplex", "ComplexTensor F(ComplexTensor a) => Ops.Inverse(a);", r => [RegularComplex(r, Dim(r))]);
        yield return Case("LaDet", "double F(Tensor a) => Ops.Det(a);", r => { int n = Dim(r); return [T(r, n, n)]; });
        yield return Case("LaDetOfProduct", "double F(Tensor a, Tensor b) => Ops.Det(Ops.MatMul(a, b)) * 0.5;",
            r => { int n = Dim(r); return [T(r, n, n), T(r, n, n)]; });
        yield return Case("LaDetComplex", "Complex F(ComplexTensor a) => Ops.Det(a);", r => [Z(r, 3, 3)]);
        yield return Case("LaLogDet", "double F(Tensor a) => Ops.LogDet(a);", r => [Regular(r, Dim(r))]);
        yield return Case("LaLogDetComplex", "Complex F(ComplexTensor a) => Ops.LogDet(a);", r => [RegularComplex(r, Dim(r))]);
        yield return Case("LaGaussianLogLikelihood", """
            double F(Tensor sigma, Tensor x)
                {
                    Tensor l = Ops.Cholesky(sigma);
                    Tensor z = Ops.Solve(l, x);
                    return -0.5 * Ops.Dot(z, z) - Ops.LogDet(l);
                }
            """, r => { int n = Dim(r); return [Spd(r, n), T(r, n)]; });
        yield return Case("LaCholesky", "Tensor F(Tensor a) => Ops.Cholesky(a);", r => [Spd(r, Dim(r))]);
        yield return Case("LaCholeskyComplex", "ComplexTensor F(ComplexTensor a) => Ops.Cholesky(a);", r => [Hpd(r, Dim(r))]);
        yield return Case("LaInverseInLoop", """
            double F(Tensor a, int steps)
                {
                    Tensor x = a;
                    for (int i = 0; i < steps; i++)
                        x = Ops.Inverse(x) + a;
                    return Ops.Trace(x);
                }
            """, r => [Regular(r, Dim(r)), 3]);
    }

    private static readonly IReadOnlyDictionary<string, TensorCase> All = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(All.Values)));

    /// <summary>The case names for xunit.</summary>
    public static IEnumerable<object[]> Names => All.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, All[name]);
}
