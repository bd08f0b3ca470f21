using System;

namespace Diff.Kernels;

/// <summary>
/// Constants of the scaling and squaring method for the matrix exponential, all for IEEE double
/// precision (unit roundoff u = 2⁻⁵³).
/// </summary>
internal static class ExpmPadeTables
{
    /// <summary>The Padé degrees the algorithm chooses from, in increasing order.</summary>
    public static ReadOnlySpan<int> Degrees => DegreeValues;

    private static readonly int[] DegreeValues = [3, 5, 7, 9, 13];

    /// <summary>The unit roundoff u = 2⁻⁵³.</summary>
    public const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>log₂ u = −53, exactly (what <c>Math.Log2(UnitRoundoff)</c> returns, without the call).</summary>
    public const double Log2UnitRoundoff = -53;

    /// <summary>
    /// θ_m for m = 3, 5, 7, 9, 13: the largest η = max(d_p, d_{p+1}) (d_k = ‖A^k‖^{1/k}) for which the
    /// backward error of r_m is at most u. Al-Mohy &amp; Higham 2009, "A new scaling and squaring
    /// algorithm for the matrix exponential", Table 3.1 and Algorithm 6.1 (θ₁₃ = 4.25 there, smaller than
    /// the 5.37 of Higham 2005, to keep the rounding errors of evaluating r₁₃ under control).
    /// </summary>
    public static ReadOnlySpan<double> Theta => ThetaValues;

    private static readonly double[] ThetaValues = [1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0, 4.25];

    /// <summary>
    /// ℓ_m for m = 3, 5, 7, 9, 13: the bounds for which the Fréchet derivative of r_m also has backward
    /// error at most u. Al-Mohy &amp; Higham 2009, "Computing the Fréchet derivative of the matrix
    /// exponential, with an application to condition number estimation", Table 6.1. Smaller than θ_m for
    /// m ≤ 9; for m = 13 the θ₁₃ = 4.25 above is the smaller one.
    /// </summary>
    public static ReadOnlySpan<double> FrechetEll => FrechetEllValues;

    private static readonly double[] FrechetEllValues = [1.08e-2, 2.00e-1, 7.83e-1, 1.78e0, 4.74e0];

    /// <summary>
    /// The thresholds to choose m with: θ_m alone for the exponential, min(θ_m, ℓ_m) when the Fréchet
    /// derivative is computed from the same Padé data.
    /// </summary>
    public static double Threshold(int degreeIndex, bool forDerivative) =>
        forDerivative ? Math.Min(Theta[degreeIndex], FrechetEll[degreeIndex]) : Theta[degreeIndex];

    /// <summary>
    /// Coefficients b_0..b_m of the numerator p_m(x) = Σ b_j x^j of the [m/m] Padé approximant of eˣ
    /// (the denominator is p_m(−x)), scaled to integers: b_j = (2m − j)! m! / ((2m)! j! (m − j)!) times a
    /// common factor. Higham 2005, "The scaling and squaring method for the matrix exponential revisited",
    /// eq. (2.11) and Algorithm 2.3; the same in Al-Mohy &amp; Higham 2009, Algorithm 6.1.
    /// </summary>
    public static ReadOnlySpan<double> Coefficients(int m) => m switch
    {
        3 => Pade3,
        5 => Pade5,
        7 => Pade7,
        9 => Pade9,
        13 => Pade13,
        _ => throw new ArgumentOutOfRangeException(nameof(m), m, "The Padé degree must be 3, 5, 7, 9 or 13."),
    };

    // Static arrays rather than span literals, so that no build configuration allocates them per call.
    private static readonly double[] Pade3 = [120, 60, 12, 1];
    private static readonly double[] Pade5 = [30240, 15120, 3360, 420, 30, 1];
    private static readonly double[] Pade7 = [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1];
    private static readonly double[] Pade9 = [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1];
    private static readonly double[] Pade13 =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    /// <summary>
    /// log₂ |c_{2m+1}|, the leading coefficient of the backward-error series h_{2m+1}(x) = log(e⁻ˣ r_m(x)),
    /// |c_{2m+1}| = (m!)² / ((2m)! (2m+1)!) (Higham 2005, eq. (2.2) with (2.6); used in ℓ(A, m) of
    /// Al-Mohy &amp; Higham 2009, eq. (5.1)), for the degree <c>Degrees[degreeIndex]</c>. Computed from sums of
    /// logarithms once, exact to far more digits than the ceiling in ℓ needs.
    /// </summary>
    public static double Log2LeadingErrorCoefficient(int degreeIndex) => Log2C[degreeIndex];

    private static readonly double[] Log2C = [Log2Coefficient(3), Log2Coefficient(5), Log2Coefficient(7), Log2Coefficient(9), Log2Coefficient(13)];

    private static double Log2Coefficient(int m) =>
        (2 * LogFactorial(m) - LogFactorial(2 * m) - LogFactorial(2 * m + 1)) / Math.Log(2);

    private static double LogFactorial(int k)
    {
        double sum = 0;
        for (int i = 2; i <= k; i++)
            sum += Math.Log(i);
        return sum;
    }
}
