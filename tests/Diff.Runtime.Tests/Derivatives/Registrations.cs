using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Diff.Runtime.Tests.Derivatives;

/// <summary>Finds the runtime's kernels and their registered derivatives by reflection, and does arithmetic on their values.</summary>
internal static class Registrations
{
    public static readonly Type[] Types = [typeof(Ops), typeof(Tensor), typeof(ComplexTensor)];

    /// <summary>The public static methods of <see cref="Types"/>, found once.</summary>
    private static readonly MethodInfo[] AllMethods =
        Types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)).ToArray();

    private static readonly Type[] Differentiable = [typeof(double), typeof(Complex), typeof(Tensor), typeof(ComplexTensor)];

    private static readonly string[] NotKernels = ["FromTensor", "Scalar", "Arange", "Identity", "op_Implicit", "op_Explicit"];

    public static bool IsDifferentiableType(Type t) => Differentiable.Contains(t);

    /// <summary>
    /// A parameter that is a constant of the kernel: an int or a bool (an axis, keepDims) or the exponent p of Pow.
    /// (Where's mask is differentiable with a zero derivative, so that a mask made from differentiated values may reach it.)
    /// </summary>
    public static bool IsConstant(MethodInfo kernel, ParameterInfo p) =>
        p.ParameterType == typeof(int) || p.ParameterType == typeof(bool)
        || (kernel.Name == nameof(Ops.Pow) && p.Name == "p");

    public static bool IsRegistration(MethodInfo m) =>
        m.GetCustomAttribute<TangentOfAttribute>() is not null || m.GetCustomAttribute<AdjointOfAttribute>() is not null;

    /// <summary>Every public static differentiable kernel of the runtime.</summary>
    public static IEnumerable<MethodInfo> DifferentiableKernels() =>
        AllMethods
            .Where(m => !IsRegistration(m)
                && !NotKernels.Contains(m.Name)
                && !m.Name.Contains("Frechet", StringComparison.Ordinal)
                && IsDifferentiableType(m.ReturnType)
                && m.GetParameters().All(p => IsDifferentiableType(p.ParameterType) || p.ParameterType == typeof(int) || p.ParameterType == typeof(bool))
                && m.GetParameters().Any(p => IsDifferentiableType(p.ParameterType) && !IsConstant(m, p)));

    public static IEnumerable<MethodInfo> Registered<TAttribute>(Func<TAttribute, bool> select) where TAttribute : Attribute =>
        AllMethods
            .Where(m => m.GetCustomAttribute<TAttribute>() is { } a && select(a) && !IsCheckedThroughGeneratedCode(m) && !IsMultiOutput(m));

    /// <summary>
    /// The registrations of instance members (receiver first), indexers, conversions, array constructors and
    /// ExpmFrechet: these tests find kernels among static methods of differentiable types only, so those are checked
    /// through generated code instead (tests/Diff.Generator.Tests/Tensors, OpsBatteryTests: tangent against central
    /// differences, adjoint against tangent, on random shapes).
    /// </summary>
    private static readonly string[] CheckedThroughGeneratedCode =
        ["get_Item", "op_Implicit", "Reshape", "Flatten", "Transpose", "ConjugateTranspose", "Real", "Imag", "Conj", "FromArray", "FromTensor", "ExpmFrechet"];

    /// <summary>
    /// The registrations of kernels that return a tuple (one seed per output in their reverse rules): these tests find
    /// kernels with a single differentiable result, so those are checked in tests/Diff.Runtime.Tests/LinearAlgebra
    /// (differences, adjoint identity, split against whole).
    /// </summary>
    private static readonly string[] MultiOutput = ["Eigh", "Svd", "SlogDet"];

    private static bool IsMultiOutput(MethodInfo m)
    {
        var name = m.GetCustomAttribute<TangentOfAttribute>()?.MethodName ?? m.GetCustomAttribute<AdjointOfAttribute>()?.MethodName;
        return name is not null && MultiOutput.Contains(name);
    }

    private static bool IsCheckedThroughGeneratedCode(MethodInfo m)
    {
        // The params forms (Concat(int, Tensor[]), FromScalars(double[])) take arrays, which are no kernel parameters
        // here: Ops/JoiningTests checks them directly.
        if (m.GetParameters().Any(p => p.ParameterType.IsArray))
            return true;
        var name = m.GetCustomAttribute<TangentOfAttribute>()?.MethodName ?? m.GetCustomAttribute<AdjointOfAttribute>()?.MethodName;
        return name is not null && CheckedThroughGeneratedCode.Contains(name);
    }

    public static string Key(MethodInfo m) =>
        $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})";

    public static MethodInfo ByKey(string key) =>
        AllMethods.Single(m => Key(m) == key);

    public static MethodInfo KernelOfAdjoint(MethodInfo adjoint)
    {
        var attribute = adjoint.GetCustomAttribute<AdjointOfAttribute>()!;
        Type[] types = adjoint.GetParameters()[..^1].Select(p => p.ParameterType).ToArray();
        return (attribute.Type ?? adjoint.DeclaringType!).GetMethod(attribute.MethodName, BindingFlags.Public | BindingFlags.Static, types)
            ?? throw new InvalidOperationException($"no kernel for {Key(adjoint)}");
    }

    public static MethodInfo? TangentOf(MethodInfo kernel)
    {
        Type[] expected = kernel.GetParameters().Select(p => p.ParameterType)
            .Concat(kernel.GetParameters().Where(p => !IsConstant(kernel, p)).Select(p => p.ParameterType)).ToArray();
        return Registered<TangentOfAttribute>(a => a.MethodName == kernel.Name)
            .SingleOrDefault(m => (m.GetCustomAttribute<TangentOfAttribute>()!.Type ?? m.DeclaringType) == kernel.DeclaringType
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(expected));
    }

    public static string[] TupleNames(MethodInfo m) =>
        m.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames.Select(n => n ?? "").ToArray() ?? [];

    public static object?[] Items(object result)
    {
        var tuple = (ITuple)result;
        return Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray();
    }

    // ---- values ------------------------------------------------------------------------------

    public static object Random(Type type, int[] shape, Random random, Func<Random, double> real)
    {
        int length = shape.Aggregate(1, (x, y) => x * y);
        if (type == typeof(double))
            return real(random);
        if (type == typeof(Complex))
            return new Complex(real(random), random.NextDouble() * 2 - 1);
        if (type == typeof(Tensor))
            return Tensor.FromArray(Enumerable.Range(0, length).Select(_ => real(random)).ToArray(), shape);
        if (type == typeof(ComplexTensor))
            return ComplexTensor.FromArray(Enumerable.Range(0, length).Select(_ => new Complex(real(random), random.NextDouble() * 2 - 1)).ToArray(), shape);
        throw new ArgumentException(type.Name);
    }

    /// <summary>The elements of a value as complex numbers.</summary>
    public static Complex[] Elements(object x) => x switch
    {
        double d => [d],
        Complex z => [z],
        Tensor t => t.Data.Select(v => new Complex(v, 0)).ToArray(),
        ComplexTensor c => (Complex[])c.Data.Clone(),
        _ => throw new ArgumentException(x.GetType().Name),
    };

    /// <summary>x + h·dx, of the type of x.</summary>
    public static object Step(object x, object dx, double h) => (x, dx) switch
    {
        (double a, double d) => a + h * d,
        (Complex a, Complex d) => a + h * d,
        (Tensor a, Tensor d) => a + h * d,
        (ComplexTensor a, ComplexTensor d) => a + h * d,
        _ => throw new ArgumentException(x.GetType().Name),
    };

    /// <summary>⟨u, v⟩ = Σ conj(u)·v.</summary>
    public static Complex Inner(object u, object v)
    {
        Complex[] x = Elements(u), y = Elements(v);
        if (x.Length != y.Length)
            throw new ArgumentException($"lengths {x.Length} and {y.Length}");
        Complex s = 0;
        for (int i = 0; i < x.Length; i++)
            s += Complex.Conjugate(x[i]) * y[i];
        return s;
    }

    public static double Norm(object x) => Math.Sqrt(Elements(x).Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary));

    public static int[] ShapeOf(object x) => x switch
    {
        Tensor t => t.Shape,
        ComplexTensor c => c.Shape,
        _ => [],
    };
}
