import Findings

/// Findings that appeared, went away or reach more resources between two scans, matched by their stable `id`.
public struct FindingsDelta: Sendable, Hashable {
    /// Findings only the new snapshot has.
    public var new: [Finding]
    /// Findings only the old snapshot had.
    public var resolved: [Finding]
    /// Findings of both scans whose cause now exposes resources it did not (a grouped finding keeps its ID when an
    /// instance joins an open security group: the instance is newly exposed all the same).
    public var widened: [Widening]
    /// Findings present in both scans, unchanged in what they expose.
    public var unchanged: Int
    /// The rules the new scan ran (for SARIF's rule table).
    public var rules: [RuleInfo] = []

    /// A finding of both scans and the members only the new one has.
    public struct Widening: Sendable, Hashable {
        public var finding: Finding
        public var added: [FindingMember]

        /// The most severe of the added members: what the change newly exposes.
        public var severity: Severity { added.map(\.severity).max() ?? finding.severity }
    }

    /// A delta from its parts.
    public init(new: [Finding], resolved: [Finding], widened: [Widening] = [], unchanged: Int) {
        self.new = new
        self.resolved = resolved
        self.widened = widened
        self.unchanged = unchanged
    }

    /// Compares two scans' findings (each list keeps the engine's severity order).
    public init(old: [Finding], new: [Finding]) {
        var oldMembers: [String: Set<String>] = [:]
        for f in old { oldMembers[f.id, default: []].formUnion(f.members.map(\.id)) }
        let newIds = Set(new.map(\.id))
        self.new = new.filter { oldMembers[$0.id] == nil }
        resolved = old.filter { !newIds.contains($0.id) }
        widened = new.compactMap { f in
            guard let before = oldMembers[f.id] else { return nil }
            let added = f.members.filter { !before.contains($0.id) }
            return added.isEmpty ? nil : Widening(finding: f, added: added)
        }
        unchanged = new.filter { oldMembers[$0.id] != nil }.count - widened.count
    }

    /// Whether no finding appeared, went away or widened.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && widened.isEmpty }

    /// What gates: the new findings, and each widened one at the severity of what it newly exposes.
    public var gated: [Finding] {
        new + widened.map { w in var f = w.finding; f.severity = w.severity; return f }
    }
}

/// A finding as the diff reports it: enough to read and to match against a scan report.
public struct FindingSummary: Sendable, Hashable, Codable {
    /// The finding's stable fingerprint.
    public var id: String
    public var ruleId: String
    public var severity: Severity
    public var title: String
    /// `name (id)` of the resource.
    public var resource: String
    /// Whether an active suppression silences it (it does not gate).
    public var suppressed: Bool

    /// The summary of one finding.
    public init(_ f: Finding) {
        id = f.id
        ruleId = f.ruleId
        severity = f.severity
        title = f.title
        resource = f.resource.label
        suppressed = f.suppression?.isActive == true
    }
}

/// A widened finding as the diff reports it: the finding and the resources it newly exposes.
public struct WideningSummary: Sendable, Hashable, Codable {
    public var finding: FindingSummary
    /// `name (id)` of each newly exposed resource.
    public var added: [String]

    public init(_ w: FindingsDelta.Widening) {
        finding = FindingSummary(w.finding)
        finding.severity = w.severity
        added = w.added.map(\.resource.label)
    }
}
