using System.Text;

namespace Diff.Generator.Emission;

/// <summary>Writes C# line by line with four-space indentation; blocks open and close with braces.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public int Length => _text.Length;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>Writes the lines of another writer at this writer's indentation.</summary>
    public void Append(SourceWriter other)
    {
        foreach (var line in other.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                Line(line);
            }
        }
    }

    public override string ToString() => _text.ToString();
}
