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
}
