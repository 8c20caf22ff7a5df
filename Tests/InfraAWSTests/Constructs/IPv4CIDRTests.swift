// CIDR arithmetic used by the constructs' address-plan checks.

import InfraAWS
import Testing

@Suite("IPv4 CIDR arithmetic")
struct IPv4CIDRTests {
    @Test(
        "well-formed networks parse and print back",
        arguments: ["10.0.0.0/16", "0.0.0.0/0", "192.168.1.128/25", "10.30.96.0/24"])
    func parsesAndPrints(text: String) throws {
        let cidr = try #require(IPv4CIDR(text))
        #expect(cidr.description == text)
    }

    @Test(
        "malformed networks and set host bits are refused",
        arguments: [
            "10.0.0.0", "10.0.0.0/33", "10.0.0/16", "256.0.0.0/8", "10.0.0.1/16", "a.b.c.d/8", "10.0.0.0/-1", "",
            "10..0.0/16",
        ])
    func refusesMalformed(text: String) {
        #expect(IPv4CIDR(text) == nil)
    }

    @Test("containment is by prefix")
    func containment() throws {
        let vpc = try #require(IPv4CIDR("10.10.0.0/16"))
        #expect(vpc.contains(try #require(IPv4CIDR("10.10.32.0/19"))))
        #expect(!vpc.contains(try #require(IPv4CIDR("10.11.0.0/24"))))
        #expect(!vpc.contains(try #require(IPv4CIDR("10.0.0.0/8"))))
    }

    @Test("overlap is symmetric and includes nesting")
    func overlap() throws {
        let a = try #require(IPv4CIDR("10.0.0.0/8"))
        let b = try #require(IPv4CIDR("10.30.0.0/16"))
        let c = try #require(IPv4CIDR("172.16.0.0/12"))
        #expect(a.overlaps(b) && b.overlaps(a))
        #expect(!a.overlaps(c) && !c.overlaps(a))
    }

    @Test("carving aligns each block and stops when the range is full")
    func carving() throws {
        let vpc = try #require(IPv4CIDR("10.0.0.0/16"))
        let carved = try #require(vpc.carve([19, 22, 19]))
        #expect(carved.map(\.description) == ["10.0.0.0/19", "10.0.32.0/22", "10.0.64.0/19"])
        #expect(vpc.carve(Array(repeating: 18, count: 5)) == nil)
        #expect(vpc.carve([15]) == nil)
    }
}
