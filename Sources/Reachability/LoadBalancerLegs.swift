import NetModel

extension FlowAnalyzer {
    /// The load balancer → target leg from one load balancer node, on the target port.
    ///
    /// The node's own side (its security groups, or none for an NLB without them; its subnet's NACL; the routes)
    /// is the private path from the node. The target's security group and NACL see the source that
    /// `preservation` says (AWS "Client IP preservation"): the original client (`client`, for the internet
    /// the client addresses) when preserved, else the node's private address. Clients of the other address
    /// family than the target's registration (IPv6 clients of an IPv4 target) are seen as the load balancer's
    /// address even when preserved. A rule referencing the load balancer's security group matches either way
    /// (AWS "Security groups for your Network Load Balancer").
    /// - Parameters:
    ///   - registeredV4: whether the target is registered by an IPv4 address (instance targets are).
    ///   - nodeAddresses: every private address of the load balancer, to name in fixes.
    func targetLeg(from node: Endpoint, to target: Endpoint, client: Endpoint, preservation: ClientIPPreservation, registeredV4: Bool = true,
                   nodeAddresses: [IPAddress], proto: IPProtocol, port: Int, explain: Bool) -> FlowResult {
        var flow = Flow(proto: proto, wanted: PortSet(port),
                        returnPorts: proto.hasPorts ? PortSet(options.ephemeralPorts) : .all)
        privatePath(from: node, to: target, &flow)
        exemptUnfilteredLoadBalancers(source: node, destination: target, &flow)
        guard flow.unknowns.isEmpty, let nodeAddress = node.primaryAddress, let targetSubnet = target.subnetId,
              let nodeSubnet = node.subnetId, let targetAddress = target.primaryAddress else {
            return flow.result(source: node, destination: target, explain: explain)
        }
        let lbName = node.resourceId
        let lbGroups = node.securityGroupIds
        let topology = self.topology
        let groupsText = lbGroups.isEmpty ? "" : " or from \(lbName)'s security group \(lbGroups.map(topology.label).joined(separator: ", "))"
        // A placed endpoint (no interface in the snapshot, or planned) has no known address: name its subnet instead.
        let nodeText = node.placementEstimated ? "in \(nodeSubnet)" : "\(nodeAddress)"
        let lbSide = SeenSource(addresses: AddressSet(nodeAddress), label: "\(lbName)'s private address \(nodeText)",
                                suggestion: "\(lbName)'s private addresses \(nodeAddresses.map { "\($0)/32" }.joined(separator: ", "))", pointwise: true)
        var seen = lbSide
        var otherFamily = AddressSet()
        if preservation.preserved {
            if client.isInternet {
                let all = client.internetAddresses ?? .internet
                let family = registeredV4 ? AddressSet(v4: all.v4) : AddressSet(v6: all.v6)
                otherFamily = all.subtracting(family)
                seen = SeenSource(addresses: family, label: client.name == "internet" ? "the internet clients" : "the clients \(client.name)",
                                  suggestion: "the clients' address range", pointwise: false)
                flow.peers = all
            } else if let address = client.primaryAddress {
                if address.isV4 == registeredV4 {
                    seen = SeenSource(addresses: AddressSet(address), label: "\(client.label) [\(address)]", suggestion: "\(address)/32", pointwise: true)
                }
            } else {
                flow.unknowns.append("\(client.label) has no private address in the snapshot")
                return flow.result(source: node, destination: target, explain: explain)
            }
        }
        let why = preservation.reason
        let otherLabel = otherFamily.v6.isEmpty ? "IPv4 clients" : "IPv6 clients"
        // The target side, as the target sees it; the private path's own checks see the load balancer's address.
        let original = Dictionary(flow.checks.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        var targetChecks: [CheckResult] = []
        if preservation.preserved && nodeSubnet != targetSubnet, seen.addresses != lbSide.addresses {
            let ingress = acls.check(subnet: targetSubnet, egress: false, proto: proto, peer: seen.addresses,
                                     peerLabel: "\(seen.label) (\(why))", kind: "nacl-ingress")
            let back = acls.check(subnet: targetSubnet, egress: true, proto: proto, peer: seen.addresses, peerLabel: seen.label,
                                  kind: "nacl-return-egress", portsMeaning: " (return traffic to ephemeral ports)").existential(over: flow.returnPorts)
            targetChecks.append(original["nacl-ingress"].map { FlowAnalyzer.byFamily(ingress, $0, other: otherFamily, otherLabel) } ?? ingress)
            targetChecks.append(original["nacl-return-egress"].map { FlowAnalyzer.byFamily(back, $0, other: otherFamily, otherLabel) } ?? back)
        }
        func groupCheck(_ source: SeenSource) -> CheckResult {
            let peer = Peer(addresses: source.addresses, groups: Set(lbGroups), groupReferencesApply: node.vpcId == target.vpcId,
                            label: { "\(source.label) (\(why))" }, suggestion: { "\(source.suggestion)\(groupsText) (\(why))" })
            return groups.check(groups: target.securityGroupIds, egress: false, proto: proto, peer: peer, owner: target.label)
        }
        targetChecks.append(FlowAnalyzer.byFamily(groupCheck(seen), groupCheck(lbSide), other: otherFamily, otherLabel))
        let replaced: Set<String> = targetChecks.count > 1 ? ["security-group-ingress", "nacl-ingress", "nacl-return-egress"] : ["security-group-ingress"]
        flow.checks.removeAll { replaced.contains($0.kind) }
        if !seen.pointwise {
            // The private path's checks are between the node and the target: explain them for those two, not the clients.
            flow.checks = flow.checks.map { check in
                var c = check
                c.explainAllowed = { check.explainAllowed($0.portsOnly) }
                c.explainBlocked = { check.explainBlocked($0.portsOnly) }
                return c
            }
        }
        for check in targetChecks {
            if seen.pointwise { flow.addPointwise(check) } else { flow.add(check) }
        }
        var detail = "\(why); \(target.label) [\(target.placementEstimated ? "in \(targetSubnet)" : "\(targetAddress)")] sees \(seen.label)"
        if !otherFamily.isEmpty { detail += "; \(otherLabel) are seen as \(lbSide.label) (AWS \"Client IP preservation\")" }
        flow.gate("load-balancer-client-ip", lbName, passes: true, allowed: detail, blocked: "", fix: "")
        if explain { flow.checks = Flow.packetOrder(flow.checks) }
        return flow.result(source: node, destination: target, explain: explain)
    }

    /// One check from two: `clients` for the clients of the target's address family, `lbSide` (evaluated for the
    /// load balancer's address) standing for the clients of the other family, `other`.
    static func byFamily(_ clients: CheckResult, _ lbSide: CheckResult, other: AddressSet, _ otherLabel: String) -> CheckResult {
        guard !other.isEmpty else { return clients }
        let same = AddressSet.all.subtracting(other)
        var c = clients
        c.region = clients.region.restricted(to: same).union(Region(ports: lbSide.region.ports, addresses: other))
        c.explainAllowed = { allowed in
            var parts: [String] = []
            let mine = allowed.restricted(to: same)
            if !mine.isEmpty { parts.append(clients.explainAllowed(mine)) }
            if !allowed.restricted(to: other).isEmpty { parts.append("\(otherLabel), seen as the load balancer: " + lbSide.explainAllowed(lbSide.region)) }
            return parts.filter { !$0.isEmpty }.joined(separator: "; ")
        }
        c.explainBlocked = { missing in
            var details: [String] = [], fixes: [String] = []
            let mine = missing.restricted(to: same)
            if !mine.isEmpty { let (d, f) = clients.explainBlocked(mine); details.append(d); fixes.append(f) }
            let theirs = missing.restricted(to: other)
            if !theirs.isEmpty {
                let (d, f) = lbSide.explainBlocked(Region(ports: theirs.ports))
                details.append("\(otherLabel), seen as the load balancer: \(d)")
                fixes.append(f)
            }
            return (details.joined(separator: "; "), fixes.joined(separator: "; "))
        }
        return c
    }
}

/// The source a target's rules are evaluated for on the load balancer → target leg.
struct SeenSource {
    var addresses: AddressSet
    var label: String
    var suggestion: String
    /// True for one address (rules judged as between two interfaces), false for a set of internet clients.
    var pointwise: Bool
}
