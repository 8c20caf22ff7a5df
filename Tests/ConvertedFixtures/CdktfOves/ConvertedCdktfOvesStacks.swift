// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert`: every converted Terraform root of this target.

import InfraCore
import InfraTerraform

/// The converted roots, for an `Infrastructure` or an `InfrastructureCommand`.
///
/// ```swift
/// Infrastructure(units: ConvertedCdktfOvesStacks.all).synthesize()
/// ```
public enum ConvertedCdktfOvesStacks {
    /// Every converted root, in the order given to `convert`.
    public static var all: [Stack] {
        [OvesProd.stack]
    }
}
