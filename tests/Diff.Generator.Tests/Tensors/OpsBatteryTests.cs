using System;
using System.Collections.Generic;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Every row of <see cref="OpsCases"/>, generated in one in-memory compilation, checked at two random points:
/// tangent against finite differences, adjoint against tangent (the complex convention's inner product), every
/// Value against the primal, Gradient against Adjoint, and the Jacobian's type, shape and contraction.
/// </summary>
public sealed class OpsBatteryTests
{
    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(OpsCases.All.Values.Where(c => c.Skip is null))));

    // The rows a known bug breaks compile apart (each with a skipped fact calling Verify(Skipped.Value, …)), so that
    // they cost nothing while skipped and break nothing else.
    private static readonly Lazy<CaseAssembly> Skipped = new(() => new CaseAssembly(TensorCase.Sources(OpsCases.All.Values.Where(c => c.Skip is not null))));

    public static IEnumerable<object[]> Names => OpsCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, OpsCases.All[name]);

    [Fact]
    public void Every_skipped_row_has_a_skipped_fact_here()
    {
        string[] facts = typeof(OpsBatteryTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), false).Cast<FactAttribute>().Any(f => f.Skip is not null))
            .Select(m => m.Name)
            .ToArray();
        Assert.Equal(OpsCases.All.Values.Where(c => c.Skip is not null).Select(c => c.Name).Order(), facts.Order());
    }
}
