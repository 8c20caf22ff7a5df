// `HostedZone`: a Route53 public zone and its records, with the checks a registrar would
// make: record names inside the zone, known types, no CNAME at the apex, values present.

import InfraCore
import InfraTerraform

/// A DNS record of a ``HostedZone``.
///
/// ```swift
/// DNSRecord("api", type: .cname, values: ["ingress.example.com"])   // api.<zone>
/// ```
public struct DNSRecord: Sendable, Hashable {
    /// Record types.
    public enum RecordType: String, Sendable, Hashable, CaseIterable {
        /// IPv4 address.
        case a = "A"
        /// IPv6 address.
        case aaaa = "AAAA"
        /// Canonical name.
        case cname = "CNAME"
        /// Text.
        case txt = "TXT"
        /// Mail exchanger.
        case mx = "MX"
        /// Certification authority authorization.
        case caa = "CAA"
    }

    /// The name relative to the zone (`""` or `@` for the apex).
    public var name: String
    /// The type.
    public var type: RecordType
    /// Time to live in seconds.
    public var ttl: Int
    /// The values.
    public var values: [Expr<String>]

    /// Creates a record.
    public init(_ name: String, type: RecordType, ttl: Int = 300, values: [Expr<String>]) {
        self.name = name
        self.type = type
        self.ttl = ttl
        self.values = values
    }

    var isApex: Bool { name.isEmpty || name == "@" }
}

/// A Route53 public hosted zone with records.
///
/// ```swift
/// HostedZone("cn", domain: "cn.omnivoltaic.com", records: [DNSRecord("api", type: .cname, values: [ingress])])
/// ```
public struct HostedZone: StackContent {
    /// The construct's name.
    public var name: String
    /// The zone's domain.
    public var domain: String
    /// The records.
    public var records: [DNSRecord]
    /// A comment on the zone.
    public var comment: String
    /// The file the resources go to (without `.tf.json`), e.g. `route53`.
    public var file: String?
    /// Tags.
    public var tags: [String: String]

    /// Creates a zone.
    public init(
        _ name: String, domain: String, records: [DNSRecord] = [], comment: String = "Managed by swift-infra",
        file: String? = nil, tags: [String: String] = [:]
    ) {
        self.name = name
        self.domain = domain
        self.records = records
        self.comment = comment
        self.file = file
        self.tags = tags
    }

    /// Whether `domain` is a syntactically valid DNS name.
    static func isValidDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && domain.count <= 253
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }

    /// The zone and its records.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var diagnostics: [Diagnostic] = []
        if !Self.isValidDomain(domain) { diagnostics.append(.error(path, "\"\(domain)\" is not a valid domain name")) }
        var seen: Set<String> = []
        for (index, record) in records.enumerated() {
            let recordPath = path.appending("record", index: index)
            let key = "\(record.name)/\(record.type.rawValue)"
            if !seen.insert(key).inserted { diagnostics.append(.error(recordPath, "record \(key) is defined twice")) }
            if record.values.isEmpty { diagnostics.append(.error(recordPath, "record \(record.name) has no values")) }
            if record.type == .cname && record.isApex {
                diagnostics.append(
                    .error(recordPath, "a CNAME cannot be at the zone apex \(domain)", hint: "use an A alias"))
            }
            if record.type == .cname && record.values.count > 1 {
                diagnostics.append(.error(recordPath, "a CNAME has exactly one value"))
            }
            if record.ttl < 0 || record.ttl > 604_800 {
                diagnostics.append(.error(recordPath, "TTL \(record.ttl) is outside 0…604800"))
            }
            let relative = record.name.replacingOccurrences(of: "*.", with: "x.").replacingOccurrences(
                of: "*", with: "x")
            if !record.isApex && !Self.isValidDomain("\(relative).\(domain)") {
                diagnostics.append(.error(recordPath, "\"\(record.name)\" is not a valid name inside \(domain)"))
            }
        }
        let n = ConstructNaming.local(name)
        var zone = AWSRoute53Zone(
            n, name: Expr(.string(domain)), comment: Expr(.string(comment)), tags: Expr(ConstructLiterals.map(tags)))
        zone.meta.file = file
        var content: [any StackContent] = [zone]
        for record in records {
            let fqdn = record.isApex ? domain : "\(record.name).\(domain)"
            let local = ConstructNaming.local(
                n, record.isApex ? "apex" : record.name.replacingOccurrences(of: "*", with: "wildcard"),
                record.type.rawValue.lowercased())
            var resource = AWSRoute53Record(
                local, name: Expr(.string(fqdn)), type: Expr(.string(record.type.rawValue)), zoneId: zone.zoneId,
                records: Expr<[String]>.list(record.values).unsafeCast(), ttl: ConstructLiterals.number(record.ttl))
            resource.meta.file = file
            content.append(resource)
        }
        return diagnostics.map(StackElement.diagnostic) + content.flatMap { $0.stackElements(in: path) }
    }

    /// The zone's id.
    public var zoneID: Expr<String> { Expr(.reference("aws_route53_zone", ConstructNaming.local(name), "zone_id")) }
}
