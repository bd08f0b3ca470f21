#!/usr/bin/env bash
# Where the build cost of the Diff generator goes, in process (benchmarks/build-cost/Profile): compiling the sources,
# running the generator (and its tracked steps), compiling what it wrote, and the Diff analyzers, each timed on one
# thread (CPU time; PROFILE_WALL=1 for wall time), medians over the runs after one warm-up. Warm: the JIT has run, so
# this shows the steady cost of each part; `measure.sh` shows what a real (cold) `dotnet build` pays.
#
# Usage: benchmarks/build-cost/profile.sh [methods=200] [runs=7]
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
here="$(cd "$(dirname "$0")" && pwd)"
methods="${1:-200}"
runs="${2:-7}"
work="$(mktemp -d /tmp/diff-build-profile.XXXXXX)"
trap 'rm -rf "$work"' EXIT
source "$here/sources.sh"
sources "$work"
dotnet build "$here/Profile/Profile.csproj" -c Release -v q -nologo >/dev/null
dotnet "$here/Profile/bin/Release/net10.0/Profile.dll" "$work" "$runs"
