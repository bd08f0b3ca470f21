using System.Collections.Immutable;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain values: the descriptor id, the message arguments and the location. Parsing produces these;
/// the analyzers turn them into <see cref="Diagnostic"/>s.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SyntaxNode? node, params string[] arguments) =>
        Create(descriptor, node?.GetLocation(), arguments);

    /// <summary>
    /// What a code fix needs that the message does not carry in a form it can read (<c>key=value</c>, sorted by key):
    /// the parameter names the parser chose, so the fix and the message never disagree.
    /// </summary>
    public EquatableArray<string> Properties { get; init; } = EquatableArray<string>.Empty;

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.ById(Id);

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s syntax tree of the same path (so it shows in source).</summary>
    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        Microsoft.CodeAnalysis.Location location = Microsoft.CodeAnalysis.Location.None;
        if (Location is { } info)
        {
            SyntaxTree? tree = null;
            if (compilation is not null)
            {
                foreach (var candidate in compilation.SyntaxTrees)
                {
                    if (candidate.FilePath == info.FilePath)
                    {
                        tree = candidate;
                        break;
                    }
                }
            }

            location = tree is not null && info.Span.End <= tree.Length
                ? Microsoft.CodeAnalysis.Location.Create(tree, info.Span)
                : info.ToLocation();
        }

        if (Properties.IsEmpty)
        {
            return Diagnostic.Create(Descriptor, location, args);
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var property in Properties)
        {
            var equals = property.IndexOf('=');
            properties[property.Substring(0, equals)] = property.Substring(equals + 1);
        }

        return Diagnostic.Create(Descriptor, location, properties.ToImmutable(), args);
    }
}
