// `Include`: upstream YAML read into typed and unstructured objects, problems at file:line:column,
// and the modifiers (namespace, labels, patch, filter).

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

/// The diagnostics of an include as `path: message` lines.
func messages(_ include: Include, at path: ComponentPath = "m") -> [String] {
    include.manifestDiagnostics(at: path).map { "\($0.severity.rawValue): \($0.path): \($0.message)" }
}

@Suite("Include reads upstream YAML")
struct IncludeTests {
    static let mixed = """
        # An upstream release manifest in miniature.
        apiVersion: v1
        kind: Namespace
        metadata:
          name: tools
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: agent
          namespace: tools
          labels: &labels
            app: agent
        spec:
          replicas: 2
          selector:
            matchLabels: *labels
          template:
            metadata:
              labels: *labels
            spec:
              containers:
              - name: agent
                image: registry.example.com/agent:1.0
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                ports:
                - {name: http, containerPort: 8080}
        ---
        # an empty document is skipped
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: agent
          namespace: tools
        spec:
          endpoints:
          - port: http
            interval: 30s
        """

    @Test("kinds with a generated type become that type, others UnstructuredObject, empty documents are skipped")
    func typedAndUnstructured() throws {
        let include = Include(yaml: Self.mixed, source: "agent.yaml")
        #expect(messages(include).isEmpty)
        #expect(include.objects.map(\.kind) == ["Namespace", "Deployment", "ServiceMonitor"])
        let deployment = try #require(include.objects[1] as? Deployment)
        #expect(deployment.spec?.replicas == 2)
        #expect(deployment.spec?.selector.matchLabels == ["app": "agent"])  // an alias
        let container = try #require(deployment.spec?.template.spec?.containers.first)
        #expect(container.resources?.requests?["cpu"] == "100m")
        #expect(container.ports?.first?.containerPort == 8080)
        let monitor = try #require(include.objects[2] as? UnstructuredObject)
        #expect(monitor.metadata.namespace == "tools")
        #expect(monitor.fields["spec"]?["endpoints"]?.arrayValue?.first?["interval"] == "30s")
    }

    @Test("bad YAML is an error at file:line:column and yields no objects")
    func syntaxError() {
        let include = Include(
            yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: indent\n", source: "x.yaml")
        let found = messages(include)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("error: m/include/x.yaml:5:") == true, "\(found)")
        #expect(include.objects.isEmpty)
        #expect(include.hasErrors)
    }

    @Test("a duplicate key is an error at the duplicate, naming the first")
    func duplicateKey() {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  mode: fast\n  mode: slow\n"
        let found = messages(Include(yaml: yaml, source: "dup.yaml"))
        #expect(found == ["error: m/include/dup.yaml:7:3: duplicate key 'mode', first at line 6"], "\(found)")
    }

