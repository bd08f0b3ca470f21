using System.Collections.Generic;
using System.Linq;

namespace Diff.Generator.Emission;

/// <summary>
/// The names of one generated member: it starts from every name the method uses (parameters, the locals of every
/// scope under their unique names, the names the generator reserves for the member's signature), and every name it
/// makes differs from all of them, from each other and from the C# keywords. Names are kept without a verbatim
/// <c>@</c>; a hint that carries one (a user's <c>@class</c>) gives <c>classBar</c>, never <c>@classBar</c>.
/// </summary>
internal sealed class NameScope
{
    /// <summary>
    /// The reserved keywords of C#, and the contextual ones a generated name must not take because generated code
    /// uses them as keywords where a local of that name would change their meaning (<c>var (a, b) = …</c>, the
    /// discard <c>_</c>, <c>nameof</c>).
    /// </summary>
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
        "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "_", "var", "nameof", "dynamic",
    };

    /// <summary>
    /// Names a tuple element may not have at any position (CS8126: members of <c>ValueTuple</c>); <c>Item1</c>…
    /// are allowed only at their own position (CS8125).
    /// </summary>
    private static readonly HashSet<string> TupleMembers = new(System.StringComparer.Ordinal)
    {
        "CompareTo", "Deconstruct", "Equals", "GetHashCode", "Rest", "ToString",
    };

    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> taken) => _taken = new HashSet<string>(taken.Select(Plain), System.StringComparer.Ordinal);

    /// <summary>
    /// A local's name from <paramref name="hint"/>: the hint itself where it is free, else with 2, 3, … appended; a
    /// keyword gets <c>_</c> first (the tangent of a local <c>o</c> is <c>do_</c>, not <c>do</c>).
    /// </summary>
    public string Fresh(string hint)
    {
        hint = Plain(hint);
        if (hint.Length == 0)
        {
            hint = "value";
        }

        if (Keywords.Contains(hint))
        {
            hint += "_";
        }

        var candidate = hint;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = hint + i;
        }

        return candidate;
    }

    /// <summary>
    /// A name callers see (a parameter of the generated member): <paramref name="hint"/>, with <c>_</c> appended
    /// until it is free and not a keyword, as API.md states it (<c>t</c> and <c>dt</c> make the tangent of
    /// <c>t</c> <c>dt_</c>; a parameter <c>seed</c> makes the cotangent <c>seed_</c>).
    /// </summary>
    public string Claim(string hint)
    {
        var candidate = Plain(hint);
        while (Keywords.Contains(candidate) || !_taken.Add(candidate))
        {
            candidate += "_";
        }

        return candidate;
    }

    /// <summary>
    /// The element names of a tuple: <paramref name="leading"/> as given (<c>Value</c>, <c>Tangent</c>), then each of
    /// <paramref name="names"/> with <c>_</c> appended while it repeats an earlier element or is not allowed where it
    /// stands (<c>Rest</c>, <c>ToString</c>, <c>Item3</c> at another position than the third). A name that is a
    /// keyword keeps its <c>@</c>.
    /// </summary>
    public static IReadOnlyList<string> TupleElements(IReadOnlyList<string> leading, IReadOnlyList<string> names)
    {
        // A renamed element avoids the other parameters' own names too, so each element still names its parameter.
        var used = new HashSet<string>(leading.Concat(names.Select(Plain)), System.StringComparer.Ordinal);
        var result = new List<string>(leading);
        foreach (var name in names)
        {
            var candidate = Plain(name);
            if (leading.Contains(candidate) || !IsAllowedElement(candidate, result.Count + 1))
            {
                do
                {
                    candidate += "_";
                }
                while (used.Contains(candidate) || !IsAllowedElement(candidate, result.Count + 1));
                used.Add(candidate);
            }

            result.Add(Escape(candidate));
        }

        return result;
    }

    private static bool IsAllowedElement(string name, int position) => !TupleMembers.Contains(name) && !IsMisplacedItem(name, position);

    /// <summary><c>ItemN</c> at a position other than <c>N</c> (1-based).</summary>
    private static bool IsMisplacedItem(string name, int position) =>
        name.Length > 4 && name.StartsWith("Item", System.StringComparison.Ordinal)
                        && int.TryParse(name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                        && n != position && name.Substring(4) == n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An identifier as C# writes it: with <c>@</c> where it is a keyword.</summary>
    public static string Escape(string name) => Keywords.Contains(name) && IsReserved(name) ? "@" + name : name;

    /// <summary>A name without its verbatim <c>@</c>s (names derived from <c>@class</c> are <c>dclass</c>, <c>classBar</c>).</summary>
    public static string Plain(string name) => name.IndexOf('@') < 0 ? name : name.Replace("@", string.Empty);

    /// <summary>Whether <paramref name="name"/> is a reserved keyword (not a contextual one, which needs no <c>@</c>).</summary>
    private static bool IsReserved(string name) =>
        name is not ("_" or "var" or "nameof" or "dynamic");
}
