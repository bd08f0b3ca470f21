using System;
using System.Linq;
using System.Numerics;
using Xunit.Sdk;

namespace Diff.Generator.Tests.Numeric.Harness;

/// <summary>Mixed relative/absolute comparisons of vectors of derivatives.</summary>
public static class Tolerance
{
    /// <summary>Machine epsilon of double.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// Against the closed form: 10⁻¹² relative, or 4·n·ε for a path of n sequential updates
    /// (each rounds once, and the generated code and the hand-written recurrence round differently).
    /// </summary>
    public static double ClosedForm(NumericCase c) => Math.Max(1e-12, 4 * c.Trips * Epsilon);

    /// <summary>Against central finite differences: 10⁻⁶ relative.</summary>
    public const double FiniteDifference = 1e-6;

    /// <summary>
    /// Asserts |actual_i − expected_i| ≤ rel·max(|expected_i|, 10⁻²·max_j |expected_j|) + absolute, so that a component
    /// that is zero, or tiny beside the others, is compared on the scale of the whole vector.
    /// </summary>
    public static void AssertNear(Complex[] actual, Complex[] expected, double rel, double absolute, string what)
    {
        if (actual.Length != expected.Length)
            throw new XunitException($"{what}: {actual.Length} components, expected {expected.Length}.");
        double scale = expected.Select(e => e.Magnitude).DefaultIfEmpty(0).Max();
        for (int i = 0; i < actual.Length; i++)
        {
            double error = (actual[i] - expected[i]).Magnitude;
            double allowed = rel * Math.Max(expected[i].Magnitude, 1e-2 * scale) + absolute;
            if (!(error <= allowed))
            {
                throw new XunitException(
                    $"{what}, component {i}: got {Show(actual[i])}, expected {Show(expected[i])} " +
                    $"(error {error:G3} > allowed {allowed:G3}).");
            }
        }
    }

    /// <summary>A complex number as "a" or "a + bi".</summary>
    public static string Show(Complex z) => z.Imaginary == 0 ? z.Real.ToString("R") : $"{z.Real:R} {(z.Imaginary < 0 ? "-" : "+")} {Math.Abs(z.Imaginary):R}i";
}
