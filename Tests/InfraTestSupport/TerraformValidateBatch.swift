// One `terraform validate` for the roots of many tests. Each validation of a root on its own
// (`tf-validate`: init, then validate) starts terraform and the AWS provider, which loads its
// schema: about 3 CPU-seconds before any work, 17 times a run. Tests register their roots as the
// run is planned (`.validatedTogether`); the first test to ask validates all of them at once: a
// root that calls every registered root as a module, read in place. Roots with `import` blocks
// (allowed in a root module only) go through `tf-validate` on their own, and so does every root
// when the batch finds a problem, so a failure names its root exactly as before.

import Foundation
import InfraHCL
import Testing

/// Validates the registered roots of many tests together; see ``Trait/validatedTogether(_:_:)``.
public final class TerraformValidateBatch: @unchecked Sendable {
    /// The batch of the test run.
    public static let shared = TerraformValidateBatch()

    /// Whether a test's roots are valid, and what the validator printed.
    public struct Outcome: Sendable {
        /// `true` when every root is valid (warnings allowed, as `tf-validate` does).
        public var valid: Bool
        /// What `terraform validate` or `tf-validate` printed (only when something failed).
        public var output: String
        /// Whether every root was validated together with the others (none on its own).
        public var together: Bool = false
    }

    /// Writes a test's roots into the folder it is given (removed after validation) and returns
    /// the roots' folders.
    public typealias Roots = @Sendable (URL) throws -> [URL]

    /// Writes `files` under `folder` and returns the folders of `roots` (paths relative to it): the
    /// usual body of a ``Roots`` closure.
    public static func write(
        _ files: [(path: String, bytes: [UInt8])], to folder: URL, roots: [String]
    ) throws -> [URL] {
        try ExternalTools.write(files, to: folder)
        return roots.map { folder.appendingPathComponent($0) }
    }

    /// An empty batch (tests use ``shared``).
    public init() {}

    private let lock = NSLock()
    private var requests: [(key: String, roots: Roots)] = []
    private var work: HeadStartWork<[String: Result<Outcome, any Error>]>?

    /// What a key asked for that is not registered.
    struct Unregistered: Error, CustomStringConvertible {
        var key: String
        var description: String { "no roots are registered under \(key) (.validatedTogether)" }
    }

    /// Registers `roots` under `key` (once; a second registration of the key is ignored).
    public func register(_ key: String, roots: @escaping Roots) {
        lock.lock()
        defer { lock.unlock() }
        guard !requests.contains(where: { $0.key == key }) else { return }
        requests.append((key, roots))
    }

    /// The outcome for `key`: the first call validates every root registered so far, together. A
    /// key registered after that is validated on its own when it asks.
    public func outcome(_ key: String) async throws -> Outcome {
        let (batch, request) = started(key)
        if let result = try await batch.value.get()[key] { return try result.get() }
        guard let request else { throw Unregistered(key: key) }
        guard let result = Self.validate([request])[key] else { throw Unregistered(key: key) }
        return try result.get()
    }

    /// Checks `key`'s roots as a test does: records a failure with terraform's output unless every
    /// root is valid. Without terraform or tf-validate the check is skipped (a recorded failure in
    /// CI, as ``ExternalTools/terraform()`` and ``ExternalTools/sharedTool(_:)`` record it).
    public func expectValid(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard ExternalTools.sharedTool("tf-validate") != nil, ExternalTools.terraform() != nil else { return }
        let outcome = try await outcome(key)
        #expect(outcome.valid, "terraform validate failed:\n\(outcome.output)", sourceLocation: sourceLocation)
    }

    /// The batch of every root registered so far (created on the first call), and `key`'s request.
    private func started(
        _ key: String
    ) -> (HeadStartWork<[String: Result<Outcome, any Error>]>, (key: String, roots: Roots)?) {
        lock.lock()
        defer { lock.unlock() }
        let registered = requests
        let batch = work ?? HeadStartWork { Self.validate(registered) }
        work = batch
        return (batch, requests.first { $0.key == key })
    }

    // MARK: - Validation

    static func validate(_ requests: [(key: String, roots: Roots)]) -> [String: Result<Outcome, any Error>] {
        var written: [String: [URL]] = [:]
        var results: [String: Result<Outcome, any Error>] = [:]
        var folders: [URL] = []
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        for request in requests {
            do {
                let folder = try ExternalTools.temporaryDirectory("validate-roots")
                folders.append(folder)
                written[request.key] = try request.roots(folder)
            } catch {
                results[request.key] = .failure(error)
            }
        }
        // Each root's files are read once, for its import blocks and its required variables. Roots
        // with import blocks cannot be modules; they, and every root when the batch fails (or a
        // root cannot be read), go through tf-validate on their own.
        let declarations = Dictionary(
            written.values.flatMap { $0 }.map { root in (root, Result { try RootDeclarations(reading: root) }) },
            uniquingKeysWith: { first, _ in first })
        let importing = Set(declarations.filter { (try? $0.value.get().hasImportBlocks) == true }.keys)
        let batchable = written.values.flatMap { $0 }.filter { !importing.contains($0) }
        let together = { try batchable.map { ($0, try declarations[$0]?.get().requiredVariables ?? []) } }
        let batchPassed = !batchable.isEmpty && (try? validateTogether(together())) == true
        for (key, roots) in written where results[key] == nil {
            let alone = roots.filter { !batchPassed || importing.contains($0) }
            results[key] = Result {
                var outcome = alone.isEmpty ? Outcome(valid: true, output: "") : try validateEach(alone)
                outcome.together = alone.isEmpty
                return outcome
            }
        }
        return results
    }

