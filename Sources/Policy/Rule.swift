import Findings

/// One check of the policy engine. Each rule's type is named by its ID; rules read the
/// shared `RuleContext` and return findings (data), never print.
public protocol Rule: Sendable {
    /// ID, title, default severity and rationale.
    static var info: RuleInfo { get }
    func evaluate(_ context: RuleContext) -> [Finding]
}

extension Rule {
    /// A finding of this rule at its default severity.
    /// A finding of this rule at its default severity; with a `cause`, the engine groups the findings sharing it.
    func finding(_ resource: ResourceRef, severity: Severity? = nil, title: String, detail: String,
                 evidence: [String], fix: Fix, cause: FindingCause? = nil) -> Finding {
        Finding(ruleId: Self.info.id, severity: severity ?? Self.info.defaultSeverity, title: title, resource: resource,
                detail: detail, evidence: evidence, fix: fix, cause: cause)
    }
}
