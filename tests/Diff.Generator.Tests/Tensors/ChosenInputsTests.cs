using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Diff.Generator.Tests.Infrastructure;
using Diff.Generator.Tests.Numeric.Harness;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// <c>[Differentiable(nameof(…))]</c> over tensors, arrays and scalars: every member against finite differences that
/// move the listed parameters only (the others are constants, also where the result depends on them), the adjoint
/// identity, Gradient and Jacobian; and the members' signatures, which take and return derivatives for the listed
/// parameters alone, in the parameters' order.
/// </summary>
public sealed class ChosenInputsTests
{
    private static readonly TensorCase[] Cases =
    [
        // A layer whose input x is data: the result depends on x, but x is not listed.
        new("Layer", "Tensor F(Tensor w, Tensor b, Tensor x) => Ops.Tanh(Ops.MatMul(x, w) + b);",
            r => { int n = Dim(r), k = Dim(r), m = Dim(r); return [T(r, k, m), T(r, m), T(r, n, k)]; }) { Inputs = "nameof(w), nameof(b)" },

        // Least squares of a sine series: the coefficients are fitted, the frequency t and the targets y are not.
        new("SeriesFit", """
            double F(double[] c, double t, double[] y)
                {
                    double s = 0;
                    for (int i = 0; i < c.Length; i++)
                    {
                        double r = c[i] * Math.Sin(t * (i + 1)) - y[i];
                        s += r * r;
                    }
                    return s;
                }
            """, r => { int n = Dim(r, 3, 6); return [A(r, n), D(r, 0.5, 1.5), A(r, n)]; }) { Inputs = "nameof(c)" },

        // The propagator of the README, with the Hamiltonian left out by the list instead of [NoDerivative].
        new("Propagator", "ComplexTensor F(double t, Tensor h) => Ops.Expm(Complex.ImaginaryOne * t * h);",
            r => { Tensor a = T(r, 3, 3); return [D(r), a + a.Transpose()]; }) { Inputs = "nameof(t)" },

        // Names written as strings, out of the parameters' order: the members follow the parameters (s, then b).
        new("OutOfOrder", "Tensor F(Tensor a, double s, Tensor b) => a * s + Ops.Sin(b) * s;",
            r => { int n = Dim(r); return [T(r, n, 2), D(r), T(r, n, 2)]; }) { Inputs = "\"b\", \"s\"" },

        // A list beside a [NoDerivative] parameter and an int.
        new("BesideNoDerivative", "double F(Tensor a, [NoDerivative] Tensor m, Tensor b, int k) => Ops.Sum(a * m * b) * k;",
            r => { int n = Dim(r); return [T(r, n), T(r, n), T(r, n), 3]; }) { Inputs = "nameof(a)" },

        // A complex array listed beside a real one left out.
        new("ComplexArray", """
            double F(Complex[] z, double[] x)
                {
                    double s = 0;
                    for (int k = 0; k < z.Length; k++)
                        s += (z[k] * Complex.Conjugate(z[k])).Real * x[k];
                    return s;
                }
            """, r => { int n = Dim(r); return [CA(r, n), A(r, n)]; }) { Inputs = "nameof(z)" },
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases)));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Members_take_and_return_derivatives_of_the_listed_parameters_only(string name)
    {
        TensorCase c = Cases.Single(x => x.Name == name);
        var g = new Generated(Assembly.Value.Type(name));
        ParameterInfo[] parameters = g.Primal.GetParameters();
        string[] listed = c.Inputs!.Split(',').Select(n => n.Trim().Replace("nameof(", "").Replace(")", "").Trim('"')).ToArray();
        string[] expected = parameters.Where(p => listed.Contains(p.Name)).Select(p => p.Name!).ToArray();
        Assert.Equal(expected, g.Differentiable.Select(i => parameters[i].Name));
        Assert.True(expected.Length < parameters.Count(p => IsDifferentiable(p.ParameterType)), $"{name} leaves out no parameter of a differentiable type");

        MethodInfo adjoint = g.Member("Adjoint")!;
        Assert.Equal(parameters.Length + 1, adjoint.GetParameters().Length);
        Assert.Equal(["Value", .. expected], NumericCase.TupleNames(adjoint));
        MethodInfo tangent = g.Member("Tangent")!;
        Assert.Equal(parameters.Length + expected.Length, tangent.GetParameters().Length);
        Assert.Equal(expected.Select(n => parameters.Single(p => p.Name == n).ParameterType), tangent.GetParameters().Skip(parameters.Length).Select(p => p.ParameterType));
    }

    [Fact]
    public void A_parameter_left_out_is_held_constant_where_the_result_depends_on_it()
    {
        // SeriesFit depends on t; its tangent along dc alone is the finite difference that keeps t fixed, and no member
        // takes a tangent or returns an adjoint for t.
        var g = new Generated(Assembly.Value.Type("SeriesFit"));
        Random random = TensorCase.RandomFor("SeriesFit", 3);
        double[] c = A(random, 4), y = A(random, 4), dc = A(random, 4);
        const double t = 0.8;
        (object _, object tangent) = g.Tangent([c, t, y], [dc]);
        double expected = 0;
        for (int i = 0; i < 4; i++)
            expected += 2 * (c[i] * Math.Sin(t * (i + 1)) - y[i]) * Math.Sin(t * (i + 1)) * dc[i];
        Assert.True(Math.Abs((double)tangent - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"tangent {tangent}, expected {expected}");
        (object _, object?[] gradient) = g.Gradient([c, t, y]);
        Assert.Single(gradient);
        Assert.IsType<double[]>(gradient[0]);

        // The dependence on t is real (∂F/∂t is far from zero here), and the generated members leave it out all the same.
        double dt = ((double)g.Call([c, t + 1e-6, y]) - (double)g.Call([c, t - 1e-6, y])) / 2e-6;
        Assert.True(Math.Abs(dt) > 1e-3, $"∂F/∂t = {dt}");
    }

    [Fact]
    public void Signatures()
    {
        var text = new System.Text.StringBuilder();
        foreach (TensorCase c in Cases)
        {
            text.Append("// [Differentiable(").Append(c.Inputs).Append(")] ").Append(c.Method.Split('\n')[0].Split(" =>")[0].Trim()).Append('\n');
            foreach (string line in Assembly.Value.Generated(c.Name).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("public static", StringComparison.Ordinal)))
                text.Append(line).Append('\n');
            text.Append('\n');
        }
        Snapshot.VerifyText(text.ToString(), "ChosenInputs.Signatures");
    }
}
