#!/usr/bin/env bash
# sigv4-compare.sh — SigV4 signing throughput, swift-infra vs. botocore, on the same N requests, whole process,
# side by side in one run (issue 7). Both sides read one JSON file (the signing contract of
# shared/testdata/sigv4/README.md, written by SigV4/generate-requests.py) and print one signature per line;
# the run fails unless every signature is identical. Each measurement is a fresh process (1 warm-up, then
# RUNS interleaved rounds; median), wall time and user+sys CPU, peak RSS from GNU `/usr/bin/time -v`.
#
#   Benchmarks/sigv4-compare.sh                   # 10,000 requests, 7 runs per row
#   N=1000 RUNS=3 Benchmarks/sigv4-compare.sh
#
# Settings (environment):
#   N               requests in the workload                          (default: 10000)
#   RUNS            runs per row                                      (default: 7)
#   PYTHON          python3 with botocore                             (default: python3)
#   INFRA_MANIFEST  a release infra-manifest binary for an extra `sign --batch` row (default: none; not built
#                   here, because the CLI links every generated AWS module). Without it the row
#                   `sigv4-bench --contract` runs the same code (`SigningContract.run`, full contract JSON out).
#   SCRATCH         SwiftPM build folder for the release sigv4-bench  (default: Benchmarks/.build-sigv4)
#   STATIC          1 = also time a `--static-swift-stdlib` build (no dynamic loading of the Swift runtime and
#                   Foundation at start-up; built once into SCRATCH-static)            (default: 1)
#   WORK            scratch folder                                    (default: ${TMPDIR:-/tmp}/swift-infra-sigv4)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${N:-10000}
RUNS=${RUNS:-7}
PYTHON=${PYTHON:-python3}
SCRATCH=${SCRATCH:-$HERE/.build-sigv4}
WORK=${WORK:-${TMPDIR:-/tmp}/swift-infra-sigv4}
INFRA_MANIFEST=${INFRA_MANIFEST:-}
STATIC=${STATIC:-1}

log() { printf '%s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ]; then
    log "installing GNU time (Debian package 'time') for peak-memory figures"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >&2; else sudo apt-get install -y -qq time >&2; fi
fi
"$PYTHON" -c 'import botocore' 2>/dev/null || { log "botocore is missing: $PYTHON -m pip install botocore"; exit 1; }

log "building sigv4-bench (release)"
swift build -c release --package-path "$HERE" --scratch-path "$SCRATCH" --product sigv4-bench >&2
BENCH="$(swift build -c release --package-path "$HERE" --scratch-path "$SCRATCH" --show-bin-path)/sigv4-bench"
if [ "$STATIC" = 1 ]; then
    log "building sigv4-bench (release, --static-swift-stdlib)"
    swift build -c release --static-swift-stdlib --package-path "$HERE" --scratch-path "$SCRATCH-static" \
        --product sigv4-bench >&2
    BENCH_STATIC="$(swift build -c release --static-swift-stdlib --package-path "$HERE" \
        --scratch-path "$SCRATCH-static" --show-bin-path)/sigv4-bench"
fi

mkdir -p "$WORK"
REQUESTS="$WORK/requests-$N.json"
"$PYTHON" "$HERE/SigV4/generate-requests.py" "$REQUESTS" "$N"
log "workload: $N requests, $(wc -c <"$REQUESTS") bytes, sha256 $(sha256sum "$REQUESTS" | cut -c1-16)"

BOTO=("$PYTHON" "$HERE/SigV4/botocore-sign.py" "$REQUESTS")
OURS=("$BENCH" "$REQUESTS")
OURS_DERIVE=("$BENCH" --derive-each "$REQUESTS")
OURS_CONTRACT=("$BENCH" --contract "$REQUESTS")
OURS_PARALLEL=("$BENCH" --parallel "$REQUESTS")
# infra-manifest reads stdin and prints the full contract JSON; reduce it to signatures for the check.
cat >"$WORK/infra-manifest-sign.sh" <<SH
#!/bin/sh
exec "$INFRA_MANIFEST" sign --batch <"$REQUESTS"
SH
chmod +x "$WORK/infra-manifest-sign.sh"

# --- identical signatures, all N of them ----------------------------------------------------------------
check() {   # check NAME FILE: FILE must equal botocore's signatures line by line
    "$PYTHON" - "$REQUESTS" "$WORK/botocore.txt" "$2" "$1" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
expected = open(sys.argv[2]).read().split()
got = open(sys.argv[3]).read().split()
name = sys.argv[4]
bad = [i for i in range(len(cases)) if i >= len(got) or got[i] != expected[i]]
if len(expected) != len(cases) or len(got) != len(cases) or bad:
    print(f"FAIL {name}: {len(bad)} of {len(cases)} signatures differ from botocore "
          f"({len(got)} produced); first: {[cases[i]['name'] for i in bad[:5]]}", file=sys.stderr)
    sys.exit(1)
print(f"{name}: all {len(cases)} signatures identical to botocore", file=sys.stderr)
PY
}
log "checking signatures"
"${BOTO[@]}" >"$WORK/botocore.txt"
"${OURS[@]}" >"$WORK/ours.txt"
check sigv4-bench "$WORK/ours.txt"
"${OURS_DERIVE[@]}" >"$WORK/ours-derive.txt"
check "sigv4-bench --derive-each" "$WORK/ours-derive.txt"
if [ "$STATIC" = 1 ]; then
    "$BENCH_STATIC" "$REQUESTS" >"$WORK/ours-static.txt"
    check "sigv4-bench (static)" "$WORK/ours-static.txt"
fi
signatures_of_contract() {
    "$PYTHON" -c 'import json, sys; print("\n".join(r["signature"] for r in json.load(sys.stdin)))'
}
"${OURS_PARALLEL[@]}" >"$WORK/ours-parallel.txt"
check "sigv4-bench --parallel" "$WORK/ours-parallel.txt"
"${OURS_CONTRACT[@]}" | signatures_of_contract >"$WORK/ours-contract.txt"
check "sigv4-bench --contract" "$WORK/ours-contract.txt"
WITH_CLI=0
if [ -n "$INFRA_MANIFEST" ] && [ -x "$INFRA_MANIFEST" ]; then
    "$WORK/infra-manifest-sign.sh" | signatures_of_contract >"$WORK/cli.txt"
    check "infra-manifest sign --batch" "$WORK/cli.txt"
    WITH_CLI=1
fi

# --- measuring -----------------------------------------------------------------------------------------
# Each row is a one-line script exec-ing the command, so /usr/bin/time sees the process itself. Runs are
# interleaved (round r runs every row once), so load changes on a shared machine hit all rows alike.
NAMES=("botocore $("$PYTHON" -c 'import botocore; print(botocore.__version__)') (SigV4Auth / S3SigV4Auth)"
    "swift-infra sigv4-bench (signing keys cached)"
    "swift-infra sigv4-bench --derive-each (key per request, as botocore)"
    "swift-infra sigv4-bench --contract (= sign --batch: full contract JSON out)")
COMMANDS=("${BOTO[*]@Q}" "${OURS[*]@Q}" "${OURS_DERIVE[*]@Q}" "${OURS_CONTRACT[*]@Q}")
NAMES+=("swift-infra sigv4-bench --parallel ($(nproc) threads, one part of the batch each; not the headline)")
COMMANDS+=("${OURS_PARALLEL[*]@Q}")
if [ "$STATIC" = 1 ]; then
    NAMES+=("swift-infra sigv4-bench, --static-swift-stdlib build (signing keys cached)")
    OURS_STATIC=("$BENCH_STATIC" "$REQUESTS")
    COMMANDS+=("${OURS_STATIC[*]@Q}")
fi
if [ "$WITH_CLI" = 1 ]; then
    NAMES+=("swift-infra infra-manifest sign --batch (full contract JSON out)")
    COMMANDS+=("${WORK@Q}/infra-manifest-sign.sh")
fi
for r in "${!COMMANDS[@]}"; do
    printf '#!/bin/sh\nexec %s\n' "${COMMANDS[$r]}" >"$WORK/row-$r.sh"
    chmod +x "$WORK/row-$r.sh"
    : >"$WORK/samples-$r.txt"
    "$WORK/row-$r.sh" >/dev/null   # warm-up
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= RUNS; i++)); do
    log "round $i of $RUNS"
    for r in "${!COMMANDS[@]}"; do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/time.txt" "$WORK/row-$r.sh" >/dev/null
        end=$(date +%s%N)
        awk -F': ' -v wall="$((end - start))" '/User time/ {u=$2} /System time/ {s=$2}
            /Maximum resident set size/ {m=$2} END {printf "%s %.3f %d\n", wall, u + s, m}' \
            "$WORK/time.txt" >>"$WORK/samples-$r.txt"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

