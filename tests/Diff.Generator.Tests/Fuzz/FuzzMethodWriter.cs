using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Diff.Generator.Tests.Fuzz;

/// <summary>The types the fuzzer's expressions have.</summary>
public enum FuzzType
{
    Double,
    Complex,
    Int,
}

/// <summary>One method the fuzzer wrote.</summary>
/// <param name="Name">Its name (unique in its batch).</param>
/// <param name="Text">Its declaration.</param>
/// <param name="Valid">Whether only supported constructs were used.</param>
/// <param name="Injected">For an invalid method, what was injected (for messages).</param>
/// <param name="Parameters">Its parameters, in order.</param>
/// <param name="Returns">Its return type.</param>
public sealed record FuzzMethod(string Name, string Text, bool Valid, string? Injected, (string Name, FuzzType Type)[] Parameters, FuzzType Returns);

/// <summary>
/// Writes random [Differentiable] methods, deterministically from a seed: random expression trees over double, Complex
/// and int locals and parameters, the supported Math and Complex members, if/else, ?:, for loops with carried values and
/// early returns, calls to earlier methods and recursive calls with whole-number expressions for their int parameters
/// (<c>n / 2</c>, <c>i0 % 3</c>); and, in invalid methods, one unsupported construct (statement, operator, call, write,
/// signature). Parameters and locals are often named like the generator's own names or keywords (<c>t</c>/<c>dt</c>,
/// <c>x</c>/<c>dx</c>, <c>Value</c>, <c>seed</c>, <c>o</c> whose tangent would be <c>do</c>, <c>@class</c>).
/// Every method is valid C#; only Diff may reject it.
/// </summary>
public sealed class FuzzMethodWriter
{
    /// <summary>Declarations every batch shares: helpers that are differentiable, registered, or neither.</summary>
    public const string Prelude = """
        using System;
        using System.Numerics;
        using Diff;

        namespace FuzzCases;

        // Types that cannot carry a derivative (today), for values built from differentiated ones.
        public struct FP { public double X; public FP(double x) { X = x; } }
        public sealed class FBox { public double V; public FBox(double v) { V = v; } }
        public record FRec(double A, double B);

        public static partial class H
        {
            public static FP MakeP(double x) => new FP(x);
            public static double ReadP(FP p) => p.X * p.X;
            public static double ReadBox(FBox b) => b.V * 2;
            public static double ReadRec(FRec r) => r.A * r.B;
            public static double ReadTuple((double A, double B) t) => t.A * t.B;
            public static (double, double) PairOf(double x) => (x, x * x);
            public static double ReadFloat(float f) => f * 3;
            public static double ReadText(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

            public static double Field;
            public static double Prop { get; set; }
            public static readonly double[] Arr = new double[4];
            public static readonly object Gate = new();

            [Differentiable]
            public static double Sq(double x) => x * x + 0.5 * x;

            [Differentiable]
            public static Complex CSq(Complex z) => z * z + Complex.ImaginaryOne * z;

            public static double Plain(double x) => x * 3 + 1;

            public static double Soft(double x) => Math.Log(1 + Math.Exp(x));

            [AdjointOf(nameof(Soft))]
            public static (double Value, double x) SoftAdjoint(double x, double seed) => (Soft(x), seed / (1 + Math.Exp(-x)));

            [TangentOf(nameof(Soft))]
            public static (double Value, double Tangent) SoftTangent(double x, double dx) => (Soft(x), dx / (1 + Math.Exp(-x)));
        }
        """;

    private static readonly string[] UnaryMath = ["Sin", "Cos", "Tanh", "Exp", "Atan", "Sinh", "Cosh", "Cbrt", "Abs"];
    private static readonly string[] UnaryMathPositive = ["Log", "Sqrt", "Log10", "Log2"];
    private static readonly string[] ComplexUnary = ["Exp", "Sin", "Cos", "Conjugate", "Log", "Sqrt"];

    /// <summary>
    /// Names that collide with what the generator makes (tangents d…, adjoints …Bar, tuple elements, locals such as
    /// value, product, sinX, k, s) or are keywords, for parameters and locals. None starts with i (loop counters) or
    /// shadows a type the bodies use (Math, Complex, H).
    /// </summary>
    private static readonly string[] CollidingNames =
    [
        "t", "dt", "x", "dx", "ddx", "Value", "seed", "seed_", "o", "@do", "dO", "@class", "@int", "value", "Rest",
        "Item1", "Item2", "ToString", "Tangent", "sinX", "xBar", "tBar", "k", "s", "sum", "product", "quotient", "real",
        "alongX", "dvalue", "value2", "choice", "returned", "_x",
    ];

