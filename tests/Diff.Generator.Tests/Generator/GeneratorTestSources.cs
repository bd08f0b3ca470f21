namespace Diff.Generator.Tests.Generator;

/// <summary>The methods whose generated code the snapshot and numeric tests of this folder check.</summary>
internal static class GeneratorTestSources
{
    public const string Usings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    public const string StraightLine = Usings + """
        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double Poly(double x, double y)
            {
                double t = x * y + Math.Sin(x);
                double u = t / y - 3.0 * x;
                return u * Math.Exp(t);
            }
        }
        """;

    public const string Damped = Usings + """
        namespace Samples;

        public static partial class Physics
        {
            [Differentiable]
            public static double Damped(double x, double k, int steps)
            {
                double v = x;
                for (int i = 0; i < steps; i++)
                    v = Math.Sin(v) * k;
                return v * v;
            }
        }
        """;

    public const string Branches = Usings + """
        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double Piecewise(double x, double y)
            {
                double r;
                if (x > y)
                {
                    r = x * x;
                }
                else if (x < 0)
                    r = -y * Math.Cos(x);
                else
                {
                    double s = x + y * y;
                    r = Math.Sqrt(s);
                }

                double choice = r > 1 ? r * x : Math.Sin(r);
                return choice * y;
            }
        }
        """;

    public const string Returns = Usings + """
        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double EarlyExit(double x, double a)
            {
                if (x < 0)
                    return a * x;
                double t = Math.Exp(x);
                if (t > 2)
                {
                    t = t * a;
                    return t * t;
                }
                return t + a * a;
            }
        }
        """;

    public const string NestedLoops = Usings + """
        namespace Samples;

        public static partial class Series
        {
            [Differentiable]
            public static Complex Accumulate(Complex z, double w, int n, int m)
            {
                Complex acc = Complex.One;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        acc = acc * z + w * j;
                    }

                    if (acc.Magnitude > 3)
                        acc = acc / acc.Magnitude;
                    acc = Complex.Exp(acc * 0.1) / (1 + i);
                }
                return acc;
            }
        }
        """;

    public const string ComplexParameters = Usings + """
        namespace Samples;

        public static partial class Waves
        {
            [Differentiable]
            public static double Energy(Complex z, double k)
            {
                Complex w = Complex.Conjugate(z) * z + new Complex(k, 2 * k);
                Complex v = Complex.Sin(z) * Complex.Log(w) - Complex.Pow(z, 2.5) + Complex.Sqrt(z * k);
                v = Complex.Add(v, Complex.Divide(Complex.Tanh(z), Complex.Multiply(w, k))) - Complex.Negate(Complex.Subtract(z, 1.0));
                return w.Magnitude + z.Phase * k + v.Real - z.Imaginary + Complex.Abs(v);
            }
        }
        """;

    public const string ComplexOfReal = Usings + """
        namespace Samples;

        public static partial class Waves
        {
            [Differentiable]
            public static Complex Wave(double t, double omega) =>
                Complex.FromPolarCoordinates(Math.Exp(-t), omega * t) + Complex.Sqrt(t * omega) * Complex.ImaginaryOne + t;
        }
        """;

    public const string Calls = Usings + """
        namespace Samples;

        public static partial class Composite
        {
            [Differentiable]
            public static double Inner(double u, int p) => Math.Pow(u, p) + Math.Sin(u);

            [Differentiable]
            public static double Outer(double x, double y) => Inner(x * y, 2) + Inner(y, 3) * x;
        }
        """;

    public const string Registered = Usings + """
        namespace Samples;

        public static partial class Activations
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

            [AdjointOf(nameof(Softplus))]
            public static (double Value, double x) SoftplusAdjoint(double x, double seed) =>
                (Softplus(x), seed / (1 + Math.Exp(-x)));

            [TangentOf(nameof(Softplus))]
            public static (double Value, double Tangent) SoftplusTangent(double x, double dx) =>
                (Softplus(x), dx / (1 + Math.Exp(-x)));

            [Differentiable]
            public static double Layer(double x, double w, double b) => Softplus(w * x + b) * Rules.Cube(x);
        }

        public static class Math3
        {
            public static double Cube(double x) => x * x * x;
        }

        public static class Rules
        {
            public static double Cube(double x) => x * x * x;

            [AdjointOf(typeof(Rules), nameof(Rules.Cube))]
            public static (double Value, double x) CubeAdjoint(double x, double seed) => (Cube(x), 3 * x * x * seed);

            [TangentOf(typeof(Rules), nameof(Rules.Cube))]
            public static (double Value, double Tangent) CubeTangent(double x, double dx) => (Cube(x), 3 * x * x * dx);
        }
        """;

