#!/usr/bin/env bash
# plan-parallel.sh — issue 20's plan/apply goal: wall time of `infra-manifest plan` over the OVES
# reference's AWS roots (dev, prod, shared) against a private local AWS (moto, ../shared/tools/aws-local,
# bootstrapped with `infra-manifest bootstrap`), one root after another (--parallel 1) vs side by
# side (--parallel N, default: cores). dns needs the Cloudflare provider (not installed offline): it
# fails at init after the AWS roots and is left out of the numbers. Each setting runs twice in its
# own output folder: the first run includes `terraform init`, the second plans only. The time of a
# run is its first root's start to its last AWS root's finish, read from the logs' timestamps
# (<output>/.infra-logs/<root>/plan.log).
#
#   Benchmarks/plan-parallel.sh                 # needs a built infra-manifest (swift build)
#   PARALLEL=4 BIN=.build/release/infra-manifest Benchmarks/plan-parallel.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/infra-manifest}
PARALLEL=${PARALLEL:-$(nproc)}
WORK=${WORK:-${TMPDIR:-/tmp}/swift-infra-plan-parallel}
TOOLS=${TOOLS:-$ROOT/../shared/tools}
ROOTS=(terraform/environments/dev terraform/environments/prod terraform/shared)

rm -rf "$WORK" && mkdir -p "$WORK"
MOTO_IAM_LOAD_MANAGED_POLICIES=true "$TOOLS/aws-local" start --export --state-dir "$WORK/moto" >"$WORK/moto.env"
trap '"$TOOLS/aws-local" stop --state-dir "$WORK/moto" >/dev/null 2>&1 || true' EXIT
set -a && . "$WORK/moto.env" && set +a
export TF_VAR_china_ingress_hostname=ingress.oves.example.com
"$BIN" bootstrap --bucket oves-terraform-state --table oves-terraform-locks --region us-east-1 >/dev/null

# Seconds from the first "started" to the last "finished" line of the AWS roots' logs.
span() {
    python3 - "$1" "${ROOTS[@]}" <<'PY'
import datetime, sys
out, roots = sys.argv[1], sys.argv[2:]
stamps = []
for root in roots:
    for line in open(f"{out}/.infra-logs/{root}/plan.log"):
        if line.startswith("# ") and (" started " in line or " finished:" in line):
            stamps.append(datetime.datetime.fromisoformat(line.split()[1].replace("Z", "+00:00")))
print(f"{(max(stamps) - min(stamps)).total_seconds():.1f}")
PY
}

printf '%-12s %-22s %-22s\n' "parallel" "first run (init+plan)" "second run (plan)"
for parallel in 1 "$PARALLEL"; do
    out="$WORK/out-p$parallel"
    first=$( "$BIN" plan --output "$out" --parallel "$parallel" >/dev/null 2>&1; span "$out")
    second=$("$BIN" plan --output "$out" --parallel "$parallel" >/dev/null 2>&1; span "$out")
    printf '%-12s %-22s %-22s\n' "$parallel" "${first} s" "${second} s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
