// Upstream YAML in a manifest with `Include`: a release manifest in miniature (typed Deployment,
// unstructured custom resources), moved into another namespace and patched, next to a CRD that
// makes its custom resources checked; prints the diagnostics of a broken copy and the YAML.
//
// Run: swift run IncludeUpstreamYAML

// snippet.hide
import Foundation
import InfraCore
import InfraKubernetes

// snippet.show
// In a package: `Include(resource: "vendor/agent-1.0.yaml", in: .module)` or `Include(file:)`.
let upstream = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: probes.agent.example.com}
    spec:
      group: agent.example.com
      names: {kind: Probe, plural: probes}
      scope: Namespaced
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec:
                type: object
                required: [target]
                properties:
                  target: {type: string}
                  intervalSeconds: {type: integer, minimum: 5}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: agent-system}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: agent
      namespace: agent-system
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: registry.example.com/agent:1.0
            resources:
              requests: {cpu: 50m, memory: 32Mi}
    ---
    apiVersion: agent.example.com/v1
    kind: Probe
    metadata: {name: api, namespace: agent-system}
    spec: {target: "http://api.shop:8080/health", intervalSeconds: 30}
    """

let manifest = Manifest("platform", directory: "kubernetes/platform") {
    Include(yaml: upstream, source: "vendor/agent-1.0.yaml")
        .namespace("platform")
        .labels(["app.kubernetes.io/part-of": "platform"])
        .patch(Deployment.self, named: "agent") { $0.spec?.replicas = 2 }
}
let result = manifest.synthesize()

// A broken copy: every problem at once, with file, line and column (nothing would be written).
let broken = Manifest("platform") {
    Include(
        yaml: upstream.replacingOccurrences(of: "intervalSeconds: 30", with: "intervalSeconds: 1")
            .replacingOccurrences(of: "image: registry", with: "imagePullPolicy: Always\n        imag: registry"),
        source: "vendor/agent-1.0.yaml")
}
// snippet.hide

print("A broken copy of the vendored file:")
for diagnostic in broken.synthesize().diagnostics.sorted { print("  \(diagnostic)") }
print()
for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }
for artifact in result.artifacts {
    print("--- \(artifact.path)")
    print(artifact.text)
}
