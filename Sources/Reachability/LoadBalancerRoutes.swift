import NetModel

extension Solver {
    /// The load balancers forwarding to the destination, each tried leg by leg: the source reaches a node on a
    /// listener, the node may send to the target's Availability Zone (cross-zone load balancing), and the node
    /// reaches the target on the target port with the target seeing the source client IP preservation says.
    /// Target groups the destination is not registered in (or whose targets are unknown) give notes, not routes.
    func loadBalancerAnalysis(_ sources: [Endpoint], _ destinations: [Endpoint], proto: IPProtocol, ports: PortSet?,
                              explain: Bool = true) -> LoadBalancerAnalysis {
        var out = LoadBalancerAnalysis()
        guard proto == .tcp || proto == .udp, !sources.isEmpty, !destinations.isEmpty else { return out }
        let inv = topology.inventory
        for tg in inv.targetGroups {
            let balancers = (topology.loadBalancersByTargetGroup[tg.id] ?? []).filter { $0.type != "gateway" }
            guard !balancers.isEmpty else { continue }
            var seenPorts = Set<Int>()
            var registered = false
            for target in topology.targets(of: tg) {
                let address = IPAddress(target.id)
                let hits = destinations.filter { d in d.resourceId == target.id || address.map(d.owns) == true }
                guard !hits.isEmpty else { continue }
                registered = true
                guard let port = target.port ?? tg.port, port > 0, seenPorts.insert(port).inserted else { continue }
                if let ports, !ports.contains(port) { continue }
                for lb in balancers {
                    let routing = ListenerForwarding(lb, to: tg, proto: proto)
                    if routing.ways.isEmpty {
                        if explain, let note = routing.noWayNote(lb), !out.notes.contains(note) { out.notes.append(note) }
                        continue
                    }
                    guard let leg = leg(lb, tg, target, port: port, sources, hits, routing, proto: proto, explain: explain) else { continue }
                    out.legs.append(leg)
                    if leg.reachable {
                        out.routes.append(LoadBalancerRoute(loadBalancer: lb.name, listenerPorts: leg.listenerPorts, targetPort: port,
                                                            notes: leg.notes, rules: leg.rules))
                    } else if explain, leg.verdict == .unknown, let first = leg.unknowns.first {
                        out.notes.append("through \(lb.name) (target group \(tg.name), port \(port)) unknown: \(first)")
                    } else if explain, let first = leg.blockers.first {
                        out.notes.append("not through \(lb.name) (target group \(tg.name), port \(port)): \(first.detail); fix: \(first.fix)")
                    }
                }
            }
            if !registered, let note = unregisteredNote(tg, balancers, destinations, ports: ports) { out.notes.append(note) }
        }
        return out
    }

