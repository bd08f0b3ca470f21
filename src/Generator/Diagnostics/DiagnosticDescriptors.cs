using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Diff.Generator.Diagnostics;

/// <summary>Every diagnostic Diff reports. Ids, titles and severities match AnalyzerReleases.Unshipped.md and docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Diff";

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "DIFF0001", "Enclosing type is not partial",
        "'{0}' must be partial: the derivatives of '{1}' are generated into it");

    public static readonly DiagnosticDescriptor MethodNotStatic = Error(
        "DIFF0002", "Differentiable method is not static",
        "'{0}' must be static to be differentiated");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "DIFF0003", "Unsupported parameter",
        "Parameter '{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "DIFF0004", "Unsupported return type",
        "'{0}' returns '{1}': a differentiable method returns double or System.Numerics.Complex");

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
        "DIFF0005", "Unsupported statement",
        "{0} is not supported in a [Differentiable] method");

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
        "DIFF0006", "Unsupported expression on a differentiable value",
        "{0} is not differentiable");

    public static readonly DiagnosticDescriptor NoDerivative = Error(
        "DIFF0007", "Call to a method with no derivative",
        "'{0}' has no derivative: mark it [Differentiable] or register one with [AdjointOf]/[TangentOf]");

    public static readonly DiagnosticDescriptor WriteOutside = Error(
        "DIFF0008", "Write outside the method",
        "A [Differentiable] method cannot write to {0}");

    public static readonly DiagnosticDescriptor ZeroDerivative = Warning(
        "DIFF0009", "Derivative is zero almost everywhere",
        "The derivative of {0} is zero almost everywhere: no derivative flows through it");

    public static readonly DiagnosticDescriptor ResultIndependent = Warning(
        "DIFF0010", "Result does not depend on any differentiable parameter",
        "The result of '{0}' {1}: its derivatives are zero");

    public static readonly DiagnosticDescriptor MalformedRegistration = Error(
        "DIFF0011", "Malformed derivative registration",
        "'{0}' cannot be the {1} of '{2}': {3}");

    public static readonly DiagnosticDescriptor RegistrationTargetMissing = Error(
        "DIFF0012", "Registration names a method that does not exist",
        "'{0}' registers a derivative of '{1}', but '{2}' has no method of that name");

    public static readonly DiagnosticDescriptor NameTaken = Error(
        "DIFF0013", "Generated member name is taken",
        "'{0}' already declares '{1}', the name of a member generated for '{2}'");

    public static readonly DiagnosticDescriptor GenericUnsupported = Error(
        "DIFF0014", "Generic methods are not supported",
        "'{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor NoBody = Error(
        "DIFF0015", "Differentiable method has no body",
        "'{0}' has no body to differentiate");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error(
        "DIFF0016", "Tensor shapes do not fit",
        "'{0}' cannot work: {1}");

    public static readonly DiagnosticDescriptor LocalFunction = Error(
        "DIFF0017", "[Differentiable] on a local function or lambda",
        "{0} cannot be [Differentiable]: derivatives are generated only for methods of a partial type. Move it into one, for example 'public static partial class Functions {{ [Differentiable] public static … }}', and call {1}.");

    public static readonly DiagnosticDescriptor DependenceLost = Error(
        "DIFF0018", "Differentiated value in a type that carries no derivative",
        "{0} makes a '{1}' from the differentiated value '{2}': {3}");

    public static readonly DiagnosticDescriptor BadInput = Error(
        "DIFF0019", "[Differentiable] names a parameter that cannot be an input",
        "[Differentiable] on '{0}' names '{1}', {2}");

    public static readonly DiagnosticDescriptor DataParameter = Info(
        "DIFF0020", "Differentiated parameter whose derivative is always zero",
        "'{0}' is differentiated, but the result of '{1}' {2}: its derivative is always zero, computed for nothing. If it is data, differentiate only {3}, or mark it [NoDerivative].");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "DIFF9999", "Internal error in the Diff generator",
        "The Diff generator failed on '{0}': {1}. Please report this; no derivatives were generated for it.");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        TypeNotPartial, MethodNotStatic, UnsupportedParameter, UnsupportedReturnType, UnsupportedStatement,
        UnsupportedExpression, NoDerivative, WriteOutside, ZeroDerivative, ResultIndependent, MalformedRegistration,
        RegistrationTargetMissing, NameTaken, GenericUnsupported, NoBody, ShapeMismatch, LocalFunction, DependenceLost, BadInput,
        DataParameter, InternalError);

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = Build();

    public static DiagnosticDescriptor ById(string id) =>
        Index.TryGetValue(id, out var d) ? d : throw new ArgumentException("Unknown diagnostic id " + id, nameof(id));

    private static Dictionary<string, DiagnosticDescriptor> Build()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var d in All)
        {
            index[d.Id] = d;
        }

        return index;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true,
            helpLinkUri: "https://github.com/diff-dotnet/diff/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant());
}
