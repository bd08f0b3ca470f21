using System;
using System.Collections.Generic;
using System.Linq;
using Diff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Diff.Generator.Parsing;

/// <summary>
/// Finds the derivatives of a called method: its generated members when it is <c>[Differentiable]</c>, or the
/// methods registered with <c>[AdjointOf]</c>/<c>[TangentOf]</c> — in its own type (also from metadata, which is how
/// the runtime registers its kernels) or in any type of the current compilation.
/// </summary>
internal sealed class CallResolver
{
    private readonly Compilation _compilation;

    public CallResolver(Compilation compilation) => _compilation = compilation;

    public static string Display(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name;

    /// <summary>
    /// The call target of <paramref name="method"/>, or null when it has no derivative. When only one mode is
    /// registered, <paramref name="missing"/> names what is missing.
    /// </summary>
    public CallTarget? Resolve(IMethodSymbol method, out string? missing)
    {
        missing = null;
        method = method.OriginalDefinition;
        if (!method.IsStatic || Types.KindOf(method.ReturnType) == ValueKind.Passive || method.IsGenericMethod)
        {
            return null;
        }

        var parameters = method.Parameters
            .Select(p => new ParameterShape(p.Name, Types.KindOf(p.Type), Types.IsDifferentiable(p)))
            .ToEquatableArray();
        var type = Types.Name(method.ContainingType);
        var name = type + "." + method.Name;

        if (Types.HasAttribute(method, Types.DifferentiableAttribute))
        {
            if (!CanBeDifferentiated(method))
            {
                missing = Display(method) + " (it cannot be differentiated itself: see its diagnostics)";
            }

            return new CallTarget(name, Display(method), parameters, name + "Adjoint", name + "Tangent");
        }

        string? adjoint = null;
        string? tangent = null;
        foreach (var candidate in Candidates(method))
        {
            foreach (var attribute in candidate.GetAttributes())
            {
                var attributeName = attribute.AttributeClass?.ToDisplayString();
                if ((attributeName == Types.AdjointOfAttribute || attributeName == Types.TangentOfAttribute)
                    && Names(attribute, candidate, method) && ParametersMatch(candidate, method))
                {
                    var registered = Types.Name(candidate.ContainingType) + "." + candidate.Name;
                    if (attributeName == Types.AdjointOfAttribute)
                    {
                        adjoint ??= registered;
                    }
                    else
                    {
                        tangent ??= registered;
                    }
                }
            }
        }

        if (adjoint is null && tangent is null)
        {
            return null;
        }

        if (adjoint is null || tangent is null)
        {
            missing = Display(method) + (adjoint is null
                ? " (it registers only a [TangentOf]; reverse mode needs an [AdjointOf])"
                : " (it registers only an [AdjointOf]; forward mode needs a [TangentOf])");
        }

        return new CallTarget(name, Display(method), parameters, adjoint, tangent);
    }

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? _inProgress;

    /// <summary>
    /// Whether a <c>[Differentiable]</c> method of this compilation gets generated members (parsing it finds no
    /// error); a method of a referenced assembly has them already. Recursive calls are assumed fine.
    /// </summary>
    private bool CanBeDifferentiated(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length == 0
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax syntax
            || !_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return true;
        }

        _inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!_inProgress.Add(method))
        {
            return true;
        }

        try
        {
            var result = MethodParser.Parse(method, syntax, _compilation.GetSemanticModel(syntax.SyntaxTree), default);
            return result.Model is not null && !result.Diagnostics.Any(d => d.IsError);
        }
        finally
        {
            _inProgress.Remove(method);
        }
    }

    /// <summary>The registrations that may name <paramref name="method"/>: its type's methods, then the compilation's.</summary>
    private IEnumerable<IMethodSymbol> Candidates(IMethodSymbol method)
    {
        foreach (var member in method.ContainingType.GetMembers().OfType<IMethodSymbol>())
        {
            yield return member;
        }

        foreach (var registration in RegistrationIndex.Get(_compilation))
        {
            if (!SymbolEqualityComparer.Default.Equals(registration.ContainingType, method.ContainingType))
            {
                yield return registration;
            }
        }
    }

    /// <summary>Whether the registration attribute names <paramref name="target"/> (by type and method name).</summary>
    public static bool Names(AttributeData attribute, IMethodSymbol registration, IMethodSymbol target)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length == 1)
        {
            return args[0].Value as string == target.Name
                   && SymbolEqualityComparer.Default.Equals(registration.ContainingType, target.ContainingType);
        }

        return args.Length == 2
               && args[1].Value as string == target.Name
               && SymbolEqualityComparer.Default.Equals(args[0].Value as ITypeSymbol, target.ContainingType);
    }

    /// <summary>A registration starts with the target's parameters, in order and of the same types.</summary>
    public static bool ParametersMatch(IMethodSymbol registration, IMethodSymbol target)
    {
        if (registration.Parameters.Length < target.Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < target.Parameters.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(registration.Parameters[i].Type, target.Parameters[i].Type))
            {
                return false;
            }
        }

        return true;
    }
}
