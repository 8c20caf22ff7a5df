#!/usr/bin/env bash
# Fails when a target's `import`s and its dependencies in Package.swift disagree: a module imported
# without being declared (it builds only because another dependency happens to bring it in) or a
# dependency declared and never imported (it costs build time and hides the real module graph).
#
#   Scripts/imports-check.sh                 # this package and Benchmarks/
#   Scripts/imports-check.sh PACKAGE_DIR...  # other packages
#
# The targets and their dependencies come from `swift package dump-package` (the manifest as
# SwiftPM reads it, the generated family block included); the imports from every .swift file
# under each target's folder. A product dependency counts as its module of the same name
# (true of every product this package uses); the toolchain's modules (Foundation, Testing, the C
# libraries) need no declaration.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(. Benchmarks)

status=0
for package in "${packages[@]}"; do
    manifest="$(swift package --package-path "$package" dump-package)"
    MANIFEST="$manifest" python3 - "$package" <<'PY' || status=1
import json, os, re, sys

package = sys.argv[1]
manifest = json.loads(os.environ["MANIFEST"])

# Modules of the toolchain and the platform: imported freely, never declared.
SYSTEM = {
    "Swift", "_Concurrency", "_StringProcessing", "Foundation", "FoundationEssentials",
    "FoundationInternationalization", "FoundationNetworking", "FoundationXML", "Dispatch", "Glibc", "Musl",
    "Darwin", "Android", "WinSDK", "ucrt", "CRT", "Synchronization", "Observation", "Distributed",
    "RegexBuilder", "Testing", "XCTest", "os", "PackagePlugin",
}
IMPORT = re.compile(
    r"^\s*(?:@[\w()]+\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
    re.MULTILINE,
)
# Block comments and multi-line string literals (which may hold Python or shell with its own imports).
NOT_CODE = re.compile(r'/\*.*?\*/|#*"""[\s\S]*?"""#*', re.DOTALL)


def module_name(name):
    """The module a target or product is imported as (`infra-codegen` → `infra_codegen`)."""
    return name.replace("-", "_")


def folder(target):
    if target.get("path"):
        return os.path.join(package, target["path"])
    base = "Tests" if target["type"] == "test" else ("Plugins" if target["type"] == "plugin" else "Sources")
    return os.path.join(package, base, target["name"])


def imports(directory):
    found = {}
    for root, _, files in os.walk(directory):
        for file in sorted(files):
            if not file.endswith(".swift"):
                continue
            path = os.path.join(root, file)
            with open(path, encoding="utf-8") as handle:
                text = NOT_CODE.sub("", handle.read())
            for match in IMPORT.finditer(text):
                found.setdefault(match.group(1), path)
    return found


problems = []
for target in manifest["targets"]:
    if target["type"] in ("plugin", "binary", "system-target", "macro"):
        continue
    declared = set()
    for dependency in target.get("dependencies", []):
        kind, value = next(iter(dependency.items()))
        declared.add(module_name(value[0]))
    used = imports(folder(target))
    for module, path in sorted(used.items()):
        if module in SYSTEM or module == module_name(target["name"]) or module in declared:
            continue
        problems.append(f"{target['name']}: imports {module} ({os.path.relpath(path, package)}) but does not declare it")
    for module in sorted(declared - set(used)):
        problems.append(f"{target['name']}: declares {module} but never imports it")

name = manifest["name"]
if problems:
    print("\n".join(problems))
    print(f"imports-check: {len(problems)} mismatch(es) in {name} ({package})", file=sys.stderr)
    sys.exit(1)
print(f"imports-check: {len(manifest['targets'])} targets of {name}: imports match Package.swift")
PY
done
exit $status
