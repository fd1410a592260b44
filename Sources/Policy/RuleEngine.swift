import AccessAnalysis
import Findings
import Foundation
import NetModel

/// Runs every rule on a snapshot and applies the policy file: disabled rules, severity
/// overrides and suppressions.
public enum RuleEngine {
    /// Every built-in rule, in report order.
    public static let allRules: [any Rule] = [
        InternetExposedPort(), AllPortsOpen(), LatentOpenSecurityGroup(),
        RDSPubliclyAccessible(), RDSSubnetInternetRoute(), RDSOpenToWorld(), RDSStorageUnencrypted(), RDSUnexpectedTier(),
        EKSPublicEndpointOpen(), DatastoreUnexpectedTier(), OpenSearchOpenAccessPolicy(),
        S3PublicBucket(), S3PolicyStatusDisagreement(), ResourcePublic(), ResourceExternalAccess(),
        IAMFullAdmin(), IAMBroadManagedPolicy(), IAMServiceWildcard(), IAMWriteOnAllResources(), IAMPassRoleAll(),
        IAMPrivilegeEscalation(), IAMTrustOpen(),
        ExposedWorkloadRole(), PlaintextSecretInEnvironment(),
        ALBHTTPForwardsWithHTTPS(),
        IntentViolation(),
    ]

    /// Evaluates `inventory` under `policy`.
    /// - Parameters:
    ///   - today: `YYYY-MM-DD`, for suppression expiry.
    ///   - groupBy: `.cause` (one finding per rule and cause, listing the resources it exposes) or `.resource`.
    public static func scan(_ inventory: Inventory, policy: PolicyFile, source: String, today: String,
                            groupBy: GroupBy = .cause) throws(ActionDatabaseError) -> ScanResult {
        let context = RuleContext(inventory: inventory, policy: policy, actions: try ActionDatabase.bundled())
        let rules = allRules.filter { !policy.disabledRules.contains(type(of: $0).info.id) }
        var findings: [Finding] = []
        for rule in rules {
            for var f in rule.evaluate(context) {
                if let s = policy.severityOverrides[f.ruleId] { f.severity = s }
                findings.append(f)
            }
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert($0.id).inserted }
        findings.sort(by: order)
        var (marked, expired) = Suppressions.apply(findings, policy.suppressions, today: today)
        if groupBy == .cause { marked = FindingGrouping.group(marked).sorted(by: order) }
        marked = context.deferredEvidence.resolve(marked)
        var warnings = inventory.warnings.map { "\($0.source): \($0.message)" } + context.problems
        warnings += expired.map { "suppression of \($0.ruleId) on \($0.resource) expired on \($0.expires ?? "?") and no longer applies (\($0.reason))" }
        let accounts = Set(inventory.scopes.map(\.account)).subtracting(["unknown"]).sorted()
        return ScanResult(findings: marked, rules: rules.map { type(of: $0).info }, warnings: warnings, source: source, accounts: accounts)
    }

    /// Severity (highest first), then rule and resource.
    private static func order(_ a: Finding, _ b: Finding) -> Bool {
        (a.severity, b.ruleId, b.resource.id) > (b.severity, a.ruleId, a.resource.id)
    }

    /// Today's date as `YYYY-MM-DD` (UTC).
    public static func today() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: Date())
    }
}
