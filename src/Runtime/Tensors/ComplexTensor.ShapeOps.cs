using System;
using System.Numerics;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>
    /// The same elements under another shape with the same number of elements; at most one axis may
    /// be <c>-1</c> and is then inferred (numpy's <c>reshape</c>). The result shares the (immutable) storage.
    /// </summary>
    /// <exception cref="ArgumentException">The element counts differ, an axis is negative other than one -1, or -1 cannot be inferred.</exception>
    /// <param name="shape">The new lengths of the axes; one of them may be <c>-1</c>.</param>
    /// <returns>A tensor of the new shape over the same elements.</returns>
    public ComplexTensor Reshape(params int[] shape) => new(_data, Shapes.Reshaped(shape, _data.Length, _shape));

    /// <summary>The elements as a rank-1 tensor, in row-major order (shares the immutable storage).</summary>
    public ComplexTensor Flatten() => new(_data, [_data.Length]);

    /// <summary>The transpose (not conjugated) of a rank-2 tensor; a rank-0 or rank-1 tensor is returned as it is.</summary>
    /// <exception cref="ArgumentException">The tensor has rank 3 or more.</exception>
    public ComplexTensor Transpose() => Transposed(conjugate: false);

    /// <summary>The conjugate transpose (Hermitian adjoint) of a rank-2 tensor; of a rank-0 or rank-1 tensor, the conjugate.</summary>
    /// <exception cref="ArgumentException">The tensor has rank 3 or more.</exception>
    public ComplexTensor ConjugateTranspose() => Transposed(conjugate: true);

    /// <summary>The real parts, same shape.</summary>
    public Tensor Real()
    {
        var data = new double[_data.Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = _data[i].Real;
        return new Tensor(data, _shape);
    }

    /// <summary>The imaginary parts, same shape.</summary>
    public Tensor Imag()
    {
        var data = new double[_data.Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = _data[i].Imaginary;
        return new Tensor(data, _shape);
    }

    /// <summary>The elementwise complex conjugate, same shape.</summary>
    public ComplexTensor Conj()
    {
        var data = new Complex[_data.Length];
        for (int i = 0; i < data.Length; i++)
            data[i] = Complex.Conjugate(_data[i]);
        return new ComplexTensor(data, _shape);
    }

    private ComplexTensor Transposed(bool conjugate)
    {
        if (Rank < 2)
            return conjugate ? Conj() : this;
        RequireRank(2, conjugate ? nameof(ConjugateTranspose) : nameof(Transpose));
        int rows = _shape[0], cols = _shape[1];
        var data = new Complex[_data.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                Complex z = _data[i * cols + j];
                data[j * rows + i] = conjugate ? Complex.Conjugate(z) : z;
            }
        return new ComplexTensor(data, [cols, rows]);
    }
}
