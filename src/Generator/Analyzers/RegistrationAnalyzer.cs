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

            var part = isAdjoint ? CallResolver.PartOf(attribute) : 0;
            var problems = candidates.Select(c => part switch
            {
                1 => ForwardProblem(registration, c),
                2 => BackwardProblem(registration, c, type),
                _ => Problem(registration, c, isAdjoint),
            }).ToList();
            if (problems.All(p => p is not null))
            {
                var target = candidates[0];
                var what = part switch { 1 => "adjoint's forward part", 2 => "adjoint's backward part", _ => isAdjoint ? "adjoint" : "tangent" };
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MalformedRegistration, location,
                    registration.Name, what, target.Name, problems[0]!));
            }
        }
    }

    /// <summary>The target's parameters as a registration takes them: the receiver first for an instance member.</summary>
    private static List<(ITypeSymbol Type, string Name, bool Differentiable)> Operands(IMethodSymbol target)
    {
        var operands = new List<(ITypeSymbol, string, bool)>();
        if (!target.IsStatic)
        {
            operands.Add((target.ContainingType, "self", Types.KindOf(target.ContainingType) != ValueKind.Passive));
        }

        operands.AddRange(target.Parameters.Select(p => ((ITypeSymbol)p.Type, p.Name, Types.IsDifferentiable(p))));
        return operands;
    }

    private static string T(ITypeSymbol t) => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static bool Same(IEnumerable<ITypeSymbol> a, IReadOnlyList<ITypeSymbol> b) =>
        a.Count() == b.Count && a.Zip(b, (x, y) => SymbolEqualityComparer.Default.Equals(x, y)).All(x => x);

    /// <summary>The forward part of a split adjoint: the target's parameters, returning <c>(R Value, TResidual Residual)</c>.</summary>
    private static string? ForwardProblem(IMethodSymbol registration, IMethodSymbol target)
    {
        var operands = Operands(target);
        var expected = $"static ({T(target.ReturnType)} Value, TResidual Residual) {target.Name}AdjointForward({string.Join(", ", operands.Select(o => T(o.Type) + " " + o.Name))})";
        var fits = registration.IsStatic
                   && Same(registration.Parameters.Select(p => p.Type), operands.Select(o => o.Type).ToList())
                   && registration.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple
                   && tuple.TupleElements.Length == 2
                   && SymbolEqualityComparer.Default.Equals(tuple.TupleElements[0].Type, target.ReturnType);
        return fits ? null : "expected " + expected;
    }

    /// <summary>
    /// The backward part of a split adjoint: <c>(TResidual residual, R seed)</c>, returning the adjoint of the one
    /// differentiable parameter (or a tuple of them), with a forward part of the same target that makes that residual.
    /// </summary>
    private static string? BackwardProblem(IMethodSymbol registration, IMethodSymbol target, INamedTypeSymbol targetType)
    {
        var differentiable = Operands(target).Where(o => o.Differentiable).ToList();
        var adjoints = differentiable.Count == 1 ? T(differentiable[0].Type) : "(" + string.Join(", ", differentiable.Select(o => T(o.Type) + " " + o.Name)) + ")";
        var expected = $"static {adjoints} {target.Name}AdjointBackward(TResidual residual, {T(target.ReturnType)} seed)";
        if (!registration.IsStatic || registration.Parameters.Length != 2 || !SymbolEqualityComparer.Default.Equals(registration.Parameters[1].Type, target.ReturnType))
        {
            return "expected " + expected;
        }

        var returns = differentiable.Count == 1
            ? SymbolEqualityComparer.Default.Equals(registration.ReturnType, differentiable[0].Type)
            : registration.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple && Same(tuple.TupleElements.Select(e => e.Type), differentiable.Select(o => o.Type).ToList());
        if (!returns)
        {
            return "expected " + expected;
        }

        var residual = registration.Parameters[0].Type;
        var forwards = registration.ContainingType.GetMembers().Concat(targetType.GetMembers()).OfType<IMethodSymbol>()
            .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Types.AdjointOfAttribute && CallResolver.PartOf(a) == 1)
                        && m.ReturnType is INamedTypeSymbol { IsTupleType: true } t && t.TupleElements.Length == 2
                        && SymbolEqualityComparer.Default.Equals(t.TupleElements[1].Type, residual));
        return forwards.Any()
            ? null
            : $"no [AdjointOf(..., Part = AdjointPart.Forward)] registration of '{target.Name}' returns a residual of type {T(residual)} for it";
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

        var operands = Operands(target);
        var differentiable = operands.Where(o => o.Differentiable).ToList();
        var parameterTypes = operands.Select(o => o.Type).ToList();
        if (isAdjoint)
        {
            parameterTypes.Add(target.ReturnType);
        }
        else
        {
            parameterTypes.AddRange(differentiable.Select(o => o.Type));
        }

        var returnTypes = new List<ITypeSymbol> { target.ReturnType };
        if (isAdjoint)
        {
            returnTypes.AddRange(differentiable.Select(o => o.Type));
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
        var r = T(target.ReturnType);
        var operands = Operands(target);
        var parameters = operands.Select(o => T(o.Type) + " " + o.Name).ToList();
        var differentiable = operands.Where(o => o.Differentiable).ToList();
        if (isAdjoint)
        {
            var tuple = string.Join(", ", new[] { r + " Value" }.Concat(differentiable.Select(o => T(o.Type) + " " + o.Name)));
            return $"static ({tuple}) {target.Name}Adjoint({string.Join(", ", parameters.Concat(new[] { r + " seed" }))})";
        }

        var tangents = differentiable.Select(o => T(o.Type) + " d" + o.Name);
        return $"static ({r} Value, {r} Tangent) {target.Name}Tangent({string.Join(", ", parameters.Concat(tangents))})";
    }
}
