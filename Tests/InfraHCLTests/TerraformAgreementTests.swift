// The parser against Terraform itself, on the corpus in `Corpus/` (valid/ and invalid/ .tf
// files): `terraform fmt` (Terraform's own HCL parser) must accept exactly the files this
// parser accepts and report its first error on the same line; for the valid files,
// `terraform validate` passes, and the plan's JSON agrees with what was parsed — constant
// values, references, and the value of every output and local when the parsed tree is written
// back fully parenthesized and evaluated by Terraform.

import Foundation
import InfraHCL
import InfraTestSupport
import Testing

@Suite("HCL parser agrees with Terraform")
struct TerraformAgreementTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func files(_ folder: String) -> [URL] {
        let directory = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".tf") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static let environment = ["TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "NO_COLOR": "1"]

    /// The lines of the errors `terraform fmt` reports for a file (empty when it accepts it).
    static func terraformErrorLines(_ terraform: String, _ file: URL) throws -> (accepted: Bool, lines: [Int]) {
        let output = try ExternalTools.run(
            terraform, ["fmt", "-check", "-no-color", "-"], stdin: try String(contentsOf: file, encoding: .utf8),
            environment: environment)
        let lines = output.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "on <stdin> line ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        return (output.status != 2, lines)
    }

    /// Files whose first error Terraform places elsewhere, and why.
    static let knownLineDifferences = [
        "splat-without-bracket.tf":
            "hcl's diagnostic points at the token its recovery stopped on (the end of the file), not at the "
            + "character after `*`; both reject the file"
    ]

    @Test("the corpus is not empty")
    func corpusExists() {
        #expect(Self.files("valid").count >= 12)
        #expect(Self.files("invalid").count >= 50)
    }

    @Test("terraform fmt accepts exactly the files the parser accepts, and the first error is on the same line")
    func acceptance() throws {
        guard let terraform = ExternalTools.terraform() else { return }
        for (folder, shouldAccept) in [("valid", true), ("invalid", false)] {
            for file in Self.files(folder) {
                let bytes = Array(try Data(contentsOf: file))
                let parsed = HCLParser.parse(bytes: bytes, file: file.lastPathComponent)
                let errors = parsed.diagnostics.filter { $0.severity == .error }
                let (terraformAccepts, terraformLines) = try Self.terraformErrorLines(terraform, file)
                let name = "\(folder)/\(file.lastPathComponent)"
                #expect(terraformAccepts == shouldAccept, "\(name): terraform fmt disagrees with the corpus label")
                #expect(errors.isEmpty == terraformAccepts, "\(name): \(errors.map(\.description))")
                if !terraformAccepts, let first = errors.first,
                    !Self.knownLineDifferences.keys.contains(file.lastPathComponent)
                {
                    #expect(first.range.start.line == terraformLines.first, "\(name): \(first) vs \(terraformLines)")
                    let missing = Set(terraformLines).subtracting(errors.map(\.range.start.line))
                    #expect(missing.isEmpty, "\(name): terraform also reports lines \(missing.sorted())")
                }
            }
        }
    }

    @Test("valid files: terraform validate passes, and the plan JSON agrees with the parsed expressions")
    func planAgreement() throws {
        guard let terraform = ExternalTools.terraform() else { return }
        for file in Self.files("valid") {
            let name = file.lastPathComponent
            let parsed = HCLParser.parse(bytes: Array(try Data(contentsOf: file)), file: name)
            try #require(parsed.diagnostics.isEmpty, "\(name): \(parsed.diagnostics)")
            let root = try ExternalTools.temporaryDirectory("hcl-agreement")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.copyItem(at: file, to: root.appendingPathComponent("main.tf"))
            let rendered = Self.renderedCopies(of: parsed.body)
            try Data(rendered.text.utf8).write(to: root.appendingPathComponent("zz_rendered.tf"))
            for arguments in [
                ["init", "-input=false", "-no-color"], ["validate", "-no-color"],
                ["plan", "-input=false", "-no-color", "-out=plan.bin"],
            ] {
                let step = try ExternalTools.run(terraform, arguments, in: root, environment: Self.environment)
                try #require(step.status == 0, "\(name): terraform \(arguments[0]): \(step.stdout)\(step.stderr)")
            }
            let shown = try ExternalTools.run(
                terraform, ["show", "-json", "plan.bin"], in: root, environment: Self.environment)
            let plan = try JSONDecoder().decode(JSONValue.self, from: Data(shown.stdout.utf8))
            Self.compareConfiguration(plan, body: parsed.body, file: name)
            Self.compareValues(plan, pairs: rendered.pairs, file: name)
        }
    }

    // MARK: Rendered copies

    /// One output per top-level output and local of `body`, holding the parsed expression written
    /// back fully parenthesized, paired with the output that holds the original.
    static func renderedCopies(of body: HCLBody) -> (text: String, pairs: [(original: String, rendered: String)]) {
        var text = ""
        var pairs: [(String, String)] = []
        for block in body.blocks where block.type == "output" {
            guard let name = block.labels.first, let value = block.body[attribute: "value"] else { continue }
            text += "output \"zz_rendered_\(name)\" {\n  value = \(value.expression.fullyParenthesized)\n}\n"
            pairs.append((name, "zz_rendered_\(name)"))
        }
        for block in body.blocks where block.type == "locals" {
            for attribute in block.body.attributes {
                let name = attribute.name
                text += "output \"zz_local_\(name)\" {\n  value = local.\(name)\n}\n"
                text +=
                    "output \"zz_rendered_local_\(name)\" {\n  value = \(attribute.expression.fullyParenthesized)\n}\n"
                pairs.append(("zz_local_\(name)", "zz_rendered_local_\(name)"))
            }
        }
        return (text, pairs)
    }

    static func compareValues(_ plan: JSONValue, pairs: [(original: String, rendered: String)], file: String) {
        let outputs = plan["planned_values"]?["outputs"]
        for (original, rendered) in pairs {
            let left = outputs?[original]
            let right = outputs?[rendered]
            #expect(left != nil, "\(file): output \(original) missing from the plan")
            #expect(
                left == right,
                "\(file): \(original) = \(String(describing: left)) but the parsed tree gives \(String(describing: right))"
            )
        }
    }

    // MARK: Configuration JSON

    static func compareConfiguration(_ plan: JSONValue, body: HCLBody, file: String) {
        let outputs = plan["configuration"]?["root_module"]?["outputs"]
        for block in body.blocks where block.type == "output" {
            guard let name = block.labels.first, let value = block.body[attribute: "value"]?.expression,
                let entry = outputs?[name]?["expression"]
            else {
                Issue.record("\(file): output \(block.labels) not in the configuration JSON")
                continue
            }
            if let constant = entry["constant_value"] {
                // Terraform folds any expression without references (`1 + 2`); the parser only literals.
                if let mine = value.constantValue {
                    #expect(JSONValue(mine) == constant, "\(file): output \(name) constant")
                } else {
                    #expect(value.references.isEmpty, "\(file): output \(name) is constant for terraform")
                }
                continue
            }
            var references: Set<String> = []
            if case .array(let list)? = entry["references"] {
                for case .string(let reference) in list { references.insert(reference) }
            }
            let mine = Set(value.references.map(staticDescription))
            #expect(value.constantValue == nil, "\(file): output \(name) is constant here but not for terraform")
            #expect(
                mine.isSubset(of: references), "\(file): output \(name): \(mine.sorted()) vs \(references.sorted())")
            for reference in references {
                let found = mine.contains {
                    $0 == reference || $0.hasPrefix(reference + ".") || $0.hasPrefix(reference + "[")
                }
                #expect(found, "\(file): output \(name): terraform's \(reference) is not among \(mine.sorted())")
            }
        }
    }

    /// The reference as Terraform displays it: root and steps up to the first non-constant index.
    static func staticDescription(_ reference: HCLReference) -> String {
        var text = reference.root
        for step in reference.steps {
            switch step {
            case .attribute(let name): text += "." + name
            case .index(let key):
                switch key.constantValue {
                case .number(let number)?: text += "[\(number)]"
                case .string(let string)?: text += "[\"\(string)\"]"
                default: return text
                }
            }
        }
        return text
    }

}

/// A JSON document, decoded so booleans and numbers stay apart on every platform.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([JSONValue].self) {
            self = .array(list)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// A parsed constant in the same form.
    init(_ value: HCLValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = .number(Double(text) ?? .nan)
        case .string(let text): self = .string(text)
        case .tuple(let values): self = .array(values.map(JSONValue.init))
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): "\(number)"
        case .string(let text): text.debugDescription
        case .array(let list): "[" + list.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { "\($0): \(members[$0]?.description ?? "")" }.joined(separator: ", ") + "}"
        }
    }
}
