using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Diff.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Diff.Generator.Analyzers;

/// <summary>
/// Checks <c>[AdjointOf]</c> and <c>[TangentOf]</c> registrations: the named method must exist (DIFF0012) and the
/// registration must have the shape of the generated member it stands for (DIFF0011), spelled out in the message.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistrationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MalformedRegistration, DiagnosticDescriptors.RegistrationTargetMissing);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var registration = (IMethodSymbol)context.Symbol;
        foreach (var attribute in registration.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            var isAdjoint = name == Types.AdjointOfAttribute;
            if (!isAdjoint && name != Types.TangentOfAttribute)
            {
                continue;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? registration.Locations.FirstOrDefault();
            var args = attribute.ConstructorArguments;
            var type = args.Length == 2 ? args[0].Value as INamedTypeSymbol : registration.ContainingType;
            var methodName = args.Length == 2 ? args[1].Value as string : args.Length == 1 ? args[0].Value as string : null;
            if (type is null || methodName is null)
            {
                continue;
            }

            var candidates = type.GetMembers(methodName).OfType<IMethodSymbol>().ToList();
            if (candidates.Count == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RegistrationTargetMissing, location,
                    registration.Name, methodName, type.ToDisplayString()));
                continue;
            }

            var problems = candidates.Select(c => Problem(registration, c, isAdjoint)).ToList();
            if (problems.All(p => p is not null))
            {
                var target = candidates[0];
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MalformedRegistration, location,
                    registration.Name, isAdjoint ? "adjoint" : "tangent", target.Name, problems[0]!));
            }
        }
    }

    /// <summary>What keeps <paramref name="registration"/> from being the adjoint or tangent of <paramref name="target"/>; null when it fits.</summary>
    private static string? Problem(IMethodSymbol registration, IMethodSymbol target, bool isAdjoint)
    {
        var expected = Expected(target, isAdjoint);
        if (Types.KindOf(target.ReturnType) == ValueKind.Passive)
        {
            return $"'{target.Name}' returns {target.ReturnType.ToDisplayString()}, which has no derivative";
        }

        if (!registration.IsStatic)
        {
            return "it must be static; expected " + expected;
        }

        var differentiable = target.Parameters.Where(Types.IsDifferentiable).ToList();
        var parameterTypes = target.Parameters.Select(p => p.Type).ToList();
        if (isAdjoint)
        {
            parameterTypes.Add(target.ReturnType);
        }
        else
        {
            parameterTypes.AddRange(differentiable.Select(p => p.Type));
        }

        var returnTypes = new List<ITypeSymbol> { target.ReturnType };
        if (isAdjoint)
        {
            returnTypes.AddRange(differentiable.Select(p => p.Type));
        }
        else
        {
            returnTypes.Add(target.ReturnType);
        }

        var fits = registration.Parameters.Length == parameterTypes.Count
                   && registration.Parameters.Select(p => p.Type).Zip(parameterTypes, (a, b) => SymbolEqualityComparer.Default.Equals(a, b)).All(x => x)
                   && registration.Parameters.All(p => p.RefKind == RefKind.None)
                   && registration.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple
                   && tuple.TupleElements.Length == returnTypes.Count
                   && tuple.TupleElements.Select(e => e.Type).Zip(returnTypes, (a, b) => SymbolEqualityComparer.Default.Equals(a, b)).All(x => x);
        return fits ? null : "expected " + expected;
    }

    private static string Expected(IMethodSymbol target, bool isAdjoint)
    {
        string T(ITypeSymbol t) => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var r = T(target.ReturnType);
        var parameters = target.Parameters.Select(p => T(p.Type) + " " + p.Name).ToList();
        var differentiable = target.Parameters.Where(Types.IsDifferentiable).ToList();
        if (isAdjoint)
        {
            var tuple = string.Join(", ", new[] { r + " Value" }.Concat(differentiable.Select(p => T(p.Type) + " " + p.Name)));
            return $"static ({tuple}) {target.Name}Adjoint({string.Join(", ", parameters.Concat(new[] { r + " seed" }))})";
        }

        var tangents = differentiable.Select(p => T(p.Type) + " d" + p.Name);
        return $"static ({r} Value, {r} Tangent) {target.Name}Tangent({string.Join(", ", parameters.Concat(tangents))})";
    }
}
