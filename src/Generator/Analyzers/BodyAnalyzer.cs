using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Emission;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Analyzers;

/// <summary>
/// Reports what a method body does that cannot be differentiated (DIFF0005–0009), and DIFF9999 when the generator
/// itself fails on the method — it runs the same emission the generator runs, so no failure is silent.
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
            DiagnosticDescriptors.InternalError)
    {
    }

    private protected override IEnumerable<DiagnosticInfo> Extra(ParseResult result, IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (result.Model is null || result.Diagnostics.Any(d => d.IsError))
        {
            yield break;
        }

        Exception? failure = null;
        try
        {
            MemberEmitter.Emit(result.Model);
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (failure is not null)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, failure.GetType().Name + ": " + failure.Message);
        }
    }
}
