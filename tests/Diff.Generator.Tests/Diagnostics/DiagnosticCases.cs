using System.Collections.Generic;
using System.Linq;

namespace Diff.Generator.Tests.Diagnostics;

/// <summary>One piece of invalid (or suspicious) code and what the analyzers must say about it.</summary>
/// <param name="Name">The snapshot name.</param>
/// <param name="Source">The C# source (one file).</param>
/// <param name="ExpectedIds">Ids that must be reported (each at least once).</param>
/// <param name="Silent">Names of methods for which the generator must write nothing.</param>
/// <param name="Generated">Names of methods whose derivatives the generator must still write (a warning is no error).</param>
public sealed record DiagnosticCase(string Name, string Source, string[] ExpectedIds, string[] Silent, string[]? Generated = null);

/// <summary>The table of the diagnostics snapshot tests: one or more cases per id.</summary>
public static class DiagnosticCases
{
    private const string Usings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    /// <summary>All cases, by name.</summary>
    public static IReadOnlyDictionary<string, DiagnosticCase> All { get; } = Build().ToDictionary(c => c.Name);

    private static DiagnosticCase Case(string name, string body, string id, params string[] silent) =>
        new(name, Usings + body, [id], silent);

    /// <summary>A method M of a partial class C whose body is <paramref name="body"/>, which must be reported as <paramref name="id"/>.</summary>
    private static DiagnosticCase InMethod(string name, string id, string signature, string body, string members = "") =>
        Case(name, $$"""
            public static partial class C
            {
            {{members}}    [Differentiable]
                public static {{signature}}
                {
            {{body}}
                }
            }
            """, id, "M");

