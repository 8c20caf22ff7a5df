// What printing shows of the signer's secrets: `SigV4Credentials` and `SigV4SigningKey` describe, debug-describe and
// reflect (`dump()`, debuggers, string interpolation of containing values) with their access key id and scope only —
// never the secret access key, the session token or the derived key.

extension SigV4Credentials: CustomDebugStringConvertible, CustomReflectable {
    /// Same as `description`: the access key id, secrets redacted.
    public var debugDescription: String { description }

    /// The access key id, with the secret and session token shown as `<redacted>`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
            ], displayStyle: .struct)
    }
}

extension SigV4SigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key's scope: access key id, date, region and service — never the key.
    public var description: String {
        "SigV4SigningKey(accessKeyId: \(accessKeyId), scope: \(dateStamp)/\(region)/\(service), key: <redacted>)"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// The scope, with the derived key shown as `<redacted>`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId, "dateStamp": dateStamp, "region": region, "service": service,
                "key": "<redacted>",
            ], displayStyle: .struct)
    }
}

extension SigV4SigningKeyCache: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The number of keys only (the cache is keyed by secret access keys).
    public var description: String { "SigV4SigningKeyCache(\(count) keys)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// The number of keys only.
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .struct) }
}
