import Findings
import NetModel
import Policy
import Reachability

/// Builds a ``TierGraph`` from tiers, their matrix, the buckets and the scan's findings.
public struct GraphBuilder: Sendable {
    /// The snapshot's resources: route tables for subnet classes, VPC names, buckets.
    public var inventory: Inventory
    /// Findings of the scan; actively suppressed ones are ignored.
    public var findings: [Finding]
    /// Draw flows from tiers out to the internet too (off by default: nearly every tier has them).
    public var includeEgress: Bool

    /// A builder over `inventory`, highlighting the resources `findings` name.
    public init(inventory: Inventory, findings: [Finding] = [], includeEgress: Bool = false) {
        self.inventory = inventory
        self.findings = findings.filter { $0.suppression?.isActive != true }
        self.includeEgress = includeEgress
    }

    /// The graph of `tiers` with the flows of `matrix` (computed over the same tiers).
    public func build(tiers: [Tier], matrix: TierMatrix) -> TierGraph {
        let classifier = SubnetClassifier(inventory)
        let severities = worstSeverityByResource()
        var nodes: [TierGraph.Node] = []
        var idByName: [String: String] = [:]
        for tier in tiers {
            let id = "n\(nodes.count)"
            idByName[tier.name] = id
            let members = unique(tier.endpoints.map(\.resourceId))
            let keys = Set(members + tier.endpoints.flatMap(\.securityGroupIds) + [tier.name])
            let worst = keys.compactMap { severities[$0] }.max()
            nodes.append(TierGraph.Node(id: id, name: tier.name, detail: detail(tier, members: members), kind: kind(tier),
                                        placement: placement(tier, classifier), worstSeverity: worst, members: members))
        }
        var edges: [TierGraph.Edge] = []
        let nodeById = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for cell in matrix.cells {
            // Pairs that can't be judged (unknown only) draw no edge.
            guard let from = idByName[cell.from], let to = idByName[cell.to], !cell.ports.isEmpty || !cell.via.isEmpty else { continue }
            let toInternet = nodeById[to]?.kind == .internet
            if toInternet && !includeEgress { continue }
            let fromInternet = nodeById[from]?.kind == .internet
            let viaOnly = cell.ports.isEmpty && !cell.via.isEmpty
            let label = viaOnly ? "via \(cell.via.joined(separator: ", "))" : "\(matrix.ipProtocol)/" + Self.portText(cell.ports)
            var highlight: Severity?
            if fromInternet && !viaOnly {
                if exposesSensitivePort(cell.ports) || nodeById[to]?.isCritical == true { highlight = .critical }
                else if nodeById[to]?.worstSeverity == .high { highlight = .high }
            }
            edges.append(TierGraph.Edge(from: from, to: to, label: label, viaLoadBalancer: viaOnly, highlight: highlight))
        }
        let internetId = nodes.first { $0.kind == .internet }?.id
        for bucket in inventory.buckets {
            let id = "n\(nodes.count)"
            let worst = severities[bucket.id]
            nodes.append(TierGraph.Node(id: id, name: bucket.id, detail: "S3 bucket", kind: .bucket, placement: .storage,
                                        worstSeverity: worst, members: [bucket.id]))
            if let internetId, isPublic(bucket) {
                let highlight: Severity? = worst.map { $0 >= .high ? ($0 == .critical ? .critical : .high) : nil } ?? nil
                edges.append(TierGraph.Edge(from: internetId, to: id, label: "public read", viaLoadBalancer: false, highlight: highlight))
            }
        }
        resourceAccess(internetId: internetId, severities: severities, nodes: &nodes, edges: &edges)
        let usedVPCs = unique(nodes.compactMap { node -> String? in
            switch node.placement {
            case .subnet(let vpc, _), .vpc(let vpc): vpc
            case .top, .storage, .shared: nil
            }
        })
        let vpcs = usedVPCs.map { id in
            let name = inventory.vpcs.first { $0.id == id }?.tags.name
            return TierGraph.VPCInfo(id: id, label: name.map { "\($0) (\(id))" } ?? id)
        }
        return TierGraph(nodes: nodes, edges: edges, vpcs: vpcs)
    }

