import NetModel

/// Why a query term could not be resolved.
public enum SelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknown(term: String, suggestions: [String])
    case ambiguous(term: String, candidates: [String])
    case empty(term: String, reason: String)

    public var description: String {
        switch self {
        case .unknown(let term, let suggestions):
            "'\(Quoted.value(term))' matches nothing in the snapshot" + (suggestions.isEmpty ? "" : "; did you mean: \(SelectorError.few(suggestions, ", "))?")
        case .ambiguous(let term, let candidates):
            "'\(Quoted.value(term))' is ambiguous; it could be: \(SelectorError.few(candidates, "; ", count: 3, limit: 26)). Use an ID or a kind keyword"
        case .empty(let term, let reason):
            "'\(Quoted.value(term))' \(reason)"
        }
    }

    /// The first few names, so the message stays one short line (`netaudit inspect` lists them all).
    /// A few names, each cut short, and how many more: error messages stay one short line (the fuzz limit is 250).
    static func few(_ names: [String], _ separator: String, count: Int = 4, limit: Int = 30) -> String {
        let shown = names.prefix(count).map { Quoted.value($0, limit: limit) }.joined(separator: separator)
        return names.count > count ? "\(shown)\(separator)… (\(names.count - count) more)" : shown
    }
}

/// A resolved query term: the endpoints it names, grouped by the resource they belong to.
public struct Selection: Sendable {
    public var term: String
    /// Endpoints grouped by resource (`resourceId`), or by `resource@address` for a term naming one address, in a stable order.
    public var groups: [(resource: String, endpoints: [Endpoint])]
    /// The Service Connect aliases the term names: asked ports are those the server receives on.
    public var serviceConnect: [ServiceConnectRoute] = []
}

/// Resolves what users type (`alb`, `sg-123`, `demo-app-db`, `10.0.1.5`, `tag:Env=prod`, `internet`) to endpoints.
public struct Selector: Sendable {
    public let catalog: EndpointCatalog
    let topology: Topology
    /// Names match exactly or not at all (no match by a part of a name): on a partial model (`Selector.seeds`)
    /// only exact matches are sure to be every match there is.
    var exactNamesOnly = false

    public static let keywords = ["internet", "onprem", "alb", "nlb", "elb", "rds", "ec2", "lambda", "nat", "asg",
                                  "eks", "elasticache", "opensearch", "aurora", "ecs", "task"]

    public init(topology: Topology, catalog: EndpointCatalog) {
        self.topology = topology
        self.catalog = catalog
    }

    public func resolve(_ term: String) throws(SelectorError) -> Selection {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        let endpoints = try match(trimmed)
        // An interface ID names that interface alone (two interfaces of one instance are two endpoints).
        let byInterface = trimmed.lowercased().hasPrefix("eni-")
        var order: [String] = []
        var groups: [String: [Endpoint]] = [:]
        for e in endpoints {
            let key = byInterface ? e.id : e.groupKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(e)
        }
        return Selection(term: term, groups: order.map { ($0, groups[$0] ?? []) },
                         serviceConnect: ServiceConnectAliases(topology.inventory).routes(named: trimmed))
    }

