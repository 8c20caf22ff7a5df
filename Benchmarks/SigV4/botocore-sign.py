#!/usr/bin/env python3
"""Signs every request of a signing-contract file with botocore and prints one hex signature per line.

The botocore side of Benchmarks/sigv4-compare.sh: the same file sigv4-bench reads, signed the way a botocore
client signs, one whole process. Each request becomes an AWSRequest (URL, headers in order, body) and gets a
fresh signer per request, as botocore's RequestSigner does:

- S3 in header mode: S3SigV4Auth (no path normalisation, signed X-Amz-Content-SHA256; UNSIGNED-PAYLOAD through
  the client config's `s3={"payload_signing_enabled": False}`);
- S3 presigned URLs: S3SigV4QueryAuth; other services: SigV4Auth (or SigV4QueryAuth).

The signing time is fixed the way botocore's own tests fix it, by patching botocore.auth's clock
(`get_current_datetime`) to return the case's timestamp.

    python3 Benchmarks/SigV4/botocore-sign.py REQUESTS.json > signatures.txt
"""
import base64
import datetime
import json
import sys
from types import SimpleNamespace

import botocore.auth
from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

UNSIGNED_S3_CONFIG = SimpleNamespace(s3={"payload_signing_enabled": False})


class FixedClock:
    """botocore.auth's clock, pinned to the current case's timestamp."""

    def __init__(self):
        self.now = None
        self.parsed = {}

    def set(self, timestamp):
        now = self.parsed.get(timestamp)
        if now is None:
            now = datetime.datetime.strptime(timestamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
            self.parsed[timestamp] = now
        self.now = now

    def __call__(self):
        return self.now


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as source:
        cases = json.load(source)
    clock = FixedClock()
    botocore.auth.get_current_datetime = clock
    credentials = {}
    out = []
    for case in cases:
        creds = case["credentials"]
        identity = (creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken"))
        credential = credentials.get(identity)
        if credential is None:
            credential = credentials[identity] = Credentials(*identity)
        request = case["request"]
        options = case.get("options") or {}
        headers = request["headers"]
        host = next(value for name, value in headers if name.lower() == "host")
        url = "https://" + host + request["path"]
        if request["query"]:
            url += "?" + request["query"]
        aws_request = AWSRequest(method=request["method"], url=url, data=base64.b64decode(request["bodyBase64"]))
        for name, value in headers:
            aws_request.headers[name] = value
        service, region = case["service"], case["region"]
        query_mode = options.get("mode") == "query"
        if service == "s3":
            if query_mode:
                signer = S3SigV4QueryAuth(credential, service, region, expires=options.get("expiresIn", 3600))
            else:
                signer = S3SigV4Auth(credential, service, region)
                if options.get("unsignedPayload"):
                    aws_request.context["client_config"] = UNSIGNED_S3_CONFIG
        elif query_mode:
            signer = SigV4QueryAuth(credential, service, region, expires=options.get("expiresIn", 3600))
        else:
            signer = SigV4Auth(credential, service, region)
        clock.set(case["timestamp"])
        signer.add_auth(aws_request)
        if query_mode:
            out.append(aws_request.url.rpartition("X-Amz-Signature=")[2])
        else:
            out.append(aws_request.headers["Authorization"].rpartition("Signature=")[2])
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
