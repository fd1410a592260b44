import AWSImport
import JSON
import Testing
@testable import IaCImport

/// Terraform resources restated as the CloudFormation resources they create (one writer for both dialects).
@Suite("Terraform translation")
struct TerraformTranslationTests {
    static func resource(_ type: String, _ address: String, _ values: [String: TemplateValue]) -> PlannedResource {
        PlannedResource(address: address, module: [], type: type, name: address, index: nil, values: values, actions: ["create"])
    }

    static func translate(_ resources: PlannedResource...) throws -> [TemplateResource] {
        var plan = try TerraformPlan(try JSONParser.parse(Array(#"{"format_version":"1.2","planned_values":{}}"#.utf8)), file: "p.json")
        plan.resources = resources
        return TerraformTranslation.resources(plan).resources
    }

    @Test("aws_security_group: one CloudFormation rule per CIDR, group and self; egress stated even when empty (Terraform removes the default)")
    func securityGroup() throws {
        let out = try Self.translate(Self.resource("aws_security_group", "aws_security_group.app", [
            "name": .string("app"), "vpc_id": .ref("aws_vpc.main"),
            "ingress": .list([.map(["protocol": .string("tcp"), "from_port": .number(443), "to_port": .number(443),
                                    "cidr_blocks": .list([.string("10.0.0.0/8"), .string("192.168.0.0/16")]),
                                    "security_groups": .list([.ref("aws_security_group.alb")]), "self": .bool(true)])]),
            "egress": .list([])]))
        let sg = try #require(out.first)
        #expect(sg.type == "AWS::EC2::SecurityGroup" && sg["VpcId"] == .ref("aws_vpc.main"))
        let ingress = sg["SecurityGroupIngress"]?.elements ?? []
        #expect(ingress.count == 4)
        #expect(ingress.compactMap { $0["CidrIp"] } == [.string("10.0.0.0/8"), .string("192.168.0.0/16")])
        #expect(ingress.compactMap { $0["SourceSecurityGroupId"] } == [.ref("aws_security_group.alb"), .ref("aws_security_group.app")])
        #expect(sg["SecurityGroupEgress"] == .list([]))
    }

    @Test("attribute references become what Ref returns: a load balancer's arn, a subnet group's name")
    func normalize() {
        let typeOf = ["aws_lb.main": "AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_db_subnet_group.db": "AWS::RDS::DBSubnetGroup",
                      "aws_iam_role.r": "AWS::IAM::Role"]
        #expect(TerraformTranslation.normalize(.attribute("aws_lb.main", "arn"), typeOf) == .ref("aws_lb.main"))
        #expect(TerraformTranslation.normalize(.attribute("aws_db_subnet_group.db", "name"), typeOf) == .ref("aws_db_subnet_group.db"))
        #expect(TerraformTranslation.normalize(.attribute("aws_lb.main", "dns_name"), typeOf) == .attribute("aws_lb.main", "dns_name"))
    }

    @Test("listener rules: path_pattern and source_ip conditions, forward actions; inline NACL rules and subnet associations")
    func listenerRuleAndACL() throws {
        let out = try Self.translate(
            Self.resource("aws_lb_listener_rule", "aws_lb_listener_rule.api", [
                "listener_arn": .ref("aws_lb_listener.http"), "priority": .number(100),
                "action": .list([.map(["type": .string("forward"), "target_group_arn": .ref("aws_lb_target_group.api")])]),
                "condition": .list([.map(["path_pattern": .list([.map(["values": .list([.string("/api/*")])])])])])]),
            Self.resource("aws_network_acl", "aws_network_acl.db", [
                "vpc_id": .ref("aws_vpc.main"), "subnet_ids": .list([.ref("aws_subnet.db")]),
                "ingress": .list([.map(["rule_no": .number(100), "action": .string("allow"), "protocol": .string("tcp"), "cidr_block": .string("10.0.0.0/16"),
                                        "from_port": .number(5432), "to_port": .number(5432)])])]))
        let rule = try #require(out.first { $0.type == "AWS::ElasticLoadBalancingV2::ListenerRule" })
        #expect(rule["Conditions"]?.elements.first?["PathPatternConfig"]?["Values"] == .list([.string("/api/*")]))
        #expect(rule["Actions"]?.elements.first?["TargetGroupArn"] == .ref("aws_lb_target_group.api"))
        let entry = try #require(out.first { $0.type == "AWS::EC2::NetworkAclEntry" })
        #expect(entry["NetworkAclId"] == .ref("aws_network_acl.db") && entry["Egress"] == .bool(false) && entry["PortRange"]?["From"] == .number(5432))
        #expect(out.contains { $0.type == "AWS::EC2::SubnetNetworkAclAssociation" && $0["SubnetId"] == .ref("aws_subnet.db") })
    }

    @Test("aws_ecs_service service_connect_configuration: service and client_alias blocks in CloudFormation's shape")
    func serviceConnect() throws {
        let out = try Self.translate(Self.resource("aws_ecs_service", "aws_ecs_service.backend", [
            "name": .string("backend-flask"), "cluster": .ref("aws_ecs_cluster.main"),
            "service_connect_configuration": .list([.map(["enabled": .bool(true), "namespace": .string("blog"), "service": .list([.map([
                "port_name": .string("backend-flask"), "discovery_name": .string("backend-flask"),
                "client_alias": .list([.map(["port": .number(4567), "dns_name": .string("backend-flask")])])])])])])]))
        let config = try #require(out.first?["ServiceConnectConfiguration"])
        #expect(config["Enabled"] == .bool(true) && config["Namespace"] == .string("blog"))
        let service = try #require(config["Services"]?.elements.first)
        #expect(service["PortName"] == .string("backend-flask"))
        #expect(service["ClientAliases"]?.elements.first?["Port"] == .number(4567) && service["ClientAliases"]?.elements.first?["DnsName"] == .string("backend-flask"))
    }
}
