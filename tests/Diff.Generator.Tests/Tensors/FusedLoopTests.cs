using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Reduction loops whose adjoint runs fused with them (each iteration's reverse step right after it; see
/// <c>Analysis/FusedLoop.cs</c>), and near misses that must take the ordinary two sweeps: every case checked against
/// central differences and the adjoint identity, and each one's generated code checked for the path it took.
/// </summary>
public sealed class FusedLoopTests
{
    private const string FusedMarker = "each iteration's";

    private static readonly (TensorCase Case, bool Fused)[] Cases =
    [
        (new("MeanSquare", """
            double F(double[] x, double p)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double r = x[i] - p * Math.Sin(i);
                        s += r * r;
                    }
                    return 0.5 * s / x.Length;
                }
            """, r => [A(r, 7), D(r)]), true),
        (new("TwoSums", """
            double F(double[] x, double y)
                {
                    double s = y;
                    double t = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        s += x[i] * y;
                        t = t - x[i] * x[i] * Math.Exp(-y);
                    }
                    return s - 2 * t;
                }
            """, r => [A(r, 5), D(r)]), true),
        (new("SumOnTheRight", """
            double F(double[] x, double w)
                {
                    double s = w * w;
                    for (int i = 1; i < x.Length; i++)
                        s = Math.Cos(x[i] - x[i - 1]) * w + s;
                    return s;
                }
            """, r => [A(r, 6), D(r)]), true),
        (new("ComplexSum", """
            Complex F(Complex[] z, double[] x)
                {
                    Complex s = 0;
                    for (int k = 0; k < z.Length; k++)
                        s += z[k] * Complex.Exp(Complex.ImaginaryOne * x[k]);
                    return Complex.Conjugate(s) / 3;
                }
            """, r => [CA(r, 4), A(r, 4)]), true),
        (new("PassiveLocalIndex", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        int j = x.Length - 1 - i;
                        double product = x[i] * x[j];
                        s += product * x[i];
                    }
                    return s;
                }
            """, r => [A(r, 5)]), true),
        (new("ValuesFromBefore", """
            double F(double[] x, double p)
                {
                    double w = Math.Exp(p);
                    double s = w;
                    for (int i = 0; i < x.Length; i++)
                        s += w * x[i] * x[i];
                    return s / 2;
                }
            """, r => [A(r, 4), D(r)]), true),
        (new("CallsInside", """
            double F(double[] x, double p)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += Square(x[i] - p);
                    return s;
                }

                [Differentiable]
                public static double Square(double v) => v * v;
            """, r => [A(r, 5), D(r)]), true),
        (new("ZeroTrips", """
            double F(double[] x, double y)
                {
                    double s = y * y;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i] * y;
                    return s;
                }
            """, r => [Array.Empty<double>(), D(r)]), true),

        (new("ChainedSum", """
            double F(double[] x)
                {
                    int n = x.Length;
                    double sum = 0.0;
                    for (int i = 0; i < n - 1; i++)
                    {
                        double xi = x[i];
                        double t1 = x[i + 1] - xi * xi;
                        double t2 = 1.0 - xi;
                        sum = sum + 100.0 * t1 * t1 + t2 * t2 - 0.5 * xi;
                    }
                    return sum;
                }
            """, r => [A(r, 6)]), true),
        (new("LossAfterTheLoop", """
            double F(double[] x, double p)
                {
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double r = x[i] * p - 1;
                        s += r * r;
                        t += x[i];
                    }
                    double mean = s / x.Length;
                    double loss = 0.5 * mean - 0.1 * t;
                    return loss;
                }
            """, r => [A(r, 6), D(r)]), true),

        // Near misses: the sum's adjoint changes between iterations, or the return reads the sum's value.
        (new("SquaredSum", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i];
                    return s * s;
                }
            """, r => [A(r, 5)]), false),
        (new("LoopValueReadAfter", """
            double F(double[] x, double p)
                {
                    double t = 0;
                    for (int i = 0; i < x.Length; i++)
                        t += x[i];
                    double loss = 0.5 * t - t * p;
                    return loss;
                }
            """, r => [A(r, 4), D(r)]), false),
        (new("NonlinearAfterTheLoop", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i] * x[i];
                    double norm = Math.Sqrt(s);
                    return norm;
                }
            """, r => [A(r, 5)]), false),
        (new("NegatedSum", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s = x[i] * x[i] - s + 1;
                    return s;
                }
            """, r => [A(r, 5)]), false),
        (new("SumReadInside", """
            double F(double[] x)
                {
                    double s = 1;
                    for (int i = 0; i < x.Length; i++)
                        s += 0.1 * s * x[i];
                    return s;
                }
            """, r => [A(r, 5)]), false),
        (new("ValueReadBefore", """
            double F(double[] x, double p)
                {
                    double s = p;
                    double q = s * s;
                    for (int i = 0; i < x.Length; i++)
                        s += q * x[i];
                    return s;
                }
            """, r => [A(r, 4), D(r)]), false),
        (new("BranchInside", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        if (x[i] > 0)
                            s += x[i] * x[i];
                    }
                    return s;
                }
            """, r => [A(r, 6)]), false),
        (new("CounterOutside", """
            double F(double[] x)
                {
                    int i;
                    double s = 0;
                    for (i = 0; i < x.Length; i++)
                        s += Math.Sin(x[i]);
                    return s + i;
                }
            """, r => [A(r, 4)]), false),
        (new("ActiveFactorAfterTheLoop", """
            double F(double[] x, double w)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                        s += x[i] * x[i];
                    double v = s;
                    return v * w;
                }
            """, r => [A(r, 4), D(r)]), false),
        (new("LoopWithoutSum", """
            double F(double[] x, double k)
                {
                    for (int i = 0; i < 2; i++)
                    {
                        double unused = Math.Sin(k);
                    }
                    double v = k;
                    return v * x[0];
                }
            """, r => [A(r, 3), D(r)]), false),
        (new("LocalAssignedTwice", """
            double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double v = x[i];
                        v = v * Math.Exp(v);
                        s += v;
                    }
                    return s;
                }
            """, r => [A(r, 4)]), false),
    ];

    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(Cases.Select(c => c.Case))));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Case.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, Cases.Single(c => c.Case.Name == name).Case);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_adjoint_fuses_exactly_the_reduction_loops(string name)
    {
        var (_, fused) = Cases.Single(c => c.Case.Name == name);
        string generated = Assembly.Value.Generated(name);
        string adjoint = generated.Substring(generated.IndexOf("FAdjoint(", StringComparison.Ordinal));
        adjoint = adjoint.Substring(0, adjoint.IndexOf("FTangent(", StringComparison.Ordinal));
        Assert.True(adjoint.Contains(FusedMarker) == fused, (fused ? "expected a fused loop in\n" : "expected two sweeps in\n") + adjoint);
        if (fused)
        {
            // Nothing is recorded for a fused loop: no tape, no trip count.
            Assert.DoesNotContain("Tape", adjoint);
            Assert.DoesNotContain("Count", adjoint);
        }
    }

    /// <summary>Why each near miss takes two sweeps: the check that declined it names its reason.</summary>
    public static TheoryData<string, string> Refusals() => new()
    {
        { "SquaredSum", "a reverse step outside the loop reads 's'" },
        { "LoopValueReadAfter", "a reverse step outside the loop reads 't'" },
        { "NonlinearAfterTheLoop", "the assignment to 'norm' after the loop is not linear" },
        { "NegatedSum", "is carried from iteration to iteration but is not an active sum" },
        { "SumReadInside", "is carried from iteration to iteration but is not an active sum" },
        { "ValueReadBefore", "a reverse step outside the loop reads 's'" },
        { "BranchInside", "the loop body is not straight-line assignments" },
        { "CounterOutside", "a reverse step outside the loop reads 'i'" },
        { "LocalAssignedTwice", "is assigned more than once per iteration" },
        // w's adjoint reads v, which the fused tail would read before the loop has made it (found by the fuzzer).
        { "ActiveFactorAfterTheLoop", "the return is not linear in what the loop computes" },
        { "LoopWithoutSum", "the loop carries no active sum" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_loop_that_is_not_fused_says_why(string name, string reason)
    {
        var compilation = Infrastructure.TestCompilation.Create(Cases.Single(c => c.Case.Name == name).Case.Source);
        var syntax = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()).Single();
        var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
        var model = Diff.Generator.Parsing.MethodParser.Parse(semanticModel.GetDeclaredSymbol(syntax)!, syntax, semanticModel, default).Model!;
        string? refusal = Diff.Generator.Differentiation.ReverseMode.FusionRefusal(model);
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fused_sum_of_squares_has_the_closed_form_gradient_and_the_exact_value()
    {
        var g = new Generated(Assembly.Value.Type("MeanSquare"));
        var random = TensorCase.RandomFor("MeanSquare", 3);
        double[] x = A(random, 9);
        double p = D(random);
        (object value, object?[] gradient) = g.Gradient([x, p]);
        Assert.Equal((double)g.Call([x, p]), (double)value);

        double[] gx = Assert.IsType<double[]>(gradient[0]);
        double gp = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = x[i] - p * Math.Sin(i);
            Assert.True(Math.Abs(gx[i] - r / x.Length) <= 1e-15, $"∂f/∂x[{i}] = {gx[i]:R}, expected {r / x.Length:R}");
            gp -= r * Math.Sin(i) / x.Length;
        }

        Assert.True(Math.Abs((double)gradient[1]! - gp) <= 1e-14, $"∂f/∂p = {gradient[1]:R}, expected {gp:R}");
    }
}
