using System;
using System.Numerics;
using Xunit.Sdk;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors.Harness;

/// <summary>
/// The checks of the tensor battery, for any method whose values are doubles, Complex, tensors or arrays:
/// (a) the tangent against fourth-order central differences along a random direction (10⁻⁶ relative);
/// (b) the adjoint identity Re⟨seed, J·dx⟩ = Σₖ⟨adjointₖ, dxₖ⟩ with ⟨a, b⟩ = Re Σ conj(a)·b (10⁻¹⁰ relative);
/// (c) every Value equal to the primal; the Gradient equal to the adjoint of seed 1; the Jacobian of shape
/// output ++ input, of the contract's type, whose contraction with dx is the tangent.
/// </summary>
public static class DerivativeChecks
{
    /// <summary>Tangent against finite differences, relative to the norm of the difference quotient.</summary>
    public const double FiniteDifference = 1e-6;

    /// <summary>Adjoint against tangent, relative to the sum of the magnitudes of the inner products' terms.</summary>
    public const double Identity = 1e-10;

    /// <summary>Value against the primal, and one exact computation against another, relative.</summary>
    public const double Same = 1e-13;

    /// <summary>Runs every check of <paramref name="c"/> at <paramref name="points"/> random points.</summary>
    public static void Verify(CaseAssembly assembly, TensorCase c, int points = 2)
    {
        if (assembly.Problems(c.Name) is { } problems)
            throw new XunitException($"{c.Name}:\n{problems}\n\n{assembly.Generated(c.Name)}");
        var g = new Generated(assembly.Type(c.Name));
        Random random = TensorCase.RandomFor(c.Name, 1);
        for (int p = 0; p < points; p++)
            VerifyAt(g, c.Args(random), random, c.FdStep, $"{c.Name} (point {p})");
    }

    /// <summary>Every check at one point <paramref name="args"/>.</summary>
    public static void VerifyAt(Generated g, object[] args, Random random, double fdStep, string what)
    {
        object primal = g.Call(args);
        Complex[] value = Flatten(primal);
        object[] dx = g.Directions(args, random);

        // (a) forward mode
        (object tangentValue, object tangent) = g.Tangent(args, dx);
        AssertSame(primal, tangentValue, $"{what}: FTangent's Value vs F");
        AssertKind(primal, tangent, $"{what}: FTangent's Tangent");
        Complex[] t = Flatten(tangent);
        Complex[] fd = g.FiniteDifference(args, dx, fdStep);
        double error = Distance(t, fd), allowed = FiniteDifference * Norm(fd) + 1e-10 * (1 + Norm(value));
        if (!(error <= allowed))
            throw new XunitException($"{what}: tangent vs finite differences: error {error:G3} > {allowed:G3}\n  tangent {Show(tangent)}\n  fd      {Show(Like(primal, fd))}");

        // (b) reverse mode: Re⟨seed, J·dx⟩ = Σ ⟨adjoint_k, dx_k⟩
        object seed = RandomLike(primal, random);
        (object adjointValue, object?[] adjoints) = g.Adjoint(args, seed);
        AssertSame(primal, adjointValue, $"{what}: FAdjoint's Value vs F");
        if (adjoints.Length != g.Differentiable.Length)
            throw new XunitException($"{what}: FAdjoint returns {adjoints.Length} adjoints for {g.Differentiable.Length} differentiable parameters.");
        double left = Inner(Flatten(seed), t), right = 0, scale = InnerScale(Flatten(seed), t);
        for (int k = 0; k < adjoints.Length; k++)
        {
            AssertKind(args[g.Differentiable[k]], adjoints[k], $"{what}: adjoint of parameter {k}");
            Complex[] a = Flatten(adjoints[k]), d = Flatten(dx[k]);
            right += Inner(a, d);
            scale += InnerScale(a, d);
        }
        if (!(Math.Abs(left - right) <= Identity * scale + 1e-300))
            throw new XunitException($"{what}: <seed, tangent> = {left:R} but <adjoint, dx> = {right:R} (difference {Math.Abs(left - right):G3}, scale {scale:G3})\n  adjoints: {string.Join("; ", adjoints.Select(Show))}");

        // (c) Gradient = Adjoint(seed 1) for a real scalar output
        bool realScalar = g.Primal.ReturnType == typeof(double);
        if (realScalar != (g.Member("Gradient") is not null))
            throw new XunitException($"{what}: FGradient {(realScalar ? "missing" : "generated")} for a {g.Primal.ReturnType.Name} output.");
        if (realScalar)
        {
            (object gradientValue, object?[] gradient) = g.Gradient(args);
            (_, object?[] unit) = g.Adjoint(args, 1.0);
            AssertSame(primal, gradientValue, $"{what}: FGradient's Value vs F");
            for (int k = 0; k < gradient.Length; k++)
                AssertSame(unit[k]!, gradient[k], $"{what}: FGradient vs FAdjoint(seed 1), parameter {k}");
        }

        // (c) Jacobian: shape S ++ P, and J·dx = tangent
        bool allReal = g.Differentiable.All(i => !IsComplex(args[i].GetType()));
        if (allReal != (g.Member("Jacobian") is not null))
            throw new XunitException($"{what}: FJacobian {(allReal ? "missing although every differentiable parameter is real" : "generated for a complex parameter")}.");
        if (allReal)
            VerifyJacobian(g, args, primal, dx, t, what);
    }

