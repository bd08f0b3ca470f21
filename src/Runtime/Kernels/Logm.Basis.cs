using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The structure tests of <see cref="Logm"/>'s input (triangular, real) and the change to and from the basis of its
/// Schur vectors, Qᴴ·M·Q and Q·M·Qᴴ, shared by the value and every Fréchet derivative.
/// </summary>
internal sealed partial class Logm
{
    private static bool IsUpperTriangular(ReadOnlySpan<Complex> a, int n)
    {
        for (int i = 1; i < n; i++)
            for (int j = 0; j < i; j++)
                if (a[i * n + j] != Complex.Zero)
                    return false;
        return true;
    }

    private static bool IsLowerTriangular(ReadOnlySpan<Complex> a, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (a[i * n + j] != Complex.Zero)
                    return false;
        return true;
    }

    private static bool IsReal(ReadOnlySpan<Complex> a)
    {
        foreach (Complex z in a)
            if (z.Imaginary != 0)
                return false;
        return true;
    }

    private static bool IsDiagonal(Complex[] t, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (t[i * n + j] != Complex.Zero)
                    return false;
        return true;
    }

    /// <summary>Qᴴ·M·Q (M itself when A was triangular and Q = I).</summary>
    private Complex[] ToSchurBasis(ReadOnlySpan<Complex> m)
    {
        int n = _n;
        if (_q.Length == 0)
            return m.Slice(0, n * n).ToArray();
        var mq = new Complex[n * n];
        Gemm.Multiply(m, _q, mq, n, n, n);
        var result = new Complex[n * n];
        Gemm.Multiply(QConjugateTransposed, mq, result, n, n, n);
        return result;
    }

    /// <summary>Q·M·Qᴴ (a copy of M when Q = I).</summary>
    private Complex[] FromSchurBasis(Complex[] m)
    {
        int n = _n;
        if (_q.Length == 0)
            return (Complex[])m.Clone();
        var qm = new Complex[n * n];
        Gemm.Multiply(_q, m, qm, n, n, n);
        var result = new Complex[n * n];
        Gemm.Multiply(qm, QConjugateTransposed, result, n, n, n);
        return result;
    }

    /// <summary>Qᴴ, formed once and shared by the value and every derivative.</summary>
    private Complex[] QConjugateTransposed => _qh ??= ConjugateTranspose(_q, _n);

    private static Complex[] ConjugateTranspose(ReadOnlySpan<Complex> m, int n)
    {
        var result = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result[j * n + i] = Complex.Conjugate(m[i * n + j]);
        return result;
    }
}
