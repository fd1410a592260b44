import NetModel

/// Every endpoint of a snapshot: one per interface, plus load balancers, databases and managed services
/// placed by their subnets when the snapshot lacks their interfaces, and the service endpoints AWS runs
/// outside every VPC (`ServiceEndpoints`).
public struct EndpointCatalog: Sendable {
    public let endpoints: [Endpoint]
    /// Notes on what was estimated (placed endpoints).
    public let notes: [String]
    /// Each load balancer's endpoints (its nodes), by name.
    let loadBalancerNodes: [String: [Endpoint]]

    public init(_ topology: Topology) {
        let inv = topology.inventory
        var out: [Endpoint] = []
        var notes: [String] = []
        let instances = Dictionary(inv.instances.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let natByInterface = Dictionary(inv.natGateways.flatMap { nat in nat.addresses.compactMap { a in a.networkInterfaceId.map { ($0, nat) } } },
                                        uniquingKeysWith: { a, _ in a })
        var seenLoadBalancers = Set<String>()
        var seenDatabases = Set<String>()
        var seenFunctions = Set<String>()
        var natInterfaces = Set<String>()
        let services = ServiceEndpoints(inv)
        var seenServices = Set<String>()
        for eni in inv.networkInterfaces {
            var addresses: [IPAddress] = []
            var ipv6 = eni.ipv6Addresses.compactMap { IPAddress($0) }
            var publicByPrivate: [IPAddress: IPAddress] = [:]
            for a in eni.privateAddresses {
                guard let address = IPAddress(a.address) else { continue }
                // Some outputs list IPv6 addresses among the private ones; they are IPv6 addresses all the same.
                if address.isV4 { addresses.append(address) } else if !ipv6.contains(address) { ipv6.append(address) }
                if let p = a.publicIp.flatMap({ IPAddress($0) }) { publicByPrivate[address] = p }
            }
            let publics = eni.publicIps.compactMap { IPAddress($0) }
            if let owners = services.owners(of: eni) {
                // An interface serving several resources (a shared Lambda interface) is one endpoint per resource;
                // the first keeps the interface's ID.
                for (i, owner) in owners.enumerated() {
                    seenServices.insert("\(owner.kind.rawValue)|\(owner.name)")
                    seenServices.insert("\(owner.kind.rawValue)|\(owner.resource)")
                    if owner.kind == .lambda { seenFunctions.insert(owner.resource) }
                    out.append(Endpoint(id: i == 0 ? eni.id : "\(eni.id)#\(owner.resource)", kind: owner.kind, resourceId: owner.resource,
                                        name: owner.name, vpcId: eni.vpcId, subnetId: eni.subnetId, securityGroupIds: eni.securityGroupIds,
                                        privateAddresses: addresses, publicAddresses: publics, publicByPrivate: publicByPrivate,
                                        ipv6Addresses: ipv6, ipv6Prefixes: eni.ipv6Prefixes ?? [], interfaceId: eni.id,
                                        tags: owner.tags.isEmpty ? eni.tags : owner.tags))
                }
                if owners.count > 1 {
                    notes.append("\(eni.id) is shared by Lambda functions \(owners.map(\.resource).joined(separator: ", ")) (same subnet and security groups): one endpoint per function")
                }
                continue
            }
            var kind = Endpoint.Kind.interface
            var resource = eni.id
            var name = eni.tags.name ?? eni.description ?? eni.id
            var tags = eni.tags
            switch eni.owner {
            case .instance(let id):
                kind = .instance
                resource = id
                if let instance = instances[id] {
                    if instance.state == "terminated" { continue }
                    name = instance.tags.name ?? id
                    tags = instance.tags
                } else { name = id }
            case .loadBalancer(let lbName):
                kind = .loadBalancer
                resource = lbName
                name = lbName
                seenLoadBalancers.insert(lbName)
            case .rds:
                kind = .database
                if let db = EndpointCatalog.database(for: eni, in: inv) {
                    resource = db.id
                    name = db.id
                    tags = db.tags
                    seenDatabases.insert(db.id)
                } else { name = "RDS interface \(eni.id)" }
            case .natGateway(let id):
                kind = .natGateway
                resource = natByInterface[eni.id]?.id ?? id
                name = natByInterface[eni.id]?.tags.name ?? resource
            case .vpcEndpoint(let id):
                kind = .vpcEndpoint
                resource = id
                name = id
            case .some(let owner):
                // Any other known owner (EFS mount target, transit gateway attachment, ...) names the interface.
                if eni.tags.name == nil { name = owner.description }
            case .none:
                break
            }
            if kind == .natGateway { natInterfaces.insert(eni.id) }
            out.append(Endpoint(id: eni.id, kind: kind, resourceId: resource, name: name, vpcId: eni.vpcId, subnetId: eni.subnetId,
                                securityGroupIds: eni.securityGroupIds, privateAddresses: addresses, publicAddresses: publics,
                                publicByPrivate: publicByPrivate, ipv6Addresses: ipv6, ipv6Prefixes: eni.ipv6Prefixes ?? [],
                                interfaceId: eni.id, tags: tags))
        }
        // A NAT gateway whose interface is missing is still an endpoint: its own addresses say where it is.
        for nat in inv.natGateways where nat.state == "available" {
            for (i, a) in nat.addresses.enumerated() where !(a.networkInterfaceId.map(natInterfaces.contains) ?? false) {
                guard let ip = a.privateIp.flatMap({ IPAddress($0) }) else { continue }
                let publicIp = a.publicIp.flatMap { IPAddress($0) }
                out.append(Endpoint(id: a.networkInterfaceId ?? "\(nat.id)#\(i)", kind: .natGateway, resourceId: nat.id,
                                    name: nat.tags.name ?? nat.id, vpcId: nat.vpcId, subnetId: nat.subnetId, privateAddresses: [ip],
                                    publicAddresses: publicIp.map { [$0] } ?? [], publicByPrivate: publicIp.map { [ip: $0] } ?? [:],
                                    interfaceId: a.networkInterfaceId, tags: nat.tags))
            }
        }
        for lb in inv.loadBalancers where !seenLoadBalancers.contains(lb.name) && lb.type != "gateway" {
            notes.append("load balancer \(lb.name): the snapshot has no network interfaces for it; placed in its subnets \(lb.subnetIds.joined(separator: ", ")) with its security groups")
            for subnetId in lb.subnetIds {
                out.append(EndpointCatalog.placed(id: "\(lb.name)@\(subnetId)", kind: .loadBalancer, resource: lb.name, subnetId: subnetId,
                                                  groups: lb.securityGroupIds, isPublic: lb.isInternetFacing, tags: lb.tags, topology: topology))
            }
        }
        for db in inv.dbInstances where !seenDatabases.contains(db.id) {
            notes.append("database \(db.id): the snapshot has no network interface for it; placed in its DB subnet group's subnets \(db.subnetIds.joined(separator: ", ")) with its security groups")
            for subnetId in db.subnetIds {
                out.append(EndpointCatalog.placed(id: "\(db.id)@\(subnetId)", kind: .database, resource: db.id, subnetId: subnetId,
                                                  groups: db.securityGroupIds, isPublic: db.publiclyAccessible, tags: db.tags, topology: topology))
            }
        }
        for fn in inv.lambdaFunctions where !seenFunctions.contains(fn.id) && !fn.subnetIds.isEmpty {
            notes.append("Lambda function \(fn.id): the snapshot has no network interfaces for it; placed in its VPC subnets \(fn.subnetIds.joined(separator: ", ")) with its security groups")
            for subnetId in fn.subnetIds {
                out.append(EndpointCatalog.placed(id: "\(fn.id)@\(subnetId)", kind: .lambda, resource: fn.id, subnetId: subnetId,
                                                  groups: fn.securityGroupIds, isPublic: false, tags: [:], topology: topology))
            }
        }
        let placedServices = services.placed(seen: seenServices, topology: topology)
        out += placedServices.endpoints
        notes += placedServices.notes
        let interfaceIds = Set(inv.networkInterfaces.map(\.id))
        // An instance that names no interface (a planned one, or describe-instances output without them) is placed in
        // its subnet; one naming interfaces the inventory lacks is not (a partial load leaves those out on purpose).
        // One without even a private address is not launched yet: it gets a public address where its subnet maps
        // one at launch ("Amazon VPC User Guide: IP addressing, public IPv4 addresses").
        for instance in inv.instances where instance.state != "terminated" && instance.networkInterfaceIds.isEmpty {
            guard let subnetId = instance.subnetId else { continue }
            let isPublic = instance.publicIp != nil || (instance.privateIp == nil && topology.subnets[subnetId]?.mapPublicIpOnLaunch == true)
            notes.append("instance \(instance.id): the snapshot has no network interface for it; placed in its subnet \(subnetId) with its security groups")
            var e = EndpointCatalog.placed(id: "\(instance.id)@\(subnetId)", kind: .instance, resource: instance.id, subnetId: subnetId,
                                           groups: instance.securityGroupIds, isPublic: isPublic, tags: instance.tags, topology: topology)
            e.name = instance.tags.name ?? instance.id
            out.append(e)
        }
        let placedTasks = services.ecs.placed(interfaces: interfaceIds, topology: topology)
        out += placedTasks.endpoints
        notes += placedTasks.notes
        out += services.publicEndpoints()
        out += EndpointCatalog.onPremises(topology)
        endpoints = out
        loadBalancerNodes = Dictionary(grouping: out.filter { $0.kind == .loadBalancer }, by: \.resourceId)
        self.notes = notes
    }

    /// The DB instance an RDS interface belongs to: same security groups, subnet in its group.
    static func database(for eni: NetworkInterface, in inv: Inventory) -> DBInstance? {
        let groups = Set(eni.securityGroupIds)
        let candidates = inv.dbInstances.filter { $0.subnetIds.contains(eni.subnetId) && Set($0.securityGroupIds) == groups }
        return candidates.count == 1 ? candidates[0] : nil
    }

    static func placed(id: String, kind: Endpoint.Kind, resource: String, subnetId: String, groups: [String],
                               isPublic: Bool, tags: Tags, topology: Topology) -> Endpoint {
        let subnet = topology.subnets[subnetId]
        // An address inside the subnet stands for the unknown interface address.
        let address = subnet?.cidrBlocks.first { $0.isV4 }.flatMap { AddressSet($0).representative }.map { addr -> IPAddress in
            if case .v4(let v) = addr { return .v4(v + 4) }
            return addr
        }
        return Endpoint(id: id, kind: kind, resourceId: resource, name: resource, vpcId: subnet?.vpcId, subnetId: subnetId,
                        securityGroupIds: groups, privateAddresses: address.map { [$0] } ?? [], hasPublicAddress: isPublic,
                        placementEstimated: true, tags: tags)
    }
}
