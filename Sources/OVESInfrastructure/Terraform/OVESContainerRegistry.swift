// The ECR repositories the OVES microservice images are pulled from (`<account>.dkr.ecr.<region>
// .amazonaws.com/oves/<service>`, `InHouseMicroservice.image`). They live in the shared root: both
// clusters pull the same repository (prod a release tag, dev a release candidate), in one region.
// Tags are immutable, images are scanned on push, encrypted with the account's `aws/ecr` KMS key,
// and the lifecycle policy drops untagged layers and all but the newest tagged images.

import InfraAWS
import InfraAWSAllContainers
import InfraCore
import InfraTerraform

/// The ECR repositories of the OVES in-house microservices.
///
/// ```swift
/// OVESContainerRegistry.repositoryNames        // ["oves/account-microservice", …]
/// ```
public enum OVESContainerRegistry {
    /// Days an untagged image (a layer left behind by a re-push) is kept.
    public static let untaggedImageDays = 14
    /// Tagged images kept per repository; older ones expire.
    public static let taggedImagesKept = 50

    /// The repository names, one per in-house microservice, as the manifests' images use them.
    public static var repositoryNames: [String] { InHouseMicroservice.all.map { "oves/\($0.name)" } }

    /// The ECR lifecycle policy document shared by the repositories.
    public static var lifecyclePolicy: Value {
        [
            "rules": [
                [
                    "rulePriority": 1, "description": .string("Expire untagged images after \(untaggedImageDays) days"),
                    "selection": [
                        "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
                        "countNumber": .int(untaggedImageDays),
                    ],
                    "action": ["type": "expire"],
                ],
                [
                    "rulePriority": 2, "description": .string("Keep the \(taggedImagesKept) newest images"),
                    "selection": [
                        "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": .int(taggedImagesKept),
                    ],
                    "action": ["type": "expire"],
                ],
            ]
        ]
    }

    /// A repository and its lifecycle policy per microservice.
    public static func content(tags: [String: String]) -> [any StackContent] {
        let policy = JSONWriter(sortKeys: true, pretty: false).string(lifecyclePolicy)
        return InHouseMicroservice.all.flatMap { service -> [any StackContent] in
            let local = String(service.name.map { $0 == "-" ? "_" : $0 })
            let repository = AWSECRRepository(
                local, name: ConstructLiterals.string("oves/\(service.name)"),
                encryptionConfiguration: [.init(encryptionType: "KMS")],
                imageScanningConfiguration: .init(scanOnPush: true), imageTagMutability: "IMMUTABLE",
                tags: ConstructLiterals.stringMap(tags))
            return [
                repository,
                AWSECRLifecyclePolicy(local, policy: ConstructLiterals.string(policy), repository: repository.nameRef),
            ]
        }
    }
}
