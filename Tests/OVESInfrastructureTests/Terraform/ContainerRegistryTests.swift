// The images the OVES manifests pull from the account's ECR registry have their repositories in
// the shared root, hardened: immutable tags, scan on push, KMS encryption and a lifecycle policy.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES ECR repositories")
struct ContainerRegistryTests {
    /// The repository paths of every ECR image in both manifests.
    static var pulledRepositories: Set<String> {
        var repositories: Set<String> = []
        for manifest in [OVESKubernetes.production(), OVESKubernetes.development()] {
            for object in manifest.objects {
                collectImages(object.renderValue(), into: &repositories)
            }
        }
        return repositories
    }

    static func collectImages(_ value: Value, into repositories: inout Set<String>) {
        if let array = value.arrayValue { for element in array { collectImages(element, into: &repositories) } }
        guard let object = value.objectValue else { return }
        if let image = object["image"]?.stringValue, image.contains(".dkr.ecr.") {
            let path = image.drop { $0 != "/" }.dropFirst()
            repositories.insert(String(path.prefix { $0 != ":" && $0 != "@" }))
        }
        for key in object.keys { if let member = object[key] { collectImages(member, into: &repositories) } }
    }

    @Test("every ECR image the manifests pull has a hardened repository in the shared root")
    func repositoriesExist() throws {
        let shared = try #require(OVESSynthesis.document("terraform/shared/main.tf.json"))
        let repositories = try #require(shared["resource"]?["aws_ecr_repository"]?.objectValue)
        let policies = try #require(shared["resource"]?["aws_ecr_lifecycle_policy"]?.objectValue)
        let pulled = Self.pulledRepositories
        #expect(pulled.count == 4)
        let byName = Dictionary(
            uniqueKeysWithValues: repositories.keys.compactMap { key in
                repositories[key]?["name"]?.stringValue.map { ($0, key) }
            })
        #expect(Set(byName.keys) == pulled)
        for (name, key) in byName {
            let repository = repositories[key]
            #expect(repository?["image_tag_mutability"] == "IMMUTABLE", "\(name)")
            #expect(repository?["image_scanning_configuration"]?["scan_on_push"] == true, "\(name)")
            #expect(repository?["encryption_configuration"]?["encryption_type"] == "KMS", "\(name)")
            #expect(repository?["force_delete"] == nil, "\(name)")
            #expect(
                policies[key]?["repository"] == .string("${aws_ecr_repository.\(key).name}"),
                "\(name) has no lifecycle policy")
            let document = try #require(policies[key]?["policy"]?.stringValue)
            let rules = try JSONReader.read(document)["rules"]?.arrayValue ?? []
            #expect(rules.map { $0["selection"]?["tagStatus"] } == ["untagged", "any"])
        }
    }
}
