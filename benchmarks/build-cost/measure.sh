#!/usr/bin/env bash
# What the Diff generator adds to `dotnet build`.
#
# Makes a throwaway console project in /tmp with 200 [Differentiable] methods (varied bodies), in two copies
# with the same sources: one with the generator as an analyzer, one without it (the attributes still come from
# Diff.Runtime). Builds each once to warm up, then times 3 incremental no-op builds and 3 full rebuilds
# (--no-incremental) of each. The generator and the runtime are built once beforehand and referenced as files,
# so that a rebuild recompiles only the test project itself.
#
# Usage: benchmarks/build-cost/measure.sh [methods=200] [runs=3]
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
repo="$(cd "$(dirname "$0")/../.." && pwd)"
methods="${1:-200}"
runs="${2:-3}"
work="$(mktemp -d /tmp/diff-build-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "Building the generator and the runtime (Release)…"
dotnet build "$repo/src/Generator/Diff.Generator.csproj" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Runtime/Diff.Runtime.csproj" -c Release -v q -nologo >/dev/null
generator="$repo/src/Generator/bin/Release/netstandard2.0/Diff.Generator.dll"
runtime="$repo/src/Runtime/bin/Release/net10.0/Diff.Runtime.dll"
test -f "$generator" && test -f "$runtime"

# The sources: $methods methods in 10 partial classes, five kinds of body in turn.
sources() {
    local dir="$1"
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

project() {
    local dir="$1" with="$2"
    sources "$dir"
    local analyzer=""
    if [ "$with" = yes ]; then
        analyzer="<Analyzer Include=\"$generator\" />"
    fi
    cat >"$dir/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);DIFF0009;DIFF0010</NoWarn>
    <!-- Written in both copies, so that the 'with' copy shows what was generated and both pay the same I/O. -->
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Diff.Runtime"><HintPath>$runtime</HintPath></Reference>
    $analyzer
  </ItemGroup>
</Project>
XML
    # Outside the repository: no Directory.Build.props or central package versions apply.
    echo '<Project />' >"$dir/Directory.Build.props"
    echo '<Project />' >"$dir/Directory.Packages.props"
}

project "$work/with" yes
project "$work/without" no

seconds() { # runs "$@" and prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

stats() { # mean and min of the numbers on stdin
    awk '{ s += $1; if (min == "" || $1 < min) min = $1; v = v sprintf(" %.2f", $1) } END { printf "mean %.2f s, min %.2f s (runs:%s)", s / NR, min, v }'
}

# A third copy of 'with' built with -p:RunAnalyzers=false separates the generator (and compiling what it
# writes) from the analyzers that report the diagnostics.
cp -r "$work/with" "$work/with-no-analyzers"
declare -A result
for variant in without with with-no-analyzers; do
    dir="$work/$variant"
    extra=()
    if [ "$variant" = with-no-analyzers ]; then
        extra=(-p:RunAnalyzers=false)
    fi
    dotnet restore "$dir/Bench.csproj" -v q -nologo >/dev/null
    echo "Warm-up build ($variant generator)…"
    if ! dotnet build "$dir/Bench.csproj" --no-restore -v q -nologo "${extra[@]}" >"$work/$variant.log" 2>&1; then
        cat "$work/$variant.log"
        echo "The project does not build ($variant generator)." >&2
        exit 1
    fi
    noop=""
    full=""
    for _ in $(seq 1 "$runs"); do
        noop+="$(seconds dotnet build "$dir/Bench.csproj" --no-restore -v q -nologo "${extra[@]}")"$'\n'
        full+="$(seconds dotnet build "$dir/Bench.csproj" --no-restore --no-incremental -v q -nologo "${extra[@]}")"$'\n'
    done
    result[$variant-noop]="$(printf '%s' "$noop" | stats)"
    result[$variant-full]="$(printf '%s' "$full" | stats)"
    result[$variant-noop-mean]="$(printf '%s' "$noop" | awk '{ s += $1 } END { print s / NR }')"
    result[$variant-full-mean]="$(printf '%s' "$full" | awk '{ s += $1 } END { print s / NR }')"
done

generated=$(find "$work/with/obj" -name '*.g.cs' -path '*Diff.Generator*' 2>/dev/null | wc -l)
echo
echo "$methods [Differentiable] methods; files generated in the 'with' copy: $generated"
echo "no-op build,  without generator: ${result[without-noop]}"
echo "no-op build,  with generator:    ${result[with-noop]}"
echo "full rebuild, without generator: ${result[without-full]}"
echo "full rebuild, with generator:    ${result[with-full]}"
echo "no-op build,  generator without analyzers (RunAnalyzers=false):  ${result[with-no-analyzers-noop]}"
echo "full rebuild, generator without analyzers (RunAnalyzers=false):  ${result[with-no-analyzers-full]}"
printf 'added by the generator and its analyzers: no-op %+.2f s, full rebuild %+.2f s (goal: < 2 s)\n' \
    "$(echo "${result[with-noop-mean]} - ${result[without-noop-mean]}" | bc -l)" \
    "$(echo "${result[with-full-mean]} - ${result[without-full-mean]}" | bc -l)"
printf 'of which the generator alone (analyzers off): no-op %+.2f s, full rebuild %+.2f s\n' \
    "$(echo "${result[with-no-analyzers-noop-mean]} - ${result[without-noop-mean]}" | bc -l)" \
    "$(echo "${result[with-no-analyzers-full-mean]} - ${result[without-full-mean]}" | bc -l)"
