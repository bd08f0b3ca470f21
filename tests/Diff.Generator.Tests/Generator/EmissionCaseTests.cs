using System;
using System.Collections.Generic;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Generator;

/// <summary>
/// Ordinary numerical code that used to compile in the user's file and then fail inside the generated one (issue 14):
/// names the generator's own names collided with, whole-number expressions passed to <c>int</c> parameters, tensor
/// reads at computed indices, and adjoints first set inside a null test and read after it. Each generated member
/// must compile with no warning and agree with central differences in every mode (tangent, adjoint with random
/// seeds, gradient, Jacobian).
/// </summary>
public sealed class EmissionCaseTests
{
    private static readonly TensorCase[] Cases =
    [
        // Types: an int stays int.
        new("PowIntRecursion", """
            double F(double x, int n) => n == 0 ? 1.0 : n % 2 == 0 ? F(x * x, n / 2) : x * F(x, n - 1);
            """, r => [0.5 + r.NextDouble(), 7]),
        new("DampedCallee", """
            double F(double x, int n) => Damped(x, 0.9, n + 1) + Damped(x * x, 0.5, n / 2);

                [Differentiable]
                public static double Damped(double x, double k, int n)
                {
                    if (n <= 0)
                        return x;
                    return Damped(Math.Sin(x) * k, k, n - 1);
                }
            """, r => [0.3 + r.NextDouble(), 5]),
        new("TensorReadAtComputedIndex", """
            double F(Tensor h0, double[] c, int n)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++)
                        s += h0[2 * j] * c[j + 1] + h0[2 * j + 1];
                    return s;
                }
            """, r => [T(r, 8), A(r, 5), 4]),
        new("IntLocalFromExpression", """
            double F(double x, int n)
                {
                    int half = n / 2;
                    double s = x;
                    for (int i = 0; i < half + 1; i++)
                        s = s * x + Scale(s, i * 2 + 1);
                    return s;
                }

                [Differentiable]
                public static double Scale(double v, int k) => v / (k + 1);
            """, r => [0.2 + 0.5 * r.NextDouble(), 5]),

        // GRAPE: a Tensor built from controls read at computed indices, in a loop.
        new("GrapeArrayControls", """
            double F(double[] c, double dt, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1, [NoDerivative] Tensor h2)
                {
                    double s = 0;
                    for (int j = 0; j < c.Length / 2; j++)
                    {
                        Tensor h = h0 + c[2 * j] * h1 + c[2 * j + 1] * h2;
                        if (j % 2 == 0)
                            s += Ops.Sum(h * h) * dt;
                        else
                            s -= Ops.Sum(h) * dt;
                    }
                    return s;
                }
            """, r => [A(r, 6), 0.1, T(r, 3, 3), T(r, 3, 3), T(r, 3, 3)]),
        new("GrapeTensorControls", """
            double F(Tensor c, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1, [NoDerivative] Tensor h2, int n)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++)
                    {
                        Tensor h = h0 + c[2 * j] * h1 + c[2 * j + 1] * h2;
                        if (j % 2 == 0)
                            s += Ops.Sum(h * h);
                        else
                            s -= Ops.Sum(h);
                    }
                    return s;
                }
            """, r => [T(r, 6), T(r, 2, 2), T(r, 2, 2), T(r, 2, 2), 3]),
        new("GrapeDifferentiatedHamiltonians", """
            double F(Tensor c, Tensor h0, Tensor h1, Tensor h2, int n)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++)
                    {
                        Tensor h = h0 + c[2 * j] * h1 + c[2 * j + 1] * h2;
                        if (s > 1e6)
                            return s;
                        s += Ops.Sum(h * h);
                    }
                    return s;
                }
            """, r => [T(r, 6), T(r, 2, 2), T(r, 2, 2), T(r, 2, 2), 3]),
        new("GrapePropagator", """
            ComplexTensor F(double[] c, double dt, [NoDerivative] Tensor h0, [NoDerivative] Tensor h1, [NoDerivative] Tensor h2)
                {
                    ComplexTensor u = ComplexTensor.Identity(h0.Shape[0]);
                    for (int j = 0; j < c.Length / 2; j++)
                    {
                        Tensor h = h0 + c[2 * j] * h1 + c[2 * j + 1] * h2;
                        u = Ops.MatMul(Ops.Expm(-Complex.ImaginaryOne * dt * h), u);
                    }
                    return u;
                }
            """, r => [A(r, 4), 0.1, Sym(r, 3), Sym(r, 3), Sym(r, 3)]),

        // Names: the generator's names never clash with the user's.
        new("StepTAndDt", """
            double F(double t, double dt)
                {
                    double o = t * dt;
                    return o * Math.Sin(t) + dt;
                }
            """, r => [0.4 + r.NextDouble(), 0.1 + r.NextDouble()]),
        new("XAndDx", """
            double F(double x, double dx, double ddx) => x * Math.Exp(dx) - ddx * x;
            """, r => [r.NextDouble(), r.NextDouble(), r.NextDouble()]),
        new("TupleElementNames", """
            double F(double Value, double Item3, double Rest, double Item1, double seed, double value, double @class, double ToString)
                    => Value * Rest + Item1 * seed - value * @class + Item3 * ToString;
            """, r => [r.NextDouble(), r.NextDouble(), r.NextDouble(), r.NextDouble(), r.NextDouble(), r.NextDouble(), r.NextDouble(), r.NextDouble()]),
        new("KeywordTangents", """
            double F(double x, double @int, double f)
                {
                    double o = x * @int;
                    double @do = o + f;
                    double oBar = @do * @do;
                    double dO = Math.Sin(oBar) + o;
                    return dO * f;
                }
            """, r => [r.NextDouble(), r.NextDouble(), r.NextDouble()]),
        new("LocalsNamedLikeGeneratedOnes", """
            double F(double x, double y, int n)
                {
                    double xBar = x * y;
                    double value = Math.Sin(xBar);
                    double product = value * x;
                    double seed = product + y;
                    double sinX = Math.Sin(x);
                    for (int k = 0; k < n; k++)
                    {
                        double dseed = seed * 0.5 + sinX;
                        seed = dseed * Math.Cos(seed);
                    }
                    double value2 = seed * xBar;
                    return value2 + value;
                }
            """, r => [r.NextDouble(), r.NextDouble(), 3]),
        new("TensorNamedValue", """
            Tensor F(Tensor Value, Tensor Rest, double s) => Value * Rest * s + Ops.Tanh(Value);
            """, r => { int m = 1 + r.Next(3); return [T(r, m, 2), T(r, m, 2), r.NextDouble()]; }),
        new("ArrayNamedSeed", """
            double F(double[] seed, double[] dseed, double sweep)
                {
                    double s = 0;
                    for (int i = 0; i < seed.Length; i++)
                        s += seed[i] * dseed[i] * sweep;
                    return s;
                }
            """, r => [A(r, 3), A(r, 3), r.NextDouble()]),
        new("ParametersNamedLikeTheMembers", """
            double F(double F, double FAdjoint, double FTangent) => F * FAdjoint + Math.Sin(FTangent);
            """, r => [r.NextDouble(), r.NextDouble(), r.NextDouble()]),
        new("TensorParametersNamedLikeTheMembers", """
            Tensor F(Tensor F, Tensor FTangent, Tensor FAdjoint) => F * FTangent + Ops.Tanh(FAdjoint);
            """, r => { int m = 1 + r.Next(3); return [T(r, m), T(r, m), T(r, m)]; }),
        new("ContextualKeywordNames", """
            double F(double global, double var, int n)
                {
                    double nameof = global * var;
                    double dynamic = 0;
                    for (int i = 0; i < n; i++)
                        dynamic += Scaled(nameof, var, i + 1);
                    return dynamic + Math.Sin(nameof);
                }

                [Differentiable]
                public static double Scaled(double a, double b, int m) => a * Math.Cos(b) * m;
            """, r => [r.NextDouble(), r.NextDouble(), 3]),
        new("LambdaNames", """
            Tensor F(Tensor t, Tensor dt) => Ops.Map(t, o => { double @do = o * o; return Math.Sin(@do) + o; }) * dt;
            """, r => { int m = 1 + r.Next(3); return [T(r, m), T(r, m)]; }),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases)));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Name == name));

    private static Tensor Sym(Random r, int n)
    {
        Tensor a = T(r, n, n);
        return a + a.Transpose();
    }
}