    /// One load balancer forwarding to one registered target: the best (source, node, interface) combination.
    private func leg(_ lb: LoadBalancer, _ tg: TargetGroup, _ target: Target, port: Int, _ sources: [Endpoint], _ targets: [Endpoint],
                     _ routing: ListenerForwarding, proto: IPProtocol, explain: Bool) -> LoadBalancerLeg? {
        let listeners = routing.ways.map(\.listener)
        guard !listeners.isEmpty else { return nil }
        let nodes = (catalog.loadBalancerNodes[lb.name] ?? []).filter { lb.vpcId == nil || $0.vpcId == lb.vpcId }
        guard !nodes.isEmpty else { return nil }
        let listenerPorts = PortSet(listeners.map { PortRange($0.port, $0.port) })
        let preservation = ClientIPPreservation(loadBalancer: lb, targetGroup: tg)
        let crossZone = tg.crossZoneOverride ?? lb.crossZoneEnabled
        let nodeAddresses = nodes.compactMap(\.primaryAddress)
        let registeredV4 = IPAddress(target.id).map(\.isV4) ?? true
        var best: (score: Int, s: Endpoint, n: Endpoint, d: Endpoint, zoneOK: Bool, ways: [ListenerForwarding.Way])?
        var passing = PortSet()
        // The target leg depends on the client only when the client IP is preserved: share it between alike clients.
        var backs: [String: Verdict] = [:]
        var undecided = false
        var excluded: [Endpoint] = []
        search: for original in sources {
            // A rule's source-ip condition decides which clients may take it (AWS "Listener rules for your Application Load Balancer").
            let ways = routing.ways(for: original)
            guard !ways.isEmpty else { excluded.append(original); continue }
            let s = ListenerForwarding.restricted(original, to: ways)
            let ports = PortSet(ways.map { PortRange($0.listener.port, $0.listener.port) })
            for n in nodes where n.id != s.id {
                let front = flow(s, n, proto: proto, ports: ports)
                for d in targets where d.id != n.id {
                    let zoneOK = crossZone || sameZone(n, target, d) != false
                    var ok = false
                    var unknown = zoneOK && front.verdict == .unknown
                    if zoneOK && front.reachable {
                        let key = "\(n.id)|\(d.id)|" + (preservation.preserved ? (s.isInternet ? s.id : "\(classId(s))") : "")
                        let back = backs[key] ?? analyzer.targetLeg(from: n, to: d, client: client(s, front, preservation), preservation: preservation,
                                                                    registeredV4: registeredV4, nodeAddresses: nodeAddresses, proto: proto, port: port, explain: false).verdict
                        backs[key] = back
                        ok = back == .reachable
                        unknown = back == .unknown
                    }
                    if ok { passing = passing.union(front.allowed.ports) }
                    undecided = undecided || unknown
                    // Scores: reachable, then zone allowed, then the client leg, then undecided over blocked.
                    let score = (ok ? 16 : 0) + (zoneOK ? 8 : 0) + (front.reachable ? 4 : 0) + (unknown ? 2 : 0)
                    if score > (best?.score ?? -1) { best = (score, s, n, d, zoneOK, ways) }
                    if passing == listenerPorts { break search }
                }
            }
        }
        guard let chosen = best else {
            return excluded.isEmpty ? nil : sourceIpLeg(lb, tg, target, port: port, routing, excluded[0], explain: explain)
        }
        let reachable = !passing.isEmpty
        var leg = LoadBalancerLeg(loadBalancer: lb.name, targetGroup: tg.name,
                                  listenerPorts: (reachable ? passing : listenerPorts).ranges.flatMap { Array($0.lower...min($0.upper, $0.lower + 15)) }.prefix(16).map { $0 },
                                  targetPort: port, reachable: reachable, clientIp: preservation, crossZone: crossZone, targetHealth: target.health,
                                  verdict: reachable ? .reachable : undecided ? .unknown : .blocked)
        let taken = chosen.ways.filter { way in reachable ? passing.contains(way.listener.port) : true }
        leg.rules = ListenerForwarding.ruleNames(taken)
        if let note = TargetHealthNote.note(target, in: tg, loadBalancer: lb.name) { leg.notes.append(note) }
        leg.notes += routing.otherListenerNotes()
        for d in topology.dynamicHostPorts[tg.id] ?? [] where tg.targetType == "instance" {
            let range = ECSServiceTargets.ephemeralHostPorts
            leg.notes.append("\(target.id):\(port) serves ECS service \(d.service)'s container port \(d.containerPort) on a dynamic host port (bridge mode, hostPort 0: AWS \"PortMapping\"); ECS may pick any port of \(range.lower)-\(range.upper), which the instance's security group must admit from \(lb.name)")
        }
        if !crossZone, target.availabilityZone != "all", sameZone(chosen.n, target, chosen.d) == nil {
            leg.notes.append("cross-zone load balancing is off for \(lb.name), but the Availability Zone of \(zone(of: chosen.n) == nil ? "its node in \(chosen.n.subnetId ?? "?")" : target.id) is not in the snapshot: the zone was not checked")
        }
        guard explain else { return leg }
        let chosenPorts = PortSet(chosen.ways.map { PortRange($0.listener.port, $0.listener.port) })
        let front = analyzer.analyze(from: chosen.s, to: chosen.n, proto: proto, ports: chosenPorts)
        let back = analyzer.targetLeg(from: chosen.n, to: chosen.d, client: client(chosen.s, front, preservation), preservation: preservation,
                                      registeredV4: registeredV4, nodeAddresses: nodeAddresses, proto: proto, port: port, explain: true)
        let forwarding = Hop(kind: "load-balancer-target", resource: lb.name,
                             detail: "\(lb.name) forwards \(taken.map { "\($0.listener.protocolName):\($0.listener.port)" }.joined(separator: ", ")) to target group \(tg.name) → \(target.id):\(port); \(zoneText(lb, tg, crossZone, chosen.n, target, chosen.d))")
        let rule = Hop(kind: "load-balancer-rule", resource: lb.name, detail: "\(lb.name) \(routing.hopDetail(taken))")
        if reachable {
            leg.path = front.path + [rule, forwarding] + back.path
            if chosen.s.isInternet { leg.sources = QueryAnswer.sources(front.allowed.addresses.intersection(back.allowed.addresses)) }
        } else {
            if !front.reachable { leg.blockers += front.blockers }
            if !chosen.zoneOK { leg.blockers.append(crossZoneBlocker(lb, tg, nodes, target, chosen.d)) }
            else if front.reachable { leg.blockers += back.blockers }
        }
        leg.unknowns = front.unknowns + (front.reachable ? back.unknowns : [])
        return leg
    }

