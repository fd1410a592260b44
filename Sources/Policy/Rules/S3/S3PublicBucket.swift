import AccessAnalysis
import Findings
import NetModel

/// A bucket public by S3's own definition (policy, ACL, and Block Public Access considered).
struct S3PublicBucket: Rule {
    static let info = RuleInfo(
        id: "s3-public-bucket", title: "Public S3 bucket", defaultSeverity: .high,
        rationale: "Per S3's meaning of \"public\": a policy granting Principal * without a restricting condition, or an ACL grant to AllUsers/AuthenticatedUsers, not neutralised by Block Public Access. Public write or list is critical; public read is high unless the bucket is allow-listed (a static website).")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for bucket in context.inventory.buckets {
            let a = context.assessment(bucket)
            if let error = a.policyError { context.problem("bucket \(bucket.id): \(error)") }
            guard a.isPublic else { continue }
            let kinds = a.publicAccessKinds
            let dangerous = kinds.contains { [.write, .list, .writeACP, .permissionsManagement].contains($0) }
            let allowListed = context.policy.publicBuckets.contains(bucket.id)
            let severity: Severity = dangerous ? .critical : (allowListed ? .info : .high)
            let names = kinds.map { $0 == .readACP ? "read-ACL" : $0 == .writeACP ? "write-ACL" : $0.rawValue }.joined(separator: ", ")
            var evidence: [String] = []
            for x in a.exposures {
                let what = x.accessKinds.map(\.rawValue).joined(separator: ", ")
                switch x.source {
                case .policyStatement(let s):
                    evidence.append("bucket policy \(s.label) allows \(what) to Principal *" + (x.neutralisedBy.map { " — neutralised by \($0)" } ?? ""))
                case .aclGrant(let g):
                    evidence.append("ACL grants \(g.permission) to \(g.grantee)" + (x.neutralisedBy.map { " — neutralised by \($0)" } ?? ""))
                }
            }
            let bpa = a.blockPublicAccess.settingsOn.map(\.description)
            evidence.append("Block Public Access in effect: " + (bpa.isEmpty ? "none" : bpa.joined(separator: ", ")))
            if allowListed { evidence.append("allow-listed as a public bucket in the policy file") }
            out.append(finding(context.resource(bucket), severity: severity,
                               title: "\(bucket.id) is public (\(names))\(allowListed ? " — allow-listed" : "")",
                               detail: names, evidence: evidence,
                               fix: Fix(summary: allowListed ? "Expected public read (allow-listed). Consider CloudFront with origin access control instead of a public bucket."
                                            : "Turn on Block Public Access for \(bucket.id) and remove the public statements/grants; serve public content through CloudFront with origin access control.",
                                        cli: "aws s3api put-public-access-block --bucket \(bucket.id) --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                                        terraform: """
                                            resource "aws_s3_bucket_public_access_block" "\(FixText.terraformName(bucket.id))" {
                                              bucket                  = "\(bucket.id)"
                                              block_public_acls       = true
                                              ignore_public_acls      = true
                                              block_public_policy     = true
                                              restrict_public_buckets = true
                                            }
                                            """)))
        }
        return out
    }
}
