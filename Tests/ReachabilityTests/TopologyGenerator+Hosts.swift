import NetModel

extension TopologyGenerator {
    /// Instances (0-2 per subnet, some with a second interface in another subnet) and NLBs of VPC `i`.
    mutating func addInterfaces(_ i: Int) {
        let subnets = subnetsOf[i - 1]
        let groups = groupsOf[i - 1]
        for subnet in subnets {
            for k in 0..<rng.int(0...2) {
                let instance = "i-\(i)\(subnet.index)\(k)"
                var enis = [addInterface("eni-\(i)\(subnet.index)\(k)", vpc: i, subnet: subnet, host: 10 + k, owner: instance, groups: groups)]
                if features.multiENI && subnets.count > 1 && rng.chance(0.3),
                   let other = rng.pick(subnets.filter { $0.id != subnet.id }) {
                    enis.append(addInterface("eni-\(i)\(subnet.index)\(k)b", vpc: i, subnet: other, host: 100 + subnet.index * 10 + k,
                                             owner: instance, groups: groups))
                }
                inv.instances.append(Instance(id: instance, scope: scope, vpcId: vpcId(i), subnetId: subnet.id,
                                              privateIp: "10.\(i).\(subnet.index).\(10 + k)", securityGroupIds: [],
                                              networkInterfaceIds: enis, tags: ["Name": instance]))
            }
        }
        if features.nlb && rng.chance(0.35) { addNLB(i, subnets: subnets, groups: groups) }
    }

    private mutating func addInterface(_ id: String, vpc i: Int, subnet: (id: String, index: Int, v6: Bool), host: Int,
                                       owner: String, groups: [String]) -> String {
        let address = "10.\(i).\(subnet.index).\(host)"
        let publicIp = rng.chance(0.4) ? "54.\(i).\(subnet.index).\(host)" : nil
        let v6 = subnet.v6 && rng.chance(0.6) ? ["2600:1f18:\(i):\(subnet.index)::\(host)"] : []
        let groupCount = rng.int(1...2)
        let chosen = rng.sample(groups, groupCount)
        inv.networkInterfaces.append(NetworkInterface(id: id, scope: scope, vpcId: vpcId(i), subnetId: subnet.id, availabilityZone: "us-east-1a",
                                                      privateAddresses: [PrivateAddress(address: address, primary: true, publicIp: publicIp)],
                                                      ipv6Addresses: v6, securityGroupIds: chosen, owner: .instance(owner)))
        sources.append(id)
        destinations.append(id)
        instanceOf[id] = owner
        return id
    }

    /// A Network Load Balancer with one interface per subnet; without security groups when allowed.
    private mutating func addNLB(_ i: Int, subnets: [(id: String, index: Int, v6: Bool)], groups: [String]) {
        let name = "nlb-\(i)"
        let count = rng.int(1...2)
        let placed = rng.sample(subnets, count)
        let internetFacing = rng.chance(0.5)
        let lbGroups = features.nlbWithoutSecurityGroups && rng.chance(0.5) ? [] : rng.sample(groups, 1)
        var listeners = [Listener(arn: "\(name)/443", port: 443, protocolName: "TCP")]
        if rng.chance(0.4) { listeners.append(Listener(arn: "\(name)/22", port: 22, protocolName: "TCP")) }
        if let dns = rng.pick(["UDP", "TCP", "TCP_UDP", ""]), !dns.isEmpty { listeners.append(Listener(arn: "\(name)/53", port: 53, protocolName: dns)) }
        inv.loadBalancers.append(LoadBalancer(id: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/\(name)/1", scope: scope,
                                              name: name, type: "network", scheme: internetFacing ? "internet-facing" : "internal",
                                              vpcId: vpcId(i), subnetIds: placed.map(\.id), securityGroupIds: lbGroups, listeners: listeners))
        for subnet in placed {
            let id = "eni-nlb\(i)\(subnet.index)"
            let address = "10.\(i).\(subnet.index).200"
            inv.networkInterfaces.append(NetworkInterface(
                id: id, scope: scope, vpcId: vpcId(i), subnetId: subnet.id, availabilityZone: "us-east-1a", interfaceType: "network_load_balancer",
                description: "ELB net/\(name)/1",
                privateAddresses: [PrivateAddress(address: address, primary: true, publicIp: internetFacing ? "35.\(i).\(subnet.index).200" : nil)],
                securityGroupIds: lbGroups, owner: .loadBalancer(name), requesterManaged: true))
            sources.append(id)
            destinations.append(id)
        }
    }
}
