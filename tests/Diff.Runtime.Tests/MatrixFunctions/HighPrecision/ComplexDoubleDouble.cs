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
}
