// Quantity parsing follows the API server's grammar: binary and decimal SI suffixes and
// exponents are accepted with their values; anything else has a problem message.

import InfraKubernetes
import Testing

@Suite("Quantity")
struct QuantityTests {
    static let valid: [(String, Double)] = [
        ("100Gi", 100 * 1_073_741_824.0), ("500m", 0.5), ("1.5", 1.5), ("2e3", 2000), ("1", 1), ("12Ki", 12 * 1024.0),
        ("+1k", 1000), ("-2M", -2_000_000), ("1E-3", 0.001), (".5", 0.5), ("1.", 1), ("250u", 0.00025),
        ("3Ei", 3 * 1_152_921_504_606_846_976.0), ("0", 0),
    ]

    @Test("valid quantities parse to their values", arguments: valid)
    func validQuantityParses(text: String, value: Double) throws {
        let quantity = Quantity(text)
        #expect(quantity.problem == nil)
        let parsed = try #require(quantity.value)
        #expect(abs(parsed - value) <= abs(value) * 1e-12)
    }

    @Test(
        "invalid quantities report a problem",
        arguments: ["", "abc", "1.2.3", "100GB", "1e", "Gi", "5 m", "1ii", "m", "1e+", "0x10", "1,5", "１"])
    func invalidQuantityHasProblem(text: String) {
        #expect(Quantity(text).problem != nil)
        #expect(Quantity(text).value == nil)
    }

    @Test("literals and helpers keep the text they are written with")
    func literalsKeepText() {
        let fromString: Quantity = "512Mi"
        let fromInt: Quantity = 3
        let fromDouble: Quantity = 1.5
        #expect(fromString.text == "512Mi")
        #expect(fromInt.text == "3")
        #expect(fromDouble.text == "1.5")
        #expect(Quantity.millicores(250).text == "250m")
        #expect(Quantity.mebibytes(256).text == "256Mi")
        #expect(Quantity.gibibytes(100).text == "100Gi")
        #expect(fromString.renderValue() == .string("512Mi"))
    }
}
