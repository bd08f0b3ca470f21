using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The scalar pieces of <see cref="Logm"/>: the principal logarithm of a complex number kept accurate near 1,
/// divided differences of the logarithm and of powers for the superdiagonal of 2×2 triangular blocks, the unwinding
/// number, and z^{1/2^s} − 1 without cancellation (Al-Mohy &amp; Higham 2012, §4; Higham, <i>Functions of
/// Matrices</i>, 2008, ch. 11).
/// </summary>
internal sealed partial class Logm
{
    /// <summary>
    /// The principal logarithm of a complex number, Im ∈ (−π, π], with log(−x) = ln x + iπ for
    /// x &gt; 0 whatever the sign of the zero imaginary part. Near 1 the real part is computed as
    /// ½·log1p((x − 1)·(x + 1) + y²), where x − 1 is exact, so that log(1 + δ) keeps its relative
    /// accuracy for small δ (<see cref="Complex.Log(Complex)"/> takes the logarithm of a rounded |z|).
    /// </summary>
    public static Complex PrincipalLog(Complex z) => PrincipalLog(z, z - 1);

    /// <summary>
    /// <see cref="PrincipalLog(Complex)"/> of z given also z − 1 = <paramref name="zMinusOne"/>
    /// (which may be known more accurately than z itself): near 1 the result is computed from it.
    /// </summary>
    public static Complex PrincipalLog(Complex z, Complex zMinusOne)
    {
        if (z.Imaginary == 0 && z.Real < 0)
            return new Complex(Math.Log(-z.Real), Math.PI);
        double dx = zMinusOne.Real, y = zMinusOne.Imaginary;
        if (Math.Abs(dx) < 0.5 && Math.Abs(y) < 0.5)
            return new Complex(0.5 * LogOnePlus(dx * (2 + dx) + y * y), Math.Atan2(y, 1 + dx));
        return Complex.Log(z);
    }

    /// <summary>log(1 + x) to a few ulps also for tiny x, by the rounding-compensated form log(u)·x/(u − 1), u = 1 + x (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991, Thm 4).</summary>
    private static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// The divided difference log[a₁, a₂] = (log a₂ − log a₁)/(a₂ − a₁), which is also the (1,2)
    /// entry of log [a₁ 1; 0 a₂]. For close a₁, a₂ it is computed without cancellation as
    /// (2·atanh(z) + 2πi·𝒰(log a₂ − log a₁))/(a₂ − a₁), z = (a₂ − a₁)/(a₂ + a₁), 𝒰 the unwinding
    /// number (Higham, <i>Functions of Matrices</i>, ch. 11; Al-Mohy &amp; Higham 2012, final step
    /// of Algorithm 4.1). The plain quotient is used when the moduli differ by more than a factor 2
    /// or — a guard added here — when a₁ and a₂ are at least 90° apart (Re a₁·ā₂ ≤ 0): there
    /// |z| ≥ 1, atanh would sit on its branch cut (a₁ = i, a₂ = −i gives z = ∞), while the quotient
    /// has no cancellation.
    /// </summary>
    public static Complex LogDividedDifference(Complex a1, Complex a2, Complex log1, Complex log2)
    {
        if (a1 == a2)
            return 1 / a1;
        if (AreFarApart(a1, a2))
            return (log2 - log1) / (a2 - a1);
        Complex z = (a2 - a1) / (a2 + a1);
        return (2 * Atanh(z) + new Complex(0, 2 * Math.PI * Unwinding(log2 - log1))) / (a2 - a1);
    }

    /// <summary>
    /// The (1,2) entry of [a₁ t; 0 a₂]^p for real p, principal powers: t·p·a₁^{p−1} when a₁ = a₂,
    /// t·(a₂^p − a₁^p)/(a₂ − a₁) when a₁, a₂ are far apart (as in <see cref="LogDividedDifference"/>),
    /// else t·2·exp(p·(log a₁ + log a₂)/2)·sinh(p·w)/(a₂ − a₁) with
    /// w = atanh(z) + iπ·𝒰(log a₂ − log a₁) (Higham &amp; Lin 2011, §5).
    /// </summary>
    private static Complex PowerSuperdiagonal(Complex a1, Complex a2, Complex t12, Complex log1, Complex log2, double p)
    {
        if (t12 == Complex.Zero)
            return Complex.Zero;
        Complex a1p = Complex.Exp(p * log1);
        if (a1 == a2)
            return t12 * p * a1p / a1;
        if (AreFarApart(a1, a2))
            return t12 * (Complex.Exp(p * log2) - a1p) / (a2 - a1);
        Complex z = (a2 - a1) / (a2 + a1);
        Complex w = Atanh(z) + new Complex(0, Math.PI * Unwinding(log2 - log1));
        return t12 * 2 * Complex.Exp(p * (log1 + log2) / 2) * Complex.Sinh(p * w) / (a2 - a1);
    }

    private static bool AreFarApart(Complex a1, Complex a2)
    {
        double m1 = Complex.Abs(a1), m2 = Complex.Abs(a2);
        return m1 < 0.5 * m2 || m2 < 0.5 * m1 || a1.Real * a2.Real + a1.Imaginary * a2.Imaginary <= 0;
    }

    /// <summary>The unwinding number 𝒰(z) = ⌈(Im z − π)/(2π)⌉ (Corless, Hare &amp; Jeffrey), so that log e^z = z − 2πi·𝒰(z).</summary>
    private static double Unwinding(Complex z) => Math.Ceiling((z.Imaginary - Math.PI) / (2 * Math.PI));

    /// <summary>atanh z for |z| &lt; 1, to full relative accuracy also for small |z| (series z + z³/3 + z⁵/5 + … for |z| ≤ 0.3).</summary>
    private static Complex Atanh(Complex z)
    {
        if (Complex.Abs(z) <= 0.3)
        {
            Complex z2 = z * z, power = z, sum = z;
            for (int k = 3; k <= 41; k += 2)
            {
                power *= z2;
                sum += power / k;
            }
            return sum;
        }
        return (Complex.Log(1 + z) - Complex.Log(1 - z)) / 2;
    }

    /// <summary>
    /// a^{1/2^s} − 1 without cancellation, from a − 1 = (a^{1/2^s} − 1)·Π_{j=1}^{s}(1 + a^{1/2^j})
    /// (Al-Mohy, "A more accurate Briggs method for the logarithm", Numer. Algorithms 59, 2012;
    /// used before the Padé step of Algorithm 4.1 of Al-Mohy &amp; Higham 2012), with a − 1 given as
    /// <paramref name="aMinusOne"/>. For Re a &lt; 0 one root is taken first, as there.
    /// </summary>
    private static Complex RootMinusOne(Complex a, Complex aMinusOne, int s)
    {
        if (s == 0)
            return aMinusOne;
        int k = s;
        Complex b = a;
        Complex numerator = aMinusOne;
        if (b.Real < 0)
        {
            b = Sqrtm.PrincipalSqrt(b);
            numerator = b - 1;
            k--;
        }
        Complex product = Complex.One;
        for (int j = 0; j < k; j++)
        {
            b = Sqrtm.PrincipalSqrt(b);
            product *= 1 + b;
        }
        return numerator / product;
    }
}
