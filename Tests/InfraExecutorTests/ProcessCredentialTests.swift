// credential_process as the AWS CLI runs it: the command split like a shell splits words, the JSON read with the
// CLI's rules (Version 1, required keys, Expiration), failures carrying the program's stderr — and, beyond the CLI,
// a time limit, an output limit, cancellation, and no cooperative thread blocked while the program runs.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The time limit guards against a hang, not a speed: other suites' external programs (terraform,
// swift build) can hold the cooperative pool's two threads here for minutes.
@Suite("credential_process", .timeLimit(.minutes(10)))
struct ProcessCredentialTests {
    let directory: URL

    init() throws { directory = try ExternalTools.temporaryDirectory("infra-exec") }

    func script(_ name: String, _ body: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    func context() -> CredentialContext {
        CredentialContext(
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            transport: InMemoryTransport { _ in throw TransportError(message: "offline") })
    }

    static let good =
        "{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"procsecret\", \"SessionToken\": \"tok\", \"Expiration\": \"2099-01-01T00:00:00Z\"}"

    @Test("the command line is split like shell words, with quotes and backslashes")
    func split() throws {
        #expect(
            try ProcessCredentialProvider.split(#"/bin/tool --name 'a b' "c \"d\" $x" e\ f ''"#)
                == ["/bin/tool", "--name", "a b", "c \"d\" $x", "e f", ""])
        #expect(throws: CredentialError.self) { try ProcessCredentialProvider.split("tool 'open") }
        #expect(throws: CredentialError.self) { try ProcessCredentialProvider.split("tool \"open") }
    }

    @Test("a program on PATH with quoted arguments prints Version 1 JSON")
    func runsOnPath() async throws {
        let tool = try script("print-creds", "[ \"$1\" = 'two words' ] || exit 3\necho '\(Self.good)'")
        var environment = context().environment
        environment["PATH"] = directory.path + ":" + (environment["PATH"] ?? "")
        let credentials = try await ProcessCredentialProvider(command: "print-creds 'two words'").resolve(
            CredentialContext(environment: environment, transport: InMemoryTransport { _ in HTTPResponse(status: 500) })
        )
        #expect(credentials?.accessKeyId == "PROCKEY")
        #expect(credentials?.sessionToken == "tok")
        #expect(credentials?.expiration == ISO8601Reference.date("2099-01-01T00:00:00Z"))
        _ = tool
    }

    static let badOutputs: [(String, String)] = [
        ("{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}", "Version"),
        ("{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}", "Version"),
        ("{\"Version\": \"1\", \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}", "Version"),
        ("{\"Version\": 1, \"AccessKeyId\": \"A\"}", "SecretAccessKey"),
        ("{\"Version\": 1, \"SecretAccessKey\": \"S\"}", "AccessKeyId"),
        (
            "{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", \"Expiration\": \"tomorrow\"}",
            "Expiration"
        ),
        (
            "{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", \"Expiration\": \"2001-01-01T00:00:00Z\"}",
            "expired"
        ),
        ("not json", "JSON"), ("[1]", "JSON"),
    ]

    @Test("output the AWS CLI would reject is an error that says why", arguments: badOutputs)
    func badOutput(output: String, reason: String) async throws {
        let tool = try script("bad", "cat <<'EOF'\n\(output)\nEOF")
        do {
            _ = try await ProcessCredentialProvider(command: tool).resolve(context())
            Issue.record("must be refused")
        } catch let error as CredentialError {
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(!error.message.contains("\"S\""))
        }
    }

    @Test("a failing program's exit status and standard error are in the message")
    func failureCarriesStderr() async throws {
        let tool = try script("fails", "echo 'token expired, run vault login' >&2\nexit 7")
        do {
            _ = try await ProcessCredentialProvider(command: tool).resolve(context())
            Issue.record("must fail")
        } catch let error as CredentialError {
            #expect(error.message.contains("status 7"))
            #expect(error.message.contains("token expired, run vault login"))
        }
    }

    @Test("a program that runs past the time limit is stopped and reported")
    func timeLimit() async throws {
        let pidFile = directory.appendingPathComponent("pid").path
        let tool = try script("slow", "echo $$ > '\(pidFile)'\nexec sleep 30")
        do {
            _ = try await ProcessCredentialProvider(command: tool, timeout: .seconds(2)).resolve(context())
            Issue.record("must time out")
        } catch let error as CredentialError {
            #expect(error.message.contains("did not finish"))
        }
        let pid = try #require(
            Int32(
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        try await eventually { kill(pid, 0) != 0 }
    }

    @Test("a program that prints without end is stopped at 1 MiB")
    func outputLimit() async throws {
        let tool = try script("chatty", "exec yes credentials")
        await #expect(throws: CredentialError.self) {
            _ = try await ProcessCredentialProvider(command: tool).resolve(context())
        }
    }

    @Test("cancelling the task stops the program")
    func cancellation() async throws {
        let pidFile = directory.appendingPathComponent("pid").path
        let tool = try script("waits", "echo $$ > '\(pidFile)'\nexec sleep 30")
        let context = context()
        let task = Task { try await ProcessCredentialProvider(command: tool).resolve(context) }
        try await eventually { FileManager.default.fileExists(atPath: pidFile) }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        let pid = try #require(
            Int32(
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        try await eventually { kill(pid, 0) != 0 }
    }

    @Test("eight programs waiting at once leave the cooperative pool free to release them")
    func doesNotBlockThePool() async throws {
        let release = directory.appendingPathComponent("release").path
        let started = directory.appendingPathComponent("started")
        try FileManager.default.createDirectory(at: started, withIntermediateDirectories: true)
        let tool = try script(
            "gate", "touch '\(started.path)'/$$\nwhile [ ! -f '\(release)' ]; do sleep 0.02; done\necho '\(Self.good)'")
        // Off the pool: were the eight waits blocking the pool's threads (2 here), nothing on the pool could release
        // them; this watchdog then does, after 240 s, so the test fails below instead of hanging. (Long, because
        // other suites' external programs may hold the pool for a while on a loaded machine.)
        let watchdog = DispatchWorkItem { _ = FileManager.default.createFile(atPath: release, contents: Data()) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 240, execute: watchdog)
        let context = context()
        let releasedFromThePool = LockedValue(false)
        let keys = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 {
                group.addTask { try await ProcessCredentialProvider(command: tool).resolve(context)?.accessKeyId }
            }
            try await eventually {
                ((try? FileManager.default.contentsOfDirectory(atPath: started.path)) ?? []).count == 8
            }
            releasedFromThePool.set(!FileManager.default.fileExists(atPath: release))
            _ = FileManager.default.createFile(atPath: release, contents: Data())
            var keys = [String?]()
            for try await key in group { keys.append(key) }
            return keys
        }
        watchdog.cancel()
        #expect(releasedFromThePool.value, "the pool was free while all eight programs ran")
        #expect(keys == Array(repeating: "PROCKEY", count: 8))
    }
}

/// Dates for expectations, parsed independently of the code under test.
enum ISO8601Reference {
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)
    }
}
