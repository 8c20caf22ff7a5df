#!/usr/bin/env bash
# inner-loop.sh — what a user waits for between an edit and its output (issue 20), debug builds,
# on this machine: a one-line change in a stack's arguments, rebuilt and re-synthesized.
#
#   Benchmarks/inner-loop.sh              # every loop in both modes, RUNS=3 each
#   RUNS=5 LOOPS=user MODES="dynamic dev" Benchmarks/inner-loop.sh
#   CLEAN=1 Benchmarks/inner-loop.sh      # also a clean `swift run infra-manifest` and
#                                         # `swift build --build-tests` in a fresh clone (10+ min)
#
# The loops (each run changes the line to a new value, so every run compiles something):
#   user     Benchmarks/UserPackage (a user's own package: `.package(path: "../..")`, one executable
#            with InfraAWS and InfraCLI, one stack): the bucket name's prefix →
#            `swift build --package-path Benchmarks/UserPackage --product my-infra`, `my-infra synth`.
#            Its first build is a clean build of what it imports (10–30 min); later runs reuse it.
#   snippet  Snippets/QuickStart.swift: the bucket name's prefix → `swift build --product QuickStart`
#            and run it. SwiftPM links a Snippet against every library of the package (all 35 opt-in
#            AWS families too), so this is the slowest shape a user can have, not the usual one.
#   oves     Sources/OVESInfrastructure/Terraform/OVESSettings.swift: the alert e-mail address →
#            `swift build --product infra-manifest` and `infra-manifest synth` (the OVES module).
# The modes (each loop is run in each that applies to it):
#   fast     `--toolset Toolsets/fast-link.json`: link with lld.
#   default  SwiftPM's defaults (GNU gold on Linux): the measurement of earlier sessions.
#   dynamic  user loop only: fast, and the package built with INFRA_LINK=dynamic (its manifest then
#            depends on the shared library product SwiftInfraDynamic): an edit relinks its own objects.
#   dev      `infra-dev run` instead of `swift build` and a run (SwiftPM skipped when only the package's
#            own modules changed; the edited module and its importers compiled with SwiftPM's commands,
#            then linked against a shared library of every other module, which infra-dev links once):
#            the user loop with the static products and lld (the recommended loop, README); the
#            snippet and oves loops with SwiftPM's defaults (their checkout is built that way).
# Per loop and mode it prints: SwiftPM's no-op build (nothing changed), the link alone (the
# executable deleted, built again) and the edit-to-output median (the goal is met or not by its
# wall time), each as wall and CPU seconds, the executable's size and the load average.
#
# The script edits those three tracked files in place and puts back their exact bytes and
# modification times when it ends (also on Ctrl-C); it refuses to start when one has
# uncommitted changes, so it never touches work of yours. Afterwards it rebuilds once (untimed,
# in the last mode), so .build matches the files again. Goal (issue 20): ≤ 1.5 s per loop.
# The first build in a mode emits every module's interface again (the compiler's arguments change;
# no object file is recompiled): minutes, in the untimed warm-up of the mode's first row.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${RUNS:-3}
LOOPS=${LOOPS:-user snippet oves}
MODES=${MODES:-fast default dynamic dev}
INFRA_DEV=$ROOT/.build/release/infra-dev
CLEAN=${CLEAN:-0}
GOAL=1.5
WORK=${WORK:-${TMPDIR:-/tmp}/swift-infra-inner-loop}
cd "$ROOT"

USER_PACKAGE=Benchmarks/UserPackage
USER_FILE=$USER_PACKAGE/Sources/MyInfra/MyInfra.swift
SNIPPET_FILE=Snippets/QuickStart.swift
OVES_FILE=Sources/OVESInfrastructure/Terraform/OVESSettings.swift
for file in "$USER_FILE" "$SNIPPET_FILE" "$OVES_FILE"; do
    git diff --quiet -- "$file" || {
        echo "inner-loop: $file has uncommitted changes; commit or stash them first" >&2
        exit 2
    }
