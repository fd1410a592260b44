import AWSImport
import Foundation
import NetModel
import Testing
@testable import IaCImport

/// Templates and plans written as the CLI documents they deploy into, read back by the AWS CLI importer.
@Suite("IaC import")
struct IaCImporterTests {
    static let template = CloudFormationTemplateTests.fixtures.appendingPathComponent("todo-app.yaml").path

    static func inventory() throws -> Inventory {
        try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([template]).inventory
    }

    @Test("IAM roles: trust policy, inline policies with references resolved to the resources' ARNs, managed policy ARNs")
    func roles() throws {
        let inv = try Self.inventory()
        let task = try #require(inv.iamPrincipals.first { $0.name == "ecstaskrole" })
        #expect(task.id == "arn:aws:iam::123456789012:role/ecstaskrole" && task.trustPolicy?.contains("ecs-tasks.amazonaws.com") == true)
        #expect(task.inlinePolicies.first?.document.contains("arn:aws:s3:::todoappbucket/*") == true)
        let execution = try #require(inv.iamPrincipals.first { $0.name == "ecsexecutionrole" })
        #expect(execution.attachedPolicyArns == ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
    }

    @Test("S3 buckets: a new bucket has Block Public Access on and ACLs disabled unless the template says otherwise")
    func buckets() throws {
        let bucket = try #require(try Self.inventory().buckets.first { $0.id == "todoappbucket" })
        #expect(bucket.publicAccessBlock == PublicAccessBlock(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true))
        #expect(bucket.objectOwnership == "BucketOwnerEnforced")
    }

    @Test("a rule's CIDR from the VPC's CidrBlock is resolved; one known only after deploy is named in a warning, never dropped in silence")
    func rulePeers() throws {
        let template = """
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          App:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: app
              VpcId: !Ref VPC
              SecurityGroupIngress:
                - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: !GetAtt VPC.CidrBlock}
                - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue office-cidr}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-iac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sg.yaml").path
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        let inv = try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
        let group = try #require(inv.securityGroups.first { $0.id == "sg-App" })
        #expect(group.ingress.map(\.peer) == [.cidr(try #require(IPPrefix("10.0.0.0/16")))])
        #expect(inv.warnings.contains { $0.message.contains("App: an ingress rule's CidrIp") && $0.message.contains("office-cidr") })
    }
}
