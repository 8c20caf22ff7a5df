// The generated `Fn`: it is what the generator makes of the committed inputs now, the
// committed input is what terraform prints, every built-in function is there, and a
// refinement that changes a concrete Terraform type is refused.

import Foundation
import InfraTerraform
import InfraTestSupport
import Testing

@testable import infra_functions_codegen

@Suite("infra-functions-codegen")
struct FunctionsGeneratorTests {
    static let root = ExternalTools.packageRoot.path

    @Test("the committed Functions.swift is what the generator makes now (run `swift run infra-functions-codegen`)")
    func upToDate() throws {
        let generated = try FunctionsCodegen.generate(root: Self.root)
        let committed = try String(
            contentsOf: ExternalTools.packageRoot.appendingPathComponent(FunctionsCodegen.outputPath), encoding: .utf8)
        #expect(generated == committed)
    }

    @Test("the committed input equals what `terraform metadata functions -json` prints")
    func inputMatchesTerraform() throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let out = try ExternalTools.run(terraform, ["metadata", "functions", "-json"])
        #expect(out.status == 0, "\(out.stderr)")
        let live = try JSONDecoder().decode(FunctionMetadata.self, from: Data(out.stdout.utf8))
        let committed = try FunctionMetadata.load(path: Self.root + "/" + FunctionsCodegen.metadataPath)
        #expect(live == committed, "refresh with `swift run infra-functions-codegen --refresh`")
        // And byte for byte in the committed normal form.
        let normalized = try FunctionsCodegen.normalized(Data(out.stdout.utf8))
        let file = try Data(contentsOf: ExternalTools.packageRoot.appendingPathComponent(FunctionsCodegen.metadataPath))
        #expect(normalized == file)
    }

    @Test("every built-in function is generated, with typed overloads where Terraform says dynamic")
    func everyFunction() throws {
        let metadata = try FunctionMetadata.load(path: Self.root + "/" + FunctionsCodegen.metadataPath)
        let refinements = try Refinements.load(path: Self.root + "/" + FunctionsCodegen.refinementsPath)
        let functions = try Translator(metadata: metadata, refinements: refinements).functions()
        let builtins = Set(metadata.builtins.map(\.name))
        #expect(builtins.count == 118)
        #expect(Set(functions.map(\.terraformName)) == builtins)
        let text = try FunctionsCodegen.generate(root: Self.root)
        for name in builtins {
            let declared = name == "try" ? "func `try`" : "func \(name)"
            #expect(
                text.contains("public static \(declared)<") || text.contains("public static \(declared)("), "\(name)")
        }
        let merge = functions.filter { $0.terraformName == "merge" }
        #expect(merge.map(\.returns.description) == ["[String: V]", "Value"])
        #expect(text.contains("public static func merge<V>(_ maps: Expr<[String: V]>...) -> Expr<[String: V]> {"))
        #expect(
            text.contains("public static func merge<V>(expanding maps: Expr<[[String: V]]>) -> Expr<[String: V]> {"))
        #expect(
            text.contains(
                "public static func format<each A>(_ format: Expr<String>, _ args: repeat Expr<each A>) -> Expr<String> {"
            ))
        #expect(text.contains("default defaultArgument: Expr<V>? = nil"))
        // Doc comments come from Terraform's descriptions.
        #expect(text.contains("/// `cidrsubnet` calculates a subnet address within given IP network address prefix."))
    }

    @Test("a refinement may narrow dynamic positions only")
    func refinementsOnlyNarrow() throws {
        let metadata = try FunctionMetadata.load(path: Self.root + "/" + FunctionsCodegen.metadataPath)
        func translate(_ json: String) throws -> [SwiftFunction] {
            let refinements = try JSONDecoder().decode(Refinements.self, from: Data(json.utf8))
            return try Translator(metadata: metadata, refinements: refinements).functions()
        }
        #expect(throws: CodegenError.self) {  // cidrsubnet's prefix is a string
            try translate(#"{"functions": {"cidrsubnet": [{"parameters": {"prefix": "Double"}}]}}"#)
        }
        #expect(throws: CodegenError.self) {  // no such parameter
            try translate(#"{"functions": {"merge": [{"parameters": {"nope": "Value"}}]}}"#)
        }
        #expect(throws: CodegenError.self) {  // no such function
            try translate(#"{"functions": {"mergee": [{}]}}"#)
        }
        #expect(throws: CodegenError.self) {  // a type parameter nothing can infer
            try translate(#"{"functions": {"jsondecode": [{"generics": ["T"], "returns": "T"}]}}"#)
        }
        let narrowed = try translate(
            #"{"functions": {"keys": [{"generics": ["V"], "parameters": {"inputMap": "[String: V]"}, "returns": "[String]"}]}}"#
        )
        #expect(narrowed.first { $0.terraformName == "keys" }?.returns == .list(.string))
    }

    @Test("generated calls render Terraform's syntax, including expanded arguments")
    func renderedCalls() {
        let ids: Expr<[String]> = ["a", "b"]
        #expect(
            Fn.cidrsubnets("10.0.0.0/16", newbits: 4, 4, 8).expression.hcl == #"cidrsubnets("10.0.0.0/16", 4, 4, 8)"#)
        #expect(Fn.concat(expanding: [ids, ids]).expression.hcl == #"concat([["a", "b"], ["a", "b"]]...)"#)
        #expect(Fn.bcrypt("x").expression.hcl == #"bcrypt("x")"#)
        #expect(Fn.bcrypt("x", cost: 12).expression.hcl == #"bcrypt("x", 12)"#)
        #expect(Fn.uuid().expression.jsonValue == .string("${uuid()}"))
    }
}
