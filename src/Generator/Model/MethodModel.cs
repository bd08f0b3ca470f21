using Diff.Generator.Diagnostics;

namespace Diff.Generator.Model;

/// <summary>A type that encloses the method, as the partial declaration the generated file repeats.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A parameter of the differentiated method.</summary>
internal sealed record ParameterModel(string Name, string TypeName, ValueKind Kind, bool IsDifferentiable);

/// <summary>A local of the differentiated method, under its unique name in the method.</summary>
internal sealed record VariableModel(string Name, string TypeName, ValueKind Kind, bool IsParameter, bool IsReferenceType = false);

/// <summary>Everything the generator needs to write the derivatives of one method.</summary>
internal sealed record MethodModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string Accessibility,
    string ReturnTypeName,
    ValueKind ReturnKind,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<VariableModel> Variables,
    EquatableArray<Stmt> Body)
{
    /// <summary>The element functions of <c>Ops.Map</c> calls (lambdas), each differentiated like a method of its own.</summary>
    public EquatableArray<MethodModel> ElementFunctions { get; init; } = EquatableArray<MethodModel>.Empty;
}

/// <summary>What parsing made of a method: the model (null when an error stops generation) and the diagnostics.</summary>
internal sealed record ParseResult(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
