using System;
using System.ComponentModel;
using System.Numerics;

namespace Diff;

/// <summary>
/// Assembles the Jacobian of one output with respect to one input for generated <c>{F}Jacobian</c> members: an
/// array of shape <c>S ++ P</c> (output shape, then input shape), filled column by column from forward sweeps (one
/// per input element) or row by row from reverse sweeps (one per output element, two for a complex output).
/// </summary>
/// <remarks>Generated code is its only intended user.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JacobianBuilder
{
    private readonly int[] _output;
    private readonly int[] _input;
    private readonly double[]? _real;
    private readonly Complex[]? _complex;

    /// <summary>A Jacobian of an output of shape <paramref name="output"/> with respect to an input of shape <paramref name="input"/>.</summary>
    /// <param name="output">The output's shape (empty for a scalar).</param>
    /// <param name="complex">Whether the output is complex.</param>
    /// <param name="input">The input's shape (empty for a scalar).</param>
    public JacobianBuilder(int[] output, bool complex, int[] input)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        _output = output;
        _input = input;
        Outputs = Shapes.Product(output);
        Inputs = Shapes.Product(input);
        if (complex)
        {
            _complex = new Complex[Outputs * Inputs];
        }
        else
        {
            _real = new double[Outputs * Inputs];
        }
    }

    /// <summary>The number of output elements (rows).</summary>
    public int Outputs { get; }

    /// <summary>The number of input elements (columns).</summary>
    public int Inputs { get; }

    /// <summary>The shape of a scalar: <c>[]</c>.</summary>
    public static int[] ShapeOf(double value) => [];

    /// <summary>The shape of a scalar: <c>[]</c>.</summary>
    public static int[] ShapeOf(Complex value) => [];

    /// <summary>The tensor's shape.</summary>
    public static int[] ShapeOf(Tensor value) => value.Shape;

    /// <summary>The tensor's shape.</summary>
    public static int[] ShapeOf(ComplexTensor value) => value.Shape;

    /// <summary>An array is a rank-1 tensor: <c>[Length]</c>.</summary>
    public static int[] ShapeOf(double[] value) => [value.Length];

    /// <summary>The direction of input element <paramref name="k"/> of a tensor input: one there, zero elsewhere.</summary>
    public static Tensor Direction(Tensor like, int k) => Tensor.Unit(like.ShapeRef, k, 1.0);

    /// <summary>The direction of element <paramref name="k"/> of an array input: one there, zero elsewhere.</summary>
    public static double[] Direction(double[] like, int k)
    {
        var direction = new double[like.Length];
        direction[k] = 1.0;
        return direction;
    }

    /// <summary>The seed of output element <paramref name="k"/>: <paramref name="unit"/> there, zero elsewhere.</summary>
    public static Tensor Seed(Tensor value, int k, double unit = 1.0) => Tensor.Unit(value.ShapeRef, k, unit);

    /// <summary>The seed of output element <paramref name="k"/>: <paramref name="unit"/> (1 or i) there, zero elsewhere.</summary>
    public static ComplexTensor Seed(ComplexTensor value, int k, Complex unit) => ComplexTensor.Unit(value.ShapeRef, k, unit);

    /// <summary>Column <paramref name="k"/> from a forward sweep whose tangent is a real scalar.</summary>
    public void SetColumn(int k, double tangent) => Set(0, k, tangent);

    /// <summary>Column <paramref name="k"/> from a forward sweep whose tangent is a complex scalar.</summary>
    public void SetColumn(int k, Complex tangent) => Set(0, k, tangent);

    /// <summary>Column <paramref name="k"/> from a forward sweep whose tangent is a tensor of the output's shape.</summary>
    public void SetColumn(int k, Tensor tangent)
    {
        var data = Checked(tangent.ShapeRef, tangent.Data);
        for (var s = 0; s < data.Length; s++)
        {
            Set(s, k, data[s]);
        }
    }

    /// <summary>Column <paramref name="k"/> from a forward sweep whose tangent is a complex tensor of the output's shape.</summary>
    public void SetColumn(int k, ComplexTensor tangent)
    {
        var data = Checked(tangent.ShapeRef, tangent.Data);
        for (var s = 0; s < data.Length; s++)
        {
            Set(s, k, data[s]);
        }
    }

    /// <summary>Row <paramref name="s"/> from a reverse sweep: the adjoint of a real scalar input.</summary>
    public void SetRow(int s, double adjoint) => Set(s, 0, adjoint);

    /// <summary>Row <paramref name="s"/> from a reverse sweep: the adjoint of a tensor input.</summary>
    public void SetRow(int s, Tensor adjoint) => SetRow(s, adjoint.Data);

    /// <summary>Row <paramref name="s"/> from a reverse sweep: the adjoint of an array input.</summary>
    public void SetRow(int s, double[] adjoint)
    {
        if (adjoint.Length != Inputs)
        {
            throw new ArgumentException($"An adjoint of {adjoint.Length} elements does not fit an input of {Inputs}.", nameof(adjoint));
        }

        for (var k = 0; k < adjoint.Length; k++)
        {
            Set(s, k, adjoint[k]);
        }
    }

    /// <summary>Row <paramref name="s"/> of a complex output from the adjoints for the seeds 1 and i: ∂Re/∂x + i·∂Im/∂x.</summary>
    public void SetRow(int s, double real, double imaginary) => Set(s, 0, new Complex(real, imaginary));

    /// <summary>Row <paramref name="s"/> of a complex output from the adjoints for the seeds 1 and i.</summary>
    public void SetRow(int s, Tensor real, Tensor imaginary) => SetRow(s, real.Data, imaginary.Data);

    /// <summary>Row <paramref name="s"/> of a complex output from the adjoints for the seeds 1 and i.</summary>
    public void SetRow(int s, double[] real, double[] imaginary)
    {
        for (var k = 0; k < real.Length; k++)
        {
            Set(s, k, new Complex(real[k], imaginary[k]));
        }
    }

    /// <summary>The Jacobian of a real scalar output with respect to a real scalar input.</summary>
    public double ToDouble() => _real![0];

    /// <summary>The Jacobian of a complex scalar output with respect to a real scalar input.</summary>
    public Complex ToComplex() => _complex![0];

    /// <summary>The Jacobian of a real output, of shape output ++ input.</summary>
    public Tensor ToTensor() => new(_real!, [.. _output, .. _input]);

    /// <summary>The Jacobian of a complex output, of shape output ++ input.</summary>
    public ComplexTensor ToComplexTensor() => new(_complex!, [.. _output, .. _input]);

    private T[] Checked<T>(int[] shape, T[] data)
    {
        if (data.Length != Outputs)
        {
            throw new ArgumentException($"A tangent of shape {Shapes.Format(shape)} does not fit an output of shape {Shapes.Format(_output)}.");
        }

        return data;
    }

    private void Set(int s, int k, double value)
    {
        if (_real is not null)
        {
            _real[s * Inputs + k] = value;
        }
        else
        {
            _complex![s * Inputs + k] = value;
        }
    }

    private void Set(int s, int k, Complex value) => _complex![s * Inputs + k] = value;
}
