using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Parsing;

/// <summary>
/// The state of lowering one method body: the variables (each with a unique name in the method), the names the
/// generated members reserve, and the diagnostics found so far.
/// </summary>
internal sealed class LoweringContext
{
    private readonly Dictionary<ISymbol, VariableModel> _variables = new(SymbolEqualityComparer.Default);
    private readonly List<VariableModel> _ordered = new();
    private readonly HashSet<string> _taken;
    private int _temps;

    public LoweringContext(SemanticModel semanticModel, IEnumerable<string> reserved, CancellationToken cancellationToken)
    {
        SemanticModel = semanticModel;
        CancellationToken = cancellationToken;
        _taken = new HashSet<string>(reserved);
    }

    public SemanticModel SemanticModel { get; }

    public CancellationToken CancellationToken { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The element functions of the <c>Ops.Map</c> calls lowered so far.</summary>
    public List<MethodModel> ElementFunctions { get; } = new();

    /// <summary>The prefix of the element functions' names: the method's name (with its overload's types).</summary>
    public string ElementPrefix { get; set; } = "Element";

    /// <summary>The shapes of tensors known at compile time, for DIFF0016.</summary>
    public ShapeInference Shapes { get; } = new();

    /// <summary>The [NoDerivative] parameters of a differentiable type that the method never assigns: constants.</summary>
    public HashSet<string> ConstantParameters { get; } = new();

    /// <summary>
    /// Which values depend on a differentiable parameter, whatever their type (null in an element function): a member
    /// read of a value that does not is a constant.
    /// </summary>
    public Dependence? Dependence { get; set; }

    /// <summary>Whether this is the body of a lambda given to <c>Ops.Map</c> (which may read only its parameter).</summary>
    public bool IsElementFunction { get; init; }

    /// <summary>A fresh name for an element function: <c>{Method}Map1</c>, <c>{Method}Map2</c>, …</summary>
    public string ElementFunctionName() => ElementPrefix + "Map" + (ElementFunctions.Count + 1);

    public IReadOnlyList<VariableModel> Variables => _ordered;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public void Report(DiagnosticDescriptor descriptor, SyntaxNode? node, params string[] arguments)
    {
        // Messages that start with their first argument start with a capital letter.
        if (arguments.Length > 0 && arguments[0].Length > 0 && descriptor.MessageFormat.ToString().StartsWith("{0}", System.StringComparison.Ordinal))
        {
            arguments[0] = char.ToUpperInvariant(arguments[0][0]) + arguments[0].Substring(1);
        }

        Diagnostics.Add(DiagnosticInfo.Create(descriptor, node, arguments));
    }

    /// <summary>Registers a parameter under its own name.</summary>
    public VariableModel AddParameter(IParameterSymbol parameter, ValueKind kind, string typeName)
    {
        // Names are kept as C# writes them (@class), so generated code can print them as they are.
        var name = Emission.NameScope.Escape(parameter.Name);
        var model = new VariableModel(name, typeName, kind, IsParameter: true);
        _taken.Add(name);
        _variables[parameter] = model;
        _ordered.Add(model);
        return model;
    }

    /// <summary>Registers a local; a name already used in the method (a sibling scope, a generated name) gets a suffix.</summary>
    public VariableModel AddLocal(ILocalSymbol local, ValueKind kind, string typeName)
    {
        if (_variables.TryGetValue(local, out var existing))
        {
            return existing;
        }

        var model = new VariableModel(Unique(Emission.NameScope.Escape(local.Name)), typeName, kind, IsParameter: false, IsReferenceType: !local.Type.IsValueType);
        _variables[local] = model;
        _ordered.Add(model);
        return model;
    }

    /// <summary>A compiler-made local (the value of a conditional expression), named after <paramref name="hint"/>.</summary>
    public VariableModel AddTemporary(string hint, ValueKind kind, string typeName)
    {
        _temps++;
        var model = new VariableModel(Unique(hint), typeName, kind, IsParameter: false);
        _ordered.Add(model);
        return model;
    }

    public VariableModel? Lookup(ISymbol symbol) => _variables.TryGetValue(symbol, out var v) ? v : null;

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    /// <summary>The statement's text on one line, for the comments of the generated code.</summary>
    public static SourceInfo Source(SyntaxNode node)
    {
        var text = CollapseWhitespace(node.ToString());
        if (text.EndsWith(";", System.StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 1);
        }

        if (text.Length > 100)
        {
            text = text.Substring(0, 97) + "...";
        }

        return new SourceInfo(text, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>Each run of whitespace as one space, none at either end (what <c>Regex.Replace(s, @"\s+", " ").Trim()</c> does, without a regex).</summary>
    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
