using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Runtime.Tests.MatrixFunctions.HighPrecision;
using Xunit;
using Xunit.Abstractions;
using static Diff.Runtime.Tests.MatrixFunctions.ExpmTestMatrices;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// <see cref="Ops.Expm(Tensor)"/>, <see cref="Ops.Expm(ComplexTensor)"/> and <see cref="Ops.ExpmFrechet(Tensor, Tensor)"/>
/// on the hard matrices of <see cref="ExpmHardMatrices"/>, against the double-double reference
/// (<see cref="ReferenceExpm"/>), in the relative 1-norm error ‖X − X_ref‖₁/‖X_ref‖₁.
/// </summary>
/// <remarks>
/// The bar is 1e-12. A case above it passes only if its relative condition number explains the error: the
/// tolerance is then c·κ·u with u = 2⁻⁵³, c = 10n, and κ = ‖L(A)‖_F‖A‖_F/‖e^A‖_F (Higham, Functions of Matrices,
/// §3.1) estimated from below by the power method on the double-double Fréchet derivative. A backward stable
/// method (backward error ≲ n·u·‖A‖) has a forward error ≲ κ·n·u to first order; the factor 10 covers the
/// 1-norm/Frobenius-norm mismatch. Because the estimate is a lower bound, the tolerance is never looser than the
/// true c·κ·u.
/// </remarks>
public class ExpmHardMatricesTests
{
    private const double Tolerance = 1e-12;
    private const double U = 1.1102230246251565e-16; // 2⁻⁵³

    private static readonly ConcurrentDictionary<string, Complex[]> ReferenceCache = new();
    private static readonly ConcurrentDictionary<string, double> ConditionCache = new();

    private readonly ITestOutputHelper _output;

    public ExpmHardMatricesTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Names() => ExpmHardMatrices.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> RealNames() => ExpmHardMatrices.All.Where(c => c.IsReal).Select(c => new object[] { c.Name });

    internal static Complex[] Reference(HardMatrix c)
    {
        Complex[] x = ReferenceCache.GetOrAdd(c.Name, _ => ReferenceExpm.ToComplex(ReferenceExpm.Exp(ReferenceExpm.FromComplex(c.A), c.N)));
        // e^A is never 0; an underflowed reference would make every comparison vacuous.
        Assert.True(OneNorm(x, c.N) > 0 && double.IsFinite(OneNorm(x, c.N)), $"{c.Name}: the reference is 0 or not finite");
        return x;
    }

    internal static double Condition(HardMatrix c) =>
        ConditionCache.GetOrAdd(c.Name, _ =>
        {
            ComplexDoubleDouble[] a = ReferenceExpm.FromComplex(c.A);
            return ReferenceExpm.Condition(a, c.N, ReferenceExpm.Exp(a, c.N));
        });

