using System;
using System.Collections.Generic;
using System.Globalization;
using Diff.Generator.Model;

namespace Diff.Generator.Emission;

/// <summary>How tightly a piece of code binds, for parenthesizing.</summary>
internal enum Precedence
{
    Conditional,
    Additive,
    Multiplicative,
    Unary,
    Primary,
}

/// <summary>
/// A C# expression being built: its text, its precedence, whether it is real or complex, and (for a numeric
/// literal) its value, so the builders in <see cref="C"/> can leave out <c>* 1</c> and <c>+ 0</c>.
/// </summary>
internal sealed class Code
{
    private readonly string? _text;
    private readonly Code? _inline;
    private Func<Code, Code>? _materialize;
    private Code? _materialized;

    public Code(string text, Precedence precedence, ValueKind kind, double? constant = null, bool isCheap = false, string? typeName = null)
    {
        _text = text;
        Precedence = precedence;
        Kind = kind;
        Constant = constant;
        IsCheap = isCheap || constant is not null;
        _typeName = typeName;
    }

    private Code(Code inline, Func<Code, Code> materialize)
    {
        _inline = inline;
        _materialize = materialize;
        Precedence = Precedence.Primary;
        Kind = inline.Kind;
        IsCheap = true;
        _typeName = inline._typeName;
    }

    private readonly string? _typeName;

    /// <summary>
    /// The C# type a local holding this value is declared with: the kind's type, or for code that is never
    /// differentiated (an index, a count passed to an <c>int</c> parameter) its type from the semantic model.
    /// </summary>
    public string TypeName => _typeName ?? TypeNames.Of(Kind);

    /// <summary>
    /// A value that becomes a local the first time its text is used (by a partial that needs it); until then
    /// <see cref="Settle"/> gives the expression itself, so a value used once stays inline.
    /// </summary>
    public static Code Deferred(Code inline, Func<Code, Code> materialize) =>
        inline.IsCheap ? inline : new Code(inline, materialize);

    /// <summary>The local if the value was materialized, else the inline expression (without materializing it).</summary>
    public Code Settle() => _inline is null ? this : _materialized ?? _inline;

    public string Text
    {
        get
        {
            if (_inline is null)
            {
                return _text!;
            }

            if (_materialized is null)
            {
                _materialized = _materialize!(_inline);
                _materialize = null;
            }

            return _materialized.Text;
        }
    }

    /// <summary>x, when this is −x built by <see cref="C.Neg"/>.</summary>
    public Code? NegationOf { get; internal set; }

    /// <summary>A name or a literal: using it twice costs nothing.</summary>
    public bool IsCheap { get; }

    public Precedence Precedence { get; }

    public ValueKind Kind { get; }

    /// <summary>The value when this is a real constant.</summary>
    public double? Constant { get; }

    public bool IsZero => Constant == 0;

    public bool IsOne => Constant == 1;

    public bool IsSimple => Precedence == Precedence.Primary;

    public override string ToString() => Text;
}

/// <summary>Builders of <see cref="Code"/> that simplify as they go.</summary>
internal static class C
{
    public static Code Name(string name, ValueKind kind) => new(name, Precedence.Primary, kind, isCheap: true);

    public static Code Real(double value) =>
        new(Parsing.PassivePrinter.DoubleLiteral(value), value < 0 ? Precedence.Unary : Precedence.Primary, ValueKind.Real, value);

    /// <summary>The zero of a kind; for tensors and arrays <c>null</c>, which adjoints use for "nothing yet".</summary>
    public static Code Zero(ValueKind kind) => kind switch
    {
        ValueKind.Complex => new Code(TypeNames.Complex + ".Zero", Precedence.Primary, kind, 0),
        ValueKind.Real or ValueKind.Passive => Real(0),
        _ => new Code("null", Precedence.Primary, kind, 0),
    };

