import InfraHCL
import Testing

@Suite("HCL templates")
struct TemplateTests {
    func template(_ source: String) throws -> HCLTemplate {
        let result = HCLParser.parseExpression(source)
        #expect(result.diagnostics.isEmpty, "\(source): \(result.diagnostics)")
        guard case .template(let template) = try #require(result.expression).kind else {
            Issue.record("\(source) is not a template")
            return HCLTemplate(parts: [], style: .quoted)
        }
        return template
    }

    @Test("escapes are decoded: \\n \\t \\\" \\\\ \\u \\U $${ %%{")
    func escapes() throws {
        let text = try template(#""a\nb\t\"q\" \\ \u00e9 \U0001F680 $${x} %%{y}""#).literalText
        #expect(text == "a\nb\t\"q\" \\ é 🚀 ${x} %{y}")
    }

    @Test("an invalid escape is an error at its column")
    func invalidEscape() {
        let result = HCLParser.parseExpression(#""ab\qc""#)
        #expect(result.diagnostics.map(\.summary) == ["Invalid escape sequence"])
        #expect(result.diagnostics.first?.range.start.column == 4)
    }

    @Test("a template of one interpolation is unwrapped to its expression")
    func unwrap() throws {
        let result = HCLParser.parseExpression(#""${var.count}""#)
        guard case .templateWrap(let inner) = try #require(result.expression).kind else {
            Issue.record("not unwrapped")
            return
        }
        #expect(inner.hcl == "var.count")
        #expect(try template(#""${a}${b}""#).parts.count == 2)
    }

    @Test("strip markers remove the adjacent whitespace of literal text only")
    func strip() throws {
        #expect(try template(#""hello ${~ "world" }""#).parts.first == .literal("hello"))
        let directive = try template(#""%{ if true ~} hello %{~ endif }""#)
        guard case .ifDirective(_, let then, _) = directive.parts.first else {
            Issue.record("no if directive")
            return
        }
        #expect(then == [.literal("hello")])
    }

    @Test("if and for directives nest, with else branches and key variables")
    func directives() throws {
        let parts = try template(#""%{ for k, v in m }${k}=%{ if v }on%{ else }off%{ endif };%{ endfor }""#).parts
        guard case .forDirective(let key, let value, _, let body) = parts.first else {
            Issue.record("no for directive")
            return
        }
        #expect(key == "k" && value == "v" && body.count == 4)
        #expect(
            HCLParser.parseExpression(#""%{ if a }x""#).diagnostics.map(\.summary) == ["Unexpected end of template"])
        #expect(HCLParser.parseExpression(#""%{ endif }""#).diagnostics.hasErrors)
        #expect(HCLParser.parseExpression(#""%{ iff a }x%{ endif }""#).diagnostics.hasErrors)
    }

    @Test("heredocs keep their text; <<- removes the smallest indentation, ignoring blank lines")
    func heredocs() throws {
        let file = HCLParser.parse(
            """
            a = <<EOT
              one
                two
            EOT
            b = <<-EOT
                one

                  two ${x}
                EOT
            c = 1
            """, file: "h.tf")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        guard case .template(let plain)? = file.body[attribute: "a"]?.expression.kind,
            case .template(let indented)? = file.body[attribute: "b"]?.expression.kind
        else {
            Issue.record("heredocs not read")
            return
        }
        #expect(plain.literalText == "  one\n    two\n")
        #expect(indented.parts.first == .literal("one\n\n  two "))
        #expect(file.body.attributes.map(\.name) == ["a", "b", "c"])
    }

    @Test("an unterminated heredoc or string is an error")
    func unterminated() {
        #expect(HCLParser.parse("a = <<EOT\nx\n", file: "x.tf").diagnostics.hasErrors)
        #expect(HCLParser.parse("a = \"x\n", file: "x.tf").diagnostics.hasErrors)
        #expect(HCLParser.parse("a = \"${b\"\n", file: "x.tf").diagnostics.hasErrors)
    }

    @Test("a standalone template (a JSON string) reads $ and % literally unless followed by {")
    func standalone() throws {
        let result = HCLParser.parseTemplate("cost: 5$ and 10% of ${var.x}%{ if y }!%{ endif }", file: "x.tf.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .template(let template) = try #require(result.expression).kind else {
            Issue.record("not a template")
            return
        }
        #expect(template.parts.first == .literal("cost: 5$ and 10% of "))
        #expect(template.parts.count == 3)
        guard case .templateWrap = HCLParser.parseTemplate("${aws_vpc.main.id}", file: "x").expression?.kind else {
            Issue.record("not unwrapped")
            return
        }
    }
}
