using System;
using System.Collections.Generic;
using System.Numerics;
using Diff.Generator.Tests.Tensors.Harness;
using static Diff.Generator.Tests.Tensors.Harness.Values;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// The rows of the tensor battery: every <c>Ops</c> function, tensor member, indexer and operator (real, complex and
/// mixed) inside a [Differentiable] method <c>F</c>, with arguments drawn on random shapes.
/// </summary>
public static class OpsCases
{
    // Rows skipped because of a known bug, with the bug's id (none at present).
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal);

    /// <summary>All rows, by name.</summary>
    public static IReadOnlyDictionary<string, TensorCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The row names for xunit, skipped rows left out.</summary>
    public static IEnumerable<object[]> Names => All.Values.Where(c => c.Skip is null).Select(c => new object[] { c.Name }).OrderBy(n => (string)n[0], StringComparer.Ordinal);

    private static TensorCase Case(string name, string method, Func<Random, object[]> args, double fdStep = 1e-3) =>
        new(name, method, args, Skips.GetValueOrDefault(name), fdStep);

    private static IEnumerable<TensorCase> Build()
    {
        // ---- products ---------------------------------------------------------------------------------------
        yield return Case("MatMul", "Tensor F(Tensor a, Tensor b) => Ops.MatMul(a, b);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [T(r, m, k), T(r, k, n)]; });
        yield return Case("MatMulComplex", "ComplexTensor F(ComplexTensor a, ComplexTensor b) => Ops.MatMul(a, b);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [Z(r, m, k), Z(r, k, n)]; });
        yield return Case("MatMulRealComplex", "ComplexTensor F(Tensor a, ComplexTensor b) => Ops.MatMul(a, b);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [T(r, m, k), Z(r, k, n)]; });
        yield return Case("MatMulComplexReal", "ComplexTensor F(ComplexTensor a, Tensor b) => Ops.MatMul(a, b);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [Z(r, m, k), T(r, k, n)]; });
        yield return Case("DotVectorsToDouble", "double F(Tensor a, Tensor b) => Ops.Dot(a, b);",
            r => { int n = Dim(r, 2, 6); return [T(r, n), T(r, n)]; });
        yield return Case("DotVectorsToTensor", "Tensor F(Tensor a, Tensor b) => Ops.Dot(a, b);",
            r => { int n = Dim(r, 2, 6); return [T(r, n), T(r, n)]; });
        yield return Case("DotMatrixVector", "Tensor F(Tensor a, Tensor b) => Ops.Dot(a, b);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, n)]; });
        yield return Case("DotMatrixMatrix", "Tensor F(Tensor a, Tensor b) => Ops.Dot(a, b);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [T(r, m, k), T(r, k, n)]; });
        yield return Case("DotComplexVectors", "Complex F(ComplexTensor a, ComplexTensor b) => Ops.Dot(a, b);",
            r => { int n = Dim(r, 2, 6); return [Z(r, n), Z(r, n)]; });
        yield return Case("DotRealComplexMatrixVector", "ComplexTensor F(Tensor a, ComplexTensor b) => Ops.Dot(a, b);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), Z(r, n)]; });
        yield return Case("DotComplexRealVectors", "Complex F(ComplexTensor a, Tensor b) => Ops.Dot(a, b);",
            r => { int n = Dim(r, 2, 6); return [Z(r, n), T(r, n)]; });
        yield return Case("DotWithConstantVector", "double F(Tensor x) => Ops.Dot(x, Tensor.FromArray(new double[] { 5, 7 }));",
            r => [T(r, 2)]);
        yield return Case("TensorDotAxes1", "Tensor F(Tensor a, Tensor b) => Ops.TensorDot(a, b, 1);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [T(r, m, k), T(r, k, n)]; });
        yield return Case("TensorDotAxes1Rank3", "Tensor F(Tensor a, Tensor b) => Ops.TensorDot(a, b, 1);",
            r => { int p = Dim(r), q = Dim(r), k = Dim(r), n = Dim(r); return [T(r, p, q, k), T(r, k, n)]; });
        yield return Case("TensorDotAxes2Rank3", "Tensor F(Tensor a, Tensor b) => Ops.TensorDot(a, b, 2);",
            r => { int p = Dim(r), q = Dim(r), k = Dim(r), s = Dim(r); return [T(r, p, q, k), T(r, q, k, s)]; });
        yield return Case("TensorDotAxes2ToScalar", "double F(Tensor a, Tensor b) => Ops.TensorDot(a, b, 2);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, m, n)]; });
        yield return Case("TensorDotAxes0", "Tensor F(Tensor a, Tensor b) => Ops.TensorDot(a, b, 0);",
            r => [T(r, Dim(r)), T(r, Dim(r))]);
        yield return Case("TensorDotAxesParameter", "Tensor F(Tensor a, Tensor b, int axes) => Ops.TensorDot(a, b, axes);",
            r => { int p = Dim(r), q = Dim(r), k = Dim(r), s = Dim(r); return [T(r, p, q, k), T(r, q, k, s), 2]; });
        yield return Case("TensorDotComplexAxes2", "ComplexTensor F(ComplexTensor a, ComplexTensor b) => Ops.TensorDot(a, b, 2);",
            r => { int p = Dim(r), q = Dim(r), k = Dim(r), s = Dim(r); return [Z(r, p, q, k), Z(r, q, k, s)]; });
        yield return Case("TensorDotRealComplex", "ComplexTensor F(Tensor a, ComplexTensor b) => Ops.TensorDot(a, b, 1);",
            r => { int p = Dim(r), k = Dim(r), n = Dim(r); return [T(r, p, 2, k), Z(r, k, n)]; });
        yield return Case("TensorDotComplexReal", "ComplexTensor F(ComplexTensor a, Tensor b) => Ops.TensorDot(a, b, 1);",
            r => { int m = Dim(r), k = Dim(r), n = Dim(r); return [Z(r, m, k), T(r, k, n, 2)]; });

        // ---- reductions -------------------------------------------------------------------------------------
        yield return Case("Sum", "double F(Tensor a) => Ops.Sum(a);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("SumComplex", "Complex F(ComplexTensor a) => Ops.Sum(a);", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("Trace", "double F(Tensor a) => Ops.Trace(a);", r => { int n = Dim(r); return [T(r, n, n)]; });
        yield return Case("TraceComplex", "Complex F(ComplexTensor a) => Ops.Trace(a);", r => { int n = Dim(r); return [Z(r, n, n)]; });
        yield return Case("SumOfSinTimes", "double F(Tensor a) => Ops.Sum(Ops.Sin(a) * a);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("TraceOfProduct", "Complex F(ComplexTensor a, Tensor b) => Ops.Trace(Ops.MatMul(a, b)) * Ops.Sum(b);",
            r => { int n = Dim(r); return [Z(r, n, n), T(r, n, n)]; });

        // ---- elementwise, real ------------------------------------------------------------------------------
        foreach (string f in new[] { "Exp", "Sin", "Cos", "Tanh" })
            yield return Case(f, $"Tensor F(Tensor a) => Ops.{f}(a);", r => [T(r, Dim(r), Dim(r))]);
        foreach (string f in new[] { "Log", "Sqrt" })
            yield return Case(f, $"Tensor F(Tensor a) => Ops.{f}(a);", r => [T(r, 0.5, 2, Dim(r), Dim(r))]);
        yield return Case("Abs", "Tensor F(Tensor a) => Ops.Abs(a);", r => [T(r, 0.3, 1, Dim(r), Dim(r)) * T(r, 0.3, 1, 1).ToArray()[0] * -1.0]);
        yield return Case("AbsMixedSigns", "Tensor F(Tensor a) => Ops.Abs(a - 0.05);", r => [Tensor.FromArray(new[] { -0.8, 0.5, -0.3, 0.9 })]);
        yield return Case("Pow", "Tensor F(Tensor a) => Ops.Pow(a, 2.5);", r => [T(r, 0.5, 2, Dim(r), Dim(r))]);
        yield return Case("PowConstantExponent", "Tensor F(Tensor a, [NoDerivative] double p) => Ops.Pow(a, p);", r => [T(r, 0.5, 2, Dim(r)), D(r, -2, 3)]);

        // ---- elementwise, complex ---------------------------------------------------------------------------
        foreach (string f in new[] { "Exp", "Sin", "Cos", "Tanh" })
            yield return Case(f + "Complex", $"ComplexTensor F(ComplexTensor a) => Ops.{f}(a);", r => [Z(r, Dim(r), Dim(r))]);
        foreach (string f in new[] { "Log", "Sqrt" })
            yield return Case(f + "Complex", $"ComplexTensor F(ComplexTensor a) => Ops.{f}(a);", r => [Z(r, 0.5, 2, Dim(r), Dim(r))]);
        yield return Case("PowComplex", "ComplexTensor F(ComplexTensor a) => Ops.Pow(a, 2.5);", r => [Z(r, 0.5, 2, Dim(r), Dim(r))]);
        yield return Case("AbsComplex", "Tensor F(ComplexTensor a) => Ops.Abs(a);", r => [Z(r, 0.3, 1, Dim(r), Dim(r))]);

        // ---- matrix functions -------------------------------------------------------------------------------
        yield return Case("Expm", "Tensor F(Tensor a) => Ops.Expm(a);", r => { int n = Dim(r); return [0.7 * T(r, n, n)]; });
        yield return Case("ExpmComplex", "ComplexTensor F(ComplexTensor a) => Ops.Expm(a);", r => { int n = Dim(r); return [0.7 * Z(r, n, n)]; });
        yield return Case("ExpmLargeNorm", "Tensor F(Tensor a) => Ops.Expm(a);", r => { int n = Dim(r, 4, 6); return [4.0 * T(r, n, n)]; }, fdStep: 1e-4);
        yield return Case("ExpmOfRealTimesI", "ComplexTensor F(double t, Tensor h) => Ops.Expm(Complex.ImaginaryOne * t * h);",
            r => { int n = Dim(r); Tensor a = T(r, n, n); return [D(r), a + a.Transpose()]; });
        yield return Case("ExpmFrechet", "Tensor F(Tensor a, Tensor e) => Ops.ExpmFrechet(a, e);",
            r => { int n = Dim(r); return [0.7 * T(r, n, n), T(r, n, n)]; });
        yield return Case("ExpmFrechetComplex", "ComplexTensor F(ComplexTensor a, ComplexTensor e) => Ops.ExpmFrechet(a, e);",
            r => { int n = Dim(r); return [0.7 * Z(r, n, n), Z(r, n, n)]; });
        yield return Case("Logm", "ComplexTensor F(Tensor a) => Ops.Logm(a);", r => [NearIdentity(r, Dim(r))]);
        yield return Case("LogmComplex", "ComplexTensor F(ComplexTensor a) => Ops.Logm(a);", r => [ComplexNearIdentity(r, Dim(r))]);
        yield return Case("LogmNegativeEigenvalues", "ComplexTensor F(Tensor a) => Ops.Logm(a);",
            r => [Tensor.FromArray(new double[,] { { -2, 0.3, 0.1 }, { 0.2, 1.5, -0.4 }, { 0.1, 0.3, 2 } })]);

        // ---- members ----------------------------------------------------------------------------------------
        yield return Case("Reshape", "Tensor F(Tensor a) => a.Reshape(3, 4) * 2.0;", r => [T(r, 2, 6)]);
        yield return Case("ReshapeByParameters", "Tensor F(Tensor a, int m, int n) => a.Reshape(n, m, 1);",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), m, n]; });
        yield return Case("Flatten", "Tensor F(Tensor a) => a.Flatten();", r => [T(r, Dim(r), Dim(r), 2)]);
        yield return Case("Transpose", "Tensor F(Tensor a) => a.Transpose();", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("ReshapeComplex", "ComplexTensor F(ComplexTensor a) => a.Reshape(2, 3);", r => [Z(r, 6)]);
        yield return Case("FlattenComplex", "ComplexTensor F(ComplexTensor a) => a.Flatten();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("TransposeComplex", "ComplexTensor F(ComplexTensor a) => a.Transpose();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("ConjugateTranspose", "ComplexTensor F(ComplexTensor a) => a.ConjugateTranspose();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("Real", "Tensor F(ComplexTensor z) => z.Real();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("Imag", "Tensor F(ComplexTensor z) => z.Imag();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("Conj", "ComplexTensor F(ComplexTensor z) => z.Conj();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("RealTimesImag", "Tensor F(ComplexTensor z) => z.Real() * z.Imag();", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("FromTensor", "ComplexTensor F(Tensor a) => ComplexTensor.FromTensor(a) * ComplexTensor.FromTensor(a);", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("ImplicitToComplexTensor", "ComplexTensor F(Tensor a, ComplexTensor b) { ComplexTensor z = a; return z * b; }",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), Z(r, m, n)]; });
        yield return Case("ImplicitToDouble", "double F(Tensor a) { double s = Ops.Dot(a, a); return s * s; }", r => [T(r, Dim(r, 2, 6))]);
        yield return Case("ImplicitToComplex", "Complex F(ComplexTensor a) { Complex s = Ops.Dot(a, a); return s * s; }", r => [Z(r, Dim(r, 2, 6))]);

        // ---- indexers ---------------------------------------------------------------------------------------
        yield return Case("Index1", "double F(Tensor a) => a[1] * a[0] + a[2];", r => [T(r, Dim(r, 3, 5))]);
        yield return Case("Index2", "double F(Tensor a) => a[0, 1] * a[1, 0] - a[1, 1];", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("Index3", "double F(Tensor a) => a[1, 0, 1] * a[0, 1, 0];", r => [T(r, 2, Dim(r), Dim(r))]);
        yield return Case("IndexComplex1", "Complex F(ComplexTensor a) => a[1] * a[0];", r => [Z(r, Dim(r))]);
        yield return Case("IndexComplex2", "Complex F(ComplexTensor a) => a[0, 1] * Complex.Conjugate(a[1, 1]);", r => [Z(r, Dim(r), Dim(r))]);
        yield return Case("IndexComplex3", "double F(ComplexTensor a) => (a[1, 0, 1] * a[0, 0, 0]).Real;", r => [Z(r, 2, 2, Dim(r))]);
        yield return Case("IndexInLoop", "double F(Tensor a) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * a[i] * i; return s; }",
            r => [T(r, Dim(r, 3, 6))]);
        yield return Case("IndexOfResult", "double F(Tensor a, Tensor b) { Tensor c = Ops.MatMul(a, b); return c[0, 0] * c[1, 1]; }",
            r => { int k = Dim(r); return [T(r, 2, k), T(r, k, 2)]; });

        // ---- operators between tensors ----------------------------------------------------------------------
        var ops = new[] { ("+", "Add"), ("-", "Subtract"), ("*", "Multiply"), ("/", "Divide") };
        var pairs = new (string A, string B, string R, Func<Random, int, int, object> DrawA, Func<Random, int, int, object> DrawB, string Name)[]
        {
            ("Tensor", "Tensor", "Tensor", (r, m, n) => T(r, 0.5, 1.5, m, n), (r, m, n) => T(r, 0.5, 1.5, m, n), "TensorTensor"),
            ("ComplexTensor", "ComplexTensor", "ComplexTensor", (r, m, n) => Z(r, 0.5, 1.5, m, n), (r, m, n) => Z(r, 0.5, 1.5, m, n), "ComplexComplex"),
            ("Tensor", "ComplexTensor", "ComplexTensor", (r, m, n) => T(r, 0.5, 1.5, m, n), (r, m, n) => Z(r, 0.5, 1.5, m, n), "TensorComplex"),
            ("ComplexTensor", "Tensor", "ComplexTensor", (r, m, n) => Z(r, 0.5, 1.5, m, n), (r, m, n) => T(r, 0.5, 1.5, m, n), "ComplexTensorTensor"),
        };
        foreach (var (op, opName) in ops)
            foreach (var p in pairs)
                yield return Case($"{opName}{p.Name}", $"{p.R} F({p.A} a, {p.B} b) => a {op} b;",
                    r => { int m = Dim(r), n = Dim(r); return [p.DrawA(r, m, n), p.DrawB(r, m, n)]; });
        yield return Case("Negate", "Tensor F(Tensor a) => -a;", r => [T(r, Dim(r), Dim(r))]);
        yield return Case("NegateComplex", "ComplexTensor F(ComplexTensor a) => -a;", r => [Z(r, Dim(r), Dim(r))]);

        // ---- operators with a scalar, on both sides ---------------------------------------------------------
        var scalars = new (string A, string S, string R, Func<Random, object> DrawA, Func<Random, object> DrawS, string Name)[]
        {
            ("Tensor", "double", "Tensor", r => T(r, 0.5, 1.5, Dim(r), Dim(r)), r => D(r, 0.5, 1.5), "TensorDouble"),
            ("Tensor", "Complex", "ComplexTensor", r => T(r, 0.5, 1.5, Dim(r), Dim(r)), r => C(r, 0.5, 1.5), "TensorComplexScalar"),
            ("ComplexTensor", "Complex", "ComplexTensor", r => Z(r, 0.5, 1.5, Dim(r), Dim(r)), r => C(r, 0.5, 1.5), "ComplexTensorComplexScalar"),
            ("ComplexTensor", "double", "ComplexTensor", r => Z(r, 0.5, 1.5, Dim(r), Dim(r)), r => D(r, 0.5, 1.5), "ComplexTensorDouble"),
        };
        foreach (var (op, opName) in ops)
            foreach (var s in scalars)
                yield return Case($"{opName}{s.Name}", $"{s.R} F({s.A} a, {s.S} s) {{ {s.R} u = a {op} s; {s.R} v = s {op} a; return u + v * v; }}",
                    r => [s.DrawA(r), s.DrawS(r)]);

        // ---- mixtures and locals ----------------------------------------------------------------------------
        yield return Case("ComplexTimesTensor", "ComplexTensor F(Complex c, Tensor a) => c * a;", r => [C(r), T(r, Dim(r), Dim(r))]);
        yield return Case("TensorPlusComplexTensor", "ComplexTensor F(Tensor a, ComplexTensor b) => a + b;",
            r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), Z(r, m, n)]; });
        yield return Case("Chain", """
            double F(Tensor a, Tensor b, double s)
                {
                    Tensor c = Ops.MatMul(a, b) * s;
                    ComplexTensor z = Ops.Expm(Complex.ImaginaryOne * (c + c.Transpose()));
                    Tensor p = (z * z.Conj()).Real();
                    return Ops.Sum(Ops.Tanh(p)) + Ops.Trace(c) * s;
                }
            """, r => { int n = Dim(r), k = Dim(r); return [T(r, n, k), T(r, k, n), D(r)]; });
        yield return Case("Reassigned", """
            Tensor F(Tensor a, Tensor b)
                {
                    a = a * b;
                    b = Ops.Sin(a) + b;
                    a = a + b * a;
                    return a;
                }
            """, r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, m, n)]; });
        yield return Case("CompoundAssignments", """
            Tensor F(Tensor a, Tensor b, double s)
                {
                    Tensor t = a;
                    t += a * b;
                    t -= b * s;
                    t *= a;
                    t /= b + 2.0;
                    t *= s;
                    return t;
                }
            """, r => { int m = Dim(r), n = Dim(r); return [T(r, m, n), T(r, 0.5, 1.5, m, n), D(r)]; });
        yield return Case("CompoundAssignmentsComplex", """
            ComplexTensor F(ComplexTensor z, Tensor a, Complex c)
                {
                    ComplexTensor w = z * c;
                    w += a;
                    w *= Complex.ImaginaryOne;
                    w -= z.Conj() * a;
                    return w;
                }
            """, r => { int m = Dim(r), n = Dim(r); return [Z(r, m, n), T(r, m, n), C(r)]; });
        yield return Case("IfElseTensorLocals", """
            ComplexTensor F(Tensor a, double s)
                {
                    ComplexTensor r;
                    if (s > 0)
                    {
                        Tensor b = Ops.MatMul(a, a) * s;
                        r = Ops.Expm(Complex.ImaginaryOne * b);
                    }
                    else
                    {
                        r = ComplexTensor.FromTensor(Ops.Exp(a * s));
                    }
                    return r * s;
                }
            """, r => { int n = Dim(r); return [T(r, n, n), D(r)]; });
        yield return Case("ConditionalOperator", "Tensor F(Tensor a, double s) => Ops.Sum(a) > 0 ? a * s : a / s;",
            r => [T(r, Dim(r)), D(r, 0.5, 1.5)]);
        yield return Case("NoDerivativeTensor", "Tensor F(Tensor x, [NoDerivative] Tensor rm) => x[0] * Ops.TensorDot(x, rm, 1);",
            r => { int n = Dim(r); return [T(r, n), T(r, n, 3)]; });
        yield return Case("UnusedTensorParameter", "Tensor F(Tensor a, Tensor b) => a * 2.0;",
            r => [T(r, Dim(r)), T(r, Dim(r), 2)]);
        yield return Case("ScalarThroughTensor", "double F(double x, double y) => Ops.Sum(Ops.Exp(Tensor.Arange(4) * x) * y);",
            r => [D(r), D(r)]);
    }
}
