using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace Diff.Kernels;

/// <summary>
/// The elementwise binary operations that <see cref="Broadcast"/> applies run by run, one struct per operation and
/// operand types, so that each broadcast loop is compiled for its operation with direct (inlinable) calls. Real runs go
/// to <see cref="TensorPrimitives"/>, complex and mixed ones to <see cref="Elementwise"/>.
/// </summary>
internal static class BinaryOps
{
    /// <summary>a + b, real.</summary>
    public readonly struct Add : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => a + b;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Add(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Add(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Add(b, a, r);
    }

    /// <summary>a − b, real.</summary>
    public readonly struct Subtract : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => a - b;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Subtract(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Subtract(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Subtract(a, b, r);
    }

    /// <summary>a·b, real.</summary>
    public readonly struct Multiply : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => a * b;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Multiply(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Multiply(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Multiply(b, a, r);
    }

    /// <summary>a / b, real.</summary>
    public readonly struct Divide : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => a / b;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Divide(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Divide(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Divide(a, b, r);
    }

    /// <summary>max(a, b), real (NaN if either is NaN, +0 above −0, as IEEE 754-2019 maximum).</summary>
    public readonly struct Maximum : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => Math.Max(a, b);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Max(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Max(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Max(b, a, r);
    }

    /// <summary>min(a, b), real (NaN if either is NaN, −0 below +0, as IEEE 754-2019 minimum).</summary>
    public readonly struct Minimum : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => Math.Min(a, b);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Min(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r) => TensorPrimitives.Min(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r) => TensorPrimitives.Min(b, a, r);
    }

    /// <summary>a + b, complex.</summary>
    public readonly struct ComplexAdd : IBinarySpanOp<Complex, Complex, Complex>
    {
        public static Complex One(Complex a, Complex b) => a + b;

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Add(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, Complex b, Span<Complex> r) => Elementwise.Add(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Add(b, a, r);
    }

    /// <summary>a − b, complex.</summary>
    public readonly struct ComplexSubtract : IBinarySpanOp<Complex, Complex, Complex>
    {
        public static Complex One(Complex a, Complex b) => a - b;

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Subtract(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, Complex b, Span<Complex> r) => Elementwise.Add(a, -b, r);

        public static void RightRun(Complex a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.SubtractFrom(a, b, r);
    }

    /// <summary>a·b, complex.</summary>
    public readonly struct ComplexMultiply : IBinarySpanOp<Complex, Complex, Complex>
    {
        public static Complex One(Complex a, Complex b) => a * b;

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Multiply(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, Complex b, Span<Complex> r) => Elementwise.Multiply(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Multiply(b, a, r);
    }

    /// <summary>a / b, complex.</summary>
    public readonly struct ComplexDivide : IBinarySpanOp<Complex, Complex, Complex>
    {
        public static Complex One(Complex a, Complex b) => a / b;

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, Complex b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.DivideInto(a, b, r);
    }

    /// <summary>a + b, complex a and real b.</summary>
    public readonly struct ComplexRealAdd : IBinarySpanOp<Complex, double, Complex>
    {
        public static Complex One(Complex a, double b) => new(a.Real + b, a.Imaginary);

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Add(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, double b, Span<Complex> r) => Elementwise.Add(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Add(b, a, r);
    }

    /// <summary>a − b, complex a and real b.</summary>
    public readonly struct ComplexRealSubtract : IBinarySpanOp<Complex, double, Complex>
    {
        public static Complex One(Complex a, double b) => new(a.Real - b, a.Imaginary);

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Subtract(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, double b, Span<Complex> r) => Elementwise.Add(a, -b, r);

        public static void RightRun(Complex a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.SubtractFrom(a, b, r);
    }

    /// <summary>a·b, complex a and real b.</summary>
    public readonly struct ComplexRealMultiply : IBinarySpanOp<Complex, double, Complex>
    {
        public static Complex One(Complex a, double b) => new(a.Real * b, a.Imaginary * b);

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Multiply(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, double b, Span<Complex> r) => Elementwise.Scale(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Multiply(b, a, r);
    }

    /// <summary>a / b, complex a and real b (each part divided, as numpy does).</summary>
    public readonly struct ComplexRealDivide : IBinarySpanOp<Complex, double, Complex>
    {
        public static Complex One(Complex a, double b) => new(a.Real / b, a.Imaginary / b);

        public static void Both(ReadOnlySpan<Complex> a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void LeftRun(ReadOnlySpan<Complex> a, double b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void RightRun(Complex a, ReadOnlySpan<double> b, Span<Complex> r) => Elementwise.DivideInto(a, b, r);
    }

    /// <summary>a + b, real a and complex b.</summary>
    public readonly struct RealComplexAdd : IBinarySpanOp<double, Complex, Complex>
    {
        public static Complex One(double a, Complex b) => new(a + b.Real, b.Imaginary);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Add(b, a, r);

        public static void LeftRun(ReadOnlySpan<double> a, Complex b, Span<Complex> r) => Elementwise.Add(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Add(b, a, r);
    }

    /// <summary>a − b, real a and complex b.</summary>
    public readonly struct RealComplexSubtract : IBinarySpanOp<double, Complex, Complex>
    {
        public static Complex One(double a, Complex b) => new(a - b.Real, -b.Imaginary);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Subtract(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, Complex b, Span<Complex> r) => Elementwise.Add(a, -b, r);

        public static void RightRun(double a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.SubtractFrom(a, b, r);
    }

    /// <summary>a·b, real a and complex b.</summary>
    public readonly struct RealComplexMultiply : IBinarySpanOp<double, Complex, Complex>
    {
        public static Complex One(double a, Complex b) => new(a * b.Real, a * b.Imaginary);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Multiply(b, a, r);

        public static void LeftRun(ReadOnlySpan<double> a, Complex b, Span<Complex> r) => Elementwise.Multiply(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Scale(b, a, r);
    }

    /// <summary>a / b, real a and complex b.</summary>
    public readonly struct RealComplexDivide : IBinarySpanOp<double, Complex, Complex>
    {
        public static Complex One(double a, Complex b) => new Complex(a, 0) / b;

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void LeftRun(ReadOnlySpan<double> a, Complex b, Span<Complex> r) => Elementwise.Divide(a, b, r);

        public static void RightRun(double a, ReadOnlySpan<Complex> b, Span<Complex> r) => Elementwise.DivideInto(new Complex(a, 0), b, r);
    }

    /// <summary>
    /// The share of the derivative of max(a, b) that goes to a: 1 where a &gt; b, 0 where a &lt; b, ½ at a tie (and
    /// where either is NaN), so that a tie splits the derivative evenly, as JAX and PyTorch do.
    /// </summary>
    public readonly struct MaximumShare : IBinarySpanOp<double, double, double>
    {
        public static double One(double a, double b) => Share(a, b);

        public static void Both(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> r)
        {
            for (int i = 0; i < r.Length; i++)
                r[i] = Share(a[i], b[i]);
        }

        public static void LeftRun(ReadOnlySpan<double> a, double b, Span<double> r)
        {
            for (int i = 0; i < r.Length; i++)
                r[i] = Share(a[i], b);
        }

        public static void RightRun(double a, ReadOnlySpan<double> b, Span<double> r)
        {
            for (int i = 0; i < r.Length; i++)
                r[i] = Share(a, b[i]);
        }

        private static double Share(double a, double b) => a > b ? 1 : a < b ? 0 : 0.5;
    }
}