    /// <summary>Passes at ≤ 1e-12, or at ≤ 10n·κ·u when κ explains more (see the class remarks).</summary>
    private void AssertAccurate(HardMatrix c, string what, double error)
    {
        _output.WriteLine($"{what} {c.Name}: relative error {error:E2}");
        if (error <= Tolerance)
            return;
        double kappa = Condition(c);
        double allowed = 10 * c.N * kappa * U;
        _output.WriteLine($"  κ_exp ≥ {kappa:E2}, conditioned tolerance 10n·κ·u = {allowed:E2}");
        Assert.True(error <= allowed,
            $"{what} {c.Name}: relative error {error:E2} > 1e-12 and > 10n·κ·u = {allowed:E2} (κ ≥ {kappa:E2})");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ComplexPathMatchesReference(string name)
    {
        HardMatrix c = ExpmHardMatrices.Get(name);
        Complex[] actual = Ops.Expm(new ComplexTensor((Complex[])c.A.Clone(), [c.N, c.N])).Data;
        AssertAccurate(c, "complex", RelativeError(actual, Reference(c), c.N));
    }

    [Theory]
    [MemberData(nameof(RealNames))]
    public void RealPathMatchesReference(string name)
    {
        HardMatrix c = ExpmHardMatrices.Get(name);
        double[] actual = Ops.Expm(new Tensor(c.Real, [c.N, c.N])).Data;
        AssertAccurate(c, "real", RelativeError(Array.ConvertAll(actual, x => new Complex(x, 0)), Reference(c), c.N));
    }

    /// <summary>The cases the Fréchet derivative is checked on (the block reference doubles n, so n ≤ 8).</summary>
    public static IEnumerable<object[]> FrechetNames() => new[]
    {
        "upper 2x2 far (1, -1) t=1e8",
        "lower 2x2 stiff (-1, -1000) t=1e12",
        "upper 2x2 negative (-100, -99) t=1e4",
        "alhi09r2 b=1e3",
        "alhi09r2 b=1e4",
        "alhi09r4 b=1e3 x=1e10",
        "kela89r1 4x4",
        "3x3 nilpotent+-1I couplings 1e6, 1e12",
        "badly scaled D*B*D^-1 n=3 D=diag(1,1e4,...)",
        "badly scaled complex D*B*D^-1 n=3",
        "normal complex n=4 Re up to 700, Im up to 8000",
        "skew-Hermitian iH n=4 norm=1e4",
        "real skew-symmetric n=6 norm=1e3",
        "Moler-Van Loan [[-49, 24], [-64, 31]]",
        "ward77 test 3",
        "Jordan n=8 lambda=-1",
        "complex Jordan-like n=6 lambda=2+3i",
        "kahan n=8 theta=1.2",
        "chebspec n=8",
        "eigt7 eigtool godunov/100",
        "random real n=8 scale=30",
        "random complex n=3",
        "random real n=8 scale=1e-8",
        "1x1 -20+1e4i",
        // matrices-expm collection (Liu 2025), n ≤ 8.
        "fahi19r1",
        "nies19",
        "jemc05r2",
        "fasi7",
        "lara17r4",
        "lara17r6",
        "dipa00",
        "kela98r1",
        "kela98r2",
        "pang85r1",
    }.Select(n => new object[] { n });

    private static Complex[] RandomDirection(HardMatrix c, int seed)
    {
        if (c.IsReal)
            return Array.ConvertAll(RandomReal(c.N, seed, 1).Data, x => new Complex(x, 0));
        return RandomComplex(c.N, seed, 1).Data;
    }

    private static Complex[] ReferenceFrechet(HardMatrix c, Complex[] e) =>
        ReferenceExpm.ToComplex(ReferenceExpm.Frechet(ReferenceExpm.FromComplex(c.A), ReferenceExpm.FromComplex(e), c.N));

    [Theory]
    [MemberData(nameof(FrechetNames))]
    public void FrechetMatchesReference(string name)
    {
        HardMatrix c = ExpmHardMatrices.Get(name);
        int n = c.N;
        Complex[] e = RandomDirection(c, 900 + n);
        Complex[] expected = ReferenceFrechet(c, e);
        Complex[] complexActual = Ops.ExpmFrechet(new ComplexTensor((Complex[])c.A.Clone(), [n, n]), new ComplexTensor((Complex[])e.Clone(), [n, n])).Data;
        AssertAccurate(c, "Fréchet complex", RelativeError(complexActual, expected, n));
        if (c.IsReal)
        {
            double[] realActual = Ops.ExpmFrechet(new Tensor(c.Real, [n, n]), new Tensor(Array.ConvertAll(e, z => z.Real), [n, n])).Data;
            AssertAccurate(c, "Fréchet real", RelativeError(Array.ConvertAll(realActual, x => new Complex(x, 0)), expected, n));
        }
    }

    /// <summary>The multi-direction overload against the reference, direction by direction (three directions).</summary>
    [Theory]
    [InlineData("upper 2x2 far (1, -1) t=1e8")]
    [InlineData("kela89r1 4x4")]
    [InlineData("Moler-Van Loan [[-49, 24], [-64, 31]]")]
    [InlineData("badly scaled complex D*B*D^-1 n=3")]
    [InlineData("normal complex n=4 Re up to 700, Im up to 8000")]
    [InlineData("kahan n=8 theta=1.2")]
    public void MultiDirectionFrechetMatchesReference(string name)
    {
        HardMatrix c = ExpmHardMatrices.Get(name);
        int n = c.N;
        Complex[][] directions = [RandomDirection(c, 950), RandomDirection(c, 951), RandomDirection(c, 952)];
        if (c.IsReal)
        {
            Tensor[] actual = Ops.ExpmFrechet(new Tensor(c.Real, [n, n]),
                directions.Select(d => new Tensor(Array.ConvertAll(d, z => z.Real), [n, n])).ToArray());
            for (int k = 0; k < directions.Length; k++)
                AssertAccurate(c, $"Fréchet real multi #{k}",
                    RelativeError(Array.ConvertAll(actual[k].Data, x => new Complex(x, 0)), ReferenceFrechet(c, directions[k]), n));
        }
        ComplexTensor[] complexActual = Ops.ExpmFrechet(new ComplexTensor((Complex[])c.A.Clone(), [n, n]),
            directions.Select(d => new ComplexTensor((Complex[])d.Clone(), [n, n])).ToArray());
        for (int k = 0; k < directions.Length; k++)
            AssertAccurate(c, $"Fréchet complex multi #{k}", RelativeError(complexActual[k].Data, ReferenceFrechet(c, directions[k]), n));
    }
}
