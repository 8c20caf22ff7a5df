// IR → Swift for one resource/data source struct and its nested block structs. Emits
// hand-shaped rendering code (`Block.set` per attribute) — no Codable, no reflection —
// because that is what keeps a module of hundreds of types fast to compile.

import InfraAWSBindings

/// Renders ``TypeModel``s and ``NestedTypeModel``s.
enum TypeRenderer {
    /// Renders a resource or data source; `provider` names the provider in deprecation messages.
    static func render(_ type: TypeModel, provider: String = "AWS", into w: inout SourceWriter) {
        let conformance = type.isDataSource ? "TerraformDataSource" : "TerraformResource"
        let prefix = type.isDataSource ? "data." : ""
        w.doc(type.doc)
        w.doc(["", "```swift", "let x = \(type.swiftName)(\"main\"\(exampleArguments(type)))", "```"])
        w.structHeader(type.swiftName, conformances: [conformance, "MetaArgumentCarrier", "Sendable"]) { w in
            w.doc(["The Terraform type, `\(type.terraformType)`."])
            w.line("public static let terraformType = \"\(type.terraformType)\"")
            if !type.sensitiveAttributes.isEmpty { renderSensitiveAttributes(type.sensitiveAttributes, into: &w) }
            w.doc(["The local name: the address is `\(prefix)\(type.terraformType).<name>`."])
            w.line("public var name: String")
            w.doc(["Meta-arguments (`depends_on`, `count`, `provider`, `lifecycle`, …) and raw overrides."])
            w.line("public var meta = MetaArguments()")
            renderStorage(type.properties, provider: provider, into: &w)
            renderInit(
                type.properties, leading: ["_ name: String"], assign: [(target: "self.name", value: "name")], into: &w)
            w.doc(["The arguments and nested blocks as a Terraform block body."])
            w.braced("public func renderBody() -> Block") { w in renderBodyStatements(type.properties, into: &w) }
            for reference in type.references {
                w.line()
                w.doc(reference.doc)
                if reference.isDeprecated {
                    w.line("@available(*, deprecated, message: \"deprecated by the \(provider) provider\")")
                }
                let declaration = "public var \(Naming.escaped(reference.swiftName)): Expr<\(reference.valueType)>"
                let body = "reference(\"\(reference.terraformName)\")"
                if w.column + declaration.count + body.count + 6 <= 120 {
                    w.line("\(declaration) { \(body) }")
                } else {
                    w.braced(declaration) { w in w.line(body) }
                }
            }
            for nested in type.nested {
                renderNested(nested, parent: type.swiftName, provider: provider, into: &w)
            }
        }
    }

    /// `static let sensitiveAttributes`, only for types that have some (the protocol's default
    /// is empty): one array literal of strings, which costs the compiler next to nothing.
    private static func renderSensitiveAttributes(_ paths: [String], into w: inout SourceWriter) {
        w.doc([
            "The attributes the provider marks sensitive (dot-separated through nested blocks): a literal",
            "value in one is an error, and an output that refers to one must be `sensitive`.",
        ])
        let literals = paths.map { "\"\($0)\"" }
        let oneLine = "public static let sensitiveAttributes = [\(literals.joined(separator: ", "))]"
        if w.fits(oneLine) {
            w.line(oneLine)
            return
        }
        w.line("public static let sensitiveAttributes = [")
        w.indented { w in w.arrayElements(literals) }
        w.line("]")
    }

    /// `A.B.C` seen from inside `A.B` is `C` (a sibling); anything else stays fully qualified.
    private static func relative(_ qualified: String, from parent: String) -> String {
        qualified.hasPrefix(parent + ".") && !qualified.dropFirst(parent.count + 1).contains(".")
            ? String(qualified.dropFirst(parent.count + 1)) : qualified
    }

    static func renderNested(_ type: NestedTypeModel, parent: String, provider: String, into w: inout SourceWriter) {
        w.line()
        w.doc(type.doc)
        if let alias = type.aliasOf {
            w.line("public typealias \(type.swiftName) =", continuation: relative(alias, from: parent))
            return
        }
        let conformances = type.isAttributeObject ? ["Sendable"] : ["BlockConvertible", "Sendable"]
        w.structHeader(type.swiftName, conformances: conformances) { w in
            renderStorage(type.properties, provider: provider, into: &w)
            renderInit(type.properties, leading: [], assign: [], into: &w)
            if type.isAttributeObject {
                w.doc(["The object as a Terraform expression (unset attributes left out, so they are null)."])
                w.braced("public var terraformValue: Expression") { w in
                    renderObjectStatements(type.properties, into: &w)
                }
            } else {
                w.doc(["The block body."])
                w.braced("public var terraformBlock: Block") { w in renderBodyStatements(type.properties, into: &w) }
            }
            for nested in type.nested {
                renderNested(nested, parent: parent + "." + type.swiftName, provider: provider, into: &w)
            }
        }
    }

