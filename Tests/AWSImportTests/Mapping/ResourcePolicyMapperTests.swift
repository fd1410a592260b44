import Foundation
import Testing
@testable import AWSImport
import NetModel

@Suite("Import of resource policies (SNS, SQS, KMS, Lambda, Secrets Manager, ECR, EFS) and snapshot/AMI sharing")
struct ResourcePolicyMapperTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }
    let scope = ResourceScope(account: "111111111111", region: "eu-west-1")

    init() throws {
        result = try Importer().importPaths([Fixtures.path("resource-policies")])
    }

    func resource(_ kind: PolicyResource.Kind, _ name: String) throws -> PolicyResource {
        try #require(inv.policyResources.first { $0.kind == kind && $0.name == name }, "no \(kind) \(name) in \(inv.policyResources.map(\.name))")
    }

    @Test("every document is recognised and modelled: no warning, nothing kept raw as unrecognised or unsupported")
    func recognised() {
        #expect(inv.warnings.isEmpty, "unexpected warnings: \(inv.warnings)")
        #expect(!result.rawDocuments.contains { $0.kind == "unrecognized" || $0.kind.hasPrefix("unsupported:") })
        #expect(inv.policyResources.count == 11, "\(inv.policyResources.map { "\($0.kind) \($0.name)" })")
    }

    @Test("SNS: listing and get-topic-attributes (an Attributes object naming TopicArn) merge into one topic with its policy")
    func sns() throws {
        let alerts = try resource(.snsTopic, "alerts")
        #expect(alerts.id == "arn:aws:sns:eu-west-1:111111111111:alerts" && alerts.scope == scope)
        #expect(alerts.policy?.contains("SNS:Publish") == true)
        #expect(try resource(.snsTopic, "quiet").policy == nil)
    }

    @Test("SQS: queue URLs name account, region and name; sqs-get-queue-attributes/<queue>.json without Policy means no policy")
    func sqs() throws {
        let orders = try resource(.sqsQueue, "orders")
        #expect(orders.id == "arn:aws:sqs:eu-west-1:111111111111:orders" && orders.policy?.contains("aws:SourceArn") == true)
        let plain = try resource(.sqsQueue, "plain")
        #expect(plain.policy == nil && plain.id == "arn:aws:sqs:eu-west-1:111111111111:plain")
        #expect(QueueURL("https://eu-west-1.queue.amazonaws.com/222222222222/legacy")?.arn == "arn:aws:sqs:eu-west-1:222222222222:legacy")
        #expect(QueueURL("https://example.com/not-a-queue") == nil)
    }

    @Test("KMS: list-keys, describe-key, get-key-policy (with PolicyName, or bare in its folder) and list-grants (also empty) meet in one key")
    func kms() throws {
        let key = try resource(.kmsKey, "1234abcd-0000-0000-0000-000000000001")
        #expect(key.keyManager == "CUSTOMER" && key.policy?.contains("444455556666") == true)
        #expect(key.grants == [KMSGrant(grantId: "g-1", grantee: "arn:aws:iam::777788889999:role/reader", operations: ["Decrypt", "GenerateDataKey"],
                                        issuingAccount: "arn:aws:iam::111111111111:root")])
        let two = try resource(.kmsKey, "key-two")
        #expect(two.policy?.contains("kms:CallerAccount") == true && two.grants.isEmpty)
        #expect(two.id == "arn:aws:kms:eu-west-1:111111111111:key/key-two")
    }

    @Test("Lambda get-policy (Policy + RevisionId) in lambda-get-policy/<function>.json")
    func lambda() throws {
        let f = try resource(.lambdaFunction, "resize")
        #expect(f.id == "arn:aws:lambda:eu-west-1:111111111111:function:resize" && f.policy?.contains("s3.amazonaws.com") == true)
    }

    @Test("Secrets Manager: get-resource-policy with ResourcePolicy, and without one (ARN and Name only) means no policy")
    func secrets() throws {
        let db = try resource(.secret, "db")
        #expect(db.id == "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf" && db.policy?.contains("aws:PrincipalOrgID") == true)
        #expect(try resource(.secret, "api").policy == nil)
    }

    @Test("ECR describe-repositories and get-repository-policy (policyText); EFS describe-file-systems and describe-file-system-policy")
    func ecrAndEfs() throws {
        let web = try resource(.ecrRepository, "web")
        #expect(web.id == "arn:aws:ecr:eu-west-1:111111111111:repository/web" && web.policy?.contains("ecr:BatchGetImage") == true)
        let fs = try resource(.efsFileSystem, "fs-0123456789abcdef0")
        #expect(fs.id.hasSuffix("file-system/fs-0123456789abcdef0") && fs.policy?.contains("aws:SourceVpce") == true)
    }

    @Test("snapshots and AMIs: restore attributes, createVolumePermission, launchPermission and describe-images Public")
    func sharing() throws {
        func artifact(_ id: String) throws -> SharedArtifact { try #require(inv.sharedArtifacts.first { $0.id == id }) }
        #expect(try artifact("nightly").kind == .rdsSnapshot && artifact("nightly").isPublic)
        #expect(try artifact("aurora-weekly").kind == .rdsClusterSnapshot && artifact("aurora-weekly").accounts == ["444455556666"])
        #expect(try artifact("snap-0aaa").kind == .ebsSnapshot && artifact("snap-0aaa").sharedWith == ["444455556666"])
        #expect(try artifact("ami-0pub").isPublic && artifact("ami-0pub").scope == scope)
        let org = try artifact("ami-0org")
        #expect(!org.isPublic && org.organizations == ["arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5"])
        #expect(inv.sharedArtifacts.count == 5)
    }

    @Test("a bare Policy or Grants outside the KMS and Lambda folders stays an S3 document (needs its bucket folder)")
    func collisionsStayS3() throws {
        let policy = InputFile(displayPath: "x/kms-policy.json", account: "111111111111", region: "eu-west-1", baseName: "kms-policy",
                               contents: Array(#"{"Policy": "{\"Statement\": []}"}"#.utf8))
        let r = try Importer().importFiles([policy])
        #expect(r.inventory.policyResources.isEmpty && r.inventory.warnings.map(\.code) == ["unscoped-document"])
        let acl = InputFile(displayPath: "x/acl.json", account: nil, region: nil, callFolder: "s3api-get-bucket-acl", baseName: "logs",
                            contents: Array(#"{"Owner": {"ID": "abc"}, "Grants": [{"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}]}"#.utf8))
        #expect(try Importer().importFiles([acl]).inventory.buckets.first?.grants?.count == 1)
    }

    @Test("bad shapes are one error naming the file and the member", arguments: [
        (#"{"Attributes": {"QueueArn": 5}}"#, "Attributes.QueueArn should be a string"),
        (#"{"Grants": [{"GrantId": "g", "KeyId": "k", "Operations": "Decrypt"}]}"#, "Grants[0].Operations should be an array"),
        (#"{"Policy": "not json", "RevisionId": "r"}"#, "is not a valid JSON policy document"),
        (#"{"CreateVolumePermissions": [{"Group": "everyone"}], "SnapshotId": "snap-1"}"#, "CreateVolumePermissions[0].Group: 'everyone' is not a permission group"),
        (#"{"QueueUrls": ["not a url"]}"#, "QueueUrls[0]: 'not a url' is not an SQS queue URL"),
    ])
    func badShapes(text: String, message: String) throws {
        let file = InputFile(displayPath: "in/lambda-get-policy/f.json", account: "111111111111", region: "eu-west-1", callFolder: "lambda-get-policy",
                             baseName: "f", contents: Array(text.utf8))
        do {
            _ = try Importer().importFiles([file])
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix("in/lambda-get-policy/f.json: ") && error.description.contains(message), "\(error.description)")
        }
    }
}
