using System;
using System.Globalization;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>
/// A double-double ("double-word") number Hi + Lo with |Lo| ≤ ulp(Hi)/2: about 106 bits of mantissa, a unit
/// roundoff of about 2⁻¹⁰⁴ ≈ 4.9e-32 per operation. The building blocks are the error-free transformations
/// TwoSum (Knuth), FastTwoSum (Dekker) and TwoProd (here with a fused multiply-add), combined as in
/// Hida, Li &amp; Bailey, "Algorithms for quad-double precision floating point arithmetic" (ARITH-15, 2001) and
/// Joldes, Muller &amp; Popescu, "Tight and rigorous error bounds for basic building blocks of double-word
/// arithmetic", ACM TOMS 44(2), 2017 (the "accurate" addition, with relative error ≤ 3u², and the multiplication
/// that keeps the Lo·Lo term, with relative error ≤ 4u²; u = 2⁻⁵³).
/// </summary>
/// <remarks>
/// Only what the reference matrix exponential needs: no infinities or NaNs are handled, and the exponent range
/// is that of <see cref="double"/> (Lo loses its bits below about 1e-292, which only matters far below the norms
/// the tests compare).
/// </remarks>
internal readonly struct DoubleDouble : IComparable<DoubleDouble>
{
    public readonly double Hi;
    public readonly double Lo;

    public DoubleDouble(double hi, double lo = 0)
    {
        Hi = hi;
        Lo = lo;
    }

    public static readonly DoubleDouble Zero = new(0);
    public static readonly DoubleDouble One = new(1);

    /// <summary>π to 50 digits (the digits are those of the constant; the conversion errs by ~1e-32 relative).</summary>
    public static readonly DoubleDouble Pi = Parse("3.14159265358979323846264338327950288419716939937510");

    /// <summary>ln 2 to 50 digits.</summary>
    public static readonly DoubleDouble Ln2 = Parse("0.69314718055994530941723212145817656807550013436026");

    public bool IsZero => Hi == 0;

    public static implicit operator DoubleDouble(double x) => new(x);

    /// <summary>The nearest double (Hi, since |Lo| ≤ ulp(Hi)/2).</summary>
    public double ToDouble() => Hi;

    public override string ToString() => $"{Hi.ToString("R", CultureInfo.InvariantCulture)} + {Lo.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>s + e = a + b exactly, s = fl(a + b) (Knuth's TwoSum, 6 flops, no condition on a, b).</summary>
    public static (double S, double E) TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        double e = (a - (s - bb)) + (b - bb);
        return (s, e);
    }

    /// <summary>s + e = a + b exactly when |a| ≥ |b| (or a = 0) (Dekker's FastTwoSum).</summary>
    public static (double S, double E) FastTwoSum(double a, double b)
    {
        double s = a + b;
        double e = b - (s - a);
        return (s, e);
    }

    /// <summary>p + e = a·b exactly, p = fl(a·b), barring underflow (the error of a product by a fused multiply-add).</summary>
    public static (double P, double E) TwoProd(double a, double b)
    {
        double p = a * b;
        double e = Math.FusedMultiplyAdd(a, b, -p);
        return (p, e);
    }

    public static DoubleDouble operator -(DoubleDouble x) => new(-x.Hi, -x.Lo);

    /// <summary>The "accurate" double-word sum: TwoSum of the high and of the low parts, then two renormalizations.</summary>
    public static DoubleDouble operator +(DoubleDouble x, DoubleDouble y)
    {
        (double sh, double sl) = TwoSum(x.Hi, y.Hi);
        (double th, double tl) = TwoSum(x.Lo, y.Lo);
        double c = sl + th;
        (double vh, double vl) = FastTwoSum(sh, c);
        double w = tl + vl;
        (double zh, double zl) = FastTwoSum(vh, w);
        return new DoubleDouble(zh, zl);
    }

    public static DoubleDouble operator -(DoubleDouble x, DoubleDouble y) => x + (-y);

    /// <summary>The double-word product keeping the Lo·Lo term (error ≤ 4u² relative, Joldes–Muller–Popescu 2017).</summary>
    public static DoubleDouble operator *(DoubleDouble x, DoubleDouble y)
    {
        (double ch, double cl1) = TwoProd(x.Hi, y.Hi);
        double tl0 = x.Lo * y.Lo;
        double tl1 = Math.FusedMultiplyAdd(x.Hi, y.Lo, tl0);
        double cl2 = Math.FusedMultiplyAdd(x.Lo, y.Hi, tl1);
        double cl3 = cl1 + cl2;
        (double zh, double zl) = FastTwoSum(ch, cl3);
        return new DoubleDouble(zh, zl);
    }

    /// <summary>Double-word times double.</summary>
    public static DoubleDouble operator *(DoubleDouble x, double y)
    {
        (double ch, double cl1) = TwoProd(x.Hi, y);
        double cl3 = Math.FusedMultiplyAdd(x.Lo, y, cl1);
        (double zh, double zl) = FastTwoSum(ch, cl3);
        return new DoubleDouble(zh, zl);
    }

    /// <summary>
    /// Long division as in Hida–Li–Bailey: three quotient digits q₁ = x/y, q₂ = (x − q₁y)/y, q₃ = (x − q₁y − q₂y)/y,
    /// each remainder formed in double-double, then summed.
    /// </summary>
    public static DoubleDouble operator /(DoubleDouble x, DoubleDouble y)
    {
        double q1 = x.Hi / y.Hi;
        DoubleDouble r = x - y * q1;
        double q2 = r.Hi / y.Hi;
        r -= y * q2;
        double q3 = r.Hi / y.Hi;
        (double s, double e) = FastTwoSum(q1, q2);
        return new DoubleDouble(s, e) + q3;
    }

    public static bool operator <(DoubleDouble x, DoubleDouble y) => x.CompareTo(y) < 0;

    public static bool operator >(DoubleDouble x, DoubleDouble y) => x.CompareTo(y) > 0;

    public int CompareTo(DoubleDouble other) => Hi != other.Hi ? Hi.CompareTo(other.Hi) : Lo.CompareTo(other.Lo);

    public static DoubleDouble Abs(DoubleDouble x) => x.Hi < 0 || (x.Hi == 0 && x.Lo < 0) ? -x : x;

    /// <summary>x·2ᵏ, exact barring overflow and underflow.</summary>
    public static DoubleDouble ScaleB(DoubleDouble x, int k) => new(Math.ScaleB(x.Hi, k), Math.ScaleB(x.Lo, k));

    /// <summary>√x by one Newton step from the double square root r: r + (x − r²)/(2r), the residual in double-double.</summary>
    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (x.Hi < 0)
            throw new ArgumentOutOfRangeException(nameof(x), "negative");
        if (x.Hi == 0)
            return Zero;
        double r = Math.Sqrt(x.Hi);
        DoubleDouble residual = x - new DoubleDouble(r) * r;
        return new DoubleDouble(r) + residual.Hi / (2 * r);
    }

    /// <summary>
    /// e^x: x = k·ln 2 + r with |r| ≤ ln 2/2 &lt; 0.35, then e^r by its Taylor series (no squaring, so no error
    /// growth) until a term falls below 1e-34, times 2ᵏ. Accurate to a few u² while e^x is a normal double with a
    /// normal low part (|e^x| ≳ 1e-290); below that the low part is subnormal and the accuracy degrades.
    /// </summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (x.Hi == 0)
            return One;
        double k = Math.Round(x.Hi / Ln2.Hi);
        DoubleDouble r = x - Ln2 * k;
        DoubleDouble sum = One, term = One;
        for (int j = 1; Math.Abs(term.Hi) > 1e-34; j++) // 0.35^j/j!: 28 terms at most
        {
            term = term * r / j;
            sum += term;
        }
        return ScaleB(sum, (int)k);
    }

    /// <summary>
    /// ln x for x &gt; 0: two Newton steps y ← y + x·e^(−y) − 1 from the double logarithm (each step squares the
    /// relative error of e^y, so the result is as accurate as <see cref="Exp"/>).
    /// </summary>
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (!(x.Hi > 0))
            throw new ArgumentOutOfRangeException(nameof(x), "not positive");
        DoubleDouble y = Math.Log(x.Hi);
        for (int k = 0; k < 2; k++)
            y = y + x * Exp(-y) - One;
        return y;
    }

    /// <summary>
    /// cos y + i sin y as (c, s): y reduced by the nearest multiple of 2π to |r| ≤ π, e^(ir/8) by its Taylor
    /// series in complex double-double (|r/8| &lt; 0.4, terms to 1e-34), squared three times.
    /// </summary>
    public static (DoubleDouble Cos, DoubleDouble Sin) CosSin(DoubleDouble y)
    {
        DoubleDouble twoPi = Pi * 2.0;
        double k = Math.Round(y.Hi / twoPi.Hi);
        DoubleDouble r = ScaleB(y - twoPi * k, -3);
        DoubleDouble c = One, s = Zero, tc = One, ts = Zero; // term = i^j r^j/j! as (tc, ts)
        for (int j = 1; Math.Abs(tc.Hi) + Math.Abs(ts.Hi) > 1e-34; j++)
        {
            (tc, ts) = (-ts * r / j, tc * r / j); // multiply by i·r/j
            c += tc;
            s += ts;
        }
        for (int j = 0; j < 3; j++)
            (c, s) = (c * c - s * s, (c * s) * 2.0);
        return (c, s);
    }

    /// <summary>A decimal string such as "-12.345e-3", to double-double (digits accumulated in double-double, then one division).</summary>
    public static DoubleDouble Parse(string text)
    {
        string s = text.Trim();
        bool negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
            s = s[1..];
        int exponent = 0;
        int ePos = s.IndexOfAny(['e', 'E']);
        if (ePos >= 0)
        {
            exponent = int.Parse(s[(ePos + 1)..], CultureInfo.InvariantCulture);
            s = s[..ePos];
        }
        DoubleDouble value = Zero;
        bool afterPoint = false;
        foreach (char ch in s)
        {
            if (ch == '.')
            {
                afterPoint = true;
                continue;
            }
            if (ch < '0' || ch > '9')
                throw new FormatException(text);
            value = value * 10.0 + (ch - '0');
            if (afterPoint)
                exponent--;
        }
        DoubleDouble power = One;
        for (int i = 0; i < Math.Abs(exponent); i++)
            power *= 10.0; // exact while 5^i < 2^106 (i ≤ 45); beyond, one rounding of ~u² per step
        value = exponent >= 0 ? value * power : value / power;
        return negative ? -value : value;
    }
}
