import Foundation
import Testing

/// Values a plan or template leaves unknown until apply are never guessed: `query` answers `unknown` (exit 3) and
/// `matrix` marks the pair `?`, each naming the resource and attribute; answers that don't depend on them stay decided.
@Suite("Unknown before apply end to end")
struct UnknownBeforeApplyCLITests {
    static let plan = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/unknown-before-apply.plan.json").path

    private func snapshot(_ input: String) throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("plan.db").path
        let imported = try CLIRunner.run(["import", input, "--out", db, "--template-region", "us-east-1"])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, db)
    }

    /// A template written to a temporary folder and imported: the folder (to remove) and the snapshot.
    private func templateSnapshot(_ yaml: String) throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let template = dir.appendingPathComponent("template.yaml")
        try yaml.write(to: template, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("template.db").path
        let imported = try CLIRunner.run(["import", template.path, "--out", db, "--template-region", "us-east-1"])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, db)
    }

    @Test("plan: an SG rule's cidr_blocks, a subnet's cidr_block and a route's transit_gateway_id known after apply make the answers depending on them unknown")
    func planQueries() throws {
        let (dir, db) = try snapshot(Self.plan)
        defer { try? FileManager.default.removeItem(at: dir) }
        func query(_ from: String, _ to: String, _ port: String) throws -> CLIRunner.Output {
            try CLIRunner.run(["query", db, "--from", from, "--to", to, "--port", port])
        }
        // Decided: nothing unknown is on these paths.
        let https = try query("internet", "web", "443")
        #expect(https.status == 0, "\(https.stdout)\(https.stderr)")
        let app = try query("internet", "app", "8080")
        #expect(app.status == 1 && app.stdout.contains("has no public IP address"), "\(app.stdout)")
        let out = try query("web", "internet", "443")
        #expect(out.status == 0, "\(out.stdout)")
        // Unknown, naming the address and attribute.
        let ssh = try query("internet", "web", "22")
        #expect(ssh.status == 3 && ssh.stdout.contains("aws_security_group.web.ingress[1].cidr_blocks is known after apply"), "\(ssh.stdout)\(ssh.stderr)")
        #expect(!ssh.stdout.contains("blocked by"), "\(ssh.stdout)")
        let inside = try query("web", "app", "8080")
        #expect(inside.status == 3 && inside.stdout.contains("aws_subnet.app.cidr_block is known after apply"), "\(inside.stdout)")
        let egress = try query("app", "internet", "443")
        #expect(egress.status == 3 && egress.stdout.contains("aws_route_table.app.route[0].transit_gateway_id is known after apply"), "\(egress.stdout)")
        let json = try CLIRunner.run(["query", db, "--from", "internet", "--to", "web", "--port", "22", "--format", "json"])
        #expect(json.status == 3 && json.stdout.contains("\"verdict\" : \"unknown\""), "\(json.stdout)")
    }

    @Test("plan: the matrix marks the pairs that depend on unknowns `?` with the reason, and keeps the decided ports")
    func planMatrix() throws {
        let (dir, db) = try snapshot(Self.plan)
        defer { try? FileManager.default.removeItem(at: dir) }
        let matrix = try CLIRunner.run(["matrix", db, "--format", "json"])
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(matrix.stdout.utf8)) as? [[String: Any]])
        func cell(_ from: String, _ to: String) -> [String: Any]? { cells.first { $0["from"] as? String == from && $0["to"] as? String == to } }
        let web = try #require(cell("internet", "web"))
        #expect((web["ports"] as? [[Int]]) == [[443, 443]])
        #expect((web["unknown"] as? [String])?.first?.contains("tcp/22 may also get through") == true, "\(web)")
        #expect((cell("web", "app")?["unknown"] as? [String])?.first?.contains("aws_subnet.app.cidr_block is known after apply") == true)
        #expect((cell("app", "internet")?["unknown"] as? [String])?.first?.contains("transit_gateway_id is known after apply") == true)
        #expect(cell("internet", "app") == nil)
        let text = try CLIRunner.run(["matrix", db])
        #expect(text.stdout.contains("3 can't be judged (?)"), "\(text.stdout)")
    }

    @Test("template: Fn::ImportValue without a snapshot, Fn::GetAtt of an instance's PrivateIp, and a rule admitting part of a placed service's subnet are unknown")
    func templateUnknowns() throws {
        let (dir, db) = try templateSnapshot("""
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          IGW: {Type: AWS::EC2::InternetGateway}
          Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref VPC, InternetGatewayId: !Ref IGW}}
          Public: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref VPC}}
          Default: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Public, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref IGW}}
          Web: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}}
          WebRoutes: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Web, RouteTableId: !Ref Public}}
          Data: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24}}
          WebSG:
            Type: AWS::EC2::SecurityGroup
            Properties:
              {GroupDescription: web, VpcId: !Ref VPC, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0},
                                                                              {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue office-cidr}]}
          DataSG:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: data
              VpcId: !Ref VPC
              SecurityGroupIngress:
                - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: !Sub '${WebHost.PrivateIp}/32'}
                - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/28}
                - {IpProtocol: tcp, FromPort: 9000, ToPort: 9000, CidrIp: 10.0.1.0/24}
          WebHost: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Web, SecurityGroupIds: [!Ref WebSG], Tags: [{Key: Name, Value: web-host}]}}
          DataHost: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Data, SecurityGroupIds: [!Ref DataSG], Tags: [{Key: Name, Value: data-host}]}}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        func query(_ from: String, _ to: String, _ port: String) throws -> CLIRunner.Output {
            try CLIRunner.run(["query", db, "--from", from, "--to", to, "--port", port])
        }
        let ssh = try query("internet", "web-host", "22")
        #expect(ssh.status == 3 && ssh.stdout.contains("WebSG.CidrIp is known only at deploy (Fn::ImportValue 'office-cidr'"), "\(ssh.stdout)\(ssh.stderr)")
        #expect(try query("internet", "web-host", "443").status == 0)
        let redis = try query("web-host", "data-host", "6379")
        #expect(redis.status == 3 && redis.stdout.contains("WebHost.PrivateIp") && !redis.stdout.contains("10.0.1.0/28"), "\(redis.stdout)")
        // The planned host's address is not known: a /28 of its /24 neither admits nor refuses it; the whole /24 does.
        let postgres = try query("web-host", "data-host", "5432")
        #expect(postgres.status == 3 && postgres.stdout.contains("admits 10.0.1.0/28, part of the range"), "\(postgres.stdout)")
        #expect(try query("web-host", "data-host", "9000").status == 0)
        #expect(try query("web-host", "data-host", "3306").status == 1)
    }

    @Test("template: a VPC range from Fn::ImportValue leaves no local route known: traffic between its subnets is unknown, naming VPC.CidrBlock")
    func vpcRangeUnknown() throws {
        let (dir, db) = try templateSnapshot("""
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !ImportValue shared-range}}
          A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24}}
          B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24}}
          SG:
            Type: AWS::EC2::SecurityGroup
            Properties: {GroupDescription: sg, VpcId: !Ref VPC, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/8}]}
          HostA: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref A, SecurityGroupIds: [!Ref SG], Tags: [{Key: Name, Value: host-a}]}}
          HostB: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref B, SecurityGroupIds: [!Ref SG], Tags: [{Key: Name, Value: host-b}]}}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let web = try CLIRunner.run(["query", db, "--from", "host-a", "--to", "host-b", "--port", "80"])
        #expect(web.status == 3 && web.stdout.contains("VPC.CidrBlock is known only at deploy (Fn::ImportValue 'shared-range'"), "\(web.stdout)\(web.stderr)")
        // A group that admits nothing on 22 blocks whatever the routes.
        #expect(try CLIRunner.run(["query", db, "--from", "host-a", "--to", "host-b", "--port", "22"]).status == 1)
    }

    /// host-a → host-b:80 with subnet B's ACL denying `range` at rule 50 before allowing everything.
    private func aclAnswer(denying range: String, port: String = "80") throws -> CLIRunner.Output {
        let (dir, db) = try templateSnapshot("""
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24}}
          B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24}}
          ACL: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref VPC}}
          Deny: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref ACL, RuleNumber: 50, Protocol: -1, RuleAction: deny, CidrBlock: \(range)}}
          Allow: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref ACL, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0}}
          Out: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref ACL, RuleNumber: 100, Protocol: -1, RuleAction: allow, Egress: true, CidrBlock: 0.0.0.0/0}}
          BUsesACL: {Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: {SubnetId: !Ref B, NetworkAclId: !Ref ACL}}
          SG: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: sg, VpcId: !Ref VPC, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/16}]}}
          HostA: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref A, SecurityGroupIds: [!Ref SG], Tags: [{Key: Name, Value: host-a}]}}
          HostB: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref B, SecurityGroupIds: [!Ref SG], Tags: [{Key: Name, Value: host-b}]}}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try CLIRunner.run(["query", db, "--from", "host-a", "--to", "host-b", "--port", port])
    }

    @Test("template: a network ACL entry whose range is imported decides nothing for its subnets; the security group still blocks")
    func aclEntryUnknown() throws {
        let web = try aclAnswer(denying: "!ImportValue blocked-range")
        #expect(web.status == 3 && web.stdout.contains("Deny.CidrBlock is known only at deploy (Fn::ImportValue 'blocked-range'"), "\(web.stdout)\(web.stderr)")
        #expect(try aclAnswer(denying: "!ImportValue blocked-range", port: "22").status == 1)
    }

    @Test("template: a network ACL entry covering part of a planned host's subnet decides nothing for it; one covering all of it does")
    func aclEntryOverPlacedHost() throws {
        let part = try aclAnswer(denying: "10.0.1.0/28")
        #expect(part.status == 3 && part.stdout.contains("rule 50 covers 10.0.1.0/28, part of the range: host-a"), "\(part.stdout)\(part.stderr)")
        let all = try aclAnswer(denying: "10.0.1.0/24")
        #expect(all.status == 1 && all.stdout.contains("rule 50"), "\(all.stdout)")
        #expect(try aclAnswer(denying: "10.0.3.0/24").status == 0)
    }

    @Test("diff: a plan adding a rule whose CIDR is known after apply opens nothing for sure; the pairs it may open are listed as unknown before apply")
    func diffUnknownRule() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The workshop's MySQL-opening plan with its rule's cidr_ipv4 known only after apply.
        let source = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/workshop-opens-mysql.plan.json")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"cidr_ipv4\": \"0.0.0.0/0\",", with: "")
            .replacingOccurrences(of: "\"security_group_rule_id\": true,", with: "\"security_group_rule_id\": true, \"cidr_ipv4\": true,")
        let plan = dir.appendingPathComponent("unknown-cidr.plan.json")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("workshop.db").path
        #expect(try CLIRunner.run(["import", "snapshots/workshop", "--out", db, "-q"]).status == 0)
        let diff = try CLIRunner.run(["diff", db, plan.path])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("Reachability: 0 opened, 0 closed"), "\(diff.stdout)")
        #expect(diff.stdout.contains("? internet → demo-app-test-ami-builder unknown before apply"), "\(diff.stdout)")
        #expect(diff.stdout.contains("aws_vpc_security_group_ingress_rule.builder_mysql.cidr_ipv4 is known after apply"), "\(diff.stdout)")
        let json = try CLIRunner.run(["diff", db, plan.path, "--format", "json"])
        #expect(json.stdout.contains("\"unknown\" : ["), "\(json.stdout)")
    }
}

