using System;
using System.Numerics;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>A complex number with <see cref="DoubleDouble"/> real and imaginary parts (textbook formulas).</summary>
internal readonly struct ComplexDoubleDouble
{
    public readonly DoubleDouble Re;
    public readonly DoubleDouble Im;

    public ComplexDoubleDouble(DoubleDouble re, DoubleDouble im)
    {
        Re = re;
        Im = im;
    }

    public static readonly ComplexDoubleDouble Zero = new(DoubleDouble.Zero, DoubleDouble.Zero);
    public static readonly ComplexDoubleDouble One = new(DoubleDouble.One, DoubleDouble.Zero);

    public bool IsZero => Re.IsZero && Im.IsZero;

    public static implicit operator ComplexDoubleDouble(double x) => new(x, DoubleDouble.Zero);

    public static implicit operator ComplexDoubleDouble(DoubleDouble x) => new(x, DoubleDouble.Zero);

    public static implicit operator ComplexDoubleDouble(Complex z) => new(z.Real, z.Imaginary);

    /// <summary>The nearest <see cref="Complex"/> (part by part).</summary>
    public Complex ToComplex() => new(Re.ToDouble(), Im.ToDouble());

    public override string ToString() => $"({Re}) + i({Im})";

    public static ComplexDoubleDouble operator -(ComplexDoubleDouble x) => new(-x.Re, -x.Im);

    public static ComplexDoubleDouble operator +(ComplexDoubleDouble x, ComplexDoubleDouble y) => new(x.Re + y.Re, x.Im + y.Im);

    public static ComplexDoubleDouble operator -(ComplexDoubleDouble x, ComplexDoubleDouble y) => new(x.Re - y.Re, x.Im - y.Im);

    /// <summary>(a + ib)(c + id) = (ac − bd) + i(ad + bc); products with a zero part are skipped (exact either way).</summary>
    public static ComplexDoubleDouble operator *(ComplexDoubleDouble x, ComplexDoubleDouble y)
    {
        if (x.Im.IsZero && y.Im.IsZero)
            return new ComplexDoubleDouble(x.Re * y.Re, DoubleDouble.Zero);
        return new ComplexDoubleDouble(x.Re * y.Re - x.Im * y.Im, x.Re * y.Im + x.Im * y.Re);
    }

    public static ComplexDoubleDouble operator *(ComplexDoubleDouble x, DoubleDouble y) => new(x.Re * y, x.Im * y);

    public static ComplexDoubleDouble operator /(ComplexDoubleDouble x, DoubleDouble y) => new(x.Re / y, x.Im / y);

    /// <summary>x/y = x·conj(y)/|y|² (no scaling: the tests' values are far from overflow).</summary>
    public static ComplexDoubleDouble operator /(ComplexDoubleDouble x, ComplexDoubleDouble y)
    {
        if (y.Im.IsZero)
            return new ComplexDoubleDouble(x.Re / y.Re, x.Im / y.Re);
        DoubleDouble d = y.AbsSquared;
        ComplexDoubleDouble p = x * Conjugate(y);
        return new ComplexDoubleDouble(p.Re / d, p.Im / d);
    }

    public static ComplexDoubleDouble Conjugate(ComplexDoubleDouble x) => new(x.Re, -x.Im);

    public static ComplexDoubleDouble ScaleB(ComplexDoubleDouble x, int k) => new(DoubleDouble.ScaleB(x.Re, k), DoubleDouble.ScaleB(x.Im, k));

    /// <summary>|z| in double (from the high parts; used for norms and for choosing the scaling only).</summary>
    public double Magnitude => Complex.Abs(new Complex(Re.Hi, Im.Hi));

    /// <summary>e^z = e^(Re z)·(cos Im z + i sin Im z) (see <see cref="DoubleDouble.Exp"/> and <see cref="DoubleDouble.CosSin"/>).</summary>
    public static ComplexDoubleDouble Exp(ComplexDoubleDouble z)
    {
        DoubleDouble r = DoubleDouble.Exp(z.Re);
        if (z.Im.IsZero)
            return new ComplexDoubleDouble(r, DoubleDouble.Zero);
        (DoubleDouble c, DoubleDouble s) = DoubleDouble.CosSin(z.Im);
        return new ComplexDoubleDouble(r * c, r * s);
    }

    /// <summary>|z|² in double-double.</summary>
    public DoubleDouble AbsSquared => Re * Re + Im * Im;

    /// <summary>
    /// The principal square root (Re ≥ 0; on the negative real axis +i√|z|, the branch of <see cref="Complex.Sqrt"/>
    /// for a +0 imaginary part): two Newton steps w ← (w + z/w)/2 from the double root.
    /// </summary>
    public static ComplexDoubleDouble Sqrt(ComplexDoubleDouble z)
    {
        if (z.IsZero)
            return Zero;
        ComplexDoubleDouble w = Complex.Sqrt(new Complex(z.Re.Hi, z.Im.Hi == 0 ? 0.0 : z.Im.Hi));
        for (int k = 0; k < 2; k++)
            w = (w + z / w) * (DoubleDouble)0.5;
        return w;
    }

    /// <summary>
    /// The principal logarithm ln|z| + i·arg z, arg z ∈ (−π, π] (+π on the negative real axis, also for a −0
    /// imaginary part, as the runtime's Logm does): ln|z| = ln(|z|²)/2 by <see cref="DoubleDouble.Log"/>, and the
    /// argument by two Newton steps θ ← θ + (Im z·cos θ − Re z·sin θ)/|z| from the double atan2.
    /// </summary>
    public static ComplexDoubleDouble Log(ComplexDoubleDouble z)
    {
        if (z.IsZero)
            throw new ArgumentOutOfRangeException(nameof(z), "log 0");
        DoubleDouble r2 = z.AbsSquared;
        DoubleDouble re = DoubleDouble.Log(r2) * 0.5;
        if (z.Im.IsZero)
            return new ComplexDoubleDouble(re, z.Re.Hi > 0 ? DoubleDouble.Zero : DoubleDouble.Pi);
        DoubleDouble r = DoubleDouble.Sqrt(r2);
        DoubleDouble theta = Math.Atan2(z.Im.Hi, z.Re.Hi);
        for (int k = 0; k < 2; k++)
        {
            (DoubleDouble c, DoubleDouble s) = DoubleDouble.CosSin(theta);
            theta += (z.Im * c - z.Re * s) / r;
        }
        return new ComplexDoubleDouble(re, theta);
    }
}
