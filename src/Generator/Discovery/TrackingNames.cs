namespace Diff.Generator;

/// <summary>The names of the generator's incremental steps, for tests that check what is cached.</summary>
public static class TrackingNames
{
    /// <summary>Parsing a <c>[Differentiable]</c> method into its model and diagnostics.</summary>
    public const string Parse = "Diff.Parse";

    /// <summary>The models of the methods that can be differentiated (no errors).</summary>
    public const string Models = "Diff.Models";

    /// <summary>The generated files.</summary>
    public const string Emit = "Diff.Emit";

    /// <summary>All step names, in pipeline order.</summary>
    public static readonly string[] All = { Parse, Models, Emit };
}
