import NetModel
import Reachability

/// Compares the tier matrices of two snapshots and explains each changed cell by the configuration
/// changes on its path.
public struct ReachabilityDelta: Sendable {
    let old: Side
    let new: Side
    let changes: [ResourceChange]
    var impact: ChangeImpact
    let neighbours: [String: Set<String>]

    /// One snapshot's solver and tiers, by name.
    struct Side {
        let solver: Solver
        let tiers: [Tier]
        let byName: [String: Tier]
        let resources: PathResources

        init(_ inventory: Inventory, definitions: [(name: String, terms: [String])]) {
            solver = Solver(inventory: inventory)
            resources = PathResources(inventory)
            if definitions.isEmpty {
                tiers = solver.defaultTiers()
            } else {
                // A tier that selects nothing in one snapshot is empty there, not an error.
                let s = solver
                tiers = [Tier(name: "internet", endpoints: [.internet()])] + definitions.filter { $0.name != "internet" }.map { def in
                    (try? s.tiers([def], includeInternet: false).first) ?? Tier(name: def.name, endpoints: [])
                }
            }
            byName = Dictionary(tiers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Prepares both sides; `definitions` are the policy file's tiers (empty: the default tiers).
    public init(old: Inventory, new: Inventory, definitions: [(name: String, terms: [String])], changes: [ResourceChange]) {
        self.old = Side(old, definitions: definitions)
        self.new = Side(new, definitions: definitions)
        self.changes = changes
        impact = ChangeImpact(changes, old: old, new: new)
        neighbours = VPCNeighbours.of(old, new)
    }

    /// The opened and closed paths over every ordered pair of tiers (TCP).
    ///
    /// Only pairs with a tier the changes touch can differ: the matrices are computed for those tiers
    /// and the tiers in their VPCs or in VPCs connected to them (and the internet).
    public func compare() -> ReachabilityChanges {
        let touched = Set(old.tiers.filter(impact.touches).map(\.name)).union(new.tiers.filter(impact.touches).map(\.name))
        if touched.isEmpty { return ReachabilityChanges() }
        var vpcs = Set<String>()
        for side in [old, new] {
            for t in side.tiers where touched.contains(t.name) { vpcs.formUnion(t.endpoints.compactMap(\.vpcId)) }
        }
        for v in vpcs { vpcs.formUnion(neighbours[v] ?? []) }
        func relevant(_ tiers: [Tier]) -> [Tier] {
            impact.global ? tiers : tiers.filter { t in
                t.isInternet || touched.contains(t.name) || t.endpoints.contains { $0.vpcId.map(vpcs.contains) == true }
            }
        }
        // Internet → target paths through a load balancer change with the balancer's own tier.
        let balancers = [old, new].contains { side in
            side.tiers.contains { t in touched.contains(t.name) && t.endpoints.contains { $0.kind == .loadBalancer } }
        }
        // Only rows and columns of touched tiers can change.
        let only: @Sendable (String, String) -> Bool = { from, to in
            touched.contains(from) || touched.contains(to) || (balancers && from == "internet")
        }
        let before = cells(old.solver.matrix(relevant(old.tiers), proto: .tcp, only: only))
        let after = cells(new.solver.matrix(relevant(new.tiers), proto: .tcp, only: only))
        var result = ReachabilityChanges()
        let keys = Set(before.keys).union(after.keys)
            .filter { touched.contains($0.from) || touched.contains($0.to) || (balancers && $0.from == "internet") }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        for key in keys {
            let a = before[key] ?? Cell(ports: .none, via: [], unknown: [])
            let b = after[key] ?? Cell(ports: .none, via: [], unknown: [])
            let opened = b.ports.subtracting(a.ports), closed = a.ports.subtracting(b.ports)
            let viaOpened = b.via.subtracting(a.via).sorted(), viaClosed = a.via.subtracting(b.via).sorted()
            if !opened.isEmpty || !viaOpened.isEmpty {
                var change = PathChange(from: key.from, to: key.to, ports: ranges(opened), via: viaOpened,
                                        causes: causes(key, port: representative(opened)))
                if key.from == "internet" { change.severity = viaOpened.isEmpty || !opened.isEmpty ? ExposureSeverity.of(opened: opened) : .high }
                result.opened.append(change)
            }
            let undecided = b.unknown.subtracting(a.unknown)
            if !undecided.isEmpty { result.unknown.append(UnknownPath(from: key.from, to: key.to, reasons: undecided.sorted())) }
            if !closed.isEmpty || !viaClosed.isEmpty {
                result.closed.append(PathChange(from: key.from, to: key.to, ports: ranges(closed), via: viaClosed,
                                                causes: causes(key, port: representative(closed))))
            }
        }
        return result
    }

    struct Key: Hashable {
        var from: String
        var to: String
    }

    struct Cell {
        var ports: PortSet
        var via: Set<String>
        var unknown: Set<String>
    }

    private func cells(_ matrix: TierMatrix) -> [Key: Cell] {
        var out: [Key: Cell] = [:]
        for c in matrix.cells {
            out[Key(from: c.from, to: c.to)] = Cell(ports: PortSet(c.ports.map { PortRange($0[0], $0[1]) }), via: Set(c.via), unknown: Set(c.unknown ?? []))
        }
        return out
    }

    private func ranges(_ ports: PortSet) -> [[Int]] { ports.ranges.map { [$0.lower, $0.upper] } }

    /// The port to explain: the first sensitive one, else the lowest (nil for a load-balancer-only change).
    private func representative(_ ports: PortSet) -> Int? {
        ExposureSeverity.sensitive(in: ports).first ?? ports.ranges.first?.lower
    }
}
