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

    /// What `aws-local start` printed when it did not start a server.
    public struct StartFailure: Error, CustomStringConvertible {
        /// Its output.
        public var description: String
    }

    /// Starts a server with its state in `state`.
    public static func start(tool: String, state: URL) throws -> PrivateMoto {
        let out = try ExternalTools.run(tool, ["start", "--export", "--state-dir", state.path])
        guard out.status == 0,
            let line = out.stdout.split(separator: "\n").first(where: { $0.contains("AWS_ENDPOINT_URL=") }),
            let value = line.split(separator: "=", maxSplits: 1).last
        else { throw StartFailure(description: "aws-local start failed: \(out.stdout)\(out.stderr)") }
        return PrivateMoto(
            tool: tool, state: state, endpoint: value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
    }

    /// Stops the server and removes its state files.
    public func stop() { _ = try? ExternalTools.run(tool, ["stop", "--state-dir", state.path]) }
}
