using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Runtime.Tests.MatrixFunctions.HighPrecision;
using Xunit;
using Xunit.Abstractions;
using CDD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ComplexDoubleDouble;
using DD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.DoubleDouble;

namespace Diff.Runtime.Tests.MatrixFunctions;

/// <summary>
/// <see cref="Ops.Logm(Tensor)"/>, <see cref="Ops.Logm(ComplexTensor)"/> and <see cref="Ops.LogmFrechet(Tensor, Tensor)"/>
/// on the hard matrices of <see cref="LogmHardMatrices"/>, against the double-double reference
/// (<see cref="ReferenceLogm"/>), in the relative 1-norm error ‖X − X_ref‖₁/‖X_ref‖₁; inputs on the branch cut
/// (real matrices with negative eigenvalues) against closed forms; and the singularity threshold.
/// </summary>
/// <remarks>
/// The bar is 1e-12. A case above it passes only if its relative condition number explains the error: the
/// tolerance is then c·n·κ·u with c = 10, u = 2⁻⁵³ and κ_log = ‖L_log(A)‖_F‖A‖_F/‖log A‖_F (Higham, Functions of
/// Matrices, §3.1, §11.2) estimated from below by the power method on the double-double Fréchet derivative. A
/// backward stable method has a forward error ≲ n·κ·u to first order; the factor 10 covers the 1-norm/Frobenius
/// mismatch. Because the estimate is a lower bound, the tolerance is never looser than the true c·n·κ·u.
/// </remarks>
public class LogmHardMatricesTests
{
    private const double Tolerance = 1e-12;
    private const double U = 1.1102230246251565e-16; // 2⁻⁵³

    private static readonly ConcurrentDictionary<string, (Complex[] Log, ReferenceLogm.Statistics Stats)> ReferenceCache = new();
    private static readonly ConcurrentDictionary<string, double> ConditionCache = new();

    private readonly ITestOutputHelper _output;

    public LogmHardMatricesTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Names() => LogmHardMatrices.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> RealNames() => LogmHardMatrices.All.Where(c => c.IsReal).Select(c => new object[] { c.Name });

    /// <summary>‖X − Y‖₁/‖Y‖₁, or ‖X − Y‖₁ when Y = 0 (log I).</summary>
    internal static double RelativeError(Complex[] x, Complex[] y, int n)
    {
        var d = new Complex[x.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] - y[i];
        double ny = ExpmTestMatrices.OneNorm(y, n);
        return ny == 0 ? ExpmTestMatrices.OneNorm(d, n) : ExpmTestMatrices.OneNorm(d, n) / ny;
    }

    private static (Complex[] Log, ReferenceLogm.Statistics Stats) Reference(HardMatrix c) =>
        ReferenceCache.GetOrAdd(c.Name, _ =>
        {
            CDD[] log = ReferenceLogm.Log(ReferenceExpm.FromComplex(c.A), c.N, out ReferenceLogm.Statistics stats);
            return (ReferenceExpm.ToComplex(log), stats);
        });

    private static double Condition(HardMatrix c) =>
        ConditionCache.GetOrAdd(c.Name, _ =>
        {
            CDD[] a = ReferenceExpm.FromComplex(c.A);
            return ReferenceLogm.Condition(a, c.N, ReferenceExpm.FromComplex(Reference(c).Log));
        });

