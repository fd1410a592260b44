import NetModel
@testable import Reachability

/// Builds small networks in code for solver tests: each test shows exactly the setting it is about.
struct NetBuilder {
    var inv = Inventory()
    let scope = ResourceScope(account: "111111111111", region: "us-east-1")

    mutating func vpc(_ id: String, _ cidr: String) {
        inv.vpcs.append(VPC(id: id, scope: scope, cidrBlocks: [IPPrefix(cidr)!]))
    }

    /// A subnet; with `table`, explicitly associated with that route table.
    mutating func subnet(_ id: String, vpc: String, _ cidr: String) {
        inv.subnets.append(Subnet(id: id, scope: scope, vpcId: vpc, cidrBlocks: [IPPrefix(cidr)!]))
    }

    /// A route table with the VPC's local route first.
    mutating func routeTable(_ id: String, vpc: String, main: Bool = false, subnets: [String] = [],
                             routes: [(String, RouteTarget, RouteState)] = []) {
        let local = inv.vpcs.first { $0.id == vpc }!.cidrBlocks.map { Route(destination: .cidr($0), target: .local) }
        var associations = subnets.map { RouteTableAssociation(subnetId: $0) }
        if main { associations.append(RouteTableAssociation(isMain: true)) }
        inv.routeTables.append(RouteTable(id: id, scope: scope, vpcId: vpc,
                                          routes: local + routes.map { Route(destination: .cidr(IPPrefix($0.0)!), target: $0.1, state: $0.2) },
                                          associations: associations))
    }

    mutating func internetGateway(_ id: String, vpc: String) {
        inv.internetGateways.append(InternetGateway(id: id, scope: scope, attachedVpcIds: [vpc]))
    }

    mutating func securityGroup(_ id: String, vpc: String, ingress: [SecurityGroupRule],
                                egress: [SecurityGroupRule] = [SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV4))]) {
        inv.securityGroups.append(SecurityGroup(id: id, scope: scope, name: id, vpcId: vpc, ingress: ingress, egress: egress))
    }

    /// A NACL; entries are (number, egress, protocol, action, cidr, ports).
    mutating func acl(_ id: String, vpc: String, subnets: [String], _ entries: [(Int, Bool, IPProtocol, RuleAction, String, PortRange?)]) {
        inv.networkACLs.append(NetworkACL(id: id, scope: scope, vpcId: vpc, entries: entries.map {
            NetworkACLEntry(ruleNumber: $0.0, egress: $0.1, ipProtocol: $0.2, action: $0.3, cidr: IPPrefix($0.4)!, portRange: $0.5)
        }, subnetIds: subnets))
    }

    /// The default NACL: allow everything both ways.
    mutating func openACL(_ id: String, vpc: String, subnets: [String]) {
        acl(id, vpc: vpc, subnets: subnets, [(100, false, .all, .allow, "0.0.0.0/0", nil), (100, true, .all, .allow, "0.0.0.0/0", nil)])
    }

    mutating func instance(_ id: String, subnet: String, ip: String, groups: [String], publicIp: String? = nil) {
        let vpc = inv.subnets.first { $0.id == subnet }!.vpcId
        inv.networkInterfaces.append(NetworkInterface(
            id: "eni-\(id)", scope: scope, vpcId: vpc, subnetId: subnet,
            privateAddresses: [PrivateAddress(address: ip, primary: true, publicIp: publicIp)],
            securityGroupIds: groups, owner: .instance(id)))
        inv.instances.append(Instance(id: id, scope: scope, vpcId: vpc, subnetId: subnet, privateIp: ip, publicIp: publicIp,
                                      securityGroupIds: groups, networkInterfaceIds: ["eni-\(id)"], tags: ["Name": id]))
    }

    mutating func peering(_ id: String, _ a: String, _ b: String, status: String = "active") {
        func side(_ v: String) -> PeeringSide {
            PeeringSide(vpcId: v, ownerId: scope.account, region: scope.region, cidrBlocks: inv.vpcs.first { $0.id == v }!.cidrBlocks)
        }
        inv.vpcPeeringConnections.append(VPCPeeringConnection(id: id, scope: scope, status: status, requester: side(a), accepter: side(b)))
    }

    var solver: Solver { Solver(inventory: inv) }

    /// Analyses one flow between two named resources (or `internet`, or an address).
    func flow(_ from: String, _ to: String, _ proto: IPProtocol = .tcp, ports: PortSet? = nil) throws -> PairAnswer {
        let s = solver
        let pairs = s.answer(from: try s.selector.resolve(from), to: try s.selector.resolve(to), proto: proto, ports: ports)
        guard pairs.count == 1 else { throw TestError.pairs(pairs.count) }
        return pairs[0]
    }

    enum TestError: Error { case pairs(Int) }
}

extension SecurityGroupRule {
    static func tcp(_ port: Int, from cidr: String) -> SecurityGroupRule {
        SecurityGroupRule(ipProtocol: .tcp, fromPort: port, toPort: port, peer: .cidr(IPPrefix(cidr)!))
    }
    static func tcp(_ port: Int, fromGroup group: String) -> SecurityGroupRule {
        SecurityGroupRule(ipProtocol: .tcp, fromPort: port, toPort: port, peer: .securityGroup(SecurityGroupReference(groupId: group)))
    }
}
