/// How a scan reports findings that share a cause: one finding per cause (the default), or one per resource.
public enum GroupBy: String, Sendable, Hashable, Codable, CaseIterable {
    /// One finding per rule and cause, listing every resource the cause exposes.
    case cause
    /// One finding per rule and resource, with per-resource fingerprints.
    case resource
}

/// Merges the per-resource findings of one rule that share a cause into one finding per cause.
///
/// The grouped finding's ID is the fingerprint of the rule and the cause's ID, however many resources it
/// exposes; each member keeps its per-resource fingerprint (baselines made before grouping match on those).
/// Its severity is the highest of its members'; its first member (the most severe, in the given order)
/// gives the resource, fix and the evidence after the cause and the resource list.
///
/// Suppressions are applied to the per-resource findings first: an actively suppressed member leaves its
/// group and stays a per-resource finding of its own (marked suppressed); a cause whose members are all
/// suppressed is one suppressed finding. An expired suppression of a member marks the group.
public enum FindingGrouping {
    /// How many resource names text listings show before "and N more".
    public static let listed = 10
    /// How many resource names a grouped title shows.
    public static let titled = 3

    /// The findings with those sharing a rule and a cause merged; findings without a cause are unchanged.
    /// Groups take the place of their first member; order is otherwise kept.
    public static func group(_ findings: [Finding]) -> [Finding] {
        var buckets: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() {
            guard let cause = f.cause else { continue }
            buckets["\(f.ruleId)|\(cause.id)", default: []].append(i)
        }
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        for (i, f) in findings.enumerated() {
            guard let cause = f.cause else { out.append(f); continue }
            guard let members = buckets["\(f.ruleId)|\(cause.id)"], members.first == i else { continue }
            let all = members.map { findings[$0] }
            let open = all.filter { $0.suppression?.isActive != true }
            if open.isEmpty {
                out.append(merged(all, cause))
            } else {
                out.append(merged(open, cause))
                out += all.filter { $0.suppression?.isActive == true }
            }
        }
        return out
    }

    /// `a, b, c and 7 more`: at most `limit` names.
    public static func names(_ labels: [String], limit: Int = listed) -> String {
        let shown = labels.prefix(limit).joined(separator: ", ")
        return labels.count > limit ? "\(shown) and \(labels.count - limit) more" : shown
    }

    /// One finding for `findings` (same rule and cause, at least one).
    private static func merged(_ findings: [Finding], _ cause: FindingCause) -> Finding {
        var primary = findings[0]
        for f in findings.dropFirst() where f.severity > primary.severity { primary = f }
        var seen = Set<String>()
        let members = findings.flatMap(\.members).filter { seen.insert($0.id).inserted }
        var out = primary
        out.id = Fingerprint.of(primary.ruleId, cause.id)
        out.members = [FindingMember(id: primary.id, resource: primary.resource, severity: primary.severity)]
            + members.filter { $0.id != primary.id }
        out.severity = members.map(\.severity).max() ?? primary.severity
        let labels = out.resources.map(\.label)
        if labels.count > 1 {
            out.title = "\(cause.title) on \(labels.count) resources: \(names(labels, limit: titled))"
            out.evidence = ["cause: \(cause.label)", "exposes \(labels.count) resources: \(names(labels))",
                            "evidence for \(primary.resource.label):"] + primary.evidence
        }
        if primary.suppression?.isActive != true {
            out.suppression = findings.lazy.compactMap(\.suppression).first { $0.expired }
        }
        return out
    }
}
