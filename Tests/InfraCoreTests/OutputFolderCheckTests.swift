// Where units write is checked before anything is written: every unit's folder relative and
// normalised, every file inside its unit's folder, no two units writing one file, each problem a
// diagnostic with the unit's component path, all at once.

import InfraCore
import Testing

/// A unit that writes the given files (paths relative to the output root).
struct FixedUnit: SynthesisUnit, Hashable {
    var name: String
    var outputDirectory: String
    var files: [String]
    var componentPath: ComponentPath { ComponentPath(segments: ["envs", name]) }

    init(_ name: String, directory: String, files: [String]? = nil) {
        self.name = name
        self.outputDirectory = directory
        self.files = files ?? ["\(directory)/main.tf.json"]
    }

    func synthesize() -> SynthesisResult {
        SynthesisResult(artifacts: files.map { Artifact(path: $0, bytes: Array(name.utf8)) })
    }
}

/// A unit that depends on another (as a stack depends on the local modules it calls).
struct CallingUnit: SynthesisUnit {
    var name: String
    var module: FixedUnit
    var componentPath: ComponentPath { ComponentPath(segments: [name]) }
    var outputDirectory: String { "roots/\(name)" }
    var dependencies: [any SynthesisUnit] { [module] }
    func synthesize() -> SynthesisResult {
        SynthesisResult(artifacts: [Artifact(path: "roots/\(name)/main.tf.json", bytes: [])])
    }
}

@Suite("Output folder checks")
struct OutputFolderCheckTests {
    @Test(
        "a path inside the output folder must be relative and normalised",
        arguments: [
            ("terraform/dev", nil), ("a", nil), ("a.b/..c/...", nil), ("", OutputPathProblem.empty),
            ("/etc/infra", .absolute), ("terraform/dev/", .trailingSeparator), ("a//b", .emptySegment),
            ("./a", .currentFolderSegment), ("a/./b", .currentFolderSegment), ("a/.", .currentFolderSegment),
            ("..", .parentFolderSegment), ("../x", .parentFolderSegment), ("a/../b", .parentFolderSegment),
            ("a//../b", .parentFolderSegment), ("a\u{0}b", .controlCharacter), ("a\nb", .controlCharacter),
        ])
    func pathRules(path: String, problem: OutputPathProblem?) {
        #expect(OutputPathProblem.find(in: path) == problem)
    }

    @Test(
        "a unit folder that leaves the output folder or is not normalised is an error naming the unit",
        arguments: ["../escape", "/etc/infra", "terraform/../../x", "terraform//dev", "./dev", "dev/", ""])
    func badFolder(directory: String) throws {
        let unit = FixedUnit("dev", directory: directory, files: ["\(directory)/main.tf.json"])
        let result = Infrastructure(units: [unit]).synthesize()
        let problem = try #require(OutputPathProblem.find(in: directory))
        #expect(
            result.diagnostics.errors == [
                .error("envs/dev", "output folder \"\(directory)\" \(problem)", hint: problem.hint)
            ])
        #expect(result.artifacts.isEmpty)
    }

    @Test("every misplaced unit is reported at once, each once")
    func allAtOnce() {
        let units: [any SynthesisUnit] = [
            FixedUnit("a", directory: "../a", files: ["../a/x.json", "../a/y.json"]),
            FixedUnit("b", directory: "/abs"), FixedUnit("c", directory: "fine"),
            FixedUnit("d", directory: "d", files: ["d/../../etc/passwd", "elsewhere/x.json", "d"]),
        ]
        let result = Infrastructure(units: units).synthesize()
        #expect(
            result.diagnostics.errors.map(\.description) == [
                "error: envs/a: output folder \"../a\" has a .. segment, which leaves the folder it names or takes a detour (hint: name the folder from the output root down, e.g. terraform/modules/vpc)",
                "error: envs/b: output folder \"/abs\" is absolute (starts with /) (hint: use a path relative to the output folder, e.g. terraform/dev (choose the output folder with synth --output))",
                "error: envs/d: writes \"d/../../etc/passwd\", which has a .. segment, which leaves the folder it names or takes a detour (hint: a unit writes only inside its own output folder; check the file names given to its blocks)",
                "error: envs/d: writes \"elsewhere/x.json\", which is outside the unit's output folder d (hint: a unit writes only inside its own output folder; check the file names given to its blocks)",
                "error: envs/d: writes \"d\", which is outside the unit's output folder d (hint: a unit writes only inside its own output folder; check the file names given to its blocks)",
            ])
    }

    @Test("two units writing one file is an error naming both")
    func sameFile() {
        let result = Infrastructure(units: [
            FixedUnit("a", directory: "shared"), FixedUnit("b", directory: "shared"),
        ]).synthesize()
        #expect(
            result.diagnostics.errors.map(\.description) == [
                "error: envs/b: writes shared/main.tf.json, which envs/a writes too (hint: give each unit its own output folder)"
            ])
    }

    @Test("different units sharing a folder are all written (none is dropped)")
    func sharedFolder() {
        let result = Infrastructure(units: [
            FixedUnit("tf", directory: "dev", files: ["dev/main.tf.json"]),
            FixedUnit("k8s", directory: "dev", files: ["dev/app.yaml"]),
        ]).synthesize()
        #expect(!result.diagnostics.hasErrors)
        #expect(result.artifacts.map(\.path) == ["dev/app.yaml", "dev/main.tf.json"])
    }

    @Test("a module two units call is written once")
    func sharedModule() {
        let module = FixedUnit("vpc", directory: "modules/vpc")
        let result = Infrastructure(units: [
            CallingUnit(name: "dev", module: module), CallingUnit(name: "prod", module: module),
        ]).synthesize()
        #expect(!result.diagnostics.hasErrors)
        #expect(
            result.artifacts.map(\.path) == [
                "modules/vpc/main.tf.json", "roots/dev/main.tf.json", "roots/prod/main.tf.json",
            ])
    }
}
