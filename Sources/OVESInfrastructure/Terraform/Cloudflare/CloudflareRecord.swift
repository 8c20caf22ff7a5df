// Typed resources for the cloudflare provider (written by hand: only hashicorp/aws is
// available offline, so there is no schema to generate from). Attribute names follow the
// provider's v4 documentation for `cloudflare_record` and the `cloudflare_zone` data source.

import InfraCore
import InfraTerraform

/// A DNS record in a Cloudflare zone (`cloudflare_record`, provider v4).
///
/// ```swift
/// CloudflareRecord("api", zoneID: zone.id, name: "api", type: "CNAME", content: ingress, proxied: true)
/// ```
public struct CloudflareRecord: TerraformResource, MetaArgumentCarrier, Sendable {
    /// `cloudflare_record`.
    public static let terraformType = "cloudflare_record"
    /// The local name.
    public var name: String
    /// Meta-arguments.
    public var meta = MetaArguments()
    /// The zone's id.
    public var zoneID: Expr<String>
    /// The record name relative to the zone (`@` for the apex) or fully qualified.
    public var recordName: Expr<String>
    /// The record type: A, AAAA, CNAME, TXT, MX, …
    public var type: Expr<String>
    /// The record's value (`content` in provider v4.39+).
    public var content: Expr<String>
    /// Whether traffic goes through Cloudflare's proxy (CDN, DDoS protection).
    public var proxied: Expr<Bool>?
    /// Time to live in seconds; 1 means automatic.
    public var ttl: Expr<Double>?
    /// A comment shown in the dashboard.
    public var comment: Expr<String>?

    /// Creates a record.
    public init(
        _ name: String, zoneID: Expr<String>, recordName: Expr<String>, type: Expr<String>, content: Expr<String>,
        proxied: Expr<Bool>? = nil, ttl: Expr<Double>? = nil, comment: Expr<String>? = nil
    ) {
        self.name = name
        self.zoneID = zoneID
        self.recordName = recordName
        self.type = type
        self.content = content
        self.proxied = proxied
        self.ttl = ttl
        self.comment = comment
    }

    /// The arguments.
    public func renderBody() -> Block {
        var b = Block()
        b.set("zone_id", zoneID)
        b.set("name", recordName)
        b.set("type", type)
        b.set("content", content)
        b.set("proxied", proxied)
        b.set("ttl", ttl)
        b.set("comment", comment)
        return b
    }

    /// The record's id.
    public var id: Expr<String> { reference("id") }
    /// The record's fully qualified name.
    public var hostname: Expr<String> { reference("hostname") }
}

/// Looks up an existing Cloudflare zone by name (`data "cloudflare_zone"`, provider v4).
///
/// ```swift
/// let zone = CloudflareZoneLookup("omnivoltaic", zoneName: "omnivoltaic.com")
/// ```
public struct CloudflareZoneLookup: TerraformDataSource, MetaArgumentCarrier, Sendable {
    /// `cloudflare_zone`.
    public static let terraformType = "cloudflare_zone"
    /// The local name.
    public var name: String
    /// Meta-arguments.
    public var meta = MetaArguments()
    /// The zone's domain name.
    public var zoneName: Expr<String>

    /// Creates the lookup.
    public init(_ name: String, zoneName: Expr<String>) {
        self.name = name
        self.zoneName = zoneName
    }

    /// The arguments.
    public func renderBody() -> Block {
        var b = Block()
        b.set("name", zoneName)
        return b
    }

    /// The zone's id.
    public var id: Expr<String> { reference("id") }
}
