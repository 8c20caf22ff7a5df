#!/usr/bin/env python3
"""Test helper for the OVES reference against moto (the local AWS endpoint).

  oves-moto.py prune SRC DEST --type T [--type T ...] [--destroyable]
                     [--log-bucket-stub ROOT=BUCKET] [--ignore-changes TYPE=ATTR,...]
      Copies the synthesized terraform tree SRC (.tf.json) to DEST and removes every
      resource and data block of the given types and, transitively, everything that
      references a removed item: resources, data, locals, outputs, module calls, and
      callers' references to removed module outputs (depends_on entries on removed items
      are dropped instead). --destroyable turns off deletion_protection(_enabled) and
      prevent_destroy and turns on force_destroy, so destroy can run. --log-bucket-stub
      adds to ROOT a stand-in for an access-log bucket another root creates.
      --ignore-changes TYPE=ATTR,ATTR adds lifecycle.ignore_changes to every resource of
      TYPE (attributes moto does not read back as written). Prints
      {"removed": {"<dir>": ["aws_x.y", "output.z", ...]}} as JSON.

  oves-moto.py plan [--bootstrap BUCKET,TABLE] ROOT [ROOT ...]
      Starts one private moto (../shared/tools/aws-local, serving one request at a time:
      moto-serialized/moto_server), stages each root like
      tf-apply-local (same provider overrides, backend removed), runs terraform init and
      plan -json, and prints {"<root>": {"ok": bool, "addresses": [...], "log": "..."}}: the
      managed resource instances of its planned_change messages.
      --bootstrap first creates what `infra-manifest bootstrap` creates (the state bucket
      with versioning, AES256 encryption and all public access blocked; the lock table
      keyed LockID, on demand, encrypted), which the shared root's import blocks adopt.

  oves-moto.py apply [--bootstrap BUCKET,TABLE] ROOT TF-APPLY-LOCAL-ARGS...
      Starts one private moto, bootstraps as above, and runs tf-apply-local ROOT against
      it with the remaining arguments; exits with tf-apply-local's status. Then prints on
      stderr each request the AWS SDK sent more than once, with every attempt moto answered
      ("N request(s) retried by the AWS SDK:"), which the apply test reads.

Reuses ../shared/tools/_tfcommon.py and tf-apply-local's override logic; the source
tree is never modified.
"""
import glob
import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
TOOLS = os.environ.get("OVES_SHARED_TOOLS") or os.path.join(
    os.path.dirname(os.path.realpath(__file__)), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
import _tfcommon as c  # noqa: E402

_loader = importlib.machinery.SourceFileLoader("tf_apply_local", os.path.join(TOOLS, "tf-apply-local"))
_spec = importlib.util.spec_from_loader("tf_apply_local", _loader)
tal = importlib.util.module_from_spec(_spec)
_loader.exec_module(tal)

KINDS = ("resource", "data", "output", "locals", "module")
_REF = re.compile(r"(?<![\w.])(data\.|module\.|local\.)?([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)")


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


def items(doc):
    """(key, container, name) of every addressable item in one .tf.json document."""
    for kind in KINDS:
        for blk in c._iter_blocks(doc.get(kind)):
            if kind in ("resource", "data"):
                for typ, named in blk.items():
                    for name in list(named):
                        yield (f"{'data.' if kind == 'data' else ''}{typ}.{name}", named, name)
            elif kind == "locals":
                for name in list(blk):
                    yield (f"local.{name}", blk, name)
            else:
                for name in list(blk):
                    yield (f"{kind}.{name}", blk, name)


def refs(body):
    out = set()
    for s in strings(body):
        for m in _REF.finditer(s):
            prefix, a, b = m.group(1) or "", m.group(2), m.group(3)
            if prefix == "local.":
                out.add(f"local.{a}")
                out.add(f"local.{a}.{b}")
            elif prefix == "module.":
                out.add(f"module.{a}")
                out.add(f"module.{a}.{b}")
            else:
                out.add(f"{prefix}{a}.{b}")
        for m in re.finditer(r"(?<![\w.])local\.([A-Za-z_][\w-]*)", s):
            out.add(f"local.{m.group(1)}")
        for m in re.finditer(r"(?<![\w.])module\.([A-Za-z_][\w-]*)", s):
            out.add(f"module.{m.group(1)}")
    return out


def prune(src, dest, types, destroyable=False, stubs=(), ignore=None):
    src, dest = os.path.abspath(src), os.path.abspath(dest)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    docs = {}
    for dirpath, _d, files in os.walk(dest):
        for fn in sorted(files):
            if fn.endswith(".tf.json"):
                docs[os.path.join(dirpath, fn)] = c.load_tf_json(os.path.join(dirpath, fn))
    dirs = sorted({os.path.dirname(p) for p in docs})
    removed = {d: set() for d in dirs}
    for p, doc in docs.items():
        for key, _box, _name in items(doc):
            typ = key.split(".")[-2]
            if key.split(".")[0] != "module" and typ in types and not key.startswith(("output.", "local.")):
                removed[os.path.dirname(p)].add(key)
    changed = True
    while changed:
        changed = False
        for p, doc in docs.items():
            d = os.path.dirname(p)
            calls = {}  # module name -> its source dir
            for q, other in docs.items():
                if os.path.dirname(q) == d:
                    for blk in c._iter_blocks(other.get("module")):
                        for name, body in blk.items():
                            calls[name] = os.path.normpath(os.path.join(d, body.get("source", "")))
            for key, _box, name in items(doc):
                if key in removed[d]:
                    continue
                body = _box[name]
                deps = body.get("depends_on", []) if isinstance(body, dict) else []
                uses = refs({k: v for k, v in body.items() if k != "depends_on"} if isinstance(body, dict) else body)
                gone = any(r in removed[d] for r in uses)
                for r in uses:
                    parts = r.split(".")
                    if parts[0] == "module" and len(parts) == 3 and parts[1] in calls:
                        if f"output.{parts[2]}" in removed.get(calls[parts[1]], set()):
                            gone = True
                if gone:
                    removed[d].add(key)
                    changed = True
                elif isinstance(deps, list):
                    keep = [x for x in deps if x not in removed[d]]
                    if len(keep) != len(deps):
                        body["depends_on"] = keep
    if destroyable:
        for doc in docs.values():
            for key, box, name in items(doc):
                body = box[name]
                if not isinstance(body, dict) or key.split(".")[0] in ("output", "local"):
                    continue
                for flag in ("deletion_protection", "deletion_protection_enabled"):
                    if flag in body:
                        body[flag] = False
                if "force_destroy" in body:
                    body["force_destroy"] = True
                for lc in c._iter_blocks(body.get("lifecycle")):
                    lc.pop("prevent_destroy", None)
    for doc in docs.values():
        for blk in c._iter_blocks(doc.get("resource")):
            for typ, named in blk.items():
                for body in named.values():
                    if (ignore or {}).get(typ) and isinstance(body, dict):
                        lc = body.setdefault("lifecycle", {})
                        lc["ignore_changes"] = sorted(set(lc.get("ignore_changes", [])) | set(ignore[typ]))
    for rel, bucket in stubs:
        stub_log_bucket(os.path.join(dest, rel), bucket, docs)
    for p, doc in docs.items():
        d = os.path.dirname(p)
        for key, box, name in list(items(doc)):
            if key in removed[d]:
                del box[name]
        for kind in ("resource", "data"):
            for blk in c._iter_blocks(doc.get(kind)):
                for typ in [t for t, named in blk.items() if not named]:
                    del blk[typ]
        for kind in KINDS:
            if kind in doc and not doc[kind]:
                del doc[kind]
        with open(p, "w") as f:
            json.dump(doc, f, indent=2)
    return {os.path.relpath(d, dest): sorted(r) for d, r in removed.items() if r}


def stub_log_bucket(root, bucket, docs):
    """Adds to root a stand-in for an access-log bucket another root creates, and makes
    every aws_s3_bucket_logging that targets it wait for its log-delivery grant."""
    acl = "aws_s3_bucket_acl.external_log_bucket"
    for p, doc in docs.items():
        if os.path.dirname(p) != root:
            continue
        for blk in c._iter_blocks(doc.get("resource")):
            for name, body in (blk.get("aws_s3_bucket_logging") or {}).items():
                if body.get("target_bucket") == bucket:
                    body["depends_on"] = [*body.get("depends_on", []), acl]
    stub = {"resource": {
        "aws_s3_bucket": {"external_log_bucket": {"bucket": bucket, "force_destroy": True}},
        "aws_s3_bucket_ownership_controls": {"external_log_bucket": {
            "bucket": "${aws_s3_bucket.external_log_bucket.id}",
            "rule": {"object_ownership": "BucketOwnerPreferred"}}},
        "aws_s3_bucket_acl": {"external_log_bucket": {
            "bucket": "${aws_s3_bucket.external_log_bucket.id}", "acl": "log-delivery-write",
            "depends_on": ["aws_s3_bucket_ownership_controls.external_log_bucket"]}},
    }}
    with open(os.path.join(root, "zz_external_log_bucket.tf.json"), "w") as f:
        json.dump(stub, f, indent=2)


SERIALIZED_MOTO = os.path.join(os.path.dirname(os.path.realpath(__file__)), "moto-serialized")


def start_moto(state):
    # aws-local starts the moto_server it finds first on PATH: ours, which lets one request at a
    # time into moto (moto-serialized/moto_server says why). aws-local runs on this interpreter,
    # not through its `env python3` line, which a pyenv shim would answer by putting the real
    # moto_server first on PATH again.
    env = dict(os.environ, PATH=SERIALIZED_MOTO + os.pathsep + os.environ.get("PATH", ""))
    r = subprocess.run([sys.executable, os.path.join(TOOLS, "aws-local"), "start", "--state-dir", state],
                       text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if r.returncode != 0:
        c.die(f"could not start moto: {r.stderr.strip()}")
    return re.search(r"AWS_ENDPOINT_URL=(\S+)", r.stdout).group(1)


def stop_moto(state):
    subprocess.run([os.path.join(TOOLS, "aws-local"), "stop", "--state-dir", state],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def report_retries(state):
    """Prints the requests the AWS SDK sent more than once (moto-serialized logs each with its
    attempt number), each with every attempt moto answered: a retry of a request moto had
    already carried out is what leaves a duplicate behind."""
    try:
        with open(os.path.join(state, "moto.log"), errors="replace") as f:
            lines = [l.strip() for l in f if l.startswith("moto-serialized: ")]
    except OSError:
        return
    retried = {m.group(1) for m in (re.search(r"invocation=(\S+)", l) for l in lines
                                    if not re.search(r"attempt=(1|-) ", l)) if m and m.group(1) != "-"}
    if not retried:
        return
    print(f"oves-moto: {len(retried)} request(s) retried by the AWS SDK:", file=sys.stderr)
    for line in lines:
        m = re.search(r"invocation=(\S+)", line)
        if m and m.group(1) in retried:
            print("  " + line[len("moto-serialized: "):], file=sys.stderr)


def bootstrap(endpoint, spec):
    """What `infra-manifest bootstrap` (Sources/InfraExecutor/Commands/Bootstrap.swift) creates."""
    if not spec:
        return
    import boto3
    bucket, table = spec.split(",", 1)
    kw = dict(endpoint_url=endpoint, region_name="us-east-1",
              aws_access_key_id="testing", aws_secret_access_key="testing")
    s3 = boto3.client("s3", **kw)
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration={
        k: True for k in ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")})
    boto3.client("dynamodb", **kw).create_table(
        TableName=table, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "LockID", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "LockID", "KeyType": "HASH"}], SSESpecification={"Enabled": True})


def apply(spec, root, rest):
    tmp = c.make_tmp("oves-moto.")
    state = os.path.join(tmp, "moto")
    try:
        endpoint = start_moto(state)
        bootstrap(endpoint, spec)
        r = subprocess.run([os.path.join(TOOLS, "tf-apply-local"), root, "--endpoint", endpoint] + rest)
        report_retries(state)
        return r.returncode
    finally:
        stop_moto(state)
        shutil.rmtree(tmp, ignore_errors=True)


def staged_init(root, work, endpoint, log):
    """Stages `root` in `work` like tf-apply-local (provider overrides for `endpoint`, backend
    made local) and runs terraform init; returns (staged folder, environment, terraform), or None
    with what failed appended to `log`."""
    staged, _ = c.stage(root, work)
    tal.write_overrides(staged, endpoint)
    hcl_backend = any(
        re.search(r'^\s*(backend\s+"|cloud\s*\{)', open(p, errors="replace").read(), re.M)
        for p in glob.glob(os.path.join(staged, "*.tf")))
    if hcl_backend:
        with open(os.path.join(staged, "zz_backend_override.tf.json"), "w") as f:
            json.dump({"terraform": [{"backend": {"local": {"path": "terraform.tfstate"}}}]}, f)
    env = c.tf_env(work)
    env.update({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_EC2_METADATA_DISABLED": "true"})
    tf = c.terraform_bin()
    out = c.init(tf, staged, env, backend=hcl_backend)
    if out.returncode != 0:
        log.append(f"{root}: init failed\n{out.stdout}")
        return None
    return staged, env, tf


def plan_shown(root, work, endpoint, variables, log):
    """Stages and initializes `root` (staged_init), runs terraform plan -out (with each `-var`
    assignment) and show -json; returns the shown plan, or None with what failed appended to `log`."""
    ready = staged_init(root, work, endpoint, log)
    if ready is None:
        return None
    staged, env, tf = ready
    args = [tf, "plan", "-input=false", "-no-color", "-out=plan.bin"]
    for assignment in variables:
        args += ["-var", assignment]
    out = c.run(args, staged, env)
    if out.returncode != 0:
        log.append(f"{root}: plan failed\n{out.stdout[-8000:]}")
        return None
    out = c.run([tf, "show", "-json", "plan.bin"], staged, env)
    if out.returncode != 0:
        log.append(f"{root}: show failed\n{out.stdout[-4000:]}")
        return None
    return json.loads(out.stdout)


def planned_addresses(root, work, endpoint, log):
    """The managed resource instances a plan of `root` creates, imports or changes, read from
    `terraform plan -json` (its planned_change messages): without the plan file and a `show -json`,
    which starts the provider again only to decode it. None with what failed appended to `log`."""
    ready = staged_init(root, work, endpoint, log)
    if ready is None:
        return None
    staged, env, tf = ready
    out = c.run([tf, "plan", "-input=false", "-no-color", "-json"], staged, env)
    addresses, errors = [], []
    for line in out.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("type") == "planned_change":
            resource = message["change"]["resource"]
            if not resource["resource"].startswith("data."):
                addresses.append(resource["addr"])
        elif message.get("@level") == "error":
            errors.append(json.dumps(message.get("diagnostic", message))[:2000])
    if out.returncode != 0:
        log.append(f"{root}: plan failed\n" + "\n".join(errors)[-8000:])
        return None
    return sorted(addresses)


def plan(roots, spec=None):
    tmp = c.make_tmp("oves-moto.")
    state = os.path.join(tmp, "moto")
    results = {}
    try:
        endpoint = start_moto(state)
        bootstrap(endpoint, spec)
        for i, root in enumerate(roots):
            work = os.path.join(tmp, f"root{i}")
            os.makedirs(work)
            log = []
            addresses = planned_addresses(root, work, endpoint, log)
            results[root] = {"ok": addresses is not None, "addresses": addresses or [],
                             "log": "\n".join(log)[-20000:]}
    finally:
        stop_moto(state)
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "prune":
        opts = [(a, sys.argv[i + 1]) for i, a in enumerate(sys.argv[:-1]) if a.startswith("--")]
        types = {v for a, v in opts if a == "--type"}
        stubs = [tuple(v.split("=", 1)) for a, v in opts if a == "--log-bucket-stub"]
        ignore = {t: a.split(",") for t, a in (v.split("=", 1) for k, v in opts if k == "--ignore-changes")}
        removed = prune(sys.argv[2], sys.argv[3], types, "--destroyable" in sys.argv, stubs, ignore)
        print(json.dumps({"removed": removed}, indent=2))
    elif len(sys.argv) >= 3 and sys.argv[1] == "apply":
        args = sys.argv[2:]
        spec = None
        if args[0] == "--bootstrap":
            spec, args = args[1], args[2:]
        sys.exit(apply(spec, args[0], args[1:]))
    elif len(sys.argv) >= 3 and sys.argv[1] == "plan":
        args = sys.argv[2:]
        spec = None
        if args[0] == "--bootstrap":
            spec, args = args[1], args[2:]
        results = plan(args, spec)
        print(json.dumps(results, indent=2))
        sys.exit(0 if all(r["ok"] for r in results.values()) else 1)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