    /// `terraform init` and `validate` of one root that calls every root as a module: `true` when
    /// terraform reports no error. Each root's variables without a default (`required`) get an
    /// unknown value, as they have when a root is validated on its own.
    static func validateTogether(_ roots: [(root: URL, required: [String])]) throws -> Bool {
        guard let terraform = ExternalTools.terraformPath else { return false }
        let directory = try ExternalTools.temporaryDirectory("validate-together")
        defer { try? FileManager.default.removeItem(at: directory) }
        var modules: [String: Any] = [:]
        for (index, (root, required)) in roots.enumerated() {
            var call: [String: Any] = ["source": relativeSource(from: directory, to: root)]
            for name in required { call[name] = "${terraform_data.unknown.output}" }
            modules["root\(index)"] = call
        }
        let configuration: [String: Any] = [
            "resource": ["terraform_data": ["unknown": [String: Any]()]], "module": modules,
        ]
        try JSONSerialization.data(withJSONObject: configuration, options: [.sortedKeys]).write(
            to: directory.appendingPathComponent("main.tf.json"))
        let pluginDirectory = ProcessInfo.processInfo.environment["TF_PLUGIN_DIR"] ?? "/opt/tf-plugins"
        let environment = ["TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"]
        let initialized = try ExternalTools.run(
            terraform, ["init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=\(pluginDirectory)"],
            in: directory, environment: environment)
        guard initialized.status == 0 else { return false }
        let validated = try ExternalTools.run(
            terraform, ["validate", "-json", "-no-color"], in: directory, environment: environment)
        let report = (try? JSONSerialization.jsonObject(with: Data(validated.stdout.utf8))) as? [String: Any]
        return validated.status == 0 && report?["error_count"] as? Int == 0
    }

    /// `tf-validate` of each root on its own.
    static func validateEach(_ roots: [URL]) throws -> Outcome {
        guard let tool = ExternalTools.sharedToolPath("tf-validate") else {
            return Outcome(valid: false, output: "tf-validate not found")
        }
        let output = try ExternalTools.run(tool, roots.map(\.path))
        return Outcome(valid: output.status == 0, output: output.status == 0 ? "" : output.stdout + output.stderr)
    }

    /// A module source from `directory` to `root`: a relative path, as terraform requires.
    static func relativeSource(from directory: URL, to root: URL) -> String {
        let from = directory.standardizedFileURL.pathComponents
        let to = root.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        let path = Array(repeating: "..", count: from.count - common) + to.dropFirst(common)
        return path.first == ".." ? path.joined(separator: "/") : "./" + path.joined(separator: "/")
    }
}

/// What a root declares that decides how it is validated, read once from its `.tf.json` and `.tf`
/// files: whether it has `import` blocks (allowed in a root module only) and the names of its
/// variables without a default.
struct RootDeclarations {
    /// Whether any file has an `import` block.
    var hasImportBlocks = false
    /// The variables without a default, in file order.
    var requiredVariables: [String] = []

    /// Reads the root's files; throws when one cannot be read or is not JSON.
    init(reading root: URL) throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let url = root.appendingPathComponent(file)
            if file.hasSuffix(".tf.json") {
                let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
                hasImportBlocks = hasImportBlocks || document?["import"] != nil
                for (name, body) in document?["variable"] as? [String: Any] ?? [:]
                where (body as? [String: Any])?["default"] == nil {
                    requiredVariables.append(name)
                }
            } else if file.hasSuffix(".tf") {
                let blocks = HCLParser.parse(try String(contentsOf: url, encoding: .utf8), file: file).body.blocks
                hasImportBlocks = hasImportBlocks || blocks.contains { $0.type == "import" }
                for block in blocks where block.type == "variable" && block.body[attribute: "default"] == nil {
                    requiredVariables += block.labels.prefix(1)
                }
            }
        }
    }
}

/// Registers a test's roots with ``TerraformValidateBatch/shared`` as the run is planned.
public struct ValidatedTogetherTrait: TestTrait {
    let key: String
    let roots: TerraformValidateBatch.Roots

    /// Registers the roots.
    public func prepare(for test: Test) async throws {
        TerraformValidateBatch.shared.register(key, roots: roots)
    }
}

extension Trait where Self == ValidatedTogetherTrait {
    /// Validates the roots `roots` writes together with every other test's, in one `terraform
    /// validate`; the test checks them with ``TerraformValidateBatch/expectValid(_:sourceLocation:)``
    /// (or reads ``TerraformValidateBatch/outcome(_:)``).
    ///
    /// ```swift
    /// static let roots: TerraformValidateBatch.Roots = { folder in try Curated.write(into: folder) }
    ///
    /// @Test(.validatedTogether("curated", roots))
    /// func validates() async throws {
    ///     try await TerraformValidateBatch.shared.expectValid("curated")
    /// }
    /// ```
    public static func validatedTogether(
        _ key: String, _ roots: @escaping TerraformValidateBatch.Roots
    ) -> Self {
        ValidatedTogetherTrait(key: key, roots: roots)
    }
}
