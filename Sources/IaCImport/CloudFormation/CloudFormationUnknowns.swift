import NetModel

/// What a template's or plan's network resources leave unknown until apply, as the `UnknownBeforeApply` tags of the
/// resource they belong to: a VPC's or subnet's `CidrBlock`, a security group rule's peer, a route's destination or
/// target, a network ACL entry. The answers that depend on one are then `unknown` with the reason, never guessed.
struct CloudFormationUnknowns {
    let resources: [TemplateResource]
    let ids: CloudFormationIds

    /// Why `value` of `owner`'s `property` is unknown: a plan's own words (`aws_subnet.app.cidr_block is known after
    /// apply`), or the template's resource, property and what it waits for.
    static func reason(_ value: TemplateValue, owner: String, property: String) -> String {
        // Logical IDs are alphanumeric; a plan's resource addresses have dots.
        let plan = owner.contains(".")
        switch value {
        case .unknown(let why) where why.hasSuffix("is known after apply"): return why
        case .unknown(let why): return plan ? "\(owner).\(property) is known after apply (\(why))" : "\(owner).\(property) is known only at deploy (\(why))"
        case .attribute(let id, let attribute) where plan: return "\(id).\(attribute) is known after apply (\(owner).\(property))"
        case .attribute(let id, let attribute): return "\(owner).\(property) is known only at deploy (Fn::GetAtt \(id).\(attribute))"
        default: return plan ? "\(owner).\(property) is known after apply" : "\(owner).\(property) is known only at deploy (\(value.rendered))"
        }
    }

    /// A CIDR as written, or a VPC's or subnet's `CidrBlock` through `Fn::GetAtt` ("AWS::EC2::VPC" return values).
    func cidr(_ value: TemplateValue?) -> String? {
        if let known = value?.knownString { return known }
        guard case .attribute(let logicalId, let attribute)? = value, ["CidrBlock", "CidrBlockAssociations", "cidr_block"].contains(attribute),
              let r = ids.resources[logicalId], ["AWS::EC2::VPC", "AWS::EC2::Subnet"].contains(r.type) else { return nil }
        return r["CidrBlock"]?.knownString
    }

    /// Each peer of a rule unknown before deploy, with the reason (a value known only after apply, an attribute not modelled).
    func unknownPeers(_ rule: TemplateValue, peer: String, owner: String) -> [(key: String, reason: String)] {
        var out: [(String, String)] = []
        for key in ["CidrIp", "CidrIpv6", "\(peer)SecurityGroupId", "\(peer)PrefixListId"] {
            guard let v = rule[key], v != .null else { continue }
            let known = key.hasPrefix("Cidr") ? cidr(v) != nil : ids.id(v) != nil
            if !known { out.append((key, Self.reason(v, owner: owner, property: key))) }
        }
        return out
    }

    static let routeTargets = ["GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "InstanceId", "NetworkInterfaceId",
                               "EgressOnlyInternetGatewayId", "VpcEndpointId"]

    /// Whether a route's destination or target is unknown before apply (it is then its table's tag, not a route).
    static func isUnknown(route: TemplateResource, ids: CloudFormationIds) -> Bool {
        let destinations = ["DestinationCidrBlock", "DestinationIpv6CidrBlock"].compactMap { route[$0] }.filter { $0 != .null }
        if destinations.contains(where: { $0.knownString == nil }) { return true }
        return routeTargets.contains { route[$0] != nil && route[$0] != .null && ids.id(route[$0]) == nil }
    }

    static let aclEntryProperties = ["CidrBlock", "Ipv6CidrBlock", "RuleAction", "RuleNumber", "Protocol", "Egress"]

    /// Whether a network ACL entry has a part known only after apply (it is then its ACL's tag, not an entry).
    static func isUnknown(aclEntry e: TemplateResource) -> Bool {
        aclEntryProperties.contains { e[$0] != nil && e[$0] != .null && e[$0]?.knownString == nil }
    }

    /// The unknown-before-apply tags of a security group: its inline rules and the standalone rules naming it
    /// (also for a group the template does not declare, whose rules join the captured group).
    func securityGroupTags(id: String, inline: [(rule: TemplateValue, egress: Bool, owner: String)]) -> Tags {
        var tags: Tags = [:]
        let standalone = resources.filter { ["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"].contains($0.type) && ids.id($0["GroupId"]) == id }
        let rules = inline + standalone.map { (rule: TemplateValue.map($0.properties), egress: $0.type.hasSuffix("Egress"), owner: $0.logicalId) }
        for (rule, egress, owner) in rules {
            for (_, why) in unknownPeers(rule, peer: egress ? "Destination" : "Source", owner: owner) {
                let key = UnknownBeforeApply.ruleKey(egress: egress, protocol: rule["IpProtocol"]?.knownString ?? "-1",
                                                     from: rule["FromPort"]?.knownString.flatMap { Int($0) },
                                                     to: rule["ToPort"]?.knownString.flatMap { Int($0) })
                UnknownBeforeApply.add(why, key: key, to: &tags)
            }
        }
        return tags
    }

    /// The unknown-before-apply tags of one resource.
    func tags(_ r: TemplateResource) -> Tags {
        var tags: Tags = [:]
        switch r.type {
        case "AWS::EC2::VPC", "AWS::EC2::Subnet":
            if r["CidrBlock"]?.knownString == nil {
                let value = r["CidrBlock"] ?? .unknown("no CidrBlock")
                UnknownBeforeApply.add(Self.reason(value, owner: r.logicalId, property: "CidrBlock"), key: UnknownBeforeApply.cidrKey, to: &tags)
            }
        case "AWS::EC2::SecurityGroup":
            let inline = (r["SecurityGroupIngress"]?.elements ?? []).map { (rule: $0, egress: false, owner: r.logicalId) }
                + (r["SecurityGroupEgress"]?.elements ?? []).map { (rule: $0, egress: true, owner: r.logicalId) }
            tags = securityGroupTags(id: ids.ref(r.logicalId), inline: inline)
        case "AWS::EC2::RouteTable":
            let id = ids.ref(r.logicalId)
            let targets = Self.routeTargets
            for route in resources where route.type == "AWS::EC2::Route" && ids.id(route["RouteTableId"]) == id {
                let destinations = ["DestinationCidrBlock", "DestinationIpv6CidrBlock"].filter { route[$0] != nil && route[$0] != .null }
                if let unknown = destinations.first(where: { route[$0]?.knownString == nil }), let value = route[unknown] {
                    UnknownBeforeApply.add(Self.reason(value, owner: route.logicalId, property: unknown), key: UnknownBeforeApply.routeKey(destination: nil), to: &tags)
                    continue
                }
                guard let destination = destinations.first.flatMap({ route[$0]?.knownString }) else { continue }
                for target in targets {
                    guard let value = route[target], value != .null, ids.id(value) == nil else { continue }
                    UnknownBeforeApply.add(Self.reason(value, owner: route.logicalId, property: target), key: UnknownBeforeApply.routeKey(destination: destination), to: &tags)
                }
            }
        case "AWS::EC2::NetworkAcl":
            let id = ids.ref(r.logicalId)
            for entry in resources where entry.type == "AWS::EC2::NetworkAclEntry" && ids.id(entry["NetworkAclId"]) == id {
                for property in Self.aclEntryProperties {
                    guard let value = entry[property], value != .null, value.knownString == nil else { continue }
                    UnknownBeforeApply.add(Self.reason(value, owner: entry.logicalId, property: property), key: UnknownBeforeApply.aclKey, to: &tags)
                }
            }
        default: break
        }
        return tags
    }
}
