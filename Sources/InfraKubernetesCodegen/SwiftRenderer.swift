// Renders type models as Swift source: one file per API group/version, each struct with
// DocC comments, a memberwise init whose optional parameters default to nil, a
// `renderValue()` that builds the `InfraCore.Value` in the conventional key order, the
// decoding from a `Value` that `Include` uses, and (inside InfraKubernetes) the direct YAML
// writer. Structs with many fields keep them in a copy-on-write box inside InfraKubernetes;
// code for a user's package (`import-crd`) uses the public API only.

/// Swift keywords that must be escaped with backticks when used as identifiers.
package let swiftKeywords: Set<String> = [
    "associatedtype", "as", "break", "case", "catch", "class", "continue", "default", "defer", "deinit", "do",
    "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard", "if", "import",
    "in", "init", "inout", "internal", "is", "let", "nil", "open", "operator", "private", "protocol", "public",
    "repeat", "rethrows", "return", "self", "Self", "static", "struct", "subscript", "super", "switch", "throw",
    "throws", "true", "try", "typealias", "var", "where", "while", "Any",
]

/// The identifier for a JSON key, escaped when it is a keyword.
package func identifier(_ name: String) -> String {
    swiftKeywords.contains(name) ? "`\(name)`" : name
}

/// A Swift identifier for a JSON key: the key itself when it is one (`replicas`), else its words
/// in lowerCamelCase (`x-kubernetes-foo` → `xKubernetesFoo`, `app.kubernetes.io/name` →
/// `appKubernetesIoName`), with a `_` before a leading digit (`3scale` → `_3scale`).
package func swiftIdentifier(for key: String) -> String {
    let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
    let digits = Set("0123456789")
    if let first = key.first, letters.contains(first), key.allSatisfy({ letters.contains($0) || digits.contains($0) }) {
        return key
    }
    let words = key.split(whereSeparator: { !(letters.contains($0) || digits.contains($0)) || $0 == "_" })
    var name = words.enumerated().map { offset, word in
        offset == 0 ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
    }.joined()
    if name.isEmpty { name = "field" }
    if let first = name.first, digits.contains(first) { name = "_" + name }
    return name
}

/// A call statement at 8 spaces of indentation broken after its opening parenthesis, with one
/// argument per line when the arguments do not fit on one (as swift-format lays it out).
package func wrappedCall(_ call: String) -> String {
    let open = call.firstIndex(of: "(").map { call.index(after: $0) } ?? call.startIndex
    let arguments = call[open...]
    if arguments.count + 12 <= 120 { return "        \(call[..<open])\n            \(arguments)\n" }
    let parts = topLevelArguments(String(arguments.dropLast()))
    return "        \(call[..<open])\n" + parts.map { "            \($0)" }.joined(separator: ",\n") + ")\n"
}

/// The arguments of a call split at the commas outside brackets, parentheses and string
/// literals (`"a", of: "T", missingIn: ["1.32", "1.33"]` is three arguments).
package func topLevelArguments(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var inString = false
    var previous: Character = " "
    for character in text {
        if inString {
            if character == "\"" && previous != "\\" { inString = false }
        } else if character == "\"" {
            inString = true
        } else if "([{".contains(character) {
            depth += 1
        } else if ")]}".contains(character) {
            depth -= 1
        } else if character == "," && depth == 0 {
            parts.append(current)
            current = ""
            previous = character
            continue
        }
        if !(current.isEmpty && character == " ") { current.append(character) }
        previous = character
    }
    if !current.isEmpty { parts.append(current) }
    return parts
}

/// Where generated code goes, which decides what it may use.
package enum RenderTarget: Sendable {
    /// Inside InfraKubernetes: internal helpers (copy-on-write boxes, direct YAML writing, the
    /// checked-field walk) are available.
    case builtIn
    /// A user's package (`infra-manifest import-crd`): the public API of InfraCore and
    /// InfraKubernetes only; `header` is the comment at the top of every file.
    case userPackage(header: String)
}

