using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Diff.Generator.Tests.Numeric.Functions;
using Diff.Generator.Tests.Numeric.Harness;
using static Diff.Generator.Tests.Numeric.Harness.Domain;

namespace Diff.Generator.Tests.Numeric;

/// <summary>
/// The table of the numeric battery: each row names a [Differentiable] method of <c>Numeric/Functions</c> and its
/// derivative worked out by hand. Loops are differentiated by hand too, as forward recurrences written here.
/// </summary>
public static class Cases
{
    private static readonly Complex I = Complex.ImaginaryOne;

    /// <summary>All rows, by name.</summary>
    public static IReadOnlyDictionary<string, NumericCase> All { get; } = Build().ToDictionary(c => c.Name);

    /// <summary>The row names, for xunit's MemberData.</summary>
    public static IEnumerable<object[]> Names => All.Keys.OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n });

    private static Partial[] R(params Complex[] derivatives) => derivatives.Select(Partial.Real).ToArray();

    private static double Re(Complex[] x, int k) => x[k].Real;

    private static IEnumerable<NumericCase> Build()
    {
        // ---- arithmetic -------------------------------------------------------------------------------------
        yield return new("Arith.Poly", typeof(Arith), nameof(Arith.Poly), [Real(0.5, 3), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(6 * x * y + 2 * y / (x * x) - 1, 3 * x * x - 2 / x);
        });
        yield return new("Arith.Negate", typeof(Arith), nameof(Arith.Negate), [Real(-2, 2), Real(-2, 2)], p =>
            R(-Re(p, 1) - 1, -Re(p, 0) + 1));
        yield return new("Arith.Compound", typeof(Arith), nameof(Arith.Compound), [Real(-2, 2), AwayFromZero(0.5, 3)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(2 * x / y + 1, -x * x / (y * y) - 1);
        });
        yield return new("Arith.Reassign", typeof(Arith), nameof(Arith.Reassign), [Real(0.2, 3), AwayFromZero(0.5, 3)], p =>
            R(Re(p, 1), Re(p, 0)));
        yield return new("Arith.Quotient", typeof(Arith), nameof(Arith.Quotient), [Real(1, 3), Real(0.5, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), s = (x + y) * (x + y);
            return R(2 * y / s, -2 * x / s);
        });
        yield return new("Arith.Literals", typeof(Arith), nameof(Arith.Literals), [AwayFromZero(0.5, 3)], p =>
            R(2.5 + 1e-3 / (Re(p, 0) * Re(p, 0)) + 1000 + 0.5 + 3));
        foreach (int n in new[] { 3, -2, 0 })
        {
            yield return new($"Arith.IntParameter(n={n})", typeof(Arith), nameof(Arith.IntParameter), [Real(-2, 2)],
                p => R(n + 2 * (2 * n - 1) * Re(p, 0)), constants: [n]);
        }
        yield return new("Arith.NoDerivativeParameter", typeof(Arith), nameof(Arith.NoDerivativeParameter), [Real(-2, 2)],
            p => R(2 * 1.7 * Re(p, 0) + 1), constants: [1.7]);
        yield return new("Arith.MixedParameters", typeof(Arith), nameof(Arith.MixedParameters), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(y * 4, x * 4 + 2 * 0.75 * y);
        }, constants: [0.75, 4]);
        yield return new("Arith.Chain", typeof(Arith), nameof(Arith.Chain), [Real(-2, 2)], p =>
            R((3 * Re(p, 0) * Re(p, 0) + 2 * Re(p, 0)) / 2));

        // ---- System.Math ------------------------------------------------------------------------------------
        yield return new("Math.Trig", typeof(MathFns), nameof(MathFns.Trig), [Real(-1, 1), Real(-1, 1)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), sec2 = 1 / (Math.Cos(x * y) * Math.Cos(x * y));
            return R(Math.Cos(x) * Math.Cos(y) + y * sec2, -Math.Sin(x) * Math.Sin(y) + x * sec2);
        });
        yield return new("Math.InverseTrig", typeof(MathFns), nameof(MathFns.InverseTrig), [Real(-0.9, 0.9), Real(-0.9, 0.9)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), r = Math.Sqrt(1 - x * x * y * y);
            return R(1 / Math.Sqrt(1 - x * x) - y / r, -x / r + 1 / (1 + y * y));
        });
        yield return new("Math.Atan2", typeof(MathFns), nameof(MathFns.Atan2), [AwayFromZero(0.3, 2), AwayFromZero(0.3, 2)], p =>
        {
            double y = Re(p, 0), x = Re(p, 1), r2 = x * x + y * y;
            return R(x / r2, -y / r2);
        });
        yield return new("Math.Hyperbolic", typeof(MathFns), nameof(MathFns.Hyperbolic), [Real(-1.5, 1.5), Real(-1.5, 1.5)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(Math.Cosh(x) + y * Math.Sinh(x * y), x * Math.Sinh(x * y) + 1 / (Math.Cosh(y) * Math.Cosh(y)));
        });
        yield return new("Math.ExpLog", typeof(MathFns), nameof(MathFns.ExpLog), [Real(0.5, 2), Real(0.5, 3)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(Math.Exp(x) * Math.Log(y) + 1 / (x * Math.Log(10)), Math.Exp(x) / y + 1 / (y * Math.Log(2)));
        });
        yield return new("Math.LogBase", typeof(MathFns), nameof(MathFns.LogBase), [Real(0.5, 3), Real(1.5, 4)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), ly = Math.Log(y);
            return R(1 / (x * ly), -Math.Log(x) / (y * ly * ly));
        });
        yield return new("Math.Roots", typeof(MathFns), nameof(MathFns.Roots), [Real(0.5, 3), AwayFromZero(0.5, 3)], p =>
        {
            double x = Re(p, 0), c = Math.Cbrt(Re(p, 1));
            return R(1 / (2 * Math.Sqrt(x)), 1 / (3 * c * c));
        });
        yield return new("Math.Pow", typeof(MathFns), nameof(MathFns.Pow), [Real(0.5, 3), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x));
        });
        // Negative x too: a constant exponent must not bring ln x (NaN) into the derivative.
        yield return new("Math.PowConstant", typeof(MathFns), nameof(MathFns.PowConstant), [Real(-2, 2)], p =>
            R(3 * Re(p, 0) * Re(p, 0) + Math.Pow(2, Re(p, 0)) * Math.Log(2)));
        yield return new("Math.Abs", typeof(MathFns), nameof(MathFns.Abs), [AwayFromZero(0.3, 2), AwayFromZero(0.3, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), s = Math.Sign(x * y);
            return R(s * y, s * x - Math.Sign(y));
        });
        yield return new("Math.MinMax", typeof(MathFns), nameof(MathFns.MinMax), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            double min = Math.Min(x, y), max = Math.Max(x, 2 * y);
            (double minX, double minY) = x < y ? (1.0, 0.0) : (0.0, 1.0);
            (double maxX, double maxY) = x > 2 * y ? (1.0, 0.0) : (0.0, 2.0);
            return R(minX * max + min * maxX, minY * max + min * maxY);
        });
        yield return new("Math.Clamp", typeof(MathFns), nameof(MathFns.Clamp), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            (double ax, double ay) = Math.Abs(x * y) < 1 ? (y, x) : (0.0, 0.0);
            (double bx, double by) = x < y - 1 || x > y + 1 ? (0.0, 1.0) : (1.0, 0.0);
            return R(ax + 1 + bx, ay + by);
        });
        yield return new("Math.PiecewiseConstant", typeof(MathFns), nameof(MathFns.PiecewiseConstant), [Real(-3, 3), Real(-3, 3)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(Math.Floor(x) + Math.Round(y), Math.Sign(y));
        });
        yield return new("Math.Gaussian", typeof(MathFns), nameof(MathFns.Gaussian), [Real(-3, 3)], p =>
        {
            double x = Re(p, 0);
            return R(-x * Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI) + Math.E);
        });

        // ---- System.Numerics.Complex ------------------------------------------------------------------------
        yield return new("Complex.Operators", typeof(Cplx), nameof(Cplx.Operators), [Plane(0.5, 2, -1, 1), Plane(0.5, 2, -1, 1)], p =>
        {
            Complex z = p[0], w = p[1];
            return [Partial.Holomorphic(w + 1 / w), Partial.Holomorphic(z - z / (w * w) - 1)];
        });
        yield return new("Complex.MixedOperands", typeof(Cplx), nameof(Cplx.MixedOperands), [Plane(-2, 2, -2, 2), Real(-2, 2)], p =>
            [Partial.Holomorphic(-Re(p, 1) - 0.5), Partial.Real(-p[0] + 0.5)]);
        yield return new("Complex.Constructor", typeof(Cplx), nameof(Cplx.Constructor), [Real(-2, 2), Real(-2, 2)], p =>
            R(Re(p, 1) + I, Re(p, 0) - I));
        yield return new("Complex.Members", typeof(Cplx), nameof(Cplx.Members), [Plane(0.5, 2, -2, 2)], p =>
        {
            double a = p[0].Real, b = p[0].Imaginary, r = Math.Sqrt(a * a + b * b);
            return [Partial.RealOfComplex(b + a / r, a + b / r)];
        });
        yield return new("Complex.Phase", typeof(Cplx), nameof(Cplx.Phase), [Plane(0.3, 2, -2, 2)], p =>
        {
            double a = p[0].Real, b = p[0].Imaginary, r2 = a * a + b * b;
            return [Partial.RealOfComplex(-b / r2, a / r2)];
        });
        yield return new("Complex.Conjugate", typeof(Cplx), nameof(Cplx.Conjugate), [Plane(-2, 2, -2, 2), Plane(-2, 2, -2, 2)], p =>
        {
            Complex z = p[0], w = p[1];
            return
            [
                new Partial(2 * z.Real + Complex.Conjugate(w), 2 * z.Imaginary + I * Complex.Conjugate(w)),
                new Partial(z, -I * z),
            ];
        });
        yield return new("Complex.ExpLogSqrt", typeof(Cplx), nameof(Cplx.ExpLogSqrt), [Plane(0.3, 2, -1.5, 1.5)], p =>
        {
            Complex z = p[0], s = Complex.Sqrt(z);
            return [Partial.Holomorphic(Complex.Exp(z) + s / z + Complex.Log(z) / (2 * s))];
        });
        yield return new("Complex.Pow", typeof(Cplx), nameof(Cplx.Pow), [Plane(0.3, 2, -1, 1), Plane(-1.5, 1.5, -1, 1)], p =>
        {
            Complex z = p[0], w = p[1];
            return [Partial.Holomorphic(w * Complex.Pow(z, w - 1)), Partial.Holomorphic(Complex.Pow(z, w) * Complex.Log(z))];
        });
        yield return new("Complex.PowReal", typeof(Cplx), nameof(Cplx.PowReal), [Plane(0.3, 2, -1, 1), Real(-2, 2)], p =>
        {
            Complex z = p[0];
            double q = Re(p, 1);
            return [Partial.Holomorphic(q * Complex.Pow(z, q - 1)), Partial.Real(Complex.Pow(z, q) * Complex.Log(z))];
        });
        yield return new("Complex.SinCos", typeof(Cplx), nameof(Cplx.SinCos), [Plane(-1.5, 1.5, -1.5, 1.5)], p =>
            [Partial.Holomorphic(Complex.Cos(2 * p[0]))]);
        yield return new("Complex.Polar", typeof(Cplx), nameof(Cplx.Polar), [Real(0.5, 2), Real(-3, 3)], p =>
        {
            Complex e = Complex.Exp(I * Re(p, 1));
            return R(e, I * Re(p, 0) * e);
        });
        yield return new("Complex.Implicit", typeof(Cplx), nameof(Cplx.Implicit), [Real(-2, 2)], p => R(2 * Re(p, 0) + I));
        yield return new("Complex.Compound", typeof(Cplx), nameof(Cplx.Compound), [Plane(0.5, 2, -1, 1)], p =>
            [Partial.Holomorphic(1 + 2 / (p[0] * p[0]))]);
        yield return new("Complex.Intermediate", typeof(Cplx), nameof(Cplx.Intermediate), [Real(-1, 1), Real(-1, 1)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            double e = Math.Exp(x * x - y * y), c = Math.Cos(2 * x * y), s = Math.Sin(2 * x * y);
            return R(e * (2 * x * c - 2 * y * s) + 2 * x + 2 * x * e, e * (-2 * y * c - 2 * x * s) + 2 * y - 2 * y * e);
        });
        yield return new("Complex.ReassignedParameter", typeof(Cplx), nameof(Cplx.ReassignedParameter), [Plane(-1, 1, -1, 1), Plane(-1, 1, -1, 1)], p =>
        {
            Complex z = p[0], c = p[1], z1 = z * z + c;
            return [Partial.Holomorphic(4 * z * z1), Partial.Holomorphic(2 * z1 + 1)];
        });
        yield return new("Complex.ImaginaryOfReal", typeof(Cplx), nameof(Cplx.ImaginaryOfReal), [Real(-3, 3)], p =>
            R(Math.Sin(Re(p, 0)) + Re(p, 0) * Math.Cos(Re(p, 0))));

        // ---- control flow -----------------------------------------------------------------------------------
        yield return new("Flow.IfElse", typeof(Flow), nameof(Flow.IfElse), [Real(-2, 2), AwayFromZero(0.5, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return x > y ? R(y + 1, x) : R(1 / y + 1, -x / (y * y));
        });
        yield return new("Flow.Conditional", typeof(Flow), nameof(Flow.Conditional), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return x > 0 ? R(Math.Cos(x) * y, Math.Sin(x)) : R(y * y, 2 * x * y);
        });
        yield return new("Flow.SeveralReturns(n=0)", typeof(Flow), nameof(Flow.SeveralReturns), [Real(-2, 2)], p => R(1), constants: [0]);
        yield return new("Flow.SeveralReturns(n=1)", typeof(Flow), nameof(Flow.SeveralReturns), [Real(-2, 2)], p => R(2 * Re(p, 0)), constants: [1]);
        yield return new("Flow.SeveralReturns(n=2)", typeof(Flow), nameof(Flow.SeveralReturns), [Real(-2, 2)], p =>
        {
            double x = Re(p, 0);
            return x < 0 ? R(-3 * x * x) : R(Math.Exp(x));
        }, constants: [2]);
        yield return new("Flow.Nested", typeof(Flow), nameof(Flow.Nested), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            if (x > 0)
                return y > 0 ? R(2 * y, 2 * x) : R(2 + 2 * y, -1 + 2 * x);
            return y > 1 ? R(Math.Exp(x) * y + y, Math.Exp(x) + x) : R(2 * x + y, x);
        });
        yield return new("Flow.ComplexBranch", typeof(Flow), nameof(Flow.ComplexBranch), [Plane(-2, 2, -2, 2)], p =>
        {
            Complex z = p[0];
            if (z.Real > 0)
                return [Partial.Holomorphic(2 * z)];
            return [Partial.Holomorphic(z.Imaginary > 0 ? Complex.Exp(z) : -1)];
        });
        yield return new("Flow.EarlyReturn", typeof(Flow), nameof(Flow.EarlyReturn), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), t = x * y;
            return t > 1 ? R(2 * (t - 1) * y, 2 * (t - 1) * x + 1) : R(2 * x * y + 1, x * x);
        });

        // ---- loops ------------------------------------------------------------------------------------------
        foreach (int steps in new[] { 0, 1, 10, 1000 })
        {
            yield return new($"Loops.Damped(steps={steps})", typeof(Loops), nameof(Loops.Damped), [Real(-2, 2), Real(0.5, 1.2)], p =>
            {
                double v = Re(p, 0), k = Re(p, 1), dx = 1, dk = 0;
                for (int i = 0; i < steps; i++)
                {
                    (v, dx, dk) = (k * Math.Sin(v), k * Math.Cos(v) * dx, k * Math.Cos(v) * dk + Math.Sin(v));
                }
                return R(2 * v * dx, 2 * v * dk);
            }, constants: [steps], trips: steps);
        }
        foreach (int n in new[] { 1, 10, 100_000 })
        {
            yield return new($"Loops.Sum(n={n})", typeof(Loops), nameof(Loops.Sum), [Real(-2, 2), Real(-2, 2)], p =>
                R(n * (n - 1.0) / 2, 2.0 * n * Re(p, 1)), constants: [n], trips: n);
        }
        foreach ((int n, double lo, double hi, double fdScale) in new[] { (1, -2.0, 2.0, 1.0), (5, -2.0, 2.0, 1.0), (100_000, 1 - 1e-5, 1 + 1e-5, 1e-3) })
        {
            yield return new($"Loops.Power(n={n})", typeof(Loops), nameof(Loops.Power), [Real(lo, hi)], p =>
                R(n * Math.Pow(Re(p, 0), n - 1)), constants: [n], trips: n, fdScale: fdScale);
        }
        foreach ((int n, double lo, double hi) in new[] { (1, 0.5, 1.5), (50, 0.9, 1.05), (1000, 0.995, 1.005) })
        {
            yield return new($"Loops.TwoCarried(n={n})", typeof(Loops), nameof(Loops.TwoCarried), [Real(-2, 2), Real(-2, 2), Real(lo, hi)], p =>
            {
                double x = Re(p, 0), y = Re(p, 1), a = Re(p, 2);
                double an = Math.Pow(a, n), c = Math.Cos(0.1 * n), s = Math.Sin(0.1 * n);
                double u = an * (x * c - y * s), v = an * (x * s + y * c);
                return R(2 * u * an * c + 3 * an * s, -2 * u * an * s + 3 * an * c, n / a * (2 * u * u + 3 * v));
            }, constants: [n], trips: n);
        }
        foreach (int n in new[] { 1, 7, 1000 })
        {
            yield return new($"Loops.Horner(n={n})", typeof(Loops), nameof(Loops.Horner), [Plane(-0.6, 0.6, -0.6, 0.6), Real(-2, 2)], p =>
            {
                Complex z = p[0], w = 1, dz = 0, da = 0;
                double a = Re(p, 1);
                for (int i = 0; i < n; i++)
                    (w, dz, da) = (w * z + a, dz * z + w, da * z + 1);
                return [Partial.Holomorphic(dz), Partial.Real(da)];
            }, constants: [n], trips: n);
        }
        foreach ((int n, double lo, double hi, double fdScale) in new[] { (1, -3.0, 3.0, 1.0), (10, -0.3, 0.3, 1.0), (100_000, 1e-5, 3e-5, 1e-3) })
        {
            yield return new($"Loops.Rotation(n={n})", typeof(Loops), nameof(Loops.Rotation), [Real(lo, hi)], p =>
                R(-n * Math.Sin(n * Re(p, 0))), constants: [n], trips: n, fdScale: fdScale);
        }
        foreach ((int n, int m) in new[] { (1, 1), (3, 4), (20, 50) })
        {
            yield return new($"Loops.Nested(n={n},m={m})", typeof(Loops), nameof(Loops.Nested), [Real(-2, 2), Real(-0.9, 0.9)], p =>
            {
                double x = Re(p, 0), y = Re(p, 1), s = 0, sx = 0, sy = 0;
                for (int i = 0; i < n; i++)
                {
                    double t = x, tx = 1, ty = 0;
                    for (int j = 0; j < m; j++)
                        (t, tx, ty) = (t * y + 1, tx * y, ty * y + t);
                    (s, sx, sy) = (s / 2 + t, sx / 2 + tx, sy / 2 + ty);
                }
                return R(sx, sy);
            }, constants: [n, m], trips: n * m);
        }
        foreach (int n in new[] { 1, 5, 20 })
        {
            yield return new($"Loops.BranchInLoop(n={n})", typeof(Loops), nameof(Loops.BranchInLoop), [Real(-2, 2), Real(0.5, 0.9)], p =>
            {
                double v = Re(p, 0), k = Re(p, 1), dx = 1, dk = 0;
                for (int i = 0; i < n; i++)
                {
                    if (v > 0)
                        (v, dx, dk) = (v * k - 1, k * dx, k * dk + v);
                    else
                        (v, dx, dk) = (v * v * 0.5 + k, v * dx, v * dk + 1);
                }
                return R(dx, dk);
            }, constants: [n], trips: n);
        }
        yield return new("Loops.CounterAsValue", typeof(Loops), nameof(Loops.CounterAsValue), [Real(-3, 3)], p =>
        {
            double d = 0;
            for (int i = 1; i <= 5; i++)
                d += i * Math.Cos(Re(p, 0) * i) / (i + 1);
            return R(d);
        }, trips: 5);
        foreach (int n in new[] { 2, 10 })
        {
            yield return new($"Loops.ReturnInLoop(n={n})", typeof(Loops), nameof(Loops.ReturnInLoop), [Real(0, 2), Real(1.1, 1.6)], p =>
            {
                double v = Re(p, 0), k = Re(p, 1), dx = 1, dk = 0;
                for (int i = 0; i < n; i++)
                {
                    if (v > 3)
                        return R(k * dx, v + k * dk);
                    (v, dx, dk) = (v * k + 0.5, k * dx, k * dk + v);
                }
                return R(-dx, -dk);
            }, constants: [n], trips: n);
        }
        foreach (int n in new[] { 1, 1000, 100_000 })
        {
            yield return new($"Loops.ParameterCarried(n={n})", typeof(Loops), nameof(Loops.ParameterCarried), [Real(-2, 2), Real(-2, 2)], p =>
            {
                double q = 0.999, h = 0.001, qn = Math.Pow(q, n);
                return R(qn, h * (1 - qn) / (1 - q));
            }, constants: [n], trips: n);
        }

        // ---- calls ------------------------------------------------------------------------------------------
        static double Helper(double x) => x * x + Math.Sin(x);
        static double HelperPrime(double x) => 2 * x + Math.Cos(x);
        yield return new("Calls.Helper", typeof(Calls), nameof(Calls.Helper), [Real(-2, 2)], p => R(HelperPrime(Re(p, 0))));
        yield return new("Calls.SameType", typeof(Calls), nameof(Calls.SameType), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R(HelperPrime(x * y) * y, HelperPrime(x * y) * x + Helper(y) + y * HelperPrime(y));
        });
        yield return new("Calls.OtherType", typeof(Calls), nameof(Calls.OtherType), [AwayFromZero(0.5, 2)], p =>
            R(18 * Re(p, 0) * Re(p, 0) + 10 * Re(p, 0) + 2));
        yield return new("Calls.NoDerivativeArgument", typeof(Calls), nameof(Calls.NoDerivativeArgument), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1);
            return R((3 * x + 1) * y, 1.5 * x * x + 2.25 + x);
        });
        yield return new("Calls.ComplexHelper", typeof(Calls), nameof(Calls.ComplexHelper), [Plane(-2, 2, -2, 2)], p =>
            [Partial.Holomorphic(2 * p[0])]);
        yield return new("Calls.ComplexCalls", typeof(Calls), nameof(Calls.ComplexCalls), [Plane(-2, 2, -2, 2), Real(-2, 2)], p =>
            [Partial.Holomorphic(3 * p[0] * p[0] + I), Partial.Real(3 * Re(p, 1) * Re(p, 1) + I)]);
        yield return new("Calls.CallInLoop", typeof(Calls), nameof(Calls.CallInLoop), [Real(-2, 2), Real(0.5, 1.2)], p =>
        {
            double x = Re(p, 0), k = Re(p, 1), s = 0, sx = 0, sk = 0;
            for (int i = 0; i < 3; i++)
            {
                double u = x + 0.1 * s, v1 = k * Math.Sin(u), v2 = k * Math.Sin(v1);
                double dU = 2 * v2 * k * Math.Cos(v1) * k * Math.Cos(u);
                double dK = 2 * v2 * (Math.Sin(v1) + k * Math.Cos(v1) * Math.Sin(u));
                (s, sx, sk) = (s + v2 * v2, sx + dU * (1 + 0.1 * sx), sk + dU * 0.1 * sk + dK);
            }
            return R(sx, sk);
        }, trips: 6);
        yield return new("Calls.UsesRegistered", typeof(Calls), nameof(Calls.UsesRegistered), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), sigma = 1 / (1 + Math.Exp(-x * y));
            return R(y * sigma, x * sigma + 1);
        });
        yield return new("Calls.UsesRegisteredElsewhere", typeof(Calls), nameof(Calls.UsesRegisteredElsewhere), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double x = Re(p, 0), y = Re(p, 1), gx = Math.Exp(-x * x), gy = Math.Exp(-y * y);
            return R(gx - 2 * x * x * gx, -2 * y * gy);
        });

        // ---- [Differentiable(nameof(…))]: the listed parameters only --------------------------------------------
        foreach (double x in new[] { 0.7, -1.3 })
        {
            yield return new($"Chosen.OnlySecond(x={x})", typeof(Chosen), nameof(Chosen.OnlySecond), [Real(-2, 2)],
                p => R(x * x + Math.Cos(Re(p, 0))), constants: [x]);
        }
        yield return new("Chosen.OutOfOrder", typeof(Chosen), nameof(Chosen.OutOfOrder), [Real(-2, 2), Plane(-1, 1, -1, 1)], p =>
        {
            const double c = 0.4;
            double x = Re(p, 0);
            Complex z = p[1];
            return [Partial.Real(z * z + c), Partial.Holomorphic(2 * x * z + c * c * Complex.Exp(c * z))];
        }, constants: [0.4]);
        yield return new("Chosen.BesideOthers", typeof(Chosen), nameof(Chosen.BesideOthers), [Real(-2, 2)],
            p => R(-0.5 * 3 + 2 * 1.25 * Re(p, 0)), constants: [1.25, -0.5, 3]);
        yield return new("Chosen.CallsChosen", typeof(Chosen), nameof(Chosen.CallsChosen), [Real(-2, 2)], p =>
        {
            double y = Re(p, 0);
            return R(2 * 2.25 * y + Math.Sin(y) + y * Math.Cos(y));
        });
        yield return new("Chosen.Strings", typeof(Chosen), nameof(Chosen.Strings), [Real(-2, 2), Real(-2, 2)], p =>
        {
            double u = Re(p, 0), w = Re(p, 1);
            return R(w * w, 2 * (u + 0.8) * w);
        }, constants: [0.8]);
    }
}
