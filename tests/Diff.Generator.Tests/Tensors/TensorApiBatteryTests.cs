using System;
using System.Collections.Generic;
using Diff.Generator.Tests.Tensors.Harness;
using Xunit;

namespace Diff.Generator.Tests.Tensors;

/// <summary>
/// Every row of <see cref="TensorApiCases"/>, generated in one in-memory compilation and checked like the Ops battery:
/// tangent against finite differences, adjoint against tangent, Values against the primal, Gradient and Jacobian.
/// </summary>
public sealed class TensorApiBatteryTests
{
    private static readonly Lazy<CaseAssembly> Assembly = new(() => new CaseAssembly(TensorCase.Sources(TensorApiCases.All.Values.Where(c => c.Skip is null))));

    public static IEnumerable<object[]> Names => TensorApiCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivatives_agree(string name) => DerivativeChecks.Verify(Assembly.Value, TensorApiCases.All[name]);
}
