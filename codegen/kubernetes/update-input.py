#!/usr/bin/env python3
"""Refreshes the committed, trimmed input of `infra-k8s-codegen`.

Reads the Kubernetes 1.29 OpenAPI definitions shipped by the PyPI package
kubernetes-validate (the venv `shared/tools/setup` installs) and the cert-manager /
VPA CRD JSON Schemas in `shared/tools/schemas/`, keeps only what the generated kinds
reach, drops server-populated `status` fields, marks properties that 1.28/1.30/1.31
lack (`x-missing-in`), and writes:

  codegen/kubernetes/kubernetes-1.29-definitions.json
  codegen/kubernetes/crds/<group>_<kind>_<version>.json

Run from the package root:  python3 codegen/kubernetes/update-input.py
Then regenerate Swift:      swift run infra-k8s-codegen
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "tools")
VERSION = "1.29"
# The versions manifests are validated against (shared/tools/k8s-validate).
SUPPORTED_VERSIONS = ["1.28", "1.29", "1.30", "1.31"]

# The API group/versions whose kinds are generated (definition-name prefixes).
GROUPS = [
    "io.k8s.api.core.v1.",
    "io.k8s.api.apps.v1.",
    "io.k8s.api.batch.v1.",
    "io.k8s.api.networking.v1.",
    "io.k8s.api.policy.v1.",
    "io.k8s.api.rbac.v1.",
    "io.k8s.api.storage.v1.",
    "io.k8s.api.autoscaling.v2.",
    "io.k8s.api.scheduling.v1.",
]
# Kinds that are API operations or read-only views, not objects one declares in a manifest.
SKIPPED_KINDS = {"Binding", "ComponentStatus", "Eviction", "Event", "TokenRequest"}
CRDS = [
    "cert-manager.io/certificate_v1.json",
    "cert-manager.io/clusterissuer_v1.json",
    "cert-manager.io/issuer_v1.json",
    "autoscaling.k8s.io/verticalpodautoscaler_v1.json",
]


def schema_dir():
    venv = os.path.join(os.environ.get("INFRA_TOOLS_CACHE", os.path.expanduser("~/.cache/infra-tools")), "k8s")
    out = subprocess.check_output(
        [os.path.join(venv, "bin", "python"), "-c",
         "import kubernetes_validate,os;print(os.path.dirname(kubernetes_validate.__file__))"], text=True)
    return os.path.join(out.strip(), "kubernetes-json-schema")


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.split("/")[-1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main():
    path = os.path.join(schema_dir(), f"v{VERSION}.0-local", "_definitions.json")
    with open(path) as f:
        defs = json.load(f)["$defs"]
    roots = []
    for name, d in sorted(defs.items()):
        gvks = d.get("x-kubernetes-group-version-kind", [])
        if len(gvks) != 1 or not any(name.startswith(g) for g in GROUPS):
            continue
        kind = gvks[0]["kind"]
        if kind.endswith("List") or kind in SKIPPED_KINDS:
            continue
        roots.append(name)
    kept = {}
    queue = list(roots)
    while queue:
        name = queue.pop()
        if name in kept:
            continue
        d = json.loads(json.dumps(defs[name]))
        if name in roots:
            d.get("properties", {}).pop("status", None)
        kept[name] = d
        found = set()
        refs(d, found)
        queue.extend(sorted(found - kept.keys()))
    # Mark the properties that other supported versions lack, so the generator can document
    # them and validation can warn (strict validation for those versions would fail).
    others = {}
    for version in SUPPORTED_VERSIONS:
        if version == VERSION:
            continue
        with open(os.path.join(schema_dir(), f"v{version}.0-local", "_definitions.json")) as f:
            others[version] = json.load(f)["$defs"]
    for name, d in kept.items():
        for prop, schema in d.get("properties", {}).items():
            # A type missing as a whole is flagged where it is used (its parent's property).
            missing = [v for v, defs in sorted(others.items())
                       if name in defs and prop not in defs[name].get("properties", {})]
            if missing:
                schema["x-missing-in"] = missing
    out = {
        "x-source": f"kubernetes-validate {VERSION} _definitions.json (v{VERSION}.0-local), trimmed by codegen/kubernetes/update-input.py",
        "x-kinds": roots,
        "$defs": dict(sorted(kept.items())),
    }
    target = os.path.join(ROOT, "codegen", "kubernetes", f"kubernetes-{VERSION}-definitions.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{target}: {len(roots)} kinds, {len(kept)} definitions")

    os.makedirs(os.path.join(ROOT, "codegen", "kubernetes", "crds"), exist_ok=True)
    for rel in CRDS:
        with open(os.path.join(SHARED, "schemas", rel)) as f:
            schema = json.load(f)
        schema["properties"].pop("status", None)
        schema["properties"].pop("metadata", None)  # the generator uses the core ObjectMeta
        group = rel.split("/")[0]
        target = os.path.join(ROOT, "codegen", "kubernetes", "crds", rel.replace("/", "_"))
        schema["x-source"] = f"shared/tools/schemas/{rel} (from shared/tools/schemas/crds), trimmed by codegen/kubernetes/update-input.py"
        schema["x-group"] = group
        with open(target, "w") as f:
            json.dump(schema, f, indent=1, sort_keys=True)
            f.write("\n")
        print(target)


if __name__ == "__main__":
    sys.exit(main())
