// The output rule checked against the real consumer: `terraform plan` refuses a root output
// that refers to a sensitive value unless it is marked sensitive ("Output refers to sensitive
// values"). Our validation must flag exactly the outputs terraform refuses, no more, no fewer.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Sensitive outputs: validation agrees with terraform plan")
struct SensitiveOutputTerraformTests {
    /// Outputs terraform refuses without `sensitive = true`, and outputs it accepts.
    static let refused = ["variable", "local", "function", "marked", "attribute", "whole_resource", "module_passed"]
    /// Accepted: `nonsensitive()`, a literal, a plain attribute, and module outputs whose values are not
    /// sensitive, even one declared `sensitive = true` in the module (terraform 1.11 does not carry
    /// that flag to the caller).
    static let accepted = ["hash", "literal", "other_attribute", "module_plain", "module_declared"]

    static let module = TerraformModule(
        "echo", settings: TerraformSettings(requiredVersion: nil, requiredProviders: [])
    ) {
        Variable<String>("value")
        Variable<String>("name")
        Output("value", expression: .reference("var", "value"))
        Output("declared", expression: .reference("var", "name"), sensitive: true)
        Output("plain", expression: .reference("var", "name"))
    }

    /// The root; `marked` decides whether the refused outputs carry `sensitive: true`.
    static func stack(marked: Bool) -> Stack {
        let token = Variable<String>("token", sensitive: true, providedAtApply: true)
        let flag: Bool? = marked ? true : nil
        let outputs: [String: InfraTerraform.Expression] = [
            "variable": token.value.expression,
            "local": .reference("local", "url"),
            "function": .call("upper", token.value.expression),
            "marked": .call("sensitive", "public"),
            "attribute": .reference("aws_ssm_parameter", "token", "value"),
            "whole_resource": .reference("aws_ssm_parameter", "token"),
            "module_passed": .reference("module", "echo", "value"),
            "module_declared": .reference("module", "echo", "declared"),
            "hash": .call("nonsensitive", .call("sha256", token.value.expression)),
            "literal": "hello",
            "other_attribute": .reference("aws_ssm_parameter", "token", "name"),
            "module_plain": .reference("module", "echo", "plain"),
        ]
        return Stack("outputs") {
            Provider(
                "aws",
                [
                    "region": "us-east-1", "skip_credentials_validation": true, "skip_requesting_account_id": true,
                    "skip_metadata_api_check": true,
                ])
            token
            Local<String>("url", "https://app:\(token.value)@db.example.com")
            Resource(
                "aws_ssm_parameter", "token",
                ["name": "/app/token", "type": "SecureString", "value": token.value.expression])
            ModuleCall("echo", module: module, inputs: ["value": token.value.expression, "name": "orders"])
            for (name, value) in outputs.sorted(by: { $0.key < $1.key }) {
                Output(name, expression: value, sensitive: refused.contains(name) ? flag : nil)
            }
        }
    }

    @Test("validation flags exactly the outputs that refer to sensitive values")
    func validationFlags() {
        let errors = Infrastructure { Self.stack(marked: false) }.synthesize().diagnostics.errors
        #expect(errors.map(\.path.description).sorted() == Self.refused.map { "outputs/output.\($0)" }.sorted())
        #expect(Infrastructure { Self.stack(marked: true) }.synthesize().diagnostics.errors.isEmpty)
    }

    @Test("terraform plan refuses the same outputs once their sensitive flag is removed")
    func terraformAgrees() throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let result = Infrastructure { Self.stack(marked: true) }.synthesize()
        try #require(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let dir = try ExternalTools.temporaryDirectory("tfsensitive")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
        let root = dir.appendingPathComponent("outputs")
        let env = [
            "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "TF_VAR_token": "not-a-real-token",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_EC2_METADATA_DISABLED": "true",
        ]
        let initialized = try ExternalTools.run(
            terraform, ["init", "-input=false", "-backend=false"], in: root, environment: env)
        try #require(initialized.status == 0, "\(initialized.stderr)")
        let plan = ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color"]
        let marked = try ExternalTools.run(terraform, plan, in: root, environment: env)
        #expect(marked.status == 0, "\(marked.stdout)\n\(marked.stderr)")

        // The same configuration with every output's `sensitive` flag removed. terraform reports the
        // refused outputs in waves (an error stops the walk before later outputs), so plan again with
        // the ones it named marked, until it accepts.
        let file = root.appendingPathComponent("outputs.tf.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var blocks = try #require(json["output"] as? [String: [String: Any]])
        for name in blocks.keys { blocks[name]?["sensitive"] = nil }
        var complaints: Set<String> = []
        for _ in 0..<Self.refused.count + 1 {
            json["output"] = blocks
            try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: file)
            let run = try ExternalTools.run(terraform, plan + ["-json"], in: root, environment: env)
            let named = try Self.refusedOutputs(run.stdout, file: file)
            if named.isEmpty {
                #expect(run.status == 0, "\(run.stdout)")
                break
            }
            complaints.formUnion(named)
            for name in named { blocks[name]?["sensitive"] = true }
        }
        #expect(complaints == Set(Self.refused))
        #expect(complaints.isDisjoint(with: Self.accepted))
    }

    /// The outputs named by "Output refers to sensitive values" diagnostics of `plan -json`: the
    /// diagnostic gives the line of the output's block in the (pretty-printed) outputs file.
    static func refusedOutputs(_ stream: String, file: URL) throws -> Set<String> {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var names: Set<String> = []
        for line in stream.split(separator: "\n") {
            guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let diagnostic = event["diagnostic"] as? [String: Any],
                diagnostic["summary"] as? String == "Output refers to sensitive values",
                let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Any],
                let number = start["line"] as? Int, lines.indices.contains(number - 1)
            else { continue }
            let text = lines[number - 1].trimmingCharacters(in: .whitespaces)
            if let end = text.dropFirst().firstIndex(of: "\"") {
                names.insert(String(text[text.index(after: text.startIndex)..<end]))
            }
        }
        return names
    }
}
