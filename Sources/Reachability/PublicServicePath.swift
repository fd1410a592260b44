import NetModel

extension FlowAnalyzer {
    /// Traffic to or from a service endpoint outside every VPC (`Endpoint.publicService`).
    ///
    /// From the internet: the service's own access setting decides. From inside a VPC: the client leaves for the
    /// internet as to any public address (its security group, network ACLs and route), and arrives from its public
    /// address — its own, or its NAT gateway's — which the service's setting must admit. A service endpoint
    /// starts no connections of its own.
    func publicServicePath(from source: Endpoint, to destination: Endpoint, _ flow: inout Flow) {
        guard source.publicService == nil, let service = destination.publicService else {
            flow.gate("public-service", source.resourceId, passes: false, allowed: "",
                      blocked: "\(source.label)'s endpoint outside the VPC accepts connections, it starts none",
                      fix: "ask about traffic towards \(source.label), not from it")
            return
        }
        if let note = service.guardNote { flow.notes.append(note) }
        let describePorts = service.ports.ranges.map { $0.lower == $0.upper ? "\($0.lower)" : "\($0.lower)-\($0.upper)" }.joined(separator: ", ")
        let portCheck = CheckResult(kind: "service-listener", resource: destination.resourceId,
                                    region: Region(ports: flow.proto == .tcp ? service.ports : .none),
                                    explainAllowed: { _ in "\(destination.label) answers on tcp/\(describePorts)" },
                                    explainBlocked: { _ in ("\(destination.label) answers only on tcp/\(describePorts)", "use tcp/\(describePorts)") })
        if source.isInternet {
            flow.peers = internetPeers(source, local: destination)
            flow.add(portCheck)
            flow.add(CheckResult(kind: "service-access", resource: destination.resourceId, region: Region(ports: .all, addresses: service.allowed),
                                 explainAllowed: { r in "\(service.control) admits \(QueryAnswer.sources(r.addresses).prefix(4).joined(separator: ", "))" },
                                 explainBlocked: { r in ("\(service.control) does not admit \(QueryAnswer.sources(r.addresses).prefix(4).joined(separator: ", "))", service.fix) }))
            return
        }
        guard !source.isOutside, source.subnetId != nil else {
            flow.unknowns.append("\(source.label) → \(destination.label): netaudit judges clients on the internet or in a VPC")
            return
        }
        // Leaving the VPC for the service's public address, which the snapshot does not know: the ports that some
        // public address gets out on stand for it.
        flow.peers = .internet
        outbound(from: source, to: .internet(), &flow)
        flow.peers = .all
        flow.checks = flow.checks.map { c in var c = c; c.region = c.region.portsOnly; return c }
        flow.add(portCheck)
        let egress = egressAddresses(source)
        let admitted = egress.filter { service.allowed.contains($0) }
        let shown = egress.map(\.description).joined(separator: ", ")
        flow.gate("service-access", destination.resourceId, passes: !admitted.isEmpty,
                  allowed: "\(source.label) arrives from \(admitted.map(\.description).joined(separator: ", ")), which \(service.control) admits",
                  blocked: egress.isEmpty ? "\(source.label) has no public address to arrive from (none of its own, no NAT gateway on its route)"
                                          : "\(source.label) arrives from \(shown), which \(service.control) does not admit",
                  fix: service.fix)
    }

    /// The public addresses an endpoint's internet traffic leaves from: its NAT gateway's when its route goes
    /// through one, else its own.
    func egressAddresses(_ e: Endpoint) -> [IPAddress] {
        guard let subnet = e.subnetId, let probe = IPAddress("52.94.0.1"),
              let (_, route) = routes.lookup(subnet: subnet, address: probe) else { return [] }
        switch route.target {
        case .natGateway(let id):
            return topology.natGateways[id]?.addresses.compactMap { $0.publicIp.flatMap(IPAddress.init) } ?? []
        case .internetGateway:
            return e.publicAddresses
        default:
            return []
        }
    }
}
