// Every Match pattern, passing and failing, with the exact failure text users will read.

import InfraCore
import InfraTesting
import Testing

@Suite("Match patterns")
struct MatchTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var matcher: Matcher
        var value: Value?
        /// `nil` when the value matches; otherwise the expected mismatch lines.
        var failure: [String]?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "objectLike ignores extra keys", matcher: Match.objectLike(["env": "prod"]),
            value: ["env": "prod", "team": "core"], failure: nil),
        Case(
            name: "objectLike names the differing key", matcher: Match.objectLike(["tags": ["env": "prod"]]),
            value: ["tags": ["env": "dev", "team": "core"]], failure: [#"at tags.env expected "prod", found "dev""#]),
        Case(
            name: "objectLike reports a missing key", matcher: Match.objectLike(["env": "prod"]),
            value: ["team": "core"], failure: [#"at env expected "prod", found no value"#]),
        Case(
            name: "objectEquals accepts the exact object", matcher: Match.objectEquals(["status": "Enabled"]),
            value: ["status": "Enabled"], failure: nil),
        Case(
            name: "objectEquals rejects extra keys", matcher: Match.objectEquals(["status": "Enabled"]),
            value: ["status": "Enabled", "mfa_delete": "Disabled"],
            failure: [#"at mfa_delete expected no such key, found "Disabled""#]),
        Case(
            name: "objectEquals is exact at every depth", matcher: Match.objectEquals(["tags": ["env": "prod"]]),
            value: ["tags": ["env": "prod", "team": "x"]], failure: [#"at tags.team expected no such key, found "x""#]),
        Case(
            name: "arrayWith finds elements in order", matcher: Match.arrayWith(["api", "audit"]),
            value: ["api", "authenticator", "audit"], failure: nil),
        Case(
            name: "arrayWith explains a missing element", matcher: Match.arrayWith(["scheduler"]),
            value: ["api", "audit"],
            failure: [#"at (top level) expected an element matching "scheduler" (in order), found ["api","audit"]"#]),
        Case(
            name: "arrayWith shows the closest object element",
            matcher: Match.arrayWith([["from_port": 443, "cidr_blocks": ["10.0.0.0/8"]]]),
            value: [["from_port": 443, "cidr_blocks": ["0.0.0.0/0"]], ["from_port": 22]],
            failure: [#"at [0].cidr_blocks[0] expected "10.0.0.0/8", found "0.0.0.0/0""#]),
        Case(
            name: "absent accepts a missing key", matcher: Match.objectLike(["acl": Match.absent()]),
            value: ["bucket": "b"], failure: nil),
        Case(
            name: "absent rejects a present key", matcher: Match.objectLike(["acl": Match.absent()]),
            value: ["acl": "public-read"], failure: [#"at acl expected no value, found "public-read""#]),
        Case(
            name: "anyValue accepts any present value", matcher: Match.objectLike(["kms_key_id": Match.anyValue()]),
            value: ["kms_key_id": "${aws_kms_key.k.arn}"], failure: nil),
        Case(
            name: "anyValue rejects a missing key", matcher: Match.objectLike(["kms_key_id": Match.anyValue()]),
            value: ["bucket": "b"], failure: ["at kms_key_id expected any value, found no value"]),
        Case(
            name: "stringLike matches a regular expression", matcher: Match.stringLike("^arn:aws:kms:"),
            value: "arn:aws:kms:us-east-1:1:key/x", failure: nil),
        Case(
            name: "stringLike reports the pattern",
            matcher: Match.objectLike(["image": Match.stringLike("@sha256:[0-9a-f]+$")]),
            value: ["image": "nginx:latest"],
            failure: [#"at image expected a string matching /@sha256:[0-9a-f]+$/, found "nginx:latest""#]),
        Case(
            name: "stringLike rejects non-strings", matcher: Match.stringLike("a"), value: 1,
            failure: ["at (top level) expected a string matching /a/, found 1"]),
        Case(
            name: "exact accepts deep equality", matcher: Match.exact(["a": [1, 2]]), value: ["a": [1, 2]], failure: nil
        ),
        Case(
            name: "exact is not partial inside objectLike",
            matcher: Match.objectLike(["versioning": Match.exact(["enabled": true])]),
            value: ["versioning": ["enabled": true, "mfa_delete": false]],
            failure: ["at versioning.mfa_delete expected no such key, found false"]),
        Case(
            name: "literal arrays must have the same length", matcher: Match.objectLike(["azs": ["a", "b"]]),
            value: ["azs": ["a", "b", "c"]],
            failure: [#"at azs expected an array of 2 element(s) ["a", "b"], found 3: ["a","b","c"]"#]),
        Case(
            name: "numbers compare by value", matcher: Match.objectLike(["port": 443]), value: ["port": 443.0],
            failure: nil),
        Case(
            name: "types are reported when they differ", matcher: Match.objectLike(["tags": ["env": "prod"]]),
            value: ["tags": "prod"], failure: [#"at tags expected an object, found "prod""#]),
        Case(
            name: "reference recognises an interpolation",
            matcher: Match.reference(to: "aws_vpc.main", attribute: "id"),
            value: "${aws_vpc.main.id}", failure: nil),
        Case(
            name: "reference allows an index and surrounding text",
            matcher: Match.reference(to: "aws_s3_bucket.logs", attribute: "arn"),
            value: "${aws_s3_bucket.logs[0].arn}/*", failure: nil),
        Case(
            name: "reference does not match a longer name",
            matcher: Match.reference(to: "aws_vpc.main", attribute: "id"),
            value: "${aws_vpc.main2.id}",
            failure: [#"at (top level) expected a reference to aws_vpc.main.id, found "${aws_vpc.main2.id}""#]),
        Case(
            name: "reference without attribute matches any attribute", matcher: Match.reference(to: "module.vpc"),
            value: "${module.vpc.private_subnet_ids}", failure: nil),
        Case(
            name: "reference ignores literal text outside interpolations", matcher: Match.reference(to: "aws_vpc.main"),
            value: "aws_vpc.main",
            failure: [#"at (top level) expected a reference to aws_vpc.main, found "aws_vpc.main""#]),
        Case(
            name: "not inverts a pattern",
            matcher: Match.objectLike(["image": Match.not(Match.stringLike(":latest$"))]),
            value: ["image": "app:latest"],
            failure: [#"at image expected not(a string matching /:latest$/), found "app:latest""#]),
        Case(
            name: "nil literal means absent", matcher: Match.objectLike(["policy": nil]), value: ["bucket": "x"],
            failure: nil),
    ]

    @Test("each pattern passes or fails with the documented message", arguments: cases)
    func patternOutcome(_ testCase: Case) {
        let result = testCase.matcher.test(testCase.value)
        if let failure = testCase.failure {
            #expect(!result.isMatch)
            #expect(result.mismatches.map(\.description) == failure)
        } else {
            #expect(result.isMatch, "\(result.mismatches)")
        }
    }

    @Test func pathsQuoteKeysThatAreNotIdentifiers() {
        let result = Match.objectLike(["metadata": ["labels": ["app.kubernetes.io/name": "api"]]])
            .test(["metadata": ["labels": ["app.kubernetes.io/name": "web"]]])
        #expect(
            result.mismatches.map(\.description) == [
                #"at metadata.labels["app.kubernetes.io/name"] expected "api", found "web""#
            ])
    }

    @Test func invalidRegularExpressionIsAMismatchNotACrash() {
        let result = Match.stringLike("(").test("x")
        #expect(result.mismatches.first?.expected == "a valid regular expression, /(/ is not one")
    }
}
