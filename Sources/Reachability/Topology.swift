import NetModel

/// The inventory indexed for path finding: lookups by ID, each subnet's route table and NACL.
public struct Topology: Sendable {
    public private(set) var inventory: Inventory
    let vpcs: [String: VPC]
    let subnets: [String: Subnet]
    private(set) var securityGroups: [String: SecurityGroup]
    let prefixLists: [String: PrefixList]
    let peerings: [String: VPCPeeringConnection]
    let natGateways: [String: NATGateway]
    let transitGatewayRouteTables: [String: TransitGatewayRouteTable]
    let transitGatewayAttachments: [TransitGatewayAttachment]
    /// Transit gateway attachments by ID (the first of a repeated ID).
    private let attachmentsById: [String: TransitGatewayAttachment]
    /// Available VPC attachments by transit gateway, then VPC (the first of each pair).
    private let vpcAttachments: [String: [String: TransitGatewayAttachment]]
    /// Route table per subnet: its explicit association, else its VPC's main table.
    let routeTableBySubnet: [String: RouteTable]
    let mainRouteTableByVPC: [String: RouteTable]
    let aclBySubnet: [String: NetworkACL]
    /// Internet gateways attached to each VPC.
    let internetGatewaysByVPC: [String: [String]]
    /// Egress-only internet gateways attached to each VPC.
    let egressOnlyGatewaysByVPC: [String: [String]]
    /// The load balancers forwarding to each target group (by its ARN): attached to it, or a listener naming it.
    let loadBalancersByTargetGroup: [String: [LoadBalancer]]
    /// Targets ECS services register that their target groups' listings don't show (`ECSServiceTargets`).
    private let serviceTargets: [String: [Target]]
    /// Bridge-mode ECS services with dynamic host ports, by target group ARN.
    let dynamicHostPorts: [String: [DynamicHostPort]]
    /// Name tags of route tables and NACLs, for labels.
    private let otherNames: [String: String]

    public init(_ inventory: Inventory) {
        self.inventory = inventory
        vpcs = Dictionary(inventory.vpcs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        subnets = Dictionary(inventory.subnets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        securityGroups = Dictionary(inventory.securityGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        prefixLists = Dictionary(inventory.prefixLists.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        peerings = Dictionary(inventory.vpcPeeringConnections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        natGateways = Dictionary(inventory.natGateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        transitGatewayRouteTables = Dictionary(inventory.transitGatewayRouteTables.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        transitGatewayAttachments = inventory.transitGatewayAttachments
        attachmentsById = Dictionary(inventory.transitGatewayAttachments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byGateway: [String: [String: TransitGatewayAttachment]] = [:]
        for a in inventory.transitGatewayAttachments where a.resourceType == "vpc" && a.state == "available" {
            guard let vpc = a.resourceId, byGateway[a.transitGatewayId]?[vpc] == nil else { continue }
            byGateway[a.transitGatewayId, default: [:]][vpc] = a
        }
        vpcAttachments = byGateway
        var main: [String: RouteTable] = [:]
        var explicit: [String: RouteTable] = [:]
        for table in inventory.routeTables {
            for a in table.associations {
                if a.isMain { main[table.vpcId] = table }
                if let s = a.subnetId { explicit[s] = table }
            }
        }
        mainRouteTableByVPC = main
        var bySubnet: [String: RouteTable] = [:]
        for subnet in inventory.subnets {
            if let t = explicit[subnet.id] ?? main[subnet.vpcId] { bySubnet[subnet.id] = t }
        }
        routeTableBySubnet = bySubnet
        var acls: [String: NetworkACL] = [:]
        for acl in inventory.networkACLs { for s in acl.subnetIds { acls[s] = acl } }
        aclBySubnet = acls
        var igws: [String: [String]] = [:]
        for igw in inventory.internetGateways { for v in igw.attachedVpcIds { igws[v, default: []].append(igw.id) } }
        internetGatewaysByVPC = igws
        var eigws: [String: [String]] = [:]
        for g in inventory.egressOnlyInternetGateways { for v in g.attachedVpcIds { eigws[v, default: []].append(g.id) } }
        egressOnlyGatewaysByVPC = eigws
        var names: [String: String] = [:]
        for t in inventory.routeTables { if let n = t.tags.name { names[t.id] = n } }
        for a in inventory.networkACLs { if let n = a.tags.name { names[a.id] = n } }
        otherNames = names
        var balancers: [String: [LoadBalancer]] = [:]
        let attached = Dictionary(grouping: inventory.targetGroups.flatMap { tg in tg.loadBalancerArns.map { ($0, tg.id) } }, by: \.0)
        for lb in inventory.loadBalancers {
            let groups = Set((attached[lb.id] ?? []).map(\.1) + lb.listeners.flatMap { $0.targetGroupArns + $0.forwardedTargetGroupArns })
            for tg in groups.sorted() { balancers[tg, default: []].append(lb) }
        }
        loadBalancersByTargetGroup = balancers
        serviceTargets = ECSServiceTargets.standIns(inventory)
        dynamicHostPorts = ECSServiceTargets.dynamicHostPorts(inventory)
    }

    /// A target group's targets: those it lists, and those ECS services register where the listing doesn't show them.
    public func targets(of tg: TargetGroup) -> [Target] {
        guard let extra = serviceTargets[tg.id] else { return tg.targets }
        return tg.targets + extra
    }

    /// The same topology with some security groups replaced (their rules loaded later).
    func replacing(securityGroups groups: [SecurityGroup]) -> Topology {
        var copy = self
        for g in groups { copy.securityGroups[g.id] = g }
        let byId = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        copy.inventory.securityGroups = inventory.securityGroups.map { byId[$0.id] ?? $0 }
        return copy
    }

    /// The route table a subnet uses: its explicit association, else its VPC's main table.
    public func routeTable(forSubnet subnet: String) -> RouteTable? { routeTableBySubnet[subnet] }

    /// Whether the route table came from an explicit association (false: the VPC's main table).
    func routeTableIsExplicit(subnet: String) -> Bool {
        routeTableBySubnet[subnet].map { table in table.associations.contains { $0.subnetId == subnet } } ?? false
    }

    /// Display name of a resource ID for messages: `sg-123 (web-sg)`.
    func label(_ id: String) -> String {
        let name: String? = securityGroups[id]?.displayName ?? subnets[id]?.tags.name ?? vpcs[id]?.tags.name ?? otherNames[id]
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(id) (\(name))"
    }

    /// The addresses a managed prefix list stands for; nil when its entries were not captured.
    func prefixListAddresses(_ id: String) -> AddressSet? {
        guard let list = prefixLists[id], list.entriesKnown else { return nil }
        return AddressSet(list.entries)
    }

    /// The transit gateway attachment of a VPC to a transit gateway, if any.
    func attachment(vpc: String, transitGateway: String) -> TransitGatewayAttachment? {
        vpcAttachments[transitGateway]?[vpc]
    }

    /// A transit gateway attachment by its ID.
    func attachment(id: String) -> TransitGatewayAttachment? { attachmentsById[id] }
}
