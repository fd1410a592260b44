import AWSImport
import JSON

/// Load balancers (with listeners, rules and target groups) and RDS instances (with subnet groups) of a template,
/// as `elbv2 describe-*` and `rds describe-*` print them after deploy. Template property names are the APIs' own,
/// so actions and conditions pass through as written. A master password is never copied.
struct CloudFormationServiceDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds
    /// The VPC of each subnet placeholder or ID.
    let subnetVpc: [String: String]


    func write(into docs: inout CLIDocuments) {
        loadBalancers(into: &docs)
        databases(into: &docs)
    }

    private func loadBalancers(into docs: inout CLIDocuments) {
        let listeners = resources.of("AWS::ElasticLoadBalancingV2::Listener")
        for r in resources.of("AWS::ElasticLoadBalancingV2::LoadBalancer") {
            let subnets = ids.ids(r["Subnets"]) + (r["SubnetMappings"]?.elements ?? []).compactMap { ids.id($0["SubnetId"]) }
            docs.add("LoadBalancers", [
                "LoadBalancerArn": .string(ids.ref(r.logicalId)), "LoadBalancerName": .string(ids.name(r.logicalId, property: "Name")),
                "Type": .string(r["Type"]?.knownString ?? "application"), "Scheme": .string(r["Scheme"]?.knownString ?? "internet-facing"),
                "VpcId": .text(subnets.lazy.compactMap { subnetVpc[$0] }.first),
                "AvailabilityZones": .array(subnets.map { .object(["SubnetId": .string($0)]) }),
                "SecurityGroups": .array(ids.ids(r["SecurityGroups"]).map(JSONValue.string)), "State": .object(["Code": .string("active")])])
        }
        for r in listeners {
            let arn = ids.ref(r.logicalId)
            let actions: JSONValue = .array((r["DefaultActions"]?.elements ?? []).map(json))
            docs.add("Listeners", ["ListenerArn": .string(arn), "LoadBalancerArn": .text(ids.id(r["LoadBalancerArn"])),
                                   "Port": JSONValue.numeric(r["Port"]), "Protocol": .text(r["Protocol"]?.knownString), "DefaultActions": actions])
            // A template declares every rule of its listeners: each listener's default rule, as DescribeRules lists it,
            // makes its rules known (none besides the default is a known answer, not a gap in the capture).
            docs.add("Rules", ["RuleArn": .string(arn.replacingOccurrences(of: ":listener/", with: ":listener-rule/") + "/default"),
                               "Priority": .string("default"), "IsDefault": .bool(true), "Conditions": .array([]), "Actions": actions])
        }
        for r in resources.of("AWS::ElasticLoadBalancingV2::ListenerRule") {
            docs.add("Rules", ["RuleArn": .string(ids.ref(r.logicalId)), "Priority": .text(r["Priority"]?.knownString), "IsDefault": .bool(false),
                               "Conditions": .array((r["Conditions"]?.elements ?? []).map(json)),
                               "Actions": .array((r["Actions"]?.elements ?? []).map(json))])
        }
        for r in resources.of("AWS::ElasticLoadBalancingV2::TargetGroup") {
            let arn = ids.ref(r.logicalId)
            let balancers = listeners.filter { l in (l["DefaultActions"]?.elements ?? []).contains { ids.id($0["TargetGroupArn"]) == arn } }
                .compactMap { ids.id($0["LoadBalancerArn"]) }
            docs.add("TargetGroups", ["TargetGroupArn": .string(arn), "TargetGroupName": .string(ids.name(r.logicalId, property: "Name")),
                                      "Protocol": .text(r["Protocol"]?.knownString), "Port": JSONValue.numeric(r["Port"]), "VpcId": .text(ids.id(r["VpcId"])),
                                      "TargetType": .string(r["TargetType"]?.knownString ?? "instance"),
                                      "LoadBalancerArns": .array(Array(Set(balancers)).sorted().map(JSONValue.string))])
        }
    }

    /// Engine default ports ("Amazon RDS DB instance" connection ports).
    static func defaultPort(_ engine: String) -> Int {
        if engine.contains("postgres") { return 5432 }
        if engine.hasPrefix("oracle") { return 1521 }
        if engine.hasPrefix("sqlserver") { return 1433 }
        if engine.hasPrefix("db2") { return 50000 }
        return 3306
    }

    private func databases(into docs: inout CLIDocuments) {
        var groups: [String: (vpc: String?, subnets: [String])] = [:]
        for r in resources.of("AWS::RDS::DBSubnetGroup") {
            let name = ids.ref(r.logicalId), subnets = ids.ids(r["SubnetIds"])
            groups[name] = (subnets.lazy.compactMap { subnetVpc[$0] }.first, subnets)
            docs.add("DBSubnetGroups", ["DBSubnetGroupName": .string(name), "VpcId": .text(groups[name]?.vpc),
                                        "DBSubnetGroupDescription": .text(r["DBSubnetGroupDescription"]?.knownString),
                                        "Subnets": .array(subnets.map { .object(["SubnetIdentifier": .string($0)]) })])
        }
        for r in resources.of("AWS::RDS::DBInstance") {
            let engine = r["Engine"]?.knownString ?? "unknown"
            let groupName = ids.id(r["DBSubnetGroupName"])
            let group = groupName.flatMap { groups[$0] }
            let port = r["Port"]?.knownString.flatMap { Int($0) } ?? Self.defaultPort(engine)
            docs.add("DBInstances", [
                "DBInstanceIdentifier": .string(ids.ref(r.logicalId)), "Engine": .string(engine), "EngineVersion": .text(r["EngineVersion"]?.knownString),
                "DBInstanceClass": .text(r["DBInstanceClass"]?.knownString), "DBInstanceStatus": .string("planned"),
                // AWS::RDS::DBInstance PubliclyAccessible: a DB instance in a subnet group the template names is private unless it says otherwise.
                "PubliclyAccessible": .bool(r["PubliclyAccessible"] == .bool(true)), "StorageEncrypted": .bool(r["StorageEncrypted"] == .bool(true)),
                "MultiAZ": .bool(r["MultiAZ"] == .bool(true)), "Endpoint": .object(["Port": .number(Double(port))]),
                "VpcSecurityGroups": .array(ids.ids(r["VPCSecurityGroups"]).map { .object(["VpcSecurityGroupId": .string($0), "Status": .string("active")]) }),
                "DBSubnetGroup": group.map { g in .object(["DBSubnetGroupName": .text(groupName) ?? .null, "VpcId": .text(g.vpc) ?? .null,
                                                           "Subnets": .array(g.subnets.map { .object(["SubnetIdentifier": .string($0)]) })]) }])
        }
    }

    /// A property value as the API's JSON, references replaced by the identifiers they stand for.
    func json(_ v: TemplateValue) -> JSONValue {
        switch v {
        case .string(let s): .string(s)
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        case .null: .null
        case .list(let items): .array(items.map(json))
        case .map(let m): .object(m.mapValues(json))
        case .ref, .attribute: ids.id(v).map(JSONValue.string) ?? .null
        case .secret: .string("(secret parameter)")
        case .text(let parts):
            .string(parts.map { part in
                switch part {
                case .literal(let s): s
                case .value(let value): ids.id(value) ?? value.rendered
                }
            }.joined())
        case .unknown: .string(v.rendered)
        }
    }
}
