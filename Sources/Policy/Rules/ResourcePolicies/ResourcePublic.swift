import AccessAnalysis
import Findings
import NetModel

/// A resource policy (SNS, SQS, KMS, Lambda, Secrets Manager, ECR, EFS) that lets anyone in, or a snapshot or AMI
/// shared with everyone.
struct ResourcePublic: Rule {
    static let info = RuleInfo(
        id: "resource-public", title: "Resource open to anyone", defaultSeverity: .critical,
        rationale: "A resource policy statement whose principal is * (or AWS: *), not narrowed by a fixed value of a restricting condition key (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, a narrow aws:SourceIp, kms:CallerAccount, ...) nor cancelled by a Deny, lets anyone with an AWS account (or anonymous callers) use the resource (IAM Access Analyzer User Guide, \"Identifying resources shared with an external entity\"). Write, delete, decrypt, invoke or permissions management is critical, read high. A snapshot or AMI shared with \"all\" can be restored or launched by every AWS account (\"Sharing a DB snapshot\", \"Share an Amazon EBS snapshot\", \"Make your AMI publicly available\").")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for access in context.resourceAccess {
            let open = access.statements.filter(\.access.audience.isPublic)
            guard !open.isEmpty else { continue }
            let dangerous = open.contains(where: \.isDangerous)
            let levels = Set(open.flatMap(\.levels)).sorted().map(\.rawValue)
            let r = access.resource
            out.append(finding(access.ref, severity: dangerous ? .critical : .high,
                               title: "\(r.kind.label) \(r.name) is open to anyone (\(levels.joined(separator: ", ")))",
                               detail: "public", evidence: open.map(ResourceAccess.evidence),
                               fix: ResourcePolicyFix.fix(r, summary: "Name the principals that need \(r.name) in its policy, or pin the open statements with aws:SourceArn / aws:SourceAccount (for services) or aws:PrincipalOrgID.")))
        }
        for a in context.inventory.sharedArtifacts where a.isPublic {
            out.append(finding(ResourcePolicyFix.ref(a), severity: .critical,
                               title: "\(a.kind.label) \(a.id) is shared with every AWS account",
                               detail: "public", evidence: ["\(permission(a)) includes all: any AWS account can copy it and read its data"],
                               fix: ResourcePolicyFix.fix(a, targets: [SharedArtifact.everyone], summary: "Stop sharing \(a.id) publicly; share it with named accounts if they need it.")))
        }
        return out
    }

    private func permission(_ a: SharedArtifact) -> String {
        switch a.kind {
        case .rdsSnapshot, .rdsClusterSnapshot: "the restore attribute"
        case .ebsSnapshot: "createVolumePermission"
        case .ami: "launchPermission"
        }
    }
}
