#!/usr/bin/env bash
# What the Diff generator adds to `dotnet build`.
#
# Makes a throwaway console project in /tmp with 200 [Differentiable] methods (varied bodies, sources.sh), in three
# copies with the same sources:
#   without      — no generator (the attributes still come from Diff.Runtime);
#   with         — the generator and its analyzers, as a user gets them;
#   no-analyzers — the generator, with the Diff analyzers switched off by a global config (every DIFF rule at
#                  severity none, so the compiler skips them; the SDK's own analyzers still run, as in 'without').
# The generator and the runtime are built once beforehand and referenced as files, so that a rebuild recompiles
# only the test project itself. After a warm-up build of each copy, every round times one no-op build and one full
# rebuild (--no-incremental) of each copy in turn, so that a change in the machine's load hits all copies alike;
# medians over the rounds are reported, wall time and CPU time (user + sys of the build and its child processes:
# with UseSharedCompilation=false csc is a child; the compiler server is not: see SERVER=1).
#
# SERVER=1 builds with the compiler server (VBCSCompiler), as a user's `dotnet build` does by default: this script's
# environment may set UseSharedCompilation=false (then every build starts a cold csc, which JIT-compiles the
# generator again); with SERVER=1 that variable is removed and every build gets -p:UseSharedCompilation=true. The
# warm-up builds start the server and check (from -v n output) that it compiled them; it is shut down at the end
# (dotnet build-server shutdown --vbcscompiler). The server is not a child of the build, so the build's own CPU time
# leaves it out: the CPU column then adds the server's CPU time during that build (from /proc/PID/stat).
#
# COMPARE_WITH=/path/to/another/Diff.Generator.dll adds a fourth copy, 'compare', built like 'with' but with that
# generator (e.g. one built from an older commit), timed in the same rounds: a before/after under the same load.
#
# Usage: [SERVER=1] [COMPARE_WITH=dll] benchmarks/build-cost/measure.sh [methods=200] [rounds=5]
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
repo="$(cd "$(dirname "$0")/../.." && pwd)"
methods="${1:-200}"
rounds="${2:-5}"
work="$(mktemp -d /tmp/diff-build-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "Building the generator and the runtime (Release)…"
dotnet build "$repo/src/Generator/Diff.Generator.csproj" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Runtime/Diff.Runtime.csproj" -c Release -v q -nologo >/dev/null
generator="$repo/src/Generator/bin/Release/netstandard2.0/Diff.Generator.dll"
runtime="$repo/src/Runtime/bin/Release/net10.0/Diff.Runtime.dll"
test -f "$generator" && test -f "$runtime"

# The sources: $methods methods in 10 partial classes, five kinds of body in turn.
source "$(dirname "$0")/sources.sh"

