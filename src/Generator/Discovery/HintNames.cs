using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Diff.Generator;

/// <summary>
/// The name of a method's generated file, from its full metadata name: <c>{Namespace}.{Type}.{Method}.g.cs</c>, with
/// every enclosing type (<c>Outer.Inner</c>), a type's generic arity (<c>Inner`1</c>) and, for an overloaded
/// method, its parameter types (<c>Twice(double).g.cs</c>). Two methods never share a name: a generator that added
/// the same name twice would fail as a whole (CS8785) and take every generated member of the project with it.
/// </summary>
internal static class HintNames
{
    private static readonly SymbolDisplayFormat ParameterFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The file name of <paramref name="method"/>'s derivatives.</summary>
    public static string For(IMethodSymbol method, System.Func<ISymbol, bool> isGenerated)
    {
        var parts = new List<string>();
        if (!method.ContainingNamespace.IsGlobalNamespace)
        {
            parts.Add(method.ContainingNamespace.ToDisplayString());
        }

        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, type.MetadataName);
        }

        parts.AddRange(types);
        var name = method.MetadataName;
        var overloads = method.ContainingType!.GetMembers(method.Name).OfType<IMethodSymbol>().Where(m => !isGenerated(m)).ToList();
        if (overloads.Count > 1)
        {
            var parameters = Parameters(method);
            name += "(" + parameters + ")";

            // Two methods of one signature (an error the compiler reports, CS0111) still get files of their own, so the
            // generator does not fail for every other method.
            var same = overloads.Where(m => Parameters(m) == parameters).ToList();
            if (same.Count > 1)
            {
                name += "-" + (same.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method)) + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        parts.Add(name);
        return Safe(string.Join(".", parts)) + ".g.cs";
    }

    private static string Parameters(IMethodSymbol method) =>
        string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(ParameterFormat)));

    /// <summary>
    /// The name with only the characters every Roslyn version accepts in a hint name (identifier characters and
    /// <c>.,-_ ()[]{}</c>, plus the backtick of an arity): <c>&lt;&gt;</c> become <c>{}</c>; any other character
    /// becomes <c>_</c>, and then a hash of the whole name keeps two names that differ only there apart.
    /// </summary>
    private static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        var replaced = false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '.' or ',' or '-' or '_' or ' ' or '(' or ')' or '[' or ']' or '{' or '}' or '`')
            {
                builder.Append(c);
            }
            else if (c is '<' or '>')
            {
                builder.Append(c == '<' ? '{' : '}');
            }
            else
            {
                builder.Append('_');
                replaced = true;
            }
        }

        if (replaced)
        {
            // FNV-1a: stable across runs and platforms (string.GetHashCode is not).
            var hash = 2166136261u;
            foreach (var c in name)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            builder.Append('-').Append(hash.ToString("x8", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