ROWS=()
for r in "${!COMMANDS[@]}"; do
    ROWS+=("${NAMES[$r]}|$("$PYTHON" - "$WORK/samples-$r.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
t = sorted(int(w) / 1e9 for w, _, _ in rows)
c = sorted(float(x) for _, x, _ in rows)
p = max(int(m) for _, _, m in rows) / 1024
print(f"{statistics.median(t):.4f} {statistics.median(c):.4f} {t[0]:.4f} {t[-1]:.4f} {p:.1f}")
PY
)")
done

"$PYTHON" - "$N" "$RUNS" "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)" "${ROWS[@]}" <<'PY'
import sys
n, runs, before, after, cores, rows = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
print()
print(f"SigV4 signing, {n:,} requests, whole process, median of {runs} interleaved runs (fresh process each, 1 warm-up);")
print(f"all signatures identical to botocore. {cores} cores, load average {before} before / {after} after.")
print()
print("| signer | requests/s (wall) | wall s (min–max) | user+sys s | peak RSS MiB | ratio wall | ratio CPU |")
print("|---|---:|---:|---:|---:|---:|---:|")
base_wall = base_cpu = None
for line in rows:
    name, numbers = line.split("|")
    wall, cpu, low, high, peak = map(float, numbers.split())
    if base_wall is None:
        base_wall, base_cpu = wall, cpu
        ratio_wall = ratio_cpu = "1×"
    else:
        ratio_wall, ratio_cpu = f"**{base_wall / wall:.1f}×**", f"**{base_cpu / cpu:.1f}×**"
    print(f"| {name} | {n / wall:,.0f} | {wall:.3f} ({low:.3f}–{high:.3f}) | {cpu:.3f} | {peak:.1f} | {ratio_wall} | {ratio_cpu} |")

# The goal of issue 20: ≥ 40× botocore's throughput, single core, whole process (the rows that sign on one
# thread with cached keys: the default build and, when built, the --static-swift-stdlib one).
print()
print("| goal (issue 20) | measured in this run | status |")
print("|---|---:|---|")
walls = {line.split("|")[0]: float(line.split("|")[1].split()[0]) for line in rows}
boto = float(rows[0].split("|")[1].split()[0])
for name, wall in walls.items():
    if name.startswith("swift-infra sigv4-bench") and "signing keys cached" in name:
        build = "--static-swift-stdlib build" if "static" in name else "default build"
        print(f"| SigV4 ≥ 40× botocore, single core ({build}) | {boto / wall:.1f}× ({boto:.3f} s / {wall:.3f} s) | "
              f"{'met' if boto / wall >= 40 else 'not met'} |")
PY
