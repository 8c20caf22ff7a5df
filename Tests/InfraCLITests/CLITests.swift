import ArgumentParser
import Foundation
import InfraCLI
import InfraCore
import InfraOutput
import InfraTerraform
import InfraTestSupport
import Testing

/// A user's own definition: the reusable command works for any infrastructure.
struct SampleInfra: InfrastructureCommand {
    static let commandName = "sample-infra"
    var body: Infrastructure {
        Infrastructure {
            Stack("dev", directory: "terraform/dev") {
                Provider.aws(region: "eu-west-1")
                let topic = Resource("aws_sns_topic", "alerts", ["name": "alerts"])
                topic
                Resource(
                    "aws_sns_topic_subscription", "ops",
                    [
                        "topic_arn": topic.ref("arn"), "protocol": "email", "endpoint": "ops@example.com",
                    ])
            }
            Stack("prod", directory: "terraform/prod") {
                Resource("aws_sns_topic", "alerts", ["name": "alerts-prod"])
            }
        }
    }
}

/// A definition with two problems.
struct BrokenInfra: InfrastructureCommand {
    var body: Infrastructure {
        Infrastructure {
            Stack("dev") {
                Resource("aws_sns_topic", "a", ["name": .reference("aws_sns_topic", "missing", "name")])
                Variable<String>("required_but_unset")
            }
        }
    }
}

func run<D: InfrastructureCommand>(_ type: D.Type, _ arguments: [String]) async throws {
    var command = try InfrastructureCLI<D>.parseAsRoot(arguments)
    if var async = command as? any AsyncParsableCommand {
        try await async.run()
    } else {
        try command.run()
    }
}

@Suite("Command line")
struct CLITests {
    @Test("synth writes every unit's files into the output folder")
    func synth() async throws {
        let dir = try ExternalTools.temporaryDirectory("cli")
        let out = dir.appendingPathComponent("infra.out").path
        try await run(SampleInfra.self, ["synth", "--output", out])
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == [OutputRecord.fileName, "terraform/dev/main.tf.json", "terraform/prod/main.tf.json"])
    }

    @Test("synth is the default subcommand")
    func defaultSubcommand() throws {
        let command = try InfrastructureCLI<SampleInfra>.parseAsRoot(["--output", "x"])
        #expect(command is SynthCommand<SampleInfra>)
    }

    @Test("--env narrows synthesis to one environment")
    func environment() async throws {
        let dir = try ExternalTools.temporaryDirectory("cli")
        let out = dir.appendingPathComponent("o").path
        try await run(SampleInfra.self, ["synth", "--output", out, "--env", "prod"])
        #expect(
            try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".tf.json") } == [
                "terraform/prod/main.tf.json"
            ])
        await #expect(throws: (any Error).self) {
            try await run(SampleInfra.self, ["synth", "--output", out, "--env", "qa"])
        }
    }

    @Test("errors exit 1 and leave an existing output folder untouched")
    func refuseOnErrors() async throws {
        let dir = try ExternalTools.temporaryDirectory("cli")
        let out = dir.appendingPathComponent("infra.out")
        try OutputWriter(directory: out).write([Artifact(path: "previous.txt", bytes: Array("keep".utf8))])
        await #expect(throws: ExitCode.failure) { try await run(BrokenInfra.self, ["synth", "--output", out.path]) }
        #expect(try String(contentsOf: out.appendingPathComponent("previous.txt"), encoding: .utf8) == "keep")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                OutputRecord.fileName, "previous.txt",
            ])
    }

    @Test("diff reports nothing for a fresh synth and names changed blocks otherwise")
    func diff() async throws {
        let dir = try ExternalTools.temporaryDirectory("cli")
        let out = dir.appendingPathComponent("infra.out")
        try await run(SampleInfra.self, ["synth", "--output", out.path])
        try await run(SampleInfra.self, ["diff", out.path, "--detailed-exitcode"])
        let main = out.appendingPathComponent("terraform/dev/main.tf.json")
        let edited = try String(contentsOf: main, encoding: .utf8).replacingOccurrences(
            of: "ops@example.com", with: "x@example.com")
        try edited.write(to: main, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(2)) {
            try await run(SampleInfra.self, ["diff", out.path, "--detailed-exitcode"])
        }
    }

    @Test("check fails on definition errors")
    func check() async throws {
        await #expect(throws: ExitCode.failure) { try await run(BrokenInfra.self, ["check"]) }
    }

    @Test("check lists every escape hatch with its component path")
    func checkListsEscapeHatches() async throws {
        let notes = CheckCommand<SampleInfra>.escapeHatchNotes(in: SampleInfra().body)
        #expect(
            notes.map { "\($0.severity) \($0.path)" } == [
                "note dev/aws_sns_topic.alerts", "note dev/aws_sns_topic_subscription.ops",
                "note prod/aws_sns_topic.alerts",
            ])
        #expect(notes.allSatisfy { $0.message.hasPrefix("escape hatch: untyped Resource") })
        // Notes are not failures: check passes a definition that uses escape hatches.
        try await run(SampleInfra.self, ["check"])
    }

    @Test("every subcommand has help")
    func help() {
        for name in ["synth", "list", "check", "graph", "diff", "sign"] {
            let text = InfrastructureCLI<SampleInfra>.helpMessage(
                for: InfrastructureCLI<SampleInfra>.self, columns: 100)
            #expect(text.contains(name))
        }
        #expect(InfrastructureCLI<SampleInfra>.helpMessage().contains("USAGE: sample-infra <subcommand>"))
    }
}

@Suite("Dependency graph")
struct GraphTests {
    func graph() -> DependencyGraph {
        let result = SampleInfra().body.synthesize()
        return DependencyGraph(inventory: result.inventory, edges: result.edges)
    }

    @Test("DOT and Mermaid show each folder as a cluster and each reference as an edge")
    func render() {
        let dot = graph().dot()
        #expect(
            dot.contains(#""terraform/dev/aws_sns_topic_subscription.ops" -> "terraform/dev/aws_sns_topic.alerts";"#))
        #expect(dot.contains(#"label="terraform/prod";"#))
        let mermaid = graph().mermaid()
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.contains("-->"))
    }

    @Test("graphviz accepts the DOT output")
    func graphviz() throws {
        let path = ExternalTools.which("dot")
        guard ExternalTools.require("graphviz dot", at: path), let dot = path else { return }
        let out = try ExternalTools.run(dot, ["-Tsvg"], stdin: graph().dot())
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("<svg"))
    }
}