    /// No source may take a rule forwarding to the target group: every such rule's source-ip condition leaves it out.
    private func sourceIpLeg(_ lb: LoadBalancer, _ tg: TargetGroup, _ target: Target, port: Int, _ routing: ListenerForwarding,
                             _ source: Endpoint, explain: Bool) -> LoadBalancerLeg {
        var leg = LoadBalancerLeg(loadBalancer: lb.name, targetGroup: tg.name, listenerPorts: routing.ways.map(\.listener.port), targetPort: port,
                                  reachable: false, clientIp: ClientIPPreservation(loadBalancer: lb, targetGroup: tg),
                                  crossZone: tg.crossZoneOverride ?? lb.crossZoneEnabled, targetHealth: target.health, verdict: .blocked)
        leg.rules = ListenerForwarding.ruleNames(routing.ways)
        guard explain else { return leg }
        let admitted = routing.ways.compactMap(\.clients).reduce(AddressSet()) { $0.union($1) }
        let shown = admitted.prefixes.prefix(6).map(\.description).joined(separator: ", ")
        let who = source.isOutside ? source.label : "\(source.label) [\(source.primaryAddress.map { "\($0)" } ?? "?")]"
        leg.blockers = [Blocker(kind: "listener-rule-source-ip", resource: lb.name,
                                detail: "\(lb.name) forwards to \(tg.name) only by \(ListenerForwarding.ruleNames(routing.ways).joined(separator: "; ")), whose source-ip condition admits only \(shown.isEmpty ? "no address" : shown); \(who) is not among them (AWS \"Listener rules for your Application Load Balancer\")",
                                fix: "add the client's address range to the rule's source-ip condition (aws elbv2 modify-rule --conditions), if it should reach \(tg.name)")]
        leg.notes += routing.otherListenerNotes()
        return leg
    }

    /// The client as the target leg sees it: for the internet through a preserving NLB, the clients that got in.
    private func client(_ s: Endpoint, _ front: FlowResult, _ preservation: ClientIPPreservation) -> Endpoint {
        guard s.isInternet, preservation.preserved, front.reachable else { return s }
        return .internet(front.allowed.addresses, label: s.name)
    }

    /// An endpoint's Availability Zone: its subnet's.
    func zone(of e: Endpoint) -> String? { e.subnetId.flatMap { topology.subnets[$0]?.availabilityZone } }

    /// Whether a node and a target share a zone; nil when a zone is unknown or the target is in `all` zones.
    private func sameZone(_ node: Endpoint, _ target: Target, _ d: Endpoint) -> Bool? {
        guard let nodeZone = zone(of: node), let targetZone = target.availabilityZone ?? zone(of: d), targetZone != "all" else { return nil }
        return nodeZone == targetZone
    }

