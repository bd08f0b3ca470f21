using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using Diff.Generator.Tests.Numeric.Harness;
using Xunit;
using static Diff.Generator.Tests.Numeric.Harness.Tolerance;

namespace Diff.Generator.Tests.Numeric;

/// <summary>
/// The numeric battery: every generated member of every row of <see cref="Cases"/> against the hand-written derivative
/// (10⁻¹²) and against central finite differences of the method itself (10⁻⁶), at random points and cotangents,
/// and the adjoint against the tangent (⟨seed, J·dx⟩ = ⟨Jᵀ·seed, dx⟩).
/// </summary>
public sealed class BatteryTests
{
    private const int Points = 4;
    private const int SeedsPerPoint = 2;

    public static IEnumerable<object[]> All => Cases.Names;

    public static IEnumerable<object[]> WithGradient => Cases.Names.Where(n => Cases.All[(string)n[0]].ExpectsGradient);

    public static IEnumerable<object[]> WithJacobian => Cases.Names.Where(n => Cases.All[(string)n[0]].ExpectsJacobian);

    [Fact]
    public void The_battery_has_at_least_forty_functions_and_covers_real_and_complex()
    {
        var methods = Cases.All.Values.Select(c => c.Primal).Distinct().ToList();
        Assert.True(methods.Count >= 40, $"{methods.Count} functions");
        Assert.Contains(Cases.All.Values, c => c.OutputIsComplex);
        Assert.Contains(Cases.All.Values, c => c.InputIsComplex.Any(x => x));
        Assert.Contains(Cases.All.Values, c => c.Trips >= 100_000);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Generated_members_have_the_contract_signatures(string name)
    {
        NumericCase c = Cases.All[name];
        Type r = c.Primal.ReturnType;
        Type[] parameters = c.Parameters.Select(p => p.ParameterType).ToArray();
        Type[] differentiable = c.DifferentiableIndex.Select(i => parameters[i]).ToArray();
        string[] names = c.DifferentiableIndex.Select(i => c.Parameters[i].Name!).ToArray();

        AssertMember(c, "Adjoint", [.. parameters, r], [r, .. differentiable], ["Value", .. names]);
        AssertMember(c, "Tangent", [.. parameters, .. differentiable], [r, r], ["Value", "Tangent"]);
        if (c.ExpectsGradient)
            AssertMember(c, "Gradient", parameters, [typeof(double), .. differentiable], ["Value", .. names]);
        else
            Assert.Null(c.Generated("Gradient"));
        if (c.ExpectsJacobian)
            AssertMember(c, "Jacobian", parameters, [r, .. differentiable.Select(_ => r)], ["Value", .. names]);
        else
            Assert.Null(c.Generated("Jacobian"));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Hand_written_derivative_agrees_with_finite_differences(string name)
    {
        // Checks the table itself, so that the comparisons below compare with something right.
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 1);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            Partial[] closed = c.ClosedForm(x);
            Partial[] fd = c.FiniteDifferences(x);
            double value = c.Evaluate(x).Magnitude;
            AssertNear(Flatten(closed, c), Flatten(fd, c), FiniteDifference, AbsoluteFd(value), $"{name} at {Show(x)}: closed form vs finite differences");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Adjoint_agrees_with_closed_form_and_finite_differences(string name)
    {
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 2);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            Complex primal = c.Evaluate(x);
            Partial[] closed = c.ClosedForm(x);
            Partial[] fd = c.FiniteDifferences(x);
            for (int s = 0; s < SeedsPerPoint; s++)
            {
                Complex seed = c.DrawSeed(random);
                (Complex value, Complex[] adjoint) = c.Adjoint(x, seed);
                string at = $"{name}Adjoint at {Show(x)}, seed {Tolerance.Show(seed)}";
                AssertNear([value], [primal], ClosedForm(c), 0, $"{at}: Value vs {name}");
                AssertNear(adjoint, Adjoints(closed, c, seed), ClosedForm(c), ClosedForm(c) * 1e-3, $"{at}: vs closed form");
                AssertNear(adjoint, Adjoints(fd, c, seed), FiniteDifference, AbsoluteFd(primal.Magnitude), $"{at}: vs finite differences");
            }
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Tangent_agrees_with_closed_form_and_finite_differences(string name)
    {
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 3);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            Complex primal = c.Evaluate(x);
            Partial[] closed = c.ClosedForm(x);
            Partial[] fd = c.FiniteDifferences(x);
            for (int s = 0; s < SeedsPerPoint; s++)
            {
                Complex[] dx = c.DrawDirection(random);
                (Complex value, Complex tangent) = c.Tangent(x, dx);
                string at = $"{name}Tangent at {Show(x)}, direction {Show(dx)}";
                AssertNear([value], [primal], ClosedForm(c), 0, $"{at}: Value vs {name}");
                // The scale of a directional derivative is that of its terms, which may cancel.
                double terms = closed.Select((d, k) => d.DRe.Magnitude * Math.Abs(dx[k].Real) + d.DIm.Magnitude * Math.Abs(dx[k].Imaginary)).Sum();
                AssertNear([tangent], [Along(closed, dx)], ClosedForm(c), ClosedForm(c) * terms, $"{at}: vs closed form");
                AssertNear([tangent], [Along(fd, dx)], FiniteDifference, AbsoluteFd(primal.Magnitude) + FiniteDifference * terms, $"{at}: vs finite differences");
            }
        }
    }