done

BACKUP=$(mktemp -d)
cp -p "$USER_FILE" "$BACKUP/user"
cp -p "$SNIPPET_FILE" "$BACKUP/snippet"
cp -p "$OVES_FILE" "$BACKUP/oves"
restore() {
    cp -p "$BACKUP/user" "$USER_FILE"
    cp -p "$BACKUP/snippet" "$SNIPPET_FILE"
    cp -p "$BACKUP/oves" "$OVES_FILE"
    rm -rf "$BACKUP"
}
trap restore EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# edited_file <loop>: the file a loop edits.
edited_file() {
    case "$1" in
    user) echo "$USER_FILE" ;;
    snippet) echo "$SNIPPET_FILE" ;;
    oves) echo "$OVES_FILE" ;;
    esac
}

# change <loop> <run>: writes the run's one-line change into the loop's file.
change() {
    case "$1" in
    user) sed "s/\"my-artifacts-\\\\(/\"my-artifacts$2-\\\\(/" "$BACKUP/user" >"$USER_FILE" ;;
    snippet) sed "s/\"oves-artifacts-\\\\(/\"oves-artifacts$2-\\\\(/" "$BACKUP/snippet" >"$SNIPPET_FILE" ;;
    oves) sed "s/\"devops@omnivoltaic.com\"/\"devops+$2@omnivoltaic.com\"/" "$BACKUP/oves" >"$OVES_FILE" ;;
    esac
}

# quiet <command…>: runs it with its output in a log, shown only when it fails.
quiet() { "$@" >"$WORK/command.log" 2>&1 || { cat "$WORK/command.log" >&2; return 1; }; }

# applies <loop> <mode>: whether the mode means something for the loop.
applies() { [ "$2" != dynamic ] || [ "$1" = user ]; }

# flags <loop> <mode>: the `swift build` options of a mode.
flags() {
    case "$2" in
    fast | dynamic) echo "--toolset $ROOT/Toolsets/fast-link.json" ;;
    dev) if [ "$1" = user ]; then echo "--toolset $ROOT/Toolsets/fast-link.json"; fi ;;
    default) ;;
    esac
}

# link <loop> <mode>: INFRA_LINK for the user package's manifest (static or dynamic products).
link() { if [ "$1" = user ] && [ "$2" = dynamic ]; then echo dynamic; else echo static; fi; }

# product <loop>: the package folder and executable product a loop builds.
product() {
    case "$1" in
    user) echo "$USER_PACKAGE my-infra" ;;
    snippet) echo ". QuickStart" ;;
    oves) echo ". infra-manifest" ;;
    esac
}

# executable <loop>: the executable a loop builds.
executable() {
    case "$1" in
    user) echo "$USER_PACKAGE/.build/debug/my-infra" ;;
    snippet) echo ".build/debug/QuickStart" ;;
    oves) echo ".build/debug/infra-manifest" ;;
    esac
}

# build <loop> <mode>: the build a user does after the edit.
build() {
    local package name flag
    local -a options=()
    read -r package name <<<"$(product "$1")"
    for flag in $(flags "$1" "$2"); do options+=("$flag"); done
    if [ "$2" = dev ]; then
        local -a build_flags=()
        for flag in "${options[@]}"; do build_flags+=("--build-flag=$flag"); done
        INFRA_LINK=$(link "$1" "$2") quiet "$INFRA_DEV" build --package-path "$package" --product "$name" \
            "${build_flags[@]}"
    else
        INFRA_LINK=$(link "$1" "$2") quiet swift build --package-path "$package" --product "$name" "${options[@]}"
    fi
}

# arguments <loop>: the program's arguments.
arguments() {
    case "$1" in
    user) echo "synth --output $WORK/user" ;;
    snippet) ;;
    oves) echo "synth --output $WORK/oves" ;;
    esac
}