    /// `22,5000`, `8000-8100`, `all` for every port.
    public static func portText(_ ports: [[Int]]) -> String {
        if ports.count == 1, ports[0].first == 0, ports[0].last == 65535 { return "all" }
        return ports.map { r in
            guard let lo = r.first, let hi = r.last else { return "" }
            return lo == hi ? "\(lo)" : "\(lo)-\(hi)"
        }.joined(separator: ",")
    }

    private func exposesSensitivePort(_ ports: [[Int]]) -> Bool {
        ports.contains { r in
            guard let lo = r.first, let hi = r.last else { return false }
            // Red: remote administration, databases and Security Hub EC2.19's list (the policy engine's).
            return !PortCatalog.sensitive(in: PortSet(PortRange(lo, hi))).isEmpty
        }
    }

    /// A bucket is public when a finding of `s3-public-bucket` names it or S3's policy status says so.
    private func isPublic(_ bucket: Bucket) -> Bool {
        bucket.policyStatusIsPublic == true
            || findings.contains { $0.ruleId == "s3-public-bucket" && $0.resource.id == bucket.id }
    }

    private func worstSeverityByResource() -> [String: Severity] {
        var out: [String: Severity] = [:]
        // Each resource of a finding grouped by its cause counts, at its own severity.
        for m in findings.flatMap(\.members) {
            for key in [m.resource.id, m.resource.name].compactMap({ $0 }) {
                out[key] = max(out[key] ?? m.severity, m.severity)
            }
        }
        return out
    }

    private func kind(_ tier: Tier) -> TierGraph.NodeKind {
        if tier.isInternet { return .internet }
        let kinds = Set(tier.endpoints.map(\.kind))
        guard kinds.count == 1, let k = kinds.first else { return tier.endpoints.isEmpty ? .other : .instances }
        switch k {
        case .loadBalancer: return .loadBalancer
        case .database: return .database
        case .lambda: return .lambda
        case .onPremises: return .onPremises
        case .instance, .interface: return .instances
        default: return .other
        }
    }

    private func detail(_ tier: Tier, members: [String]) -> String {
        if tier.isInternet { return "0.0.0.0/0" }
        let n = members.count
        switch kind(tier) {
        case .loadBalancer: return n == 1 ? "load balancer" : "\(n) load balancers"
        case .database: return n == 1 ? "database" : "\(n) databases"
        case .lambda: return n == 1 ? "Lambda function" : "\(n) Lambda functions"
        case .onPremises: return "on-premises network"
        case .instances: return n == 1 ? "instance" : "\(n) instances"
        default:
            let kinds = Set(tier.endpoints.map(\.kind))
            if kinds.count == 1, let k = kinds.first, let service = GraphBuilder.serviceNames[k] { return n == 1 ? service.one : "\(n) \(service.many)" }
            return n == 1 ? "1 resource" : "\(n) resources"
        }
    }

    /// How managed service tiers are described (their members are the service's resources).
    static let serviceNames: [Endpoint.Kind: (one: String, many: String)] = [
        .cache: ("ElastiCache cluster", "ElastiCache clusters"), .search: ("OpenSearch domain", "OpenSearch domains"),
        .eksCluster: ("EKS cluster API", "EKS cluster APIs"), .ecsTask: ("ECS service", "ECS services"),
    ]

    /// The VPC and subnet class most of the tier's members are in.
    private func placement(_ tier: Tier, _ classifier: SubnetClassifier) -> TierGraph.Placement {
        if tier.isInternet { return .top }
        var counts: [TierGraph.Placement: Int] = [:]
        var order: [TierGraph.Placement] = []
        for e in tier.endpoints {
            guard let vpc = e.vpcId else { continue }
            let p: TierGraph.Placement = e.subnetId.map { .subnet(vpcId: vpc, subnetClass: classifier.classify($0)) } ?? .vpc(vpc)
            if counts[p] == nil { order.append(p) }
            counts[p, default: 0] += 1
        }
        let best = order.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        return best ?? .top
    }

    func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
