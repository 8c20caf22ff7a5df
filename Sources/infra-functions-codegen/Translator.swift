// Metadata + refinements → the Swift functions to write. Names and labels follow one rule
// (first argument unlabeled, the others labeled with their Terraform names in camelCase,
// unless a refinement says otherwise); every refined type is checked against the metadata.

/// A function as it is written in Swift.
struct SwiftFunction: Equatable {
    /// One parameter.
    struct Parameter: Equatable {
        enum Kind: Equatable {
            /// `Expr<T>`
            case single(SwiftType)
            /// `Expr<T>...`
            case variadic(SwiftType)
            /// `Expr<T>? = nil`: a variadic Terraform parameter used zero or one time.
            case optional(SwiftType)
            /// `repeat Expr<each A>`
            case pack(String)
        }

        var terraformName: String
        var label: String
        var name: String
        var kind: Kind
        var cty: CtyType
        var description: String?
    }

    var terraformName: String
    var generics: [String]
    var parameters: [Parameter]
    var returns: SwiftType
    var returnCty: CtyType
    var description: String
    var note: String?
    var expandable = true

    /// The homogeneous variadic parameter, if any.
    var homogeneousVariadic: Parameter? {
        parameters.last.flatMap { if case .variadic = $0.kind { return $0 } else { return nil } }
    }

    /// The variadic parameter of a function that also gets an `expanding:` overload passing one
    /// list as the arguments (`merge(list...)`).
    var expandingVariadic: Parameter? { expandable ? homogeneousVariadic : nil }
}

/// Builds ``SwiftFunction``s.
struct Translator {
    var metadata: FunctionMetadata
    var refinements: Refinements

    /// Every built-in function, refined overloads in file order.
    func functions() throws -> [SwiftFunction] {
        var unknown = Set(refinements.functions.keys)
        var result: [SwiftFunction] = []
        for (name, signature) in metadata.builtins {
            unknown.remove(name)
            let overloads = refinements.functions[name] ?? [Refinements.Overload()]
            for overload in overloads {
                result.append(try translate(name, signature, overload))
            }
        }
        guard unknown.isEmpty else {
            throw CodegenError("refinements for functions Terraform does not have: \(unknown.sorted())")
        }
        return result
    }

    private func translate(
        _ name: String, _ signature: FunctionMetadata.Signature, _ overload: Refinements.Overload
    ) throws -> SwiftFunction {
        let declared = overload.generics ?? []
        let genericNames = Set(declared.map { $0.hasPrefix("each ") ? String($0.dropFirst(5)) : $0 })
        var generics = declared
        var fresh = ["A", "B", "C", "D", "E", "F"].filter { !genericNames.contains($0) }[...]
        func freshGeneric() -> SwiftType {
            let next = fresh.popFirst() ?? "G"
            generics.append(next)
            return .generic(next)
        }
        func refined(_ text: String?, _ cty: CtyType, what: String) throws -> SwiftType? {
            guard let text else { return nil }
            let type = try SwiftType.parse(text, generics: genericNames)
            guard type.refines(cty) else {
                throw CodegenError("\(name): \(what) is \(cty) in Terraform; the refinement \(type) does not fit it")
            }
            return type
        }

        let knownNames = Set(signature.parameters.map(\.name) + [signature.variadicParameter?.name].compactMap { $0 })
        for key in (overload.parameters ?? [:]).keys where !knownNames.contains(key) {
            throw CodegenError("\(name): refinement names an unknown parameter \"\(key)\"")
        }
        for key in (overload.labels ?? [:]).keys where !knownNames.contains(key) {
            throw CodegenError("\(name): a label is given for an unknown parameter \"\(key)\"")
        }

        var parameters: [SwiftFunction.Parameter] = []
        for (position, p) in signature.parameters.enumerated() {
            let type =
                try refined(overload.parameters?[p.name], p.type, what: "parameter \(p.name)")
                ?? SwiftType.from(p.type, dynamic: freshGeneric)
            parameters.append(
                parameter(p, kind: .single(type), position: position, labels: overload.labels))
        }
        if let v = signature.variadicParameter {
            let position = signature.parameters.count
            let kind: SwiftFunction.Parameter.Kind
            if let text = overload.variadic, text.hasPrefix("each ") {
                let pack = String(text.dropFirst(5))
                guard declared.contains("each \(pack)"), v.type == .dynamic else {
                    throw CodegenError("\(name): pack \(text) needs `each \(pack)` in generics and a dynamic parameter")
                }
                kind = .pack(pack)
            } else {
                let type =
                    try refined(overload.variadic, v.type, what: "parameter \(v.name)")
                    ?? (v.type == .dynamic ? nil : SwiftType.from(v.type, dynamic: freshGeneric))
                switch (type, overload.variadicAs) {
                case (let type?, "optional"?): kind = .optional(type)
                case (let type?, nil): kind = .variadic(type)
                case (nil, _):
                    // An unrefined `dynamic...` takes arguments of different types.
                    let pack = fresh.popFirst() ?? "P"
                    generics.append("each \(pack)")
                    kind = .pack(pack)
                case (_, let other?): throw CodegenError("\(name): unknown variadic_as \"\(other)\"")
                }
            }
            parameters.append(parameter(v, kind: kind, position: position, labels: overload.labels))
        }
        let returns =
            try refined(overload.returns, signature.returnType, what: "the result")
            ?? SwiftType.from(signature.returnType, dynamic: { .value })

        // Every declared generic must be inferable from the parameters.
        var used = Set<String>()
        for p in parameters {
            switch p.kind {
            case .single(let t), .variadic(let t), .optional(let t): used.formUnion(t.generics)
            case .pack(let pack): used.insert(pack)
            }
        }
        for generic in genericNames where !used.contains(generic) {
            throw CodegenError("\(name): type parameter \(generic) does not appear in any parameter")
        }
        return SwiftFunction(
            terraformName: name, generics: generics, parameters: parameters, returns: returns,
            returnCty: signature.returnType, description: signature.description ?? "", note: overload.note,
            expandable: overload.expanding ?? true)
    }

    private func parameter(
        _ p: FunctionMetadata.Parameter, kind: SwiftFunction.Parameter.Kind, position: Int, labels: [String: String]?
    ) -> SwiftFunction.Parameter {
        let swiftName = SwiftNames.camelCase(p.name)
        let label = labels?[p.name] ?? (position == 0 ? "_" : swiftName)
        return SwiftFunction.Parameter(
            terraformName: p.name, label: label, name: swiftName, kind: kind, cty: p.type, description: p.description)
    }
}

/// Swift spellings of Terraform names.
enum SwiftNames {
    /// `start_index` → `startIndex`; `inputMap` stays.
    static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "_")
        guard let first = words.first else { return name }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Swift keywords that need backticks as names.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is",
        "nil", "super", "self", "Self", "throw", "throws", "true", "try", "any", "some", "each",
    ]

    /// A declaration name, escaped when it is a keyword: `` `try` ``.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A parameter's local name inside the body: never a keyword.
    static func local(_ name: String) -> String {
        keywords.contains(name) ? name + "Argument" : name
    }
}