# build_and_run <loop> <mode>: the build and the run a user does after the edit (in dev mode one
# `infra-dev run`, which runs the executable it linked).
build_and_run() {
    local package name flag
    local -a build_flags=() args=()
    for flag in $(arguments "$1"); do args+=("$flag"); done
    if [ "$2" = dev ]; then
        read -r package name <<<"$(product "$1")"
        for flag in $(flags "$1" "$2"); do build_flags+=("--build-flag=$flag"); done
        INFRA_LINK=$(link "$1" "$2") "$INFRA_DEV" run --package-path "$package" --product "$name" \
            "${build_flags[@]}" -- "${args[@]}" >/dev/null 2>&1
    else
        build "$1" "$2"
        "$(executable "$1")" "${args[@]}" >/dev/null 2>&1
    fi
}

# seconds <command…>: "WALL CPU" — the wall seconds the command takes and the CPU seconds (user +
# system) it and every process it starts use. On a shared machine the wall time grows with the
# load; the CPU time does not (much), so both are printed.
seconds() {
    local TIMEFORMAT='%R %U %S' wall user system
    { time "$@" 2>"$WORK/stderr.log"; } 2>"$WORK/time.log" || {
        cat "$WORK/stderr.log" >&2
        return 1
    }
    read -r wall user system <"$WORK/time.log"
    echo "$wall $(echo "$user + $system" | bc)"
}

mkdir -p "$WORK"
case " $MODES " in *" dev "*) quiet swift build -c release --product infra-dev ;; esac # untimed: the tool itself
echo "inner loop, debug, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-8s %-8s %16s %16s %22s %6s  %s\n' loop mode "no-op wall/CPU" "link wall/CPU" "edit-to-output wall/CPU" "MB" \
    "load before → after"
last_mode=default
for mode in $MODES; do
    last_mode=$mode
    for loop in $LOOPS; do
        applies "$loop" "$mode" || continue
        load_before=$(cut -d' ' -f1 /proc/loadavg)
        # Warm: the tree as committed is built, so the first timed run measures one edit only.
        build_and_run "$loop" "$mode"
        read -r noop noop_cpu <<<"$(seconds build "$loop" "$mode")"
        rm -f "$(executable "$loop")"
        read -r link link_cpu <<<"$(seconds build "$loop" "$mode")"
        walls=() cpus=()
        for run in $(seq 1 "$RUNS"); do
            change "$loop" "$run"
            read -r wall cpu <<<"$(seconds build_and_run "$loop" "$mode")"
            walls+=("$wall") cpus+=("$cpu")
        done
        value=$(printf '%s\n' "${walls[@]}" | median)
        value_cpu=$(printf '%s\n' "${cpus[@]}" | median)
        built=$(executable "$loop")
        read -r package name <<<"$(product "$loop")"
        split="$package/.build/infra-dev/$name/$name" # the executable infra-dev links (dev mode)
        if [ "$mode" = dev ] && [ -f "$split" ]; then built=$split; fi
        size=$(awk -v bytes="$(stat -c %s "$built")" 'BEGIN { printf "%.1f", bytes / 1000000 }')
        printf '%-8s %-8s %7.2f / %6.2f %7.2f / %6.2f %7.2f / %6.2f s %-7s %6s  %s → %s  (wall: %s)\n' "$loop" "$mode" \
            "$noop" "$noop_cpu" "$link" "$link_cpu" "$value" "$value_cpu" \
            "$(echo "$value <= $GOAL" | bc | sed 's/1/met/;s/0/not met/')" "$size" \
            "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" "$(printf '%.2f ' "${walls[@]}")"
        cp -p "$BACKUP/$loop" "$(edited_file "$loop")" # as committed again for the next mode
    done
done
echo "goal: edit-to-output ≤ $GOAL s"

restore
trap - EXIT
# The files are back; rebuild so .build matches them (untimed).
for loop in $LOOPS; do applies "$loop" "$last_mode" && build_and_run "$loop" "$last_mode"; done

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
