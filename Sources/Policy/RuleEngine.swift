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
    /// - Parameter today: `YYYY-MM-DD`, for suppression expiry.
    public static func scan(_ inventory: Inventory, policy: PolicyFile, source: String, today: String) throws(ActionDatabaseError) -> ScanResult {
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
        findings.sort { ($0.severity, $1.ruleId, $1.resource.id) > ($1.severity, $0.ruleId, $0.resource.id) }
        let (marked, expired) = Suppressions.apply(findings, policy.suppressions, today: today)
        var warnings = inventory.warnings.map { "\($0.source): \($0.message)" } + context.problems
        warnings += expired.map { "suppression of \($0.ruleId) on \($0.resource) expired on \($0.expires ?? "?") and no longer applies (\($0.reason))" }
        let accounts = Set(inventory.scopes.map(\.account)).subtracting(["unknown"]).sorted()
        return ScanResult(findings: marked, rules: rules.map { type(of: $0).info }, warnings: warnings, source: source, accounts: accounts)
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
