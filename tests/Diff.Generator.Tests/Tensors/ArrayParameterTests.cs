using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// double[] and Complex[] parameters, read by index and Length: gradients against closed forms, the complex
/// convention (adjoint = ∂L/∂Re + i·∂L/∂Im) element by element, and the generic checks.
/// </summary>
public sealed class ArrayParameterTests
{

    private static readonly TensorCase[] Cases =
    [
        new("Rosenbrock", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i + 1 < x.Length; i++)
                    {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        s += 100 * a * a + b * b;
                    }
                    return s;
                }
            """, r => [A(r, 10, -2, 2)]),
        new("ComplexEnergy", """
            double F(Complex[] z)
                {
                    double s = (z[0] * z[1]).Real;
                    for (int k = 0; k < z.Length; k++)
                        s += (z[k] * Complex.Conjugate(z[k])).Real;
                    return s;
                }
            """, r => [CA(r, 5)]),
        new("ComplexArrayToComplex", """
            Complex F(Complex[] z, double[] x)
                {
                    Complex s = 0;
                    for (int k = 0; k < z.Length; k++)
                        s += Complex.Exp(z[k] * x[k % x.Length]) / (k + 1);
                    return s * z.Length;
                }
            """, r => [CA(r, 4), A(r, 3)]),
        new("ArraysIntoTensors", "ComplexTensor F(double[] x, Complex[] z) => Tensor.FromArray(x) * ComplexTensor.FromArray(z);",
            r => { int n = Dim(r); return [A(r, n), CA(r, n)]; }),
        new("ImplicitArrayToTensor", "Tensor F(double[] x) { Tensor t = x; return t * t; }", r => [A(r, Dim(r))]),
        new("EmptyArray", "double F(double[] x, double y) { double s = y * y; for (int i = 0; i < x.Length; i++) s += x[i] * y; return s; }",
            r => [Array.Empty<double>(), D(r)]),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases.Where(c => c.Skip is null))));

    private static readonly Lazy<CaseAssembly> Skipped = new(() => new CaseAssembly(TensorCase.Sources(Cases.Where(c => c.Skip is not null))));

    public static IEnumerable<object[]> Names => Cases.Where(c => c.Skip is null).Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Name == name));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(40)]
    public void Rosenbrock_gradient_is_the_closed_form(int n)
    {
        var g = new Generated(Assembly.Value.Type("Rosenbrock"));
        double[] x = A(TensorCase.RandomFor("Rosenbrock", n), n, -2, 2);
        (object value, object?[] gradient) = g.Gradient([x]);
        double[] actual = Assert.IsType<double[]>(gradient[0]);
        Assert.Equal(n, actual.Length);
        var expected = new double[n];
        double f = 0;
        for (int i = 0; i + 1 < n; i++)
        {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            f += 100 * a * a + b * b;
            expected[i] += -400 * x[i] * a - 2 * b;
            expected[i + 1] += 200 * a;
        }
        DerivativeChecks.AssertSame(g.Call([x]), value, "FGradient's Value"); // exactly equal: BUG-T4
        Assert.True(Math.Abs(f - (double)value) <= 1e-13 * f, $"value {(double)value:R}, closed form {f:R}");
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-13 * scale, $"∂f/∂x[{i}] = {actual[i]:R}, expected {expected[i]:R}");
        Assert.NotSame(x, actual);
    }

    [Fact]
    public void Value_of_every_member_is_exactly_the_primal()
    {
        var g = new Generated(Assembly.Value.Type("Rosenbrock"));
        double[] x = A(TensorCase.RandomFor("Rosenbrock", 40), 40, -2, 2);
        double primal = (double)g.Call([x]);
        Assert.Equal(primal, (double)g.Gradient([x]).Value);
        Assert.Equal(primal, (double)g.Adjoint([x], 0.5).Value);
        Assert.Equal(primal, (double)g.Tangent([x], [A(new Random(1), 40)]).Value);
        Assert.Equal(primal, (double)g.Jacobian([x]).Value);
    }

    [Fact]
    public void Complex_array_adjoint_is_dL_dRe_plus_i_dL_dIm()
    {
        var g = new Generated(Assembly.Value.Type("ComplexEnergy"));
        Complex[] z = CA(TensorCase.RandomFor("ComplexEnergy", 9), 5);
        Complex[] gradient = Assert.IsType<Complex[]>(g.Gradient([z]).Gradient[0]);
        Complex[] adjoint = Assert.IsType<Complex[]>(g.Adjoint([z], 1.0).Adjoints[0]);
        Assert.Equal(gradient, adjoint);

        // L = Re(z0·z1) + Σ|z_k|²: ∂L/∂Re z_k + i·∂L/∂Im z_k = 2·z_k, plus conj(z1) for k = 0 and conj(z0) for k = 1.
        for (int k = 0; k < z.Length; k++)
        {
            Complex expected = 2 * z[k] + (k == 0 ? Complex.Conjugate(z[1]) : k == 1 ? Complex.Conjugate(z[0]) : 0);
            Assert.True((gradient[k] - expected).Magnitude <= 1e-14 * (1 + expected.Magnitude), $"adjoint of z[{k}] = {gradient[k]}, expected {expected}");

            // and against central differences along the real and the imaginary axis of that element.
            double Along(Complex step)
            {
                Complex[] plus = (Complex[])z.Clone(), minus = (Complex[])z.Clone();
                plus[k] += step;
                minus[k] -= step;
                return ((double)g.Call([plus]) - (double)g.Call([minus])) / (2 * step.Magnitude);
            }
            Complex fd = new(Along(1e-6), Along(new Complex(0, 1e-6)));
            Assert.True((gradient[k] - fd).Magnitude <= 1e-7 * (1 + fd.Magnitude), $"adjoint of z[{k}] = {gradient[k]}, finite differences {fd}");
        }

        // The convention makes z -= rate·adjoint a descent step.
        Complex[] stepped = z.Zip(gradient, (a, d) => a - 1e-3 * d).ToArray();
        Assert.True((double)g.Call([stepped]) < (double)g.Call([z]));
    }

    [Fact]
    public void Array_tangents_and_adjoints_are_arrays_of_the_same_length()
    {
        var g = new Generated(Assembly.Value.Type("ComplexArrayToComplex"));
        MethodInfoShape(g, "Tangent", [typeof(Complex[]), typeof(double[]), typeof(Complex[]), typeof(double[])], [typeof(Complex), typeof(Complex)]);
        MethodInfoShape(g, "Adjoint", [typeof(Complex[]), typeof(double[]), typeof(Complex)], [typeof(Complex), typeof(Complex[]), typeof(double[])]);
        Assert.Null(g.Member("Jacobian"));
        Assert.Null(g.Member("Gradient"));
        var (_, adjoints) = g.Adjoint([CA(new Random(1), 4), A(new Random(2), 3)], new Complex(0.3, -0.4));
        Assert.Equal(4, Assert.IsType<Complex[]>(adjoints[0]).Length);
        Assert.Equal(3, Assert.IsType<double[]>(adjoints[1]).Length);
    }

    private static void MethodInfoShape(Generated g, string suffix, Type[] parameters, Type[] elements)
    {
        var member = g.Member(suffix);
        Assert.NotNull(member);
        Assert.Equal(parameters, member!.GetParameters().Select(p => p.ParameterType).ToArray());
        Assert.Equal(elements, member.ReturnType.GetGenericArguments());
    }
}
