using System;
using System.Globalization;

namespace Diff;

public sealed partial class Tensor
{
    /// <summary>
    /// The values as numpy's <c>str()</c> prints them, e.g. <c>[[1.5 2.5]\n [3.5 4.5]]</c>: shortest
    /// round-trip numbers (at most 8 fractional digits), aligned to common widths, scientific notation
    /// when the magnitudes call for it, long rows wrapped at 75 characters, and tensors of more than
    /// 1000 elements elided with <c>...</c>; a rank-0 tensor prints as a number. Invariant culture.
    /// The shape is visible from the brackets; <see cref="Shape"/> gives it exactly.
    /// </summary>
    public override string ToString() => NumpyFormat.Format(_shape, _data);

    /// <summary>
    /// The same bracket layout with each element written by the .NET numeric format string
    /// <paramref name="format"/> (e.g. <c>"F3"</c>, <c>"E2"</c>) in the invariant culture, right-aligned to a common width.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid numeric format.</exception>
    /// <param name="format">A standard or custom numeric format applied to each element, as in <see cref="double.ToString(string)"/>.</param>
    /// <returns>The formatted values, in numpy's layout.</returns>
    public string ToString(string format) => ToString(format, null);

    /// <summary>
    /// <see cref="IFormattable"/>, so that <c>$"{t:F3}"</c> works: no format gives <see cref="ToString()"/>,
    /// a format gives <see cref="ToString(string)"/>; numbers use <paramref name="formatProvider"/>, or the
    /// invariant culture when it is null (as it is in string interpolation).
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid numeric format.</exception>
    /// <param name="format">A numeric format for each element, or null or empty for numpy's shortest round-trip form (<see cref="ToString()"/>).</param>
    /// <param name="formatProvider">The culture, or null for the invariant culture.</param>
    /// <returns>The formatted values, in numpy's layout.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
            return ToString();
        IFormatProvider provider = formatProvider ?? CultureInfo.InvariantCulture;
        return NumpyFormat.Format(_shape, _data.Length, i => _data[i].ToString(format, provider));
    }
}
