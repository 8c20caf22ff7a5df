// `aws-secrets-store-csi-driver-provider`: the Secrets Store CSI driver and its AWS provider (ASCP)
// in one EKS add-on, so pods mount Secrets Manager values and the driver can copy them into
// Kubernetes Secrets (`secretObjects` of a SecretProviderClass). The add-on itself needs no AWS
// access: ASCP calls Secrets Manager with the token of the pod that mounts the volume.

import InfraCore
import InfraTerraform

extension EKSAddon {
    /// The Secrets Store CSI driver with the AWS Secrets and Configuration Provider (ASCP), namespace
    /// `kube-system`, no IRSA role of its own (each reading pod's ServiceAccount has one).
    ///
    /// `syncSecrets` installs the driver's RBAC for copying mounted values into Kubernetes Secrets
    /// (`secrets-store-csi-driver.syncSecret.enabled`); `rotationPollInterval` (a Go duration such as
    /// `"2m"`, or `nil` for no rotation) makes the driver re-read mounted values and update the
    /// synced Secrets (`enableSecretRotation`, `rotationPollInterval`). The keys are the upstream
    /// driver chart's, nested under the sub-chart name as in ASCP's chart, and the add-on's
    /// configuration schema accepts them: ASCP's own add-on integration test installs it with exactly
    /// these (aws/secrets-store-csi-driver-provider-aws `tests/addon_config_values.yaml` @
    /// `38d2ff507e5ae820dc689f77c4110a5648506de9`). The driver's other values, such as the
    /// `tokenRequests` ASCP authenticates with, keep the chart's defaults.
    ///
    /// Version `v3.1.3-eksbuild.1`: seen pinned next to `kube-proxy` `v1.35.3-eksbuild.29` in a
    /// public Terraform configuration of a 1.35 cluster (stored copy read 2026-12-07); check it
    /// with `aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name
    /// aws-secrets-store-csi-driver-provider`.
    ///
    /// ```swift
    /// EKSAddon.secretsStoreCSIDriver(rotationPollInterval: "2m")
    /// ```
    public static func secretsStoreCSIDriver(
        syncSecrets: Bool = true, rotationPollInterval: String? = "2m",
        version: String = pinned("aws-secrets-store-csi-driver-provider")
    ) -> EKSAddon {
        var driver: ValueObject = [
            "syncSecret": ["enabled": .bool(syncSecrets)], "enableSecretRotation": .bool(rotationPollInterval != nil),
        ]
        if let rotationPollInterval { driver["rotationPollInterval"] = .string(rotationPollInterval) }
        return EKSAddon(
            "aws-secrets-store-csi-driver-provider", version: version,
            configuration: ["secrets-store-csi-driver": .object(driver)])
    }
}
