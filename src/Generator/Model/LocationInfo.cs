using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Diff.Generator.Model;

/// <summary>A source location as plain values (a <see cref="Location"/> holds a syntax tree, so it stays out of models).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
