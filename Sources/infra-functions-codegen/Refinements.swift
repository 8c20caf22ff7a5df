// The second input: typed signatures for what Terraform's metadata leaves `dynamic`.
// `merge(maps: dynamic...) -> dynamic` becomes `merge<V>(_ maps: Expr<[String: V]>...) -> Expr<[String: V]>`.
// A refinement may only narrow `dynamic` positions (checked by the translator), so a Terraform
// upgrade that changes a concrete type fails the generator instead of hiding behind it.

import Foundation

/// `codegen/terraform/function-refinements.json`: per function, one or more typed overloads.
struct Refinements: Decodable {
    var functions: [String: [Overload]]

    /// One typed overload of a function.
    struct Overload: Decodable {
        /// Type parameters; `each A` declares a parameter pack.
        var generics: [String]?
        /// Types of fixed parameters by Terraform parameter name.
        var parameters: [String: String]?
        /// The variadic parameter's element type; `each A` for a pack of different types.
        var variadic: String?
        /// `optional`: the variadic parameter takes zero or one argument (`lookup`'s default).
        var variadicAs: String?
        /// The result type.
        var returns: String?
        /// Argument labels by Terraform parameter name (`_` for none).
        var labels: [String: String]?
        /// A sentence added to the doc comment (why the overload exists or what it assumes).
        var note: String?
        /// `false`: no `expanding:` overload (for `try`, whose arguments are alternatives).
        var expanding: Bool?

        enum CodingKeys: String, CodingKey {
            case generics, parameters, variadic, returns, labels, note, expanding
            case variadicAs = "variadic_as"
        }
    }

    /// Loads and decodes a file.
    static func load(path: String) throws -> Refinements {
        try JSONDecoder().decode(Refinements.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
