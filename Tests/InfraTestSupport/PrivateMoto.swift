// A moto server private to one test: ../shared/tools/aws-local with a state folder of the test's
// own, so tests never share an endpoint (and its state) with each other.

import Foundation

/// A private moto server, its endpoint, and a way to stop it.
public struct PrivateMoto: Sendable {
    /// `aws-local`.
    public var tool: String
    /// The state folder (pid, port and log of this server).
    public var state: URL
    /// `http://127.0.0.1:<port>`.
    public var endpoint: String

    /// What `aws-local` printed when a command failed.
    public struct CommandFailure: Error, CustomStringConvertible {
        /// Its output.
        public var description: String
    }

    /// A server as stated (to stop one started elsewhere: ``stop()`` needs only the tool and the state).
    public init(tool: String, state: URL, endpoint: String) {
        self.tool = tool
        self.state = state
        self.endpoint = endpoint
    }

    /// Starts a server with its state in `state`.
    public static func start(tool: String, state: URL) throws -> PrivateMoto {
        let started = try exports(tool, ["start"], state: state)
        guard let endpoint = started["AWS_ENDPOINT_URL"] else {
            throw CommandFailure(description: "aws-local start printed no endpoint")
        }
        return PrivateMoto(tool: tool, state: state, endpoint: endpoint)
    }

    /// Runs `aws-local <arguments> --export` on this server (`make-key`, `auth-on`) and returns the
    /// variables it printed as `export NAME=value` lines.
    public func exports(_ arguments: [String]) throws -> [String: String] {
        try Self.exports(tool, arguments, state: state)
    }

    /// Runs `tool <arguments> --export --state-dir <state>` and parses its `export NAME=value` lines
    /// (quotes around a value dropped).
    private static func exports(_ tool: String, _ arguments: [String], state: URL) throws -> [String: String] {
        let out = try ExternalTools.run(tool, arguments + ["--export", "--state-dir", state.path])
        guard out.status == 0 else {
            let command = arguments.joined(separator: " ")
            throw CommandFailure(description: "aws-local \(command) exited \(out.status): \(out.stdout)\(out.stderr)")
        }
        var values: [String: String] = [:]
        for line in out.stdout.split(whereSeparator: \.isNewline) {
            var text = Substring(line)
            if text.hasPrefix("export ") { text = text.dropFirst("export ".count) }
            guard let equals = text.firstIndex(of: "=") else { continue }
            values[String(text[..<equals])] = text[text.index(after: equals)...]
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        }
        return values
    }

    /// Stops the server and removes its state files.
    public func stop() { _ = try? ExternalTools.run(tool, ["stop", "--state-dir", state.path]) }
}
