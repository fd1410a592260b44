import AWSImport
import Foundation
import NetModel
import Testing
@testable import IaCImport

/// Values unknown until apply are never guessed: they stay unknown, and the resource they belong to carries the
/// `UnknownBeforeApply` tag naming the address and attribute.
@Suite("Unknown before apply")
struct UnknownBeforeApplyTests {
    static let fixture = CloudFormationTemplateTests.fixtures.appendingPathComponent("unknown-before-apply.plan.json").path

    static func inventory(_ path: String) throws -> Inventory {
        try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
    }

    @Test("the fixture: the subnet's range, the SG rule's CIDR and the route's target are tagged with the plan's words, not guessed")
    func fixtureTags() throws {
        let inv = try Self.inventory(Self.fixture)
        let app = try #require(inv.subnets.first { $0.id == "subnet-aws_subnet.app" })
        #expect(app.cidrBlocks.isEmpty && UnknownBeforeApply.cidr(app.tags) == "aws_subnet.app.cidr_block is known after apply")
        let web = try #require(inv.securityGroups.first { $0.id == "sg-aws_security_group.web" })
        #expect(web.ingress.count == 1, "only the 443 rule is known: \(web.ingress)")
        let unknown = UnknownBeforeApply.rules(web.tags)
        #expect(unknown.count == 1 && unknown.first?.rule.portRange == PortRange(22, 22) && unknown.first?.egress == false)
        #expect(unknown.first?.reason == "aws_security_group.web.ingress[1].cidr_blocks is known after apply")
        let table = try #require(inv.routeTables.first { $0.id == "rtb-aws_route_table.app" })
        #expect(table.routes.count == 1, "the local route only: \(table.routes)")
        #expect(UnknownBeforeApply.routes(table.tags).map(\.destination) == [IPPrefix("0.0.0.0/0")])
    }

    @Test("an address range unknown after apply is not the known range it references (cidrsubnet over the VPC's block)")
    func noRangeGuessedFromReference() throws {
        let plan = """
        {"format_version": "1.2", "terraform_version": "1.9.8",
         "planned_values": {"root_module": {"resources": [
           {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main", "values": {"cidr_block": "10.0.0.0/16"}},
           {"address": "aws_subnet.app", "mode": "managed", "type": "aws_subnet", "name": "app", "values": {}}]}},
         "resource_changes": [
           {"address": "aws_vpc.main", "change": {"actions": ["create"], "after_unknown": {"id": true}}},
           {"address": "aws_subnet.app", "change": {"actions": ["create"], "after_unknown": {"id": true, "vpc_id": true, "cidr_block": true}}}],
         "configuration": {"root_module": {"resources": [
           {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main", "expressions": {}},
           {"address": "aws_subnet.app", "mode": "managed", "type": "aws_subnet", "name": "app", "expressions": {
             "vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]},
             "cidr_block": {"references": ["aws_vpc.main.cidr_block", "aws_vpc.main", "var.netnum"]}}}]}}}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-unknown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("plan.json").path
        try plan.write(toFile: path, atomically: true, encoding: .utf8)
        let subnet = try #require(try Self.inventory(path).subnets.first)
        #expect(subnet.cidrBlocks.isEmpty, "\(subnet.cidrBlocks) would be a guess")
        #expect(UnknownBeforeApply.cidr(subnet.tags) == "aws_subnet.app.cidr_block is known after apply")
        #expect(subnet.vpcId == "vpc-aws_vpc.main", "IDs are still linked")
    }

    @Test("a rule a plan adds to a captured group with a peer known only after apply keeps its tag on that group (--against)")
    func overlayKeepsUnknownRules() throws {
        var planned = Inventory()
        var partial = SecurityGroup(id: "sg-0abc", scope: ResourceScope(account: "1", region: "us-east-1"), name: "sg-0abc",
                                    tags: [PlanOverlay.partialTag: "true"])
        partial.tags[UnknownBeforeApply.ruleKey(egress: false, protocol: "tcp", from: 22, to: 22)] = "aws_security_group_rule.ssh.cidr_blocks is known after apply"
        planned.securityGroups = [partial]
        var existing = Inventory()
        existing.securityGroups = [SecurityGroup(id: "sg-0abc", scope: ResourceScope(account: "1", region: "us-east-1"), name: "web")]
        let out = PlanOverlay.apply(planned, deleting: [], onto: existing)
        #expect(out.securityGroups.count == 1 && out.securityGroups[0].name == "web")
        #expect(UnknownBeforeApply.rules(out.securityGroups[0].tags).first?.reason == "aws_security_group_rule.ssh.cidr_blocks is known after apply")
    }

    @Test("Fn::Cidr over the VPC's stated block is computed before deploy (\"Fn::Cidr\"); over an imported block it stays unknown")
    func fnCidr() throws {
        let template = """
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          Shared: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !ImportValue shared-range}}
          A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: !Select [1, !Cidr [!GetAtt VPC.CidrBlock, 4, 8]]}}
          B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: !Select [3, !Cidr [10.0.0.0/16, 4, 6]]}}
          C: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Shared, CidrBlock: !Select [0, !Cidr [!GetAtt Shared.CidrBlock, 2, 8]]}}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-cidr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("cidr.yaml").path
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        let inv = try Self.inventory(path)
        func subnet(_ id: String) -> Subnet? { inv.subnets.first { $0.id == id } }
        #expect(subnet("subnet-A")?.cidrBlocks == [try #require(IPPrefix("10.0.1.0/24"))])
        #expect(subnet("subnet-B")?.cidrBlocks == [try #require(IPPrefix("10.0.0.192/26"))])
        #expect(subnet("subnet-C")?.cidrBlocks.isEmpty == true)
        #expect(subnet("subnet-C").flatMap { UnknownBeforeApply.cidr($0.tags) }?.contains("C.CidrBlock is known only at deploy") == true)
        let vpc = try #require(inv.vpcs.first { $0.id == "vpc-Shared" })
        #expect(UnknownBeforeApply.cidr(vpc.tags) == "Shared.CidrBlock is known only at deploy (Fn::ImportValue 'shared-range')")
    }
}

