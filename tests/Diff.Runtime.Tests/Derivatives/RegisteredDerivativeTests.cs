using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Xunit;
using static Diff.Runtime.Tests.Derivatives.Registrations;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>
/// Every whole-form adjoint registration of the runtime, with its kernel and its tangent, on seeded random
/// inputs of several shapes: the tangent against central differences of the kernel, the adjoint against the
/// tangent (Re⟨seed, ṫ⟩ = Σ Re⟨x̄, ẋ⟩), and both Value elements against the kernel. Elementwise operators,
/// comparisons and functions of two operands also run on broadcasting shapes, where the adjoints sum over the
/// stretched axes.
/// StopGradient, whose derivative is zero by definition and not that of its value, is checked in ActivationTests.
/// </summary>
public class RegisteredDerivativeTests
{
    public static TheoryData<string> Adjoints()
    {
        var data = new TheoryData<string>();
        foreach (var m in Registered<AdjointOfAttribute>(a => a.Part == AdjointPart.Whole && a.MethodName != nameof(Ops.StopGradient)))
            data.Add(Key(m));
        return data;
    }

    /// <summary>A case: the shapes of the tensor parameters in order, and the constant (axes or p).</summary>
    private sealed record Case(int[][] Shapes, double Constant = 0);

    private static IEnumerable<Case> Cases(string kernel, Random r)
    {
        int D() => r.Next(1, 5);
        switch (kernel)
        {
            case nameof(Ops.Dot):
            {
                int m = D(), k = D(), n = D();
                yield return new([[m, k], [k, n]]);
                yield return new([[k], [k]]);
                yield return new([[m, k], [k]]);
                yield return new([[k], [k, n]]);
                yield return new([[], [m, n]]);
                yield return new([[m, n], []]);
                yield return new([[2, m, k], [3, k, n]]);
                yield return new([[1, 1], [1, 1]]);
                break;
            }
            case nameof(Ops.MatMul):
            {
                int m = D(), k = D(), n = D();
                yield return new([[m, k], [k, n]]);
                yield return new([[3, 5], [5, 2]]);
                yield return new([[k], [k]]);
                yield return new([[m, k], [k]]);
                yield return new([[k], [k, n]]);
                yield return new([[1, 1], [1, 1]]);
                break;
            }
            case nameof(Ops.TensorDot):
            {
                int m = D(), k = D(), n = D();
                yield return new([[m, k], [k, n]], 1);
                yield return new([[m, 2, 3], [2, 3, n]], 2);
                yield return new([[m], [k, n]], 0);
                yield return new([[m, k], [m, k]], 2);
                yield return new([[1, 1], [1, 1]], 1);
                break;
            }
            case nameof(Ops.Trace):
                yield return new([[D(), D()]]);
                yield return new([[2, 5]]);
                yield return new([[4, 3]]);
                yield return new([[1, 1]]);
                break;
            case nameof(Ops.Expm):
            case nameof(Ops.Logm):
                foreach (int n in new[] { 1, 2, 3, 5 })
                    yield return new([[n, n]]);
                break;
            case nameof(Ops.Inverse):
            case nameof(Ops.Det):
            case nameof(Ops.LogDet):
            case nameof(Ops.Cholesky):
                foreach (int n in new[] { 1, 2, 3, 5 })
                    yield return new([[n, n]]);
                break;
            case nameof(Ops.Solve):
                foreach (int n in new[] { 1, 3, 4 })
                {
                    yield return new([[n, n], [n]]);
                    yield return new([[n, n], [n, 3]]);
                }
                break;
            case nameof(Ops.Pow):
                foreach (double p in new[] { 2, 0.5, -1.5, 3.25 })
                    yield return new([[D(), D()]], p);
                break;
            case "op_Addition" or "op_Subtraction" or "op_Multiply" or "op_Division" or nameof(Ops.Maximum) or nameof(Ops.Minimum)
                or nameof(Ops.Greater) or nameof(Ops.Less) or nameof(Ops.GreaterOrEqual) or nameof(Ops.LessOrEqual) or nameof(Ops.Equal):
            {
                // equal shapes, then numpy broadcasting (a scalar operand of an operator takes no tensor shape)
                int m = r.Next(2, 5), n = r.Next(2, 5);
                yield return new([[m, n], [m, n]]);
                yield return new([[m, n], [n]]);
                yield return new([[n], [m, n]]);
                yield return new([[m, 1], [1, n]]);
                yield return new([[2, m, n], [m, 1]]);
                yield return new([[m, n], []]);
                yield return new([[1], [2, m, n]]);
                break;
            }
            case nameof(Ops.Where):
            {
                // the mask's shape first, then a's and b's
                int m = r.Next(2, 5), n = r.Next(2, 5);
                yield return new([[m, n], [m, n], [m, n]]);
                yield return new([[m, n], [n], [m, 1]]);
                yield return new([[n], [m, n], []]);
                yield return new([[m, 1], [1, n], [n]]);
                break;
            }
            default:
                yield return new([[D(), D()]]);
                yield return new([[1, 1]]);
                yield return new([[D()]]);
                yield return new([[2, 2, 3]]);
                break;
        }
    }

