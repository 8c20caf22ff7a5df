// The EKS release calendar as data: its rows follow EKS's 14 + 12 month rule, EKSCluster refuses
// versions EKS can no longer create and warns about extended support (6× the price) on a given
// day, and the recommended version is in standard support today — a test that turns red on the
// day it is not, so the default is bumped before clusters pay for extended support.

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("EKS Kubernetes support calendar")
struct EKSKubernetesCalendarTests {
    typealias Day = EKSKubernetesCalendar.Day

    /// The day this table was checked against the EKS calendar.
    static let december = Day(2026, 12, 6)

    func cluster(_ version: String) -> EKSCluster {
        EKSCluster(
            "eks", kubernetesVersion: version, vpcID: "vpc-a", subnetIDs: ["subnet-a", "subnet-b"],
            nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 1, maxSize: 3)])
    }

    @Test("the recommended version is in EKS standard support today (bump it and regenerate when this fails)")
    func recommendedVersionIsInStandardSupport() throws {
        let version = EKSCluster.recommendedKubernetesVersion
        let release = try #require(EKSKubernetesCalendar.release(of: version), "\(version) is not in the calendar")
        let today = Day.today()
        #expect(
            release.support(on: today) == .standard,
            """
            EKSCluster.recommendedKubernetesVersion \(version) is in \(release.support(on: today).rawValue) on \(today) \
            (standard support ends \(release.endOfStandardSupport)); versions in standard support today: \
            \(EKSKubernetesCalendar.standardSupportVersions(on: today))
            """)
    }

    @Test("each row follows the calendar's rule: 14 months of standard and 12 of extended support, oldest first")
    func rowsFollowTheRule() {
        func months(_ day: Day, plus count: Int) -> Day {
            let index = day.year * 12 + (day.month - 1) + count
            return Day(index / 12, index % 12 + 1, day.day)
        }
        let releases = EKSKubernetesCalendar.releases
        #expect(releases.first?.version == "1.28", "the calendar starts at EKSCluster's floor")
        for release in releases {
            #expect(release.endOfStandardSupport == months(release.eksRelease, plus: 14), "\(release.version)")
            #expect(
                release.endOfExtendedSupport == months(release.endOfStandardSupport, plus: 12), "\(release.version)")
        }
        let minors = releases.compactMap { Int($0.version.split(separator: ".").last ?? "") }
        #expect(minors == Array(28..<(28 + releases.count)), "one row per minor version, none skipped")
    }

    @Test("support phases change on the calendar's days (UTC): 1.34 leaves standard support on 2026-12-02")
    func phases() throws {
        let release = try #require(EKSKubernetesCalendar.release(of: "1.34"))
        #expect(release.support(on: Day(2025, 10, 1)) == .notYetReleased)
        #expect(release.support(on: Day(2025, 10, 2)) == .standard)
        #expect(release.support(on: Day(2026, 12, 1)) == .standard)
        #expect(release.support(on: Day(2026, 12, 2)) == .extended)
        #expect(release.support(on: Day(2027, 12, 1)) == .extended)
        #expect(release.support(on: Day(2027, 12, 2)) == .ended)
        #expect(EKSKubernetesCalendar.creatableVersions(on: Self.december) == ["1.32", "1.33", "1.34", "1.35", "1.36"])
        #expect(EKSKubernetesCalendar.standardSupportVersions(on: Self.december) == ["1.35", "1.36"])
    }

    @Test("a version past extended support is an error", arguments: ["1.28", "1.29", "1.30", "1.31"])
    func endedVersionIsRefused(version: String) {
        let found = cluster(version).diagnostics(at: "t/eks", on: Self.december)
        let errors = found.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(found)")
        #expect(errors.first?.path.description == "t/eks")
        #expect(errors.first?.message.contains("EKS no longer creates Kubernetes \(version) clusters") == true)
        #expect(errors.first?.hint?.contains(EKSCluster.recommendedKubernetesVersion) == true)
    }

    @Test(
        "a version in extended support is a warning naming its end and the 6× price",
        arguments: ["1.32", "1.33", "1.34"])
    func extendedVersionWarns(version: String) throws {
        let found = cluster(version).diagnostics(at: "t/eks", on: Self.december)
        #expect(found.allSatisfy { $0.severity == .warning }, "\(found)")
        let warning = try #require(found.first { $0.message.contains("extended support") })
        let release = try #require(EKSKubernetesCalendar.release(of: version))
        #expect(warning.message.contains("6× the standard price"))
        #expect(warning.message.contains("extended support ends \(release.endOfExtendedSupport)"))
    }

    @Test("a version in standard support has no version diagnostic", arguments: ["1.35", "1.36"])
    func standardVersionIsQuiet(version: String) {
        #expect(cluster(version).diagnostics(at: "t/eks", on: Self.december).isEmpty)
    }

    @Test("a version newer than the calendar is a warning; a malformed or pre-1.28 one an error")
    func unknownVersions() {
        let newer = cluster("1.37").diagnostics(at: "t/eks", on: Self.december)
        #expect(newer.count == 1 && newer.first?.severity == .warning, "\(newer)")
        #expect(newer.first?.message.contains("not in the EKS release calendar") == true)
        for bad in ["1.35.2", "v1.35", "1.", "latest"] {
            let found = cluster(bad).diagnostics(at: "t/eks", on: Self.december)
            #expect(found.map(\.message) == ["Kubernetes version \"\(bad)\" is not of the form 1.35"])
        }
        let old = cluster("1.27").diagnostics(at: "t/eks", on: Self.december)
        #expect(old.map(\.message) == ["Kubernetes version 1.27 is below the supported minimum 1.28"])
    }

    @Test("a stack with an ended version writes nothing; one in extended support is written with the warning")
    func synthesis() {
        let ended = synthesizeConstructs { cluster("1.31") }
        #expect(ended.artifacts.isEmpty && ended.diagnostics.hasErrors, "1.31 left extended support on 2026-11-26")
        let recommended = synthesizeConstructs { cluster(EKSCluster.recommendedKubernetesVersion) }
        #expect(!recommended.diagnostics.hasErrors, "\(recommended.errorLines)")
        #expect(!recommended.artifacts.isEmpty)
    }

    @Test("days count from 1970-01-01 in UTC and today matches Foundation's UTC calendar")
    func days() throws {
        #expect(Day(daysSinceEpoch: 0) == Day(1970, 1, 1))
        #expect(Day(daysSinceEpoch: 11_016) == Day(2000, 2, 29))
        #expect(Day(daysSinceEpoch: 20_789) == Day(2026, 12, 2))
        #expect(Day(daysSinceEpoch: -1) == Day(1969, 12, 31))
        #expect(Day(2027, 3, 27).description == "2027-03-27")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = Day.today()
        // Around midnight the two reads may straddle the day boundary.
        #expect(
            today == Day(parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
                || calendar.component(.hour, from: Date()) == 0)
    }
}