    /// <summary>Passes at ≤ 1e-12, or at ≤ 10n·κ·u when κ explains more (see the class remarks).</summary>
    private void AssertAccurate(HardMatrix c, string what, double error)
    {
        var stats = Reference(c).Stats;
        _output.WriteLine($"{what} {c.Name}: relative error {error:E2} (reference: {stats.SquareRoots} roots, ≤ {stats.MaxRootIterations} DB iterations, {stats.SeriesTerms} terms)");
        if (error <= Tolerance)
            return;
        double kappa = Condition(c);
        double allowed = 10 * c.N * kappa * U;
        _output.WriteLine($"  κ_log ≥ {kappa:E2}, conditioned tolerance 10n·κ·u = {allowed:E2}, error/(κu) = {error / (kappa * U):E2}");
        Assert.True(error <= allowed,
            $"{what} {c.Name}: relative error {error:E2} > 1e-12 and > 10n·κ·u = {allowed:E2} (κ ≥ {kappa:E2})");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ComplexPathMatchesReference(string name)
    {
        HardMatrix c = LogmHardMatrices.Get(name);
        Complex[] actual = Ops.Logm(new ComplexTensor((Complex[])c.A.Clone(), [c.N, c.N])).Data;
        AssertAccurate(c, "complex", RelativeError(actual, Reference(c).Log, c.N));
    }

    [Theory]
    [MemberData(nameof(RealNames))]
    public void RealPathMatchesReference(string name)
    {
        HardMatrix c = LogmHardMatrices.Get(name);
        Complex[] actual = Ops.Logm(new Tensor(c.Real, [c.N, c.N])).Data;
        AssertAccurate(c, "real", RelativeError(actual, Reference(c).Log, c.N));
    }

    /// <summary>The cases the Fréchet derivative is checked on (the block reference doubles n, so n ≤ 8).</summary>
    public static IEnumerable<object[]> FrechetNames() => new[]
    {
        "I + eps*B real n=5 eps=1e-8",
        "I + eps*B complex n=4 eps=1e-4",
        "upper 2x2 close (1, 1.000001) t=1e4",
        "lower 2x2 far (0.5, 3) t=1e8",
        "complex upper 2x2 close (1+i, 1+i+1e-7) t=1e4",
        "3x3 upper diag (1,2,3) couplings 1e4, 1e8",
        "Jordan n=8 lambda=1",
        "complex Jordan n=5 lambda=i",
        "complex normal n=4 eigenvalues -1+-1e-6i, 2, i",
        "rotation angle pi-1e-3",
        "real orthogonal n=4 rotations pi-1e-3 and 1",
        "unitary n=8 angles in (-3, 3)",
        "SPD n=6 eigenvalues 1 .. 1/1e8",
        "hilbert n=6",
        "random real n=5 scale=1e8 shifted by 2*scale",
        "random complex n=5 scale=1e-8",
        "real symmetric n=3 eigenvalues 1, 2, 1e-10",
        "random real n=8 + 1.5I",
        "random complex n=3",
        "kahan n=8 theta=1.2",
        "-lesp n=8",
    }.Select(n => new object[] { n });

    private static Complex[] RandomDirection(HardMatrix c, int seed)
    {
        if (c.IsReal)
            return Array.ConvertAll(ExpmTestMatrices.RandomReal(c.N, seed, 1).Data, x => new Complex(x, 0));
        return ExpmTestMatrices.RandomComplex(c.N, seed, 1).Data;
    }

    [Theory]
    [MemberData(nameof(FrechetNames))]
    public void FrechetMatchesReference(string name)
    {
        HardMatrix c = LogmHardMatrices.Get(name);
        int n = c.N;
        Complex[] e = RandomDirection(c, 1900 + n);
        Complex[] expected = ReferenceExpm.ToComplex(ReferenceLogm.Frechet(ReferenceExpm.FromComplex(c.A), ReferenceExpm.FromComplex(e), n));
        Complex[] complexActual = Ops.LogmFrechet(new ComplexTensor((Complex[])c.A.Clone(), [n, n]), new ComplexTensor((Complex[])e.Clone(), [n, n])).Data;
        AssertAccurate(c, "Fréchet complex", RelativeError(complexActual, expected, n));
        if (c.IsReal)
        {
            Complex[] realActual = Ops.LogmFrechet(new Tensor(c.Real, [n, n]), new Tensor(Array.ConvertAll(e, z => z.Real), [n, n])).Data;
            AssertAccurate(c, "Fréchet real", RelativeError(realActual, expected, n));
        }
    }

    // ---- The branch cut: real matrices with negative eigenvalues, against closed forms in double-double.

    /// <summary>A real matrix on the branch cut with its principal logarithm (Im log λ = +π on ℝ⁻) in closed form.</summary>
    internal sealed record ClosedForm(string Name, int N, double[] A, CDD[] Log);

    private static CDD LogOf(double x) => CDD.Log(x);

    /// <summary>S·diag(log λ)·S⁻¹ in double-double, for integer S with an exact integer inverse.</summary>
    private static CDD[] Similar(double[] s, double[] sInverse, CDD[] logLambda, int n)
    {
        var d = new CDD[n * n];
        Array.Fill(d, CDD.Zero);
        for (int i = 0; i < n; i++)
            d[i * n + i] = logLambda[i];
        return ReferenceExpm.Multiply(ReferenceExpm.Multiply(ReferenceExpm.FromReal(s), d, n), ReferenceExpm.FromReal(sInverse), n);
    }

    private static double[] Product(double[] s, double[] lambda, double[] sInverse, int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    a[i * n + j] += s[i * n + k] * lambda[k] * sInverse[k * n + j]; // small integers: exact
        return a;
    }

    private static readonly Lazy<List<ClosedForm>> BranchCases = new(() =>
    {
        var list = new List<ClosedForm>();
        DD pi = DD.Pi;
        // diag(−2, 3): diag(ln 2 + iπ, ln 3).
        list.Add(new("diag(-2, 3)", 2, [-2, 0, 0, 3], [LogOf(-2), 0.0, 0.0, LogOf(3)]));
        // −I (rotation by π): iπ·I (not the real skew-symmetric logarithm, which is not principal).
        list.Add(new("-I 2x2 (rotation by pi)", 2, [-1, 0, 0, -1], [new CDD(0, pi), 0.0, 0.0, new CDD(0, pi)]));
        // [[−1, t], [0, −1]]: log = [[iπ, −t], [0, iπ]] (the off-diagonal t/λ).
        foreach (double t in new[] { 1.0, 1e4 })
            list.Add(new($"[[-1, {LogmHardMatrices.Sci(t)}], [0, -1]]", 2, [-1, t, 0, -1], [new CDD(0, pi), -t, 0.0, new CDD(0, pi)]));
        // [[a, t], [0, c]] with a, c < 0: off-diagonal t·(log c − log a)/(c − a), the iπ's cancel.
        foreach ((double a, double c, double t) in new[] { (-2.0, -3.0, 1e4), (-1.0, -1.0 - 1e-6, 1e8), (-5.0, 2.0, 1e3) })
        {
            CDD la = LogOf(a), lc = LogOf(c);
            CDD off = (lc - la) / ((CDD)c - a) * (DD)t;
            list.Add(new($"upper 2x2 ({a}, {c}) t={LogmHardMatrices.Sci(t)}", 2, [a, t, 0, c], [la, off, 0.0, lc]));
            list.Add(new($"lower 2x2 ({a}, {c}) t={LogmHardMatrices.Sci(t)}", 2, [a, 0, t, c], [la, 0.0, off, lc]));
        }
        {
            // Moler & Van Loan 1978: [[−49, 24], [−64, 31]] = S·diag(−1, −17)·S⁻¹, S = [[1, 3], [2, 4]], S⁻¹ = [[−2, 1.5], [1, −0.5]].
            double[] s = [1, 3, 2, 4], si = [-2, 1.5, 1, -0.5];
            list.Add(new("Moler-Van Loan [[-49, 24], [-64, 31]]", 2, [-49, 24, -64, 31], Similar(s, si, [LogOf(-1), LogOf(-17)], 2)));
        }
        {
            // S·diag(−1, −4, 2)·S⁻¹ with S unit upper bidiagonal (exact integer inverse).
            double[] s = [1, 1, 0, 0, 1, 1, 0, 0, 1], si = [1, -1, 1, 0, 1, -1, 0, 0, 1];
            list.Add(new("S*diag(-1,-4,2)/S 3x3", 3, Product(s, [-1, -4, 2], si, 3), Similar(s, si, [LogOf(-1), LogOf(-4), LogOf(2)], 3)));
            // S·diag(−3, −3, 0.5)·S⁻¹: a double negative eigenvalue.
            list.Add(new("S*diag(-3,-3,0.5)/S 3x3", 3, Product(s, [-3, -3, 0.5], si, 3), Similar(s, si, [LogOf(-3), LogOf(-3), LogOf(0.5)], 3)));
        }
        return list;
    });

    public static IEnumerable<object[]> BranchNames() => BranchCases.Value.Select(c => new object[] { c.Name });

    /// <summary>The real and the complex path on the branch cut: Im log λ = +π for λ &lt; 0, as scipy and MATLAB.</summary>
    [Theory]
    [MemberData(nameof(BranchNames))]
    public void BranchCutMatchesClosedForm(string name)
    {
        ClosedForm c = BranchCases.Value.Single(b => b.Name == name);
        int n = c.N;
        Complex[] expected = ReferenceExpm.ToComplex(c.Log);
        Complex[] real = Ops.Logm(new Tensor((double[])c.A.Clone(), [n, n])).Data;
        Complex[] complex = Ops.Logm(new ComplexTensor(Array.ConvertAll(c.A, x => new Complex(x, 0)), [n, n])).Data;
        double realError = RelativeError(real, expected, n), complexError = RelativeError(complex, expected, n);
        _output.WriteLine($"{name}: real {realError:E2}, complex {complexError:E2}");
        Assert.True(realError <= Tolerance, $"real {name}: {realError:E2}");
        Assert.True(complexError <= Tolerance, $"complex {name}: {complexError:E2}");
    }

    // ---- The singularity threshold of a computed Schur form: |λ| ≤ n·u·‖A‖₁ is rejected with the reason.

    public static IEnumerable<object[]> SingularCases() =>
    [
        // A triangular matrix's eigenvalues are exact, so diag(1, 1, 3e-16) has a logarithm (LogmTriangularTests); the same
        // spectrum behind an orthogonal change of basis is rejected, since its Schur form is computed with rounding.
        ["symmetric eigenvalues 1, 1, 3e-16", 3, Array.ConvertAll(LogmHardMatrices.Normal(3, 861, [1, 1, 3e-16], real: true), z => z.Real)],
        ["symmetric eigenvalues 1, 2, 1e-17", 3, Array.ConvertAll(LogmHardMatrices.Normal(3, 860, [1, 2, 1e-17], real: true), z => z.Real)],
    ];

    /// <summary>Just below the threshold: an <see cref="ArgumentException"/> that names the reason (both paths).</summary>
    [Theory]
    [MemberData(nameof(SingularCases))]
    public void JustBelowTheSingularityThresholdIsRejected(string name, int n, double[] a)
    {
        var real = Assert.Throws<ArgumentException>(() => Ops.Logm(new Tensor((double[])a.Clone(), [n, n])));
        Assert.Contains("singular", real.Message);
        Assert.Contains("n·u·‖A‖₁", real.Message);
        var complex = Assert.Throws<ArgumentException>(() => Ops.Logm(new ComplexTensor(Array.ConvertAll(a, x => new Complex(x, 0)), [n, n])));
        Assert.Contains("singular", complex.Message);
        _output.WriteLine($"{name}: {real.Message}");
    }
}