    private func match(_ term: String) throws(SelectorError) -> [Endpoint] {
        let all = catalog.endpoints
        let lower = term.lowercased()
        switch lower {
        case "internet", "0.0.0.0/0": return [.internet()]
        case "alb": return try nonEmpty(term, all.filter { $0.kind == .loadBalancer && lbType($0) == "application" }, "no application load balancer")
        case "nlb": return try nonEmpty(term, all.filter { $0.kind == .loadBalancer && lbType($0) == "network" }, "no network load balancer")
        case "elb": return try nonEmpty(term, all.filter { $0.kind == .loadBalancer }, "no load balancer")
        case "rds": return try nonEmpty(term, all.filter { $0.kind == .database }, "no RDS database")
        case "ec2": return try nonEmpty(term, all.filter { $0.kind == .instance }, "no EC2 instance")
        case "lambda": return try nonEmpty(term, all.filter { $0.kind == .lambda }, "no Lambda function in a VPC")
        case "nat": return try nonEmpty(term, all.filter { $0.kind == .natGateway }, "no NAT gateway")
        case "onprem", "on-prem", "on-premises": return try nonEmpty(term, all.filter { $0.kind == .onPremises }, "no VPN connection or Direct Connect gateway")
        case "asg": return try nonEmpty(term, all.filter { $0.tags["aws:autoscaling:groupName"] != nil }, "no Auto Scaling group instance")
        default: break
        }
        if let (found, reason) = serviceKeyword(lower) { return try nonEmpty(term, found, reason) }
        if let (found, reason) = ecsTerm(term) {
            if found.isEmpty { throw .empty(term: term, reason: reason) }
            return found
        }
        if lower.hasPrefix("tag:") {
            let spec = term.dropFirst(4)
            let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let key = parts.first, !key.isEmpty else {
                throw .empty(term: term, reason: "has no tag key (use tag:Key or tag:Key=Value)")
            }
            let value = parts.count > 1 ? parts[1] : nil
            return try nonEmpty(term, all.filter { e in e.tags.contains { $0.key == key && (value == nil || $0.value.lowercased() == value!.lowercased()) } },
                                "matches no tagged workload")
        }
        if let prefix = IPPrefix(term), term.contains(".") || term.contains(":") {
            return try addressMatch(term, prefix)
        }
        // An ID prefix that matches nothing may still be a name ("vpc-main-sg").
        for (id, test) in idMatchers(lower) where lower.hasPrefix(id) {
            let found = all.filter(test)
            if !found.isEmpty { return found }
        }
        return try nameMatch(term)
    }

    private func idMatchers(_ id: String) -> [(String, (Endpoint) -> Bool)] {
        [("eni-", { $0.id.lowercased() == id }), ("i-", { $0.resourceId.lowercased() == id }),
         ("sg-", { $0.securityGroupIds.contains { $0.lowercased() == id } }), ("subnet-", { $0.subnetId?.lowercased() == id }),
         ("vpc-", { $0.vpcId?.lowercased() == id }), ("nat-", { $0.resourceId.lowercased() == id }),
         ("vpn-", { $0.kind == .onPremises && $0.resourceId.lowercased() == id }),
         ("cgw-", { e in e.kind == .onPremises && self.topology.inventory.vpnConnections.contains { $0.id == e.resourceId && $0.customerGatewayId?.lowercased() == id } }),
         ("dxgw-", { $0.kind == .onPremises && $0.resourceId.lowercased() == id }),
         ("arn:aws:elasticloadbalancing", { e in self.topology.inventory.loadBalancers.contains { $0.id.lowercased() == id && $0.name == e.resourceId } })]
    }

    private func lbType(_ e: Endpoint) -> String? {
        topology.inventory.loadBalancers.first { $0.name == e.resourceId }?.type
    }

    private func nonEmpty(_ term: String, _ found: [Endpoint], _ reason: String) throws(SelectorError) -> [Endpoint] {
        if found.isEmpty { throw .empty(term: term, reason: "names a kind the snapshot has none of (\(reason))") }
        return found
    }

