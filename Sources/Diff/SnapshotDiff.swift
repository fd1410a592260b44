import Findings
import NetModel
import Policy

/// Everything `netaudit diff` reports: configuration changes, findings delta, reachability delta, gate.
public struct DiffResult: Sendable {
    /// The two inputs' names (paths).
    public var old: String
    public var new: String
    public var changes: [ResourceChange]
    public var findings: FindingsDelta
    public var reachability: ReachabilityChanges
    public var gating: DiffGating

    /// Whether nothing changed at all.
    public var isEmpty: Bool { changes.isEmpty && findings.isEmpty && reachability.isEmpty }
}

/// What fails the diff: new findings and newly opened internet paths at or above the threshold.
public struct DiffGating: Sendable, Hashable, Codable {
    /// `--fail-on` as given: a severity or `none`.
    public var failOn: String
    /// IDs of the new findings that gate.
    public var findings: [String]
    /// Titles of the opened internet paths that gate.
    public var paths: [String]

    public var failed: Bool { !findings.isEmpty || !paths.isEmpty }
    /// 1 when something gates, else 0.
    public var exitCode: Int32 { failed ? 1 : 0 }

    /// Gates `findings` and `opened` paths at `threshold` (nil: never fails). Actively suppressed findings never gate.
    public init(threshold: Severity?, findings: [Finding], opened: [PathChange]) {
        failOn = threshold?.rawValue ?? "none"
        guard let threshold else {
            self.findings = []
            paths = []
            return
        }
        self.findings = findings.filter { $0.severity >= threshold && $0.suppression?.isActive != true }.map(\.id)
        paths = opened.filter { $0.from == "internet" && ($0.severity ?? .info) >= threshold }.map(\.title)
    }
}

/// Compares two snapshots.
public enum SnapshotDiff {
    /// Diffs `old` → `new` under one policy file (for scans and tiers) and gates at `threshold`.
    /// - Parameter today: `YYYY-MM-DD`, for suppression expiry.
    public static func run(old: Inventory, new: Inventory, oldName: String, newName: String, policy: PolicyFile,
                           threshold: Severity?, today: String) throws(DiffError) -> DiffResult {
        let changes = ConfigDiff.compare(old, new)
        let oldScan: ScanResult, newScan: ScanResult
        do {
            oldScan = try RuleEngine.scan(old, policy: policy, source: oldName, today: today)
            newScan = try RuleEngine.scan(new, policy: policy, source: newName, today: today)
        } catch {
            throw .scanFailed("\(error)")
        }
        let findings = FindingsDelta(old: oldScan.findings, new: newScan.findings)
        var reachability = ReachabilityChanges(skipped: true)
        if ConfigDiff.touchesNetwork(changes) {
            reachability = ReachabilityDelta(old: old, new: new, definitions: policy.tiers.tiers, changes: changes).compare()
        }
        let gating = DiffGating(threshold: threshold, findings: findings.new, opened: reachability.opened)
        return DiffResult(old: oldName, new: newName, changes: changes, findings: findings, reachability: reachability, gating: gating)
    }
}