    public static Code One(ValueKind kind) =>
        kind == ValueKind.Complex ? new Code(TypeNames.Complex + ".One", Precedence.Primary, kind, 1) : Real(1);

    public static Code I => new(TypeNames.Complex + ".ImaginaryOne", Precedence.Primary, ValueKind.Complex, isCheap: true);

    /// <summary>Code for a passive expression: a double literal keeps its value for simplification.</summary>
    public static Code Passive(string text, bool simple, ValueKind kind, string? typeName = null)
    {
        double? constant = kind == ValueKind.Real && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        // A value that is never differentiated (an index 2 * j + 1, a count n / 2 passed to an int parameter) stays
        // inline where it is used, as a person would write it: it is cheap, and the reverse sweep restores what it reads.
        return new Code(text, simple ? Precedence.Primary : Precedence.Conditional, kind == ValueKind.Passive ? ValueKind.Real : kind, constant, isCheap: simple || kind == ValueKind.Passive,
            typeName: kind == ValueKind.Passive ? typeName : null);
    }

    /// <summary>The kind of a sum or product: complex if either is, a tensor if either is.</summary>
    public static ValueKind Join(ValueKind a, ValueKind b)
    {
        var complex = a.IsComplexValued() || b.IsComplexValued();
        if (a.IsTensor() || b.IsTensor())
        {
            return complex ? ValueKind.ComplexTensor : ValueKind.Tensor;
        }

        return complex ? ValueKind.Complex : ValueKind.Real;
    }

    public static Code Add(Code a, Code b)
    {
        if (a.IsZero)
        {
            return b;
        }

        if (b.IsZero)
        {
            return a;
        }

        if (a.Constant is { } x && b.Constant is { } y && a.Kind == ValueKind.Real && b.Kind == ValueKind.Real)
        {
            return Real(x + y);
        }

        if (Negated(b) is { } nb)
        {
            return Binary(a, "-", nb, Precedence.Additive, rightStrict: true);
        }

        // a + (b + c) keeps its parentheses: floating-point addition is not associative (s += a + b).
        return Binary(a, "+", b, Precedence.Additive, rightStrict: true);
    }

    /// <summary>The sum of <paramref name="terms"/>, with a term that occurs k times written once as k·term.</summary>
    public static Code Sum(IReadOnlyList<Code> terms)
    {
        var order = new List<string>();
        var byText = new Dictionary<string, (Code Term, int Count)>();
        foreach (var term in terms)
        {
            if (byText.TryGetValue(term.Text, out var seen))
            {
                byText[term.Text] = (seen.Term, seen.Count + 1);
            }
            else
            {
                byText[term.Text] = (term, 1);
                order.Add(term.Text);
            }
        }

        Code? sum = null;
        foreach (var text in order)
        {
            var (term, count) = byText[text];
            var scaled = count == 1 ? term : Mul(Real(count), term);
            sum = sum is null ? scaled : Add(sum, scaled);
        }

        return sum ?? Real(0);
    }

    public static Code Sub(Code a, Code b)
    {
        if (b.IsZero)
        {
            return a;
        }

        if (a.IsZero)
        {
            return Neg(b);
        }

        if (a.Constant is { } x && b.Constant is { } y && a.Kind == ValueKind.Real && b.Kind == ValueKind.Real)
        {
            return Real(x - y);
        }

        return Binary(a, "-", b, Precedence.Additive, rightStrict: true);
    }

