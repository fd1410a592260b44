import AccessAnalysis
import Findings
import NetModel

/// S3's `GetBucketPolicyStatus` disagrees with netaudit's reading of the policy.
struct S3PolicyStatusDisagreement: Rule {
    static let info = RuleInfo(
        id: "s3-policy-status-disagreement", title: "S3's policy status disagrees with the analysis", defaultSeverity: .low,
        rationale: "When S3's own IsPublic verdict and netaudit's evaluation differ, a human should look: one of them is missing a condition.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.buckets.compactMap { bucket in
            guard let d = context.assessment(bucket).policyStatusDisagreement else { return nil }
            return finding(context.resource(bucket), title: "\(bucket.id): S3 says the policy is \(d.s3SaysPublic ? "" : "not ")public, netaudit says it is \(d.analysisSaysPublic ? "" : "not ")public",
                           detail: "\(d.s3SaysPublic)", evidence: ["GetBucketPolicyStatus IsPublic: \(d.s3SaysPublic)"],
                           fix: Fix(summary: "Review the bucket policy's conditions; report a netaudit bug if S3 is right."))
        }
    }
}