    /// <summary>The Jacobian's types and shapes, and Σₖ Jₖ·dxₖ = tangent.</summary>
    public static void VerifyJacobian(Generated g, object[] args, object primal, object[] dx, Complex[] tangent, string what)
    {
        (object jacobianValue, object?[] jacobians) = g.Jacobian(args);
        AssertSame(primal, jacobianValue, $"{what}: FJacobian's Value vs F");
        int[] s = ShapeOf(primal);
        var contracted = new Complex[tangent.Length];
        for (int k = 0; k < jacobians.Length; k++)
        {
            object input = args[g.Differentiable[k]];
            object? j = jacobians[k];
            Type expected = ExpectedJacobianType(primal, input);
            if (j is null || j.GetType() != expected)
                throw new XunitException($"{what}: Jacobian of parameter {k} is {j?.GetType().Name ?? "null"}, expected {expected.Name}.");
            int[] p = ShapeOf(input), shape = ShapeOf(j);
            if (!shape.SequenceEqual(s.Concat(p)))
                throw new XunitException($"{what}: Jacobian of parameter {k} has shape [{string.Join(",", shape)}], expected output ++ input = [{string.Join(",", s.Concat(p))}].");
            Complex[] jd = Flatten(j), d = Flatten(dx[k]);
            for (int row = 0; row < contracted.Length; row++)
                for (int col = 0; col < d.Length; col++)
                    contracted[row] += jd[row * d.Length + col] * d[col];
        }
        double error = Distance(contracted, tangent);
        if (!(error <= Identity * (Norm(tangent) + Norm(contracted)) + 1e-300))
            throw new XunitException($"{what}: Σ J·dx differs from the tangent by {error:G3}\n  J·dx    {Show(Like(primal, contracted))}\n  tangent {Show(Like(primal, tangent))}");
    }

    /// <summary>The contract's Jacobian type for an output like <paramref name="output"/> and an input like <paramref name="input"/>.</summary>
    public static Type ExpectedJacobianType(object output, object input)
    {
        bool complex = IsComplex(output.GetType());
        bool scalars = output is double or Complex && input is double;
        return (scalars, complex) switch
        {
            (true, false) => typeof(double),
            (true, true) => typeof(Complex),
            (false, false) => typeof(Tensor),
            (false, true) => typeof(ComplexTensor),
        };
    }

    /// <summary>Same type and shape as <paramref name="like"/>, and not null.</summary>
    public static void AssertKind(object like, object? actual, string what)
    {
        if (actual is null)
            throw new XunitException($"{what} is null, expected {Show(like)}-shaped.");
        if (actual.GetType() != like.GetType())
            throw new XunitException($"{what} is a {actual.GetType().Name}, expected {like.GetType().Name}.");
        if (!ShapeOf(actual).SequenceEqual(ShapeOf(like)))
            throw new XunitException($"{what} has shape [{string.Join(",", ShapeOf(actual))}], expected [{string.Join(",", ShapeOf(like))}].");
    }

    /// <summary>Same type and shape, and the same elements to <see cref="Same"/> (relative to the norm).</summary>
    public static void AssertSame(object expected, object? actual, string what)
    {
        AssertKind(expected, actual, what);
        Complex[] e = Flatten(expected), a = Flatten(actual);
        double error = Distance(e, a);
        if (!(error <= Same * Norm(e) + 1e-300))
            throw new XunitException($"{what}: differs by {error:G3}\n  expected {Show(expected)}\n  actual   {Show(actual)}");
    }
}
