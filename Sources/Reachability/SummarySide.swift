import NetModel

/// One end of a flow as the matrix's summary evaluator reads it: the endpoint's addresses, subnet, route table,
/// network ACL entries and security group rules, looked up once per endpoint rather than once per pair.
///
/// A class, not a value: the matrix's inner loop hands one to the evaluator per pair, which then costs one reference
/// count rather than a copy of every field.
final class SummarySide: Sendable {
    let interfaceId: String?
    let vpcId: String?
    /// Whether flows from it, and to it, can be summary flows at all (see `SummaryEvaluator.allowedPorts`).
    let canSend: Bool
    let canReceive: Bool
    let subnet: String
    /// The addresses the flow uses: the first private IPv4 address when both ends have one, else the IPv6 address.
    let v4: IPAddress?
    let v6: IPAddress?
    /// The subnet's route table, and whether its routes are unknown before apply.
    let routeTable: RouteTable?
    let routesUndecidable: Bool
    /// The entries of the subnet's network ACL (nil: none in the snapshot, which allows all), and whether they are unknown before apply.
    let aclIngress: SummaryRules.ACLEntries?
    let aclEgress: SummaryRules.ACLEntries?
    let aclUndecidable: Bool
    /// The endpoint's security groups, their rules per direction (groups not in the snapshot have none), and
    /// whether a rule is unknown before apply.
    let groupIds: [String]
    let ingress: [SummaryRules.GroupPorts]
    let egress: [SummaryRules.GroupPorts]
    let groupsUndecidable: Bool
    /// A Network Load Balancer without security groups: it filters nothing (`FlowAnalyzer.isUnfiltered`).
    let unfiltered: Bool
    /// A load balancer with listeners as a destination: only its listener ports are open.
    let listenerPorts: PortSet?

    /// The endpoint as one end of a summary flow; nil when it has no subnet (the analyzer decides its flows).
    init?(_ e: Endpoint, _ evaluator: SummaryEvaluator) {
        guard let subnet = e.subnetId else { return nil }
        let rules = evaluator.rules, topology = evaluator.topology, undecidable = evaluator.rules.undecidable
        (interfaceId, vpcId, v4, v6, groupIds, self.subnet) = (e.interfaceId, e.vpcId, e.privateAddresses.first, e.ipv6Address, e.securityGroupIds, subnet)
        let inside = !e.isOutside && e.publicService == nil && !e.placementEstimated
        canSend = inside
        switch e.kind {
        case .natGateway, .lambda, .eksCluster: canReceive = false
        default: canReceive = inside && e.viaPublicAddress == nil
        }
        routeTable = topology.routeTableBySubnet[subnet]
        routesUndecidable = routeTable.map { undecidable.contains($0.id) } ?? false
        let acl = topology.aclBySubnet[subnet]?.id
        aclIngress = acl.flatMap { rules.acl($0, egress: false) }
        aclEgress = acl.flatMap { rules.acl($0, egress: true) }
        aclUndecidable = acl.map(undecidable.contains) ?? false
        ingress = e.securityGroupIds.compactMap { rules.groups($0, egress: false) }
        egress = e.securityGroupIds.compactMap { rules.groups($0, egress: true) }
        groupsUndecidable = e.securityGroupIds.contains(where: undecidable.contains)
        let lb = evaluator.balancer(e)
        unfiltered = FlowAnalyzer.isUnfiltered(e, lb)
        if let lb, !lb.listeners.isEmpty { listenerPorts = rules.proto.hasPorts ? FlowAnalyzer.listenerPorts(lb, proto: rules.proto) : PortSet() }
        else { listenerPorts = nil }
    }
}