    /// One address selects the endpoint holding it, reduced to that address: a private or IPv6 address is
    /// its own endpoint (two interfaces of one instance are two endpoints), a public one is reached there from the
    /// outside. A CIDR selects the interfaces with an address in it. What no endpoint holds is that part of the internet.
    private func addressMatch(_ term: String, _ prefix: IPPrefix) throws(SelectorError) -> [Endpoint] {
        let all = catalog.endpoints
        if prefix.length == (prefix.isV4 ? 32 : 128) {
            let address = prefix.address
            let holders = all.compactMap { $0.owns(address) ? $0.narrowed(to: address) : nil }
            if !holders.isEmpty { return holders }
            // An address of a VPC that no interface holds is nobody: not the internet, not on-premises.
            if let vpc = topology.inventory.vpcs.first(where: { $0.cidrBlocks.contains { $0.contains(address) } }) {
                throw .empty(term: term, reason: "is inside \(topology.label(vpc.id)), but no interface in the snapshot holds it")
            }
        } else {
            let inside = all.filter { e in
                e.privateAddresses.contains { prefix.contains($0) } || e.ipv6Addresses.contains { prefix.contains($0) }
                    || e.ipv6Prefixes.contains { prefix.overlaps($0) }
            }
            if !inside.isEmpty { return inside }
        }
        // A block behind a VPN or Direct Connect edge is that on-premises network.
        let wanted = AddressSet(prefix)
        let onPremises = all.compactMap { e -> Endpoint? in
            guard e.kind == .onPremises, let networks = e.internetAddresses, networks.intersects(wanted) else { return nil }
            var copy = e
            copy.internetAddresses = networks.intersection(wanted)
            copy.name = "\(e.name) [\(term)]"
            return copy
        }
        if !onPremises.isEmpty { return onPremises }
        let outside = wanted.intersection(.internet)
        return [.internet(outside.isEmpty ? wanted : outside, label: term)]
    }

    /// Names: exact (case-insensitive) first, then as a part of a name; several kinds of resource
    /// matching different endpoints is ambiguous.
    private func nameMatch(_ term: String) throws(SelectorError) -> [Endpoint] {
        let wanted = Selector.normalize(term)
        for exact in exactNamesOnly ? [true] : [true, false] {
            var byCandidate: [String: [Endpoint]] = [:]
            func consider(_ name: String?, _ label: String, _ members: @autoclosure () -> [Endpoint]) {
                guard let name else { return }
                let n = Selector.normalize(name)
                if exact ? n == wanted : n.contains(wanted) {
                    let found = members()
                    if !found.isEmpty { byCandidate[label, default: []] += found }
                }
            }
            let all = catalog.endpoints
            for e in all { consider(e.name, "\(kindName(e.kind)) \(e.name)", [e]) }
            for e in all { consider(e.tags["aws:autoscaling:groupName"], "Auto Scaling group \(e.tags["aws:autoscaling:groupName"] ?? "")", [e]) }
            for sg in topology.inventory.securityGroups {
                for name in Set([sg.name, sg.displayName]) {
                    consider(name, "security group \(sg.id) (\(name))", all.filter { $0.securityGroupIds.contains(sg.id) })
                }
            }
            for subnet in topology.inventory.subnets {
                consider(subnet.tags.name, "subnet \(subnet.id) (\(subnet.tags.name ?? ""))", all.filter { $0.subnetId == subnet.id })
            }
            for vpc in topology.inventory.vpcs {
                consider(vpc.tags.name, "VPC \(vpc.id) (\(vpc.tags.name ?? ""))", all.filter { $0.vpcId == vpc.id })
            }
            for (name, label, members) in serviceNames() { consider(name, label, members) }
            let distinct = Dictionary(grouping: byCandidate, by: { Set($0.value.map(\.id)) })
            if distinct.count == 1, let found = byCandidate.values.first {
                var seen = Set<String>()
                return found.filter { seen.insert($0.id).inserted }
            }
            if distinct.count > 1 {
                throw .ambiguous(term: term, candidates: Array(Set(byCandidate.keys)).sorted())
            }
        }
        let names = Set(catalog.endpoints.map(\.name) + topology.inventory.securityGroups.map(\.name)).sorted()
        throw .unknown(term: term, suggestions: Array(names.prefix(8)) + Selector.keywords)
    }

    private func kindName(_ kind: Endpoint.Kind) -> String {
        switch kind {
        case .instance: "instance"
        case .loadBalancer: "load balancer"
        case .database: "database"
        case .lambda: "Lambda function"
        case .natGateway: "NAT gateway"
        case .vpcEndpoint: "VPC endpoint"
        case .interface: "interface"
        case .internet: "internet"
        case .onPremises: "on-premises network"
        case .ecsTask: "ECS task"
        case .eksCluster: "EKS cluster"
        case .cache: "ElastiCache node"
        case .search: "OpenSearch domain"
        }
    }

    static func normalize(_ s: String) -> String { InventorySeed.nameKey(s) }
}
