#!/usr/bin/env python3
"""Test helper for `infra-manifest convert`: plans two Terraform roots against one private
moto (the local AWS endpoint, started by oves-moto.py's start_moto: one request at a time) and
compares what Terraform would do.

  plan-compare.py ORIGINAL CONVERTED [--var NAME=VALUE ...] [--bootstrap BUCKET,TABLE]

--bootstrap first creates what `infra-manifest bootstrap` creates (oves-moto.py's bootstrap), so
roots whose `import` blocks adopt the state bucket and lock table plan against real objects.

Plans each root with oves-moto.py's plan_shown (staged like tf-apply-local: provider overrides
for the local endpoint, backend made local, relative modules copied; `terraform init`, `plan -out`
and `show -json`), then compares the two plans:
  * the addresses in resource_changes (managed and data); an original address is mapped through
    the converted root's `moved` blocks (readable names for cdktf's construct-path names);
  * for each address: mode, type, provider, index, actions, after, after_unknown,
    after_sensitive and importing (what an import block adopts);
  * output_changes (actions, after, after_unknown, after_sensitive).
Prints {"ok": bool, "addresses": N, "differences": [...], "log": "..."} as JSON; exit 0 when the
plans agree. Reuses ../shared/tools/_tfcommon.py and tf-apply-local's overrides; the roots are
never modified.
"""
import concurrent.futures
import glob
import importlib.machinery
import importlib.util
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True
TOOLS = os.environ.get("OVES_SHARED_TOOLS") or os.path.join(
    os.path.dirname(os.path.realpath(__file__)), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
import _tfcommon as c  # noqa: E402

_moto_loader = importlib.machinery.SourceFileLoader(
    "oves_moto", os.path.join(os.path.dirname(os.path.realpath(__file__)), "oves-moto.py"))
_moto_spec = importlib.util.spec_from_loader("oves_moto", _moto_loader)
oves_moto = importlib.util.module_from_spec(_moto_spec)
_moto_loader.exec_module(oves_moto)


def moves(root):
    """old address -> new address from the moved blocks of a root's .tf.json files."""
    result = {}
    for path in sorted(glob.glob(os.path.join(root, "*.tf.json"))):
        doc = c.load_tf_json(path)
        for block in c._iter_blocks(doc.get("moved")) if isinstance(doc, dict) else []:
            result[block["from"]] = block["to"]
        if isinstance(doc, dict) and isinstance(doc.get("moved"), list):
            for block in doc["moved"]:
                result[block["from"]] = block["to"]
    return result


def changes(shown):
    result = {}
    for rc in shown.get("resource_changes", []):
        change = rc.get("change", {})
        result[rc["address"]] = {
            "mode": rc.get("mode"), "type": rc.get("type"), "provider": rc.get("provider_name"),
            "index": rc.get("index"), "actions": change.get("actions"), "after": change.get("after"),
            "after_unknown": change.get("after_unknown"), "after_sensitive": change.get("after_sensitive"),
            "importing": change.get("importing"),
        }
    return result


def outputs(shown):
    return {name: {k: v for k, v in change.items() if k in ("actions", "after", "after_unknown", "after_sensitive")}
            for name, change in shown.get("output_changes", {}).items()}


def rename(address, moved):
    """Maps `aws_x.old` and `aws_x.old[0]` / `aws_x.old["k"]` through the moved blocks."""
    for old, new in moved.items():
        if address == old or address.startswith(old + "["):
            return new + address[len(old):]
    return address


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    original, converted = sys.argv[1], sys.argv[2]
    variables = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--var" and i + 1 < len(sys.argv)]
    bootstrap = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--bootstrap" and i + 1 < len(sys.argv)]
    tmp = c.make_tmp("plan-compare.")
    state = os.path.join(tmp, "moto")
    log, differences = [], []
    result = {"ok": False, "addresses": 0, "differences": differences, "log": ""}
    try:
        endpoint = oves_moto.start_moto(state)
        for spec in bootstrap:
            oves_moto.bootstrap(endpoint, spec)
        # Both roots plan side by side on the one moto: the round trip's comparisons run one after
        # another and end the test run, where a core is often free.
        def plan_root(i, root):
            work = os.path.join(tmp, f"root{i}")
            os.makedirs(work)
            return oves_moto.plan_shown(os.path.abspath(root), work, endpoint, variables, log)

        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            plans = list(pool.map(plan_root, (0, 1), (original, converted)))
        if None not in plans:
            moved = moves(converted)
            before = {rename(a, moved): v for a, v in changes(plans[0]).items()}
            after = changes(plans[1])
            result["addresses"] = len(before)
            for address in sorted(set(before) | set(after)):
                if address not in after:
                    differences.append(f"{address}: only in the original plan")
                elif address not in before:
                    differences.append(f"{address}: only in the converted plan")
                else:
                    for key in before[address]:
                        if before[address][key] != after[address][key]:
                            differences.append(
                                f"{address}: {key} differs: {json.dumps(before[address][key], sort_keys=True)[:600]}"
                                f" vs {json.dumps(after[address][key], sort_keys=True)[:600]}")
            a, b = outputs(plans[0]), outputs(plans[1])
            for name in sorted(set(a) | set(b)):
                if a.get(name) != b.get(name):
                    differences.append(f"output.{name}: {json.dumps(a.get(name))[:300]} vs {json.dumps(b.get(name))[:300]}")
            result["ok"] = not differences
    finally:
        oves_moto.stop_moto(state)
        shutil.rmtree(tmp, ignore_errors=True)
    result["log"] = "\n".join(log)[-20000:]
    print(json.dumps(result, indent=2))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
