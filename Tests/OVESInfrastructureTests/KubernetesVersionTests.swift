// The OVES Kubernetes version against today's EKS calendar: both clusters run a version in
// standard support (this turns red the day it leaves, so someone bumps it before the clusters
// cost 6×), the typed API is generated from that version, the versions the YAML is validated
// against are exactly the ones EKS creates clusters with today, and the autoscaler has an image
// for each of them.

import InfraAWS
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes version and the EKS support window")
struct KubernetesVersionTests {
    typealias Day = EKSKubernetesCalendar.Day

    @Test("both clusters run a Kubernetes version in EKS standard support today (bump it when this fails)")
    func clustersAreInStandardSupport() throws {
        let version = OVESSettings.kubernetesVersion
        let release = try #require(EKSKubernetesCalendar.release(of: version), "\(version) is not in the calendar")
        let today = Day.today()
        #expect(
            release.support(on: today) == .standard,
            """
            OVESSettings.kubernetesVersion \(version) is in \(release.support(on: today).rawValue) on \(today) \
            (standard support ended \(release.endOfStandardSupport)); in standard support now: \
            \(EKSKubernetesCalendar.standardSupportVersions(on: today)). Bump it, the recommended version and \
            codegen/kubernetes/versions.json, then regenerate (Documentation/KubernetesVersions.md).
            """)
        #expect(OVESEnvironment.prod.kubernetesVersion == version && OVESEnvironment.dev.kubernetesVersion == version)
    }

    @Test("the typed Kubernetes API is generated from the version OVES runs, which is the recommended one")
    func generatedFromTheClusterVersion() {
        #expect(KubernetesVersionWindow.generatedFrom == OVESSettings.kubernetesVersion)
        #expect(EKSCluster.recommendedKubernetesVersion == OVESSettings.kubernetesVersion)
    }

    @Test("the versions output is validated against are exactly those EKS creates clusters with today")
    func validationWindowIsTheEKSWindow() {
        let today = Day.today()
        #expect(
            KubernetesVersionWindow.supported == EKSKubernetesCalendar.creatableVersions(on: today),
            """
            codegen/kubernetes/versions.json lists \(KubernetesVersionWindow.supported); EKS creates clusters \
            with \(EKSKubernetesCalendar.creatableVersions(on: today)) on \(today): update it and regenerate
            """)
    }

    @Test("the Cluster Autoscaler has an image for every supported version, of the same minor")
    func autoscalerImagePerVersion() {
        for version in KubernetesVersionWindow.supported {
            let release = OVESNames.clusterAutoscalerReleases[version]
            #expect(release?.hasPrefix("v\(version).") == true, "\(version): \(release ?? "none")")
        }
    }
}
