import NetModel

extension FlowAnalyzer {
    /// The load balancer → target leg from one load balancer node, on the target port.
    ///
    /// The node's own side (its security groups, or none for an NLB without them; its subnet's NACL; the routes)
    /// is the private path from the node. The target's security group and NACL see the source that
    /// `preservation` says (AWS "Client IP preservation"): the original client (`client`, for the internet
    /// the client addresses) when preserved, else the node's private address. A rule referencing the load
    /// balancer's security group matches either way (AWS "Security groups for your Network Load Balancer").
    /// - Parameter nodeAddresses: every private address of the load balancer, to name in fixes.
    func targetLeg(from node: Endpoint, to target: Endpoint, client: Endpoint, preservation: ClientIPPreservation,
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
        let seen: AddressSet
        let seenLabel: String
        let suggestion: String
        let pointwise: Bool
        if preservation.preserved {
            if client.isInternet {
                seen = clientAddresses(client, local: target)
                seenLabel = client.name == "internet" ? "the internet clients" : "the clients \(client.name)"
                suggestion = "the clients' address range"
                pointwise = false
                flow.peers = seen
            } else if let address = client.primaryAddress {
                seen = AddressSet(address)
                seenLabel = "\(client.label) [\(address)]"
                suggestion = "\(address)/32"
                pointwise = true
            } else {
                flow.unknowns.append("\(client.label) has no private address in the snapshot")
                return flow.result(source: node, destination: target, explain: explain)
            }
        } else {
            seen = AddressSet(nodeAddress)
            seenLabel = "\(lbName)'s private address \(nodeAddress)"
            suggestion = "\(lbName)'s private addresses \(nodeAddresses.map { "\($0)/32" }.joined(separator: ", "))"
            pointwise = true
        }
        let why = preservation.reason
        // The target side, as the target sees it.
        var targetChecks: [CheckResult] = []
        if preservation.preserved && nodeSubnet != targetSubnet {
            targetChecks.append(acls.check(subnet: targetSubnet, egress: false, proto: proto, peer: seen,
                                           peerLabel: "\(seenLabel) (\(why))", kind: "nacl-ingress"))
            targetChecks.append(acls.check(subnet: targetSubnet, egress: true, proto: proto, peer: seen, peerLabel: seenLabel,
                                           kind: "nacl-return-egress", portsMeaning: " (return traffic to ephemeral ports)").existential(over: flow.returnPorts))
        }
        let peer = Peer(addresses: seen, groups: Set(lbGroups), groupReferencesApply: node.vpcId == target.vpcId,
                        label: { "\(seenLabel) (\(why))" }, suggestion: { "\(suggestion)\(groupsText) (\(why))" })
        targetChecks.append(groups.check(groups: target.securityGroupIds, egress: false, proto: proto, peer: peer, owner: target.label))
        let replaced: Set<String> = preservation.preserved && nodeSubnet != targetSubnet
            ? ["security-group-ingress", "nacl-ingress", "nacl-return-egress"] : ["security-group-ingress"]
        flow.checks.removeAll { replaced.contains($0.kind) }
        for check in targetChecks {
            if pointwise { flow.addPointwise(check) } else { flow.add(check) }
        }
        let detail = "\(why); \(target.label) [\(targetAddress)] sees \(seenLabel)"
        flow.gate("load-balancer-client-ip", lbName, passes: true, allowed: detail, blocked: "", fix: "")
        if explain { flow.checks = Flow.packetOrder(flow.checks) }
        return flow.result(source: node, destination: target, explain: explain)
    }

    /// The client addresses of an internet endpoint that matter for `local`: IPv6 only where its VPC has IPv6.
    func clientAddresses(_ internet: Endpoint, local: Endpoint) -> AddressSet {
        let addresses = internet.internetAddresses ?? .internet
        let hasV6 = local.vpcId.flatMap { topology.vpcs[$0] }?.cidrBlocks.contains { !$0.isV4 } ?? false
        return hasV6 ? addresses : AddressSet(v4: addresses.v4)
    }
}
