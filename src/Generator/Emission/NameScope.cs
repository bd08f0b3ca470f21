using System.Collections.Generic;

namespace Diff.Generator.Emission;

/// <summary>The local names of one generated member: every fresh name differs from the user's and from each other.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> taken) => _taken = new HashSet<string>(taken);

    public string Fresh(string hint)
    {
        var candidate = hint;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = hint + i;
        }

        return candidate;
    }
}
