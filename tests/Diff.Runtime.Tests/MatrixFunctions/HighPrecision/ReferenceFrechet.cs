using System;
using System.Numerics;
using static Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ReferenceExpm;
using CDD = Diff.Runtime.Tests.MatrixFunctions.HighPrecision.ComplexDoubleDouble;

namespace Diff.Runtime.Tests.MatrixFunctions.HighPrecision;

/// <summary>
/// What the references of e^A and log A share: the Fréchet derivative of a primary matrix function from the 2n×2n
/// block matrix, and a lower bound on its relative condition number by the power method.
/// </summary>
internal static class ReferenceFrechet
{
    /// <summary>
    /// L_f(A, E) = d/dt f(A + tE) at t = 0 as the upper right n×n block of f([[A, 2⁻ᵗE], [0, A]]) times 2ᵗ (Higham,
    /// Functions of Matrices, 2008, Thm 3.6), with 2^<paramref name="t"/> exact. The caller picks t so that the block is
    /// neither swamped by nor swamps f(A); the identity holds for any t.
    /// </summary>
    public static CDD[] Block(Func<CDD[], int, CDD[]> f, CDD[] a, CDD[] e, int n, int t)
    {
        var result = new CDD[n * n];
        Array.Fill(result, CDD.Zero);
        int b = 2 * n;
        var block = new CDD[b * b];
        Array.Fill(block, CDD.Zero);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                block[i * b + j] = a[i * n + j];
                block[(n + i) * b + n + j] = a[i * n + j];
                block[i * b + n + j] = CDD.ScaleB(e[i * n + j], -t);
            }
        }
        CDD[] big = f(block, b);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result[i * n + j] = CDD.ScaleB(big[i * b + n + j], t);
        return result;
    }

    /// <summary>
    /// A lower bound on κ_f(A) = ‖L_f(A)‖_F·‖A‖_F/‖f(A)‖_F (Higham 2008, Thm 3.1) by the power method on L*L, with
    /// L_f(A)* = L_f(Aᴴ) (true where f(Aᴴ) = f(A)ᴴ), from a fixed pseudo-random start (<paramref name="seed"/>). A lower
    /// bound makes a tolerance built on it stricter, never looser.
    /// </summary>
    public static double Condition(Func<CDD[], CDD[], int, CDD[]> frechet, CDD[] a, int n, CDD[] fA, int seed, int iterations)
    {
        var random = new Random(seed + n);
        var e = new CDD[n * n];
        for (int i = 0; i < e.Length; i++)
            e[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        CDD[] ah = ConjugateTranspose(a, n);
        double gain = 0;
        for (int it = 0; it < iterations; it++)
        {
            double ne = FrobeniusNorm(e);
            CDD[] z = frechet(a, e, n);
            gain = Math.Max(gain, FrobeniusNorm(z) / ne);
            e = frechet(ah, z, n);
            double scale = FrobeniusNorm(e);
            if (scale == 0)
                break;
            int k = -Math.ILogB(scale);
            e = Array.ConvertAll(e, v => CDD.ScaleB(v, k));
        }
        return gain * FrobeniusNorm(a) / FrobeniusNorm(fA);
    }
}
