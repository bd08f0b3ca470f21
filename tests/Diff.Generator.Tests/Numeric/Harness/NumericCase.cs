using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Diff.Generator.Tests.Numeric.Harness;

/// <summary>
/// One row of the numeric battery: a [Differentiable] method, the values of its constant parameters,
/// where to draw its differentiable inputs, and its derivative written out by hand.
/// The generated members are found by name and called through reflection, so that a member the
/// generator did not write fails one test instead of the build.
/// </summary>
public sealed class NumericCase
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>Makes a case.</summary>
    /// <param name="name">A unique row name.</param>
    /// <param name="type">The type that declares the method.</param>
    /// <param name="method">The method's name.</param>
    /// <param name="domains">One domain per differentiable parameter, in order.</param>
    /// <param name="closedForm">The partials of the output with respect to each differentiable parameter, by hand.</param>
    /// <param name="constants">The values of the other parameters, in order.</param>
    /// <param name="trips">Sequential updates on the longest path (a loop's trip count), which scales the rounding tolerance.</param>
    /// <param name="fdScale">
    /// The finite-difference step is 10⁻⁶·fdScale·max(1, |coordinate|); below 1 only for a function whose higher
    /// derivatives are huge (cos(nx) or xⁿ with n = 10⁵), where a step of 10⁻⁶ would not resolve it.
    /// </param>
    public NumericCase(string name, Type type, string method, Domain[] domains, Func<Complex[], Partial[]> closedForm,
        object[]? constants = null, int trips = 1, double fdScale = 1)
    {
        FdScale = fdScale;
        Name = name;
        Type = type;
        Primal = type.GetMethod(method, Static) ?? throw new ArgumentException($"{type.Name}.{method} does not exist.");
        Parameters = Primal.GetParameters();
        Domains = domains;
        ClosedForm = closedForm;
        Constants = constants ?? Array.Empty<object>();
        Trips = trips;

        DifferentiableIndex = Parameters.Select((p, i) => (p, i)).Where(t => IsDifferentiable(t.p)).Select(t => t.i).ToArray();
        InputIsComplex = DifferentiableIndex.Select(i => Parameters[i].ParameterType == typeof(Complex)).ToArray();
        OutputIsComplex = Primal.ReturnType == typeof(Complex);
        if (DifferentiableIndex.Length != domains.Length)
            throw new ArgumentException($"{name}: {DifferentiableIndex.Length} differentiable parameters but {domains.Length} domains.");
        if (Parameters.Length - DifferentiableIndex.Length != Constants.Length)
            throw new ArgumentException($"{name}: {Parameters.Length - DifferentiableIndex.Length} constant parameters but {Constants.Length} values.");
    }

    /// <summary>The row name.</summary>
    public string Name { get; }

    /// <summary>The declaring type.</summary>
    public Type Type { get; }

    /// <summary>The [Differentiable] method.</summary>
    public MethodInfo Primal { get; }

    /// <summary>All its parameters.</summary>
    public ParameterInfo[] Parameters { get; }

    /// <summary>Where each differentiable input is drawn.</summary>
    public Domain[] Domains { get; }

    /// <summary>The hand-written derivative.</summary>
    public Func<Complex[], Partial[]> ClosedForm { get; }

    /// <summary>Values of the constant parameters.</summary>
    public object[] Constants { get; }

    /// <summary>Sequential updates on the longest path.</summary>
    public int Trips { get; }

    /// <summary>The unit of the finite-difference step.</summary>
    public double FdScale { get; }

    /// <summary>Positions of the differentiable parameters.</summary>
    public int[] DifferentiableIndex { get; }

    /// <summary>Whether each differentiable parameter is complex.</summary>
    public bool[] InputIsComplex { get; }

    /// <summary>Whether the method returns Complex.</summary>
    public bool OutputIsComplex { get; }

    /// <summary>Gradient is generated only for a real output.</summary>
    public bool ExpectsGradient => !OutputIsComplex;

    /// <summary>Jacobian is generated only when every differentiable parameter is real.</summary>
    public bool ExpectsJacobian => !InputIsComplex.Any(c => c);

    /// <summary>The generated member <c>{Method}{suffix}</c>, or null.</summary>
    public MethodInfo? Generated(string suffix) => Type.GetMethod(Primal.Name + suffix, Static);

    /// <summary>The names the contract gives the elements of a member's returned tuple.</summary>
    public static IReadOnlyList<string?> TupleNames(MethodInfo member) =>
        (IReadOnlyList<string?>?)member.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames ?? Array.Empty<string?>();

    /// <summary>The primal value at <paramref name="x"/> (differentiable inputs in order).</summary>
    public Complex Evaluate(Complex[] x) => ToComplex(Primal.Invoke(null, Arguments(x, Array.Empty<object>())));

    /// <summary>Calls <c>{Method}Adjoint(…, seed)</c>.</summary>
    public (Complex Value, Complex[] Adjoints) Adjoint(Complex[] x, Complex seed)
    {
        object seedArgument = OutputIsComplex ? (object)seed : (object)seed.Real;
        return Unpack(Call("Adjoint", Arguments(x, new[] { seedArgument })));
    }

    /// <summary>Calls <c>{Method}Tangent(…, dx…)</c>.</summary>
    public (Complex Value, Complex Tangent) Tangent(Complex[] x, Complex[] dx)
    {
        object[] directions = dx.Select((d, k) => Box(d, InputIsComplex[k])).ToArray();
        ITuple tuple = Call("Tangent", Arguments(x, directions));
        return (ToComplex(tuple[0]), ToComplex(tuple[1]));
    }

    /// <summary>Calls <c>{Method}Gradient(…)</c>.</summary>
    public (Complex Value, Complex[] Gradient) Gradient(Complex[] x) => Unpack(Call("Gradient", Arguments(x, Array.Empty<object>())));

    /// <summary>Calls <c>{Method}Jacobian(…)</c>.</summary>
    public (Complex Value, Complex[] Jacobian) Jacobian(Complex[] x) => Unpack(Call("Jacobian", Arguments(x, Array.Empty<object>())));

    /// <summary>Draws a point of the domain.</summary>
    public Complex[] DrawPoint(Random random) => Domains.Select(d => d.Draw(random)).ToArray();

    /// <summary>Draws a direction: complex for complex inputs, real for real ones.</summary>
    public Complex[] DrawDirection(Random random) =>
        InputIsComplex.Select(c => new Complex(2 * random.NextDouble() - 1, c ? 2 * random.NextDouble() - 1 : 0)).ToArray();

    /// <summary>Draws a cotangent of the output's type.</summary>
    public Complex DrawSeed(Random random) =>
        new(2 * random.NextDouble() - 1, OutputIsComplex ? 2 * random.NextDouble() - 1 : 0);

    /// <summary>
    /// Central finite differences of the primal: for each differentiable input, ∂F/∂Re (and ∂F/∂Im for a complex
    /// input), with the step 10⁻⁶·max(1, |coordinate|) (times <see cref="FdScale"/>).
    /// </summary>
    public Partial[] FiniteDifferences(Complex[] x)
    {
        var partials = new Partial[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            Complex dRe = Central(x, k, new Complex(Step(x[k].Real), 0));
            Complex dIm = InputIsComplex[k] ? Central(x, k, new Complex(0, Step(x[k].Imaginary))) : Complex.Zero;
            partials[k] = new Partial(dRe, dIm);
        }
        return partials;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private double Step(double coordinate) => 1e-6 * FdScale * Math.Max(1, Math.Abs(coordinate));

    private Complex Central(Complex[] x, int k, Complex h)
    {
        Complex[] plus = (Complex[])x.Clone();
        Complex[] minus = (Complex[])x.Clone();
        plus[k] += h;
        minus[k] -= h;
        // Divide by the step actually taken (x + h − x may differ from h in the last bit).
        double step = h.Imaginary == 0 ? plus[k].Real - minus[k].Real : plus[k].Imaginary - minus[k].Imaginary;
        return (Evaluate(plus) - Evaluate(minus)) / step;
    }

    private bool IsDifferentiable(ParameterInfo p) =>
        (p.ParameterType == typeof(double) || p.ParameterType == typeof(Complex))
        && !p.GetCustomAttributes().Any(a => a.GetType().Name == "NoDerivativeAttribute")
        && IsListed(p);

    /// <summary>Whether the method's [Differentiable(…)] names <paramref name="p"/>, or names none (every input then).</summary>
    private bool IsListed(ParameterInfo p) =>
        Primal.GetCustomAttribute<DifferentiableAttribute>() is not { Parameters.Count: > 0 } listed || listed.Parameters.Contains(p.Name!);

    private object[] Arguments(Complex[] x, object[] trailing)
    {
        var arguments = new object[Parameters.Length + trailing.Length];
        int d = 0, c = 0;
        for (int i = 0; i < Parameters.Length; i++)
        {
            if (d < DifferentiableIndex.Length && DifferentiableIndex[d] == i)
            {
                arguments[i] = Box(x[d], InputIsComplex[d]);
                d++;
            }
            else
            {
                arguments[i] = Constants[c++];
            }
        }
        trailing.CopyTo(arguments, Parameters.Length);
        return arguments;
    }

    private ITuple Call(string suffix, object[] arguments)
    {
        MethodInfo member = Generated(suffix) ?? throw new MissingMethodException($"{Type.Name}.{Primal.Name}{suffix} was not generated.");
        return (ITuple)member.Invoke(null, arguments)!;
    }

    private static (Complex, Complex[]) Unpack(ITuple tuple)
    {
        var rest = new Complex[tuple.Length - 1];
        for (int i = 1; i < tuple.Length; i++)
            rest[i - 1] = ToComplex(tuple[i]);
        return (ToComplex(tuple[0]), rest);
    }

    private static object Box(Complex value, bool complex) => complex ? (object)value : (object)value.Real;

    private static Complex ToComplex(object? value) => value switch
    {
        double d => d,
        Complex z => z,
        _ => throw new InvalidCastException($"Expected double or Complex, got {value?.GetType().Name ?? "null"}."),
    };
}
