import NetModel

/// The endpoints of managed services: Lambda functions, ElastiCache nodes, OpenSearch domains and EKS clusters,
/// from their interfaces when the snapshot has them, else placed by their subnets; and the endpoints these
/// services run outside every VPC (EKS public API endpoints, public OpenSearch domains, function URLs).
/// Indexes are built once per catalog.
struct ServiceEndpoints {
    /// Who an interface serves: one owner, or several (a Lambda interface shared by functions).
    struct Owner {
        var kind: Endpoint.Kind
        var resource: String
        var name: String
        var tags: Tags
    }

    let inventory: Inventory
    /// Functions by (subnet, security group set): AWS "Giving Lambda functions access to resources in an Amazon VPC" —
    /// functions with the same subnet and security group combination share one Hyperplane interface.
    private let functionsByPlacement: [String: [LambdaFunction]]
    private let cacheClusters: [String: CacheCluster]
    private let cacheSubnetGroups: [String: CacheSubnetGroup]
    /// ECS tasks and services.
    let ecs: ECSEndpoints

    init(_ inventory: Inventory) {
        self.inventory = inventory
        ecs = ECSEndpoints(inventory)
        var byPlacement: [String: [LambdaFunction]] = [:]
        for fn in inventory.lambdaFunctions {
            for subnet in Set(fn.subnetIds) { byPlacement[Self.placementKey(subnet, fn.securityGroupIds), default: []].append(fn) }
        }
        functionsByPlacement = byPlacement.mapValues { $0.sorted { $0.id < $1.id } }
        cacheClusters = Dictionary(inventory.cacheClusters.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        cacheSubnetGroups = Dictionary(inventory.cacheSubnetGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func placementKey(_ subnet: String, _ groups: [String]) -> String {
        subnet + "|" + Set(groups).sorted().joined(separator: ",")
    }

    /// The owners of a service interface; nil for interfaces of other kinds.
    func owners(of eni: NetworkInterface) -> [Owner]? {
        switch eni.owner {
        case .lambda(let named):
            let served = functionsByPlacement[Self.placementKey(eni.subnetId, eni.securityGroupIds)] ?? []
            guard !served.isEmpty else { return [Owner(kind: .lambda, resource: named, name: named, tags: [:])] }
            // The function the interface's description names comes first: it keeps the interface's own endpoint ID.
            let ordered = served.filter { $0.id == named } + served.filter { $0.id != named }
            return ordered.map { Owner(kind: .lambda, resource: $0.id, name: $0.id, tags: [:]) }
        case .elastiCache(let id):
            guard let cluster = id.flatMap({ cacheClusters[$0] }) ?? matchingCache(eni) else {
                return [Owner(kind: .cache, resource: id ?? eni.id, name: id ?? "ElastiCache interface \(eni.id)", tags: eni.tags)]
            }
            return [Owner(kind: .cache, resource: cluster.replicationGroupId ?? cluster.id, name: cluster.id, tags: cluster.tags)]
        case .openSearch(let name):
            let domain = name ?? inventory.openSearchDomains.first {
                $0.subnetIds.contains(eni.subnetId) && Set($0.securityGroupIds) == Set(eni.securityGroupIds)
            }?.id
            return [Owner(kind: .search, resource: domain ?? eni.id, name: domain ?? "OpenSearch interface \(eni.id)", tags: eni.tags)]
        case .ecsTask(let arn):
            return [ecs.owner(ofTask: arn)]
        case .eksCluster(let name):
            let tags = inventory.eksClusters.first { $0.id == name }?.tags ?? eni.tags
            return [Owner(kind: .eksCluster, resource: name, name: name, tags: tags)]
        default:
            return nil
        }
    }

    /// The one cache cluster an interface without a cluster ID can belong to: same security groups, subnet in its group.
    private func matchingCache(_ eni: NetworkInterface) -> CacheCluster? {
        let groups = Set(eni.securityGroupIds)
        let candidates = inventory.cacheClusters.filter { c in
            Set(c.securityGroupIds) == groups && (c.subnetGroupName.flatMap { cacheSubnetGroups[$0] }?.subnetIds.contains(eni.subnetId) ?? false)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Caches, search domains and EKS clusters the snapshot has no interface for, placed in their subnets with their
    /// security groups (moto gives ElastiCache no interfaces at all).
    func placed(seen: Set<String>, topology: Topology) -> (endpoints: [Endpoint], notes: [String]) {
        var out: [Endpoint] = []
        var notes: [String] = []
        func place(_ kind: Endpoint.Kind, _ resource: String, _ name: String, _ subnets: [String], _ groups: [String], _ tags: Tags) {
            for subnet in subnets {
                var e = EndpointCatalog.placed(id: "\(name)@\(subnet)", kind: kind, resource: resource, subnetId: subnet,
                                               groups: groups, isPublic: false, tags: tags, topology: topology)
                e.name = name
                out.append(e)
            }
        }
        for cluster in inventory.cacheClusters where !seen.contains("cache|\(cluster.id)") {
            guard let group = cluster.subnetGroupName.flatMap({ cacheSubnetGroups[$0] }), !group.subnetIds.isEmpty else {
                notes.append("cache cluster \(cluster.id): neither its interfaces nor its cache subnet group are in the snapshot; not placed")
                continue
            }
            // Each node sits in the group's subnet of its availability zone, when the snapshot tells.
            let zones = Set(cluster.nodes.compactMap(\.availabilityZone))
            let inZones = group.subnetIds.filter { topology.subnets[$0]?.availabilityZone.map(zones.contains) ?? false }
            let subnets = inZones.isEmpty ? group.subnetIds : inZones
            notes.append("cache cluster \(cluster.id): the snapshot has no network interfaces for it; placed in its cache subnet group \(group.id)'s subnets \(subnets.joined(separator: ", ")) with its security groups")
            place(.cache, cluster.replicationGroupId ?? cluster.id, cluster.id, subnets, cluster.securityGroupIds, cluster.tags)
        }
        let known = Set(inventory.cacheClusters.map(\.id))
        for group in inventory.cacheReplicationGroups where !seen.contains("cache|\(group.id)") && group.memberClusterIds.allSatisfy({ !known.contains($0) }) {
            notes.append("replication group \(group.id): none of its member clusters is in describe-cache-clusters output, so its subnets and security groups are unknown; not placed")
        }
        for domain in inventory.openSearchDomains where !domain.isPublic && !seen.contains("search|\(domain.id)") {
            notes.append("OpenSearch domain \(domain.id): the snapshot has no network interfaces for it; placed in its VPC subnets \(domain.subnetIds.joined(separator: ", ")) with its security groups")
            place(.search, domain.id, domain.id, domain.subnetIds, domain.securityGroupIds, [:])
        }
        for cluster in inventory.eksClusters where !seen.contains("eksCluster|\(cluster.id)") && !cluster.subnetIds.isEmpty {
            notes.append("EKS cluster \(cluster.id): the snapshot has no control-plane interfaces for it; placed in its subnets \(cluster.subnetIds.joined(separator: ", ")) with its cluster security group")
            place(.eksCluster, cluster.id, cluster.id, cluster.subnetIds, cluster.allSecurityGroupIds, cluster.tags)
        }
        return (out, notes)
    }

    /// The endpoints AWS runs outside every VPC.
    func publicEndpoints() -> [Endpoint] {
        var out: [Endpoint] = []
        // AWS "Cluster API server endpoint": the public endpoint admits only publicAccessCidrs (default 0.0.0.0/0).
        for cluster in inventory.eksClusters where cluster.endpointPublicAccess {
            let cidrs = cluster.publicAccessCidrs.isEmpty ? ["0.0.0.0/0"] : cluster.publicAccessCidrs
            let allowed = AddressSet(cidrs.compactMap { IPPrefix($0) }).intersection(.internet)
            var e = Endpoint(id: "\(cluster.id)#public-endpoint", kind: .eksCluster, resourceId: cluster.id, name: cluster.id, tags: cluster.tags)
            e.publicService = PublicServiceAccess(
                allowed: allowed, ports: PortSet(443), control: "the public API endpoint's publicAccessCidrs (\(cidrs.joined(separator: ", ")))",
                guardNote: "\(cluster.id)'s public API endpoint: Kubernetes still authenticates each request (IAM, RBAC)",
                fix: "aws eks update-cluster-config --name \(cluster.id) --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=<your CIDRs> (or endpointPublicAccess=false,endpointPrivateAccess=true)")
            out.append(e)
        }
        // AWS "Launching your Amazon OpenSearch Service domains within a VPC": a public domain has no security group;
        // its access policy alone decides.
        for domain in inventory.openSearchDomains where domain.isPublic {
            var e = Endpoint(id: "\(domain.id)#public-endpoint", kind: .search, resourceId: domain.id, name: domain.id)
            e.publicService = PublicServiceAccess(
                allowed: .internet, ports: domain.enforceHTTPS ? PortSet(443) : PortSet([PortRange(80, 80), PortRange(443, 443)]),
                control: "the public endpoint of OpenSearch domain \(domain.id) (no network control)",
                guardNote: "\(domain.id) is a public OpenSearch domain: no security group applies, only its access policy decides who may use it",
                fix: "move \(domain.id) into a VPC, or restrict its access policy to fixed principals or source addresses")
            out.append(e)
        }
        // AWS "Control access to Lambda function URLs": with AuthType NONE Lambda performs no IAM authentication.
        for fn in inventory.lambdaFunctions {
            guard let url = fn.functionUrl, url.isUnauthenticated else { continue }
            var e = Endpoint(id: "\(fn.id)#function-url", kind: .lambda, resourceId: fn.id, name: fn.id)
            e.publicService = PublicServiceAccess(
                allowed: .internet, ports: PortSet(443), control: "function URL \(url.url) (AuthType NONE)",
                guardNote: "\(fn.id)'s function URL has AuthType NONE: Lambda authenticates nobody; only the function's resource policy decides who may invoke it",
                fix: "aws lambda update-function-url-config --function-name \(fn.id) --auth-type AWS_IAM")
            out.append(e)
        }
        return out
    }
}
