// The options `plan`, `apply` and `destroy` share: the output folder, the environment, how many
// roots run at once, the tools, and the AWS endpoint/profile/region passed to terraform, kubectl and
// the EKS token plugin through their standard environment variables.

import ArgumentParser
import Foundation

/// Options of the plan/apply/destroy commands.
public struct RunOptions: ParsableArguments {
    /// The output folder synth writes and terraform runs in.
    @Option(name: .shortAndLong, help: "Output folder (synthesized first; terraform runs in its roots).")
    public var output: String = "infra.out"

    /// Environment selection.
    @OptionGroup public var selection: SelectionOptions

    /// How many roots run at once.
    @Option(help: "Independent roots run side by side, at most this many at once (default: the number of cores).")
    public var parallel: Int = ProcessInfo.processInfo.activeProcessorCount

    /// The terraform executable.
    @Option(help: "terraform executable (default: terraform on PATH; 1.7 or newer).")
    public var terraform: String?

    /// The kubectl executable.
    @Option(help: "kubectl executable for manifests with a cluster (default: kubectl on PATH).")
    public var kubectl: String?

    /// The program the kubeconfig runs for EKS tokens.
    @Option(help: "Program the written kubeconfig runs as `<it> eks-token` for tokens (default: this program).")
    public var tokenCommand: String?

    /// A local or private AWS endpoint.
    @Option(help: "AWS endpoint for every service (sets AWS_ENDPOINT_URL for terraform and the token plugin).")
    public var endpointURL: String?

    /// The shared-config profile.
    @Option(help: "AWS profile (sets AWS_PROFILE; the kubeconfig's token plugin gets it too).")
    public var profile: String?

    /// The region.
    @Option(help: "AWS region (sets AWS_REGION and AWS_DEFAULT_REGION; a provider block's region still wins).")
    public var region: String?

    /// Creates default options.
    public init() {}

    /// Checks the values.
    public func validate() throws {
        guard parallel >= 1 else { throw ValidationError("--parallel must be 1 or more") }
        if let endpointURL {
            guard let url = URL(string: endpointURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil
            else { throw ValidationError("--endpoint-url must be an http:// or https:// URL, not \"\(endpointURL)\"") }
        }
    }

    /// The environment of terraform and kubectl: `base` with these options applied.
    func environment(_ base: [String: String]) -> [String: String] {
        var environment = base
        environment["TF_IN_AUTOMATION"] = "1"
        if let endpointURL { environment["AWS_ENDPOINT_URL"] = endpointURL }
        if let profile { environment["AWS_PROFILE"] = profile }
        if let region {
            environment["AWS_REGION"] = region
            environment["AWS_DEFAULT_REGION"] = region
        }
        return environment
    }
}

extension RunOptions {
    /// The help text the three commands share, for `command`.
    static func discussion(_ command: RunCommand) -> String {
        let specific =
            switch command {
            case .plan:
                "Each root runs `terraform plan -detailed-exitcode -out=…` (after `init` when needed); manifests are "
                    + "not planned. Exit 0: no changes, 2: changes planned, 1: a failure."
            case .apply:
                "Each root is planned and exactly that plan applied; then each manifest with a cluster is sent with "
                    + "`kubectl apply --server-side` (never --prune) through a kubeconfig written from the cluster "
                    + "root's outputs. On a terminal it asks first; otherwise --auto-approve is required."
            case .destroy:
                "Roots are destroyed in reverse dependency order; manifests are skipped (their objects go with the "
                    + "cluster). On a terminal it asks first; otherwise --auto-approve is required."
            }
        return """
            Synthesizes first, with synth's ownership rules. Independent roots run side by side (--parallel); the \
            first failure stops the run (running roots finish, nothing new starts). Each root's full log is \
            <output>/.infra-logs/<root folder>/<command>.log; the summary is printed and kept in \
            <output>/.infra-logs/<command>.json. \(specific)
            """
    }
}
