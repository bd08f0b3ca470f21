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

    // The rows a known bug breaks compile apart, so that they cost nothing while skipped and break nothing else.
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

    [Fact(Skip = OpsCases.PowBug)]
    public void Pow() => DerivativeChecks.Verify(Skipped.Value, OpsCases.All[nameof(Pow)]);

    [Fact(Skip = OpsCases.PowBug)]
    public void PowComplex() => DerivativeChecks.Verify(Skipped.Value, OpsCases.All[nameof(PowComplex)]);

    [Fact(Skip = OpsCases.PowBug)]
    public void PowConstantExponent() => DerivativeChecks.Verify(Skipped.Value, OpsCases.All[nameof(PowConstantExponent)]);

    [Fact(Skip = OpsCases.ExpmFrechetBug)]
    public void ExpmFrechet() => DerivativeChecks.Verify(Skipped.Value, OpsCases.All[nameof(ExpmFrechet)]);

    [Fact(Skip = OpsCases.ExpmFrechetBug)]
    public void ExpmFrechetComplex() => DerivativeChecks.Verify(Skipped.Value, OpsCases.All[nameof(ExpmFrechetComplex)]);
}
