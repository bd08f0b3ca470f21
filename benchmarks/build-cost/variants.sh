#!/usr/bin/env bash
# What in the generated code costs the C# compiler: the files the generator writes for the 200 benchmark methods
# (sources.sh), compiled as plain sources (no generator) in textual variants, by a cold `csc` as in a build without
# the compiler server (CPU = user + sys), interleaved over the rounds, medians reported. Variants:
#   none        — the sources alone (the generated files reduced to their empty class shells)
#   base        — the generated files as they are
#   noline      — without the `// line N: …` source comments
#   nodoc       — without the `///` doc comments
#   noattr      — without the [GeneratedCode] attributes
#   noglobal    — `global::System.Math.`, `global::System.Numerics.Complex` … written with usings instead
#   nowrappers  — without the Gradient and Jacobian members
#   notangent   — without the Tangent members
#   emptybodies — Adjoint and Tangent bodies replaced by `throw null!;` (signatures, docs and wrappers kept)
# The files must be plain C# of the benchmark's shape (a namespace, one partial class, members at 8 spaces).
# PROFILE=1 also compiles each variant in process with the JIT warm (Profile, PROFILE_COMPILE_ONLY).
#
# Usage: benchmarks/build-cost/variants.sh [rounds=3] [variant…]
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
shift || true
variants=("$@")
if [ ${#variants[@]} -eq 0 ]; then
    variants=(none base noline nodoc noattr noglobal nowrappers notangent emptybodies)
fi
work="$(mktemp -d /tmp/diff-build-variants.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "Building the generator and the runtime (Release), and the benchmark project once with the generator…"
dotnet build "$repo/src/Generator/Diff.Generator.csproj" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Runtime/Diff.Runtime.csproj" -c Release -v q -nologo >/dev/null
source "$here/sources.sh"
sources "$work/project"
cat >"$work/project/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);DIFF0009;DIFF0010</NoWarn>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Diff.Runtime"><HintPath>$repo/src/Runtime/bin/Release/net10.0/Diff.Runtime.dll</HintPath></Reference>
    <Analyzer Include="$repo/src/Generator/bin/Release/netstandard2.0/Diff.Generator.dll" />
  </ItemGroup>
</Project>
XML
echo '<Project />' >"$work/project/Directory.Build.props"
echo '<Project />' >"$work/project/Directory.Packages.props"
dotnet build "$work/project/Bench.csproj" -v n -nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
generated="$(find "$work/project/obj" -type d -name Diff.Generator.DiffGenerator | head -1)"

# The compiler's command line from the build, less the sources, the outputs and the Diff generator: one argument a
# line (xargs undoes the quoting), as a response file.
csc="$(grep -m1 -E '^ +/.*/csc ' "$work/build.log" | sed 's/^ *//')"
compiler="${csc%% *}"
sed 's/^[^ ]* //' <<<"$csc" | xargs -n1 printf '%s\n' \
    | grep -v -E '\.cs$|^/out:|^/refout:|^/generatedfilesout:|Diff\.Generator\.dll|^/analyzerconfig:obj' >"$work/options.rsp"

# member FILE KINDS MODE: awk over a generated file's members (blocks at 8 spaces from their doc comment or
# attribute to their closing brace); MODE drop leaves out the members of the given kinds, empty empties their bodies.
member() {
    awk -v kinds="$2" -v mode="$3" '
        function kind(line) { return match(line, /(Adjoint|Tangent|Gradient|Jacobian)\(/) ? substr(line, RSTART, RLENGTH - 1) : "" }
        inblock {
            if (k == "" && kind($0) != "") k = kind($0)
            lines[++n] = $0
            if ($0 == "        }") {
                selected = index(" " kinds " ", " " k " ") > 0
                if (!(selected && mode == "drop")) {
                    opened = 0
                    for (i = 1; i <= n; i++) {
                        if (selected && mode == "empty" && opened) continue
                        print lines[i]
                        if (lines[i] == "        {") { opened = 1; if (selected && mode == "empty") { print "            throw null!;"; print "        }" } }
                    }
                }
                inblock = 0; n = 0; k = ""
            }
            next
        }
        /^        (\/\/\/|\[)/ { inblock = 1; n = 1; lines[1] = $0; k = ""; next }
        { print }' "$1"
}

variant() { # variant NAME: writes $work/NAME with the sources and the transformed generated files
    local name="$1" dir="$work/$1"
    mkdir -p "$dir"
    cp "$work/project/"*.cs "$dir/"
    for file in "$generated"/*.g.cs; do
        local out="$dir/$(basename "$file")"
        case "$name" in
            base) cp "$file" "$out" ;;
            none) member "$file" "Adjoint Tangent Gradient Jacobian" drop >"$out" ;;
            noline) sed '/^ *\/\/ line [0-9]*:/d' "$file" >"$out" ;;
            nodoc) sed '/^ *\/\/\//d' "$file" >"$out" ;;
            noattr) sed '/GeneratedCode(/d' "$file" >"$out" ;;
            noglobal) sed -e 's/global::System\.Numerics\.Complex/Complex/g; s/global::System\.Math\./Math./g; s/global::System\.CodeDom\.Compiler\.GeneratedCode/GeneratedCode/g; s/global::Diff\./Diff./g' \
                -e '0,/^namespace /s//using System;\nusing System.Numerics;\nusing System.CodeDom.Compiler;\n\nnamespace /' "$file" >"$out" ;;
            nowrappers) member "$file" "Gradient Jacobian" drop >"$out" ;;
            notangent) member "$file" "Tangent" drop >"$out" ;;
            emptybodies) member "$file" "Adjoint Tangent" empty >"$out" ;;
            *) echo "unknown variant $name" >&2; exit 1 ;;
        esac
    done
    {
        cat "$work/options.rsp"
        echo "/out:$work/$name.dll"
        for file in "$dir"/*.cs "$work/project/obj/Debug/net10.0/"*.cs; do echo "\"$file\""; done
    } >"$work/$name.rsp"
}

for name in "${variants[@]}"; do
    variant "$name"
    # Each variant must compile.
    (cd "$work/project" && "$compiler" "@$work/$name.rsp" >"$work/$name.log" 2>&1) || { tail -20 "$work/$name.log"; echo "variant $name does not compile" >&2; exit 1; }
    echo "$name: $(cat "$work/$name"/*.g.cs | wc -c) bytes in the generated files"
done

times="$work/times.txt"
: >"$times"
for round in $(seq 1 "$rounds"); do
    echo "Round $round of $rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))…"
    for name in "${variants[@]}"; do
        (cd "$work/project" && /usr/bin/time -f "$name %e %U %S" -a -o "$times" "$compiler" "@$work/$name.rsp" >/dev/null 2>&1)
    done
done

echo
echo "Cold csc, medians of $rounds rounds; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v order="${variants[*]}" '
    { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4 }
    function median(a, key, count,    i, j, t, v) {
        for (i = 1; i <= count; i++) v[i] = a[key, i]
        for (i = 2; i <= count; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
    }
    END {
        count = split(order, names, " ")
        for (i = 1; i <= count; i++) {
            k = names[i]; runs = ""
            for (r = 1; r <= n[k]; r++) runs = runs sprintf(" %.2f", cpu[k, r])
            printf "  %-12s CPU %6.2f s, wall %6.2f s  (CPU per round:%s)\n", k, median(cpu, k, n[k]), median(wall, k, n[k]), runs
        }
    }' "$times"

if [ "${PROFILE:-0}" = 1 ]; then
    echo
    echo "In process, JIT warm (CPU on one thread, medians of 7):"
    dotnet build "$here/Profile/Profile.csproj" -c Release -v q -nologo >/dev/null
    dirs=()
    for name in "${variants[@]}"; do dirs+=("$work/$name"); done
    PROFILE_COMPILE_ONLY=1 dotnet "$here/Profile/bin/Release/net10.0/Profile.dll" "${dirs[@]}" 7 | sed "s|$work/||"
fi
