// The problems of the OVES configuration (`OVESConfiguration.current`), reported as diagnostics
// of the root that carries this content: errors stop synthesis (nothing is written), and the
// example account is a warning `infra-manifest check` shows.

import InfraCore
import InfraTerraform

/// Stack content that contributes no block, only the configuration's diagnostics.
///
/// ```swift
/// Stack("prod", directory: "terraform/environments/prod") { OVESConfigurationCheck() }
/// ```
public struct OVESConfigurationCheck: StackContent {
    /// The diagnostics to report (those of the process's configuration unless given).
    public var diagnostics: [Diagnostic]

    /// Reports `diagnostics`.
    public init(diagnostics: [Diagnostic]? = nil) {
        self.diagnostics = diagnostics ?? OVESConfiguration.loaded.1
    }

    /// One `.diagnostic` element per problem.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        diagnostics.map { .diagnostic($0) }
    }
}
