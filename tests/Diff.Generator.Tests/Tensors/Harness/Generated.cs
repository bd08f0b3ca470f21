using System;
using System.Collections.Generic;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Sdk;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors.Harness;

/// <summary>
/// A [Differentiable] method and its generated members, called by reflection with the arguments of the primal;
/// the differentiable parameters are found as the generator finds them (type, no <c>[NoDerivative]</c>, and named by
/// the method's <c>[Differentiable(…)]</c> where it names any).
/// </summary>
public sealed class Generated
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>The method <paramref name="method"/> of <paramref name="type"/> and its generated members.</summary>
    public Generated(Type type, string method = "F")
    {
        Type = type;
        Primal = type.GetMethod(method, Static) ?? throw new XunitException($"{type.Name}.{method} does not exist.");
        ParameterInfo[] parameters = Primal.GetParameters();
        IReadOnlyList<string> listed = Primal.GetCustomAttribute<DifferentiableAttribute>()?.Parameters ?? [];
        Differentiable = parameters
            .Where(p => IsDifferentiable(p.ParameterType) && !p.GetCustomAttributes().Any(a => a.GetType().Name == "NoDerivativeAttribute"))
            .Where(p => listed.Count == 0 || listed.Contains(p.Name!))
            .Select(p => p.Position)
            .ToArray();
    }

    /// <summary>The declaring type.</summary>
    public Type Type { get; }

    /// <summary>The method itself.</summary>
    public MethodInfo Primal { get; }

    /// <summary>Positions of the differentiable parameters.</summary>
    public int[] Differentiable { get; }

    /// <summary>The generated member <c>{F}{suffix}</c>, or null.</summary>
    public MethodInfo? Member(string suffix) => Type.GetMethod(Primal.Name + suffix, Static);

    /// <summary>F(args).</summary>
    public object Call(object[] args) => Invoke(Primal, args) ?? throw new XunitException($"{Primal.Name} returned null.");

    /// <summary>F at args with each differentiable argument k moved to args[k] + h·directions[k].</summary>
    public object CallAt(object[] args, double h, object[] directions)
    {
        var moved = (object[])args.Clone();
        for (int k = 0; k < Differentiable.Length; k++)
            moved[Differentiable[k]] = Step(args[Differentiable[k]], h, directions[k]);
        return Call(moved);
    }

    /// <summary>{F}Tangent(args, directions): (Value, Tangent).</summary>
    public (object Value, object Tangent) Tangent(object[] args, object[] directions)
    {
        ITuple t = Tuple("Tangent", [.. args, .. directions]);
        return (t[0]!, t[1]!);
    }

    /// <summary>{F}Adjoint(args, seed): (Value, one adjoint per differentiable parameter).</summary>
    public (object Value, object?[] Adjoints) Adjoint(object[] args, object seed) => Split(Tuple("Adjoint", [.. args, seed]));

    /// <summary>{F}Gradient(args).</summary>
    public (object Value, object?[] Gradient) Gradient(object[] args) => Split(Tuple("Gradient", args));

    /// <summary>{F}Jacobian(args).</summary>
    public (object Value, object?[] Jacobian) Jacobian(object[] args) => Split(Tuple("Jacobian", args));

    /// <summary>
    /// d/dh F(x + h·dx) at h = 0 by the fourth-order central difference
    /// (−F(2h) + 8F(h) − 8F(−h) + F(−2h)) / 12h, flattened.
    /// </summary>
    public Complex[] FiniteDifference(object[] args, object[] directions, double h)
    {
        Complex[] p2 = Flatten(CallAt(args, 2 * h, directions)), p1 = Flatten(CallAt(args, h, directions));
        Complex[] m1 = Flatten(CallAt(args, -h, directions)), m2 = Flatten(CallAt(args, -2 * h, directions));
        var d = new Complex[p1.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
        return d;
    }

    /// <summary>A random direction for each differentiable argument (complex for a complex one).</summary>
    public object[] Directions(object[] args, Random random) =>
        Differentiable.Select(i => RandomLike(args[i], random)).ToArray();

    private ITuple Tuple(string suffix, object[] arguments)
    {
        MethodInfo member = Member(suffix) ?? throw new XunitException($"{Type.Name}.{Primal.Name}{suffix} was not generated.");
        return (ITuple)(Invoke(member, arguments) ?? throw new XunitException($"{member.Name} returned null."));
    }

    private static (object, object?[]) Split(ITuple t)
    {
        var rest = new object?[t.Length - 1];
        for (int i = 1; i < t.Length; i++)
            rest[i - 1] = t[i];
        return (t[0]!, rest);
    }

    private static object? Invoke(MethodInfo method, object[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new XunitException($"{method.Name} threw {e.InnerException.GetType().Name}: {e.InnerException.Message}\n{e.InnerException.StackTrace}");
        }
    }
}
