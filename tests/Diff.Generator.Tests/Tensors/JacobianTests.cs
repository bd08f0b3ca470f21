using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using Xunit.Sdk;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// {F}Jacobian of tensor, array and scalar inputs and outputs: the contract's type, shape output ++ input, and every
/// element against a fourth-order central difference; with fewer inputs than outputs (forward sweeps) and more
/// (reverse sweeps, two per element of a complex output).
/// </summary>
public sealed class JacobianTests
{
    private static readonly TensorCase[] Cases =
    [
        new("TensorToTensor", "Tensor F(Tensor a) => Ops.MatMul(a, a) + Ops.Sin(a);", r => { int n = Dim(r); return [T(r, n, n)]; }),
        new("TensorToLargerTensor", "Tensor F(Tensor a) => Ops.TensorDot(a, a, 0) * 0.5;", r => [T(r, 3)]),
        new("TensorToSmallerTensor", "Tensor F(Tensor a, [NoDerivative] Tensor w) => Ops.Tanh(Ops.Dot(a, w));", r => [T(r, 3, 5), T(r, 5)]),
        new("DoubleToComplexTensor", "ComplexTensor F(double x, [NoDerivative] Tensor h) => Ops.Expm(Complex.ImaginaryOne * x * h);",
            r => { Tensor a = T(r, 3, 3); return [D(r), a + a.Transpose()]; }),
        new("ArrayToDouble", "double F(double[] x) { double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Sin(x[i]) * (i + 1); return s * s; }",
            r => [A(r, 5)]),
        new("TensorAndDouble", "Tensor F(Tensor a, double s) => Ops.Tanh(a * s) + s * s;", r => [T(r, 2, 3), D(r)]),
        new("TwoDoublesToTensor", "Tensor F(double x, double y) => Ops.Exp(Tensor.Arange(12).Reshape(3, 4) * (x * 0.1)) * y;", r => [D(r), D(r)]),
        new("ManyInputsToComplexVector", "ComplexTensor F(Tensor a, [NoDerivative] ComplexTensor v) => Ops.Dot(Ops.Sin(a), v);",
            r => [T(r, 3, 5), Z(r, 5)]),
        new("ComplexScalarOfRealInputs", "Complex F(double x, Tensor a) => Ops.Sum(Ops.Exp(Complex.ImaginaryOne * x * a));",
            r => [D(r), T(r, 2, 3)]),
        new("RankZeroOutput", "Tensor F(Tensor a, Tensor b) => Ops.Dot(a, b);", r => [T(r, 4), T(r, 4)]),
        new("ArrayAndTensorToMatrix", "Tensor F(double[] c, Tensor a) => a * c[0] + a.Transpose() * c[1];",
            r => [A(r, 2), T(r, 3, 3)]),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases.Where(c => c.Skip is null))));

    public static IEnumerable<object[]> Names => Cases.Where(c => c.Skip is null).Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Jacobian_has_the_contract_shape_and_agrees_with_finite_differences(string name)
    {
        TensorCase c = Cases.Single(x => x.Name == name);
        if (Assembly.Value.Problems(name) is { } problems)
            throw new XunitException($"{name}:\n{problems}\n\n{Assembly.Value.Generated(name)}");
        var g = new Generated(Assembly.Value.Type(name));
        Random random = TensorCase.RandomFor(name, 7);
        object[] args = c.Args(random);
        object primal = g.Call(args);
        (object value, object?[] jacobians) = g.Jacobian(args);
        DerivativeChecks.AssertSame(primal, value, $"{name}: FJacobian's Value");
        Assert.Equal(g.Differentiable.Length, jacobians.Length);
        for (int k = 0; k < jacobians.Length; k++)
        {
            object input = args[g.Differentiable[k]];
            object? j = jacobians[k];
            Type expected = DerivativeChecks.ExpectedJacobianType(primal, input);
            Assert.True(j is not null && j.GetType() == expected, $"{name}: Jacobian {k} is {j?.GetType().Name ?? "null"}, expected {expected.Name}");
            int[] shape = ShapeOf(j!);
            Assert.Equal(ShapeOf(primal).Concat(ShapeOf(input)).ToArray(), shape);

            // Column by column: the derivative along each input element.
            Complex[] actual = Flatten(j);
            int inputs = Flatten(input).Length, outputs = Flatten(primal).Length;
            var fd = new Complex[actual.Length];
            for (int col = 0; col < inputs; col++)
            {
                object[] directions = g.Differentiable.Select((p, i) => Like(args[p], Unit(Flatten(args[p]).Length, i == k ? col : -1))).ToArray();
                Complex[] column = g.FiniteDifference(args, directions, 1e-3);
                for (int row = 0; row < outputs; row++)
                    fd[row * inputs + col] = column[row];
            }
            double error = Distance(actual, fd);
            Assert.True(error <= 1e-6 * Norm(fd) + 1e-10, $"{name}: Jacobian {k} differs from finite differences by {error:G3} (norm {Norm(fd):G3})\n  J  {Show(j)}\n  fd {Show(Like(j!, fd))}");
        }

        // And the generic checks (tangent, adjoint, Jacobian contraction) at the same kind of point.
        DerivativeChecks.VerifyAt(g, args, random, c.FdStep, name);
    }

    [Fact]
    public void Gradient_of_an_array_is_the_jacobian_of_a_real_scalar()
    {
        var g = new Generated(Assembly.Value.Type("ArrayToDouble"));
        object[] args = [A(TensorCase.RandomFor("ArrayToDouble", 3), 6)];
        double[] gradient = Assert.IsType<double[]>(g.Gradient(args).Gradient[0]);
        Tensor jacobian = Assert.IsType<Tensor>(g.Jacobian(args).Jacobian[0]);
        Assert.Equal(new[] { 6 }, jacobian.Shape);
        Assert.Equal(gradient, jacobian.ToArray());
    }

    [Fact]
    public void Jacobian_of_a_real_scalar_of_a_real_scalar_is_a_double()
    {
        var g = new Generated(Assembly.Value.Type("TensorAndDouble"));
        var member = g.Member("Jacobian")!;
        Type[] elements = member.ReturnType.GetGenericArguments();
        Assert.Equal(new[] { typeof(Tensor), typeof(Tensor), typeof(Tensor) }, elements);
        var complex = new Generated(Assembly.Value.Type("ComplexScalarOfRealInputs")).Member("Jacobian")!;
        Assert.Equal(new[] { typeof(Complex), typeof(Complex), typeof(ComplexTensor) }, complex.ReturnType.GetGenericArguments());
    }

    private static Complex[] Unit(int length, int index)
    {
        var e = new Complex[length];
        if (index >= 0)
            e[index] = 1;
        return e;
    }
}