    private readonly Random random;
    private readonly List<List<(string Name, FuzzType Type)>> scopes = new();
    private readonly List<string> earlierMethods = new();
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private string? self;
    private int counter;
    private int depth;
    private bool returnsFloat;

    /// <summary>Makes a writer with its own sequence.</summary>
    public FuzzMethodWriter(int seed) => random = new Random(seed);

    /// <summary>Writes a method named <paramref name="name"/>; <paramref name="valid"/> says whether to inject an unsupported construct.</summary>
    public FuzzMethod Write(string name, bool valid)
    {
        scopes.Clear();
        usedNames.Clear();
        self = null;
        counter = 0;
        depth = 0;
        returnsFloat = false;
        string? injected = null;
        int injectAt = valid ? -1 : random.Next(4);   // 0: signature, 1: first statement, 2: middle, 3: expression

        // Parameters: one to three of double/Complex, maybe an int n.
        var parameters = new List<(string Name, FuzzType Type)>();
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            // The injected statements write p0 as a double.
            bool complex = random.Next(3) == 0 && (valid || i > 0);
            string parameterName = i == 0 && !valid ? "p0" : random.Next(2) == 0 ? Colliding() ?? $"p{i}" : $"p{i}";
            usedNames.Add(parameterName);
            parameters.Add((parameterName, complex ? FuzzType.Complex : FuzzType.Double));
        }
        bool hasN = random.Next(3) == 0;
        if (hasN)
            parameters.Add(("n", FuzzType.Int));
        // A recursive call, with n - 1 or n / 2 for n: only where n bounds the depth, and in methods Diff accepts.
        if (hasN && valid && random.Next(3) == 0)
            self = $"{name}|{string.Join(",", parameters.Select(p => p.Type))}";
        FuzzType returns = random.Next(4) == 0 ? FuzzType.Complex : FuzzType.Double;
        if (self is not null)
            self += "|" + returns;
        scopes.Add(new List<(string, FuzzType)>(parameters));

        string modifiers = "public static";
        string returnType = TypeName(returns);
        var parameterText = parameters.Select(p => $"{TypeName(p.Type)} {p.Name}").ToList();
        bool injectExpression = false;
        if (injectAt == 0)
        {
            switch (random.Next(4))
            {
                case 0:
                    parameterText[0] = "ref " + parameterText[0];
                    injected = "ref parameter";
                    break;
                case 1:
                    modifiers = "public";
                    injected = "instance method";
                    break;
                case 2:
                    parameterText.Add("params double[] rest");
                    injected = "params parameter";
                    break;
                default:
                    returnType = "float";
                    returnsFloat = true;
                    injected = "float return";
                    break;
            }
        }
        else if (injectAt == 3)
        {
            injectExpression = true;
        }

        var body = new StringBuilder();
        if (injectExpression)
        {
            // First, while p0 is still the parameter, and used by the result below: an unsupported operation on a
            // value that both depends on a differentiable parameter and reaches the result.
            (string text, string what) = InvalidExpression();
            injected = what;
            body.Append(Indent(2)).Append("double bad = ").Append(text).Append(";\n");
        }
        int statements = 1 + random.Next(5);
        for (int i = 0; i < statements; i++)
        {
            if ((injectAt == 1 && i == 0) || (injectAt == 2 && i == statements / 2))
            {
                (string text, string what) = InvalidStatement(2);
                body.Append(text);
                injected = what;
            }
            body.Append(Statement(2, returns, inLoop: false));
        }
        // Mostly make the result depend on a parameter, so that few methods are only DIFF0010 warnings.
        string final = Expression(returns, 3);
        if (random.Next(10) < 7)
        {
            (string p, FuzzType t) = parameters[random.Next(count)];
            string term = t == returns || returns == FuzzType.Complex ? p : $"({p}).Real";
            final = $"({final}) {"+-*"[random.Next(3)]} {term}";
        }
        if (injectExpression)
            final = $"({final}) + bad";
        if (returnsFloat)
            final = returns == FuzzType.Complex ? $"(float)({final}).Real" : $"(float)({final})";
        body.Append(Indent(2)).Append("return ").Append(final).Append(";\n");

