// One decoded case of the signing contract as byte spans into the decoder's input: what the batch signer
// signs without building a `String` per field. `signingCase` lifts it to the public `SigningCase`.

import InfraSigV4

/// A contract case as the signer's raw inputs plus the secret key; the spans are valid only while the decoder
/// hands the case over.
struct RawSigningCase {
    /// The request, credentials (without the secret), scope, time and options.
    var request: RawSigningRequest
    /// The secret access key.
    var secretAccessKey: UnsafeBufferPointer<UInt8>
    /// The parsed signing time.
    var time: SigV4Timestamp

    /// The same case with every field copied into `String`s (the public batch API).
    var signingCase: SigningCase {
        func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        let payload: SigV4Payload
        switch request.payload {
        case .bytes(let bytes): payload = .bytes(Array(bytes))
        case .precomputedHash(let hash): payload = .precomputedHash(string(hash))
        case .unsigned: payload = .unsigned
        }
        return SigningCase(
            request: SigV4Request(
                method: string(request.method), path: string(request.path), query: string(request.query),
                headers: request.headers.map { SigV4Header(string($0.name), string($0.value)) }, payload: payload),
            credentials: SigV4Credentials(
                accessKeyId: string(request.accessKeyId), secretAccessKey: string(secretAccessKey),
                sessionToken: request.sessionToken.map(string)),
            region: string(request.region), service: string(request.service), time: time, options: request.options)
    }
}
