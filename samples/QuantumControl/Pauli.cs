using System.Numerics;
using Diff;

namespace QuantumControl;

/// <summary>The Pauli matrices and the Kronecker product that builds two-qubit operators from them.</summary>
/// <remarks>
/// Basis order: |0⟩, |1⟩ for one qubit with Z|0⟩ = |0⟩; |00⟩, |01⟩, |10⟩, |11⟩ for two, the first factor of a
/// Kronecker product acting on the first (left) qubit.
/// </remarks>
public static class Pauli
{
    /// <summary>The 2×2 identity.</summary>
    public static ComplexTensor I { get; } = Matrix2(1, 0, 0, 1);

    /// <summary>σx = [[0, 1], [1, 0]].</summary>
    public static ComplexTensor X { get; } = Matrix2(0, 1, 1, 0);

    /// <summary>σy = [[0, −i], [i, 0]].</summary>
    public static ComplexTensor Y { get; } = Matrix2(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    /// <summary>σz = [[1, 0], [0, −1]].</summary>
    public static ComplexTensor Z { get; } = Matrix2(1, 0, 0, -1);

    /// <summary>The Kronecker product a ⊗ b of two square matrices: (a ⊗ b)[i·m + k, j·m + l] = a[i, j]·b[k, l].</summary>
    public static ComplexTensor Kron(ComplexTensor a, ComplexTensor b)
    {
        int n = a.Shape[0], m = b.Shape[0];
        var product = new Complex[n * m, n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < m; k++)
                    for (int l = 0; l < m; l++)
                        product[i * m + k, j * m + l] = a[i, j] * b[k, l];
        return ComplexTensor.FromArray(product);
    }

    private static ComplexTensor Matrix2(Complex a, Complex b, Complex c, Complex d) => ComplexTensor.FromArray(new[,] { { a, b }, { c, d } });
}
