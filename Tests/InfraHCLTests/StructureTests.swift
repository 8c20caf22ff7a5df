import InfraHCL
import Testing

@Suite("HCL structure: bodies, attributes and blocks")
struct StructureTests {
    @Test("a resource block with labels, attributes and a nested block is read in order")
    func resourceBlock() throws {
        let file = HCLParser.parse(
            """
            # a comment
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16" // trailing
              /* inline */ enable_dns_support = true
              tags = {
                Name = "main"
              }
              timeouts { create = "30m" }
            }
            """, file: "main.tf")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let block = try #require(file.body.blocks.first)
        #expect(block.type == "resource")
        #expect(block.labels == ["aws_vpc", "main"])
        #expect(block.body.attributes.map(\.name) == ["cidr_block", "enable_dns_support", "tags"])
        #expect(block.body.blocks.map(\.type) == ["timeouts"])
        #expect(block.body.blocks[0].body.attributes.map(\.name) == ["create"])
        #expect(block.headerRange.start.line == 2)
        #expect(block.body[attribute: "cidr_block"]?.nameRange.start == SourcePosition(line: 3, column: 3, offset: 42))
    }

    @Test("bare identifiers are labels too, and empty one-line blocks are accepted")
    func identifierLabels() {
        let file = HCLParser.parse("locals {}\nmoved {\n}\nblock a b {}\n", file: "x.tf")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.body.blocks.map(\.labels) == [[], [], ["a", "b"]])
    }

    @Test("CRLF line endings are newlines")
    func crlf() {
        let file = HCLParser.parse("a = 1\r\nb {\r\n  c = 2\r\n}\r\n", file: "x.tf")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.body.attributes.map(\.name) == ["a"])
        #expect(file.body.blocks.first?.body.attributes.map(\.name) == ["c"])
    }

    @Test("every bad item is reported with its line and column, and the good items are kept")
    func recoversAfterEachBadItem() {
        let file = HCLParser.parse(
            """
            a = 1 b = 2
            ok = true
            c = [1 2]
            block "x" {
              d = (
            }
            e = "unterminated \\q"
            f = 3
            """, file: "bad.tf")
        let lines = file.diagnostics.map(\.range.start.line)
        #expect(lines.contains(1))
        #expect(lines.contains(3))
        #expect(lines.contains(6))
        #expect(lines.contains(7))
        #expect(file.body.attributes.map(\.name) == ["ok", "e", "f"])  // a bad escape does not drop the attribute
        let first = file.diagnostics[0]
        #expect(
            first.description
                == "bad.tf:1:7: error: Missing newline after argument: An argument definition must end with a newline.")
    }

    @Test("an attribute set twice is an error naming both places")
    func redefinition() {
        let file = HCLParser.parse("a = 1\na = 2\n", file: "x.tf")
        #expect(file.diagnostics.map(\.summary) == ["Attribute redefined"])
        #expect(file.diagnostics.first?.detail.contains("x.tf:1:1") == true)
        #expect(file.diagnostics.first?.range.start.line == 2)
    }

    @Test("a one-line block holds at most one attribute and no nested block")
    func oneLineBlocks() {
        #expect(HCLParser.parse("a { b = 1 }\n", file: "x.tf").diagnostics.isEmpty)
        #expect(HCLParser.parse("a { b = 1, c = 2 }\n", file: "x.tf").diagnostics.hasErrors)
        #expect(HCLParser.parse("a { b { } }\n", file: "x.tf").diagnostics.hasErrors)
    }

    @Test("invalid characters, a byte order mark and bad UTF-8 are reported")
    func encoding() {
        #expect(HCLParser.parse("a = 'x'\n", file: "x.tf").diagnostics.map(\.summary).contains("Invalid character"))
        #expect(HCLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8), file: "x.tf").diagnostics.hasErrors)
        #expect(HCLParser.parse(bytes: Array("a = \"".utf8) + [0xFF, 0x22, 0x0A], file: "x.tf").diagnostics.hasErrors)
    }

    @Test("unicode identifiers and columns counted in characters")
    func unicode() throws {
        let file = HCLParser.parse("naïve = \"日本\" x\n", file: "x.tf")
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.range.start.column == 14)
    }
}
