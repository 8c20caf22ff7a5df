// The Amazon EKS Kubernetes release calendar as data: when EKS released each Kubernetes minor
// version and when its standard and extended support end. `EKSCluster` checks its version
// against it on the day of synthesis, and a test turns red when the recommended version
// leaves standard support, so the table and the default are bumped before clusters pay 6×.

import Foundation
import InfraCore

/// The EKS support dates of Kubernetes minor versions, and what they mean for a cluster today.
///
/// A version is in standard support for 14 months after EKS releases it, then in extended
/// support for 12 more (a cluster-hour costs ``extendedSupportPriceFactor`` times as much);
/// after that EKS creates no new clusters with it and upgrades existing control planes itself.
///
/// ```swift
/// EKSKubernetesCalendar.release(of: "1.35")?.support(on: .today())   // .standard
/// EKSKubernetesCalendar.creatableVersions(on: .init(2026, 12, 6))     // ["1.32", …, "1.36"]
/// ```
///
/// Source: the Amazon EKS Kubernetes release calendar,
/// <https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar>
/// (dates in UTC; billing for extended support starts on the day standard support ends). Checked
/// on ``checked``: 1.28–1.34 from the page's source (awsdocs/amazon-eks-user-guide); the end dates
/// of 1.35 and 1.36 from the page's table as copied by endoflife.date (amazon-eks), their EKS
/// release dates are those ends minus the documented 14 months.
public enum EKSKubernetesCalendar {
    /// A calendar day in UTC, as the release calendar gives its dates.
    public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year, e.g. 2026.
        public var year: Int
        /// The month, 1–12.
        public var month: Int
        /// The day of the month, 1–31.
        public var day: Int

