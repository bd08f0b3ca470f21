namespace Diff;

/// <summary>
/// Which part of a split adjoint registration a method is (see <see cref="AdjointOfAttribute.Part"/>).
/// </summary>
public enum AdjointPart
{
    /// <summary>
    /// The whole reverse rule in one method, in the shape of a generated <c>{Name}Adjoint</c>:
    /// <c>static (R Value, A a, B b) MAdjoint(A a, B b, int n, R seed)</c>.
    /// </summary>
    Whole = 0,

    /// <summary>
    /// The forward half of a split rule: the method takes the differentiated method's parameters and returns
    /// <c>(R Value, TResidual Residual)</c>: the value together with whatever the backward half needs
    /// (factorisations, intermediates), so that nothing is computed twice.
    /// </summary>
    Forward = 1,

    /// <summary>
    /// The backward half of a split rule: the method takes <c>(TResidual residual, R seed)</c> and returns the adjoint of
    /// the single differentiable parameter, or a tuple <c>(A a, B b)</c> named after the differentiable parameters.
    /// </summary>
    Backward = 2,
}
