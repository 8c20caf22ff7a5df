// Secrets never land in a file: the checks `infra-manifest check` runs over what synthesis
// wrote, so they hold where validation was bypassed (documents from elsewhere, raw HCL,
// overrides). Literal values of provider-sensitive attributes, AWS access key ids and private
// keys anywhere, literal Kubernetes Secret data, secret-named settings with literal values,
// and every `allowLiteralSecret(reason:)` opt-in with its reason.

import InfraCore

extension PolicyRule {
    /// The secret rules.
    static let secrets: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-SECRET-001", title: "Sensitive provider attributes hold no literal values", severity: .critical,
            hint:
                "take the value from a reference (manage_master_user_password, a Secrets Manager secret, random_password) "
                + "or a variable without a default, passed at apply time",
            format: .terraform
        ) { context in
            context.terraform.resources.flatMap { resource in
                SecretScan.literalSensitiveAttributes(of: resource).map {
                    resource.violation("sensitive attribute \($0) has a literal value")
                }
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-002", title: "Terraform resources carry no AWS access keys or private keys",
            severity: .critical,
            hint: "remove the key; give workloads an IAM role and keep private keys in Secrets Manager or ACM",
            checkovIDs: ["CKV_AWS_45", "CKV_AWS_46"], format: .terraform
        ) { context in
            context.terraform.resources.flatMap { resource in
                SecretScan.secretShapedStrings(in: resource.properties, at: []).map {
                    resource.violation("\($0.path) contains \($0.shape)")
                }
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-003", title: "Kubernetes Secrets carry no literal data", severity: .critical,
            hint:
                "create the Secret outside the manifests (External Secrets Operator, Secrets Store CSI driver) and "
                + "refer to it by name; a test fixture may opt in with .allowLiteralSecret(reason:)",
            format: .kubernetes
        ) { context in
            context.kubernetes.objects.compactMap { object in
                guard SecretScan.isSecret(object), SecretScan.optInReason(of: object) == nil else { return nil }
                let fields = SecretScan.literalSecretFields(of: object)
                return fields.isEmpty ? nil : object.violation("literal values in \(fields.joined(separator: ", "))")
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-004", title: "Literal Secret data is allowed only with a stated reason", severity: .low,
            hint: "keep allowLiteralSecret(reason:) to test fixtures; real Secrets come from an external store",
            format: .kubernetes
        ) { context in
            context.kubernetes.objects.compactMap { object in
                guard let reason = SecretScan.optInReason(of: object) else { return nil }
                return object.violation("literal Secret data allowed by allowLiteralSecret(reason: \"\(reason)\")")
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-005", title: "Kubernetes objects carry no AWS access keys or private keys",
            severity: .critical, hint: "remove the key; use IRSA for AWS access and a Secret from an external store",
            format: .kubernetes
        ) { context in
            context.kubernetes.objects.flatMap { object in
                SecretScan.secretShapedStrings(in: object.document, at: []).map {
                    object.violation("\($0.path) contains \($0.shape)")
                }
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-006", title: "Secret-named Terraform settings hold no literal values", severity: .medium,
            hint: "take the value from a reference or a variable passed at apply time, or rename the setting",
            format: .terraform
        ) { context in
            context.terraform.resources.flatMap { resource in
                let sensitive = Set(SecretScan.sensitivePaths(of: resource))
                return SecretScan.secretNamedLiterals(in: resource.properties, at: [])
                    .filter { !sensitive.contains($0.filter { Int($0) == nil }.joined(separator: ".")) }
                    .map { resource.violation("\($0.joined(separator: ".")) has a literal value") }
            }
        },
        PolicyRule(
            id: "INFRA-SECRET-007",
            title: "Secret-named environment variables and ConfigMap keys hold no literal values",
            severity: .medium,
            hint: "read the value from a Secret (valueFrom.secretKeyRef, a mounted file) instead of writing it",
            format: .kubernetes
        ) { context in
            context.kubernetes.objects.flatMap { object in
                SecretScan.secretNamedKubernetesLiterals(in: object).map {
                    object.violation("\($0) has a literal value")
                }
            }
        },
    ]
}

/// The readers behind the secret rules.
enum SecretScan {
    // MARK: Sensitive attributes

    /// The sensitive attribute paths of a resource's type, split into names.
    static func sensitivePaths(of resource: PolicyResource) -> [String] {
        AWSSensitiveAttributes.byType[(resource.isData ? "data." : "") + resource.type] ?? []
    }

    /// The sensitive attributes of `resource` (with list indexes) that hold literal values.
    static func literalSensitiveAttributes(of resource: PolicyResource) -> [String] {
        sensitivePaths(of: resource).flatMap { path in
            values(at: path.split(separator: ".").map(String.init)[...], in: resource.properties, place: [])
                .filter { isLiteral($0.value) }
                .map { $0.place.joined(separator: ".") }
        }
    }

    /// The values at `path` (block lists are JSON arrays of objects), each with its place.
    private static func values(
        at path: ArraySlice<String>, in value: Value, place: [String]
    ) -> [(place: [String], value: Value)] {
        guard let head = path.first else { return [(place, value)] }
        switch value {
        case .object(let object):
            guard let child = object[head] else { return [] }
            return values(at: path.dropFirst(), in: child, place: place + [head])
        case .array(let elements) where !place.isEmpty:
            return elements.enumerated().flatMap { offset, element in
                values(at: path, in: element, place: place + [String(offset)])
            }
        default: return []
        }
    }

    /// Whether a Terraform JSON value is (or contains) a literal: a non-empty string without
    /// an interpolation that refers to something, a number or a boolean.
    static func isLiteral(_ value: Value) -> Bool {
        switch value {
        case .null: false
        case .bool, .int, .double: true
        case .string(let text):
            !text.isEmpty && (!text.contains("${") || TerraformValue.referencedAddresses(in: text).isEmpty)
        case .array(let elements): elements.contains(where: isLiteral)
        case .object(let object): object.members.contains { isLiteral($0.value) }
        }
    }

    // MARK: Secret-shaped strings

    /// Strings that look like credentials, with where they are (`user_data`, `spec.containers.0.env.1.value`).
    static func secretShapedStrings(in value: Value, at place: [String]) -> [(path: String, shape: String)] {
        switch value {
        case .string(let text):
            return shape(of: text).map { [(place.joined(separator: "."), $0)] } ?? []
        case .array(let elements):
            return elements.enumerated().flatMap { secretShapedStrings(in: $1, at: place + [String($0)]) }
        case .object(let object):
            return object.members.flatMap { secretShapedStrings(in: $0.value, at: place + [$0.key]) }
        default: return []
        }
    }

    /// What kind of credential `text` contains, if any (never the credential itself).
    static func shape(of text: String) -> String? {
        if text.contains("-----BEGIN"), text.contains("PRIVATE KEY-----") { return "a private key" }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func isKeyCharacter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }
        for start in 0...(bytes.count - 20) {
            let prefix = bytes[start..<start + 4]
            guard prefix.elementsEqual("AKIA".utf8) || prefix.elementsEqual("ASIA".utf8) else { continue }
            if start > 0, isKeyCharacter(bytes[start - 1]) { continue }
            if start + 20 < bytes.count, isKeyCharacter(bytes[start + 20]) { continue }
            if bytes[start + 4..<start + 20].allSatisfy(isKeyCharacter) { return "an AWS access key id" }
        }
        return nil
    }

    // MARK: Secret-named settings

    /// Words that end a setting name holding a secret (`db_password`, `apiToken`, `CLIENT_SECRET`).
    static let secretWords: Set<String> = [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "credentials", "apikey",
    ]
    /// Two final words that name a secret (`api_key`, `private-key`, `secretKey`, `access_key`).
    static let secretWordPairs: Set<[String]> = [
        ["api", "key"], ["private", "key"], ["secret", "key"], ["access", "key"],
    ]

    /// Tokens that are not secrets: idempotency tokens of AWS APIs (`aws_efs_file_system.creation_token`).
    static let idempotencyTokens: Set<[String]> = [
        ["creation", "token"], ["client", "token"], ["update", "token"], ["idempotency", "token"],
    ]

    /// Whether a setting name says it holds a secret, by its last word(s): `DB_PASSWORD` does,
    /// `POSTGRES_PASSWORD_FILE` (a path), `secretName` (a reference) and `creation_token` do not.
    static func isSecretName(_ name: String) -> Bool {
        let words = self.words(of: name)
        guard let last = words.last else { return false }
        let pair = Array(words.suffix(2))
        if idempotencyTokens.contains(pair) { return false }
        return secretWords.contains(last) || (words.count >= 2 && secretWordPairs.contains(pair))
    }

    /// Whether a secret-named value is written as is: not empty, no reference, not an ARN (API
    /// Gateway's `credentials` is a role ARN).
    static func isLiteralSecretValue(_ text: String) -> Bool {
        isLiteral(.string(text)) && !text.hasPrefix("arn:")
    }

    /// Lowercased words of an identifier: split at `_`, `-`, `.`, spaces and lower→upper case changes.
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousIsLower = false
        for character in name {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousIsLower = false
                continue
            }
            if character.isUppercase, previousIsLower {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousIsLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Paths of secret-named keys with literal string values in a Terraform body.
    static func secretNamedLiterals(in value: Value, at place: [String]) -> [[String]] {
        switch value {
        case .object(let object):
            return object.members.flatMap { member -> [[String]] in
                if case .string(let text) = member.value, isSecretName(member.key), isLiteralSecretValue(text) {
                    return [place + [member.key]]
                }
                return secretNamedLiterals(in: member.value, at: place + [member.key])
            }
        case .array(let elements):
            return elements.enumerated().flatMap { secretNamedLiterals(in: $1, at: place + [String($0)]) }
        default: return []
        }
    }

    /// Literal values under secret names in a Kubernetes object: container `env` entries
    /// (`value`, not `valueFrom`) and ConfigMap `data` keys.
    static func secretNamedKubernetesLiterals(in object: PolicyKubernetesObject) -> [String] {
        var found: [String] = []
        if object.kind == "ConfigMap" {
            for member in object.document["data"]?.objectValue?.members ?? [] where isSecretName(member.key) {
                if let text = member.value.stringValue, !text.isEmpty { found.append("data.\(member.key)") }
            }
        }
        for container in object.containers {
            for entry in container.container["env"]?.arrayValue ?? [] {
                guard let name = entry["name"]?.stringValue, isSecretName(name),
                    let value = entry["value"]?.stringValue, !value.isEmpty, !isDependentVariable(value)
                else { continue }
                found.append("container \(container.name) env \(name)")
            }
        }
        return found
    }

    /// `$(OTHER_VAR)`: Kubernetes expands it from another variable, so it holds no value itself.
    private static func isDependentVariable(_ value: String) -> Bool {
        value.hasPrefix("$(") && value.hasSuffix(")") && !value.dropFirst(2).dropLast().contains("$(")
    }

    // MARK: Kubernetes Secrets

    /// Whether the object is a core `v1` Secret.
    static func isSecret(_ object: PolicyKubernetesObject) -> Bool {
        object.kind == "Secret" && object.document["apiVersion"]?.stringValue == "v1"
    }

    /// The `allowLiteralSecret(reason:)` reason of a Secret, when it opted in.
    static func optInReason(of object: PolicyKubernetesObject) -> String? {
        guard isSecret(object),
            let reason = object.document["metadata"]?["annotations"]?["swift-infra.dev/allow-literal-secret"]?
                .stringValue
        else { return nil }
        return reason
    }

    /// `data.a`, `stringData.b`: the keys with values.
    static func literalSecretFields(of object: PolicyKubernetesObject) -> [String] {
        ["data", "stringData"].flatMap { field in
            (object.document[field]?.objectValue?.members.map(\.key) ?? []).sorted().map { "\(field).\($0)" }
        }
    }
}
