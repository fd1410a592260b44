import NetModel

/// Facts of network resources: VPCs, subnets, routing, gateways, firewalls.
extension ResourceFacts {
    static func of(_ v: VPC) -> ResourceFacts {
        var f = ResourceFacts(kind: "vpc", id: v.id, name: v.tags.name)
        f.property("CIDR blocks", list: v.cidrBlocks.map(\.description))
        f.property("default", v.isDefault)
        f.tags(v.tags)
        return f
    }

    static func of(_ s: Subnet) -> ResourceFacts {
        var f = ResourceFacts(kind: "subnet", id: s.id, name: s.tags.name)
        f.property("VPC", s.vpcId)
        f.property("CIDR blocks", list: s.cidrBlocks.map(\.description))
        f.property("MapPublicIpOnLaunch", s.mapPublicIpOnLaunch)
        f.tags(s.tags)
        return f
    }

    static func of(_ t: RouteTable) -> ResourceFacts {
        var f = ResourceFacts(kind: "route-table", id: t.id, name: t.tags.name)
        f.property("VPC", t.vpcId)
        f.collection("route", RuleText.routes(t.routes))
        f.collection("association", RuleText.associations(t.associations))
        f.tags(t.tags)
        return f
    }

    static func of(_ g: InternetGateway) -> ResourceFacts {
        var f = ResourceFacts(kind: "internet-gateway", id: g.id, name: g.tags.name)
        f.property("attached VPCs", list: g.attachedVpcIds)
        f.tags(g.tags)
        return f
    }

    static func of(_ g: EgressOnlyInternetGateway) -> ResourceFacts {
        var f = ResourceFacts(kind: "egress-only-internet-gateway", id: g.id, name: g.tags.name)
        f.property("attached VPCs", list: g.attachedVpcIds)
        f.tags(g.tags)
        return f
    }

    static func of(_ n: NATGateway) -> ResourceFacts {
        var f = ResourceFacts(kind: "nat-gateway", id: n.id, name: n.tags.name)
        f.property("subnet", n.subnetId)
        f.property("state", n.state)
        f.property("connectivity", n.connectivityType)
        f.property("public IPs", list: n.addresses.compactMap(\.publicIp))
        f.tags(n.tags)
        return f
    }

    static func of(_ e: ElasticIP) -> ResourceFacts {
        var f = ResourceFacts(kind: "elastic-ip", id: e.id, name: e.tags.name ?? e.publicIp)
        f.property("public IP", e.publicIp)
        f.property("network interface", e.networkInterfaceId)
        f.property("instance", e.instanceId)
        f.tags(e.tags)
        return f
    }

    static func of(_ t: TransitGateway) -> ResourceFacts {
        var f = ResourceFacts(kind: "transit-gateway", id: t.id, name: t.tags.name)
        f.property("state", t.state)
        f.property("default association route table", t.associationDefaultRouteTableId)
        f.property("default propagation route table", t.propagationDefaultRouteTableId)
        f.tags(t.tags)
        return f
    }

    static func of(_ a: TransitGatewayAttachment) -> ResourceFacts {
        var f = ResourceFacts(kind: "transit-gateway-attachment", id: a.id, name: a.tags.name)
        f.property("transit gateway", a.transitGatewayId)
        f.property("resource", "\(a.resourceType) \(a.resourceId ?? "?")")
        f.property("state", a.state)
        f.property("route table", a.associatedRouteTableId)
        f.property("subnets", list: a.subnetIds)
        f.tags(a.tags)
        return f
    }

    static func of(_ t: TransitGatewayRouteTable) -> ResourceFacts {
        var f = ResourceFacts(kind: "transit-gateway-route-table", id: t.id, name: t.tags.name)
        f.property("transit gateway", t.transitGatewayId)
        f.collection("route", t.routes.map { r in
            Item("\(r.destination) via \(r.attachmentIds.joined(separator: ", ")) (\(r.type)\(r.state == .blackhole ? ", blackhole" : ""))",
                 keys: ["\(r.destination)"])
        })
        f.tags(t.tags)
        return f
    }

    static func of(_ p: VPCPeeringConnection) -> ResourceFacts {
        var f = ResourceFacts(kind: "vpc-peering-connection", id: p.id, name: p.tags.name)
        f.property("status", p.status)
        f.property("requester", "\(p.requester.vpcId) \(p.requester.cidrBlocks.map(\.description).joined(separator: ","))")
        f.property("accepter", "\(p.accepter.vpcId) \(p.accepter.cidrBlocks.map(\.description).joined(separator: ","))")
        f.tags(p.tags)
        return f
    }

    static func of(_ e: VPCEndpoint) -> ResourceFacts {
        var f = ResourceFacts(kind: "vpc-endpoint", id: e.id, name: e.tags.name ?? e.serviceName)
        f.property("type", e.endpointType)
        f.property("service", e.serviceName)
        f.property("state", e.state)
        f.property("route tables", list: e.routeTableIds)
        f.property("subnets", list: e.subnetIds)
        f.property("security groups", list: e.securityGroupIds)
        f.collection("policy statement", PolicyStatements.items(e.policyDocument, policy: "endpoint policy"))
        f.tags(e.tags)
        return f
    }

    static func of(_ p: PrefixList) -> ResourceFacts {
        var f = ResourceFacts(kind: "prefix-list", id: p.id, name: p.name)
        f.collection("entry", p.entries.map { Item($0.description) })
        f.tags(p.tags)
        return f
    }

    static func of(_ g: SecurityGroup, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "security-group", id: g.id, name: g.displayName)
        f.property("VPC", g.vpcId)
        f.property("description", g.description)
        f.collection("ingress rule", RuleText.groupRules(g.ingress, egress: false, names: names))
        f.collection("egress rule", RuleText.groupRules(g.egress, egress: true, names: names))
        f.tags(g.tags)
        return f
    }

    static func of(_ a: NetworkACL) -> ResourceFacts {
        var f = ResourceFacts(kind: "network-acl", id: a.id, name: a.tags.name)
        f.property("VPC", a.vpcId)
        f.property("default", a.isDefault)
        f.collection("entry", RuleText.aclEntries(a.entries))
        f.collection("subnet association", a.subnetIds.sorted().map { Item($0) })
        f.tags(a.tags)
        return f
    }
}
