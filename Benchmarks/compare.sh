#!/usr/bin/env bash
# compare.sh — whole-process synthesis, swift-infra vs. the peers (cdktf and cdk8s, Python),
# same machine, one run. Each measurement is a fresh process; we report the median of
# several runs and the peak RSS of the largest process (GNU `/usr/bin/time -v`, which for
# cdktf/cdk8s is the node jsii kernel child).
#
#   Benchmarks/compare.sh                       # defaults below
#   RUNS=9 PEER_RUNS=1 NS="100 1000" Benchmarks/compare.sh
#
# Settings (environment):
#   NS          scale-N sizes for swift-infra            (default: 100 1000 5000 25000)
#   PEER_NS     scale-N sizes also run with cdktf         (default: 100 1000 5000; "" = none)
#   K8S_NS      k8s-scale-N sizes (ours)                   (default: 100 1000 5000 25000)
#   PEER_K8S_NS k8s-scale-N sizes also run with cdk8s     (default: 5000; "" = none)
#   RUNS        runs per swift-infra workload              (default: 7)
#   PEER_RUNS   runs per peer workload (cdktf is 10-20 s per run)  (default: 3)
#   OVES        1 = also the OVES reference, both sides    (default: 1 when `infra-bench oves` works)
#   PEERS_DIR   the peers' scripts                         (default: <checkout>/../shared/bench/peers)
#   PEERS_VENV  venv with cdktf/cdk8s, created if missing  (default: ${TMPDIR:-/tmp}/swift-infra-peers/venv)
#   WORK        scratch folder for outputs                 (default: ${TMPDIR:-/tmp}/swift-infra-compare)
#   SCRATCH     SwiftPM build folder for our release build (default: Benchmarks/.build)
#   SKIP_PEERS  1 = measure only swift-infra
# After the table it prints each synthesis goal of issue 20 with the value measured in this run:
# OVES ≤ 20 ms and ≥ 1,000× cdktf + cdk8s, k8s-scale-5000 ≥ 300× cdk8s, cost per object flat
# from 1,000 to 50,000 objects (no rise over 1.5× from a smaller size to a larger one), peak
# memory < 150 MB at 50,000 objects (scale-25000 and k8s-scale-25000 write 50,000 each).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
NS=${NS-100 1000 5000 25000}
PEER_NS=${PEER_NS-100 1000 5000}
K8S_NS=${K8S_NS-100 1000 5000 25000}
PEER_K8S_NS=${PEER_K8S_NS-5000}
RUNS=${RUNS:-7}
PEER_RUNS=${PEER_RUNS:-3}
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/bench/peers}
PEERS_VENV=${PEERS_VENV:-${TMPDIR:-/tmp}/swift-infra-peers/venv}
WORK=${WORK:-${TMPDIR:-/tmp}/swift-infra-compare}
SCRATCH=${SCRATCH:-$HERE/.build}
SKIP_PEERS=${SKIP_PEERS:-0}

