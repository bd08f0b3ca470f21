using System;
using System.Collections.Generic;
using Diff.Generator.Emission;
using Diff.Generator.Model;

namespace Diff.Generator.Differentiation.Rules;

/// <summary>Where a rule writes the statements it needs (a local for a value used twice, a call's tuple).</summary>
internal interface IEmitScope
{
    /// <summary>Declares a local holding <paramref name="value"/>, named after <paramref name="hint"/>; returns its name.</summary>
    Code Materialize(Code value, string hint);

    /// <summary>A local name not used elsewhere in the method.</summary>
    string Fresh(string hint);

    /// <summary>Writes one statement.</summary>
    void Line(string text);

    /// <summary>
    /// In forward mode, for the operation that is the whole value of an assignment: the variable and its tangent,
    /// which a rule that calls a tangent method may deconstruct into directly (<c>var (u, du) = …</c>); null
    /// otherwise. Asking takes the offer.
    /// </summary>
    (string Declaration, string Value, string Tangent)? TakeTarget();
}

/// <summary>
/// One argument of an operation as a mode sees it: its value, its tangent (forward mode; null when zero), its kind
/// in the source (a real argument of a complex operation stays <see cref="ValueKind.Real"/>) and whether a
/// derivative flows through it.
/// </summary>
internal sealed record Operand(Code Value, Code? Tangent, ValueKind Kind, bool IsActive);

/// <summary>
/// The derivative rule of one operation, serving both modes. Forward mode asks for the tangent of the result from
/// the tangents of the arguments (a Jacobian-vector product); reverse mode asks for the adjoint contribution of
/// each argument from the adjoint of the result (a vector-Jacobian product).
/// </summary>
internal abstract class DerivativeRule
{
    /// <summary>The value of the operation, as C#.</summary>
    public abstract Code Primal(IReadOnlyList<Code> args, ValueKind kind);

    /// <summary>The value and tangent of the result. <paramref name="hint"/> names any local the rule declares.</summary>
    public abstract (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint);

    /// <summary>
    /// The contribution to each argument's adjoint (null for an inactive argument) from the result's adjoint
    /// <paramref name="bar"/>. <paramref name="result"/> gives the result's value when a rule reuses it.
    /// </summary>
    public abstract Code?[] Reverse(IEmitScope scope, IReadOnlyList<Operand> args, Func<Code> result, Code bar, ValueKind kind, string hint);
}

/// <summary>
/// The linearization of <c>y = f(x₀, x₁, …)</c> with respect to one argument, in one of three shapes that cover
/// real and complex (also non-holomorphic) operations:
/// <list type="bullet">
/// <item><c>Linear(A)</c>: <c>dy = A·dx</c> (real operations, holomorphic complex ones, real arguments of complex ones);</item>
/// <item><c>RealOfComplex(G)</c>: <c>dy = Re(conj(G)·dx)</c> for a real result of a complex argument, whose adjoint is <c>G·ȳ</c>;</item>
/// <item><c>Conjugate</c>: <c>dy = conj(dx)</c>.</item>
/// </list>
/// Reverse mode follows from the convention that the adjoint of a complex <c>x</c> is <c>∂L/∂Re x + i·∂L/∂Im x</c>:
/// <c>x̄ += conj(A)·ȳ</c>, and for a real <c>x</c> of a complex result <c>x̄ += Re(conj(A)·ȳ)</c>.
/// </summary>
internal sealed class Partial
{
    private enum Shape
    {
        Linear,
        RealOfComplex,
        Conjugate,
        TimesI,
        ImaginaryOf,
    }

    private readonly Shape _shape;
    private readonly Code? _factor;

    private Partial(Shape shape, Code? factor)
    {
        _shape = shape;
        _factor = factor;
    }

    public static Partial Linear(Code a) => new(Shape.Linear, a);

    public static Partial RealOfComplex(Code g) => new(Shape.RealOfComplex, g);

    public static Partial Conjugate { get; } = new(Shape.Conjugate, null);

    /// <summary><c>dy = i·dx</c> (the imaginary argument of <c>new Complex(re, im)</c>).</summary>
    public static Partial TimesI { get; } = new(Shape.TimesI, null);

