import Findings

/// Findings and scans the report tests share.
enum Samples {
    static func finding(_ rule: String = "NA-SG-001", _ severity: Severity = .high, resource: String = "sg-0123",
                        name: String? = "web", title: String = "SSH open to the internet",
                        detail: String = "", suppression: AppliedSuppression? = nil) -> Finding {
        var f = Finding(
            ruleId: rule, severity: severity, title: title,
            resource: ResourceRef(id: resource, kind: "security-group", name: name,
                                  arn: "arn:aws:ec2:us-east-1:111122223333:security-group/\(resource)",
                                  account: "111122223333", region: "us-east-1"),
            detail: detail,
            evidence: ["inbound tcp/22 from 0.0.0.0/0", "attached to i-0abc (public IP 203.0.113.10)"],
            fix: Fix(summary: "Restrict SSH to the admin CIDR.",
                     cli: "aws ec2 revoke-security-group-ingress --group-id \(resource) --protocol tcp --port 22 --cidr 0.0.0.0/0",
                     terraform: "resource \"aws_security_group_rule\" \"ssh\" {\n  cidr_blocks = [\"10.0.0.0/8\"]\n}"))
        f.suppression = suppression
        return f
    }

    /// One SSH rule open to the world exposing twelve instances, grouped by that cause (`i-1` is the most severe).
    static var grouped: Finding {
        let cause = FindingCause(id: "sg-0123:ingress:tcp/22:0.0.0.0/0", resourceId: "sg-0123",
                                 label: "sg-0123 (web) ingress tcp/22 from 0.0.0.0/0", title: "tcp/22 (SSH) is reachable from the internet")
        let members = (1...12).map { n in
            Finding(ruleId: "NA-SG-001", severity: n == 1 ? .critical : .high, title: "tcp/22 on i-\(n)",
                    resource: ResourceRef(id: "i-\(n)", kind: "instance", name: "web-\(n)",
                                          arn: "arn:aws:ec2:us-east-1:111122223333:instance/i-\(n)", account: "111122223333", region: "us-east-1"),
                    detail: "tcp/22", evidence: ["reachable from anywhere on the internet on tcp/22 (SSH)"],
                    fix: Fix(summary: "Revoke tcp/22 from 0.0.0.0/0 on sg-0123."), cause: cause)
        }
        return FindingGrouping.group(members)[0]
    }

    static let rules = [
        RuleInfo(id: "NA-SG-001", title: "Admin ports open to the internet", defaultSeverity: .high,
                 rationale: "SSH and RDP exposed to 0.0.0.0/0 invite brute force."),
        RuleInfo(id: "NA-S3-001", title: "Public bucket", defaultSeverity: .critical,
                 rationale: "Anyone can read the objects."),
        RuleInfo(id: "NA-VPC-002", title: "Flow logs disabled", defaultSeverity: .low,
                 rationale: "Without flow logs incidents cannot be investigated."),
    ]

    static func scan(_ findings: [Finding], rules: [RuleInfo] = Samples.rules,
                     warnings: [String] = []) -> ScanResult {
        ScanResult(findings: findings, rules: rules, warnings: warnings, source: "snapshots/prod.db",
                   accounts: ["111122223333"])
    }

    /// Two high findings, a critical one, a suppressed critical and a low one.
    static var mixed: ScanResult {
        scan([
            finding(),
            finding(resource: "sg-0456", name: nil),
            finding("NA-S3-001", .critical, resource: "my-bucket", name: "my-bucket", title: "Bucket is public"),
            finding("NA-S3-001", .critical, resource: "logs-bucket", name: nil, title: "Bucket is public",
                    suppression: AppliedSuppression(reason: "static website", expires: nil, expired: false)),
            finding("NA-VPC-002", .low, resource: "vpc-1", name: nil, title: "Flow logs off"),
        ], warnings: ["policy: unknown tier 'dmz'"])
    }
}
