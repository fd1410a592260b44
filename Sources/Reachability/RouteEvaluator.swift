import NetModel

/// Longest-prefix-match routing over VPC and transit gateway route tables.
///
/// For the same prefix a static route beats a propagated one (AWS "Route priority" for VPC route tables,
/// "Transit gateway route tables": route evaluation order).
struct RouteEvaluator {
    let topology: Topology

    /// The route a subnet's table uses for an address; nil when no route matches.
    func lookup(subnet: String, address: IPAddress) -> (table: RouteTable, route: Route)? {
        guard let table = topology.routeTableBySubnet[subnet] else { return nil }
        return lookup(table: table, address: address).map { (table, $0) }
    }

    func lookup(table: RouteTable, address: IPAddress) -> Route? {
        best(table.routes, { $0.destination }, address, beats: RouteEvaluator.beats)
    }

    /// The transit gateway route for an address in a TGW route table.
    func lookup(transitGatewayTable id: String, address: IPAddress) -> (table: TransitGatewayRouteTable?, route: TransitGatewayRoute?) {
        guard let table = topology.transitGatewayRouteTables[id] else { return (nil, nil) }
        return (table, best(table.routes, { $0.destination }, address, beats: RouteEvaluator.beats))
    }

    /// Splits a set of addresses by the route each takes (longest prefix first); what no route takes is returned apart.
    func partition(subnet: String, addresses: AddressSet) -> (table: RouteTable?, routed: [(route: Route, addresses: AddressSet)], unrouted: AddressSet) {
        guard let table = topology.routeTableBySubnet[subnet] else { return (nil, [], addresses) }
        let (routed, unrouted) = split(table.routes, \.destination, addresses, beats: RouteEvaluator.beats)
        return (table, routed, unrouted)
    }

    /// Splits addresses by the transit gateway route each takes in a TGW route table.
    func partition(transitGatewayTable id: String, addresses: AddressSet) -> (routed: [(route: TransitGatewayRoute, addresses: AddressSet)], unrouted: AddressSet) {
        guard let table = topology.transitGatewayRouteTables[id] else { return ([], addresses) }
        return split(table.routes, \.destination, addresses, beats: RouteEvaluator.beats)
    }

    /// Whether a VPC route wins over another for the same prefix: static over propagated.
    static func beats(_ a: Route, _ b: Route) -> Bool {
        a.origin != "EnableVgwRoutePropagation" && b.origin == "EnableVgwRoutePropagation"
    }

    /// Whether a transit gateway route wins over another for the same prefix: static over propagated.
    static func beats(_ a: TransitGatewayRoute, _ b: TransitGatewayRoute) -> Bool {
        a.type != "propagated" && b.type == "propagated"
    }

    /// The longest prefix that contains `address`; for equal prefixes the route that `beats` the other (else the first).
    private func best<R>(_ routes: [R], _ destination: (R) -> RouteDestination, _ address: IPAddress, beats: (R, R) -> Bool) -> R? {
        var best: (length: Int, index: Int)?
        func consider(_ prefix: IPPrefix, _ index: Int) {
            guard prefix.contains(address) else { return }
            if let current = best, prefix.length < current.length || (prefix.length == current.length && !beats(routes[index], routes[current.index])) { return }
            best = (prefix.length, index)
        }
        for index in routes.indices {
            switch destination(routes[index]) {
            case .cidr(let prefix): consider(prefix, index)
            case .prefixList(let id): for prefix in topology.prefixLists[id]?.entries ?? [] { consider(prefix, index) }
            }
        }
        return best.map { routes[$0.index] }
    }

    private func split<R: Equatable>(_ routes: [R], _ destination: KeyPath<R, RouteDestination>, _ addresses: AddressSet,
                                     beats: (R, R) -> Bool) -> (routed: [(route: R, addresses: AddressSet)], unrouted: AddressSet) {
        var candidates: [(prefix: IPPrefix, route: R)] = []
        for route in routes { for prefix in destinations(route[keyPath: destination]) { candidates.append((prefix, route)) } }
        candidates.sort { $0.prefix.length != $1.prefix.length ? $0.prefix.length > $1.prefix.length : beats($0.route, $1.route) }
        var remaining = addresses
        var routed: [(route: R, addresses: AddressSet)] = []
        for candidate in candidates where !remaining.isEmpty {
            let part = remaining.intersection(AddressSet(candidate.prefix))
            guard !part.isEmpty else { continue }
            if let i = routed.firstIndex(where: { $0.route == candidate.route }) { routed[i].addresses = routed[i].addresses.union(part) }
            else { routed.append((candidate.route, part)) }
            remaining = remaining.subtracting(part)
        }
        return (routed, remaining)
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