project() {
    local dir="$1" with="$2"
    sources "$dir"
    local analyzer=""
    if [ "$with" = yes ]; then
        analyzer="<Analyzer Include=\"$generator\" />"
    elif [ "$with" != no ]; then
        analyzer="<Analyzer Include=\"$with\" />"
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
project "$work/no-analyzers" yes
{
    echo "is_global = true"
    for id in $(grep -o 'DIFF[0-9]\{4\}' "$repo/src/Generator/AnalyzerReleases.Unshipped.md" | sort -u); do
        echo "dotnet_diagnostic.$id.severity = none"
    done
} >"$work/no-analyzers/nodiff.globalconfig"
sed -i 's|<ItemGroup>|<ItemGroup><GlobalAnalyzerConfigFiles Include="nodiff.globalconfig" />|' "$work/no-analyzers/Bench.csproj"

variants=(without with no-analyzers)
if [ -n "${COMPARE_WITH:-}" ]; then
    project "$work/compare" "$(cd "$(dirname "$COMPARE_WITH")" && pwd)/$(basename "$COMPARE_WITH")"
    variants+=(compare)
fi
times="$work/times.txt"
: >"$times"
server="${SERVER:-0}"
build_flags=()
if [ "$server" = 1 ]; then
    unset UseSharedCompilation
    build_flags=(-p:UseSharedCompilation=true)
    servers_before="$(pgrep -f 'VBCSCompiler.*-pipename' || true)"
    trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fi
server_pid=""
server_cpu() { # CPU seconds (user + sys) of the compiler server so far; 0 without one
    if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/stat" ]; then
        awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$server_pid/stat"
    else
        echo 0
    fi
}
timed() { # timed VARIANT KIND ARGS...: one build, appends "variant kind wall cpu-user cpu-sys server-cpu" to $times
    local variant="$1" kind="$2"
    shift 2
    local before after line
    before="$(server_cpu)"
    line="$( { /usr/bin/time -f "%e %U %S" dotnet build "$work/$variant/Bench.csproj" --no-restore -v q -nologo "${build_flags[@]}" "$@" >/dev/null; } 2>&1 | tail -1)"
    after="$(server_cpu)"
    echo "$variant $kind $line $(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')" >>"$times"
}

for variant in "${variants[@]}"; do
    dotnet restore "$work/$variant/Bench.csproj" -v q -nologo >/dev/null
    echo "Warm-up build ($variant)…"
    if ! dotnet build "$work/$variant/Bench.csproj" --no-restore -v n -nologo "${build_flags[@]}" >"$work/$variant.log" 2>&1; then
        cat "$work/$variant.log"
        echo "The project does not build ($variant)." >&2
        exit 1
    fi
    if [ "$server" = 1 ]; then
        if ! grep -q 'CompilerServer: server - server processed compilation' "$work/$variant.log"; then
            grep -i 'CompilerServer' "$work/$variant.log" >&2 || true
            echo "The compiler server did not compile $variant." >&2
            exit 1
        fi
        if [ -z "$server_pid" ]; then
            for pid in $(pgrep -f 'VBCSCompiler.*-pipename' || true); do
                if ! grep -qx "$pid" <<<"$servers_before"; then server_pid="$pid"; fi
            done
            echo "Compiler server: pid ${server_pid:-unknown (one was running before: its CPU time is not counted)}"
        fi
    fi
done
# With the server: one more full rebuild of each copy, so that the server has loaded and JIT-compiled everything.
if [ "$server" = 1 ]; then
    for variant in "${variants[@]}"; do
        dotnet build "$work/$variant/Bench.csproj" --no-restore -v q -nologo "${build_flags[@]}" --no-incremental >/dev/null
    done
fi

for round in $(seq 1 "$rounds"); do
    echo "Round $round of $rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))…"
    for variant in "${variants[@]}"; do
        timed "$variant" noop
        timed "$variant" full --no-incremental
    done
done

generated=$(find "$work/with/obj" -name '*.g.cs' -path '*Diff.Generator*' 2>/dev/null | wc -l)
echo
mode="cold csc in every build (UseSharedCompilation=false)"
if [ "$server" = 1 ]; then mode="compiler server (UseSharedCompilation=true, warm); CPU = the build's own + the server's"; fi
echo "$methods [Differentiable] methods; $mode; files generated in the 'with' copy: $generated; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${TIMES_COPY:-}" ]; then cp "$times" "$TIMES_COPY"; fi # the raw times, one build a line
awk -v variants="${variants[*]}" '
    { key = $1 " " $2; n[key]++; wall[key, n[key]] = $3; cpu[key, n[key]] = $4 + $5 + $6; srv[key, n[key]] = $6 }
    function median(a, key, count,    i, j, t, v) {
        for (i = 1; i <= count; i++) v[i] = a[key, i]
        for (i = 2; i <= count; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
    }
    END {
        split("noop full", kinds, " ")
        count = split(variants, names, " ")
        label["noop"] = "no-op build "; label["full"] = "full rebuild"
        for (k = 1; k <= 2; k++) for (i = 1; i <= count; i++) {
            key = names[i] " " kinds[k]
            mw[key] = median(wall, key, n[key]); mc[key] = median(cpu, key, n[key]); ms = median(srv, key, n[key])
            runs = ""; for (r = 1; r <= n[key]; r++) runs = runs sprintf(" %.2f", wall[key, r])
            printf "%s, %-13s median wall %6.2f s, CPU %6.2f s%s  (wall per round:%s)\n", label[kinds[k]], names[i] ":", mw[key], mc[key], (ms > 0 ? sprintf(" (server %.2f s)", ms) : ""), runs
        }
        for (k = 1; k <= 2; k++) {
            w = "without " kinds[k]; g = "with " kinds[k]; a = "no-analyzers " kinds[k]; c = "compare " kinds[k]
            printf "%s: added by the generator and its analyzers %+.2f s wall (%+.2f s CPU); generator alone %+.2f s wall (%+.2f s CPU); analyzers %+.2f s wall (%+.2f s CPU)\n",
                label[kinds[k]], mw[g] - mw[w], mc[g] - mc[w], mw[a] - mw[w], mc[a] - mc[w], mw[g] - mw[a], mc[g] - mc[a]
            if (n[c] > 0)
                printf "%s: added by the COMPARE_WITH generator and its analyzers %+.2f s wall (%+.2f s CPU)\n", label[kinds[k]], mw[c] - mw[w], mc[c] - mc[w]
        }
        print "goal: under 2 s added to a full rebuild"
    }' "$times"