/// Renders the files of all models.
package struct SwiftRenderer {
    /// What the header names as the generator's input for each file (built-in target).
    package var inputDescription: [String: String]
    /// Where the code goes.
    package var target: RenderTarget
    /// The types boxed for their inline width (``InlineLayout``), set when a whole set of models is rendered.
    var wideTypes: Set<String> = []

    package init(inputDescription: [String: String] = [:], target: RenderTarget = .builtIn) {
        self.inputDescription = inputDescription
        self.target = target
    }

    /// Whether the code may use InfraKubernetes' internal helpers.
    var isBuiltIn: Bool {
        if case .builtIn = target { return true }
        return false
    }

    /// File name (without `.swift`) → contents.
    package func render(_ models: [TypeModel]) -> [String: String] {
        var renderer = self
        if isBuiltIn {
            renderer.wideTypes = InlineLayout.boxedTypes(models, fieldCount: Self.copyOnWriteFieldCount)
        }
        return renderer.renderFiles(models)
    }

    private func renderFiles(_ models: [TypeModel]) -> [String: String] {
        var files: [String: String] = [:]
        let grouped = Dictionary(grouping: models, by: \.file)
        for (file, types) in grouped {
            var out = header(file: file, count: types.count)
            for type in types.sorted(by: { $0.name < $1.name }) {
                out += "\n"
                out += render(type)
            }
            files[file] = out
        }
        return files
    }

    package func header(file: String, count: Int) -> String {
        switch target {
        case .builtIn:
            """
            // Generated by infra-k8s-codegen from \(inputDescription[file] ?? "codegen/kubernetes") — do not edit.
            // Regenerate with `swift run infra-k8s-codegen` from the package root (see Documentation/Kubernetes.md).
            // \(file): \(count) types.

            import InfraCore

            """
        case .userPackage(let header):
            """
            \(header)
            // \(file): \(count) types.

            import InfraCore
            import InfraKubernetes

            """
        }
    }

    package func render(_ type: TypeModel) -> String {
        var out = ""
        out += doc(type.documentation.isEmpty ? "The `\(type.name)` API type." : type.documentation, indent: "")
        if let kind = type.kind {
            out += "///\n/// `apiVersion: \(kind.apiVersion)`, `kind: \(kind.kind)`.\n"
            out += "public struct \(type.name): KubernetesObject, APIValue {\n"
        } else {
            out += "public struct \(type.name): APIValue {\n"
        }
        let boxed = isCopyOnWrite(type)
        for field in type.fields {
            out += doc(
                field.documentation.isEmpty ? "The `\(field.jsonName)` field." : field.documentation, indent: "    ")
            let name = identifier(field.swiftName)
            let declaration = "    public var \(name): \(field.type.swift)\(field.required ? "" : "?")"
            if boxed {
                out += declaration + " {\n"
                out += "        get { storage.value.\(name) }\n"
                out += "        _modify { yield &storage.value.\(name) }\n"
                out += "    }\n"
            } else {
                out += declaration + "\n"
            }
        }
        if boxed { out += renderStorage(type) }
        if !type.fields.isEmpty { out += "\n" }
        out += "    /// Creates a `\(type.name)`; optional properties default to `nil`.\n"
        if type.fields.isEmpty {
            out += "    public init() {}\n"
        } else {
            let parameters = type.fields.map { field in
                "\(identifier(field.swiftName)): \(field.type.swift)\(field.required ? "" : "? = nil")"
            }
            let oneLine = "    public init(\(parameters.joined(separator: ", "))) {"
            if oneLine.count <= 120 {
                out += oneLine + "\n"
            } else {
                out += "    public init(\n"
                out += parameters.map { "        \($0)" }.joined(separator: ",\n")
                out += "\n    ) {\n"
            }
            if boxed {
                let required = type.fields.filter(\.required).map { identifier($0.swiftName) }.map { "\($0): \($0)" }
                // Every field required (a type boxed for its width): nothing is set after the init.
                let binding = type.fields.allSatisfy(\.required) ? "let" : "var"
                let call = "\(binding) storage = Storage(\(required.joined(separator: ", ")))"
                out += call.count + 8 <= 120 ? "        \(call)\n" : wrappedCall(call)
                for field in type.fields where !field.required {
                    out += "        storage.\(identifier(field.swiftName)) = \(identifier(field.swiftName))\n"
                }
                out += "        self.storage = CopyOnWrite(storage)\n"
            } else {
                for field in type.fields {
                    out += "        self.\(identifier(field.swiftName)) = \(identifier(field.swiftName))\n"
                }
            }
            out += "    }\n"
        }
        if let kind = type.kind {
            out += "\n    /// `\(kind.apiVersion)`.\n"
            out += "    public var apiVersion: String { \"\(kind.apiVersion)\" }\n"
            out += "\n    /// `\(kind.kind)`.\n"
            out += "    public var kind: String { \"\(kind.kind)\" }\n"
            if let clusterScoped = kind.clusterScoped {
                out += "\n    /// \(clusterScoped ? "Cluster-scoped" : "Namespaced") (the CRD's `spec.scope`).\n"
                out += "    public var isClusterScoped: Bool { \(clusterScoped) }\n"
            }
        }
        out += "\n    /// The object as an InfraCore `Value`, keys in the conventional order.\n"
        out += "    public func renderValue() -> Value {\n"
        out += "        var json = ValueObject()\n"
        if type.kind != nil {
            out += "        json.appendUnique(\"apiVersion\", .string(apiVersion))\n"
            out += "        json.appendUnique(\"kind\", .string(kind))\n"
        }
        for field in type.fields {
            let name = identifier(field.swiftName)
            let literal = stringLiteral(field.jsonName)
            if !isBuiltIn {
                // The public API: `render(_:_:)` is InfraKubernetes' own.
                let value = field.required ? "self.\(name).renderValue()" : "\(name).renderValue()"
                let append = "json.appendUnique(\(literal), \(value))"
                out += field.required ? "        \(append)\n" : "        if let \(name) { \(append) }\n"
                continue
            }
            let call = "json.render(\(literal), self.\(name))"
            if call.count + 8 <= 120 {
                out += "        \(call)\n"
            } else {
                out += "        json.render(\n            \(literal), self.\(name))\n"
            }
        }
        out += "        return .object(json)\n"
        out += "    }\n"
        if type.kind != nil && isBuiltIn {
            out += "\n    /// Appends the object as one YAML document, written from the fields directly.\n"
            out += "    public func appendYAMLDocument(to out: inout [UInt8]) { emitYAML(indent: 0, to: &out) }\n"
            out += "\n    /// Appends the object as one YAML document, in `defaultNamespace` if it has none.\n"
            out += "    public func appendYAMLDocument(to out: inout [UInt8], defaultNamespace: String?) {\n"
            out += "        emitYAML(indent: 0, defaultNamespace: defaultNamespace, to: &out)\n"
            out += "    }\n"
        }
        out += "}\n"
        if isBuiltIn { out += renderYAMLEmitting(type) }
        out += renderDecoding(type)
        return out
    }

    /// A Swift string literal for a JSON key (escaping `"` and `\\`).
    func stringLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The `ValueDecodable` conformance (and `DecodableKubernetesObject` for kinds): reads every
    /// member of an object value, reports unknown, missing and mistyped fields to the decoder.
    func renderDecoding(_ type: TypeModel) -> String {
        let conformance = type.kind == nil ? "ValueDecodable" : "DecodableKubernetesObject"
        var out = "\nextension \(type.name): \(conformance) {\n"
        if let kind = type.kind {
            // A user's package cannot link to InfraKubernetes' symbols with double backticks.
            let include = isBuiltIn ? "``Include``" : "`Include`"
            out += "    /// `\(kind.apiVersion)`, the API version \(include) reads this type for.\n"
            out += "    public static var objectAPIVersion: String { \"\(kind.apiVersion)\" }\n"
            out += "    /// `\(kind.kind)`, the kind \(include) reads this type for.\n"
            out += "    public static var objectKind: String { \"\(kind.kind)\" }\n\n"
        }
        out += doc("Reads a `\(type.name)` from a document value; problems go to `decoder`.", indent: "    ")
        out += "    public static func decode(_ value: Value, _ decoder: inout ValueDecoder) -> Self? {\n"
        let typeLiteral = "Self.self"
        if type.fields.isEmpty {
            out += "        guard let object = decoder.object(value, of: Self.self) else { return nil }\n"
            out += "        for member in object.members {\n"
            if type.kind != nil {
                out += "            switch member.key {\n"
                out += "            case \"apiVersion\", \"kind\": break\n"
                out += "            case \"status\": decoder.serverOwned(member)\n"
                out += "            default: decoder.unknown(member, of: \(typeLiteral))\n"
                out += "            }\n"
            } else {
                out += "            decoder.unknown(member, of: \(typeLiteral))\n"
            }
            out += "        }\n"
            out += "        return \(type.name)()\n"
            out += "    }\n}\n"
            return out
        }
        out += "        guard let object = decoder.object(value, of: Self.self) else { return nil }\n"
        for field in type.fields {
            out += "        var _\(field.swiftName): \(field.type.swift)?\n"
        }
        out += "        for member in object.members {\n"
        out += "            switch member.key {\n"
        for field in type.fields {
            let line = "            case \(stringLiteral(field.jsonName)): _\(field.swiftName) = decoder.decode(member)"
            out +=
                line.count <= 120
                ? line + "\n"
                : "            case \(stringLiteral(field.jsonName)):\n                _\(field.swiftName) = decoder.decode(member)\n"
        }
        let names = Set(type.fields.map(\.jsonName))
        if type.kind != nil {
            out += "            case \"apiVersion\", \"kind\": break\n"
            if !names.contains("status") { out += "            case \"status\": decoder.serverOwned(member)\n" }
        }
        out += "            default: decoder.unknown(member, of: \(typeLiteral))\n"
        out += "            }\n"
        out += "        }\n"
        let required = type.fields.filter(\.required)
        for field in required {
            let call =
                "if _\(field.swiftName) == nil { decoder.missing(\(stringLiteral(field.jsonName)), in: object, of: \(typeLiteral)) }"
            out +=
                call.count + 8 <= 120
                ? "        \(call)\n"
                : """
                        if _\(field.swiftName) == nil {
                            decoder.missing(\(stringLiteral(field.jsonName)), in: object, of: \(typeLiteral))
                        }

                """
        }
        if !required.isEmpty {
            let bindings = required.map { "let _\($0.swiftName)" }.joined(separator: ", ")
            let guardLine = "guard \(bindings) else { return nil }"
            if guardLine.count + 8 <= 120 {
                out += "        \(guardLine)\n"
            } else {
                out += "        guard\n"
                out += required.map { "            let _\($0.swiftName)" }.joined(separator: ",\n")
                out += "\n        else { return nil }\n"
            }
        }
        // Argument labels need backticks only for `inout`, `var` and `let`.
        let arguments = type.fields.map { field in
            "\(["inout", "var", "let"].contains(field.swiftName) ? "`\(field.swiftName)`" : field.swiftName): _\(field.swiftName)"
        }
        let oneLine = "return \(type.name)(\(arguments.joined(separator: ", ")))"
        if oneLine.count + 8 <= 120 {
            out += "        \(oneLine)\n"
        } else {
            out += "        return \(type.name)(\n"
            out += arguments.map { "            \($0)" }.joined(separator: ",\n")
            out += ")\n"
        }
        out += "    }\n}\n"
        return out
    }

    /// Whether the type keeps its fields in one shared heap box (`CopyOnWrite`) instead of inline.
    /// Large API structs (`Container` is about 1.5 KB inline) were copied whole, with a retain per
    /// field, at every level of nesting, into every existential and out of every cast; boxed,
    /// a copy is one retain and the objects that hold them stay small.
    /// So are structs that are wide inline for what they hold (``InlineLayout``).
    func isCopyOnWrite(_ type: TypeModel) -> Bool {
        isBuiltIn && (type.fields.count >= SwiftRenderer.copyOnWriteFieldCount || wideTypes.contains(type.name))
    }

    /// From this many fields up a type is boxed: below it the inline copy is cheaper than the box.
    package static let copyOnWriteFieldCount = 7

    /// The boxed fields of a copy-on-write type and the box that holds them.
    func renderStorage(_ type: TypeModel) -> String {
        var out = "\n    /// The fields, shared by copies of this value until one of them changes.\n"
        out += "    private var storage: CopyOnWrite<Storage>\n\n"
        out += "    private struct Storage {\n"
        for field in type.fields {
            out += "        var \(identifier(field.swiftName)): \(field.type.swift)\(field.required ? "" : "?")\n"
        }
        out += "    }\n"
        return out
    }

    /// The `YAMLEmitting` conformance: the members in `renderValue()` order, written directly.
    func renderYAMLEmitting(_ type: TypeModel) -> String {
        let alwaysSet = type.kind != nil || type.fields.contains(where: \.required)
        var out = "\nextension \(type.name): YAMLEmitting {\n"
        if alwaysSet {
            out += "    var yamlLayout: YAMLLayout { .mapping }\n"
        } else if type.fields.isEmpty {
            out += "    var yamlLayout: YAMLLayout { .inline }\n"
        } else {
            let unset = type.fields.map { "\(identifier($0.swiftName)) == nil" }
            let oneLine = "    var yamlLayout: YAMLLayout { \(unset.joined(separator: " && ")) ? .inline : .mapping }"
            if oneLine.count <= 120 {
                out += oneLine + "\n"
            } else {
                out += "    var yamlLayout: YAMLLayout {\n"
                out += "        let unset =\n"
                out += "            " + unset.joined(separator: "\n            && ") + "\n"
                out += "        return unset ? .inline : .mapping\n"
                out += "    }\n"
            }
        }
        if type.fields.isEmpty && type.kind == nil {
            out += "    func emitYAML(indent: Int, to out: inout [UInt8]) { out.append(contentsOf: [0x7B, 0x7D]) }\n"
            out += "}\n"
            return out
        }
        if type.kind != nil {
            // A top-level object: a manifest's default namespace is written into its metadata.
            out += "    func emitYAML(indent: Int, to out: inout [UInt8]) {\n"
            out += "        emitYAML(indent: indent, defaultNamespace: nil, to: &out)\n"
            out += "    }\n"
            out += "    func emitYAML(indent: Int, defaultNamespace: String?, to out: inout [UInt8]) {\n"
        } else {
            out += "    func emitYAML(indent: Int, to out: inout [UInt8]) {\n"
        }
        out += "        var mapping = YAMLMappingEmitter(indent: indent)\n"
        var members: [(key: String, value: String)] = []
        if type.kind != nil {
            members.append(("apiVersion", "apiVersion"))
            members.append(("kind", "kind"))
        }
        for field in type.fields {
            let value =
                type.kind != nil && field.jsonName == "metadata"
                ? "self.metadata.defaultingNamespace(to: defaultNamespace)" : "self.\(identifier(field.swiftName))"
            members.append((field.jsonName, value))
        }
        for (key, value) in members {
            let call =
                isPlainSafeKey(key)
                ? "mapping.member(\"\(key)\", \(value), to: &out)"
                : "mapping.member(quoting: \"\(key)\", \(value), to: &out)"
            if call.count + 8 <= 120 {
                out += "        \(call)\n"
            } else {
                out += wrappedCall(call)
            }
        }
        if !alwaysSet {
            out += "        if mapping.first { out.append(contentsOf: [0x7B, 0x7D]) }\n"
        }
        out += "    }\n"
        out += "}\n"
        return out
    }

    /// Whether YAML 1.1 reads `key` back as this string when written plain (the rule of
    /// InfraCore's `YAMLWriter.isPlainSafe`): a letter first, then letters, digits and `-._/`,
    /// and not a boolean or null word.
    func isPlainSafeKey(_ key: String) -> Bool {
        let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let others = Set("0123456789-._/")
        guard let first = key.first, letters.contains(first) else { return false }
        guard key.allSatisfy({ letters.contains($0) || others.contains($0) }) else { return false }
        return !["y", "yes", "n", "no", "true", "false", "on", "off", "null"].contains(key.lowercased())
    }

    /// A `///` comment wrapped to fit 120 columns. Schema text's ``double backticks`` become
    /// single ones: DocC would read them as links to symbols that do not exist here.
    package func doc(_ text: String, indent: String) -> String {
        let text = text.replacingOccurrences(of: "``", with: "`")
        let width = 120 - indent.count - 4
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "\(indent)/// \($0)\n" }.joined()
    }
}