    /// <summary>Real parts of the inputs: away from 0, of random sign, except where the kernel wants them positive.</summary>
    private static Func<Random, double> Values(string kernel) => kernel switch
    {
        nameof(Ops.Log) or nameof(Ops.Sqrt) or nameof(Ops.Pow) => r => 0.5 + 1.5 * r.NextDouble(),
        nameof(Ops.Expm) => r => 1.5 * (2 * r.NextDouble() - 1),
        nameof(Ops.Logm) => r => 0.4 * (2 * r.NextDouble() - 1),
        _ => r => (r.Next(2) == 0 ? -1 : 1) * (0.5 + 1.5 * r.NextDouble()),
    };

    private static object Input(string kernel, Type type, int[] shape, Random r)
    {
        object x = Random(type, shape, r, Values(kernel));
        if (kernel == nameof(Ops.Logm))
        {
            // near the identity, away from the branch cut of the logarithm
            int n = shape[0];
            return x is Tensor t ? (object)(t + Tensor.Identity(n) * 1.5) : (ComplexTensor)x + ComplexTensor.Identity(n) * 1.5;
        }
        if (kernel == nameof(Ops.Cholesky))
        {
            // positive definite: X·Xᴴ + I
            int n = shape[0];
            return x is Tensor t ? (object)(Ops.MatMul(t, t.Transpose()) + Tensor.Identity(n)) : Ops.MatMul((ComplexTensor)x, ((ComplexTensor)x).ConjugateTranspose()) + ComplexTensor.Identity(n);
        }
        if (kernel is nameof(Ops.Solve) or nameof(Ops.Inverse) or nameof(Ops.Det) or nameof(Ops.LogDet) && shape.Length == 2 && shape[0] == shape[1])
        {
            // well conditioned: entries of size up to 2 plus 4·I on the diagonal
            int n = shape[0];
            return x is Tensor t ? (object)(t + Tensor.Identity(n) * 4.0) : (ComplexTensor)x + ComplexTensor.Identity(n) * 4.0;
        }
        return x;
    }

    /// <summary>The arguments of the kernel for a case, with a direction for each differentiable one.</summary>
    private static (object[] Args, object?[] Directions) Arguments(MethodInfo kernel, Case c, Random r)
    {
        var parameters = kernel.GetParameters();
        var args = new object[parameters.Length];
        var directions = new object?[parameters.Length];
        int tensor = 0;
        int[] scalarShape = [];
        for (int i = 0; i < parameters.Length; i++)
        {
            Type t = parameters[i].ParameterType;
            bool isTensor = t == typeof(Tensor) || t == typeof(ComplexTensor);
            // A case with fewer shapes than tensor parameters gives the last shape to the rest.
            int[] shape = isTensor ? c.Shapes[Math.Min(tensor++, c.Shapes.Length - 1)] : scalarShape;
            if (IsConstant(kernel, parameters[i]))
            {
                args[i] = t == typeof(int) ? (object)(int)c.Constant
                    : t == typeof(bool) ? c.Constant != 0
                    : c.Constant;
                continue;
            }
            if (kernel.Name == nameof(Ops.Where) && parameters[i].Name == "mask")
            {
                // A mask of zeros and ones, moved only where it is 1 (a step at a 0 would switch the operand): the
                // result does not change, and its derivative with respect to the mask is zero.
                var mask = (Tensor)Random(t, shape, r, q => q.Next(2));
                args[i] = mask;
                directions[i] = mask * (Tensor)Random(t, shape, r, q => 2 * q.NextDouble() - 1);
                continue;
            }
            args[i] = Input(kernel.Name, t, shape, r);
            directions[i] = Random(t, shape, r, q => 2 * q.NextDouble() - 1);
        }
        return (args, directions);
    }

