import Findings
import Foundation
import NetModel
import Policy

/// Everything `netaudit diff` reports: configuration changes, findings delta, reachability delta, gate.
public struct DiffResult: Sendable {
    /// The two inputs' names (paths).
    public var old: String
    public var new: String
    /// Configuration changes, resource by resource.
    public var changes: [ResourceChange]
    /// New and resolved findings.
    public var findings: FindingsDelta
    /// Paths opened and closed, with causes.
    public var reachability: ReachabilityChanges
    /// What fails the diff.
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

    /// Whether anything gates.
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
        let timer = PhaseTimer()
        let changes = ConfigDiff.compare(old, new)
        timer.lap("configuration")
        let findings = try scan(old, new, changes: changes, oldName: oldName, newName: newName, policy: policy, today: today)
        timer.lap("findings")
        var reachability = ReachabilityChanges(skipped: true)
        if ConfigDiff.touchesNetwork(changes) {
            reachability = ReachabilityDelta(old: old, new: new, definitions: policy.tiers.tiers, changes: changes).compare()
        }
        timer.lap("reachability")
        let gating = DiffGating(threshold: threshold, findings: findings.gated, opened: reachability.opened)
        return DiffResult(old: oldName, new: newName, changes: changes, findings: findings, reachability: reachability, gating: gating)
    }

    /// Both scans, side by side on two cores; with no configuration change the new scan is the old one.
    static func scan(_ old: Inventory, _ new: Inventory, changes: [ResourceChange], oldName: String, newName: String,
                     policy: PolicyFile, today: String) throws(DiffError) -> FindingsDelta {
        let results = Slots<Result<ScanResult, any Error>>()
        let jobs: [(Inventory, String)] = changes.isEmpty ? [(old, oldName)] : [(old, oldName), (new, newName)]
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let r = Result { () throws -> ScanResult in
                try RuleEngine.scan(jobs[i].0, policy: policy, source: jobs[i].1, today: today)
            }
            results.set(i, r)
        }
        do {
            let oldScan = try results.get(0)?.get()
            let newScan = changes.isEmpty ? oldScan : try results.get(1)?.get()
            var delta = FindingsDelta(old: oldScan?.findings ?? [], new: newScan?.findings ?? [])
            delta.rules = newScan?.rules ?? []
            return delta
        } catch {
            throw .scanFailed("\(error)")
        }
    }
}
