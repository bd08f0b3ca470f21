using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
using Diff.Generator.Diagnostics;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Diff.Generator.Parsing;

/// <summary>
/// DIFF0020, the hint for a new user's most common mistake: data (labels, a tensor of samples) left differentiated
/// because every parameter of a differentiable type is an input by default. The rule has no false positives: it
/// names only a parameter whose derivative is exactly zero, because no operation with a derivative carries it to the
/// result (it is read only in conditions and comparisons, counted, converted to an integer, or not read at all), so
/// its tangent is ignored and its adjoint is zero, computed for nothing. A parameter that is written (an in-out
/// value), a method with <c>ref</c>/<c>out</c> parameters, a method that lists its inputs, and a method whose
/// result depends on no input at all (DIFF0010) get no hint.
/// </summary>
internal static class DataParameters
{
    /// <summary>
    /// Reports DIFF0020 on each such parameter of <paramref name="method"/>, whose model is <paramref name="model"/>;
    /// <paramref name="written"/> gives the symbols the body assigns (a data-flow pass, run only for a candidate).
    /// </summary>
    public static void Report(IMethodSymbol method, IOperation body, MethodModel model, System.Func<ISet<ISymbol>> written, LoweringContext context)
    {
        if (Inputs.Listed(method) is not null || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return;
        }

        var inputs = method.Parameters.Where(Types.IsDifferentiable).ToList();
        if (inputs.Count < 2)
        {
            return;
        }

        // Activity first (a pass over the IR, once); the operation tree is walked again only for what it flags.
        var activity = Activity.Analyze(model);
        var data = inputs
            .Where(p => !activity.IsActive(Emission.NameScope.Escape(p.Name)) && !written().Contains(p) && !WrittenThrough(body, p))
            .Select(p => (Parameter: p, Dependence: Dependence.Analyze(body, new[] { p })))
            .Where(d => !d.Dependence.ResultVaried(body))
            .ToList();
        if (data.Count == 0 || data.Count == inputs.Count)
        {
            return;
        }

        var kept = inputs.Where(p => !data.Any(d => SymbolEqualityComparer.Default.Equals(d.Parameter, p))).Select(p => p.Name).ToList();
        var only = string.Join(", ", kept.Select(n => "'" + n + "'")) + " ([Differentiable(" + Inputs.NameofList(kept) + ")])";
        foreach (var (parameter, dependence) in data)
        {
            var how = dependence.ResultTouchesInputs(body)
                ? "reads it only where no derivative flows (conditions and comparisons, lengths and shapes, integer conversions, Math.Floor and the like)"
                : "does not depend on it";
            var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DataParameter, syntax, parameter.Name, method.Name, how, only) with
            {
                Properties = new EquatableArray<string>(new[] { "Inputs=" + string.Join(",", kept) }),
            });
        }
    }

    /// <summary>
    /// Whether the body writes <paramref name="parameter"/>'s elements or passes it to a call that returns nothing
    /// (which may write it): then it is an in-out value, whose derivative matters beyond the result.
    /// </summary>
    private static bool WrittenThrough(IOperation body, IParameterSymbol parameter)
    {
        foreach (var op in body.Descendants())
        {
            switch (op)
            {
                case IAssignmentOperation { Target: var target } when Reads(Receiver(target), parameter):
                case IIncrementOrDecrementOperation { Target: var counted } when Reads(Receiver(counted), parameter):
                    return true;
                case IInvocationOperation { Type.SpecialType: SpecialType.System_Void } call
                    when call.Arguments.Any(a => Reads(a.Value, parameter)) || Reads(call.Instance, parameter):
                    return true;
            }
        }

        return false;
    }

    private static IOperation? Receiver(IOperation target) => target switch
    {
        IArrayElementReferenceOperation element => element.ArrayReference,
        IPropertyReferenceOperation property => property.Instance,
        IFieldReferenceOperation field => field.Instance,
        _ => null,
    };

    private static bool Reads(IOperation? op, IParameterSymbol parameter)
    {
        while (op is IConversionOperation conversion)
        {
            op = conversion.Operand;
        }

        return op is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);
    }
}
