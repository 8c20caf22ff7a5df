#!/usr/bin/env python3
"""Writes the SigV4 benchmark workload: N deterministic, realistic AWS requests in the signing-contract format.

The format is that of shared/testdata/sigv4/README.md (what `infra-manifest sign --batch`, `sigv4-bench` and
`botocore-sign.py` read): a JSON array of case objects without "expected". The mix follows what an
infrastructure tool sends: S3 GET/PUT/List (payload hashes, UNSIGNED-PAYLOAD, keys and prefixes that need
percent-encoding), S3 presigned GETs, STS and EC2 form POSTs, DynamoDB JSON POSTs, EKS/Lambda REST calls;
session tokens on about 40%, five regions, three key pairs, several signing days.

    python3 Benchmarks/SigV4/generate-requests.py OUT.json [N]      # N defaults to 10000, seed is fixed

Same N, same bytes: the generator uses only a seeded random.Random and no clock.
"""
import base64
import json
import random
import sys
from urllib.parse import quote

SEED = 20261125
REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2"]
# AWS documentation example keys only (not real credentials).
KEYS = [
    ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    ("ASIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
]
# Signing times: a few moments on three days (the signing key changes per day, region and service).
TIMESTAMPS = [
    "20261123T081502Z", "20261123T175959Z", "20261124T000000Z", "20261124T123600Z", "20261125T093012Z",
    "20261125T161645Z",
]
USER_AGENT = "Boto3/1.41.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.8 md/arch#x86_64 lang/python#3.11.7 cfg/retry-mode#legacy"
FORM = "application/x-www-form-urlencoded; charset=utf-8"
WORDS = ["reports", "logs", "2026", "Q4 summary", "Ünïcödé", "a+b", "x=y&z", "tmp", "data", "état",
         "images", "raw", "backup (old)", "日本", "~user", "v1.2", "100%"]


def encode(text):
    """SigV4's percent-encoding: only A-Z a-z 0-9 - _ . ~ stay literal."""
    return quote(text, safe="-_.~")


def query(pairs):
    return "&".join(encode(k) + ("=" + encode(v) if v is not None else "=") for k, v in pairs)


def header_mode(**extra):
    options = {"mode": "header", "normalizePath": True, "doubleURIEncode": True, "signedBodyHeader": False,
               "unsignedPayload": False, "omitSessionToken": False}
    options.update(extra)
    return options


S3_OPTIONS = dict(normalizePath=False, doubleURIEncode=False, signedBodyHeader=True)


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.tokens = [base64.b64encode(self.r.randbytes(300)).decode() for _ in range(4)]

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def sdk_headers(self):
        return [["User-Agent", USER_AGENT], ["amz-sdk-invocation-id", self.uuid()],
                ["amz-sdk-request", "attempt=%d; max=3" % self.r.choice([1, 1, 1, 2])]]

    def key_name(self):
        parts = [self.r.choice(WORDS) for _ in range(self.r.randint(1, 4))]
        return "/".join(parts) + "/" + "object-%05d.%s" % (self.r.randint(0, 99999), self.r.choice(["json", "tar.gz", "csv"]))

    def bucket(self, region):
        return "oves-%s-%s" % (self.r.choice(["state", "logs", "artifacts", "backups"]), region)

    def body(self, low, high):
        return self.r.randbytes(self.r.randint(low, high))

    # --- S3 ------------------------------------------------------------------------------------------
    def s3_get(self, region):
        bucket = self.bucket(region)
        headers = [["Host", "%s.s3.%s.amazonaws.com" % (bucket, region)]] + self.sdk_headers()
        if self.r.random() < 0.3:
            headers.append(["Range", "bytes=0-%d" % self.r.randint(1023, 1 << 20)])
        if self.r.random() < 0.2:
            headers.append(["If-None-Match", '"%032x"' % self.r.getrandbits(128)])
        path = "/" + quote(self.key_name(), safe="/~")
        q = query([("versionId", "%032x" % self.r.getrandbits(128))]) if self.r.random() < 0.15 else ""
        return "s3", "GET", path, q, headers, b"", header_mode(**S3_OPTIONS)

    def s3_put(self, region, unsigned):
        bucket = self.bucket(region)
        body = self.body(64, 4096)
        headers = [["Host", "%s.s3.%s.amazonaws.com" % (bucket, region)],
                   ["Content-Type", self.r.choice(["application/json", "application/octet-stream", "text/csv"])],
                   ["Content-Length", str(len(body))]] + self.sdk_headers()
        if self.r.random() < 0.5:
            headers.append(["x-amz-meta-owner", "  platform   team  "])
        if self.r.random() < 0.3:
            headers.append(["x-amz-server-side-encryption", "aws:kms"])
        if unsigned:
            headers.append(["Content-MD5", base64.b64encode(self.r.randbytes(16)).decode()])
        path = "/" + quote(self.key_name(), safe="/~")
        options = header_mode(**S3_OPTIONS, unsignedPayload=unsigned)
        return "s3", "PUT", path, "", headers, body, options

    def s3_list(self, region):
        bucket = self.bucket(region)
        headers = [["Host", "%s.s3.%s.amazonaws.com" % (bucket, region)]] + self.sdk_headers()
        pairs = [("list-type", "2"), ("prefix", "/".join(self.r.choice(WORDS) for _ in range(2)) + "/"),
                 ("delimiter", "/"), ("encoding-type", "url")]
        if self.r.random() < 0.4:
            pairs.append(("continuation-token", base64.b64encode(self.r.randbytes(48)).decode()))
        if self.r.random() < 0.3:
            pairs.append(("max-keys", str(self.r.choice([100, 500, 1000]))))
        self.r.shuffle(pairs)
        return "s3", "GET", "/", query(pairs), headers, b"", header_mode(**S3_OPTIONS)

    def s3_presign(self, region):
        bucket = self.bucket(region)
        headers = [["Host", "%s.s3.%s.amazonaws.com" % (bucket, region)]]
        path = "/" + quote(self.key_name(), safe="/~")
        q = query([("response-content-disposition", "attachment; filename=\"r\u00e9sum\u00e9.pdf\"")]) \
            if self.r.random() < 0.3 else ""
        options = {"mode": "query", "normalizePath": False, "doubleURIEncode": False, "signedBodyHeader": False,
                   "unsignedPayload": True, "omitSessionToken": False,
                   "expiresIn": self.r.choice([300, 900, 3600, 604800])}
        return "s3", "GET", path, q, headers, b"", options

    # --- form POSTs (STS, EC2) ---------------------------------------------------------------------------
    def form_post(self, service, host, pairs):
        body = query(pairs).encode()
        headers = [["Host", host], ["Content-Type", FORM], ["Content-Length", str(len(body))]] + self.sdk_headers()
        return service, "POST", "/", "", headers, body, header_mode()

    def sts(self, region):
        host = "sts.%s.amazonaws.com" % region
        choice = self.r.random()
        if choice < 0.4:
            pairs = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]
        elif choice < 0.8:
            pairs = [("Action", "AssumeRole"), ("Version", "2011-06-15"),
                     ("RoleArn", "arn:aws:iam::%012d:role/oves/deployer-%s" % (self.r.randint(0, 10**12 - 1), region)),
                     ("RoleSessionName", "swift-infra@%s %d" % (self.r.choice(["ci", "laptop"]), self.r.randint(1, 999))),
                     ("DurationSeconds", "3600")]
        else:
            pairs = [("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"),
                     ("RoleArn", "arn:aws:iam::%012d:role/irsa/app" % self.r.randint(0, 10**12 - 1)),
                     ("RoleSessionName", "botocore-session-%d" % self.r.randint(10**9, 10**10)),
                     ("WebIdentityToken", base64.urlsafe_b64encode(self.r.randbytes(600)).decode())]
        return self.form_post("sts", host, pairs)

    def ec2(self, region):
        host = "ec2.%s.amazonaws.com" % region
        action = self.r.choice(["DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeInstances"])
        pairs = [("Action", action), ("Version", "2016-11-15")]
        for index in range(1, self.r.randint(1, 4)):
            pairs.append(("Filter.%d.Name" % index, self.r.choice(["tag:Name", "vpc-id", "tag:oves:env", "state"])))
            for value in range(1, self.r.randint(2, 4)):
                pairs.append(("Filter.%d.Value.%d" % (index, value), self.r.choice(["prod eu", "vpc-0a1b2c3d", "*", "available", "staging/α"])))
        if self.r.random() < 0.3:
            pairs.append(("MaxResults", "1000"))
        return self.form_post("ec2", host, pairs)

    # --- JSON POSTs (DynamoDB) ---------------------------------------------------------------------------
    def dynamodb(self, region):
        host = "dynamodb.%s.amazonaws.com" % region
        operation = self.r.choice(["GetItem", "PutItem", "DeleteItem", "DescribeTable", "Query"])
        table = self.r.choice(["oves-terraform-locks", "oves-sessions", "oves-inventory"])
        if operation == "DescribeTable":
            payload = {"TableName": table}
        elif operation == "Query":
            payload = {"TableName": table, "KeyConditionExpression": "pk = :pk",
                       "ExpressionAttributeValues": {":pk": {"S": "tenant#%d" % self.r.randint(1, 500)}},
                       "Limit": 100}
        else:
            payload = {"TableName": table, "Key": {"LockID": {"S": "oves-state/%s/terraform.tfstate" % region}}}
            if operation == "PutItem":
                payload = {"TableName": table, "Item": {
                    "LockID": {"S": "oves-state/%s/terraform.tfstate" % region},
                    "Info": {"S": json.dumps({"ID": self.uuid(), "Operation": "OperationTypeApply",
                                              "Who": "ci@runner", "Version": "1.11.0"})},
                    "Digest": {"S": "%032x" % self.r.getrandbits(128)}},
                    "ConditionExpression": "attribute_not_exists(LockID)"}
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = [["Host", host], ["Content-Type", "application/x-amz-json-1.0"],
                   ["X-Amz-Target", "DynamoDB_20120810." + operation],
                   ["Content-Length", str(len(body))]] + self.sdk_headers()
        return "dynamodb", "POST", "/", "", headers, body, header_mode()

    # --- REST (EKS, Lambda) ------------------------------------------------------------------------------
    def rest(self, region):
        if self.r.random() < 0.6:
            host = "eks.%s.amazonaws.com" % region
            if self.r.random() < 0.5:
                path, q = "/clusters/oves-%s" % self.r.choice(["prod", "staging", "dev"]), ""
            else:
                pairs = [("maxResults", "100")]
                if self.r.random() < 0.5:
                    pairs.append(("nextToken", base64.b64encode(self.r.randbytes(40)).decode()))
                path, q = "/clusters", query(pairs)
            return "eks", "GET", path, q, [["Host", host]] + self.sdk_headers(), b"", header_mode()
        host = "lambda.%s.amazonaws.com" % region
        arn = "arn:aws:lambda:%s:%012d:function:oves-%s" % (region, self.r.randint(0, 10**12 - 1), self.r.choice(["api", "cron"]))
        path = "/2015-03-31/functions/" + quote(arn, safe="") + "/invocations"
        body = json.dumps({"detail-type": "Scheduled Event", "id": self.uuid()}).encode()
        headers = [["Host", host], ["Content-Type", "application/json"],
                   ["X-Amz-Invocation-Type", "RequestResponse"]] + self.sdk_headers()
        return "lambda", "POST", path, "", headers, body, header_mode()

    # --- the mix -----------------------------------------------------------------------------------------
    def request(self, index):
        region = self.r.choice(REGIONS)
        kind = self.r.random()
        if kind < 0.22:
            made = self.s3_get(region)
        elif kind < 0.34:
            made = self.s3_put(region, unsigned=False)
        elif kind < 0.40:
            made = self.s3_put(region, unsigned=True)
        elif kind < 0.48:
            made = self.s3_list(region)
        elif kind < 0.53:
            made = self.s3_presign(region)
        elif kind < 0.63:
            made = self.sts(region)
        elif kind < 0.73:
            made = self.ec2(region)
        elif kind < 0.93:
            made = self.dynamodb(region)
        else:
            made = self.rest(region)
        service, method, path, q, headers, body, options = made
        access_key, secret = self.r.choice(KEYS)
        token = self.r.choice(self.tokens) if self.r.random() < 0.4 else None
        return {
            "name": "bench-%05d-%s-%s" % (index, service, method.lower()),
            "credentials": {"accessKeyId": access_key, "secretAccessKey": secret, "sessionToken": token},
            "region": region, "service": service, "timestamp": self.r.choice(TIMESTAMPS),
            "request": {"method": method, "path": path, "query": q, "headers": headers,
                        "bodyBase64": base64.b64encode(body).decode()},
            "options": options,
        }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 10000
    generator = Generator(SEED)
    cases = [generator.request(index) for index in range(count)]
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main()
