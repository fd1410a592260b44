import NetModel
@testable import Reachability

/// Load balancers, target groups and zones for solver tests.
extension NetBuilder {
    /// A subnet in an Availability Zone.
    mutating func subnet(_ id: String, vpc: String, _ cidr: String, zone: String) {
        subnet(id, vpc: vpc, cidr)
        inv.subnets[inv.subnets.count - 1].availabilityZone = zone
    }

    /// A load balancer with one node (interface) per subnet at the given addresses; an internet-facing one gets
    /// a public address on each node. `listeners` are (protocol, port, target group name).
    mutating func loadBalancer(_ name: String, type: String = "network", internetFacing: Bool = true, nodes: [(subnet: String, ip: String)],
                               groups: [String] = [], listeners: [(String, Int, String)], attributes: [String: String]? = nil) {
        let vpc = inv.subnets.first { $0.id == nodes.first?.subnet }?.vpcId ?? ""
        let kind = type == "application" ? "app" : "net"
        var lb = LoadBalancer(id: "arn:lb/\(kind)/\(name)", scope: scope, name: name, type: type,
                              scheme: internetFacing ? "internet-facing" : "internal", vpcId: vpc, subnetIds: nodes.map(\.subnet),
                              securityGroupIds: groups,
                              listeners: listeners.map { Listener(arn: "arn:listener/\(name)/\($0.1)", port: $0.1, protocolName: $0.0,
                                                                  targetGroupArns: ["arn:tg/\($0.2)"]) })
        lb.attributes = attributes
        inv.loadBalancers.append(lb)
        for (i, node) in nodes.enumerated() {
            let publicIp = internetFacing ? "198.51.100.\(i + 10)" : nil
            inv.networkInterfaces.append(NetworkInterface(
                id: "eni-\(name)-\(i)", scope: scope, vpcId: vpc, subnetId: node.subnet, interfaceType: type == "network" ? "network_load_balancer" : "interface",
                description: "ELB \(kind)/\(name)/1", privateAddresses: [PrivateAddress(address: node.ip, primary: true, publicIp: publicIp)],
                securityGroupIds: groups, owner: .loadBalancer(name), requesterManaged: true))
        }
    }

    /// A target group with its registered targets: (ID, port, zone, health state); `known` false when
    /// DescribeTargetHealth was not captured.
    mutating func targetGroup(_ name: String, protocolName: String = "TCP", port: Int, type: String = "instance",
                              targets: [(String, Int?, String?, String?)], known: Bool = true, attributes: [String: String]? = nil) {
        let arn = "arn:tg/\(name)"
        let balancers = inv.loadBalancers.filter { $0.listeners.contains { $0.targetGroupArns.contains(arn) } }.map(\.id)
        var tg = TargetGroup(id: arn, scope: scope, name: name, protocolName: protocolName, port: port, vpcId: inv.vpcs.first?.id,
                             targetType: type, loadBalancerArns: balancers,
                             targets: targets.map { Target(id: $0.0, port: $0.1, availabilityZone: $0.2, health: $0.3) }, targetsKnown: known)
        tg.attributes = attributes
        inv.targetGroups.append(tg)
    }
}
