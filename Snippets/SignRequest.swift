// Sign an S3 GET with InfraSigV4 — a pure function, no network, no credentials lookup — using the
// inputs of the worked example in the AWS S3 SigV4 documentation, and print the Authorization header
// (and the same request as a presigned URL).
//
// Run: swift run SignRequest

// snippet.hide
import Foundation
import InfraSigV4

// snippet.show
// The documented example keys; real code gets credentials from InfraExecutor's credential chain.
let credentials = SigV4Credentials(
    accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

let request = SigV4Request(
    method: "GET", path: "/test.txt",
    headers: [SigV4Header("Host", "examplebucket.s3.amazonaws.com"), SigV4Header("Range", "bytes=0-9")])

guard let time = SigV4Timestamp(amzDate: "20130524T000000Z") else {
    print("not an x-amz-date timestamp")
    exit(1)
}

// S3's rules: the path is not normalised or encoded twice, and x-amz-content-sha256 is signed.
let signed = SigV4.sign(
    request, credentials: credentials, region: "us-east-1", service: "s3", time: time, options: .s3)

print("Authorization: \(signed.authorization ?? "")")
// snippet.hide

print("\nHeaders to add to the request:")
for header in signed.headers { print("  \(header.name): \(header.value)") }
print("\nCanonical request:\n\(signed.canonicalRequest)")
print("\nString to sign:\n\(signed.stringToSign)")

// The signature AWS documents for this request.
let documented = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
print("\nmatches the AWS documentation: \(signed.signature == documented)")

// The same object as a presigned URL, valid for a day.
var presign = SigV4Options.s3
presign.mode = .query(expiresIn: 86_400)
let url = SigV4.sign(
    SigV4Request(
        method: "GET", path: "/test.txt", headers: [SigV4Header("Host", "examplebucket.s3.amazonaws.com")],
        payload: .unsigned),
    credentials: credentials, region: "us-east-1", service: "s3", time: time, options: presign)
print("\nPresigned URL:\nhttps://examplebucket.s3.amazonaws.com/test.txt?\(url.signedQuery ?? "")")
let documentedPresigned = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
print("matches the AWS documentation: \(url.signature == documentedPresigned)")
if signed.signature != documented || url.signature != documentedPresigned { exit(1) }
