// sigv4-bench: signs every request of a signing-contract file (`shared/testdata/sigv4/README.md` format, a JSON
// array) as one whole process and prints one hex signature per line, so `sigv4-compare.sh` can time it beside
// botocore on the same file and check that both produce identical signatures.
//
//   sigv4-bench FILE                 parse, sign (signing keys cached per scope, as the AWS SDKs do), print
//                                    (`SigningContract.appendSignatures`: signs from the input bytes)
//   sigv4-bench --derive-each FILE   the same, deriving the signing key afresh for every request (as botocore)
//   sigv4-bench --parallel FILE      the same as the first, on one thread per core: the batch is split into parts
//                                    of whole cases (`SigningContract.batchParts`), outputs joined in order
//   sigv4-bench --contract FILE      `SigningContract.run`, exactly what `infra-manifest sign --batch` does: the
//                                    full contract JSON (canonical request, string to sign, signature, …) out
//
// Plain libc I/O (no Foundation), because process start-up and reading the file are part of what is timed.

import Dispatch
import InfraSigningContract

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `bytes` to the file descriptor `fd`.
func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written: Int = write(fd, base + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Writes `message` and a newline to standard error.
func complain(_ message: String) {
    writeAll(Array((message + "\n").utf8), to: 2)
}

/// The whole contents of the file at `path` (one read into a buffer of the file's size), or `nil`.
func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) {
        (buffer: inout UnsafeMutableBufferPointer<UInt8>, count: inout Int) in
        guard let base = buffer.baseAddress else { return }
        while count < size {
            let got: Int = read(fd, UnsafeMutableRawPointer(base + count), size - count)
            if got <= 0 {
                failed = got < 0
                return
            }
            count += got
        }
    }
    return failed ? nil : bytes
}

/// Calls `body` with the file at `path` mapped read-only (pages populated up front), then unmaps it.
func mapFile<Result>(
    _ path: String, _ body: (UnsafeRawBufferPointer) throws(SigningContractError) -> Result
) throws(SigningContractError) -> Result {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw SigningContractError("cannot open \(path)") }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw SigningContractError("cannot stat \(path)") }
    let size = Int(status.st_size)
    guard size > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), address != MAP_FAILED
    else { throw SigningContractError("cannot map \(path)") }
    defer { munmap(address, size) }
    return try body(UnsafeRawBufferPointer(start: address, count: size))
}

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.count == 2 ? arguments.removeFirst() : ""
guard arguments.count == 1, ["", "--derive-each", "--contract", "--parallel"].contains(mode) else {
    complain(
        "usage: sigv4-bench [--derive-each | --contract | --parallel] FILE   (a JSON array of signing-contract cases)")
    exit(2)
}
if mode == "--contract" {
    guard let input = readFile(arguments[0]) else {
        complain("sigv4-bench: cannot read \(arguments[0])")
        exit(1)
    }
    do {
        writeAll(try SigningContract.run(input: input, batch: true), to: 1)
    } catch {
        complain("sigv4-bench: \(error.message)")
        exit(1)
    }
    exit(0)
}
// The signing runs sign straight from the mapped file, each case as soon as it is decoded, with no `String`
// per field (`SigningContract.appendSignatures`); the contract run above reads the bytes into an array, as
// `infra-manifest sign --batch` reads stdin into one.
/// What the signing threads share: the mapped input (read only) and one output and error slot per part, each
/// written by its own thread only (hence `@unchecked Sendable`).
struct SharedParts: @unchecked Sendable {
    let input: UnsafeRawBufferPointer
    let parts: [Range<Int>]
    let outputs: UnsafeMutableBufferPointer<[UInt8]>
    let errors: UnsafeMutableBufferPointer<SigningContractError?>
}

/// Signs the parts of `bytes` on one thread each and returns their outputs in order.
func signInParallel(_ bytes: UnsafeRawBufferPointer) throws(SigningContractError) -> [UInt8] {
    let parts = try SigningContract.batchParts(of: bytes, count: max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let shared = SharedParts(
        input: bytes, parts: parts, outputs: .allocate(capacity: parts.count), errors: .allocate(capacity: parts.count))
    shared.outputs.initialize(repeating: [])
    shared.errors.initialize(repeating: nil)
    defer {
        shared.outputs.deinitialize().deallocate()
        shared.errors.deinitialize().deallocate()
    }
    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
        var output = [UInt8]()
        output.reserveCapacity(1 << 20)
        do throws(SigningContractError) {
            let part = UnsafeRawBufferPointer(rebasing: shared.input[shared.parts[index]])
            try SigningContract.appendSignatures(of: part, to: &output)
        } catch {
            shared.errors[index] = error
        }
        shared.outputs[index] = output
    }
    if let error = shared.errors.lazy.compactMap({ $0 }).first { throw error }
    return shared.outputs.flatMap { $0 }
}

var output = [UInt8]()
output.reserveCapacity(1 << 20)
do {
    try mapFile(arguments[0]) { (bytes: UnsafeRawBufferPointer) throws(SigningContractError) in
        if mode == "--parallel" {
            output = try signInParallel(bytes)
        } else {
            try SigningContract.appendSignatures(of: bytes, to: &output, reuseSigningKeys: mode != "--derive-each")
        }
    }
} catch {
    complain("sigv4-bench: \(error.message)")
    exit(1)
}
writeAll(output, to: 1)
