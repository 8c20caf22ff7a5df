// The real `helm` binary for the tests of `Include(helmChart:)`: `$HELM`, else what
// Scripts/install-helm.sh installed, else `helm` on PATH. Missing, it fails the test in CI.

import Foundation

extension ExternalTools {
    /// The `helm` executable, or `nil` (recorded as a failure in CI).
    public static func helm() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["INFRA_TOOLS_CACHE"]
            ?? "\(environment["XDG_CACHE_HOME"] ?? "\(NSHomeDirectory())/.cache")/infra-tools"
        let installed = "\(cache)/helm/v4.1.4/helm"
        let path =
            environment["HELM"]
            ?? (FileManager.default.isExecutableFile(atPath: installed) ? installed : which("helm"))
        return require("helm (Scripts/install-helm.sh)", at: path) ? path : nil
    }
}
