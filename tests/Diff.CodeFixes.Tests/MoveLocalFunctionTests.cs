using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Diff.CodeFixes.Tests.Verifier<Diff.CodeFixes.MoveLocalFunctionCodeFix>;

namespace Diff.CodeFixes.Tests;

public class MoveLocalFunctionTests
{
    [Fact]
    public Task Moves_a_top_level_function_into_a_Functions_class_and_qualifies_its_calls() => Verify.RunAsync(
        """
        using System;
        using Diff;

        var ({|CS8130:value|}, {|CS8130:dx|}) = {|CS0103:SquareGradient|}(3.0);
        Console.WriteLine($"{value}, {dx}, {Square(2.0)}");

        [{|DIFF0017:Differentiable|}]
        static double Square(double x) => x * x;
        """,
        """
        using System;
        using Diff;

        var (value, dx) = Functions.SquareGradient(3.0);
        Console.WriteLine($"{value}, {dx}, {Functions.Square(2.0)}");

        public static partial class Functions
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """,
        test =>
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        });

    [Fact]
    public Task Moves_a_local_function_into_its_partial_type() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Physics
        {
            public static double Slope(double y)
            {
                [{|DIFF0017:Differentiable|}]
                static double Cube(double x) => x * x * x;
                return {|CS0103:CubeGradient|}(y).x;
            }
        }
        """,
        """
        using Diff;

        public static partial class Physics
        {
            public static double Slope(double y)
            {
                return CubeGradient(y).x;
            }

            [Differentiable]
            private static double Cube(double x) => x * x * x;
        }
        """);

    [Fact]
    public Task Offers_nothing_for_a_function_that_captures_a_local() => Verify.RunAsync(
        """
        using Diff;

        public static partial class Physics
        {
            public static double Scaled(double y, double k)
            {
                [{|DIFF0017:Differentiable|}]
                double Times(double x) => k * x;
                return Times(y);
            }
        }
        """,
        """
        using Diff;

        public static partial class Physics
        {
            public static double Scaled(double y, double k)
            {
                [{|DIFF0017:Differentiable|}]
                double Times(double x) => k * x;
                return Times(y);
            }
        }
        """,
        Verify.NoFixExpected);
}
