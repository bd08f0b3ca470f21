using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using static Diff.Runtime.Tests.Derivatives.Registrations;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>
/// Keeps the runtime honest: every public static differentiable kernel of <see cref="Ops"/>, <see cref="Tensor"/> and
/// <see cref="ComplexTensor"/> has a tangent and an adjoint (whole, or a forward and backward pair) in exactly the
/// registration shapes, and every registration belongs to a kernel.
/// </summary>
public class RegistrationCoverageTests
{
    [Fact]
    public void FindsTheKernelsItGuards()
    {
        string[] names = DifferentiableKernels().Select(m => m.Name).Distinct().ToArray();
        foreach (string expected in new[] { "Dot", "MatMul", "TensorDot", "Sum", "Trace", "Exp", "Log", "Sin", "Cos", "Tanh", "Sqrt", "Abs", "Pow", "Expm", "Logm",
                     "Solve", "Inverse", "Det", "LogDet", "Cholesky", "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_UnaryNegation",
                     "Maximum", "Minimum", "Where", "Relu", "Sigmoid", "Softplus", "StopGradient",
                     "Mean", "Max", "Min", "Norm", "LogSumExp", "Softmax", "Outer", "Concat", "Stack",
                     "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Equal" })
            Assert.Contains(expected, names);
        Assert.DoesNotContain("ExpmFrechet", names);
        Assert.DoesNotContain("Map", names);
        Assert.DoesNotContain("FromTensor", names);
        // 4 Dot + 4 MatMul + 4 TensorDot + 2 Sum + 2 Trace + 16 elementwise + 2 Expm + 2 Logm
        // + 2 each of Solve, Inverse, Det, LogDet, Cholesky + Maximum, Minimum, 2 Where, Relu, Sigmoid, Softplus, 4 StopGradient
        // + 22 reductions and joins (2 Sum along an axis, 4 Mean, 2 Max, 2 Min, 4 Norm, LogSumExp, Softmax, 2 Outer, 2 Concat,
        // 2 Stack) + 2 complex Concat, 2 complex Stack + 10 comparisons (5, each (Tensor, Tensor) and (Tensor, double));
        // 21 Tensor operators and 2 FromScalars; 29 ComplexTensor operators
        Assert.Equal(93, DifferentiableKernels().Count(m => m.DeclaringType == typeof(Ops)));
        Assert.Equal(23, DifferentiableKernels().Count(m => m.DeclaringType == typeof(Tensor)));
        Assert.Equal(29, DifferentiableKernels().Count(m => m.DeclaringType == typeof(ComplexTensor)));
    }