    static func renderStorage(_ properties: [PropertyModel], provider: String = "AWS", into w: inout SourceWriter) {
        for property in properties {
            let optional = property.isRequired ? "" : "?"
            let name = Naming.escaped(property.swiftName)
            if property.isDeprecated {
                w.line("private var _\(property.swiftName): \(property.swiftType)\(optional)")
                w.doc(property.doc)
                w.line("@available(*, deprecated, message: \"deprecated by the \(provider) provider\")")
                w.braced("public var \(name): \(property.swiftType)\(optional)") { w in
                    w.line("get { _\(property.swiftName) }")
                    w.line("set { _\(property.swiftName) = newValue }")
                }
            } else {
                w.doc(property.doc)
                w.line("public var \(name):", continuation: "\(property.swiftType)\(optional)")
            }
        }
    }

    static func renderInit(
        _ properties: [PropertyModel], leading: [String], assign: [(target: String, value: String)],
        into w: inout SourceWriter
    ) {
        let parameters = properties.filter { !$0.isDeprecated || $0.isRequired }
        let ordered = parameters.filter(\.isRequired) + parameters.filter { !$0.isRequired }
        var declarations = leading
        var assignments = assign.map { (target: $0.target, value: $0.value) }
        for property in ordered {
            let label = Naming.escaped(property.label)
            let internalName = property.label == property.swiftName ? "" : " " + Naming.escaped(property.swiftName)
            let suffix = property.isRequired ? "" : "? = nil"
            declarations.append("\(label)\(internalName): \(property.swiftType)\(suffix)")
            let name = Naming.escaped(property.swiftName)
            assignments.append((target: "self.\(name)", value: name))
        }
        w.doc(["Creates the value; required arguments are the non-optional parameters."])
        let oneLine = "public init(\(declarations.joined(separator: ", "))) {"
        if w.column + oneLine.count <= 120 {
            w.line(oneLine)
        } else {
            w.line("public init(")
            w.indented { w in
                for (index, declaration) in declarations.enumerated() {
                    let separator = index == declarations.count - 1 ? "" : ","
                    if let colon = declaration.range(of: ": "), !w.fits(declaration + separator) {
                        w.line(
                            String(declaration[..<colon.lowerBound]) + ":",
                            continuation: String(declaration[colon.upperBound...]) + separator)
                    } else {
                        w.line(declaration + separator)
                    }
                }
            }
            w.line(") {")
        }
        w.indented { w in
            for (target, value) in assignments { w.line("\(target) =", continuation: value) }
        }
        w.line("}")
    }

    static func renderBodyStatements(_ properties: [PropertyModel], into w: inout SourceWriter) {
        if properties.isEmpty {
            w.line("Block()")
            return
        }
        w.line("var b = Block()")
        for property in properties {
            let value = property.isDeprecated ? "_" + property.swiftName : Naming.escaped(property.swiftName)
            let call: String
            switch property.kind {
            case .attribute, .blockFallback: call = "set"
            case .singleBlock: call = "appendBlock"
            case .blockList: call = "appendBlocks"
            case .nestedAttribute(_, let nesting):
                let expression = objectExpression("$0", nesting: nesting)
                let rendered =
                    property.isRequired ? objectExpression(value, nesting: nesting) : "\(value).map { \(expression) }"
                w.line("b[attribute: \"\(property.terraformName)\"] =", continuation: rendered)
                continue
            }
            w.call("b.\(call)", ["\"\(property.terraformName)\"", value])
        }
        w.line("return b")
    }

    /// The statements of a nested attribute object's `terraformValue`: members in name order.
    private static func renderObjectStatements(_ properties: [PropertyModel], into w: inout SourceWriter) {
        w.line("var members: [(String, Expression)] = []")
        for property in properties {
            let stored = property.isDeprecated ? "_" + property.swiftName : Naming.escaped(property.swiftName)
            let value = property.isRequired ? stored : "value"
            let expression =
                switch property.kind {
                case .nestedAttribute(_, let nesting): objectExpression(value, nesting: nesting)
                default: "\(value).expression"
                }
            let append = "members.append((\"\(property.terraformName)\", \(expression)))"
            if property.isRequired {
                w.line(append)
            } else {
                w.braced("if let value = \(stored)") { w in w.line(append) }
            }
        }
        w.line("return .object(members)")
    }

    /// The `Expression` of a nested attribute value: an object, a list of objects or an object of objects.
    private static func objectExpression(_ value: String, nesting: NestingMode) -> String {
        switch nesting {
        case .list, .set: "Expression.list(\(value).map(\\.terraformValue))"
        case .map: "Expression.object(\(value).sorted { $0.key < $1.key }.map { ($0.key, $0.value.terraformValue) })"
        default: "\(value).terraformValue"
        }
    }

    /// `, cidrBlock: …` for required arguments, for the doc example.
    private static func exampleArguments(_ type: TypeModel) -> String {
        type.properties.filter(\.isRequired).prefix(3).map { ", \($0.label): …" }.joined()
    }
}