    /// <summary><c>dy = Im(dx)</c> (<c>z.Imaginary</c>), the <c>RealOfComplex</c> shape with <c>G = i</c>.</summary>
    public static Partial ImaginaryOf { get; } = new(Shape.ImaginaryOf, null);

    public Code Forward(Code dx) => _shape switch
    {
        Shape.Linear => C.Mul(_factor!, dx),
        Shape.RealOfComplex => C.Re(C.Mul(C.Conj(_factor!), dx)),
        Shape.TimesI => dx.Kind == ValueKind.Real ? C.Complex(C.Real(0), dx) : C.Mul(C.I, dx),
        Shape.ImaginaryOf => C.Im(dx),
        _ => C.Conj(dx),
    };

    public Code Reverse(Code bar, ValueKind argKind, ValueKind resultKind)
    {
        switch (_shape)
        {
            case Shape.Linear when argKind == ValueKind.Complex:
                return C.Mul(C.Conj(_factor!), bar);
            case Shape.Linear:
                return _factor!.Kind == ValueKind.Real ? C.Mul(_factor, C.Re(bar)) : C.Re(C.Mul(C.Conj(_factor), bar));
            case Shape.RealOfComplex:
                return C.Mul(_factor!, bar);
            case Shape.TimesI:
                return argKind == ValueKind.Real ? C.Im(bar) : C.Neg(C.Mul(C.I, bar));
            case Shape.ImaginaryOf:
                return C.Complex(C.Real(0), C.Re(bar));
            default:
                return C.Conj(bar);
        }
    }
}

/// <summary>
/// A rule given by its partials: both modes follow from <see cref="Partial"/>s, so an operation states its
/// derivative once.
/// </summary>
internal sealed class PartialsRule : DerivativeRule
{
    private readonly Func<IReadOnlyList<Code>, ValueKind, Code> _primal;
    private readonly Func<int, IReadOnlyList<Code>, Func<Code>, ValueKind, Partial?> _partial;

    /// <param name="primal">The value, from the argument values and the result kind.</param>
    /// <param name="partial">
    /// The partial with respect to argument <c>i</c>, from the argument values, the result (materialized on
    /// demand) and the result kind; null where the derivative is zero.
    /// </param>
    public PartialsRule(Func<IReadOnlyList<Code>, ValueKind, Code> primal, Func<int, IReadOnlyList<Code>, Func<Code>, ValueKind, Partial?> partial)
    {
        _primal = primal;
        _partial = partial;
    }

    public override Code Primal(IReadOnlyList<Code> args, ValueKind kind) => _primal(args, kind);

    public override (Code Value, Code? Tangent) Forward(IEmitScope scope, IReadOnlyList<Operand> args, ValueKind kind, string hint)
    {
        var values = Values(args);
        Code? result = null;
        Code Result()
        {
            if (result is null)
            {
                var primal = Primal(Settled(values), kind);
                result = primal.IsCheap ? primal : scope.Materialize(primal, hint);
            }

            return result;
        }

        var terms = new List<Code>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Tangent is { } dx && _partial(i, values, Result, kind) is { } partial)
            {
                terms.Add(partial.Forward(dx));
            }
        }

        return (result ?? Primal(Settled(values), kind), terms.Count == 0 ? null : C.Sum(terms));
    }

    private static Code[] Settled(Code[] values)
    {
        var settled = new Code[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            settled[i] = values[i].Settle();
        }

        return settled;
    }

    public override Code?[] Reverse(IEmitScope scope, IReadOnlyList<Operand> args, Func<Code> result, Code bar, ValueKind kind, string hint)
    {
        var values = Values(args);
        var contributions = new Code?[args.Count];
        var active = 0;
        foreach (var arg in args)
        {
            active += arg.IsActive ? 1 : 0;
        }

        if (active > 1 && !bar.IsCheap)
        {
            bar = scope.Materialize(bar, hint + "Bar");
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].IsActive && _partial(i, values, result, kind) is { } partial)
            {
                contributions[i] = partial.Reverse(bar, args[i].Kind, kind);
            }
        }

        return contributions;
    }

    private static Code[] Values(IReadOnlyList<Operand> args)
    {
        var values = new Code[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            values[i] = args[i].Value;
        }

        return values;
    }
}
