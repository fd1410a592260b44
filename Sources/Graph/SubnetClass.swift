import NetModel
import Reachability

/// Where a subnet sits by its default route: `public` (0.0.0.0/0 to an internet gateway),
/// `private` (to a NAT gateway) or `isolated` (neither).
public enum SubnetClass: String, Sendable, Hashable, CaseIterable, Comparable {
    case `public`, `private`, isolated

    /// Public first, isolated last: the order clusters are drawn in.
    public static func < (a: SubnetClass, b: SubnetClass) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// `public subnets`, as cluster labels print it.
    public var label: String { "\(rawValue) subnets" }
}

/// Classifies subnets by the route table they use (their own association or the VPC's main table).
public struct SubnetClassifier: Sendable {
    private let topology: Topology

    public init(_ inventory: Inventory) {
        topology = Topology(inventory)
    }

    /// The class of `subnetId`; a subnet with no known route table is isolated.
    public func classify(_ subnetId: String) -> SubnetClass {
        guard let table = topology.routeTable(forSubnet: subnetId) else { return .isolated }
        var result = SubnetClass.isolated
        for route in table.routes where route.state == .active {
            guard case .cidr(let prefix) = route.destination, prefix == .anyV4 || prefix == .anyV6 else { continue }
            switch route.target {
            case .internetGateway: return .public
            case .natGateway: result = .private
            default: continue
            }
        }
        return result
    }
}
