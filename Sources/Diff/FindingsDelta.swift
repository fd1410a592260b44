import Findings

/// Findings that appeared or went away between two scans, matched by their stable `id`.
public struct FindingsDelta: Sendable, Hashable {
    /// Findings only the new snapshot has.
    public var new: [Finding]
    /// Findings only the old snapshot had.
    public var resolved: [Finding]
    /// Findings present in both scans.
    public var unchanged: Int

    /// A delta from its parts.
    public init(new: [Finding], resolved: [Finding], unchanged: Int) {
        self.new = new
        self.resolved = resolved
        self.unchanged = unchanged
    }

    /// Compares two scans' findings (each list keeps the engine's severity order).
    public init(old: [Finding], new: [Finding]) {
        let oldIds = Set(old.map(\.id))
        let newIds = Set(new.map(\.id))
        self.new = new.filter { !oldIds.contains($0.id) }
        resolved = old.filter { !newIds.contains($0.id) }
        unchanged = new.filter { oldIds.contains($0.id) }.count
    }

    /// Whether no finding appeared or went away.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty }
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
