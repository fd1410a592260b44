import NetModel

/// Maps security groups and network ACLs.
enum EC2SecurityMapper {
    static func securityGroups(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("SecurityGroups") {
            let owner = try item.string("OwnerId")
            c.inventory.securityGroups.append(SecurityGroup(
                id: try item.requiredString("GroupId"), scope: ctx.scope(account: owner),
                name: try item.string("GroupName") ?? "", description: try item.string("Description"),
                vpcId: try item.string("VpcId"), ownerId: owner,
                ingress: try rules(item.array("IpPermissions"), ctx), egress: try rules(item.array("IpPermissionsEgress"), ctx),
                tags: try item.tags()))
        }
    }

    /// Flattens AWS's permissions (one protocol/port range, many peers) into one rule per peer.
    static func rules(_ permissions: [Node], _ ctx: FileContext) throws(ImportError) -> [SecurityGroupRule] {
        var out: [SecurityGroupRule] = []
        for p in permissions {
            let proto = try ctx.ipProtocol(try p.string("IpProtocol"), at: p)
            let from = try p.int("FromPort"), to = try p.int("ToPort")
            if proto.hasPorts, let from, let to, from != -1 || to != -1 {
                // AWS "Security group rules": TCP/UDP ports are 0-65535 with FromPort <= ToPort (-1 on both means all).
                guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
                    throw .invalidValue(file: ctx.file.displayPath, path: p.path,
                                        message: "FromPort \(from) and ToPort \(to) are not a port range (0-65535, FromPort <= ToPort)")
                }
            }
            func add(_ peer: RulePeer, _ description: String?) {
                out.append(SecurityGroupRule(ipProtocol: proto, fromPort: from, toPort: to, peer: peer, description: description))
            }
            for r in try p.array("IpRanges") {
                if let cidr = try ctx.cidr(try r.string("CidrIp"), at: r) { add(.cidr(cidr), try r.string("Description")) }
            }
            for r in try p.array("Ipv6Ranges") {
                if let cidr = try ctx.cidr(try r.string("CidrIpv6"), at: r) { add(.cidr(cidr), try r.string("Description")) }
            }
            for r in try p.array("PrefixListIds") {
                add(.prefixList(try r.requiredString("PrefixListId")), try r.string("Description"))
            }
            for r in try p.array("UserIdGroupPairs") {
                let ref = SecurityGroupReference(groupId: try r.requiredString("GroupId"), userId: try r.string("UserId"),
                                                 vpcId: try r.string("VpcId"),
                                                 vpcPeeringConnectionId: try r.string("VpcPeeringConnectionId"))
                add(.securityGroup(ref), try r.string("Description"))
            }
        }
        return out
    }

    static func networkAcls(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("NetworkAcls") {
            var entries: [NetworkACLEntry] = []
            for e in try item.array("Entries") {
                guard let cidr = try ctx.cidr(try e.firstString("CidrBlock", "Ipv6CidrBlock"), at: e) else {
                    throw .missingField(file: ctx.file.displayPath, path: e.path, field: "CidrBlock")
                }
                guard let number = try e.int("RuleNumber") else {
                    throw .missingField(file: ctx.file.displayPath, path: e.path, field: "RuleNumber")
                }
                let action = try e.string("RuleAction")
                guard let ruleAction = action.flatMap(RuleAction.init(rawValue:)) else {
                    throw .invalidValue(file: ctx.file.displayPath, path: e.path, message: "RuleAction must be allow or deny")
                }
                var ports: PortRange?
                if let range = e["PortRange"], let from = try range.int("From"), let to = try range.int("To") {
                    guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
                        throw .invalidValue(file: ctx.file.displayPath, path: range.path,
                                            message: "From \(from) and To \(to) are not a port range (0-65535, From <= To)")
                    }
                    ports = PortRange(from, to)
                }
                // AWS "Network ACL rules": rule numbers are 1-32766; 32767 is the default (catch-all) rule.
                guard (1...32767).contains(number) else {
                    throw .invalidValue(file: ctx.file.displayPath, path: e.path, message: "RuleNumber \(number) is outside 1-32766 (32767 is the default rule)")
                }
                let icmp = e["IcmpTypeCode"]
                entries.append(NetworkACLEntry(
                    ruleNumber: number, egress: try e.bool("Egress") ?? false, ipProtocol: try ctx.ipProtocol(try e.string("Protocol"), at: e),
                    action: ruleAction, cidr: cidr, portRange: ports,
                    icmpType: try icmp?.int("Type"), icmpCode: try icmp?.int("Code")))
            }
            var subnets: [String] = []
            for a in try item.array("Associations") {
                if let s = try a.string("SubnetId") { subnets.append(s) }
            }
            c.inventory.networkACLs.append(NetworkACL(
                id: try item.requiredString("NetworkAclId"), scope: ctx.scope(account: try item.string("OwnerId")),
                vpcId: try item.requiredString("VpcId"), isDefault: try item.bool("IsDefault") ?? false,
                entries: entries, subnetIds: subnets, tags: try item.tags()))
        }
    }
}
