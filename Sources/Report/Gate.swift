import Findings

/// Decides which findings fail the scan, and so the exit code.
///
/// A finding gates when its severity is at or above the threshold, it is not actively suppressed
/// (an expired suppression does not count) and it is not in the baseline (``isInBaseline(_:)``).
public struct Gate: Sendable, Hashable {
    /// The lowest severity that fails the scan; `nil` (`--fail-on none`) never fails.
    public var threshold: Severity?
    /// Finding IDs from a previous report (grouped findings' and their members'): these are known and do not gate.
    public var baseline: Set<String>

    /// The default threshold of `--fail-on`.
    public static let defaultThreshold: Severity = .high

    public init(threshold: Severity? = Gate.defaultThreshold, baseline: Set<String> = []) {
        self.threshold = threshold
        self.baseline = baseline
    }

    /// Parses a `--fail-on` value: `critical`, `high`, `medium`, `low` or `none` (nil).
    public static func threshold(parsing value: String) throws(ReportError) -> Severity? {
        let v = value.lowercased()
        if v == "none" { return nil }
        guard let s = Severity(rawValue: v), s != .info else { throw .badThreshold(value) }
        return s
    }

    /// `--fail-on` as written: the threshold's name or `none`.
    public var failOnName: String { threshold?.rawValue ?? "none" }

    /// Why a finding does or does not gate.
    public func status(of finding: Finding) -> GateStatus {
        if finding.suppression?.isActive == true { return .suppressed }
        if isInBaseline(finding) { return .inBaseline }
        guard let threshold, finding.severity >= threshold else { return .belowThreshold }
        return .gating
    }

    /// Whether the baseline knows the finding: by its ID, or by one of its members' per-resource IDs (so a
    /// baseline made before findings were grouped by cause, or with `--group-by resource`, still matches).
    public func isInBaseline(_ finding: Finding) -> Bool {
        baseline.contains(finding.id) || finding.members.contains { baseline.contains($0.id) }
    }

    /// Whether the finding fails the scan.
    public func gates(_ finding: Finding) -> Bool { status(of: finding) == .gating }

    /// The gating findings (in the result's order) and the verdict.
    public func evaluate(_ result: ScanResult) -> GateOutcome {
        GateOutcome(gating: result.findings.filter(gates))
    }
}

/// What the gate decided about one finding.
public enum GateStatus: Sendable, Hashable {
    case gating
    case belowThreshold
    case suppressed
    case inBaseline
}

/// The gate's verdict over a scan.
public struct GateOutcome: Sendable, Hashable {
    /// The findings that fail the scan.
    public var gating: [Finding]

    public init(gating: [Finding]) { self.gating = gating }

    /// Whether any finding gates.
    public var failed: Bool { !gating.isEmpty }

    /// 1 when the scan failed, otherwise 0 (errors, exit 2, are the CLI's).
    public var exitCode: Int32 { failed ? 1 : 0 }
}