    /// The cross-zone setting in force and where it comes from.
    private func crossZoneSetting(_ lb: LoadBalancer, _ tg: TargetGroup, _ on: Bool) -> String {
        let state = "cross-zone load balancing \(on ? "on" : "off")"
        if let override = tg.crossZoneOverride { return "\(state): target group \(tg.name) sets load_balancing.cross_zone.enabled = \(override)" }
        if lb.type == "application" { return "\(state): always on for an Application Load Balancer" }
        if let value = lb.attributes?["load_balancing.cross_zone.enabled"] { return "\(state): \(lb.name) sets load_balancing.cross_zone.enabled = \(value)" }
        return "\(state): the default for a \(lb.type) load balancer"
    }

    private func zoneText(_ lb: LoadBalancer, _ tg: TargetGroup, _ on: Bool, _ node: Endpoint, _ target: Target, _ d: Endpoint) -> String {
        let setting = crossZoneSetting(lb, tg, on)
        guard !on, let z = zone(of: node) else { return setting }
        return "\(setting); its node in \(z) sends to targets in \(z) (\(target.id) is in \(target.availabilityZone ?? zone(of: d) ?? "?"))"
    }

    /// Cross-zone load balancing is off and no node that the client reaches is in the target's zone.
    private func crossZoneBlocker(_ lb: LoadBalancer, _ tg: TargetGroup, _ nodes: [Endpoint], _ target: Target, _ d: Endpoint) -> Blocker {
        let targetZone = target.availabilityZone ?? zone(of: d) ?? "?"
        let nodeZones = Set(nodes.compactMap { zone(of: $0) }).sorted()
        let hasNode = nodeZones.contains(targetZone)
        let setting = crossZoneSetting(lb, tg, false)
        let whereNodes = nodeZones.isEmpty ? "" : " (its nodes: \(nodeZones.joined(separator: ", ")))"
        let detail = hasNode
            ? "\(setting) (AWS \"Cross-zone load balancing\"): a client entering through a node in one zone reaches only targets in that zone, and \(lb.name)'s node in \(targetZone) is not reachable"
            : "\(setting) (AWS \"Cross-zone load balancing\"): a client entering through a node in one zone reaches only targets in that zone; \(target.id) is in \(targetZone), where \(lb.name) has no subnet\(whereNodes)"
        let place = tg.crossZoneOverride == false ? "target group \(tg.name)" : "\(lb.name) (or its target group \(tg.name))"
        let fix = "set load_balancing.cross_zone.enabled = true on \(place)" + (hasNode ? "" : ", or add a subnet in \(targetZone) to \(lb.name)")
        return Blocker(kind: "load-balancer-cross-zone", resource: lb.name, detail: detail, fix: fix)
    }

    /// A note for a target group the load balancers forward to that could hold the destination but doesn't
    /// (or whose targets were not captured: unknown, not absent).
    private func unregisteredNote(_ tg: TargetGroup, _ balancers: [LoadBalancer], _ destinations: [Endpoint], ports: PortSet?) -> String? {
        let d = destinations[0]
        guard tg.vpcId == nil || destinations.contains(where: { $0.vpcId == tg.vpcId }) else { return nil }
        guard (tg.targetType == "instance" && d.kind == .instance) || tg.targetType == "ip" else { return nil }
        if let ports, let port = tg.port, !ports.contains(port) { return nil }
        let forwarding = balancers.filter { lb in lb.listeners.contains { $0.forwardedTargetGroupArns.contains(tg.id) } }
        guard !forwarding.isEmpty else { return nil }
        let names = forwarding.map(\.name).joined(separator: ", ")
        if !tg.targetsKnown {
            return "\(names) forwards to target group \(tg.name), whose targets were not captured (elbv2 describe-target-health): whether \(d.label) is behind it is unknown"
        }
        return "\(names) forwards to target group \(tg.name), which \(d.label) is not registered in: no route through \(names)"
    }
}
