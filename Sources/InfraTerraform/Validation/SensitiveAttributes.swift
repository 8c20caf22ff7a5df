// Which attributes of a block hold secrets: what its Swift type declares, plus the AWS
// provider's table by type name (so untyped `Resource("aws_db_instance", …)` is covered),
// plus a few well-known attributes of other providers and provider configurations.

/// Sensitive attribute paths of blocks, from every source the validator knows.
enum SensitiveAttributes {
    /// Sensitive attributes of common non-AWS providers whose schemas are not in the committed
    /// input (hashicorp/random 3.x and hashicorp/tls 4.x documentation: "String, Sensitive").
    static let otherProviders: [String: [String]] = [
        "random_password": ["bcrypt_hash", "result"],
        "tls_private_key": ["private_key_openssh", "private_key_pem", "private_key_pem_pkcs8"],
    ]

    /// Provider configuration arguments that hold credentials (the AWS provider's schema does not
    /// mark them sensitive, but a literal key in `provider "aws"` is a key in a file).
    static let providerArguments: [String: [String]] = ["aws": ["access_key", "secret_key", "token"]]

    /// The sensitive paths of `block`, each split into attribute names (`["user", "password"]`).
    static func paths(of block: ResourceBlock, isData: Bool) -> [[String]] {
        // Called for every block: most have no sensitive attribute, so look up before building anything.
        let table =
            isData ? AWSSensitiveAttributes.byType["data." + block.type] : AWSSensitiveAttributes.byType[block.type]
        let other = isData ? nil : otherProviders[block.type]
        if block.sensitiveAttributes.isEmpty && table == nil && other == nil { return [] }
        let all = Set(block.sensitiveAttributes + (table ?? []) + (other ?? []))
        return all.sorted().map { $0.split(separator: ".").map(String.init) }
    }
}