    [Theory]
    [MemberData(nameof(Adjoints))]
    public void TangentMatchesDifferencesAndAdjointMatchesTangent(string adjointKey)
    {
        MethodInfo adjoint = ByKey(adjointKey);
        MethodInfo kernel = KernelOfAdjoint(adjoint);
        MethodInfo tangent = TangentOf(kernel) ?? throw new InvalidOperationException($"no tangent for {Key(kernel)}");
        var random = new Random(adjointKey.Aggregate(17, (h, ch) => h * 31 + ch));
        int cases = 0;
        foreach (Case c in Cases(kernel.Name, random))
        {
            var (args, directions) = Arguments(kernel, c, random);
            object value = kernel.Invoke(null, args)!;
            object[] differentiable = directions.Where(d => d is not null).ToArray()!;

            // forward mode: the value and the tangent against central differences
            object?[] tangentResult = Items(tangent.Invoke(null, [.. args, .. differentiable])!);
            Assert.Equal(Elements(value), Elements(tangentResult[0]!));
            object dot = tangentResult[1]!;
            const double h = 1e-6;
            object plus = kernel.Invoke(null, args.Select((a, i) => directions[i] is { } d ? Step(a, d, h) : a).ToArray())!;
            object minus = kernel.Invoke(null, args.Select((a, i) => directions[i] is { } d ? Step(a, d, -h) : a).ToArray())!;
            Complex[] fd = Elements(plus).Zip(Elements(minus), (p, q) => (p - q) / (2 * h)).ToArray();
            Complex[] t = Elements(dot);
            Assert.Equal(fd.Length, t.Length);
            double error = Math.Sqrt(fd.Zip(t, (p, q) => Complex.Abs(p - q) * Complex.Abs(p - q)).Sum());
            Assert.True(error <= 1e-6 * Math.Max(1, Norm(dot)), $"{Key(tangent)} on {Describe(c)}: |tangent − differences| = {error:E2}, |tangent| = {Norm(dot):E2}");

            // reverse mode: the value and Re⟨seed, ṫ⟩ = Σ Re⟨x̄, ẋ⟩
            object seed = Random(value.GetType(), ShapeOf(value), random, q => 2 * q.NextDouble() - 1);
            object?[] adjointResult = Items(adjoint.Invoke(null, [.. args, seed])!);
            Assert.Equal(Elements(value), Elements(adjointResult[0]!));
            double left = Inner(seed, dot).Real;
            double right = 0, scale = Norm(seed) * Norm(dot);
            int k = 1;
            for (int i = 0; i < args.Length; i++)
            {
                if (directions[i] is not { } d)
                    continue;
                object bar = adjointResult[k++]!;
                Assert.Equal(args[i].GetType(), bar.GetType());
                Assert.Equal(ShapeOf(args[i]), ShapeOf(bar));
                right += Inner(bar, d).Real;
                scale += Norm(bar) * Norm(d);
            }
            Assert.True(Math.Abs(left - right) <= 1e-12 * Math.Max(scale, 1e-300),
                $"{Key(adjoint)} on {Describe(c)}: Re⟨seed, tangent⟩ = {left:R}, Σ Re⟨adjoint, direction⟩ = {right:R}");
            cases++;
        }
        Assert.True(cases >= 4);
    }

    private static string Describe(Case c) => string.Join(" × ", c.Shapes.Select(s => "[" + string.Join(",", s) + "]")) + $" ({c.Constant})";
}