    @Test("a document without apiVersion or kind is an error at its line")
    func missingKind() {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nmetadata:\n  name: b\ndata: {}\n"
        let include = Include(yaml: yaml, source: "k.yaml")
        #expect(
            messages(include) == [
                "error: m/include/k.yaml:5:1: a document needs apiVersion and kind; apiVersion and kind missing or not a string"
            ])
        #expect(include.objects.count == 1)
    }

    @Test("unknown fields, missing required fields and mistyped values of typed kinds are errors at their place")
    func typedProblems() {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: two
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx
                    imagePullPolicy: Always
                    env:
                    - name: PORT
                      value: 8080
                    resourcez: {}
            """
        let found = messages(Include(yaml: yaml, source: "web.yaml"))
        #expect(
            found == [
                "error: m/include/web.yaml:6:3: Deployment 'web': expected an integer, found the string \"two\" (spec.replicas)",
                "error: m/include/web.yaml:15:11: Deployment 'web': expected a string, found the number 8080 "
                    + "(spec.template.spec.containers[0].env[0].value)",
                "error: m/include/web.yaml:16:9: Deployment 'web': unknown field 'resourcez' in Container "
                    + "(spec.template.spec.containers[0].resourcez)",
                "error: m/include/web.yaml:5:1: Deployment 'web': DeploymentSpec needs 'selector' (spec)",
            ], "\(found)")
    }

    @Test("YAML 1.1 scalars read as kubectl reads them: an unquoted yes in a string field is an error")
    func yaml11Scalars() throws {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: flags
              annotations: {enabled: yes}
            data: {octal: "0755", plain: 0755x, date: 2024-01-01}
            ---
            apiVersion: example.com/v1
            kind: Thing
            metadata: {name: t}
            spec: {a: yes, b: 0755, c: 0x1F, d: 1_000, e: 1.5e3, f: ~, g: 2024-01-01, h: .inf, i: "yes", j: !!str 12}
            """
        let include = Include(yaml: yaml, source: "flags.yaml")
        #expect(
            messages(include) == [
                "error: m/include/flags.yaml:5:17: ConfigMap 'flags': expected a string, found the boolean true "
                    + "(metadata.annotations.enabled)"
            ])
        let thing = try #require(include.objects.first as? UnstructuredObject)
        let spec = thing.fields["spec"]
        #expect(spec?["a"] == .bool(true))
        #expect(spec?["b"] == .int(493))
        #expect(spec?["c"] == .int(31))
        #expect(spec?["d"] == .int(1000))
        #expect(spec?["e"] == .double(1500))
        #expect(spec?["f"] == .null)
        #expect(spec?["g"] == "2024-01-01")
        #expect(spec?["h"] == .double(.infinity))
        #expect(spec?["i"] == "yes")
        #expect(spec?["j"] == "12")
    }

    @Test("merge keys fill what a mapping does not set itself")
    func mergeKeys() throws {
        let yaml = """
            apiVersion: example.com/v1
            kind: Thing
            metadata: {name: t}
            defaults: &defaults {a: 1, b: 2}
            spec:
              <<: *defaults
              b: 3
            """
        let thing = try #require(Include(yaml: yaml).objects.first as? UnstructuredObject)
        #expect(thing.fields["spec"] == ["b": 3, "a": 1])
    }

    @Test("aliases that expand without bound are an error, not an out-of-memory")
    func billionLaughs() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let found = messages(Include(yaml: yaml, source: "lol.yaml"))
        #expect(found.contains { $0.contains("expands to too many values through aliases") }, "\(found)")
    }

    @Test("List documents are expanded, items of <Kind>List take the list's apiVersion and kind")
    func lists() {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            - {apiVersion: v1, kind: Secret, metadata: {name: b}}
            ---
            apiVersion: v1
            kind: ConfigMapList
            items:
            - metadata: {name: c}
              data: {x: "1"}
            """
        let include = Include(yaml: yaml)
        #expect(messages(include).isEmpty)
        #expect(include.objects.map { "\($0.kind)/\($0.name)" } == ["ConfigMap/a", "Secret/b", "ConfigMap/c"])
        #expect(include.objects.allSatisfy { $0 is ConfigMap || $0 is Secret })
    }

    @Test("a file that cannot be read or a missing bundle resource is an error; a bundle resource is read")
    func filesAndBundles() throws {
        let missing = Include(file: "/nonexistent/cert-manager.yaml")
        #expect(
            messages(missing).first?.hasPrefix("error: m/include//nonexistent/cert-manager.yaml:1:1: cannot read")
                == true)
        let directory = try ExternalTools.temporaryDirectory("include")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: vendored}\n".utf8)
            .write(to: directory.appendingPathComponent("vendor/app.yaml"))
        let bundle = try #require(Bundle(path: directory.path))
        let include = Include(resource: "vendor/app.yaml", in: bundle)
        #expect(messages(include).isEmpty)
        #expect(include.objects.first?.name == "vendored")
        let absent = Include(resource: "vendor/other.yaml", in: bundle)
        #expect(messages(absent).first?.contains("has no resource vendor/other.yaml") == true)
    }
}

@Suite("Include modifiers")
struct IncludeModifierTests {
    static let upstream = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: cert-manager}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: cert-manager, namespace: cert-manager}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cert-manager}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cert-manager}
        subjects:
        - {kind: ServiceAccount, name: cert-manager, namespace: cert-manager}
        - {kind: ServiceAccount, name: other, namespace: elsewhere}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: cert-manager-webhook}
        webhooks:
        - name: webhook.cert-manager.io
          admissionReviewVersions: [v1]
          sideEffects: None
          clientConfig:
            service: {name: cert-manager-webhook, namespace: cert-manager, path: /validate}
        """

    @Test("namespace moves namespaced objects, renames their Namespace and rewrites references to it")
    func namespace() throws {
        let include = Include(yaml: Self.upstream).namespace("platform")
        #expect(include.objects.first?.name == "platform")
        #expect(include.objects[1].namespace == "platform")
        #expect(include.objects[2].namespace == nil)
        let binding = try #require(include.objects[2] as? ClusterRoleBinding)
        #expect(binding.subjects?.map { $0.namespace } == ["platform", "elsewhere"])
        let webhook = try #require(include.objects[3] as? UnstructuredObject)
        #expect(webhook.isClusterScoped)
        #expect(webhook.fields["webhooks"]?.arrayValue?.first?["clientConfig"]?["service"]?["namespace"] == "platform")
    }

    @Test("labels and annotations are added to every object; patch and filter change what was read")
    func labelsPatchFilter() throws {
        let include = Include(yaml: IncludeTests.mixed)
            .labels(["team": "platform"])
            .annotations(["owner": "ops"])
            .patch(Deployment.self, named: "agent") { $0.spec?.replicas = 5 }
            .patch { object in object.metadata.labels?["patched"] = "yes" }
            .filter { $0.kind != "Namespace" }
        #expect(include.objects.map(\.kind) == ["Deployment", "ServiceMonitor"])
        #expect(include.objects.allSatisfy { $0.metadata.labels?["team"] == "platform" })
        #expect(include.objects.allSatisfy { $0.metadata.annotations?["owner"] == "ops" })
        #expect(include.objects.allSatisfy { $0.metadata.labels?["patched"] == "yes" })
        let deployment = try #require(include.objects.first as? Deployment)
        #expect(deployment.spec?.replicas == 5)
        #expect(deployment.metadata.labels?["app"] == "agent")
        #expect(deployment.spec?.selector.matchLabels == ["app": "agent"], "selectors are left alone")
    }

    @Test("included objects are validated with the manifest and written by its YAML writer")
    func manifest() throws {
        let manifest = Manifest("tools", namespace: "tools") {
            Include(yaml: IncludeTests.mixed, source: "agent.yaml").filter { $0.kind != "ServiceMonitor" }
            Service(
                metadata: .init(name: "agent"),
                spec: .init(
                    ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: ["app": "agent"]))
        }
        let result = manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let references = Set(result.model.nodes.flatMap { node in node.references.map { "\(node.address) -> \($0)" } })
        #expect(references.contains("tools/Service/agent -> tools/Deployment/agent"), "\(references)")
        let broken = Manifest("tools", namespace: "tools") {
            Include(yaml: IncludeTests.mixed, source: "agent.yaml").patch(Deployment.self) {
                $0.spec?.template.spec?.containers[0].ports?[0].containerPort = 70000
            }
        }
        let errors = broken.synthesize().diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("tools/Deployment/agent/containers[0]/ports[0]") }, "\(errors)")
    }
}
