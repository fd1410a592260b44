import NetModel

/// Where each load balancer node sends traffic: its registered targets, in every zone with cross-zone load
/// balancing on, else only in the node's own zone (AWS "Cross-zone load balancing").
struct LoadBalancerTargets: Sendable {
    struct Registration: Sendable {
        var zone: String?
        var crossZone: Bool
    }

    /// Registrations by load balancer name, then target ID (instance ID or IP address).
    private let byBalancer: [String: [String: [Registration]]]
    private let zones: [String: String]

    init(_ topology: Topology) {
        var out: [String: [String: [Registration]]] = [:]
        let inv = topology.inventory
        for tg in inv.targetGroups {
            for lb in topology.loadBalancersByTargetGroup[tg.id] ?? [] {
                let crossZone = tg.crossZoneOverride ?? lb.crossZoneEnabled
                for t in topology.targets(of: tg) { out[lb.name, default: [:]][IPAddress(t.id)?.description ?? t.id, default: []].append(Registration(zone: t.availabilityZone, crossZone: crossZone)) }
            }
        }
        byBalancer = out
        zones = topology.subnets.compactMapValues(\.availabilityZone)
    }

    /// Whether the load balancer node sends to the endpoint; a zone not in the snapshot is not held against it.
    func sends(from node: Endpoint, to d: Endpoint) -> Bool {
        guard let registrations = byBalancer[node.resourceId] else { return false }
        let nodeZone = node.subnetId.flatMap { zones[$0] }
        let mine = (registrations[d.resourceId] ?? []) + (d.privateAddresses + d.ipv6Addresses).flatMap { registrations[$0.description] ?? [] }
        return mine.contains { r in
            guard !r.crossZone, let nodeZone, let zone = r.zone ?? d.subnetId.flatMap({ zones[$0] }), zone != "all" else { return true }
            return zone == nodeZone
        }
    }
}
