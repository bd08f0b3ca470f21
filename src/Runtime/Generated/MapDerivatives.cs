using System;
using System.ComponentModel;
using System.Numerics;

namespace Diff;

/// <summary>
/// The derivatives of <see cref="Ops.Map(Tensor, Func{double, double})"/> for generated code: the generator
/// differentiates the element function itself (a lambda or a method group) and maps its tangent or adjoint over
/// the elements, so no closure is recorded and nothing is approximated.
/// </summary>
/// <remarks>Generated code is its only intended user.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MapDerivatives
{
    /// <summary>The map and its tangent: <c>(y, dy)ₖ = tangent(aₖ, daₖ)</c>.</summary>
    /// <exception cref="ArgumentException">The tangent's shape differs from the tensor's.</exception>
    public static (Tensor Value, Tensor Tangent) Tangent(Tensor a, Tensor da, Func<double, double, (double Value, double Tangent)> tangent)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(da);
        ArgumentNullException.ThrowIfNull(tangent);
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, "Map tangent");
        var x = a.Data;
        var dx = da.Data;
        var y = new double[x.Length];
        var dy = new double[x.Length];
        for (var k = 0; k < x.Length; k++)
        {
            (y[k], dy[k]) = tangent(x[k], dx[k]);
        }

        return (new Tensor(y, (int[])a.ShapeRef.Clone()), new Tensor(dy, (int[])a.ShapeRef.Clone()));
    }

    /// <summary>The adjoint of the map's argument: <c>āₖ = adjoint(aₖ, seedₖ)</c>'s second element.</summary>
    /// <exception cref="ArgumentException">The seed's shape differs from the tensor's.</exception>
    public static Tensor Adjoint(Tensor a, Tensor seed, Func<double, double, (double Value, double x)> adjoint)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(adjoint);
        Shapes.RequireSame(a.ShapeRef, seed.ShapeRef, "Map adjoint");
        var x = a.Data;
        var s = seed.Data;
        var bar = new double[x.Length];
        for (var k = 0; k < x.Length; k++)
        {
            bar[k] = adjoint(x[k], s[k]).x;
        }

        return new Tensor(bar, (int[])a.ShapeRef.Clone());
    }

    /// <summary>The complex map and its tangent: <c>(y, dy)ₖ = tangent(aₖ, daₖ)</c> (any element function, holomorphic or not).</summary>
    /// <exception cref="ArgumentException">The tangent's shape differs from the tensor's.</exception>
    public static (ComplexTensor Value, ComplexTensor Tangent) Tangent(ComplexTensor a, ComplexTensor da, Func<Complex, Complex, (Complex Value, Complex Tangent)> tangent)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(da);
        ArgumentNullException.ThrowIfNull(tangent);
        Shapes.RequireSame(a.ShapeRef, da.ShapeRef, "Map tangent");
        var x = a.Data;
        var dx = da.Data;
        var y = new Complex[x.Length];
        var dy = new Complex[x.Length];
        for (var k = 0; k < x.Length; k++)
        {
            (y[k], dy[k]) = tangent(x[k], dx[k]);
        }

        return (new ComplexTensor(y, (int[])a.ShapeRef.Clone()), new ComplexTensor(dy, (int[])a.ShapeRef.Clone()));
    }

    /// <summary>The adjoint of the complex map's argument: <c>āₖ = adjoint(aₖ, seedₖ)</c>'s second element.</summary>
    /// <exception cref="ArgumentException">The seed's shape differs from the tensor's.</exception>
    public static ComplexTensor Adjoint(ComplexTensor a, ComplexTensor seed, Func<Complex, Complex, (Complex Value, Complex z)> adjoint)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(adjoint);
        Shapes.RequireSame(a.ShapeRef, seed.ShapeRef, "Map adjoint");
        var x = a.Data;
        var s = seed.Data;
        var bar = new Complex[x.Length];
        for (var k = 0; k < x.Length; k++)
        {
            bar[k] = adjoint(x[k], s[k]).z;
        }

        return new ComplexTensor(bar, (int[])a.ShapeRef.Clone());
    }
}
