#!/usr/bin/env bash
# Regenerates the cdktf fixture: synthesizes the peer benchmark's OVES stacks
# (../shared/bench/peers/cdktf_oves.py) with the last CDK for Terraform release and copies each
# stack's cdk.tf.json here. Needs python3 with venv, pip access to PyPI and node 20 (jsii).
#
#   Tests/InfraConvertTests/Fixtures/cdktf/generate.sh        (from anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="${PEERS:-$here/../../../../../shared/bench/peers}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q cdktf==0.21.0 cdktf-cdktf-provider-aws==21.22.1 constructs==10.8.1
"$work/venv/bin/python3" "$peers/cdktf_oves.py" "$work/out" >/dev/null
for stack in oves-dev oves-prod; do
    mkdir -p "$here/stacks/$stack"
    cp "$work/out/stacks/$stack/cdk.tf.json" "$here/stacks/$stack/cdk.tf.json"
done
echo "cdktf_oves.py sha256: $(sha256sum "$peers/cdktf_oves.py" | cut -d' ' -f1)"
echo "wrote $here/stacks/{oves-dev,oves-prod}/cdk.tf.json"
