using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Analysis;
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
    }

    public MethodModel Model { get; }

    public Activity Activity { get; }

    public VariableModel Variable(string name) => _variables[name];

    public IEnumerable<string> VariableNames => _variables.Keys;

    /// <summary>The C# type of a variable as the generated code declares it.</summary>
    public string TypeOf(string name) => _variables[name].TypeName;

    /// <summary>The parameter list of the original method, as written in the generated members.</summary>
    public string ParameterList => string.Join(", ", Model.Parameters.Select(p => p.TypeName + " " + p.Name));

    public string ArgumentList => string.Join(", ", Model.Parameters.Select(p => p.Name));

    public IEnumerable<ParameterModel> Differentiable => Model.Parameters.Where(p => p.IsDifferentiable);

    public string ReturnType => TypeNames.Of(Model.ReturnKind);
}
