using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diff.Kernels;

/// <summary>
/// Generic dense building blocks for the matrix-function kernels (row-major spans): products through
/// <see cref="Gemm"/> (through <see cref="ExpmSmallGemm"/> for orders up to 16, where the call overhead
/// of a general kernel dominates), and linear combinations with real coefficients, which act on the real
/// components (<see cref="NormScalar.AsReals{T}(Span{T})"/>) and so vectorise for complex matrices too.
/// </summary>
internal static class Dense
{
    /// <summary>C (m×n) = A (m×k) · B (k×n). C must not overlap A or B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        if (ExpmSmallGemm.Applies(k, n))
            SmallProduct(a, b, c, m, k, n, accumulate: false);
        else if (typeof(T) == typeof(double))
            Gemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n);
        else if (typeof(T) == typeof(Complex))
            Gemm.Multiply(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>C (m×n) += A (m×k) · B (k×n). C must not overlap A or B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        if (ExpmSmallGemm.Applies(k, n))
            SmallProduct(a, b, c, m, k, n, accumulate: true);
        else if (typeof(T) == typeof(double))
            Gemm.MultiplyAdd(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n);
        else if (typeof(T) == typeof(Complex))
            Gemm.MultiplyAdd(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    private static void SmallProduct<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(double))
            ExpmSmallGemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n, accumulate);
        else if (typeof(T) == typeof(Complex))
            ExpmSmallGemm.Multiply(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b), MemoryMarshal.Cast<T, Complex>(c), m, k, n, accumulate);
        else
            throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>n×n: C = A·B.</summary>
    public static void Square<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n) where T : unmanaged, INumberBase<T> =>
        Multiply(a, b, c, n, n, n);

    /// <summary>
    /// n×n: C = A·B, and returns ‖C‖₁ (as <see cref="Norm.One{T}"/> computes it, to the last bit); for complex orders that
    /// <see cref="ExpmSmallGemm.FusesNorm"/> takes, the norm is formed inside the product (see
    /// <see cref="ExpmSmallGemm.SquareWithNorm"/>). The powers of Algorithm 6.1 all need their 1-norms.
    /// </summary>
    public static double SquareWithNorm<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(Complex) && ExpmSmallGemm.FusesNorm(n))
        {
            double norm = ExpmSmallGemm.SquareWithNorm(MemoryMarshal.Cast<T, Complex>(a), MemoryMarshal.Cast<T, Complex>(b),
                MemoryMarshal.Cast<T, Complex>(c), n);
            return norm is > 1e-140 and < 1e140 ? norm : Norm.One<T>(c, n);
        }
        Square(a, b, c, n);
        return Norm.One<T>(c, n);
    }

    /// <summary>n×n: C = A·B + B·A (the Fréchet derivative of a square-like product), C not overlapping A or B.</summary>
    public static void Anticommutator<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n) where T : unmanaged, INumberBase<T>
    {
        Multiply(a, b, c, n, n, n);
        MultiplyAdd(b, a, c, n, n, n);
    }

    /// <summary>y = α·x.</summary>
    public static void Scale<T>(double alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Multiply(NormScalar.AsReals(x), alpha, NormScalar.AsReals(y));

    /// <summary>y += α·x.</summary>
    public static void AddScaled<T>(double alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        Span<double> yr = NormScalar.AsReals(y);
        TensorPrimitives.MultiplyAdd(NormScalar.AsReals(x), alpha, yr, yr);
    }

    /// <summary>y = α·x + β·z + γ·w (z or w may be empty to drop its term; y may alias none of them).</summary>
    public static void Combine<T>(double alpha, ReadOnlySpan<T> x, double beta, ReadOnlySpan<T> z, double gamma, ReadOnlySpan<T> w, Span<T> y)
        where T : unmanaged, INumberBase<T> =>
        Combine(alpha, x, beta, z, gamma, w, 0, default, y);

    /// <summary>y = α·x + β·z + γ·w + δ·t in one pass (the trailing inputs may be empty to drop their terms; y may alias none of them).</summary>
    public static void Combine<T>(double alpha, ReadOnlySpan<T> x, double beta, ReadOnlySpan<T> z, double gamma, ReadOnlySpan<T> w,
        double delta, ReadOnlySpan<T> t, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        int terms = z.IsEmpty ? 1 : w.IsEmpty ? 2 : t.IsEmpty ? 3 : 4;
        Fused(terms, alpha, NormScalar.AsReals(x), beta, NormScalar.AsReals(z), gamma, NormScalar.AsReals(w), delta,
            NormScalar.AsReals(t), NormScalar.AsReals(y), accumulate: false);
    }

    /// <summary>y += α·x + β·z + γ·w, in one pass.</summary>
    public static void AddCombination<T>(double alpha, ReadOnlySpan<T> x, double beta, ReadOnlySpan<T> z, double gamma, ReadOnlySpan<T> w, Span<T> y)
        where T : unmanaged, INumberBase<T> =>
        Fused(3, alpha, NormScalar.AsReals(x), beta, NormScalar.AsReals(z), gamma, NormScalar.AsReals(w), 0, default,
            NormScalar.AsReals(y), accumulate: true);

    /// <summary>
    /// y = c₀x₀ + c₁x₁ + … over the first <paramref name="terms"/> inputs (added to y with <paramref name="accumulate"/>),
    /// term by term in that order as separate scale-and-add passes would, but reading and writing y once.
    /// </summary>
    private static unsafe void Fused(int terms, double c0, ReadOnlySpan<double> x0, double c1, ReadOnlySpan<double> x1,
        double c2, ReadOnlySpan<double> x2, double c3, ReadOnlySpan<double> x3, Span<double> y, bool accumulate)
    {
        int length = y.Length;
        fixed (double* p0 = x0, p1 = x1, p2 = x2, p3 = x3, py = y)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<double> v0 = Vector256.Create(c0), v1 = Vector256.Create(c1), v2 = Vector256.Create(c2), v3 = Vector256.Create(c3);
                for (; i + 4 <= length; i += 4)
                {
                    Vector256<double> acc = v0 * Vector256.Load(p0 + i);
                    if (accumulate)
                        acc = Vector256.Load(py + i) + acc;
                    if (terms > 1)
                        acc += v1 * Vector256.Load(p1 + i);
                    if (terms > 2)
                        acc += v2 * Vector256.Load(p2 + i);
                    if (terms > 3)
                        acc += v3 * Vector256.Load(p3 + i);
                    Vector256.Store(acc, py + i);
                }
            }
            for (; i < length; i++)
            {
                double acc = c0 * p0[i];
                if (accumulate)
                    acc = py[i] + acc;
                if (terms > 1)
                    acc += c1 * p1[i];
                if (terms > 2)
                    acc += c2 * p2[i];
                if (terms > 3)
                    acc += c3 * p3[i];
                py[i] = acc;
            }
        }
    }

    /// <summary>
    /// The two combinations y = Σ αₖxₖ and z = Σ βₖxₖ of the same first <paramref name="terms"/> (1 to 4) matrices
    /// x₀ … x₃ in one pass (unused trailing inputs may be empty), added to y and z with <paramref name="accumulate"/>: the even and odd parts of the Padé
    /// numerator are such pairs (W₁ and Z₁, then the rest of W and V, of Algorithm 6.4 of the Fréchet paper, or W and V
    /// for m &lt; 13), and one pass reads the powers once for both. Per entry the operations and their order are those of
    /// <see cref="Combine{T}(double, ReadOnlySpan{T}, double, ReadOnlySpan{T}, double, ReadOnlySpan{T}, double, ReadOnlySpan{T}, Span{T})"/> and
    /// <see cref="AddCombination{T}"/>, so the results are the same. (TensorPrimitives has no combination with two
    /// outputs; two of its calls would read the inputs twice, which is what this avoids.)
    /// </summary>
    public static unsafe void CombinePair<T>(int terms, ReadOnlySpan<T> x0, ReadOnlySpan<T> x1, ReadOnlySpan<T> x2, ReadOnlySpan<T> x3,
        ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, Span<T> y, Span<T> z, bool accumulate) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<double> r0 = NormScalar.AsReals(x0), r1 = NormScalar.AsReals(x1), r2 = NormScalar.AsReals(x2), r3 = NormScalar.AsReals(x3);
        Span<double> yr = NormScalar.AsReals(y), zr = NormScalar.AsReals(z);
        int length = yr.Length;
        double a0 = alpha[0], a1 = terms > 1 ? alpha[1] : 0, a2 = terms > 2 ? alpha[2] : 0, a3 = terms > 3 ? alpha[3] : 0;
        double b0 = beta[0], b1 = terms > 1 ? beta[1] : 0, b2 = terms > 2 ? beta[2] : 0, b3 = terms > 3 ? beta[3] : 0;
        fixed (double* p0 = r0, p1 = r1, p2 = r2, p3 = r3, py = yr, pz = zr)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<double> va0 = Vector256.Create(a0), va1 = Vector256.Create(a1), va2 = Vector256.Create(a2), va3 = Vector256.Create(a3);
                Vector256<double> vb0 = Vector256.Create(b0), vb1 = Vector256.Create(b1), vb2 = Vector256.Create(b2), vb3 = Vector256.Create(b3);
                for (; i + 4 <= length; i += 4)
                {
                    Vector256<double> u0 = Vector256.Load(p0 + i);
                    Vector256<double> accY = va0 * u0, accZ = vb0 * u0;
                    if (accumulate)
                    {
                        accY = Vector256.Load(py + i) + accY;
                        accZ = Vector256.Load(pz + i) + accZ;
                    }
                    if (terms > 1)
                    {
                        Vector256<double> u1 = Vector256.Load(p1 + i);
                        accY += va1 * u1;
                        accZ += vb1 * u1;
                    }
                    if (terms > 2)
                    {
                        Vector256<double> u2 = Vector256.Load(p2 + i);
                        accY += va2 * u2;
                        accZ += vb2 * u2;
                    }
                    if (terms > 3)
                    {
                        Vector256<double> u3 = Vector256.Load(p3 + i);
                        accY += va3 * u3;
                        accZ += vb3 * u3;
                    }
                    Vector256.Store(accY, py + i);
                    Vector256.Store(accZ, pz + i);
                }
            }
            for (; i < length; i++)
            {
                double accY = a0 * p0[i], accZ = b0 * p0[i];
                if (accumulate)
                {
                    accY = py[i] + accY;
                    accZ = pz[i] + accZ;
                }
                if (terms > 1)
                {
                    accY += a1 * p1[i];
                    accZ += b1 * p1[i];
                }
                if (terms > 2)
                {
                    accY += a2 * p2[i];
                    accZ += b2 * p2[i];
                }
                if (terms > 3)
                {
                    accY += a3 * p3[i];
                    accZ += b3 * p3[i];
                }
                py[i] = accY;
                pz[i] = accZ;
            }
        }
    }

    /// <summary>s = x + y and d = x − y in one pass (s and d may alias neither input).</summary>
    public static unsafe void SumAndDifference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> s, Span<T> d) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<double> xr = NormScalar.AsReals(x), yr = NormScalar.AsReals(y);
        Span<double> sr = NormScalar.AsReals(s), dr = NormScalar.AsReals(d);
        int length = xr.Length;
        fixed (double* px = xr, py = yr, ps = sr, pd = dr)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 4 <= length; i += 4)
                {
                    Vector256<double> a = Vector256.Load(px + i), b = Vector256.Load(py + i);
                    Vector256.Store(a + b, ps + i);
                    Vector256.Store(a - b, pd + i);
                }
            }
            for (; i < length; i++)
            {
                ps[i] = px[i] + py[i];
                pd[i] = px[i] - py[i];
            }
        }
    }

    /// <summary>Adds <paramref name="alpha"/> to each diagonal entry of the n×n matrix <paramref name="y"/>.</summary>
    public static void AddToDiagonal<T>(double alpha, Span<T> y, int n) where T : unmanaged, INumberBase<T>
    {
        T a = NormScalar.FromReal<T>(alpha);
        for (int i = 0; i < n; i++)
            y[i * n + i] += a;
    }

    /// <summary>z = x + y.</summary>
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Add(NormScalar.AsReals(x), NormScalar.AsReals(y), NormScalar.AsReals(z));

    /// <summary>z = x − y.</summary>
    public static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.Subtract(NormScalar.AsReals(x), NormScalar.AsReals(y), NormScalar.AsReals(z));

    /// <summary>y = xᴴ (conjugate transpose) of the n×n matrix x; y must not overlap x.</summary>
    public static void ConjugateTranspose<T>(ReadOnlySpan<T> x, Span<T> y, int n) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                y[j * n + i] = NormScalar.Conjugate(x[i * n + j]);
        }
    }
}
