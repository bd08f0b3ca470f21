using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation;

/// <summary>What both modes look up about the method: its variables by name and which of them are active.</summary>
internal sealed class MethodInfo
{
    private readonly Dictionary<string, VariableModel> _variables;

    public MethodInfo(MethodModel model)
    {
        Model = model;
        Activity = Activity.Analyze(model);
        _variables = model.Variables.ToDictionary(v => v.Name);

        // The names of the generated members' own parameters, chosen once so every member and document agrees.
        var signature = new NameScope(_variables.Keys);
        foreach (var parameter in Differentiable)
        {
            _tangentNames[parameter.Name] = signature.Claim("d" + parameter.Name);
        }

        Seed = signature.Claim("seed");
        AdjointElements = NameScope.TupleElements(new[] { "Value" }, Differentiable.Select(p => p.Name).ToList());
    }

    private readonly Dictionary<string, string> _tangentNames = new();

    public MethodModel Model { get; }

    public Activity Activity { get; }

    public VariableModel Variable(string name) => _variables[name];

    public IEnumerable<string> VariableNames => _variables.Keys;

    /// <summary>
    /// Every name a generated member starts with: the method's variables (parameters and the locals of every
    /// scope), the tangent parameters and the seed, and the names of the members' tuple elements.
    /// </summary>
    public NameScope NewScope() =>
        new(_variables.Keys.Concat(_tangentNames.Values).Concat(new[] { Seed, "Value", "Tangent" }));

    /// <summary>The tangent parameter of <c>{F}Tangent</c> for <paramref name="parameter"/>: <c>dx</c>, or <c>dt_</c> beside a parameter <c>dt</c>.</summary>
    public string TangentName(ParameterModel parameter) => _tangentNames[parameter.Name];

    /// <summary>The cotangent parameter of <c>{F}Adjoint</c>: <c>seed</c>, or <c>seed_</c> beside a parameter <c>seed</c>.</summary>
    public string Seed { get; }

    /// <summary>
    /// The element names of the tuples <c>{F}Adjoint</c>, <c>{F}Gradient</c> and <c>{F}Jacobian</c> return: <c>Value</c>,
    /// then the differentiable parameters' own names (<c>Value_</c>, <c>Rest_</c>, <c>Item2_</c> where the name is not
    /// allowed as a tuple element there).
    /// </summary>
    public IReadOnlyList<string> AdjointElements { get; }

    /// <summary>The element of the adjoint tuples that holds <paramref name="parameter"/>'s derivative.</summary>
    public string ElementOf(ParameterModel parameter) => AdjointElements[Differentiable.ToList().IndexOf(parameter) + 1];

    /// <summary>The C# type of a variable as the generated code declares it.</summary>
    public string TypeOf(string name) => _variables[name].TypeName;

    /// <summary>The parameter list of the original method, as written in the generated members.</summary>
    public string ParameterList => string.Join(", ", Model.Parameters.Select(p => p.TypeName + " " + p.Name));

    public string ArgumentList => string.Join(", ", Model.Parameters.Select(p => p.Name));

    public IEnumerable<ParameterModel> Differentiable => Model.Parameters.Where(p => p.IsDifferentiable);

    public string ReturnType => TypeNames.Of(Model.ReturnKind);
}