    public static Code Mul(Code a, Code b)
    {
        if (a.IsZero || b.IsZero)
        {
            return Zero(Join(a.Kind, b.Kind));
        }

        if (a.IsOne && a.Kind == ValueKind.Real)
        {
            return b;
        }

        if (b.IsOne && b.Kind == ValueKind.Real)
        {
            return a;
        }

        if (a.Constant == -1 && a.Kind == ValueKind.Real)
        {
            return Neg(b);
        }

        if (b.Constant == -1 && b.Kind == ValueKind.Real)
        {
            return Neg(a);
        }

        if (a.Constant is { } x && b.Constant is { } y && a.Kind == ValueKind.Real && b.Kind == ValueKind.Real)
        {
            return Real(x * y);
        }

        // a·(−b) = −(a·b) exactly (a sign flip is exact, also for complex products): the sign moves out, where a sum
        // takes it as a subtraction.
        if (Negated(a) is { } na)
        {
            return Neg(Mul(na, b));
        }

        if (Negated(b) is { } nb)
        {
            return Neg(Mul(a, nb));
        }

        return Binary(a, "*", b, Precedence.Multiplicative, rightStrict: true);
    }

    public static Code Div(Code a, Code b) =>
        b.IsOne && b.Kind == ValueKind.Real ? a : Binary(a, "/", b, Precedence.Multiplicative, rightStrict: true);

    public static Code Neg(Code a)
    {
        if (a.IsZero)
        {
            return a;
        }

        if (a.Constant is { } x && a.Kind == ValueKind.Real)
        {
            return Real(-x);
        }

        if (Negated(a) is { } inner)
        {
            return inner;
        }

        // The negation of a name costs one instruction: it may be written more than once.
        return new Code("-" + Wrap(a, Precedence.Unary), Precedence.Unary, a.Kind, isCheap: a.IsCheap) { NegationOf = a };
    }

    /// <summary>x when <paramref name="code"/> is −x (not a negative literal), else null.</summary>
    public static Code? Negated(Code code) => code.NegationOf;

    /// <summary>A call of a static function of <c>Math</c> (real) or <c>Complex</c> (complex).</summary>
    public static Code Fn(string name, ValueKind kind, params Code[] args) =>
        Call((kind == ValueKind.Complex ? TypeNames.Complex : TypeNames.Math) + "." + name, kind, args);

    public static Code Call(string function, ValueKind kind, params Code[] args)
    {
        var texts = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            texts[i] = args[i].Text;
        }

        return new Code(function + "(" + string.Join(", ", texts) + ")", Precedence.Primary, kind);
    }

    public static Code Member(Code a, string member, ValueKind kind) =>
        new(Wrap(a, Precedence.Primary) + "." + member, Precedence.Primary, kind);

    /// <summary>The complex conjugate; a real value is its own conjugate.</summary>
    public static Code Conj(Code a) =>
        a.Kind == ValueKind.Real || a.IsZero ? a : Call(TypeNames.Complex + ".Conjugate", ValueKind.Complex, a);

    /// <summary>The real part; a real value is its own real part.</summary>
    public static Code Re(Code a) =>
        a.Kind == ValueKind.Real ? a : a.IsZero ? Real(0) : Member(a, "Real", ValueKind.Real);

    public static Code Im(Code a) =>
        a.Kind == ValueKind.Real ? Real(0) : Member(a, "Imaginary", ValueKind.Real);

    public static Code Complex(Code re, Code im) =>
        im.IsZero && re.Kind == ValueKind.Real ? re : new Code("new " + TypeNames.Complex + "(" + re.Text + ", " + im.Text + ")", Precedence.Primary, ValueKind.Complex);

    /// <summary><c>condition ? a : b</c>, the condition given as C# text.</summary>
    public static Code Choose(string condition, Code a, Code b) =>
        new("(" + condition + " ? " + a.Text + " : " + b.Text + ")", Precedence.Primary, Join(a.Kind, b.Kind));

    public static string Wrap(Code a, Precedence context) => a.Precedence >= context ? a.Text : "(" + a.Text + ")";

    private static Code Binary(Code a, string op, Code b, Precedence precedence, bool rightStrict = false)
    {
        var left = Wrap(a, precedence);
        var right = rightStrict ? (b.Precedence > precedence ? b.Text : "(" + b.Text + ")") : Wrap(b, precedence);
        return new Code(left + " " + op + " " + right, precedence, Join(a.Kind, b.Kind));
    }
}
