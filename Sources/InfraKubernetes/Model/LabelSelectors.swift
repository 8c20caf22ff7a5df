// Label selector helpers: building `LabelSelector`s tersely and evaluating them (and the
// plain `[String: String]` selectors of Services) against a set of labels, as the API
// server does. Manifest validation uses the same code to check workloads and Services.

/// Shorthands for building and evaluating label selectors.
///
/// ```swift
/// let selector = LabelSelector.matching(["app": "account"])
/// selector.matches(["app": "account", "tier": "api"])   // true
/// ```
extension LabelSelector {
    /// A selector requiring exactly these labels (`matchLabels`).
    public static func matching(_ labels: [String: String]) -> LabelSelector {
        LabelSelector(matchLabels: labels)
    }

    /// Whether the selector has no requirements (it then selects everything, or nothing for
    /// a workload, where the API server rejects it).
    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    /// Whether `labels` satisfy every `matchLabels` entry and every `matchExpressions` requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels) { return false }
        return true
    }
}

/// Shorthands for `matchExpressions` requirements.
///
/// ```swift
/// LabelSelector(matchExpressions: [.in("tier", ["api", "web"]), .exists("team")])
/// ```
extension LabelSelectorRequirement {
    /// `key In (values)`.
    public static func `in`(_ key: String, _ values: [String]) -> LabelSelectorRequirement {
        LabelSelectorRequirement(key: key, operator: "In", values: values)
    }

    /// `key NotIn (values)`.
    public static func notIn(_ key: String, _ values: [String]) -> LabelSelectorRequirement {
        LabelSelectorRequirement(key: key, operator: "NotIn", values: values)
    }

    /// `key` is present.
    public static func exists(_ key: String) -> LabelSelectorRequirement {
        LabelSelectorRequirement(key: key, operator: "Exists")
    }

    /// `key` is absent.
    public static func doesNotExist(_ key: String) -> LabelSelectorRequirement {
        LabelSelectorRequirement(key: key, operator: "DoesNotExist")
    }

    /// Whether `labels` satisfy this requirement; an unknown operator matches nothing.
    public func matches(_ labels: [String: String]) -> Bool {
        let values = self.values ?? []
        switch self.operator {
        case "In": return labels[key].map(values.contains) ?? false
        case "NotIn": return labels[key].map { !values.contains($0) } ?? true
        case "Exists": return labels[key] != nil
        case "DoesNotExist": return labels[key] == nil
        default: return false
        }
    }
}

/// Whether a Service-style selector (`[String: String]`, every pair required) matches `labels`;
/// an empty selector matches nothing, as for Services it means "no automatic endpoints".
public func selectorMatches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
    !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
}