log() { printf '%s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    log "installing GNU time (Debian package 'time') for peak-memory figures"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >&2; else sudo apt-get install -y -qq time >&2; fi
fi

# --- peers ---------------------------------------------------------------------------------
if [ "$SKIP_PEERS" != 1 ]; then
    [ -f "$PEERS_DIR/cdktf_scale.py" ] || { log "peers not found at $PEERS_DIR (set PEERS_DIR)"; exit 1; }
    if ! "$PEERS_VENV/bin/python3" -c 'import cdktf, cdk8s, cdktf_cdktf_provider_aws' 2>/dev/null; then
        log "installing the peers into $PEERS_VENV (PyPI, about 30 s, 530 MB)"
        python3 -m venv "$PEERS_VENV"
        "$PEERS_VENV/bin/pip" install -q cdktf==0.21.0 cdktf-cdktf-provider-aws==21.22.1 cdk8s==2.70.115 \
            constructs==10.8.1 >&2
    fi
    PY="$PEERS_VENV/bin/python3"
fi

# --- ours ----------------------------------------------------------------------------------
log "building infra-bench (release)"
swift build -c release --package-path "$HERE" --scratch-path "$SCRATCH" --product infra-bench >&2
BENCH="$(swift build -c release --package-path "$HERE" --scratch-path "$SCRATCH" --show-bin-path)/infra-bench"
mkdir -p "$WORK"
# Our output folders start empty (an earlier run's folder may predate synth's record, which a
# writer refuses to write into); the warm-up run writes them fresh, the timed runs re-synth into
# them, as a user's repeated `synth` does (unchanged files are compared and left alone).
fresh() { rm -rf "$1"; }
if [ -z "${OVES:-}" ]; then
    fresh "$WORK/probe-oves"
    if "$BENCH" oves "$WORK/probe-oves" 2>/dev/null; then OVES=1; else OVES=0; fi
fi

# --- measuring -----------------------------------------------------------------------------
# measure RUNS CMD... → prints "median_s min_s max_s peak_mib" (fresh process per run, 1 warm-up)
measure() {
    local runs=$1; shift
    local times=() peaks=() i start end rss
    "$@" >/dev/null 2>&1 || { log "FAILED: $*"; "$@" >&2 || true; return 1; }   # warm-up, and a check
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
        times+=("$(( end - start ))")
        peaks+=("$rss")
    done
    python3 - "${times[*]}" "${peaks[*]}" <<'PY'
import statistics, sys
t = sorted(int(x) / 1e9 for x in sys.argv[1].split())
p = sorted(int(x) / 1024 for x in sys.argv[2].split())
print(f"{statistics.median(t):.4f} {t[0]:.4f} {t[-1]:.4f} {max(p):.1f}")
PY
}

ROWS=()   # "name|resources|ours(median min max peak)|peer(median min max peak)|bytes ours|bytes peer"
row() { ROWS+=("$1|$2|$3|$4|$5|$6"); }
size() { find "$1" -type f \( -name '*.json' -o -name '*.yaml' \) -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}'; }

contains() { local x; for x in $2; do [ "$x" = "$1" ] && return 0; done; return 1; }

for n in $NS; do
    log "scale-$n: swift-infra ($RUNS runs)"
    fresh "$WORK/ours-scale-$n"
    ours=$(measure "$RUNS" "$BENCH" scale "$n" "$WORK/ours-scale-$n")
    peer="" peer_bytes=""
    if [ "$SKIP_PEERS" != 1 ] && contains "$n" "$PEER_NS"; then
        log "scale-$n: cdktf ($PEER_RUNS runs)"
        peer=$(cd "$PEERS_DIR" && measure "$PEER_RUNS" "$PY" cdktf_scale.py "$n" "$WORK/cdktf-scale-$n")
        peer_bytes=$(size "$WORK/cdktf-scale-$n/stacks")
    fi
    row "scale-$n" $((2 * n)) "$ours" "$peer" "$(size "$WORK/ours-scale-$n")" "$peer_bytes"
done

for n in $K8S_NS; do
    log "k8s-scale-$n: swift-infra ($RUNS runs)"
    fresh "$WORK/ours-k8s-$n"
    ours=$(measure "$RUNS" "$BENCH" k8s "$n" "$WORK/ours-k8s-$n")
    peer="" peer_bytes=""
    if [ "$SKIP_PEERS" != 1 ] && contains "$n" "$PEER_K8S_NS"; then
        log "k8s-scale-$n: cdk8s ($PEER_RUNS runs)"
        peer=$(cd "$PEERS_DIR" && measure "$PEER_RUNS" "$PY" cdk8s_scale.py "$n" "$WORK/cdk8s-scale-$n")
        peer_bytes=$(size "$WORK/cdk8s-scale-$n")
    fi
    row "k8s-scale-$n" $((2 * n)) "$ours" "$peer" "$(size "$WORK/ours-k8s-$n")" "$peer_bytes"
done

if [ "$OVES" = 1 ]; then
    log "OVES: swift-infra ($RUNS runs)"
    fresh "$WORK/ours-oves"
    ours=$(measure "$RUNS" "$BENCH" oves "$WORK/ours-oves")
    peer=""
    if [ "$SKIP_PEERS" != 1 ]; then
        # The peers need two processes (cdktf for Terraform, cdk8s for Kubernetes); time them as one.
        log "OVES: cdktf + cdk8s ($PEER_RUNS runs)"
        cat > "$WORK/peer-oves.sh" <<SH
#!/bin/sh
set -e
cd "$PEERS_DIR"
"$PY" cdktf_oves.py "$WORK/cdktf-oves"
"$PY" cdk8s_oves.py "$WORK/cdk8s-oves"
SH
        chmod +x "$WORK/peer-oves.sh"
        peer=$(measure "$PEER_RUNS" "$WORK/peer-oves.sh")
    fi
    # Counted from our output: Terraform resources and data sources, and Kubernetes objects (the
    # peers' OVES has the same Terraform resources but far fewer Kubernetes objects, their README).
    objects=$(python3 - "$WORK/ours-oves" <<'PY'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
tf = 0
for path in root.glob("terraform/**/*.tf.json"):
    doc = json.loads(path.read_text())
    for kind in ("resource", "data"):
        tf += sum(len(blocks) for blocks in doc.get(kind, {}).values())
k8s = sum(line.startswith("kind: ") for path in root.glob("kubernetes/**/*.yaml") for line in path.read_text().splitlines())
print(tf + k8s)
PY
)
    row "OVES (TF + k8s)" "$objects" "$ours" "$peer" "$(size "$WORK/ours-oves")" \
        "$(( $(size "$WORK/cdktf-oves/stacks") + $(size "$WORK/cdk8s-oves") ))"
fi

# --- table ---------------------------------------------------------------------------------
python3 - "$RUNS" "$PEER_RUNS" "${ROWS[@]}" <<'PY'
import sys
runs, peer_runs, rows = sys.argv[1], sys.argv[2], sys.argv[3:]
print()
print(f"whole-process synth, median of {runs} runs (ours) / {peer_runs} runs (peers), fresh process each, 1 warm-up")
print()
print("| workload | resources | swift-infra s (min–max) | µs/resource | peak MiB | peer s (min–max) | peer peak MiB | time ratio | memory ratio | output bytes ours / peer |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for line in rows:
    name, count, ours, peer, ob, pb = line.split("|")
    om, omin, omax, opk = map(float, ours.split())
    per = om / int(count) * 1e6
    if peer:
        pm, pmin, pmax, ppk = map(float, peer.split())
        p = f"{pm:.2f} ({pmin:.2f}–{pmax:.2f})"
        ratio, mratio, ppeak = f"**{pm / om:.0f}×**", f"{ppk / opk:.1f}×", f"{ppk:.0f}"
    else:
        p = ratio = mratio = ppeak = "—"
    print(f"| {name} | {int(count):,} | {om:.3f} ({omin:.3f}–{omax:.3f}) | {per:.1f} | {opk:.1f} | {p} | {ppeak} | {ratio} | {mratio} | {int(ob):,} / {int(pb or 0):,} |")

# The synthesis goals of issue 20, each with what this run measured.
table = {}
for line in rows:
    name, count, ours, peer, _, _ = line.split("|")
    om, _, _, opk = map(float, ours.split())
    table[name] = (int(count), om, opk, float(peer.split()[0]) if peer else None)
goals = []
def goal(text, value, met):
    goals.append(f"| {text} | {value} | {'met' if met else 'not met'} |")
if "OVES (TF + k8s)" in table:
    count, om, _, pm = table["OVES (TF + k8s)"]
    goal(f"OVES whole process ≤ 20 ms ({count} objects)", f"{om * 1000:.1f} ms", om <= 0.020)
    if pm:
        goal("OVES ≥ 1,000× cdktf + cdk8s", f"{pm / om:.0f}× ({pm:.2f} s / {om:.3f} s)", pm / om >= 1000)
if table.get("k8s-scale-5000", (0, 0, 0, None))[3]:
    _, om, _, pm = table["k8s-scale-5000"]
    goal("k8s-scale-5000 ≥ 300× cdk8s", f"{pm / om:.0f}× ({pm:.2f} s / {om:.3f} s)", pm / om >= 300)
for prefix in ("scale", "k8s-scale"):
    sizes = sorted((c, om / c * 1e6) for name, (c, om, _, _) in table.items()
                   if name.startswith(prefix + "-") and name[len(prefix) + 1:].isdigit() and c >= 1000)
    if len(sizes) >= 2:
        costs = [per for _, per in sizes]
        # Flat means it does not grow with size: the largest rise from a smaller size to a larger
        # one. A fall (the process's fixed cost spread over more objects) is not a rise.
        rise = max([costs[j] / costs[i] for i in range(len(costs)) for j in range(i + 1, len(costs))] + [1.0])
        detail = ", ".join(f"{per:.1f} µs at {c:,}" for c, per in sizes)
        goal(f"{prefix}: cost per object flat (rises ≤ 1.5×) from 1,000 to 50,000 objects",
             f"rises {rise:.2f}× at most ({detail})", rise <= 1.5 and sizes[-1][0] >= 50000)
    big = [(c, opk) for name, (c, _, opk, _) in table.items() if name.startswith(prefix + "-") and c >= 50000]
    for c, opk in big:
        goal(f"{prefix}: peak memory < 150 MB at {c:,} objects", f"{opk * 1.048576:.0f} MB ({opk:.0f} MiB)", opk * 1.048576 < 150)
if goals:
    print()
    print("| goal (issue 20) | measured in this run | status |")
    print("|---|---:|---|")
    print("\n".join(goals))
PY
