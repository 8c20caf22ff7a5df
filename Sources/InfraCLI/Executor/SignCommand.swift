// `infra-manifest sign`: shows exactly how a request is signed. Reads the JSON contract of
// `shared/testdata/sigv4/README.md` on stdin and prints the canonical request, string to sign, signature and
// Authorization header / presigned query / EKS token. A thin wrapper over `InfraSigningContract.SigningContract`.

import ArgumentParser
import Foundation
import InfraSigningContract

/// The `sign` subcommand.
///
/// ```sh
/// echo '{"credentials":{…},"region":"us-east-1","service":"sts",…}' | infra-manifest sign
/// ```
public struct SignCommand: ParsableCommand {
    /// Command name and help.
    public static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a request given as JSON on stdin and print how it was signed.",
        discussion: """
            Input: one object {credentials, region, service, timestamp, request{method, path, query, headers, \
            bodyBase64}, options{mode: header|query|eks-token, normalizePath, doubleURIEncode, signedBodyHeader, \
            unsignedPayload, omitSessionToken, expiresIn}}. Output: {canonicalRequest, stringToSign, signature} plus \
            authorization (header mode), signedQuery (query, eks-token) and eksToken (eks-token). With --batch, \
            input and output are arrays in the same order. Nothing is sent over the network.
            """)

    /// Read and print JSON arrays.
    @Flag(name: .long, help: "Read a JSON array of requests and print an array of results.")
    public var batch = false

    /// Creates the command (argument parser entry).
    public init() {}

    /// Reads stdin, signs, prints JSON; exits 1 with a message on bad input.
    public func run() throws {
        let input = Array(FileHandle.standardInput.readDataToEndOfFile())
        do {
            let output = try SigningContract.run(input: input, batch: batch)
            FileHandle.standardOutput.write(Data(output))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode.failure
        }
    }
}
