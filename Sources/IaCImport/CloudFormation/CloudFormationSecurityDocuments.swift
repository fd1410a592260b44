import AWSImport
import JSON

/// Security groups (inline `SecurityGroupIngress`/`Egress` and standalone `AWS::EC2::SecurityGroupIngress`/`Egress`)
/// and network ACLs (`NetworkAclEntry`, `SubnetNetworkAclAssociation`) as `describe-security-groups` and
/// `describe-network-acls` print them. Subnets without an ACL association get their VPC's default ACL, as EC2 does
/// ("Network ACLs": "each subnet must be associated with a network ACL ... the default network ACL").
struct CloudFormationSecurityDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds
    let tags: (TemplateResource) -> JSONValue


    func write(vpcs: [String], subnetVpc: [String: String], into docs: inout CLIDocuments) {
        let standaloneIn = resources.of("AWS::EC2::SecurityGroupIngress"), standaloneOut = resources.of("AWS::EC2::SecurityGroupEgress")
        for r in resources.of("AWS::EC2::SecurityGroup") {
            let id = ids.ref(r.logicalId)
            let ingress = (r["SecurityGroupIngress"]?.elements ?? []) + standaloneIn.filter { ids.id($0["GroupId"]) == id }.map { .map($0.properties) }
            var egress = (r["SecurityGroupEgress"]?.elements ?? []) + standaloneOut.filter { ids.id($0["GroupId"]) == id }.map { .map($0.properties) }
            // EC2's default egress rule stays unless rules are given; a translated Terraform group says `[]` explicitly
            // (Terraform removes the default rule: "aws_security_group", NOTE on Egress rules).
            if egress.isEmpty, r["SecurityGroupEgress"] == nil { egress = [.map(["IpProtocol": .string("-1"), "CidrIp": .string("0.0.0.0/0")])] }
            for (rules, peer, direction) in [(ingress, "Source", "ingress"), (egress, "Destination", "egress")] {
                for rule in rules {
                    for (key, why) in unknowns.unknownPeers(rule, peer: peer, owner: r.logicalId) {
                        docs.warnings.append("\(r.logicalId): an \(direction) rule's \(key) is unknown before deploy (\(why)); answers it could decide are unknown")
                    }
                }
            }
            docs.add("SecurityGroups", [
                "GroupId": .string(id), "GroupName": .string(r["GroupName"]?.knownString ?? r.logicalId),
                "Description": .text(r["GroupDescription"]?.knownString), "VpcId": .text(ids.id(r["VpcId"])),
                "IpPermissions": .array(ingress.map { permission($0, peer: "Source") }),
                "IpPermissionsEgress": .array(egress.map { permission($0, peer: "Destination") }), "Tags": tags(r)])
        }
        // Rules for groups the template does not declare (an existing group a plan adds a rule to): a partial group,
        // whose rules `PlanOverlay` adds to the captured one.
        let declared = Set(resources.of("AWS::EC2::SecurityGroup").map { ids.ref($0.logicalId) })
        let orphans = Set((standaloneIn + standaloneOut).compactMap { ids.id($0["GroupId"]) }).subtracting(declared)
        for id in orphans.sorted() {
            let ingress = standaloneIn.filter { ids.id($0["GroupId"]) == id }.map { permission(.map($0.properties), peer: "Source") }
            let egress = standaloneOut.filter { ids.id($0["GroupId"]) == id }.map { permission(.map($0.properties), peer: "Destination") }
            docs.add("SecurityGroups", ["GroupId": .string(id), "GroupName": .string(id), "IpPermissions": .array(ingress),
                                        "IpPermissionsEgress": .array(egress),
                                        "Tags": .tags(unknowns.securityGroupTags(id: id, inline: []).merging([PlanOverlay.partialTag: "true"]) { a, _ in a })])
            docs.warnings.append("rules for security group \(id), which is not declared here: added to the captured group with --against")
        }
        networkAcls(vpcs: vpcs, subnetVpc: subnetVpc, into: &docs)
    }

    /// One rule as an `IpPermissions` item.
    func permission(_ rule: TemplateValue, peer: String) -> JSONValue {
        var item: [String: JSONValue] = ["IpProtocol": .string(rule["IpProtocol"]?.knownString ?? "-1")]
        for key in ["FromPort", "ToPort"] {
            if let n = rule[key]?.knownString.flatMap({ Int($0) }) { item[key] = .number(Double(n)) }
        }
        let description = JSONValue.text(rule["Description"]?.knownString)
        func one(_ members: [String: JSONValue?]) -> JSONValue { .array([.object(members.compactMapValues { $0 })]) }
        if let cidr = cidr(rule["CidrIp"]) { item["IpRanges"] = one(["CidrIp": .string(cidr), "Description": description]) }
        if let cidr = cidr(rule["CidrIpv6"]) { item["Ipv6Ranges"] = one(["CidrIpv6": .string(cidr), "Description": description]) }
        if let group = ids.id(rule["\(peer)SecurityGroupId"]) { item["UserIdGroupPairs"] = one(["GroupId": .string(group), "Description": description]) }
        if let list = ids.id(rule["\(peer)PrefixListId"]) { item["PrefixListIds"] = one(["PrefixListId": .string(list), "Description": description]) }
        return .object(item)
    }

    var unknowns: CloudFormationUnknowns { CloudFormationUnknowns(resources: resources, ids: ids) }

    func cidr(_ value: TemplateValue?) -> String? { unknowns.cidr(value) }

    private func networkAcls(vpcs: [String], subnetVpc: [String: String], into docs: inout CLIDocuments) {
        let entries = resources.of("AWS::EC2::NetworkAclEntry"), associations = resources.of("AWS::EC2::SubnetNetworkAclAssociation")
        var associated = Set<String>()
        func entry(_ number: Int, egress: Bool, allow: Bool, cidr: String = "0.0.0.0/0") -> JSONValue {
            .object(["RuleNumber": .number(Double(number)), "Protocol": .string("-1"), "RuleAction": .string(allow ? "allow" : "deny"),
                     "Egress": .bool(egress), "CidrBlock": .string(cidr)])
        }
        let implicitDeny = [entry(32767, egress: false, allow: false), entry(32767, egress: true, allow: false)]
        for r in resources.of("AWS::EC2::NetworkAcl") {
            let id = ids.ref(r.logicalId)
            var items: [JSONValue] = []
            // An entry with a part known only after apply is the ACL's unknown-before-apply tag, not an entry.
            for e in entries where ids.id(e["NetworkAclId"]) == id && !CloudFormationUnknowns.isUnknown(aclEntry: e) {
                var item: [String: JSONValue] = [
                    "RuleNumber": .number(Double(e["RuleNumber"]?.knownString.flatMap { Int($0) } ?? 0)),
                    "Protocol": .string(e["Protocol"]?.knownString ?? "-1"),
                    "RuleAction": .string(e["RuleAction"]?.knownString ?? "deny"),
                    "Egress": .bool(e["Egress"] == .bool(true) || e["Egress"] == .string("true"))]
                if let c = e["CidrBlock"]?.knownString { item["CidrBlock"] = .string(c) }
                if let c = e["Ipv6CidrBlock"]?.knownString { item["Ipv6CidrBlock"] = .string(c) }
                if let from = e["PortRange"]?["From"]?.knownString.flatMap({ Int($0) }), let to = e["PortRange"]?["To"]?.knownString.flatMap({ Int($0) }) {
                    item["PortRange"] = .object(["From": .number(Double(from)), "To": .number(Double(to))])
                }
                items.append(.object(item))
            }
            let subnets = associations.filter { ids.id($0["NetworkAclId"]) == id }.compactMap { ids.id($0["SubnetId"]) }
            associated.formUnion(subnets)
            docs.add("NetworkAcls", ["NetworkAclId": .string(id), "VpcId": .text(ids.id(r["VpcId"])), "IsDefault": .bool(false), "Tags": tags(r),
                                     "Entries": .array(items + implicitDeny),
                                     "Associations": .array(subnets.map { .object(["NetworkAclId": .string(id), "SubnetId": .string($0)]) })])
        }
        for vpc in vpcs.sorted() {
            let id = "acl-default-\(vpc)"
            let subnets = subnetVpc.filter { $0.value == vpc && !associated.contains($0.key) }.keys.sorted()
            docs.add("NetworkAcls", ["NetworkAclId": .string(id), "VpcId": .string(vpc), "IsDefault": .bool(true),
                                     "Entries": .array([entry(100, egress: false, allow: true), entry(100, egress: true, allow: true)] + implicitDeny),
                                     "Associations": .array(subnets.map { .object(["NetworkAclId": .string(id), "SubnetId": .string($0)]) })])
        }
    }
}
