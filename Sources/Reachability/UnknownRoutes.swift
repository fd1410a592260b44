import NetModel

/// Routes and address ranges a plan or template leaves unknown until apply (`UnknownBeforeApply` tags on route
/// tables and VPCs): a route decision they could change is unknown, with the reason, never decided on a guess.
extension RouteEvaluator {
    /// Why the route a subnet's table uses for `address` is unknown before apply: a route with an unknown destination,
    /// or one with an unknown target at least as specific as the route found; nil when the decision stands.
    func unknownRoute(subnet: String, address: IPAddress, found: Route?) -> String? {
        guard let table = topology.routeTableBySubnet[subnet] else { return nil }
        let foundLength = found.flatMap { route -> Int? in if case .cidr(let p) = route.destination { p.length } else { nil } } ?? -1
        for unknown in UnknownBeforeApply.routes(table.tags) {
            guard let destination = unknown.destination else { return "\(topology.label(table.id)): \(unknown.reason)" }
            if destination.contains(address), destination.length >= foundLength { return "\(topology.label(table.id)): \(unknown.reason)" }
        }
        return nil
    }

    /// The addresses of `addresses` whose route from a subnet is unknown before apply (every port), each with the reason.
    func unknownRoutes(subnet: String, addresses: AddressSet) -> [Undecided] {
        guard let table = topology.routeTableBySubnet[subnet] else { return [] }
        return UnknownBeforeApply.routes(table.tags).compactMap { unknown in
            let piece = unknown.destination.map { AddressSet($0).intersection(addresses) } ?? addresses
            return piece.isEmpty ? nil : Undecided(region: Region(ports: .all, addresses: piece), reason: "\(topology.label(table.id)): \(unknown.reason)")
        }
    }

    /// Why a subnet's VPC has no known address range (so no local route), if a plan leaves it unknown.
    func unknownRange(subnet: String) -> String? {
        guard let vpc = topology.subnets[subnet]?.vpcId else { return nil }
        return topology.vpcs[vpc].flatMap { UnknownBeforeApply.cidr($0.tags) }
    }
}
