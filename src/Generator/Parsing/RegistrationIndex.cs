using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Parsing;

/// <summary>
/// The methods of the current compilation's source that carry <c>[AdjointOf]</c> or <c>[TangentOf]</c>, found once
/// per compilation, so a registration in another type of the project is found too.
/// </summary>
internal static class RegistrationIndex
{
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyList<IMethodSymbol>> Cache = new();

    public static IReadOnlyList<IMethodSymbol> Get(Compilation compilation) =>
        Cache.GetValue(compilation, Build);

    private static IReadOnlyList<IMethodSymbol> Build(Compilation compilation)
    {
        var found = new List<IMethodSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        pending.Push(nested);
                        break;
                    case IMethodSymbol method when IsRegistration(method):
                        found.Add(method);
                        break;
                }
            }
        }

        return found.ToImmutableArray();
    }

    public static bool IsRegistration(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == Types.AdjointOfAttribute || name == Types.TangentOfAttribute)
            {
                return true;
            }
        }

        return false;
    }
}
