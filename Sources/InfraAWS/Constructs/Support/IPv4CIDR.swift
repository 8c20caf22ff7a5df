// IPv4 CIDR arithmetic for constructs: parsing, containment, overlap and carving a VPC
// range into subnets. Constructs use it to refuse bad address plans (a subnet outside its
// VPC, overlapping peered VPCs) before anything is synthesized.

/// An IPv4 network in CIDR notation, e.g. `10.0.0.0/16`.
///
/// ```swift
/// let vpc = IPv4CIDR("10.0.0.0/16")!
/// vpc.contains(IPv4CIDR("10.0.4.0/22")!)        // true
/// vpc.carve([19, 19, 22])                       // 10.0.0.0/19, 10.0.32.0/19, 10.0.64.0/22
/// ```
public struct IPv4CIDR: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The network address as a 32-bit number (host bits are zero).
    public var address: UInt32
    /// The prefix length, 0…32.
    public var prefixLength: Int

    /// Parses `a.b.c.d/n`; `nil` when malformed or when host bits are set (`10.0.0.1/16`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), (0...32).contains(length),
            parts[1].allSatisfy(\.isASCII)
        else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = UInt32(octet), number <= 255
            else { return nil }
            value = value << 8 | number
        }
        let network = IPv4CIDR(address: value, prefixLength: length)
        guard network.address == value else { return nil }
        self = network
    }

    /// A network from an address and prefix length; host bits are cleared.
    public init(address: UInt32, prefixLength: Int) {
        let length = min(max(prefixLength, 0), 32)
        self.prefixLength = length
        self.address = address & IPv4CIDR.mask(length)
    }

    /// The netmask of a prefix length as a 32-bit number.
    static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }

    /// The number of addresses in the network.
    public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

    /// The last address of the network.
    public var lastAddress: UInt32 { address | ~IPv4CIDR.mask(prefixLength) }

    /// Whether `other` lies entirely inside this network.
    public func contains(_ other: IPv4CIDR) -> Bool {
        other.prefixLength >= prefixLength && (other.address & IPv4CIDR.mask(prefixLength)) == address
    }

    /// Whether the two networks share at least one address.
    public func overlaps(_ other: IPv4CIDR) -> Bool {
        contains(other) || other.contains(self)
    }

    /// Splits the network into consecutive, aligned subnets of the given prefix lengths, in
    /// order; `nil` when they do not fit or a length is shorter than the network's own.
    public func carve(_ lengths: [Int]) -> [IPv4CIDR]? {
        var next = UInt64(address)
        let end = UInt64(address) + size
        var result: [IPv4CIDR] = []
        for length in lengths {
            guard length >= prefixLength, length <= 32 else { return nil }
            let blockSize = UInt64(1) << UInt64(32 - length)
            let start = (next + blockSize - 1) / blockSize * blockSize
            guard start + blockSize <= end else { return nil }
            result.append(IPv4CIDR(address: UInt32(start), prefixLength: length))
            next = start + blockSize
        }
        return result
    }

    /// `10.0.0.0/16`.
    public var description: String {
        let octets = [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xFF) }
        return octets.joined(separator: ".") + "/\(prefixLength)"
    }

    /// Orders by address, then by prefix length.
    public static func < (lhs: IPv4CIDR, rhs: IPv4CIDR) -> Bool {
        (lhs.address, lhs.prefixLength) < (rhs.address, rhs.prefixLength)
    }
}
