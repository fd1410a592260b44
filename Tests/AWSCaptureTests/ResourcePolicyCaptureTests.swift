import AWSCapture
import AWSImport
import Findings
import Foundation
import NetModel
import Policy
import Testing

/// Live capture of resource policies and snapshot/AMI sharing against a real moto server. moto 5.2.1 emulates every
/// call used: SNS GetTopicAttributes, SQS GetQueueAttributes (JSON protocol), KMS GetKeyPolicy/ListGrants, Lambda
/// GetPolicy, Secrets Manager GetResourcePolicy, ECR GetRepositoryPolicy, EFS DescribeFileSystemPolicy, RDS
/// DescribeDBSnapshotAttributes, EC2 DescribeSnapshotAttribute and DescribeImageAttribute. It ignores
/// `DescribeSnapshots Owner=self` (AWS's public snapshots come back too): the capture keeps the account's own.
@Suite(.serialized)
struct ResourcePolicyCaptureTests {
    @Test func policiesAndSharingAreCapturedImportedAndJudged() async throws {
        try await MotoServer.with { server in
            let setup = try MotoServer.python(["scripts/capture/moto_resource_policies.py", server.url])
            let ids = try JSONSerialization.jsonObject(with: Data(setup.utf8)) as? [String: String] ?? [:]
            let keyId = try #require(ids["key"]), fsId = try #require(ids["fs"])
            let snapshotId = try #require(ids["snapshot"]), imageId = try #require(ids["image"])
            var options = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                         retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001), environment: motoEnvironment)
            options.skippedServices = motoMissingServices
            let result = try await capture(options)
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let inv = result.inventory
            func resource(_ kind: PolicyResource.Kind, _ name: String) -> PolicyResource? {
                inv.policyResources.first { $0.kind == kind && $0.name == name }
            }
            #expect(resource(.snsTopic, "alerts")?.policy?.contains("sns:Publish") == true)
            #expect(resource(.sqsQueue, "orders")?.policy?.contains("sqs:SendMessage") == true)
            #expect(resource(.sqsQueue, "plain").map { $0.policy == nil } == true)
            let key = try #require(resource(.kmsKey, keyId))
            #expect(key.keyManager == "CUSTOMER" && key.policy?.contains("444455556666") == true)
            #expect(key.grants.map(\.grantee) == ["arn:aws:iam::777788889999:role/reader"])
            #expect(resource(.lambdaFunction, "hook")?.policy?.contains("lambda:InvokeFunction") == true)
            #expect(resource(.lambdaFunction, "quiet") == nil, "a function without a policy (ResourceNotFoundException) has none")
            #expect(resource(.secret, "db")?.policy?.contains("aws:PrincipalOrgID") == true && resource(.secret, "plain")?.policy == nil)
            #expect(resource(.ecrRepository, "web")?.policy != nil && resource(.ecrRepository, "private").map { $0.policy == nil } == true)
            #expect(resource(.efsFileSystem, fsId)?.policy?.contains("ClientMount") == true)
            let shared = Dictionary(inv.sharedArtifacts.map { ($0.id, $0.sharedWith) }, uniquingKeysWith: { a, _ in a })
            #expect(shared["nightly"] == ["all"] && shared[snapshotId] == ["444455556666"] && shared[imageId] == ["all"])
            #expect(!inv.sharedArtifacts.contains { $0.kind == .ebsSnapshot && $0.scope.account != "123456789012" })

            let scan = try RuleEngine.scan(inv, policy: PolicyFile(), source: "moto", today: "2026-12-02")
            func severity(_ rule: String, _ name: String) -> Severity? {
                scan.findings.first { $0.ruleId == rule && ($0.resource.name == name || $0.resource.id == name) }?.severity
            }
            #expect(severity("resource-public", "alerts") == .critical && severity("resource-public", "orders") == .critical)
            #expect(severity("resource-public", "hook") == .critical && severity("resource-public", "web") == .high)
            #expect(severity("resource-public", "nightly") == .critical && severity("resource-public", imageId) == .critical)
            #expect(severity("resource-external-access", keyId) == .medium && severity("resource-external-access", "db") == .low)
            #expect(severity("resource-external-access", snapshotId) == .medium)
            #expect(severity("resource-public", "private") == nil && severity("resource-public", "plain") == nil)
        }
    }
}
