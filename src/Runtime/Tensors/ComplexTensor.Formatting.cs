using System;
using System.Globalization;

namespace Diff;

public sealed partial class ComplexTensor
{
    /// <summary>
    /// The values as numpy's <c>str()</c> prints them, e.g. <c>[[1.+2.j 0.-1.j]\n [3.+0.j 4.+4.j]]</c>:
    /// real and imaginary parts each in their own aligned column (the imaginary part always signed),
    /// shortest round-trip numbers with at most 8 fractional digits, long rows wrapped at 75
    /// characters, more than 1000 elements elided with <c>...</c>; a rank-0 tensor prints as numpy
    /// prints a complex scalar, <c>(1+2j)</c>. Invariant culture.
    /// </summary>
    public override string ToString() => NumpyFormat.Format(_shape, _data);

    /// <summary>
    /// The same bracket layout with each element written as <c>re±imj</c>, both parts by the .NET numeric
    /// format string <paramref name="format"/> (e.g. <c>"F3"</c>) in the invariant culture, right-aligned.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid numeric format.</exception>
    /// <param name="format">A standard or custom numeric format applied to each real and imaginary part, as in <see cref="double.ToString(string)"/>.</param>
    /// <returns>The formatted values, in numpy's layout.</returns>
    public string ToString(string format) => ToString(format, null);

    /// <summary>
    /// <see cref="IFormattable"/>, so that <c>$"{z:F3}"</c> works: no format gives <see cref="ToString()"/>,
    /// a format gives <see cref="ToString(string)"/>; numbers use <paramref name="formatProvider"/>, or the
    /// invariant culture when it is null (as it is in string interpolation).
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid numeric format.</exception>
    /// <param name="format">A numeric format for each real and imaginary part, or null or empty for numpy's shortest round-trip form (<see cref="ToString()"/>).</param>
    /// <param name="formatProvider">The culture, or null for the invariant culture.</param>
    /// <returns>The formatted values, in numpy's layout.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
            return ToString();
        IFormatProvider provider = formatProvider ?? CultureInfo.InvariantCulture;
        return NumpyFormat.Format(_shape, _data.Length, i =>
        {
            double re = _data[i].Real, im = _data[i].Imaginary;
            string sign = double.IsNegative(im) ? "-" : "+";
            return re.ToString(format, provider) + sign + Math.Abs(im).ToString(format, provider) + "j";
        });
    }
}
