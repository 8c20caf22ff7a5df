// The factories users write in tests: `Match.objectLike`, `Match.arrayWith`, … — the same
// vocabulary as AWS CDK's assertions module, over Terraform JSON and Kubernetes objects.

import InfraCore

/// Factories for ``Matcher`` patterns, named after AWS CDK's `Match` class.
///
/// ```swift
/// template.hasResourceProperties("aws_s3_bucket_versioning", Match.objectLike([
///     "bucket": Match.reference(to: "aws_s3_bucket.logs", attribute: "id"),
///     "versioning_configuration": ["status": "Enabled"],
/// ]))
/// ```
public enum Match {
    /// Matches an object that has at least these keys; nested literal objects are partial too.
    ///
    /// ```swift
    /// Match.objectLike(["tags": ["env": "prod"]])   // other keys and tags are allowed
    /// ```
    public static func objectLike(_ pattern: [String: Matcher]) -> Matcher {
        Matcher(.object(pattern, mode: .partial))
    }

    /// Matches an object with exactly these keys; nested literal objects are exact too.
    ///
    /// ```swift
    /// Match.objectEquals(["status": "Enabled"])
    /// ```
    public static func objectEquals(_ pattern: [String: Matcher]) -> Matcher {
        Matcher(.object(pattern, mode: .exact))
    }

    /// Matches an array that contains elements matching `pattern`, in this order, possibly
    /// with other elements before, between and after.
    ///
    /// ```swift
    /// Match.arrayWith(["api", "audit"])
    /// ```
    public static func arrayWith(_ pattern: [Matcher]) -> Matcher {
        Matcher(.arrayWith(pattern))
    }

    /// Matches a missing key (or an explicit `null`).
    ///
    /// ```swift
    /// Match.objectLike(["acl": Match.absent()])
    /// ```
    public static func absent() -> Matcher { Matcher(.absent) }

    /// Matches any present value that is not `null`.
    ///
    /// ```swift
    /// Match.objectLike(["kms_key_id": Match.anyValue()])
    /// ```
    public static func anyValue() -> Matcher { Matcher(.anyValue) }

    /// Matches a string that the regular expression `regex` matches somewhere
    /// (anchor it with `^…$` to match the whole string).
    ///
    /// ```swift
    /// Match.stringLike("^arn:aws:kms:")
    /// ```
    public static func stringLike(_ regex: String) -> Matcher { Matcher(.stringLike(regex)) }

    /// Matches a value deeply equal to `value`: no partial objects at any depth.
    ///
    /// ```swift
    /// Match.exact(["Enabled": true])
    /// ```
    public static func exact(_ value: Value) -> Matcher { Matcher(.exact(value)) }

    /// Matches a string holding a Terraform interpolation that refers to `address`
    /// (`aws_vpc.main`, `data.aws_ami.ubuntu`, `module.vpc`), optionally to one attribute:
    /// `"${aws_vpc.main.id}"`, `"${aws_vpc.main[0].id}"` or `"${lookup(aws_vpc.main.tags, …)}"`.
    ///
    /// ```swift
    /// Match.reference(to: "aws_vpc.main", attribute: "id")
    /// ```
    public static func reference(to address: String, attribute: String? = nil) -> Matcher {
        Matcher(.reference(address: address, attribute: attribute))
    }

    /// Matches when `matcher` does not.
    ///
    /// ```swift
    /// Match.not(Match.stringLike(":latest$"))
    /// ```
    public static func not(_ matcher: Matcher) -> Matcher { Matcher(.not(matcher)) }
}
