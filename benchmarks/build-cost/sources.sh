# Sourced by measure.sh and profile.sh: sources DIR writes $methods [Differentiable] methods (default 200).
# The sources: $methods methods in 10 partial classes, five kinds of body in turn.
sources() {
    local dir="$1"
    local methods="${methods:-200}"
    mkdir -p "$dir"
    cat >"$dir/Program.cs" <<'CS'
System.Console.WriteLine(Bench.Methods0.M0(1.0, 2.0));
CS
    local per=$(( (methods + 9) / 10 ))
    local m=0
    for c in $(seq 0 9); do
        {
            echo "using System;"
            echo "using System.Numerics;"
            echo "using Diff;"
            echo "namespace Bench;"
            echo "public static partial class Methods$c"
            echo "{"
            for _ in $(seq 1 "$per"); do
                if [ "$m" -ge "$methods" ]; then break; fi
                case $(( m % 5 )) in
                0) cat <<CS
    [Differentiable]
    public static double M$m(double x, double y) => 3 * x * x * y - 2 * y / x + Math.Sin(x * y) + $m;
CS
                ;;
                1) cat <<CS
    [Differentiable]
    public static double M$m(double x, double y)
    {
        double a = Math.Exp(-x * x) * y;
        double b = Math.Sqrt(1 + a * a) + Math.Log(1 + y * y);
        a += b * $m.5;
        return Math.Tanh(a) * Math.Cos(b);
    }
CS
                ;;
                2) cat <<CS
    [Differentiable]
    public static double M$m(double x, double y) => x > y ? Math.Pow(x, 2.5) * y : Math.Atan2(y, x) + $m;
CS
                ;;
                3) cat <<CS
    [Differentiable]
    public static double M$m(double x, double k, int steps)
    {
        double v = x;
        for (int i = 0; i < steps; i++)
            v = Math.Sin(v) * k + $m * 1e-3;
        return v * v;
    }
CS
                ;;
                4) cat <<CS
    [Differentiable]
    public static Complex M$m(Complex z, double t)
    {
        Complex w = Complex.Exp(Complex.ImaginaryOne * t) * z;
        return w * w + Complex.Conjugate(z) * $m;
    }
CS
                ;;
                esac
                m=$(( m + 1 ))
            done
            echo "}"
        } >"$dir/Methods$c.cs"
    done
}

