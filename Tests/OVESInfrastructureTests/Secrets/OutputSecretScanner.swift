// An independent scanner of synthesized files for secret-shaped values, written apart from
// the library's own rules so it can catch what they miss: it reads the bytes of every file,
// the sensitive attributes from the committed provider schema (not from the generated table),
// and YAML through PyYAML.

import Foundation
import InfraTestSupport
import Testing

/// One secret-shaped value in a synthesized file.
struct SecretFinding: Hashable, CustomStringConvertible {
    /// The file, relative to the output folder.
    var file: String
    /// Where in the file: a JSON/YAML path (`resource.aws_db_instance.main.password`) or `line N`.
    var place: String
    /// What was found (never the value itself).
    var what: String

    var description: String { "\(file): \(place): \(what)" }
}

/// Scans synthesized files for secrets.
struct OutputSecretScanner {
    /// Sensitive attribute paths by Terraform type (`aws_db_instance`, `data.aws_ssm_parameter`).
    var sensitive: [String: [[String]]]
    /// `python3` with PyYAML, for YAML structure; without it only the text checks run on YAML.
    var python: String?

    // MARK: Text

    static let accessKey = try? NSRegularExpression(pattern: "(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
    static let privateKey = try? NSRegularExpression(pattern: "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----")
    /// A name that says it holds a secret: ends in password, token, secret, api key, …
    static let secretName = try? NSRegularExpression(
        pattern:
            "(password|passwd|pwd|passphrase|secret|token|credentials?|api[_-]?key|private[_-]?key|access[_-]?key)$",
        options: [.caseInsensitive])
    /// `key: value` / `key = value` lines inside embedded configuration files.
    static let settingLine = try? NSRegularExpression(pattern: #"^\s*"?([A-Za-z0-9_.-]+)"?\s*[:=]\s*(.+?)\s*$"#)

    /// Every finding in the files (paths relative to the output folder).
    func scan(_ files: [(path: String, bytes: [UInt8])]) -> [SecretFinding] {
        let yaml = files.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }
        let parsed = Dictionary(uniqueKeysWithValues: zip(yaml.map(\.path), yamlDocuments(yaml.map(\.bytes))))
        return files.flatMap { scan(path: $0.path, bytes: $0.bytes, yaml: parsed[$0.path] ?? []) }
    }

    /// The findings of one file; `yaml` holds its documents as PyYAML read them.
    func scan(path: String, bytes: [UInt8], yaml: [Any]) -> [SecretFinding] {
        let text = String(decoding: bytes, as: UTF8.self)
        var found: [SecretFinding] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            if Self.matches(Self.accessKey, line) {
                found.append(SecretFinding(file: path, place: "line \(number + 1)", what: "an AWS access key id"))
            }
            if Self.matches(Self.privateKey, line) {
                found.append(SecretFinding(file: path, place: "line \(number + 1)", what: "a private key"))
            }
        }
        if path.hasSuffix(".json"), let json = try? JSONSerialization.jsonObject(with: Data(bytes)) {
            found += terraform(json, file: path)
            found += secretNamed(json, file: path, place: [])
        } else if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            for (index, document) in yaml.enumerated() {
                found += kubernetes(document, file: path, place: ["document \(index)"])
                found += secretNamed(document, file: path, place: ["document \(index)"])
            }
        }
        return found
    }

    static func matches(_ expression: NSRegularExpression?, _ text: String) -> Bool {
        guard let expression else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Idempotency tokens of AWS APIs, which are not secrets.
    static let idempotencyToken = try? NSRegularExpression(
        pattern: "(creation|client|update|idempotency)[_-]?token$", options: [.caseInsensitive])

    static func isSecretName(_ name: String) -> Bool {
        matches(secretName, name) && !matches(idempotencyToken, name)
    }

    /// A string that is a value written in the file: not empty, not a Terraform interpolation, not an
    /// environment placeholder (`$VAR`, `$(VAR)`), not a file path, not an ARN.
    static func isLiteral(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        return !text.isEmpty && !text.contains("${") && !text.hasPrefix("$") && !text.hasPrefix("/")
            && !text.hasPrefix("arn:")
    }

    // MARK: Terraform

    /// Literal values of sensitive attributes, and sensitive variables with defaults.
    func terraform(_ json: Any, file: String) -> [SecretFinding] {
        guard let root = json as? [String: Any] else { return [] }
        var found: [SecretFinding] = []
        for (section, prefix) in [("resource", ""), ("data", "data.")] {
            for (type, byName) in (root[section] as? [String: Any]) ?? [:] {
                guard let paths = sensitive[prefix + type] else { continue }
                for (name, body) in (byName as? [String: Any]) ?? [:] {
                    for path in paths {
                        for place in literalPlaces(path[...], in: body, at: [section, type, name]) {
                            found.append(
                                SecretFinding(
                                    file: file, place: place.joined(separator: "."),
                                    what: "a literal value of the sensitive attribute \(path.joined(separator: "."))"))
                        }
                    }
                }
            }
        }
        for (name, declaration) in (root["variable"] as? [String: Any]) ?? [:] {
            guard let declaration = declaration as? [String: Any], declaration["default"] != nil else { continue }
            if declaration["sensitive"] as? Bool == true
                || (Self.isSecretName(name) && Self.isLiteral(declaration["default"] ?? 0))
            {
                found.append(
                    SecretFinding(file: file, place: "variable.\(name).default", what: "a default of a secret variable")
                )
            }
        }
        return found
    }

    private func literalPlaces(_ path: ArraySlice<[String].Element>, in value: Any, at place: [String]) -> [[String]] {
        if let list = value as? [Any] {
            return list.enumerated().flatMap { literalPlaces(path, in: $1, at: place + [String($0)]) }
        }
        guard let head = path.first else {
            // Any string that is not an interpolation is written as is; so are numbers and booleans.
            if let text = value as? String { return !text.isEmpty && !text.contains("${") ? [place] : [] }
            return value is NSNumber ? [place] : []
        }
        guard let object = value as? [String: Any], let child = object[head] else { return [] }
        return literalPlaces(path.dropFirst(), in: child, at: place + [head])
    }

    // MARK: Kubernetes

    /// Secrets with data, and container environment variables with secret names and literal values.
    func kubernetes(_ document: Any, file: String, place: [String]) -> [SecretFinding] {
        guard let object = document as? [String: Any] else { return [] }
        var found: [SecretFinding] = []
        if object["kind"] as? String == "Secret" {
            for field in ["data", "stringData"] where !((object[field] as? [String: Any]) ?? [:]).isEmpty {
                found.append(
                    SecretFinding(file: file, place: (place + [field]).joined(separator: "."), what: "Secret data"))
            }
        }
        found += environment(object, file: file, place: place)
        return found
    }

    private func environment(_ value: Any, file: String, place: [String]) -> [SecretFinding] {
        if let list = value as? [Any] {
            return list.enumerated().flatMap { environment($1, file: file, place: place + [String($0)]) }
        }
        guard let object = value as? [String: Any] else { return [] }
        var found: [SecretFinding] = []
        if let name = object["name"] as? String, Self.isSecretName(name), let literal = object["value"],
            Self.isLiteral(literal)
        {
            found.append(
                SecretFinding(
                    file: file, place: place.joined(separator: "."),
                    what: "environment variable \(name) with a literal value"))
        }
        for (key, child) in object { found += environment(child, file: file, place: place + [key]) }
        return found
    }

    // MARK: Secret names

    /// Keys with secret names holding literal strings, and `key: value` lines of embedded files.
    func secretNamed(_ value: Any, file: String, place: [String]) -> [SecretFinding] {
        if let list = value as? [Any] {
            return list.enumerated().flatMap { secretNamed($1, file: file, place: place + [String($0)]) }
        }
        if let text = value as? String, text.contains("\n") {
            return embedded(text, file: file, place: place)
        }
        guard let object = value as? [String: Any] else { return [] }
        var found: [SecretFinding] = []
        for (key, child) in object {
            if Self.isSecretName(key), Self.isLiteral(child) {
                found.append(
                    SecretFinding(
                        file: file, place: (place + [key]).joined(separator: "."), what: "\(key) with a literal value"))
            }
            found += secretNamed(child, file: file, place: place + [key])
        }
        return found
    }

    private func embedded(_ text: String, file: String, place: [String]) -> [SecretFinding] {
        guard let expression = Self.settingLine else { return [] }
        var found: [SecretFinding] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let line = String(line)
            guard let match = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                let keyRange = Range(match.range(at: 1), in: line), let valueRange = Range(match.range(at: 2), in: line)
            else { continue }
            let key = String(line[keyRange])
            let value = String(line[valueRange]).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if Self.isSecretName(key), Self.isLiteral(value) {
                found.append(
                    SecretFinding(
                        file: file, place: (place + ["line \(number + 1)"]).joined(separator: "."),
                        what: "\(key) with a literal value in embedded text"))
            }
        }
        return found
    }

    // MARK: YAML

    /// The documents of each YAML stream, parsed by PyYAML (one process for all) and handed over as JSON.
    func yamlDocuments(_ streams: [[UInt8]]) -> [[Any]] {
        guard let python, !streams.isEmpty else { return streams.map { _ in [] } }
        let script = """
            import sys, json, yaml
            streams = json.load(sys.stdin)
            json.dump([list(yaml.safe_load_all(text)) for text in streams], sys.stdout)
            """
        let input = (try? JSONSerialization.data(withJSONObject: streams.map { String(decoding: $0, as: UTF8.self) }))
            .map { String(decoding: $0, as: UTF8.self) }
        guard let input, let output = try? ExternalTools.run(python, ["-c", script], stdin: input), output.status == 0,
            let documents = try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[Any]],
            documents.count == streams.count
        else {
            Issue.record("PyYAML could not read the synthesized YAML")
            return streams.map { _ in [] }
        }
        return documents
    }

    // MARK: Schema

    /// Sensitive attribute paths of every type in the committed provider schema.
    static func sensitiveAttributes(schema: URL) throws -> [String: [[String]]] {
        let gzip = try ExternalTools.run("/usr/bin/env", ["gzip", "-dc", schema.path])
        guard gzip.status == 0,
            let root = try JSONSerialization.jsonObject(with: Data(gzip.stdout.utf8)) as? [String: Any],
            let providers = root["provider_schemas"] as? [String: Any],
            let provider = providers.values.first as? [String: Any]
        else { return [:] }
        var result: [String: [[String]]] = [:]
        func walk(_ block: [String: Any], _ prefix: [String], into paths: inout [[String]]) {
            for (name, attribute) in (block["attributes"] as? [String: Any]) ?? [:]
            where (attribute as? [String: Any])?["sensitive"] as? Bool == true {
                paths.append(prefix + [name])
            }
            for (name, nested) in (block["block_types"] as? [String: Any]) ?? [:] {
                if let inner = (nested as? [String: Any])?["block"] as? [String: Any] {
                    walk(inner, prefix + [name], into: &paths)
                }
            }
        }
        for (section, prefix) in [("resource_schemas", ""), ("data_source_schemas", "data.")] {
            for (type, schema) in (provider[section] as? [String: Any]) ?? [:] {
                guard let block = (schema as? [String: Any])?["block"] as? [String: Any] else { continue }
                var paths: [[String]] = []
                walk(block, [], into: &paths)
                if !paths.isEmpty { result[prefix + type] = paths }
            }
        }
        return result
    }
}