    public const string NoDerivative = Usings + """
        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double Scaled(double x, [NoDerivative] double scale, int n)
            {
                double y = scale * Math.Tanh(x);
                y += n;
                return y * x;
            }
        }
        """;

    public const string Reassigned = Usings + """
        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double Reassign(double x, double y)
            {
                x = x * x;
                x += y;
                y = Math.Sin(x) * y;
                x = x * y;
                return x * y;
            }
        }
        """;

    public const string MathBattery = Usings + """
        namespace Samples;

        public static partial class Battery
        {
            [Differentiable]
            public static double AllMath(double x, double y)
            {
                double a = Math.Asin(x) + Math.Acos(x * 0.5) + Math.Atan(x * y) + Math.Atan2(y, x);
                double b = Math.Sinh(x) * Math.Cosh(y) + Math.Tanh(x * y) + Math.Log(y, 3.0) + Math.Log10(y) + Math.Log2(x + 1);
                double c = Math.Cbrt(x + y) + Math.Pow(y, x) + Math.Abs(x - y) + Math.Min(x, y) * Math.Max(x, y);
                double d = Math.Clamp(x * 3, -1.0, 1.0) + Math.Tan(x) + Math.Log(y) + Math.Floor(y) * x;
                return a * b + c - d / y;
            }
        }
        """;

    public const string ReturnInLoop = Usings + """
        namespace Samples;

        public static partial class Search
        {
            [Differentiable]
            public static double FirstAbove(double x, double limit, int n)
            {
                double v = x;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < 2; j++)
                    {
                        v = v * 1.5 + Math.Sin(v) * j;
                        if (v > limit)
                            return v * limit;
                    }
                    v = v - 0.1 * i;
                }
                double w = v * v;
                return w + limit;
            }
        }
        """;

    public const string LoopEdgeCases = Usings + """
        namespace Samples;

        public static partial class Edge
        {
            [Differentiable]
            public static Complex Inner(Complex z, double s) => Complex.Exp(z * s) - z;

            [Differentiable]
            public static double Mixed(double x, Complex z, int n)
            {
                int k = 1;
                double v = x;
                Complex acc = z;
                for (int i = 0; i < n; i++)
                {
                    double scale = i % 2 == 0 ? v * 0.5 : Math.Cos(v);
                    v = v * k + scale;
                    k = k * 2 - i;
                    acc = Inner(acc * 0.3, v * 0.1) + (i > 1 ? acc : Complex.Conjugate(acc) * v);
                    if (acc.Magnitude > 5.0)
                        acc = acc / acc.Magnitude;
                    v = Math.Tanh(v) * 2.0;
                }
                int m = n;
                m += 3;
                v += m;
                return (acc * Complex.Conjugate(acc)).Real + acc.Phase * v + Math.Abs(v);
            }
        }
        """;

    /// <summary>Reductions over arrays: fused loops whose array adjoints are written once per element (no zeroing).</summary>
    public const string Reductions = Usings + """
        namespace Samples;

        public static partial class Reductions
        {
            [Differentiable]
            public static double Rosenbrock(double[] x)
            {
                double sum = 0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    sum += 100 * a * a + b * b;
                }
                return sum;
            }

            [Differentiable]
            public static double Smoothness(double[] x, double[] w)
            {
                double s = 0;
                for (int k = 1; k < x.Length - 1; k++)
                {
                    double lap = x[k - 1] - 2 * x[k] + x[k + 1];
                    s += w[k] * lap * lap;
                }
                return 0.5 * s / x.Length;
            }
        }
        """;
}
