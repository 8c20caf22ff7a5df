// Asking the person at the terminal for an MFA code, as the AWS CLI does for an assume-role profile with
// `mfa_serial`. Only when standard input is a terminal (never for kubectl's exec plugin or CI); the read blocks, so
// it runs on a Dispatch thread rather than a thread of the cooperative pool.

import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prompts on the terminal.
enum TerminalPrompt {
    /// The MFA prompt when standard input and standard error are terminals, else `nil` (an MFA profile is then a
    /// clear error instead of a hang).
    static var mfaCode: (@Sendable (String) async throws -> String)? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return nil }
        return { serial in
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    FileHandle.standardError.write(Data("Enter MFA code for \(serial): ".utf8))
                    guard let line = readLine() else {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    continuation.resume(returning: line)
                }
            }
        }
    }
}
