// Which types go into which module and file. The curated set goes to the default
// `InfraAWS` module; every other type goes to an opt-in family module (see FamilyPlan).

/// Selects schema entries for output files.
package enum GenerationPlan {
    /// The curated files, in family order; each entry appears once (first matching family wins).
    package static func curatedFiles(_ provider: SchemaParser.Provider) -> [(family: String, entries: [SchemaEntry])] {
        var taken: Set<String> = []
        var result: [(family: String, entries: [SchemaEntry])] = []
        for (family, patterns) in CuratedSet.families {
            var entries: [SchemaEntry] = []
            for entry in provider.resources + provider.dataSources {
                let key = (entry.isDataSource ? "data." : "") + entry.type
                guard !taken.contains(key),
                    patterns.contains(where: {
                        CuratedSet.matches($0, type: entry.type, dataSource: entry.isDataSource)
                    })
                else { continue }
                taken.insert(key)
                entries.append(entry)
            }
            result.append((family, entries))
        }
        return result
    }

    /// Keys (`aws_vpc`, `data.aws_region`) of every curated entry.
    package static func curatedKeys(_ provider: SchemaParser.Provider) -> Set<String> {
        Set(curatedFiles(provider).flatMap { $0.entries.map { ($0.isDataSource ? "data." : "") + $0.type } })
    }

    /// Patterns that matched nothing (a typo in the curated list, or a type the provider dropped).
    package static func unmatchedCuratedPatterns(_ provider: SchemaParser.Provider) -> [String] {
        CuratedSet.families.flatMap(\.types).filter { pattern in
            !(provider.resources + provider.dataSources).contains {
                CuratedSet.matches(pattern, type: $0.type, dataSource: $0.isDataSource)
            }
        }
    }
}
