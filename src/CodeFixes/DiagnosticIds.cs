namespace Diff.CodeFixes;

/// <summary>The ids of the diagnostics these code fixes answer (declared in the generator's <c>DiagnosticDescriptors</c>).</summary>
internal static class DiagnosticIds
{
    public const string TypeNotPartial = "DIFF0001";
    public const string MethodNotStatic = "DIFF0002";
    public const string UnsupportedParameter = "DIFF0003";
    public const string NoDerivative = "DIFF0007";
    public const string LocalFunction = "DIFF0017";
    public const string BadInput = "DIFF0019";
    public const string DataParameter = "DIFF0020";
}
