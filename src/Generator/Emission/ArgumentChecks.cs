using Diff.Generator.Differentiation;
using Diff.Generator.Model;

namespace Diff.Generator.Emission;

/// <summary>
/// The argument checks at the top of the generated members, as the BCL writes them: <c>ArgumentNullException</c>
/// naming the parameter for a null array or tensor (a differentiable argument, a tangent, a seed), and
/// <c>ArgumentException</c> naming both lengths or shapes where a tangent or seed does not match its value, so
/// nothing is silently cut or read out of range. Scalars need none: a member of scalars only gets no check at all.
/// </summary>
internal static class ArgumentChecks
{
    private const string ArgumentNull = "global::System.ArgumentNullException";

    private const string Argument = "global::System.ArgumentException";

    /// <summary>Null checks of the differentiable arrays and tensors; true when it wrote any.</summary>
    public static bool Values(MethodInfo method, SourceWriter writer)
    {
        var any = false;
        foreach (var parameter in method.Differentiable)
        {
            if (parameter.Kind.IsReference())
            {
                NotNull(parameter.Name, writer);
                any = true;
            }
        }

        return any;
    }

    /// <summary>For <c>{F}Tangent</c>: each array or tensor tangent is not null and has its value's length or shape.</summary>
    public static bool Tangents(MethodInfo method, SourceWriter writer)
    {
        var any = Values(method, writer);
        foreach (var parameter in method.Differentiable)
        {
            if (parameter.Kind.IsReference())
            {
                var tangent = method.TangentName(parameter);
                NotNull(tangent, writer);
                Matches(parameter.Kind, tangent, "The tangent " + NameScope.Plain(tangent), parameter.Name, writer);
                any = true;
            }
        }

        return any;
    }

    /// <summary>For <c>{F}Adjoint</c>: the differentiable arrays and tensors, and a tensor seed, are not null.</summary>
    public static bool Adjoint(MethodInfo method, SourceWriter writer)
    {
        var any = Values(method, writer);
        if (method.Model.ReturnKind.IsReference())
        {
            NotNull(method.Seed, writer);
            any = true;
        }

        return any;
    }

    /// <summary>
    /// A tensor seed has the value's shape: checked once the forward sweep has computed the value, before the reverse
    /// sweep reads the seed.
    /// </summary>
    public static bool SeedMatches(MethodInfo method, string value, SourceWriter writer)
    {
        if (!method.Model.ReturnKind.IsReference())
        {
            return false;
        }

        var what = method.Seed == "seed" ? "The seed" : "The seed " + NameScope.Plain(method.Seed);
        Matches(method.Model.ReturnKind, method.Seed, what, value, writer, "the value");
        return true;
    }

    private static void NotNull(string name, SourceWriter writer)
    {
        // ThrowIfNull names the parameter from the argument's text, which for @class would be "@class".
        var plain = NameScope.Plain(name);
        writer.Line(plain == name
            ? $"{ArgumentNull}.ThrowIfNull({name});"
            : $"{ArgumentNull}.ThrowIfNull({name}, \"{plain}\");");
    }

    /// <summary>
    /// <paramref name="name"/> has the length (arrays) or shape (tensors) of <paramref name="like"/>, else an
    /// <c>ArgumentException</c> naming both and <paramref name="name"/> as the parameter.
    /// </summary>
    private static void Matches(ValueKind kind, string name, string what, string like, SourceWriter writer, string? likeWhat = null)
    {
        var plain = NameScope.Plain(name);
        likeWhat ??= NameScope.Plain(like);
        if (kind.IsArray())
        {
            writer.Open($"if ({name}.Length != {like}.Length)");
            writer.Line($"throw new {Argument}($\"{what} has length {{{name}.Length}}, but {likeWhat} has length {{{like}.Length}}; they must match.\", \"{plain}\");");
        }
        else
        {
            writer.Open($"if (!global::System.Linq.Enumerable.SequenceEqual({name}.Shape, {like}.Shape))");
            writer.Line($"throw new {Argument}($\"{what} has shape [{{string.Join(\", \", {name}.Shape)}}], but {likeWhat} has shape [{{string.Join(\", \", {like}.Shape)}}]; they must match.\", \"{plain}\");");
        }

        writer.Close();
    }
}