    private static IEnumerable<DiagnosticCase> Build()
    {
        // DIFF0001: enclosing type not partial (the type itself, and an outer type).
        yield return Case("DIFF0001_TypeNotPartial", """
            public static class Physics
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """, "DIFF0001", "Square");
        yield return Case("DIFF0001_OuterTypeNotPartial", """
            public static class Outer
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
            """, "DIFF0001", "Square");

        // DIFF0002: not static.
        yield return Case("DIFF0002_InstanceMethod", """
            public partial class Model
            {
                [Differentiable]
                public double Energy(double x) => x * x;
            }
            """, "DIFF0002", "Energy");

        // DIFF0003: ref, out, in, params.
        yield return Case("DIFF0003_Ref", """
            public static partial class C
            {
                [Differentiable]
                public static double M(ref double x) => x * x;
            }
            """, "DIFF0003", "M");
        yield return Case("DIFF0003_Out", """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x, out double y)
                {
                    y = 0;
                    return x * x;
                }
            }
            """, "DIFF0003", "M");
        yield return Case("DIFF0003_In", """
            public static partial class C
            {
                [Differentiable]
                public static double M(in double x) => x * x;
            }
            """, "DIFF0003", "M");
        yield return Case("DIFF0003_Params", """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x, params double[] rest) => x * x;
            }
            """, "DIFF0003", "M");

        // DIFF0004: return type.
        yield return Case("DIFF0004_Float", """
            public static partial class C
            {
                [Differentiable]
                public static float M(float x) => x * x;
            }
            """, "DIFF0004", "M");
        yield return Case("DIFF0004_Void", """
            public static partial class C
            {
                [Differentiable]
                public static void M(double x) { }
            }
            """, "DIFF0004", "M");
        yield return Case("DIFF0004_Tuple", """
            public static partial class C
            {
                [Differentiable]
                public static (double, double) M(double x) => (x, x * x);
            }
            """, "DIFF0004", "M");

        // DIFF0005: each unsupported statement.
        yield return InMethod("DIFF0005_While", "DIFF0005", "double M(double x)", """
                    while (x > 1)
                        x = x / 2;
                    return x;
            """);
        yield return InMethod("DIFF0005_Do", "DIFF0005", "double M(double x)", """
                    do
                    {
                        x = x / 2;
                    } while (x > 1);
                    return x;
            """);
        yield return InMethod("DIFF0005_Foreach", "DIFF0005", "double M(double x)", """
                    double s = 0;
                    foreach (int k in new[] { 1, 2, 3 })
                        s = s + x * k;
                    return s;
            """);
        yield return InMethod("DIFF0005_Goto", "DIFF0005", "double M(double x)", """
                    if (x > 0)
                        goto done;
                    x = -x;
                done:
                    return x;
            """);
        yield return InMethod("DIFF0005_Try", "DIFF0005", "double M(double x)", """
                    try
                    {
                        return Math.Sqrt(x);
                    }
                    finally
                    {
                    }
            """);
        yield return InMethod("DIFF0005_Switch", "DIFF0005", "double M(double x, int n)", """
                    switch (n)
                    {
                        case 0:
                            return x;
                        default:
                            return x * x;
                    }
            """);
        yield return InMethod("DIFF0005_LocalFunction", "DIFF0005", "double M(double x)", """
                    double Twice(double v) => 2 * v;
                    return Twice(x);
            """);
        yield return InMethod("DIFF0005_Lambda", "DIFF0005", "double M(double x)", """
                    Func<double, double> twice = v => 2 * v;
                    return twice(x);
            """);
        yield return InMethod("DIFF0005_Using", "DIFF0005", "double M(double x)", """
                    using (var stream = new System.IO.MemoryStream())
                    {
                        return x * x;
                    }
            """);
        yield return InMethod("DIFF0005_Lock", "DIFF0005", "double M(double x)", """
                    lock (Gate)
                    {
                        return x * x;
                    }
            """, "    private static readonly object Gate = new();\n\n");

        // DIFF0006: unsupported operator.
        yield return Case("DIFF0006_Remainder", """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x) => x % 1.0;
            }
            """, "DIFF0006", "M");
        yield return InMethod("DIFF0006_RemainderAssignment", "DIFF0006", "double M(double x, double y)", """
                    x %= y;
                    return x;
            """);

        // DIFF0007: call to a method with no derivative.
        yield return Case("DIFF0007_PlainMethod", """
            public static partial class C
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [Differentiable]
                public static double M(double x) => Softplus(x) * 2;
            }
            """, "DIFF0007", "M");
        yield return InMethod("DIFF0018_TupleFromKernel", "DIFF0018", "double M(Tensor a)", """
                    var spectrum = Ops.Eigh(a);
                    return Ops.Sum(a);
            """);
        yield return InMethod("DIFF0018_ArrayOfTensors", "DIFF0018", "Tensor M(Tensor a, Tensor b)",
            "        return Ops.Concat(0, new[] { a, b, a, Ops.Sin(b) });");
        yield return Case("DIFF0007_OtherTypeMethod", """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x) => Math.ScaleB(x, 2) + Math.FusedMultiplyAdd(x, x, 1);
            }
            """, "DIFF0007", "M");

        // DIFF0008: writes outside the method.
        yield return InMethod("DIFF0008_Field", "DIFF0008", "double M(double x)", """
                    Last = x;
                    return x * x;
            """, "    private static double Last;\n\n");
        yield return InMethod("DIFF0008_Property", "DIFF0008", "double M(double x)", """
                    Value = x;
                    return x * x;
            """, "    public static double Value { get; set; }\n\n");
        yield return InMethod("DIFF0008_ArrayElement", "DIFF0008", "double M(double x)", """
                    Buffer[0] = x;
                    return x * x;
            """, "    private static readonly double[] Buffer = new double[4];\n\n");
        yield return InMethod("DIFF0008_CompoundOnField", "DIFF0008", "double M(double x)", """
                    Total += x;
                    return x * x;
            """, "    private static double Total;\n\n");

        // DIFF0009: zero derivative almost everywhere (warning: the derivatives are still generated).
        yield return new("DIFF0009_PiecewiseConstant", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x) => Math.Sign(x) * x + Math.Floor(x) + Math.Ceiling(x) + Math.Round(x) + Math.Truncate(x);
            }
            """, ["DIFF0009"], [], ["M"]);

        // DIFF0010: the result does not depend on a differentiable parameter.
        yield return new("DIFF0010_Constant", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(double r, double scale) => Math.PI * 2.0;
            }
            """, ["DIFF0010"], []);
        yield return new("DIFF0010_OnlyConstants", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M([NoDerivative] double c, int n) => c * n;
            }
            """, ["DIFF0010"], []);

        // DIFF0011: malformed registrations.
        yield return Case("DIFF0011_AdjointReturnsScalar", """
            public static partial class C
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [AdjointOf(nameof(Softplus))]
                public static double SoftplusAdjoint(double x, double seed) => seed / (1 + Math.Exp(-x));
            }
            """, "DIFF0011");
        yield return Case("DIFF0011_TangentMissingDirection", """
            public static partial class C
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [TangentOf(nameof(Softplus))]
                public static (double Value, double Tangent) SoftplusTangent(double x) => (Softplus(x), 0);
            }
            """, "DIFF0011");
        yield return Case("DIFF0011_AdjointNotStatic", """
            public partial class C
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [AdjointOf(nameof(Softplus))]
                public (double Value, double x) SoftplusAdjoint(double x, double seed) => (Softplus(x), seed / (1 + Math.Exp(-x)));
            }
            """, "DIFF0011");

        // DIFF0011: a split adjoint whose backward part has no forward part making its residual, and a forward part
        // that does not return (Value, Residual).
        yield return Case("DIFF0011_SplitBackwardWithoutForward", """
            public static partial class C
            {
                public static Tensor Twice(Tensor a) => 2.0 * a;

                [AdjointOf(nameof(Twice), Part = AdjointPart.Backward)]
                public static Tensor TwiceBackward(int residual, Tensor seed) => 2.0 * seed;
            }
            """, "DIFF0011");
        yield return Case("DIFF0011_SplitForwardWithoutResidual", """
            public static partial class C
            {
                public static Tensor Twice(Tensor a) => 2.0 * a;

                [AdjointOf(nameof(Twice), Part = AdjointPart.Forward)]
                public static Tensor TwiceForward(Tensor a) => 2.0 * a;
            }
            """, "DIFF0011");

        // Tensor code: Map's function reads a captured local, Map is given a delegate value, an array local aliases a
        // differentiated array, a tensor helper has no derivative.
        yield return InMethod("DIFF0006_MapCapturesLocal", "DIFF0006", "Tensor M(Tensor x, double s)", """
                    double scale = s * s;
                    return Ops.Map(x, v => v * scale);
            """);
        yield return InMethod("DIFF0006_MapOfDelegateValue", "DIFF0006", "Tensor M(Tensor x, [NoDerivative] Func<double, double> f)", """
                    return Ops.Map(x, f);
            """);
        yield return InMethod("DIFF0005_ArrayLocalAlias", "DIFF0005", "double M(double[] x)", """
                    double[] y = x;
                    return y[0];
            """);
        yield return InMethod("DIFF0007_TensorHelperWithoutDerivative", "DIFF0007", "Tensor M(Tensor x)", """
                    return Shift(x);
            """, "    public static Tensor Shift(Tensor t) => t + 1.0;\n\n");

        // DIFF0016: tensor shapes known at compile time that do not fit.
        yield return InMethod("DIFF0016_MatMulInnerAxes", "DIFF0016", "double M(Tensor x)", """
                    Tensor weights = Tensor.Ones(2, 3);
                    Tensor coupling = Tensor.Identity(2);
                    return Ops.Sum(x * Ops.MatMul(weights, coupling));
            """);
        yield return InMethod("DIFF0016_ElementwiseShapes", "DIFF0016", "Tensor M(Tensor x)", """
                    Tensor a = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
                    return x * (a + Tensor.Zeros(3, 2));
            """);
        yield return InMethod("DIFF0016_ExpmNotSquare", "DIFF0016", "Tensor M(double t)", """
                    return Ops.Expm(t * Tensor.Zeros(2, 3).Transpose().Reshape(2, 3));
            """);

        // DIFF0003: parameters of types the design differentiates but the generator does not yet: errors, each
        // naming the parameter and its type, never silent constants.
        yield return Case("DIFF0003_NotYetDifferentiable", """
            public struct P { public double X; }
            public record Params(double Mu, double Sigma);
            public sealed class Model { public double[] Weights = new double[2]; }

            public static partial class C
            {
                [Differentiable]
                public static double M(double x, float f, Vector3 v, ReadOnlySpan<double> r, Span<double> s, double[,] a,
                    double[][] j, (double, double) t, P p, Params q, Model m, Tensor[] ts) => x * x;
            }
            """, "DIFF0003", "M");

        // The same parameters marked [NoDerivative] are data, and parameters of types that never carry a derivative
        // (int, bool, string, a class of integers) are constants: both are accepted.
        yield return new("DIFF0003_DataParametersAccepted", Usings + """
            public struct P { public double X; }
            public sealed class Counter { public int Count { get; set; } }

            public static partial class C
            {
                [Differentiable]
                public static double M(double x, [NoDerivative] float f, [NoDerivative] Vector3 v, [NoDerivative] double[,] a,
                    [NoDerivative] (double, double) t, [NoDerivative] P p, int n, bool b, string name, Counter c) =>
                    x * x * a.Length + (b ? n : c.Count) + name.Length + x * p.X + v.Y * f + t.Item2;
            }
            """, [], [], ["M"]);

        // DIFF0018: a value of a type that cannot carry a derivative, made from a differentiated value: a struct, a
        // tuple, a class or a record built by a helper or directly, a float, a string, a span; reported where it is
        // made (once, not again where it flows on).
        yield return InMethod("DIFF0018_StructLocalViaHelper", "DIFF0018", "double M(double x)", """
                    P p = Make(x);
                    return Read(p) + x;
            """, """
                public struct P { public double X; public P(double x) { X = x; } }
                static P Make(double x) => new P(x);
                static double Read(P p) => p.X * p.X;

            """);
        yield return InMethod("DIFF0018_TupleLocalViaHelper", "DIFF0018", "double M(double x)", """
                    var t = Pair(x);
                    return Product(t) + x;
            """, """
                static (double, double) Pair(double x) => (x, x * x);
                static double Product((double A, double B) t) => t.A * t.B;

            """);
        yield return InMethod("DIFF0018_TupleLiteral", "DIFF0018", "double M(double x, double y)", """
                    (double A, double B) t = (x, 2.0 * y);
                    return Product(t);
            """, """
                static double Product((double A, double B) t) => t.A * t.B;

            """);
        yield return InMethod("DIFF0018_ClassLocal", "DIFF0018", "double M(double x)", """
                    Box b = new Box(x);
                    b = Twice(b);
                    return Get(b) + x;
            """, """
                public sealed class Box { public double V; public Box(double v) { V = v; } }
                static Box Twice(Box b) => new Box(2 * b.V);
                static double Get(Box b) => b.V;

            """);
        yield return InMethod("DIFF0018_RecordLocal", "DIFF0018", "double M(double mu, double sigma)", """
                    var p = new Params(mu, sigma);
                    return Density(p, 0.5);
            """, """
                public record Params(double Mu, double Sigma);
                static double Density(Params p, double x) => Math.Exp(-(x - p.Mu) * (x - p.Mu) / (2 * p.Sigma * p.Sigma));

            """);
        yield return InMethod("DIFF0018_FloatAndString", "DIFF0018", "double M(double x)", """
                    float f = (float)x;
                    double back = double.Parse(x.ToString());
                    return Half(f) + back;
            """, """
                static double Half(float f) => f / 2;

            """);
        yield return InMethod("DIFF0018_ImplicitConversionAtArgument", "DIFF0018", "double M(double x, double[] a)", """
                    return Sum(a) + Twice(x);
            """, """
                public readonly struct Meters
                {
                    public readonly double V;
                    public Meters(double v) { V = v; }
                    public static implicit operator Meters(double v) => new(v);
                }
                static double Sum(ReadOnlySpan<double> s) { double t = 0; for (int i = 0; i < s.Length; i++) t += s[i]; return t; }
                static double Twice(Meters m) => 2 * m.V;

            """);
        yield return InMethod("DIFF0018_ArrayOfValues", "DIFF0018", "double M(double x)", """
                    double[,] grid = new double[,] { { x, 1.0 }, { 2.0, x } };
                    return Trace(grid);
            """, """
                static double Trace(double[,] g) => g[0, 0] + g[1, 1];

            """);

        // A call that changes its receiver: the list holds x after Add.
        yield return InMethod("DIFF0018_ReceiverChangedByCall", "DIFF0018", "double M(double x)", """
                    var values = new System.Collections.Generic.List<double>();
                    values.Add(x * x);
                    return values[0] + x;
            """);

        // The pendulum a new user writes: a State struct advanced by RK4 helpers. It once compiled with only a false
        // DIFF0010 and zero gradients.
        yield return Case("DIFF0018_PendulumWithStateStruct", """
            public struct State
            {
                public double Theta, Omega;
                public State(double theta, double omega) { Theta = theta; Omega = omega; }
            }

            public static partial class Pendulum
            {
                static State Deriv(State s, double damping) => new State(s.Omega, -Math.Sin(s.Theta) - damping * s.Omega);
                static State Add(State a, State b, double h) => new State(a.Theta + h * b.Theta, a.Omega + h * b.Omega);

                static State Rk4(State s, double dt, double damping)
                {
                    State k1 = Deriv(s, damping);
                    State k2 = Deriv(Add(s, k1, dt / 2), damping);
                    State k3 = Deriv(Add(s, k2, dt / 2), damping);
                    State k4 = Deriv(Add(s, k3, dt), damping);
                    return new State(
                        s.Theta + dt / 6 * (k1.Theta + 2 * k2.Theta + 2 * k3.Theta + k4.Theta),
                        s.Omega + dt / 6 * (k1.Omega + 2 * k2.Omega + 2 * k3.Omega + k4.Omega));
                }

                static double Angle(State s) => s.Theta;

                [Differentiable]
                public static double FinalAngle(double theta0, double omega0, double damping, int steps)
                {
                    State s = new State(theta0, omega0);
                    for (int i = 0; i < steps; i++)
                        s = Rk4(s, 0.01, damping);
                    return Angle(s);
                }
            }
            """, "DIFF0018", "FinalAngle");

        // What may read a differentiated value without carrying its derivative: comparisons, patterns, int
        // conversions (which warn), int loop counters; the derivatives are still generated.
        yield return new("DIFF0009_IntConversion", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x, double y)
                {
                    int k = (int)(x * 3);
                    bool positive = x > 0 && y > 0 && y < 10;
                    double s = 0;
                    for (int i = 0; i < k; i++)
                        s += y * i;
                    return positive ? s + x * y : s - x;
                }
            }
            """, ["DIFF0009"], [], ["M"]);

        // DIFF0010 says how the result depends on the parameters when it does, through operations whose
        // derivative is zero.
        yield return new("DIFF0010_OnlyThroughComparison", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(double x) => x > 0 ? 1.0 : -1.0;
            }
            """, ["DIFF0010"], []);

        // DIFF0012: the registration names a missing method.
        yield return Case("DIFF0012_SameType", """
            public static partial class C
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [TangentOf("SoftPlus")]
                public static (double Value, double Tangent) SoftplusTangent(double x, double dx) => (Softplus(x), dx / (1 + Math.Exp(-x)));
            }
            """, "DIFF0012");
        yield return Case("DIFF0012_OtherType", """
            public static class Special
            {
                public static double Gauss(double x) => Math.Exp(-x * x);
            }

            public static partial class Rules
            {
                [AdjointOf(typeof(Special), "Gaus")]
                public static (double Value, double x) GaussAdjoint(double x, double seed) => (Special.Gauss(x), -2 * x * Special.Gauss(x) * seed);
            }
            """, "DIFF0012");

        // DIFF0013: a generated name is taken.
        yield return Case("DIFF0013_GradientTaken", """
            public static partial class C
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                public static (double Value, double x) SquareGradient(double x) => (x * x, 2 * x);
            }
            """, "DIFF0013", "Square");
        yield return Case("DIFF0013_AdjointTaken", """
            public static partial class C
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                public static int SquareAdjoint;
            }
            """, "DIFF0013", "Square");

        // DIFF0014: generic method and method of a generic type.
        yield return Case("DIFF0014_GenericMethod", """
            public static partial class C
            {
                [Differentiable]
                public static T Twice<T>(T x) where T : INumber<T> => x + x;
            }
            """, "DIFF0014", "Twice");
        yield return Case("DIFF0014_GenericType", """
            public static partial class C<T>
            {
                [Differentiable]
                public static double Twice(double x) => x + x;
            }
            """, "DIFF0014", "Twice");

        // DIFF0015: no body.
        yield return Case("DIFF0015_PartialDefinition", """
            public static partial class C
            {
                [Differentiable]
                public static partial double Energy(double x);
            }
            """, "DIFF0015", "Energy");
        yield return Case("DIFF0015_Extern", """
            public static partial class C
            {
                [Differentiable]
                [System.Runtime.InteropServices.DllImport("libm")]
                public static extern double Native(double x);
            }
            """, "DIFF0015", "Native");

        // DIFF0019: a name in [Differentiable(…)] that cannot be an input.
        yield return Case("DIFF0019_NotAParameter", """
            public static partial class C
            {
                [Differentiable("wieght", nameof(b))]
                public static double M(double weight, double b, double x) => weight * x + b;
            }
            """, "DIFF0019", "M");
        yield return Case("DIFF0019_NameofOfNothing", """
            public static partial class C
            {
                [Differentiable(nameof(bias))]
                public static double M(double w, double b, double x) => w * x + b;
            }
            """, "DIFF0019", "M");
        yield return Case("DIFF0019_IntParameter", """
            public static partial class C
            {
                [Differentiable(nameof(x), nameof(n))]
                public static double M(double x, int n) => Math.Pow(x, n);
            }
            """, "DIFF0019", "M");
        yield return Case("DIFF0019_NoDerivativeParameter", """
            public static partial class C
            {
                [Differentiable(nameof(x), nameof(scale))]
                public static double M(double x, [NoDerivative] double scale) => scale * x * x;
            }
            """, "DIFF0019", "M");
        yield return Case("DIFF0019_Repeated", """
            public static partial class C
            {
                [Differentiable(nameof(x), nameof(x))]
                public static double M(double x, double y) => x * y;
            }
            """, "DIFF0019", "M");

        // DIFF0020 (a hint): a differentiated parameter whose derivative is always zero; the members are still written.
        yield return new("DIFF0020_LabelsOnlyCompared", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(double w, double b, [NoDerivative] double[] x, double[] labels)
                {
                    double loss = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double p = 1 / (1 + Math.Exp(-(w * x[i] + b)));
                        loss -= labels[i] > 0.5 ? Math.Log(p) : Math.Log(1 - p);
                    }
                    return loss;
                }
            }
            """, ["DIFF0020"], [], ["M"]);
        yield return new("DIFF0020_TensorReadForItsShape", Usings + """
            public static partial class C
            {
                [Differentiable]
                public static double M(Tensor w, Tensor batch) => Ops.Sum(w * w) / batch.Shape[0];
            }
            """, ["DIFF0020"], [], ["M"]);

        // DIFF0017: [Differentiable] on a local function (top-level statements, inside a method) or a lambda.
        yield return Case("DIFF0017_TopLevelLocalFunction", """
            var (value, dx) = SquareGradient(3.0);
            Console.WriteLine($"{value}, {dx}");

            [Differentiable]
            static double Square(double x) => x * x;
            """, "DIFF0017", "Square");
        yield return Case("DIFF0017_LocalFunctionInMethod", """
            public static partial class C
            {
                public static double Outer(double y)
                {
                    [Differentiable]
                    static double Cube(double x) => x * x * x;
                    return Cube(y);
                }
            }
            """, "DIFF0017", "Cube");
        yield return Case("DIFF0017_Lambda", """
            public static partial class C
            {
                public static Func<double, double> Square { get; } = [Differentiable] (double x) => x * x;
            }
            """, "DIFF0017");
    }
}
