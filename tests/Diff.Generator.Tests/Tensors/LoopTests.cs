using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Loops that carry tensors from one iteration to the next, branches on scalars computed from tensors, and the
/// product of matrix exponentials over time slices whose gradient the API issue pins down (50 slices, 10⁻⁸).
/// </summary>
public sealed class LoopTests
{
    /// <summary>U = Π_j expm(−i·dt·(H0 + c[j]·H1)) applied to the identity; F = |Tr(target† U)|² / n².</summary>
    private const string Propagation = """
        double F(double[] c, double dt, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1, [NoDerivative] ComplexTensor target)
            {
                int n = h0.Shape[0];
                ComplexTensor u = ComplexTensor.Identity(n);
                for (int j = 0; j < c.Length; j++)
                {
                    u = Ops.MatMul(Ops.Expm(-Complex.ImaginaryOne * dt * (h0 + c[j] * h1)), u);
                }
                Complex overlap = Ops.Trace(Ops.MatMul(target.ConjugateTranspose(), u));
                return (overlap * Complex.Conjugate(overlap)).Real / (n * n);
            }
        """;

    private static readonly TensorCase[] Cases =
    [
        new("Propagation", Propagation, r => PropagationArgs(r, 6)),
        new("PropagationState", """
            ComplexTensor F(double[] c, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1, [NoDerivative] ComplexTensor psi)
                {
                    ComplexTensor state = psi;
                    for (int j = 0; j < c.Length; j++)
                        state = Ops.Dot(Ops.Expm(Complex.ImaginaryOne * (-0.1) * (h0 + c[j] * h1)), state);
                    return state;
                }
            """, r => { var (h0, h1) = Hamiltonians(r, 3); return [A(r, 4), h0, h1, Z(r, 3)]; }),
        new("CarriedReal", """
            Tensor F(Tensor a, Tensor x0, int n)
                {
                    Tensor x = x0;
                    for (int i = 0; i < n; i++)
                        x = Ops.Tanh(Ops.MatMul(a, x)) + x * 0.5;
                    return x;
                }
            """, r => { int m = Dim(r); return [T(r, m, m), T(r, m, 2), 5]; }),
        new("CarriedRealNoTrips", """
            Tensor F(Tensor a, Tensor x0, int n)
                {
                    Tensor x = x0;
                    for (int i = 0; i < n; i++)
                        x = Ops.Tanh(Ops.MatMul(a, x)) + x * 0.5;
                    return x;
                }
            """, r => { int m = Dim(r); return [T(r, m, m), T(r, m, 2), 0]; }),
        new("CarriedComplexAndScalar", """
            Complex F(ComplexTensor z, Tensor w, double s)
                {
                    ComplexTensor acc = z;
                    Complex total = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        acc = Ops.Sin(acc) * w + s;
                        total = total + Ops.Sum(acc) * s;
                    }
                    return total;
                }
            """, r => { int m = Dim(r), n = Dim(r); return [Z(r, m, n), T(r, m, n), D(r)]; }),
        new("BranchOnTensorScalar", """
            Tensor F(Tensor a, Tensor x)
                {
                    for (int i = 0; i < 6; i++)
                    {
                        if (Ops.Sum(x) > 0)
                            x = x * a - 0.3;
                        else
                            x = Ops.Exp(x) + a;
                    }
                    return x;
                }
            """, r => { int m = Dim(r); return [T(r, m), T(r, m)]; }),
        new("BranchOnIndexedValue", """
            double F(Tensor a)
                {
                    double norm = Ops.Dot(a, a);
                    if (norm > 1.0)
                        return Ops.Sum(a / Math.Sqrt(norm));
                    Tensor b = a * a;
                    if (b[0] < 0.25)
                        b = b * 2.0;
                    return Ops.Sum(b);
                }
            """, r => [T(r, Dim(r, 2, 5)) * 0.8]),
        new("ReturnInsideLoop", """
            Tensor F(Tensor a, double limit)
                {
                    Tensor x = a;
                    for (int i = 0; i < 20; i++)
                    {
                        x = x * 1.5 + a;
                        if (Ops.Sum(Ops.Abs(x)) > limit)
                            return x * limit;
                    }
                    return x;
                }
            """, r => [T(r, 0.2, 1, Dim(r)), D(r, 5, 20)]),
        new("NestedLoops", """
            Tensor F(Tensor a, Tensor b)
                {
                    Tensor x = b;
                    for (int i = 0; i < 3; i++)
                    {
                        Tensor y = x;
                        for (int j = 0; j < 2; j++)
                            y = Ops.Cos(y) * a;
                        x = x + Ops.MatMul(a, y) * 0.1;
                    }
                    return x;
                }
            """, r => { int m = Dim(r); return [T(r, m, m), T(r, m, m)]; }),
        new("ArrayInLoop", """
            double F(double[] x, Tensor w)
                {
                    double s = 0;
                    for (int i = 0; i + 1 < x.Length; i++)
                        s += w[i] * x[i] * x[i + 1];
                    return s;
                }
            """, r => { int n = Dim(r, 3, 6); return [A(r, n), T(r, n)]; }),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases)));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Name == name));

    [Fact]
    public void Gradient_of_a_loop_of_50_matrix_exponentials_agrees_with_central_differences_to_1e_8()
    {
        var g = new Generated(Assembly.Value.Type("Propagation"));
        object[] args = PropagationArgs(TensorCase.RandomFor("Propagation50", 1), 50);
        (object value, object?[] gradient) = g.Gradient(args);
        Assert.Equal((double)g.Call(args), (double)value);
        double[] dc = Assert.IsType<double[]>(gradient[0]);
        double ddt = Assert.IsType<double>(gradient[1]);
        double[] c = (double[])args[0];
        Assert.Equal(c.Length, dc.Length);

        // The fourth-order central difference (−f(2h) + 8f(h) − 8f(−h) + f(−2h)) / 12h: the second-order one's
        // truncation error, h²·f'''/6, is 10⁻⁶ relative for dt (fifty slices make f''' large) at any usable h.
        double Central(Func<double, object[]> at, double h) =>
            (-(double)g.Call(at(2 * h)) + 8 * (double)g.Call(at(h)) - 8 * (double)g.Call(at(-h)) + (double)g.Call(at(-2 * h))) / (12 * h);

        const double h = 1e-3;
        var fd = new double[c.Length + 1];
        for (int j = 0; j < c.Length; j++)
        {
            fd[j] = Central(step =>
            {
                var moved = (double[])c.Clone();
                moved[j] += step;
                return [moved, .. args[1..]];
            }, h);
        }
        fd[c.Length] = Central(step => [c, (double)args[1] + step, .. args[2..]], h / 10);

        double[] ad = [.. dc, ddt];
        double scale = fd.Max(Math.Abs);
        double worst = ad.Zip(fd, (a, f) => Math.Abs(a - f)).Max();
        Assert.True(scale > 1e-3, $"the gradient is too small to test anything ({scale:G3})");
        Assert.True(worst <= 1e-8 * scale, $"max |gradient − central differences| = {worst:G3} > 1e-8·{scale:G3}\n  gradient {string.Join(", ", ad.Take(8).Select(x => x.ToString("G10")))}\n  fd       {string.Join(", ", fd.Take(8).Select(x => x.ToString("G10")))}");
    }

    private static object[] PropagationArgs(Random r, int slices)
    {
        var (h0, h1) = Hamiltonians(r, 4);
        ComplexTensor target = Ops.Expm(-Complex.ImaginaryOne * (h0 + 0.3 * h1));
        return [A(r, slices, -1, 1), 0.1, h0, h1, target];
    }

    private static (Tensor H0, Tensor H1) Hamiltonians(Random r, int n)
    {
        Tensor a = T(r, n, n), b = T(r, n, n);
        return (a + a.Transpose(), b + b.Transpose());
    }
}
