import NetModel

extension FlowAnalyzer {
    /// The load balancer an endpoint stands for (matched by name, and by VPC when both are known).
    func loadBalancer(of e: Endpoint) -> LoadBalancer? {
        guard e.kind == .loadBalancer else { return nil }
        return topology.inventory.loadBalancers.first { FlowAnalyzer.stands(e, for: $0) }
    }

    /// Whether a load balancer endpoint stands for `lb`: the same name, and the same VPC when both are known.
    static func stands(_ e: Endpoint, for lb: LoadBalancer) -> Bool {
        lb.name == e.resourceId && (lb.vpcId == nil || e.vpcId == nil || lb.vpcId == e.vpcId)
    }

    /// Whether the endpoint is a Network Load Balancer without security groups, which filters nothing.
    ///
    /// AWS "Security groups for your Network Load Balancer": without a security group, all client traffic
    /// reaches the listeners and all traffic can leave the load balancer. Application Load Balancers always
    /// have security groups, so a load balancer interface without any (its record missing) is taken as an NLB.
    func isUnfilteredLoadBalancer(_ e: Endpoint) -> Bool {
        e.kind == .loadBalancer && e.securityGroupIds.isEmpty && FlowAnalyzer.isUnfiltered(e, loadBalancer(of: e))
    }

    /// `isUnfilteredLoadBalancer` with the endpoint's load balancer (`loadBalancer(of:)`) already looked up.
    static func isUnfiltered(_ e: Endpoint, _ lb: LoadBalancer?) -> Bool {
        guard e.kind == .loadBalancer, e.securityGroupIds.isEmpty else { return false }
        guard let lb else { return true }
        return lb.type == "network" && lb.securityGroupIds.isEmpty
    }

    /// Replaces the security group checks of a Network Load Balancer without security groups by passes
    /// that say so: its egress when it is the source, its ingress when it is the destination.
    func exemptUnfilteredLoadBalancers(source: Endpoint, destination: Endpoint, _ flow: inout Flow) {
        let sourceOpen = isUnfilteredLoadBalancer(source), destinationOpen = isUnfilteredLoadBalancer(destination)
        guard sourceOpen || destinationOpen else { return }
        for i in flow.checks.indices {
            let kind = flow.checks[i].kind
            let lb: Endpoint
            if kind == "security-group-egress" && sourceOpen { lb = source }
            else if kind == "security-group-ingress" && destinationOpen { lb = destination }
            else { continue }
            let name = lb.resourceId
            let noun = kind == "security-group-egress" ? "outbound" : "inbound"
            flow.checks[i] = CheckResult(kind: kind, resource: name, region: .everything,
                                         explainAllowed: { _ in "\(name) is a Network Load Balancer without security groups: it does not filter \(noun) traffic (AWS \"Security groups for your Network Load Balancer\")" },
                                         explainBlocked: { _ in ("", "") })
        }
    }

    /// Whether a listener protocol carries traffic of `proto`: TCP for TCP, TLS, HTTP and HTTPS; UDP for UDP;
    /// both for TCP_UDP. Protocols the model doesn't know (GENEVE) carry neither.
    static func listener(_ protocolName: String, carries proto: IPProtocol) -> Bool {
        switch protocolName.uppercased() {
        case "TCP", "TLS", "HTTP", "HTTPS": return proto == .tcp
        case "UDP": return proto == .udp
        case "TCP_UDP": return proto == .tcp || proto == .udp
        default: return false
        }
    }
}
