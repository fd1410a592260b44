import NetModel

/// Longest-prefix-match routing over VPC and transit gateway route tables.
struct RouteEvaluator {
    let topology: Topology

    /// The route a subnet's table uses for an address; nil when no route matches.
    func lookup(subnet: String, address: IPAddress) -> (table: RouteTable, route: Route)? {
        guard let table = topology.routeTableBySubnet[subnet] else { return nil }
        return lookup(table: table, address: address).map { (table, $0) }
    }

    /// Longest prefix match; for the same prefix a static route beats a propagated one (AWS "Route priority").
    func lookup(table: RouteTable, address: IPAddress) -> Route? {
        var best: (length: Int, route: Route)?
        for route in table.routes {
            for prefix in destinations(route.destination) where prefix.contains(address) {
                if let current = best, prefix.length < current.length || (prefix.length == current.length && !RouteEvaluator.beats(route, current.route)) { continue }
                best = (prefix.length, route)
            }
        }
        return best?.route
    }

    /// Whether a VPC route wins over another for the same prefix: static over propagated.
    static func beats(_ a: Route, _ b: Route) -> Bool {
        (a.origin == "EnableVgwRoutePropagation") == false && b.origin == "EnableVgwRoutePropagation"
    }

    /// Whether a transit gateway route wins over another for the same prefix: static over propagated
    /// (AWS "Transit gateway route tables": route evaluation order).
    static func beats(_ a: TransitGatewayRoute, _ b: TransitGatewayRoute) -> Bool {
        a.type != "propagated" && b.type == "propagated"
    }

    /// Splits a set of addresses by the route each takes (longest prefix first); what no route takes is returned apart.
    func partition(subnet: String, addresses: AddressSet) -> (table: RouteTable?, routed: [(route: Route, addresses: AddressSet)], unrouted: AddressSet) {
        guard let table = topology.routeTableBySubnet[subnet] else { return (nil, [], addresses) }
        var candidates: [(prefix: IPPrefix, route: Route)] = []
        for route in table.routes { for prefix in destinations(route.destination) { candidates.append((prefix, route)) } }
        candidates.sort { $0.prefix.length != $1.prefix.length ? $0.prefix.length > $1.prefix.length : RouteEvaluator.beats($0.route, $1.route) }
        var remaining = addresses
        var routed: [(Route, AddressSet)] = []
        for candidate in candidates where !remaining.isEmpty {
            let part = remaining.intersection(AddressSet(candidate.prefix))
            guard !part.isEmpty else { continue }
            if let i = routed.firstIndex(where: { $0.0 == candidate.route }) { routed[i].1 = routed[i].1.union(part) }
            else { routed.append((candidate.route, part)) }
            remaining = remaining.subtracting(part)
        }
        return (table, routed, remaining)
    }

    /// The transit gateway route for an address in a TGW route table.
    func lookup(transitGatewayTable id: String, address: IPAddress) -> (table: TransitGatewayRouteTable?, route: TransitGatewayRoute?) {
        guard let table = topology.transitGatewayRouteTables[id] else { return (nil, nil) }
        var best: (length: Int, route: TransitGatewayRoute)?
        for route in table.routes {
            for prefix in destinations(route.destination) where prefix.contains(address) {
                if let current = best, prefix.length < current.length || (prefix.length == current.length && !RouteEvaluator.beats(route, current.route)) { continue }
                best = (prefix.length, route)
            }
        }
        return (table, best?.route)
    }

    private func destinations(_ destination: RouteDestination) -> [IPPrefix] {
        switch destination {
        case .cidr(let p): return [p]
        case .prefixList(let id): return topology.prefixLists[id]?.entries ?? []
        }
    }

    /// `rtb-1 (name): 10.0.0.0/16 → local`
    func describe(_ table: RouteTable, _ route: Route, subnet: String) -> String {
        let how = topology.routeTableIsExplicit(subnet: subnet) ? "" : " (main route table)"
        let state = route.state == .blackhole ? " [blackhole]" : ""
        return "\(topology.label(table.id))\(how): \(route.destination) → \(route.target)\(state)"
    }
}

extension RouteEvaluator {
    /// Splits addresses by the transit gateway route each takes in a TGW route table (longest prefix first).
    func partition(transitGatewayTable id: String, addresses: AddressSet) -> (routed: [(route: TransitGatewayRoute, addresses: AddressSet)], unrouted: AddressSet) {
        guard let table = topology.transitGatewayRouteTables[id] else { return ([], addresses) }
        var candidates: [(prefix: IPPrefix, route: TransitGatewayRoute)] = []
        for route in table.routes {
            switch route.destination {
            case .cidr(let p): candidates.append((p, route))
            case .prefixList(let list): for p in topology.prefixLists[list]?.entries ?? [] { candidates.append((p, route)) }
            }
        }
        candidates.sort { $0.prefix.length != $1.prefix.length ? $0.prefix.length > $1.prefix.length : RouteEvaluator.beats($0.route, $1.route) }
        var remaining = addresses
        var routed: [(TransitGatewayRoute, AddressSet)] = []
        for candidate in candidates where !remaining.isEmpty {
            let part = remaining.intersection(AddressSet(candidate.prefix))
            guard !part.isEmpty else { continue }
            if let i = routed.firstIndex(where: { $0.0 == candidate.route }) { routed[i].1 = routed[i].1.union(part) }
            else { routed.append((candidate.route, part)) }
            remaining = remaining.subtracting(part)
        }
        return (routed, remaining)
    }
}