        /// Creates a day: `Day(2026, 12, 2)`.
        public init(_ year: Int, _ month: Int, _ day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Today in UTC, from the system clock.
        public static func today() -> Day {
            let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
            return Day(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        }

        /// The day `days` after 1970-01-01 (the proleptic Gregorian calendar, H. Hinnant's algorithm).
        public init(daysSinceEpoch days: Int) {
            let shifted = days + 719_468
            let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            self.init(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        }

        /// Earlier days first.
        public static func < (lhs: Day, rhs: Day) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// `2026-12-02`.
        public var description: String {
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(year)-\(pad(month))-\(pad(day))"
        }
    }

    /// Where a version stands on a given day.
    public enum Support: String, Sendable, Hashable {
        /// EKS does not offer it yet.
        case notYetReleased = "not yet released"
        /// Standard support: the normal cluster price.
        case standard = "standard support"
        /// Extended support: clusters can still be created, at ``extendedSupportPriceFactor`` times the price.
        case extended = "extended support"
        /// Past extended support: EKS creates no clusters with it and upgrades existing ones.
        case ended = "end of support"
    }

    /// One Kubernetes minor version on EKS.
    public struct Release: Sendable, Hashable {
        /// The minor version, e.g. `1.35`.
        public var version: String
        /// The day EKS made it available.
        public var eksRelease: Day
        /// The first day of extended support (standard support ends).
        public var endOfStandardSupport: Day
        /// The day EKS stops creating clusters with it.
        public var endOfExtendedSupport: Day

        /// Creates a row of the calendar.
        public init(_ version: String, eksRelease: Day, endOfStandardSupport: Day, endOfExtendedSupport: Day) {
            self.version = version
            self.eksRelease = eksRelease
            self.endOfStandardSupport = endOfStandardSupport
            self.endOfExtendedSupport = endOfExtendedSupport
        }

        /// The support phase on `day`.
        public func support(on day: Day) -> Support {
            if day < eksRelease { return .notYetReleased }
            if day < endOfStandardSupport { return .standard }
            if day < endOfExtendedSupport { return .extended }
            return .ended
        }
    }

    /// The day the table was last compared with the source.
    public static let checked = Day(2026, 12, 6)

    /// How many times the standard price a cluster-hour in extended support costs ($0.60 instead of $0.10).
    public static let extendedSupportPriceFactor = 6

    /// The calendar, oldest version first: from the oldest version ``EKSCluster`` accepts.
    public static let releases: [Release] = [
        Release(
            "1.28", eksRelease: Day(2023, 9, 26), endOfStandardSupport: Day(2024, 11, 26),
            endOfExtendedSupport: Day(2025, 11, 26)),
        Release(
            "1.29", eksRelease: Day(2024, 1, 23), endOfStandardSupport: Day(2025, 3, 23),
            endOfExtendedSupport: Day(2026, 3, 23)),
        Release(
            "1.30", eksRelease: Day(2024, 5, 23), endOfStandardSupport: Day(2025, 7, 23),
            endOfExtendedSupport: Day(2026, 7, 23)),
        Release(
            "1.31", eksRelease: Day(2024, 9, 26), endOfStandardSupport: Day(2025, 11, 26),
            endOfExtendedSupport: Day(2026, 11, 26)),
        Release(
            "1.32", eksRelease: Day(2025, 1, 23), endOfStandardSupport: Day(2026, 3, 23),
            endOfExtendedSupport: Day(2027, 3, 23)),
        Release(
            "1.33", eksRelease: Day(2025, 5, 29), endOfStandardSupport: Day(2026, 7, 29),
            endOfExtendedSupport: Day(2027, 7, 29)),
        Release(
            "1.34", eksRelease: Day(2025, 10, 2), endOfStandardSupport: Day(2026, 12, 2),
            endOfExtendedSupport: Day(2027, 12, 2)),
        Release(
            "1.35", eksRelease: Day(2026, 1, 27), endOfStandardSupport: Day(2027, 3, 27),
            endOfExtendedSupport: Day(2028, 3, 27)),
        Release(
            "1.36", eksRelease: Day(2026, 6, 2), endOfStandardSupport: Day(2027, 8, 2),
            endOfExtendedSupport: Day(2028, 8, 2)),
    ]

    /// The calendar row of `version`, if the table has one.
    public static func release(of version: String) -> Release? {
        releases.first { $0.version == version }
    }

    /// The versions EKS creates clusters with on `day` (standard or extended support), oldest first.
    public static func creatableVersions(on day: Day) -> [String] {
        releases.filter { [.standard, .extended].contains($0.support(on: day)) }.map(\.version)
    }

    /// The versions in standard support on `day`, oldest first.
    public static func standardSupportVersions(on day: Day) -> [String] {
        releases.filter { $0.support(on: day) == .standard }.map(\.version)
    }

    /// What using `version` for a new or existing cluster means on `day`: an error when EKS no
    /// longer offers it, a warning in extended support or when the table does not know it.
    ///
    /// ```swift
    /// EKSKubernetesCalendar.diagnostics(for: "1.31", at: "prod/eks", on: .init(2026, 12, 6))   // error
    /// ```
    public static func diagnostics(for version: String, at path: ComponentPath, on day: Day) -> [Diagnostic] {
        let advice = "use \(EKSCluster.recommendedKubernetesVersion) or another version in standard support"
        guard let release = release(of: version) else {
            let newest = releases.last?.version ?? "?"
            return [
                .warning(
                    path,
                    "Kubernetes \(version) is not in the EKS release calendar this library carries (newest \(newest), "
                        + "checked \(checked)): EKS refuses versions it does not offer",
                    hint: "make sure EKS offers \(version), or \(advice)")
            ]
        }
        switch release.support(on: day) {
        case .standard:
            return []
        case .notYetReleased:
            return [
                .warning(
                    path, "EKS offers Kubernetes \(version) from \(release.eksRelease) on, not yet on \(day)",
                    hint: advice)
            ]
        case .extended:
            return [
                .warning(
                    path,
                    "Kubernetes \(version) is in EKS extended support (standard support ended \(release.endOfStandardSupport), "
                        + "extended support ends \(release.endOfExtendedSupport)): a cluster-hour costs "
                        + "\(extendedSupportPriceFactor)× the standard price",
                    hint: "upgrade: \(advice)")
            ]
        case .ended:
            return [
                .error(
                    path,
                    "EKS no longer creates Kubernetes \(version) clusters: its extended support ended "
                        + "\(release.endOfExtendedSupport), and existing control planes are upgraded by EKS",
                    hint: advice)
            ]
        }
    }
}
