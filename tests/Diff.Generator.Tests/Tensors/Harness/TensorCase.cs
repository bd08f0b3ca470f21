using System;
using System.Collections.Generic;
using System.Text;

namespace Diff.Generator.Tests.Tensors.Harness;

/// <summary>
/// One [Differentiable] method of the tensor battery: a type <see cref="Name"/> holding the method <c>F</c> written in
/// <see cref="Method"/>, and a way to draw its arguments (all of them, constants included) on random shapes.
/// </summary>
/// <param name="Name">The type's name: a C# identifier, unique in the battery.</param>
/// <param name="Method">
/// The declaration of <c>F</c> after <c>[Differentiable] public static</c>, e.g.
/// <c>Tensor F(Tensor a, Tensor b) => Ops.MatMul(a, b);</c>; other static members may follow it.
/// </param>
/// <param name="Args">Draws the arguments of <c>F</c>, in order.</param>
/// <param name="Skip">A BUG-T id and reason when a generator bug keeps the case from passing.</param>
/// <param name="FdStep">The finite-difference step along a random direction of unit entries.</param>
public sealed record TensorCase(string Name, string Method, Func<Random, object[]> Args, string? Skip = null, double FdStep = 1e-3)
{
    /// <summary>The usings every case file starts with.</summary>
    public const string Usings = "using System;\nusing System.Numerics;\nusing Diff;\n\n";

    /// <summary>The arguments of <c>[Differentiable(…)]</c> on <c>F</c>, e.g. <c>nameof(w), nameof(b)</c>; none when null.</summary>
    public string? Inputs { get; init; }

    /// <summary>The whole file of the case.</summary>
    public string Source => Usings + $$"""
        public static partial class {{Name}}
        {
            [Differentiable{{(Inputs is null ? "" : "(" + Inputs + ")")}}]
            public static {{Method}}
        }
        """;

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The files of <paramref name="cases"/> by type name, for <see cref="CaseAssembly"/>.</summary>
    public static IReadOnlyDictionary<string, string> Sources(IEnumerable<TensorCase> cases) =>
        cases.ToDictionary(c => c.Name, c => c.Source, StringComparer.Ordinal);

    /// <summary>A generator seeded by a name (FNV-1a), so a case draws the same shapes and values on every run.</summary>
    public static Random RandomFor(string name, int salt)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
            hash = (hash ^ b) * 16777619;
        return new Random((int)(hash ^ (uint)salt * 2654435761u));
    }
}