    [Theory]
    [MemberData(nameof(WithGradient))]
    public void Gradient_agrees_with_closed_form_and_finite_differences(string name)
    {
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 4);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            Complex primal = c.Evaluate(x);
            (Complex value, Complex[] gradient) = c.Gradient(x);
            string at = $"{name}Gradient at {Show(x)}";
            AssertNear([value], [primal], ClosedForm(c), 0, $"{at}: Value vs {name}");
            AssertNear(gradient, Adjoints(c.ClosedForm(x), c, 1), ClosedForm(c), ClosedForm(c) * 1e-3, $"{at}: vs closed form");
            AssertNear(gradient, Adjoints(c.FiniteDifferences(x), c, 1), FiniteDifference, AbsoluteFd(primal.Magnitude), $"{at}: vs finite differences");
        }
    }

    [Theory]
    [MemberData(nameof(WithJacobian))]
    public void Jacobian_agrees_with_closed_form_and_finite_differences(string name)
    {
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 5);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            Complex primal = c.Evaluate(x);
            (Complex value, Complex[] jacobian) = c.Jacobian(x);
            string at = $"{name}Jacobian at {Show(x)}";
            AssertNear([value], [primal], ClosedForm(c), 0, $"{at}: Value vs {name}");
            AssertNear(jacobian, c.ClosedForm(x).Select(d => d.DRe).ToArray(), ClosedForm(c), ClosedForm(c) * 1e-3, $"{at}: vs closed form");
            AssertNear(jacobian, c.FiniteDifferences(x).Select(d => d.DRe).ToArray(), FiniteDifference, AbsoluteFd(primal.Magnitude), $"{at}: vs finite differences");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Adjoint_is_the_transpose_of_the_tangent(string name)
    {
        // ⟨seed, J·dx⟩ = ⟨Jᵀ·seed, dx⟩: Re Σ conj(seed)·tangent = Σ_k Re(conj(adjoint_k)·dx_k), the real inner product
        // that makes the complex convention of API.md an adjoint.
        NumericCase c = Cases.All[name];
        Random random = RandomFor(name, 6);
        for (int p = 0; p < Points; p++)
        {
            Complex[] x = c.DrawPoint(random);
            for (int s = 0; s < SeedsPerPoint; s++)
            {
                Complex seed = c.DrawSeed(random);
                Complex[] dx = c.DrawDirection(random);
                Complex tangent = c.Tangent(x, dx).Tangent;
                Complex[] adjoint = c.Adjoint(x, seed).Adjoints;
                double left = (Complex.Conjugate(seed) * tangent).Real;
                double[] terms = adjoint.Select((a, k) => (Complex.Conjugate(a) * dx[k]).Real).ToArray();
                double right = terms.Sum();
                double scale = Math.Max(terms.Sum(Math.Abs), seed.Magnitude * tangent.Magnitude);
                double allowed = ClosedForm(c) * scale + 1e-300;
                Assert.True(Math.Abs(left - right) <= allowed,
                    $"{name} at {Show(x)}: <seed, tangent> = {left:R} but <adjoint, dx> = {right:R} (seed {Tolerance.Show(seed)}, dx {Show(dx)})");
            }
        }
    }

    private static void AssertMember(NumericCase c, string suffix, Type[] parameters, Type[] elements, string[] names)
    {
        MethodInfo? member = c.Generated(suffix);
        Assert.True(member is not null, $"{c.Type.Name}.{c.Primal.Name}{suffix} was not generated.");
        Assert.True(member!.IsStatic);
        Assert.Equal(c.Primal.IsPublic, member.IsPublic);
        Assert.Equal(parameters, member.GetParameters().Select(p => p.ParameterType).ToArray());
        Type returned = member.ReturnType;
        Assert.True(returned.IsGenericType && returned.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal),
            $"{member.Name} returns {returned}, not a tuple.");
        Assert.Equal(elements, returned.GetGenericArguments());
        Assert.Equal(names, NumericCase.TupleNames(member));
        // The parameters keep the primal's names; the added ones are seed, and d + name for tangents.
        string[] expectedParameterNames = suffix switch
        {
            "Adjoint" => [.. c.Parameters.Select(p => p.Name!), "seed"],
            "Tangent" => [.. c.Parameters.Select(p => p.Name!), .. c.DifferentiableIndex.Select(i => "d" + c.Parameters[i].Name)],
            _ => c.Parameters.Select(p => p.Name!).ToArray(),
        };
        Assert.Equal(expectedParameterNames, member.GetParameters().Select(p => p.Name!).ToArray());
    }

    private static Complex[] Adjoints(Partial[] partials, NumericCase c, Complex seed) =>
        partials.Select((d, k) => d.Adjoint(seed, c.InputIsComplex[k])).ToArray();

    private static Complex Along(Partial[] partials, Complex[] dx)
    {
        Complex sum = 0;
        for (int k = 0; k < partials.Length; k++)
            sum += partials[k].Along(dx[k]);
        return sum;
    }

    private static Complex[] Flatten(Partial[] partials, NumericCase c) =>
        partials.SelectMany((d, k) => c.InputIsComplex[k] ? new[] { d.DRe, d.DIm } : new[] { d.DRe }).ToArray();

    private static double AbsoluteFd(double value) => 1e-9 * (1 + value);

    private static string Show(Complex[] x) => "(" + string.Join(", ", x.Select(Tolerance.Show)) + ")";

    /// <summary>A generator seeded by the row name (FNV-1a), so each row draws the same points on every run.</summary>
    private static Random RandomFor(string name, int salt)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
            hash = (hash ^ b) * 16777619;
        return new Random((int)(hash ^ (uint)salt * 2654435761u));
    }
}