        var text2 = new StringBuilder();
        text2.Append("    [Differentiable]\n");
        text2.Append($"    {modifiers} {returnType} {name}({string.Join(", ", parameterText)})\n");
        text2.Append("    {\n").Append(body).Append("    }\n");
        if (valid && returnType != "float")
            earlierMethods.Add($"{name}|{string.Join(",", parameters.Select(p => p.Type))}|{returns}");
        return new FuzzMethod(name, text2.ToString(), valid, injected, parameters.ToArray(), returns);
    }

    private string ReturnValue(FuzzType returns, int budget)
    {
        string value = Expression(returns, budget);
        if (!returnsFloat)
            return value;
        return returns == FuzzType.Complex ? $"(float)({value}).Real" : $"(float)({value})";
    }

    private static string TypeName(FuzzType type) => type switch
    {
        FuzzType.Double => "double",
        FuzzType.Complex => "Complex",
        _ => "int",
    };

    private static string Indent(int level) => new(' ', 4 * level);

    private string Fresh(string prefix) => $"{prefix}{counter++}";

    /// <summary>A name from <see cref="CollidingNames"/> not yet used in this method, or null when none is left.</summary>
    private string? Colliding()
    {
        var free = CollidingNames.Where(n => !usedNames.Contains(n)).ToList();
        return free.Count == 0 ? null : free[random.Next(free.Count)];
    }

    /// <summary>A local's name: often one that collides with a generated name, else a fresh v0, c1, ….</summary>
    private string LocalName(string prefix)
    {
        string name = (random.Next(3) == 0 ? Colliding() : null) ?? Fresh(prefix);
        usedNames.Add(name);
        return name;
    }

    /// <summary>
    /// A whole-number argument for an int parameter: a literal, or an expression over the int variables in scope
    /// (n, loop counters), which the generated code must keep an int.
    /// </summary>
    private string IntArgument(bool forRecursion)
    {
        if (forRecursion)
            return random.Next(2) == 0 ? "n - 1" : "n / 2";
        var ints = Visible(FuzzType.Int);
        if (ints.Count == 0 || random.Next(3) == 0)
            return random.Next(0, 3).ToString(CultureInfo.InvariantCulture);
        string v = ints[random.Next(ints.Count)].Name;
        return random.Next(5) switch
        {
            0 => $"{v} / 2",
            1 => $"{v} % 3",
            2 => $"({v} + 1) / 2",
            3 => $"Math.Min({v}, 2)",
            _ => $"2 * {v} - {v}",
        };
    }

    private List<(string Name, FuzzType Type)> Visible(FuzzType type) =>
        scopes.SelectMany(s => s).Where(v => v.Type == type).ToList();

    private List<(string Name, FuzzType Type)> Assignable(FuzzType type) =>
        scopes.SelectMany(s => s).Where(v => v.Type == type && !v.Name.StartsWith('i') && v.Name != "n").ToList();

    private string Statement(int indent, FuzzType returns, bool inLoop)
    {
        string pad = Indent(indent);
        int choice = random.Next(depth >= 2 ? 5 : 9);
        switch (choice)
        {
            case 0:
            case 1:
            {
                FuzzType type = random.Next(3) == 0 ? FuzzType.Complex : FuzzType.Double;
                string name = LocalName(type == FuzzType.Complex ? "c" : "v");
                // A complex local is sometimes initialised from a double: the implicit conversion.
                string init = Expression(type == FuzzType.Complex && random.Next(4) == 0 ? FuzzType.Double : type, 3);
                scopes[^1].Add((name, type));
                return $"{pad}{TypeName(type)} {name} = {init};\n";
            }
            case 2:
            case 3:
            case 4:
            {
                FuzzType type = random.Next(3) == 0 ? FuzzType.Complex : FuzzType.Double;
                var targets = Assignable(type);
                if (targets.Count == 0)
                    goto case 0;
                string target = targets[random.Next(targets.Count)].Name;
                string op = random.Next(3) == 0 ? new[] { "+=", "-=", "*=", "/=" }[random.Next(4)] : "=";
                return $"{pad}{target} {op} {Expression(type, 3)};\n";
            }
            case 5:
            case 6:
            {
                // if/else, possibly with an early return.
                depth++;
                var text = new StringBuilder();
                text.Append($"{pad}if ({Condition()})\n{pad}{{\n");
                text.Append(Block(indent + 1, returns, inLoop, 1 + random.Next(2)));
                // An early return, also inside a for loop.
                if (random.Next(3) == 0)
                    text.Append($"{Indent(indent + 1)}return {ReturnValue(returns, 2)};\n");
                text.Append($"{pad}}}\n");
                if (random.Next(2) == 0)
                {
                    text.Append($"{pad}else\n{pad}{{\n");
                    text.Append(Block(indent + 1, returns, inLoop, 1 + random.Next(2)));
                    text.Append($"{pad}}}\n");
                }
                depth--;
                return text.ToString();
            }
            default:
            {
                // A for loop over an int counter, carrying what it assigns.
                depth++;
                string i = Fresh("i");
                string bound = Visible(FuzzType.Int).Any(v => v.Name == "n") && random.Next(2) == 0 ? "n" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
                scopes.Add(new List<(string, FuzzType)> { (i, FuzzType.Int) });
                var text = new StringBuilder();
                text.Append($"{pad}for (int {i} = 0; {i} < {bound}; {i}++)\n{pad}{{\n");
                text.Append(Block(indent + 1, returns, inLoop: true, 1 + random.Next(3)));
                text.Append($"{pad}}}\n");
                scopes.RemoveAt(scopes.Count - 1);
                depth--;
                return text.ToString();
            }
        }
    }

    private string Block(int indent, FuzzType returns, bool inLoop, int count)
    {
        scopes.Add(new List<(string, FuzzType)>());
        var text = new StringBuilder();
        for (int k = 0; k < count; k++)
            text.Append(Statement(indent, returns, inLoop));
        scopes.RemoveAt(scopes.Count - 1);
        return text.ToString();
    }

    private string Condition()
    {
        switch (random.Next(4))
        {
            case 0:
                return $"{Expression(FuzzType.Double, 1)} > {Expression(FuzzType.Double, 1)}";
            case 1:
                var ints = Visible(FuzzType.Int);
                if (ints.Count > 0)
                    return $"{ints[random.Next(ints.Count)].Name} {(random.Next(2) == 0 ? "<" : "==")} {random.Next(3)}";
                return $"{Expression(FuzzType.Double, 1)} < {Literal()}";
            case 2:
                return $"({Expression(FuzzType.Complex, 1)}).Real < {Literal()}";
            default:
                return $"{Expression(FuzzType.Double, 1)} <= {Literal()}";
        }
    }

    private string Literal()
    {
        double value = Math.Round(random.NextDouble() * 4 - 2, 2);
        if (value == 0)
            value = 0.5;
        string text = value.ToString("0.0#", CultureInfo.InvariantCulture);
        return value < 0 ? $"({text})" : text;
    }

    private string Expression(FuzzType type, int budget)
    {
        if (budget <= 0 || random.Next(4) == 0)
            return Leaf(type);
        return type switch
        {
            FuzzType.Double => DoubleExpression(budget),
            FuzzType.Complex => ComplexExpression(budget),
            _ => Leaf(FuzzType.Int),
        };
    }

    private string Leaf(FuzzType type)
    {
        var variables = Visible(type);
        if (type == FuzzType.Int)
        {
            return variables.Count > 0 && random.Next(2) == 0
                ? variables[random.Next(variables.Count)].Name
                : random.Next(1, 4).ToString(CultureInfo.InvariantCulture);
        }
        if (variables.Count > 0 && random.Next(4) != 0)
            return variables[random.Next(variables.Count)].Name;
        if (type == FuzzType.Complex)
            return random.Next(2) == 0 ? "Complex.ImaginaryOne" : $"new Complex({Literal()}, {Literal()})";
        return Literal();
    }

    private string DoubleExpression(int budget)
    {
        int b = budget - 1;
        switch (random.Next(13))
        {
            case 0:
            case 1:
            case 2:
                return $"({Expression(FuzzType.Double, b)} {"+-*/"[random.Next(4)]} {Expression(FuzzType.Double, b)})";
            case 3:
                return $"-({Expression(FuzzType.Double, b)})";
            case 4:
                return $"Math.{UnaryMath[random.Next(UnaryMath.Length)]}({Expression(FuzzType.Double, b)})";
            case 5:
                return $"Math.{UnaryMathPositive[random.Next(UnaryMathPositive.Length)]}(1.5 + {Expression(FuzzType.Double, b)} * {Expression(FuzzType.Double, b)})";
            case 6:
                return random.Next(3) switch
                {
                    0 => $"Math.Pow(1.5 + Math.Abs({Expression(FuzzType.Double, b)}), {Expression(FuzzType.Double, b)})",
                    1 => $"Math.Atan2({Expression(FuzzType.Double, b)}, 2.0 + {Expression(FuzzType.Double, b)})",
                    _ => $"Math.Clamp({Expression(FuzzType.Double, b)}, -1.5, 1.5)",
                };
            case 7:
                return $"Math.{(random.Next(2) == 0 ? "Min" : "Max")}({Expression(FuzzType.Double, b)}, {Expression(FuzzType.Double, b)})";
            case 8:
                string member = new[] { "Real", "Imaginary", "Magnitude", "Phase" }[random.Next(4)];
                return $"({Expression(FuzzType.Complex, b)}).{member}";
            case 9:
                return $"({Condition()} ? {Expression(FuzzType.Double, b)} : {Expression(FuzzType.Double, b)})";
            case 10:
                // An int conversion of a differentiated value carries no derivative (DIFF0009, no error); a struct
                // built from constants is a constant.
                return random.Next(5) switch
                {
                    0 => $"((int)({Expression(FuzzType.Double, b)}) * {Expression(FuzzType.Double, b)})",
                    1 => $"(H.ReadP(H.MakeP({Literal()})) * {Expression(FuzzType.Double, b)})",
                    _ => $"({Expression(FuzzType.Int, b)} * {Expression(FuzzType.Double, b)})",
                };
            case 11:
                return random.Next(2) == 0 ? $"H.Sq({Expression(FuzzType.Double, b)})" : $"H.Soft({Expression(FuzzType.Double, b)})";
            default:
                string? call = SelfCall(FuzzType.Double, b) ?? EarlierCall(FuzzType.Double, b);
                return call ?? $"Math.Sin({Expression(FuzzType.Double, b)})";
        }
    }

    private string ComplexExpression(int budget)
    {
        int b = budget - 1;
        switch (random.Next(10))
        {
            case 0:
            case 1:
                return $"({Expression(FuzzType.Complex, b)} {"+-*/"[random.Next(4)]} {Expression(FuzzType.Complex, b)})";
            case 2:
                return random.Next(2) == 0
                    ? $"({Expression(FuzzType.Complex, b)} * {Expression(FuzzType.Double, b)})"
                    : $"({Expression(FuzzType.Double, b)} {"+-"[random.Next(2)]} {Expression(FuzzType.Complex, b)})";
            case 3:
                return $"-({Expression(FuzzType.Complex, b)})";
            case 4:
                return $"Complex.{ComplexUnary[random.Next(ComplexUnary.Length)]}({Expression(FuzzType.Complex, b)})";
            case 5:
                return $"new Complex({Expression(FuzzType.Double, b)}, {Expression(FuzzType.Double, b)})";
            case 6:
                return random.Next(2) == 0
                    ? $"Complex.Pow({Expression(FuzzType.Complex, b)}, {Expression(FuzzType.Double, b)})"
                    : $"Complex.FromPolarCoordinates({Expression(FuzzType.Double, b)}, {Expression(FuzzType.Double, b)})";
            case 7:
                // Implicit double → Complex, at an argument.
                return $"H.CSq({Expression(FuzzType.Double, b)})";
            case 8:
                return $"({Condition()} ? {Expression(FuzzType.Complex, b)} : {Expression(FuzzType.Complex, b)})";
            default:
                return SelfCall(FuzzType.Complex, b) ?? EarlierCall(FuzzType.Complex, b) ?? $"H.CSq({Expression(FuzzType.Complex, b)})";
        }
    }

    /// <summary>A call to a valid method written earlier in the batch that returns <paramref name="type"/>, if any.</summary>
    private string? EarlierCall(FuzzType type, int budget)
    {
        var candidates = earlierMethods.Where(m => m.EndsWith("|" + type, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
            return null;
        return Call(candidates[random.Next(candidates.Count)], budget, recursive: false);
    }

    /// <summary>A call of the method being written to itself, guarded by n &gt; 0, if it is recursive and returns <paramref name="type"/>.</summary>
    private string? SelfCall(FuzzType type, int budget)
    {
        if (self is null || !self.EndsWith("|" + type, StringComparison.Ordinal) || random.Next(2) == 0)
            return null;
        string zero = type == FuzzType.Complex ? "Complex.Zero" : "0.0";
        return $"(n > 0 ? {Call(self, budget, recursive: true)} : {zero})";
    }

    private string Call(string signature, int budget, bool recursive)
    {
        string[] parts = signature.Split('|');
        var arguments = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Enum.Parse<FuzzType>(t))
            .Select(t => t == FuzzType.Int ? IntArgument(recursive) : Expression(t, budget))
            .ToList();
        return $"{parts[0]}({string.Join(", ", arguments)})";
    }

    private (string Text, string What) InvalidExpression()
    {
        string a = $"p0 * {Literal()}", b = Expression(FuzzType.Double, 1);
        return random.Next(4) switch
        {
            0 => ($"({a} % (2.0 + {b}))", "% on double"),
            1 => ($"H.Plain({a})", "call to a method with no derivative"),
            2 => ($"Math.FusedMultiplyAdd({a}, {b}, 1.0)", "call to Math.FusedMultiplyAdd"),
            _ => ($"Math.BitIncrement({a})", "call to Math.BitIncrement"),
        };
    }

    private (string Text, string What) InvalidStatement(int indent)
    {
        string pad = Indent(indent);
        string e = Expression(FuzzType.Double, 2);
        return random.Next(20) switch
        {
            0 => ($"{pad}H.Field = {e};\n", "field write"),
            1 => ($"{pad}H.Arr[0] = {e};\n", "array element write"),
            2 => ($"{pad}H.Prop = {e};\n", "property write"),
            3 => ($"{pad}while (p0 > 100.0)\n{pad}{{\n{pad}    p0 = p0 / 2.0;\n{pad}}}\n", "while"),
            4 => ($"{pad}do\n{pad}{{\n{pad}    p0 = p0 * 0.5;\n{pad}}} while (p0 > 100.0);\n", "do"),
            5 => ($"{pad}foreach (double q in H.Arr)\n{pad}{{\n{pad}    p0 = p0 + q;\n{pad}}}\n", "foreach"),
            6 => ($"{pad}switch ((int)Math.Sign(1.0))\n{pad}{{\n{pad}    case 0:\n{pad}        p0 = {e};\n{pad}        break;\n{pad}}}\n", "switch"),
            7 => ($"{pad}try\n{pad}{{\n{pad}    p0 = {e};\n{pad}}}\n{pad}finally\n{pad}{{\n{pad}}}\n", "try"),
            8 => ($"{pad}lock (H.Gate)\n{pad}{{\n{pad}    p0 = {e};\n{pad}}}\n", "lock"),
            9 => ($"{pad}double Local{counter}(double q) => q * 2.0;\n{pad}p0 = p0 + Local{counter++}(1.0);\n", "local function"),
            10 => ($"{pad}Func<double, double> f{counter} = q => q * 2.0;\n{pad}p0 = p0 + f{counter++}(1.0);\n", "lambda"),
            11 => ($"{pad}using (var ms{counter++} = new System.IO.MemoryStream())\n{pad}{{\n{pad}    p0 = {e};\n{pad}}}\n", "using"),
            12 => ($"{pad}goto next{counter};\n{pad}next{counter++}:\n{pad}p0 = {e};\n", "goto"),
            13 => ($"{pad}H.Field += {e};\n", "compound write to a field"),
            _ => LostDependence(indent),
        };
    }

    /// <summary>
    /// A value of a type that cannot carry a derivative (a struct, a class, a record, a tuple, a float, a string),
    /// built from p0, whose value flows back into p0: without DIFF0018 its dependence would be silently dropped.
    /// </summary>
    private (string Text, string What) LostDependence(int indent)
    {
        string pad = Indent(indent);
        string q = $"q{counter++}";
        string e = $"p0 * {Literal()} + {Expression(FuzzType.Double, 1)}";
        return random.Next(8) switch
        {
            0 => ($"{pad}FP {q} = H.MakeP({e});\n{pad}p0 = p0 + H.ReadP({q});\n", "struct local from a helper"),
            1 => ($"{pad}FP {q} = new FP({e});\n{pad}p0 = p0 * H.ReadP({q});\n", "struct local"),
            2 => ($"{pad}var {q} = ({e}, 2.0);\n{pad}p0 = p0 + H.ReadTuple({q});\n", "tuple local"),
            3 => ($"{pad}FBox {q} = new FBox({e});\n{pad}p0 = p0 - H.ReadBox({q});\n", "class local"),
            4 => ($"{pad}var {q} = new FRec({e}, 1.5);\n{pad}p0 = p0 + H.ReadRec({q});\n", "record local"),
            5 => ($"{pad}float {q} = (float)({e});\n{pad}p0 = p0 + H.ReadFloat({q});\n", "float local"),
            6 => ($"{pad}string {q} = ({e}).ToString(\"R\");\n{pad}p0 = p0 + H.ReadText({q});\n", "string local"),
            _ => ($"{pad}var {q} = H.PairOf({e});\n{pad}p0 = p0 * H.ReadTuple({q});\n", "tuple local from a helper"),
        };
    }
}
