using System;
using System.Numerics;

namespace Diff.Kernels;

/// <summary>
/// The LU factors PA = LU of a square matrix (<see cref="Lu.Factor{T}"/>, partial pivoting), kept for solves with A
/// and with Aᴴ and for the determinant. Solve, Inverse, Det, LogDet and SlogDet factor with this: the runtime's LU
/// measured faster than MathNet's at every order from 4 to 256 (LinearAlgebraBenchmarks; MathNet's managed LU works
/// column by column on its column-major storage and copies the matrix in and out of it).
/// </summary>
internal sealed class LuFactors<T> where T : unmanaged, INumberBase<T>
{
    private LuFactors(T[] lu, int[] pivots, int n, bool singular)
    {
        Factors = lu;
        Pivots = pivots;
        Order = n;
        Singular = singular;
    }

    /// <summary>L below the diagonal (unit diagonal implied) and U on and above it, row-major.</summary>
    public T[] Factors { get; }

    /// <summary>Row k was swapped with row Pivots[k] at step k.</summary>
    public int[] Pivots { get; }

    /// <summary>The order n.</summary>
    public int Order { get; }

    /// <summary>Whether a pivot was exactly zero: A is singular and the factors are incomplete.</summary>
    public bool Singular { get; }

    /// <summary>Factors a copy of the n×n row-major <paramref name="a"/>.</summary>
    public static LuFactors<T> Of(ReadOnlySpan<T> a, int n)
    {
        T[] lu = a.ToArray();
        var pivots = new int[n];
        bool ok = Lu.Factor<T>(lu, pivots, n);
        return new LuFactors<T>(lu, pivots, n, !ok);
    }

    /// <summary>X = A⁻¹·B for the n×<paramref name="columns"/> row-major B (A must be nonsingular).</summary>
    public T[] Solve(ReadOnlySpan<T> b, int columns)
    {
        T[] x = b.ToArray();
        Lu.Solve<T>(Factors, Pivots, x, Order, columns);
        return x;
    }

    /// <summary>A⁻¹ (A must be nonsingular).</summary>
    public T[] Inverse()
    {
        int n = Order;
        var x = new T[n * n];
        for (int i = 0; i < n; i++)
            x[i * n + i] = T.One;
        Lu.Solve<T>(Factors, Pivots, x, n, n);
        return x;
    }

    /// <summary>
    /// Y = A⁻ᴴ·B from the same factors: with A = PᵀLU, Aᴴ = Uᴴ·Lᴴ·P, so Uᴴ·Z = B (forward substitution),
    /// Lᴴ·W = Z (back substitution, unit diagonal), Y = Pᵀ·W (the swaps undone in reverse order). Each step is a row
    /// update y −= α·x over contiguous rows of the factors (Golub &amp; Van Loan, 4th ed., §3.1 and §3.4.8).
    /// </summary>
    public T[] SolveAdjoint(ReadOnlySpan<T> b, int columns)
    {
        int n = Order;
        T[] y = b.ToArray();
        Span<T> ys = y;
        ReadOnlySpan<T> lu = Factors;
        for (int j = 0; j < n; j++)
        {
            Span<T> row = ys.Slice(j * columns, columns);
            T inverse = T.One / DenseMatrix.Conj(lu[j * n + j]);
            for (int c = 0; c < columns; c++)
                row[c] *= inverse;
            for (int i = j + 1; i < n; i++)
            {
                T u = lu[j * n + i];
                if (u != T.Zero)
                    Lu.Axpy(-DenseMatrix.Conj(u), row, ys.Slice(i * columns, columns));
            }
        }
        for (int j = n - 1; j >= 0; j--)
        {
            ReadOnlySpan<T> row = ys.Slice(j * columns, columns);
            for (int i = 0; i < j; i++)
            {
                T l = lu[j * n + i];
                if (l != T.Zero)
                    Lu.Axpy(-DenseMatrix.Conj(l), row, ys.Slice(i * columns, columns));
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            int p = Pivots[k];
            if (p != k)
            {
                Span<T> rowK = ys.Slice(k * columns, columns), rowP = ys.Slice(p * columns, columns);
                for (int c = 0; c < columns; c++)
                    (rowK[c], rowP[c]) = (rowP[c], rowK[c]);
            }
        }
        return y;
    }

    /// <summary>det A = (−1)^swaps·Π uᵢᵢ (zero where a pivot was zero).</summary>
    public T Determinant()
    {
        if (Singular)
            return T.Zero;
        T d = T.One;
        for (int k = 0; k < Order; k++)
        {
            d *= Factors[k * Order + k];
            if (Pivots[k] != k)
                d = -d;
        }
        return d;
    }

    /// <summary>
    /// det A as a unit-modulus sign (±1 for real A, e^{iθ} for complex; 0 when singular) and log |det A| (−∞ when
    /// singular), summing log |uᵢᵢ| so that neither overflows where the determinant would.
    /// </summary>
    public (T Sign, double LogAbs) SignAndLogAbs()
    {
        if (Singular)
            return (T.Zero, double.NegativeInfinity);
        T sign = T.One;
        double logAbs = 0;
        for (int k = 0; k < Order; k++)
        {
            T u = Factors[k * Order + k];
            double re = DenseMatrix.Re(u), im = DenseMatrix.Im(u);
            double abs = typeof(T) == typeof(Complex) ? Complex.Abs(new Complex(re, im)) : Math.Abs(re);
            logAbs += Math.Log(abs);
            sign *= DenseMatrix.Make<T>(re / abs, im / abs);
            if (Pivots[k] != k)
                sign = -sign;
        }
        if (typeof(T) == typeof(Complex))
        {
            // Renormalise the product of unit numbers, which drifts by rounding.
            double re = DenseMatrix.Re(sign), im = DenseMatrix.Im(sign), abs = Complex.Abs(new Complex(re, im));
            sign = DenseMatrix.Make<T>(re / abs, im / abs);
        }
        return (sign, logAbs);
    }
}
