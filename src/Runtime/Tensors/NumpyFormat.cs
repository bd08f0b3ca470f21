using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Diff;

/// <summary>
/// Text of tensors as numpy's <c>str()</c> writes arrays (numpy ≥ 1.14 defaults: <c>precision=8</c>,
/// <c>floatmode='maxprec'</c>, <c>linewidth=75</c>, <c>threshold=1000</c>, <c>edgeitems=3</c>), always
/// with <see cref="CultureInfo.InvariantCulture"/>.
/// </summary>
/// <remarks>
/// The rules are numpy's <c>FloatingFormat.fillFormat</c> and <c>_formatArray</c> in
/// <c>numpy/_core/arrayprint.py</c>, restated: every number is its shortest round-trip decimal
/// rounded to at most 8 fractional digits; all numbers of one tensor share one layout (an integer
/// part right-aligned to the widest, a fraction left-aligned and space-padded to the widest); the
/// tensor switches to scientific notation, with a common number of mantissa digits, when a nonzero
/// magnitude is ≥ 1e8 or &lt; 1e-4 or the largest is more than 1000 times the smallest. Complex
/// numbers format their real and imaginary parts as two such columns, the imaginary one always
/// signed, as <c>1.+2.j</c>. Rows wrap at 75 characters, and a tensor of more than 1000 elements
/// shows the first and last 3 entries of each axis around <c>...</c>. A rank-0 tensor prints as
/// numpy prints a scalar: <c>1.5</c>, <c>3.0</c>, <c>1e-05</c>, <c>(1+2j)</c>.
/// </remarks>
internal static class NumpyFormat
{
    private const int LineWidth = 75;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int Precision = 8;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The text of a real tensor with the given shape and row-major data.</summary>
    public static string Format(int[] shape, double[] data)
    {
        if (shape.Length == 0)
            return ScalarText(data[0]);
        if (data.Length == 0)
            return "[]";
        bool summarize = data.Length > Threshold;
        List<int> shown = ShownIndices(shape, summarize);
        var values = new double[shown.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = data[shown[i]];
        var fmt = new FloatFormat(values, plus: false);
        return Layout(shape, flat => fmt.Format(data[flat]), summarize);
    }

    /// <summary>The text of a complex tensor with the given shape and row-major data.</summary>
    public static string Format(int[] shape, Complex[] data)
    {
        if (shape.Length == 0)
            return ScalarText(data[0]);
        if (data.Length == 0)
            return "[]";
        bool summarize = data.Length > Threshold;
        List<int> shown = ShownIndices(shape, summarize);
        var re = new double[shown.Count];
        var im = new double[shown.Count];
        for (int i = 0; i < re.Length; i++)
        {
            re[i] = data[shown[i]].Real;
            im[i] = data[shown[i]].Imaginary;
        }
        var reFmt = new FloatFormat(re, plus: false);
        var imFmt = new FloatFormat(im, plus: true);
        return Layout(shape, flat =>
        {
            string r = reFmt.Format(data[flat].Real);
            string i = imFmt.Format(data[flat].Imaginary);
            int end = i.TrimEnd(' ').Length;
            return r + i.Substring(0, end) + "j" + i.Substring(end);
        }, summarize);
    }

    /// <summary>
    /// The text of a tensor whose elements are written by a .NET format string (for example
    /// <c>"F3"</c>), right-aligned to a common width, in numpy's bracket layout.
    /// </summary>
    public static string Format(int[] shape, int length, Func<int, string> element)
    {
        if (shape.Length == 0)
            return element(0);
        if (length == 0)
            return "[]";
        bool summarize = length > Threshold;
        int width = 0;
        foreach (int flat in ShownIndices(shape, summarize))
            width = Math.Max(width, element(flat).Length);
        return Layout(shape, flat => element(flat).PadLeft(width), summarize);
    }

    // ---- numbers ----------------------------------------------------------------------------

    /// <summary>
    /// The decimal digits of |x| (no leading or trailing zeros; empty for zero) and the power of ten of
    /// the first digit, parsed from a .NET numeric string (shortest round-trip "R", or a rounded "E"/"F").
    /// </summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        int e = text.IndexOfAny(['E', 'e']);
        int exp10 = e >= 0 ? int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, Inv) : 0;
        string mantissa = (e >= 0 ? text.Substring(0, e) : text).TrimStart('-');
        int dot = mantissa.IndexOf('.');
        int intLen = dot >= 0 ? dot : mantissa.Length;
        string all = mantissa.Replace(".", "");
        int lead = 0;
        while (lead < all.Length && all[lead] == '0')
            lead++;
        string digits = all.Substring(lead).TrimEnd('0');
        if (digits.Length == 0)
            return ("", 0);
        return (digits, intLen - 1 - lead + exp10);
    }

    /// <summary>Shortest round-trip digits, rounded to at most <paramref name="maxFraction"/> fractional digits (null: no limit).</summary>
    private static (string Digits, int Exponent) Positional(double ax, int? maxFraction)
    {
        var d = Decompose(ax.ToString("R", Inv));
        if (maxFraction is int p && d.Digits.Length - 1 - d.Exponent > p)
            d = Decompose(ax.ToString("F" + p.ToString(Inv), Inv));
        return d;
    }

    /// <summary>Shortest round-trip digits, rounded to at most <paramref name="maxFraction"/> mantissa fraction digits (null: no limit).</summary>
    private static (string Digits, int Exponent) Scientific(double ax, int? maxFraction)
    {
        var d = Decompose(ax.ToString("R", Inv));
        if (maxFraction is int p && d.Digits.Length - 1 > p)
            d = Decompose(ax.ToString("E" + p.ToString(Inv), Inv));
        return d;
    }

    private static (string Int, string Frac) SplitPositional((string Digits, int Exponent) d)
    {
        if (d.Digits.Length == 0)
            return ("0", "");
        if (d.Exponent >= 0)
        {
            string digits = d.Digits.Length <= d.Exponent + 1 ? d.Digits.PadRight(d.Exponent + 1, '0') : d.Digits;
            return (digits.Substring(0, d.Exponent + 1), digits.Substring(d.Exponent + 1));
        }
        return ("0", new string('0', -d.Exponent - 1) + d.Digits);
    }

    private static string Sign(double x, bool plus) => double.IsNegative(x) ? "-" : plus ? "+" : "";

    /// <summary>A double as numpy's scalar <c>str</c> (Python's <c>repr</c>): positional in [1e-4, 1e16), else scientific.</summary>
    private static string ScalarText(double x)
    {
        if (double.IsNaN(x))
            return "nan";
        if (double.IsInfinity(x))
            return x > 0 ? "inf" : "-inf";
        double ax = Math.Abs(x);
        if (ax == 0 || (ax >= 1e-4 && ax < 1e16))
        {
            var (i, f) = SplitPositional(Positional(ax, null));
            return Sign(x, false) + i + "." + (f.Length == 0 ? "0" : f);
        }
        var d = Scientific(ax, null);
        string mant = d.Digits.Length > 1 ? d.Digits[0] + "." + d.Digits.Substring(1) : d.Digits;
        return Sign(x, false) + mant + "e" + (d.Exponent < 0 ? "-" : "+") + Math.Abs(d.Exponent).ToString("00", Inv);
    }

    /// <summary>A complex number as numpy's scalar <c>str</c> (Python's <c>repr</c>): <c>(1+2j)</c>, <c>2j</c>.</summary>
    private static string ScalarText(Complex z)
    {
        static string Part(double v)
        {
            string s = ScalarText(v);
            return s.EndsWith(".0", StringComparison.Ordinal) ? s.Substring(0, s.Length - 2) : s;
        }
        string im = Part(z.Imaginary);
        if (z.Real == 0 && !double.IsNegative(z.Real))
            return im + "j";
        string sign = double.IsNegative(z.Imaginary) || double.IsNaN(z.Imaginary) && im.StartsWith('-') ? "" : "+";
        return "(" + Part(z.Real) + sign + im + "j)";
    }

    /// <summary>numpy's <c>FloatingFormat</c>: one layout for all the numbers of a tensor (or one part of a complex tensor).</summary>
    private sealed class FloatFormat
    {
        private readonly bool _plus;
        private readonly bool _exp;
        private readonly int _padLeft;
        private readonly int _padRight;
        private readonly int _fraction;
        private readonly int _expDigits;

        public FloatFormat(double[] values, bool plus)
        {
            _plus = plus;
            double max = 0, min = double.PositiveInfinity;
            bool anyFinite = false, anyNonFinite = false, negInf = false;
            foreach (double v in values)
            {
                if (!double.IsFinite(v))
                {
                    anyNonFinite = true;
                    negInf |= double.IsNegativeInfinity(v);
                    continue;
                }
                anyFinite = true;
                double a = Math.Abs(v);
                if (a != 0)
                {
                    max = Math.Max(max, a);
                    min = Math.Min(min, a);
                }
            }
            if (max != 0)
                _exp = max >= 1e8 || min < 1e-4 || max / min > 1000;

            if (!anyFinite)
            {
                _padLeft = 0;
                _padRight = 0;
            }
            else if (_exp)
            {
                int fraction = 0, expLen = 0, intLen = 0;
                foreach (double v in values)
                {
                    if (!double.IsFinite(v))
                        continue;
                    var d = Scientific(Math.Abs(v), Precision);
                    fraction = Math.Max(fraction, Math.Max(0, d.Digits.Length - 1));
                    expLen = Math.Max(expLen, Math.Max(2, Math.Abs(d.Exponent).ToString(Inv).Length));
                    intLen = Math.Max(intLen, Sign(v, plus).Length + 1);
                }
                _fraction = fraction;
                _expDigits = expLen;
                _padLeft = intLen;
                _padRight = expLen + 2 + fraction;
            }
            else
            {
                int intLen = 0, fracLen = 0;
                foreach (double v in values)
                {
                    if (!double.IsFinite(v))
                        continue;
                    var (i, f) = SplitPositional(Positional(Math.Abs(v), Precision));
                    intLen = Math.Max(intLen, Sign(v, plus).Length + i.Length);
                    fracLen = Math.Max(fracLen, f.Length);
                }
                _padLeft = intLen;
                _padRight = fracLen;
            }

            if (anyNonFinite)
            {
                int offset = _padRight + 1;
                int neg = plus || negInf ? 1 : 0;
                _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + neg - offset));
            }
        }

        public string Format(double x)
        {
            if (!double.IsFinite(x))
            {
                string ret = double.IsNaN(x) ? (_plus ? "+nan" : "nan") : x < 0 ? "-inf" : _plus ? "+inf" : "inf";
                return ret.PadLeft(_padLeft + _padRight + 1);
            }
            double ax = Math.Abs(x);
            if (_exp)
            {
                var d = Scientific(ax, Precision);
                string digits = d.Digits.Length == 0 ? "0" : d.Digits;
                string intPart = Sign(x, _plus) + digits[0];
                string frac = digits.Substring(1).PadRight(_fraction, '0');
                string exp = (d.Exponent < 0 ? "-" : "+") + Math.Abs(d.Exponent).ToString(Inv).PadLeft(_expDigits, '0');
                return intPart.PadLeft(_padLeft) + "." + frac + "e" + exp;
            }
            var (i, f) = SplitPositional(Positional(ax, Precision));
            return (Sign(x, _plus) + i).PadLeft(_padLeft) + "." + f.PadRight(_padRight);
        }
    }

    // ---- layout -----------------------------------------------------------------------------

    /// <summary>Row-major offsets of the elements that are printed (all, or the edges of each axis when summarizing).</summary>
    private static List<int> ShownIndices(int[] shape, bool summarize)
    {
        var result = new List<int>();
        void Walk(int axis, int offset)
        {
            if (axis == shape.Length)
            {
                result.Add(offset);
                return;
            }
            int stride = Shapes.Product(shape.AsSpan(axis + 1));
            foreach (int i in AxisIndices(shape[axis], summarize, out _))
                Walk(axis + 1, offset + i * stride);
        }
        Walk(0, 0);
        return result;
    }

    /// <summary>The indices printed along an axis of length <paramref name="n"/>; <paramref name="gapAfter"/> is where "..." goes, or -1.</summary>
    private static List<int> AxisIndices(int n, bool summarize, out int gapAfter)
    {
        var list = new List<int>();
        if (summarize && 2 * EdgeItems < n)
        {
            for (int i = 0; i < EdgeItems; i++)
                list.Add(i);
            for (int i = n - EdgeItems; i < n; i++)
                list.Add(i);
            gapAfter = EdgeItems - 1;
        }
        else
        {
            for (int i = 0; i < n; i++)
                list.Add(i);
            gapAfter = -1;
        }
        return list;
    }

    /// <summary>numpy's <c>_formatArray</c> with separator " ", line width 75 and a one-space hanging indent.</summary>
    private static string Layout(int[] shape, Func<int, string> element, bool summarize)
    {
        string Recurse(int axis, int offset, string hangingIndent, int currWidth)
        {
            int axesLeft = shape.Length - axis;
            string nextIndent = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            int stride = Shapes.Product(shape.AsSpan(axis + 1));
            List<int> indices = AxisIndices(shape[axis], summarize, out int gapAfter);
            var s = new StringBuilder();

            if (axesLeft == 1)
            {
                int elemWidth = currWidth - 1;
                string line = hangingIndent;
                void Extend(string word)
                {
                    bool wrap = line.Length + word.Length > elemWidth && line.Length > hangingIndent.Length;
                    if (wrap)
                    {
                        s.Append(line.TrimEnd()).Append('\n');
                        line = hangingIndent;
                    }
                    line += word;
                }
                for (int t = 0; t < indices.Count; t++)
                {
                    Extend(element(offset + indices[t] * stride));
                    if (t < indices.Count - 1)
                        line += " ";
                    if (t == gapAfter)
                    {
                        Extend("...");
                        line += " ";
                    }
                }
                s.Append(line);
            }
            else
            {
                string lineSep = new string('\n', axesLeft - 1);
                for (int t = 0; t < indices.Count; t++)
                {
                    s.Append(hangingIndent).Append(Recurse(axis + 1, offset + indices[t] * stride, nextIndent, nextWidth));
                    if (t < indices.Count - 1)
                        s.Append(lineSep);
                    if (t == gapAfter)
                        s.Append(hangingIndent).Append("...").Append(lineSep);
                }
            }
            return "[" + s.ToString(hangingIndent.Length, s.Length - hangingIndent.Length) + "]";
        }
        return Recurse(0, 0, " ", LineWidth);
    }
}
