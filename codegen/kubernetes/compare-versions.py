#!/usr/bin/env python3
"""Compares the definitions (kubernetes-validate) of the supported Kubernetes versions
(`supported` in codegen/kubernetes/versions.json) for the API groups InfraKubernetes
generates, and prints the Markdown table of Documentation/KubernetesVersions.md.

Run from the package root:  python3 codegen/kubernetes/compare-versions.py > /tmp/versions.md
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("update_input", os.path.join(HERE, "update-input.py"))
update_input = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_input)

VERSIONS = update_input.SUPPORTED_VERSIONS


def in_groups(name):
    return any(name.startswith(g) for g in update_input.GROUPS) or name.startswith("io.k8s.apimachinery.pkg.apis.meta.v1.")


def kinds(defs):
    out = {}
    for name, d in defs.items():
        gvks = d.get("x-kubernetes-group-version-kind", [])
        if len(gvks) == 1 and in_groups(name) and not gvks[0]["kind"].endswith("List"):
            g = gvks[0]
            out[(g["group"] or "core") + "/" + g["version"] + " " + g["kind"]] = name
    return out


def main():
    defs = {v: update_input.load_definitions(v) for v in VERSIONS}
    print("| change | " + " | ".join(VERSIONS[1:]) + " |")
    print("| --- |" + " --- |" * (len(VERSIONS) - 1))
    rows = []
    for prev, cur in zip(VERSIONS, VERSIONS[1:]):
        a, b = kinds(defs[prev]), kinds(defs[cur])
        for k in sorted(b.keys() - a.keys()):
            rows.append((f"kind {k}", cur, "added"))
        for k in sorted(a.keys() - b.keys()):
            rows.append((f"kind {k}", cur, "removed"))
        for name in sorted(set(defs[prev]) | set(defs[cur])):
            if not in_groups(name):
                continue
            short = name.replace("io.k8s.api.", "").replace("io.k8s.apimachinery.pkg.apis.", "")
            if name not in defs[prev]:
                rows.append((f"type {short}", cur, "added"))
                continue
            if name not in defs[cur]:
                rows.append((f"type {short}", cur, "removed"))
                continue
            p = set(defs[prev][name].get("properties", {}))
            c = set(defs[cur][name].get("properties", {}))
            for field in sorted(c - p):
                rows.append((f"field {short}.{field}", cur, "added"))
            for field in sorted(p - c):
                rows.append((f"field {short}.{field}", cur, "removed"))
            rp = set(defs[prev][name].get("required", []))
            rc = set(defs[cur][name].get("required", []))
            for field in sorted(rc - rp):
                rows.append((f"field {short}.{field}", cur, "now required"))
            for field in sorted(rp - rc):
                rows.append((f"field {short}.{field}", cur, "no longer required"))
    for what, version, change in rows:
        cells = [change if v == version else "" for v in VERSIONS[1:]]
        print(f"| {what} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
