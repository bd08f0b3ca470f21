using Diff.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Analyzers;

/// <summary>
/// Reports what a method body does that cannot be differentiated (DIFF0005–0009), tensor shapes that visibly do not
/// fit (DIFF0016), values of types that cannot carry a derivative made from differentiated values (DIFF0018), and DIFF9999 when the parser
/// itself fails on the method. It does not run the emission: that would write every method's derivatives a second
/// time in each build (the generator already does), which was most of the analyzers' cost. Emission is total
/// instead: for a model the parser accepts it writes the derivatives, and should it ever throw, the generator
/// writes a file whose <c>#error</c> names DIFF9999 and the method, so the failure is never silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BodyAnalyzer : DifferentiableMethodAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public BodyAnalyzer()
        : base(
            DiagnosticDescriptors.UnsupportedStatement,
            DiagnosticDescriptors.UnsupportedExpression,
            DiagnosticDescriptors.NoDerivative,
            DiagnosticDescriptors.WriteOutside,
            DiagnosticDescriptors.ZeroDerivative,
            DiagnosticDescriptors.ShapeMismatch,
            DiagnosticDescriptors.DependenceLost,
            DiagnosticDescriptors.InternalError)
    {
    }
}
