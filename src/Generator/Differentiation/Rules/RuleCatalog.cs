using System.Collections.Generic;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>The rule of every built-in operation, gathered from the rule families.</summary>
internal static class RuleCatalog
{
    private static readonly Dictionary<OpCode, DerivativeRule> Rules = Build();

    public static DerivativeRule For(OpCode op) => Rules[op];

    private static Dictionary<OpCode, DerivativeRule> Build()
    {
        var rules = new Dictionary<OpCode, DerivativeRule>();
        ArithmeticRules.Register(rules);
        ElementaryRules.Register(rules);
        PiecewiseRules.Register(rules);
        ComplexRules.Register(rules);
        ElementRule.Register(rules);
        return rules;
    }
}
