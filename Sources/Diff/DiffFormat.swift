import Findings
import Report

/// The output formats of `netaudit diff --format`.
public enum DiffFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Sections for a terminal.
    case table
    /// Machine-readable: `{old, new, changes, findings, reachability, gating}`.
    case json
    /// For a pull-request comment.
    case markdown
    /// SARIF 2.1.0 of what the change brings: its new findings and those it widens (at the severity of what they
    /// newly expose), each at its declaration's file and line, for pull-request annotations.
    case sarif

    public var description: String { rawValue }
}

/// Renders a diff in one of the formats.
public enum DiffRenderer {
    /// The diff as text in `format` (ending with a newline).
    public static func render(_ result: DiffResult, format: DiffFormat) -> String {
        switch format {
        case .table: DiffTableText.render(result)
        case .json: DiffJSON.render(result)
        case .markdown: DiffMarkdown.render(result)
        case .sarif:
            ReportRenderer.render(ScanResult(findings: result.findings.gated, rules: result.findings.rules, warnings: [], source: result.new, accounts: []),
                                  format: .sarif, gate: Gate(threshold: nil))
        }
    }
}
