/// What a rule is, for reports (SARIF rule metadata, Markdown, JUnit test cases).
public struct RuleInfo: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var defaultSeverity: Severity
    /// Why the rule matters.
    public var rationale: String

    public init(id: String, title: String, defaultSeverity: Severity, rationale: String) {
        self.id = id
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.rationale = rationale
    }
}

/// The result of evaluating a snapshot: every finding, the rules that ran, and what could not be judged.
public struct ScanResult: Sendable, Codable {
    public var findings: [Finding]
    public var rules: [RuleInfo]
    /// Snapshot warnings and rule problems (a bad policy document, an unknown tier).
    public var warnings: [String]
    /// The snapshot or input that was scanned (a path, for SARIF locations and reports).
    public var source: String
    public var accounts: [String]

    public init(findings: [Finding], rules: [RuleInfo], warnings: [String], source: String, accounts: [String]) {
        self.findings = findings
        self.rules = rules
        self.warnings = warnings
        self.source = source
        self.accounts = accounts
    }
}
