#!/usr/bin/env bash
# inner-loop.sh — what a user waits for between an edit and its output (issue 20), debug builds,
# on this machine: a one-line change in a stack's arguments, rebuilt and re-synthesized.
#
#   Benchmarks/inner-loop.sh              # both loops, RUNS=3 each
#   RUNS=5 LOOPS=oves Benchmarks/inner-loop.sh
#   CLEAN=1 Benchmarks/inner-loop.sh      # also a clean `swift run infra-manifest` and
#                                         # `swift build --build-tests` in a fresh clone (10+ min)
#
# The loops (each run changes the line to a new value, so every run compiles something):
#   snippet  Snippets/QuickStart.swift: the bucket name's prefix → `swift build --product QuickStart`
#            and run it (a Snippet-sized user package: one stack, InfraAWS).
#   oves     Sources/OVESInfrastructure/Terraform/OVESSettings.swift: the alert e-mail address →
#            `swift build --product infra-manifest` and `infra-manifest synth` (the OVES module).
#
# The script edits those two tracked files in place and puts back their exact bytes and
# modification times when it ends (also on Ctrl-C); it refuses to start when either has
# uncommitted changes, so it never touches work of yours. Afterwards it rebuilds once (untimed),
# so .build matches the files again. Goal (issue 20): ≤ 1.5 s per loop.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${RUNS:-3}
LOOPS=${LOOPS:-snippet oves}
CLEAN=${CLEAN:-0}
GOAL=1.5
WORK=${WORK:-${TMPDIR:-/tmp}/swift-infra-inner-loop}
cd "$ROOT"

SNIPPET_FILE=Snippets/QuickStart.swift
OVES_FILE=Sources/OVESInfrastructure/Terraform/OVESSettings.swift
for file in "$SNIPPET_FILE" "$OVES_FILE"; do
    git diff --quiet -- "$file" || {
        echo "inner-loop: $file has uncommitted changes; commit or stash them first" >&2
        exit 2
    }
done

BACKUP=$(mktemp -d)
cp -p "$SNIPPET_FILE" "$BACKUP/snippet"
cp -p "$OVES_FILE" "$BACKUP/oves"
restore() {
    cp -p "$BACKUP/snippet" "$SNIPPET_FILE"
    cp -p "$BACKUP/oves" "$OVES_FILE"
    rm -rf "$BACKUP"
}
trap restore EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# change <loop> <run>: writes the run's one-line change into the loop's file.
change() {
    case "$1" in
    snippet) sed "s/\"oves-artifacts-\\\\(/\"oves-artifacts$2-\\\\(/" "$BACKUP/snippet" >"$SNIPPET_FILE" ;;
    oves) sed "s/\"devops@omnivoltaic.com\"/\"devops+$2@omnivoltaic.com\"/" "$BACKUP/oves" >"$OVES_FILE" ;;
    esac
}

# quiet <command…>: runs it with its output in a log, shown only when it fails.
quiet() { "$@" >"$WORK/command.log" 2>&1 || { cat "$WORK/command.log" >&2; return 1; }; }

# build_and_run <loop>: the build and the run a user does after the edit.
build_and_run() {
    case "$1" in
    snippet)
        quiet swift build --product QuickStart
        .build/debug/QuickStart >/dev/null
        ;;
    oves)
        quiet swift build --product infra-manifest
        .build/debug/infra-manifest synth --output "$WORK/oves" >/dev/null 2>&1
        ;;
    esac
}

mkdir -p "$WORK"
echo "inner loop, debug, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
for loop in $LOOPS; do
    # Warm: the tree as committed is built, so the first timed run measures one edit only.
    build_and_run "$loop"
    times=()
    for run in $(seq 1 "$RUNS"); do
        change "$loop" "$run"
        start=$(now)
        build_and_run "$loop"
        times+=("$(echo "$(now) - $start" | bc)")
    done
    value=$(printf '%s\n' "${times[@]}" | median)
    printf '%-8s edit-to-output %6.2f s (median of %d: %s)  goal ≤ %s s  %s\n' "$loop" "$value" "$RUNS" \
        "$(printf '%.2f ' "${times[@]}")" "$GOAL" \
        "$(echo "$value <= $GOAL" | bc | sed 's/1/met/;s/0/not met/')"
done

restore
trap - EXIT
# The files are back; rebuild so .build matches them (untimed).
for loop in $LOOPS; do build_and_run "$loop"; done

if [ "$CLEAN" = 1 ]; then
    clone="$WORK/clean"
    rm -rf "$clone"
    git clone -q "$ROOT" "$clone"
    cd "$clone"
    start=$(now)
    swift run infra-manifest >/dev/null 2>&1
    run_seconds=$(echo "$(now) - $start" | bc)
    start=$(now)
    swift build --build-tests >/dev/null 2>&1
    test_build_seconds=$(echo "$(now) - $start" | bc)
    printf 'clean    swift run infra-manifest %6.0f s  goal ≤ 180 s\n' "$run_seconds"
    printf 'clean    swift build --build-tests after it %6.0f s (swift test adds its runs)\n' "$test_build_seconds"
    cd "$ROOT"
    rm -rf "$clone"
fi
