#!/usr/bin/env python3
"""Refreshes the committed, trimmed input of `infra-k8s-codegen`.

The versions come from `codegen/kubernetes/versions.json`: `generated` (the OpenAPI
definitions the types are generated from) and `supported` (every version the output is
validated against). Reads the definitions of those versions shipped by the PyPI package
kubernetes-validate (the venv `shared/tools/setup` installs), the cert-manager / VPA
CRD JSON Schemas in `shared/tools/schemas/` and the CRDs vendored in `codegen/kubernetes/crds/upstream/`
(converted with `shared/tools/gen-crd-schemas`), keeps only what the generated kinds reach,
drops server-populated `status` fields, and so that the generated API is valid for every
supported version:

  - marks properties (and kinds) that a supported version lacks (`x-missing-in`);
  - makes a property required when any supported version requires it;
  - stops when a property's type differs between supported versions (decide by hand).

Writes (and removes the definitions of a previously generated version):

  codegen/kubernetes/kubernetes-<generated>-definitions.json
  codegen/kubernetes/crds/<group>_<kind>_<version>.json

Run from the package root:  python3 codegen/kubernetes/update-input.py
Then regenerate Swift:      swift run infra-k8s-codegen
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "tools")
with open(os.path.join(ROOT, "codegen", "kubernetes", "versions.json")) as _f:
    _WINDOW = json.load(_f)
# The version whose definitions the types are generated from.
VERSION = _WINDOW["generated"]
# The versions manifests are validated against (shared/tools/k8s-validate --versions), oldest first.
SUPPORTED_VERSIONS = _WINDOW["supported"]

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
# CRDs vendored in this repository (codegen/kubernetes/crds/upstream/, provenance in its README), converted with
# shared/tools/gen-crd-schemas like the ones above: (CRD YAML, the schema it yields for the generated version).
VENDORED_CRDS = [
    ("secrets-store.csi.x-k8s.io_secretproviderclasses.yaml", "secrets-store.csi.x-k8s.io/secretproviderclass_v1.json"),
]


def venv_python(code):
    venv = os.path.join(os.environ.get("INFRA_TOOLS_CACHE", os.path.expanduser("~/.cache/infra-tools")), "k8s")
    return subprocess.check_output([os.path.join(venv, "bin", "python"), "-c", code], text=True).strip()


def schema_dir():
    package = venv_python("import kubernetes_validate,os;print(os.path.dirname(kubernetes_validate.__file__))")
    return os.path.join(package, "kubernetes-json-schema")


def package_version():
    return venv_python("import importlib.metadata as m;print(m.version('kubernetes-validate'))")


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


def load_definitions(version):
    with open(os.path.join(schema_dir(), f"v{version}.0-local", "_definitions.json")) as f:
        return json.load(f)["$defs"]


def shape(schema):
    """A property's type without what does not change the generated Swift type (descriptions,
    enums, formats, list/map markers, nullability — required-ness is handled separately)."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    if "$ref" in schema:
        out["$ref"] = schema["$ref"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = [k for k in kind if k != "null"]
        kind = kind[0] if len(kind) == 1 else sorted(kind)
    if kind is not None:
        out["type"] = kind
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            out[key] = shape(schema[key])
    for key in ("allOf", "oneOf", "anyOf"):
        if key in schema:
            out[key] = [shape(s) for s in schema[key]]
    return out


def main():
    if VERSION not in SUPPORTED_VERSIONS:
        sys.exit(f"versions.json: generated {VERSION} is not among the supported {SUPPORTED_VERSIONS}")
    defs = load_definitions(VERSION)
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
    # Make the generated API valid for every supported version: mark what a version lacks, so
    # the generator can document it and validation can warn (strict validation for that version
    # would fail), and require what any version requires.
    others = {v: load_definitions(v) for v in SUPPORTED_VERSIONS if v != VERSION}
    conflicts = []
    for name, d in kept.items():
        if name in roots:
            # A kind that a version does not serve at all (its apiVersion/kind is unknown there).
            gvk = d["x-kubernetes-group-version-kind"]
            missing = [v for v, other in others.items()
                       if other.get(name, {}).get("x-kubernetes-group-version-kind") != gvk]
            if missing:
                d["x-missing-in"] = missing
        required = set()
        for prop, schema in d.get("properties", {}).items():
            # A type missing as a whole is flagged where it is used (its parent's property).
            missing = [v for v, other in others.items()
                       if name in other and prop not in other[name].get("properties", {})]
            if missing:
                schema["x-missing-in"] = missing
            for version, other in others.items():
                theirs = other.get(name, {}).get("properties", {}).get(prop)
                if theirs is None:
                    continue
                if shape(theirs) != shape(schema):
                    conflicts.append(f"{name}.{prop}: {shape(theirs)} in {version}, {shape(schema)} in {VERSION}")
                if prop in other[name].get("required", []):
                    required.add(prop)
        added = sorted(required - set(d.get("required", [])))
        if added:
            d["required"] = d.get("required", []) + added
    if conflicts:
        sys.exit("properties whose type differs between supported versions:\n  " + "\n  ".join(conflicts))
    out = {
        "x-source": f"Kubernetes {VERSION} OpenAPI definitions as shipped in kubernetes-validate {package_version()} "
                    f"(kubernetes-json-schema/v{VERSION}.0-local/_definitions.json), trimmed by codegen/kubernetes/update-input.py",
        "x-license": "Apache-2.0 (Kubernetes and kubernetes-validate)",
        "x-version": VERSION,
        "x-supported-versions": SUPPORTED_VERSIONS,
        "x-kinds": roots,
        "$defs": dict(sorted(kept.items())),
    }
    target = os.path.join(ROOT, "codegen", "kubernetes", f"kubernetes-{VERSION}-definitions.json")
    # This script's own output for a previously generated version.
    for old in os.listdir(os.path.join(ROOT, "codegen", "kubernetes")):
        if old.startswith("kubernetes-") and old.endswith("-definitions.json") and old != os.path.basename(target):
            os.remove(os.path.join(ROOT, "codegen", "kubernetes", old))
    with open(target, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{target}: {len(roots)} kinds, {len(kept)} definitions")

    os.makedirs(os.path.join(ROOT, "codegen", "kubernetes", "crds"), exist_ok=True)
    with tempfile.TemporaryDirectory() as converted:
        upstream = os.path.join(ROOT, "codegen", "kubernetes", "crds", "upstream")
        subprocess.check_call([os.path.join(SHARED, "gen-crd-schemas")]
                              + [os.path.join(upstream, crd) for crd, _ in VENDORED_CRDS] + ["--out", converted],
                              stdout=subprocess.DEVNULL)
        sources = [(rel, os.path.join(SHARED, "schemas", rel), f"shared/tools/schemas/{rel} (from shared/tools/schemas/crds)")
                   for rel in CRDS]
        sources += [(rel, os.path.join(converted, rel),
                     f"codegen/kubernetes/crds/upstream/{crd} (converted by shared/tools/gen-crd-schemas)")
                    for crd, rel in VENDORED_CRDS]
        for rel, path, origin in sources:
            write_crd_input(rel, path, origin)


def write_crd_input(rel, path, origin):
    """Writes one CRD schema, without status and metadata (the generator uses the core ObjectMeta), as generator input."""
    with open(path) as f:
        schema = json.load(f)
    schema["properties"].pop("status", None)
    schema["properties"].pop("metadata", None)  # the generator uses the core ObjectMeta
    group = rel.split("/")[0]
    target = os.path.join(ROOT, "codegen", "kubernetes", "crds", rel.replace("/", "_"))
    schema["x-source"] = f"{origin}, trimmed by codegen/kubernetes/update-input.py"
    schema["x-group"] = group
    with open(target, "w") as f:
        json.dump(schema, f, indent=1, sort_keys=True)
        f.write("\n")
    print(target)


if __name__ == "__main__":
    sys.exit(main())
