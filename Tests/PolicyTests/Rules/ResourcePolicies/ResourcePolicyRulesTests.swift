import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// IAM Access Analyzer User Guide, "Identifying resources shared with an external entity": public, external, within the organization.
@Suite("resource-public and resource-external-access")
struct ResourcePolicyRulesTests {
    static let owner = "111111111111"
    static let scope = ResourceScope(account: owner, region: "eu-west-1")

    static func policy(_ statements: String...) -> String { #"{"Version": "2012-10-17", "Statement": ["# + statements.joined(separator: ",") + "]}" }

    static func resource(_ kind: PolicyResource.Kind, _ name: String, _ policy: String?, grants: [KMSGrant] = []) -> PolicyResource {
        PolicyResource(id: "arn:aws:\(kind.servicePrefix):eu-west-1:\(owner):\(name)", kind: kind, scope: scope, name: name, policy: policy, grants: grants)
    }

    static func scan(_ resources: [PolicyResource] = [], artifacts: [SharedArtifact] = [], policy: PolicyFile = PolicyFile()) throws -> ScanResult {
        var inv = Inventory()
        inv.policyResources = resources
        inv.sharedArtifacts = artifacts
        return try RuleEngine.scan(inv, policy: policy, source: "test", today: "2026-12-02")
    }

    static func findings(_ rule: String, _ resources: [PolicyResource] = [], artifacts: [SharedArtifact] = [], policy: PolicyFile = PolicyFile()) throws -> [Finding] {
        try scan(resources, artifacts: artifacts, policy: policy).findings.filter { $0.ruleId == rule }
    }

    @Test("a queue anyone may send to (Principal *) is public and critical (write); the evidence names the statement and that no condition restricts it")
    func publicWriteIsCritical() throws {
        let q = Self.resource(.sqsQueue, "orders", Self.policy(#"{"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}"#))
        let f = try #require(try Self.findings("resource-public", [q]).first)
        #expect(f.severity == .critical && f.resource.kind == "sqs-queue" && f.resource.name == "orders")
        #expect(f.evidence == [#""Open": Allow sqs:SendMessage [Write] to anyone; no condition"#], "\(f.evidence)")
        #expect(f.fix.cli?.hasPrefix("aws sqs set-queue-attributes --region eu-west-1 --queue-url https://sqs.eu-west-1.amazonaws.com/111111111111/orders") == true)
        #expect(f.fix.terraform?.contains("aws_sqs_queue_policy") == true)
        #expect(try Self.findings("resource-external-access", [q]).isEmpty, "public is not also reported as external")
    }

    @Test("public read only (ECR pull by AWS: *) is high; decrypt (KMS) and invoke (Lambda) are critical")
    func severityByAccessLevel() throws {
        let pull = Self.resource(.ecrRepository, "web", Self.policy(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}"#))
        #expect(try Self.findings("resource-public", [pull]).map(\.severity) == [.high])
        let decrypt = Self.resource(.kmsKey, "k1", Self.policy(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}"#))
        let invoke = Self.resource(.lambdaFunction, "fn", Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction", "Resource": "*"}"#))
        #expect(try Self.findings("resource-public", [decrypt, invoke]).map(\.severity) == [.critical, .critical])
    }

    @Test("actions of another service in the policy grant nothing on the resource: no finding")
    func otherServiceActions() throws {
        let q = Self.resource(.sqsQueue, "odd", Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}"#))
        #expect(try Self.findings("resource-public", [q]).isEmpty)
    }

    @Test("restricting keys pinned to the owner (aws:SourceArn, aws:SourceAccount, kms:CallerAccount) keep a * principal inside the account", arguments: [
        #"{"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:alerts"}}"#,
        #"{"StringEquals": {"aws:SourceAccount": "111111111111"}}"#,
        // The default SNS topic policy's shape (its key spelled AWS:SourceOwner).
        #"{"StringEquals": {"AWS:SourceOwner": "111111111111"}}"#,
        #"{"StringEquals": {"kms:CallerAccount": "111111111111", "kms:ViaService": "ec2.eu-west-1.amazonaws.com"}}"#,
    ])
    func restrictedToOwner(condition: String) throws {
        let key = Self.resource(.kmsKey, "k", Self.policy(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*", "Condition": \#(condition)}"#))
        let result = try Self.scan([key])
        #expect(!result.findings.contains { $0.ruleId.hasPrefix("resource-") }, "\(result.findings.map(\.title))")
    }

    @Test("a condition that restricts no caller (aws:SecureTransport) leaves the statement public and says so")
    func nonRestrictingCondition() throws {
        let t = Self.resource(.snsTopic, "t", Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "sns:Subscribe", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#))
        let f = try #require(try Self.findings("resource-public", [t]).first)
        #expect(f.evidence[0].contains("its conditions (Bool aws:SecureTransport) restrict no caller"), "\(f.evidence)")
    }

    @Test("a Deny of everything outside one VPC endpoint narrows an open Allow: not public, no finding; a Deny of everything cancels it")
    func denyNarrowsOrCancels() throws {
        let allow = #"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], "Resource": "*"}"#
        let narrowed = Self.resource(.efsFileSystem, "fs-1", Self.policy(allow, #"{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}}"#))
        let cancelled = Self.resource(.efsFileSystem, "fs-2", Self.policy(allow, #"{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}"#))
        let open = Self.resource(.efsFileSystem, "fs-3", Self.policy(allow))
        let result = try Self.scan([narrowed, cancelled, open])
        #expect(result.findings.filter { $0.ruleId.hasPrefix("resource-") }.map(\.resource.name) == ["fs-3"])
    }

    @Test("a * principal narrowed by a Deny to another account is external access, and the evidence names the Deny")
    func denyNarrowsToAccount() throws {
        let q = Self.resource(.sqsQueue, "q", Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "sqs:ReceiveMessage", "Resource": "*"}"#,
                                                         #"{"Sid": "OnlyPartner", "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}}}"#))
        let f = try #require(try Self.findings("resource-external-access", [q]).first)
        #expect(f.severity == .medium && f.title == "sqs-queue q is shared with account 444455556666")
        #expect(f.evidence[0].contains(#"narrowed by Deny "OnlyPartner" (StringNotEquals aws:PrincipalAccount 444455556666)"#), "\(f.evidence)")
    }

    @Test("another account in a key policy and a grant to a role of a third account are external (medium); trusted accounts are info")
    func otherAccounts() throws {
        let key = Self.resource(.kmsKey, "k", Self.policy(
            #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "kms:*", "Resource": "*"}"#,
            #"{"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:Decrypt", "Resource": "*"}"#),
            grants: [KMSGrant(grantId: "g-1", grantee: "arn:aws:iam::777788889999:role/reader", operations: ["Decrypt"]),
                     KMSGrant(grantId: "g-2", grantee: "arn:aws:iam::111111111111:role/own", operations: ["Encrypt"])])
        let f = try #require(try Self.findings("resource-external-access", [key]).first)
        #expect(f.severity == .medium && f.title == "kms-key k is shared with accounts 444455556666, 777788889999")
        #expect(f.evidence.count == 2 && f.evidence[1] == "grant g-1: Decrypt to arn:aws:iam::777788889999:role/reader", "\(f.evidence)")
        var policy = PolicyFile()
        policy.trustedAccounts = ["444455556666", "777788889999"]
        let trusted = try #require(try Self.findings("resource-external-access", [key], policy: policy).first)
        #expect(trusted.severity == .info && trusted.evidence.last == "expected (policy file allow.trusted_*): 444455556666, 777788889999")
        policy.trustedAccounts = ["444455556666"]
        #expect(try Self.findings("resource-external-access", [key], policy: policy).first?.severity == .medium)
    }

    @Test("a * principal pinned to aws:PrincipalOrgID is within the organization (low), info when the organization is trusted")
    func organization() throws {
        let secret = Self.resource(.secret, "db", Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#))
        #expect(try Self.findings("resource-public", [secret]).isEmpty)
        let f = try #require(try Self.findings("resource-external-access", [secret]).first)
        #expect(f.severity == .low && f.title == "secret db is shared within organization o-a1b2c3d4e5")
        var policy = PolicyFile()
        policy.trustedOrganizations = ["o-a1b2c3d4e5"]
        #expect(try Self.findings("resource-external-access", [secret], policy: policy).first?.severity == .info)
    }

    @Test("snapshots and AMIs: shared with all is critical public; with an account medium; with an organization low; trusted info")
    func sharedArtifacts() throws {
        let artifacts = [
            SharedArtifact(id: "nightly", kind: .rdsSnapshot, scope: Self.scope, sharedWith: ["all"]),
            SharedArtifact(id: "snap-1", kind: .ebsSnapshot, scope: Self.scope, sharedWith: ["444455556666"]),
            SharedArtifact(id: "ami-1", kind: .ami, scope: Self.scope, sharedWith: ["arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5"]),
            SharedArtifact(id: "ami-own", kind: .ami, scope: Self.scope, sharedWith: []),
        ]
        let open = try Self.findings("resource-public", artifacts: artifacts)
        #expect(open.map(\.resource.id) == ["nightly"] && open[0].severity == .critical)
        #expect(open[0].fix.cli == "aws rds modify-db-snapshot-attribute --region eu-west-1 --db-snapshot-identifier nightly --attribute-name restore --values-to-remove all")
        let external = try Self.findings("resource-external-access", artifacts: artifacts)
        #expect(Dictionary(uniqueKeysWithValues: external.map { ($0.resource.id, $0.severity) }) == ["snap-1": .medium, "ami-1": .low])
        #expect(external.first { $0.resource.id == "snap-1" }?.fix.cli?.hasSuffix("--operation-type remove --user-ids 444455556666") == true)
        var policy = PolicyFile()
        policy.trustedAccounts = ["444455556666"]
        policy.trustedOrganizations = ["o-a1b2c3d4e5"]
        #expect(try Self.findings("resource-external-access", artifacts: artifacts, policy: policy).map(\.severity) == [.info, .info])
    }

    @Test("a policy that does not parse is a scan warning naming the resource, not a finding and not a crash")
    func unparsable() throws {
        let result = try Self.scan([Self.resource(.snsTopic, "broken", #"{"Statement": "nope"}"#)])
        #expect(!result.findings.contains { $0.ruleId.hasPrefix("resource-") })
        #expect(result.warnings.contains { $0.contains("sns-topic broken policy") }, "\(result.warnings)")
    }
}
