/// The output formats of `netaudit scan --format`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A terminal report, colored when asked.
    case table
    /// The full machine-readable report; also what `--baseline` reads.
    case json
    /// SARIF 2.1.0 for GitHub code scanning.
    case sarif
    /// JUnit XML: one test case per rule × resource.
    case junit
    /// Markdown for a pull-request comment.
    case markdown
    /// One self-contained HTML page: summary, findings with fixes, the tier graph, resources.
    case html

    public var description: String { rawValue }
}

/// Name, version and home of the tool, as reports print them.
public enum ToolInfo {
    public static let name = "netaudit"
    public static let version = "0.1.0"
    public static let informationUri = "https://github.com/netaudit/netaudit"
}