    [Fact]
    public void EveryKernelHasATangentAndAnAdjointOfTheRegisteredShapes()
    {
        var problems = new List<string>();
        foreach (MethodInfo kernel in DifferentiableKernels())
        {
            if (Tangents(kernel).Count(m => TangentProblem(kernel, m) is null) != 1)
                problems.Add($"{Key(kernel)}: no tangent of the shape (R Value, R Tangent) M(params…, d-params…)"
                    + string.Concat(Tangents(kernel).Select(m => $"; {Key(m)}: {TangentProblem(kernel, m)}")));
            bool whole = Adjoints(kernel, AdjointPart.Whole).Count(m => WholeProblem(kernel, m) is null) == 1;
            bool split = Adjoints(kernel, AdjointPart.Forward).Any(f => ForwardProblem(kernel, f) is null
                && Adjoints(kernel, AdjointPart.Backward).Any(b => BackwardProblem(kernel, f, b) is null));
            if (!whole && !split)
                problems.Add($"{Key(kernel)}: no adjoint of the shape (R Value, A a, …) M(params…, R seed), nor a forward and backward pair"
                    + string.Concat(Adjoints(kernel, AdjointPart.Whole).Select(m => $"; {Key(m)}: {WholeProblem(kernel, m)}")));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryRegistrationBelongsToAKernel()
    {
        MethodInfo[] kernels = DifferentiableKernels().ToArray();
        var orphans = new List<string>();
        foreach (MethodInfo m in Registered<TangentOfAttribute>(_ => true))
            if (!kernels.Any(k => Tangents(k).Contains(m) && TangentProblem(k, m) is null))
                orphans.Add(Key(m));
        foreach (MethodInfo m in Registered<AdjointOfAttribute>(a => a.Part == AdjointPart.Whole))
            if (!kernels.Any(k => Adjoints(k, AdjointPart.Whole).Contains(m) && WholeProblem(k, m) is null))
                orphans.Add(Key(m));
        foreach (MethodInfo m in Registered<AdjointOfAttribute>(a => a.Part == AdjointPart.Forward))
            if (!kernels.Any(k => Adjoints(k, AdjointPart.Forward).Contains(m) && ForwardProblem(k, m) is null))
                orphans.Add(Key(m));
        foreach (MethodInfo m in Registered<AdjointOfAttribute>(a => a.Part == AdjointPart.Backward))
            if (!kernels.Any(k => Adjoints(k, AdjointPart.Forward).Any(f => ForwardProblem(k, f) is null && BackwardProblem(k, f, m) is null)))
                orphans.Add(Key(m));
        Assert.True(orphans.Count == 0, "registrations that fit no kernel: " + string.Join(", ", orphans));
    }

    [Fact]
    public void TheShapeCheckRejectsAWrongRegistration()
    {
        MethodInfo kernel = typeof(Ops).GetMethod(nameof(Ops.Sin), [typeof(Tensor)])!;
        MethodInfo adjoint = typeof(Ops).GetMethod(nameof(Ops.SinAdjoint), [typeof(Tensor), typeof(Tensor)])!;
        MethodInfo tangent = typeof(Ops).GetMethod(nameof(Ops.SinTangent), [typeof(Tensor), typeof(Tensor)])!;
        Assert.Null(WholeProblem(kernel, adjoint));
        Assert.Null(TangentProblem(kernel, tangent));
        // the adjoint of Sin(Tensor) is not a tangent, nor the adjoint of another kernel
        Assert.NotNull(TangentProblem(kernel, adjoint));
        Assert.NotNull(WholeProblem(typeof(Ops).GetMethod(nameof(Ops.Sin), [typeof(ComplexTensor)])!, adjoint));
        Assert.NotNull(WholeProblem(typeof(Ops).GetMethod(nameof(Ops.Abs), [typeof(ComplexTensor)])!, typeof(Ops).GetMethod(nameof(Ops.AbsAdjoint), [typeof(Tensor), typeof(Tensor)])!));
    }

    // ---- the shapes --------------------------------------------------------------------------

    private static IEnumerable<MethodInfo> Tangents(MethodInfo kernel) =>
        Registered<TangentOfAttribute>(a => a.MethodName == kernel.Name)
            .Where(m => (m.GetCustomAttribute<TangentOfAttribute>()!.Type ?? m.DeclaringType) == kernel.DeclaringType);

    private static IEnumerable<MethodInfo> Adjoints(MethodInfo kernel, AdjointPart part) =>
        Registered<AdjointOfAttribute>(a => a.MethodName == kernel.Name && a.Part == part)
            .Where(m => (m.GetCustomAttribute<AdjointOfAttribute>()!.Type ?? m.DeclaringType) == kernel.DeclaringType);

    private static ParameterInfo[] DifferentiableParameters(MethodInfo kernel) => kernel.GetParameters().Where(p => !IsConstant(kernel, p)).ToArray();

    private static string? SameParameters(IReadOnlyList<ParameterInfo> actual, IReadOnlyList<(Type Type, string Name)> expected)
    {
        if (actual.Count != expected.Count)
            return $"{actual.Count} parameters, expected {expected.Count}";
        for (int i = 0; i < actual.Count; i++)
            if (actual[i].ParameterType != expected[i].Type || actual[i].Name != expected[i].Name)
                return $"parameter {i} is {actual[i].ParameterType.Name} {actual[i].Name}, expected {expected[i].Type.Name} {expected[i].Name}";
        return null;
    }

    private static string? TupleIs(MethodInfo m, IReadOnlyList<(Type Type, string Name)> expected)
    {
        Type r = m.ReturnType;
        if (!r.IsGenericType || !r.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
            return $"returns {r.Name}, not a tuple";
        if (!r.GetGenericArguments().SequenceEqual(expected.Select(e => e.Type)))
            return $"returns ({string.Join(", ", r.GetGenericArguments().Select(t => t.Name))})";
        string[] names = TupleNames(m);
        if (!names.Take(expected.Count).SequenceEqual(expected.Select(e => e.Name)))
            return $"tuple names ({string.Join(", ", names)}), expected ({string.Join(", ", expected.Select(e => e.Name))})";
        return null;
    }

    private static (Type, string)[] Primal(MethodInfo kernel) => kernel.GetParameters().Select(p => (p.ParameterType, p.Name!)).ToArray();

    internal static string? TangentProblem(MethodInfo kernel, MethodInfo tangent) =>
        SameParameters(tangent.GetParameters(), [.. Primal(kernel), .. DifferentiableParameters(kernel).Select(p => (p.ParameterType, "d" + p.Name))])
        ?? TupleIs(tangent, [(kernel.ReturnType, "Value"), (kernel.ReturnType, "Tangent")]);

    internal static string? WholeProblem(MethodInfo kernel, MethodInfo adjoint) =>
        SameParameters(adjoint.GetParameters(), [.. Primal(kernel), (kernel.ReturnType, "seed")])
        ?? TupleIs(adjoint, [(kernel.ReturnType, "Value"), .. DifferentiableParameters(kernel).Select(p => (p.ParameterType, p.Name!))]);

    internal static string? ForwardProblem(MethodInfo kernel, MethodInfo forward)
    {
        if (SameParameters(forward.GetParameters(), Primal(kernel)) is { } p)
            return p;
        Type r = forward.ReturnType;
        if (!r.IsGenericType || r.GetGenericTypeDefinition() != typeof(ValueTuple<,>))
            return "not a pair";
        return TupleIs(forward, [(kernel.ReturnType, "Value"), (r.GetGenericArguments()[1], "Residual")]);
    }

    internal static string? BackwardProblem(MethodInfo kernel, MethodInfo forward, MethodInfo backward)
    {
        Type residual = forward.ReturnType.GetGenericArguments()[1];
        if (SameParameters(backward.GetParameters(), [(residual, "residual"), (kernel.ReturnType, "seed")]) is { } p)
            return p;
        ParameterInfo[] d = DifferentiableParameters(kernel);
        if (d.Length == 1)
            return backward.ReturnType == d[0].ParameterType ? null : $"returns {backward.ReturnType.Name}, expected {d[0].ParameterType.Name}";
        return TupleIs(backward, d.Select(q => (q.ParameterType, q.Name!)).ToArray());
    }
}
