import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// Scans of the shipped samples: the findings their architectures must produce.
@Suite("Policy engine on the samples")
struct WorkshopScanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ name: String) throws -> Inventory {
        try Importer().importPaths([root.appendingPathComponent("snapshots/\(name)").path]).inventory
    }
    static let workshopPolicy = root.appendingPathComponent("policies/workshop.yaml").path

    static func scan(_ inventory: Inventory, policy: PolicyFile = PolicyFile()) throws -> ScanResult {
        try RuleEngine.scan(inventory, policy: policy, source: "test", today: "2026-11-23")
    }

    @Test("bastion SSH and AMI-builder 22/5000 open to the world are critical because they are reachable")
    func exposedAdminPorts() throws {
        let result = try Self.scan(try Self.sample("workshop"))
        let exposed = result.findings.filter { $0.ruleId == "internet-exposed-port" }
        let keyed = Set(exposed.map { "\($0.resource.name ?? "")|\($0.title.split(separator: " ")[0])" })
        #expect(keyed == ["demo-app-bastion-host|tcp/22", "demo-app-test-ami-builder|tcp/22", "demo-app-test-ami-builder|tcp/5000"])
        #expect(exposed.allSatisfy { $0.severity == .critical })
        let builder22 = try #require(exposed.first { $0.resource.name == "demo-app-test-ami-builder" && $0.title.hasPrefix("tcp/22") })
        #expect(builder22.fix.cli?.contains("revoke-security-group-ingress") == true && builder22.fix.cli?.contains("--port 22 --cidr 0.0.0.0/0") == true)
        #expect(builder22.fix.terraform?.contains("aws_vpc_security_group_ingress_rule") == true)
        #expect(builder22.evidence.contains { $0.contains("inbound tcp/22 from 0.0.0.0/0") } && !builder22.evidence.contains { $0.contains("tcp/5000") })
        // The load balancer's port 80 is expected, not a finding.
        #expect(!exposed.contains { $0.resource.kind == "load-balancer" })
    }

    @Test("the frontend bucket is public-read, the backend bucket is not")
    func buckets() throws {
        let result = try Self.scan(try Self.sample("workshop"))
        let buckets = result.findings.filter { $0.ruleId == "s3-public-bucket" }
        #expect(buckets.map(\.resource.id) == ["demo-app-frontend-s3-bucket-6789"])
        #expect(buckets.first?.severity == .high && buckets.first?.title.contains("(read)") == true)
        var allowed = PolicyFile()
        allowed.publicBuckets = ["demo-app-frontend-s3-bucket-6789"]
        #expect(try Self.scan(try Self.sample("workshop"), policy: allowed).findings.first { $0.ruleId == "s3-public-bucket" }?.severity == .info)
    }

    @Test("the Lambda and EC2 roles' broad managed policies are flagged with fixes naming the actions the code needs")
    func broadManagedPolicies() throws {
        let result = try Self.scan(try Self.sample("workshop"), policy: try PolicyFile.load(Self.workshopPolicy))
        let broad = result.findings.filter { $0.ruleId == "iam-broad-managed-policy" }
        let lambda = try #require(broad.first { $0.resource.name == "demo-app-lambda-iam-role" })
        #expect(lambda.title.contains("AmazonDynamoDBFullAccess") && lambda.severity == .high)
        #expect(lambda.fix.summary.contains("dynamodb:PutItem") && lambda.fix.cli?.contains("detach-role-policy") == true)
        #expect(lambda.fix.terraform?.contains("table/demo-app-file-metadata-dynamodb") == true)
        let ec2 = try #require(broad.first { $0.resource.name == "demo-app-s3-dynamo-iam-role" })
        #expect(ec2.title.contains("AmazonS3FullAccess"))
        #expect(["s3:PutObject", "s3:ListBucket", "dynamodb:Scan"].allSatisfy { ec2.fix.summary.contains($0) })
        #expect(broad.count == 2)
    }

    @Test("the workshop's RDS passes the private-RDS rules")
    func privateRDS() throws {
        let result = try Self.scan(try Self.sample("workshop"), policy: try PolicyFile.load(Self.workshopPolicy))
        #expect(!result.findings.contains { $0.ruleId.hasPrefix("rds-") })
        #expect(!result.findings.contains { $0.ruleId == "intent-violation" })
    }

    @Test("the Terraform three-tier sample has no critical finding")
    func terraformClean() throws {
        let result = try Self.scan(try Self.sample("terraform-three-tier"))
        #expect(!result.findings.contains { $0.severity == .critical })
        #expect(result.warnings.isEmpty)
    }

    @Test("an open SG on an instance nobody can route to is latent, not critical")
    func latentExposure() throws {
        var inv = try Self.sample("workshop")
        let builder = try #require(inv.instances.first { $0.tags.name == "demo-app-test-ami-builder" })
        for i in inv.networkInterfaces.indices where inv.networkInterfaces[i].owner == .instance(builder.id) {
            for j in inv.networkInterfaces[i].privateAddresses.indices { inv.networkInterfaces[i].privateAddresses[j].publicIp = nil }
        }
        let result = try Self.scan(inv)
        #expect(!result.findings.contains { $0.ruleId == "internet-exposed-port" && $0.resource.id == builder.id })
        let latent = result.findings.filter { $0.ruleId == "latent-open-security-group" }
        #expect(Set(latent.map(\.title).map { $0.contains("tcp/22") ? 22 : 5000 }) == [22, 5000])
        #expect(latent.allSatisfy { $0.severity == .medium && $0.evidence.contains { $0.contains("no public IP address") } })
    }

    @Test("a public, unencrypted DB in a subnet routed to the internet gateway fails every private-RDS rule")
    func publicDatabase() throws {
        var inv = try Self.sample("workshop")
        let publicSubnet = try #require(inv.subnets.first { $0.tags.name == "demo-app-public-subnet-1" })
        inv.dbInstances[0].publiclyAccessible = true
        inv.dbInstances[0].storageEncrypted = false
        inv.dbSubnetGroups[0].subnetIds.append(publicSubnet.id)
        let dbGroup = inv.dbInstances[0].securityGroupIds[0]
        let g = try #require(inv.securityGroups.firstIndex { $0.id == dbGroup })
        inv.securityGroups[g].ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: 3306, toPort: 3306, peer: .cidr(.anyV4)))
        let rules = Set(try Self.scan(inv).findings.map(\.ruleId))
        #expect(rules.isSuperset(of: ["rds-publicly-accessible", "rds-storage-unencrypted", "rds-subnet-internet-route", "rds-open-to-world"]))
    }
}
