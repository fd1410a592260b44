import NetModel
@testable import Reachability

/// Builders for addresses: dual-stack VPCs and subnets, interfaces with several addresses, NAT gateways.
extension NetBuilder {
    /// Adds an IPv6 block to a VPC (call before its route tables, so their local routes cover it).
    mutating func addIPv6(vpc: String, _ cidr: String) {
        guard let i = inv.vpcs.firstIndex(where: { $0.id == vpc }), let p = IPPrefix(cidr) else { return }
        inv.vpcs[i].cidrBlocks.append(p)
    }

    /// Adds an IPv6 block to a subnet.
    mutating func addIPv6(subnet: String, _ cidr: String) {
        guard let i = inv.subnets.firstIndex(where: { $0.id == subnet }), let p = IPPrefix(cidr) else { return }
        inv.subnets[i].cidrBlocks.append(p)
    }

    /// An interface of an instance (created when new) with private addresses (primary first, each with an
    /// optional public address), IPv6 addresses and delegated IPv6 prefixes.
    mutating func interface(_ id: String, instance: String, subnet: String, addresses: [(String, String?)], ipv6: [String] = [],
                            ipv6Prefixes: [String] = [], groups: [String]) {
        let vpc = inv.subnets.first { $0.id == subnet }?.vpcId ?? ""
        let privates = addresses.enumerated().map { PrivateAddress(address: $1.0, primary: $0 == 0, publicIp: $1.1) }
        inv.networkInterfaces.append(NetworkInterface(
            id: id, scope: scope, vpcId: vpc, subnetId: subnet, privateAddresses: privates, ipv6Addresses: ipv6,
            ipv6Prefixes: ipv6Prefixes.compactMap { IPPrefix($0) }, securityGroupIds: groups, owner: .instance(instance)))
        if let i = inv.instances.firstIndex(where: { $0.id == instance }) {
            inv.instances[i].networkInterfaceIds.append(id)
        } else {
            inv.instances.append(Instance(id: instance, scope: scope, vpcId: vpc, subnetId: subnet, privateIp: addresses.first?.0,
                                          publicIp: addresses.first?.1, securityGroupIds: groups, networkInterfaceIds: [id],
                                          tags: ["Name": instance]))
        }
    }

    /// A public NAT gateway with its interface.
    mutating func natGateway(_ id: String, subnet: String, privateIp: String, publicIp: String) {
        let vpc = inv.subnets.first { $0.id == subnet }?.vpcId ?? ""
        inv.natGateways.append(NATGateway(id: id, scope: scope, vpcId: vpc, subnetId: subnet,
                                          addresses: [NATGatewayAddress(networkInterfaceId: "eni-\(id)", privateIp: privateIp, publicIp: publicIp)]))
        inv.networkInterfaces.append(NetworkInterface(
            id: "eni-\(id)", scope: scope, vpcId: vpc, subnetId: subnet, interfaceType: "nat_gateway",
            privateAddresses: [PrivateAddress(address: privateIp, primary: true, publicIp: publicIp)], owner: .natGateway(id)))
    }

    mutating func egressOnlyGateway(_ id: String, vpc: String) {
        inv.egressOnlyInternetGateways.append(EgressOnlyInternetGateway(id: id, scope: scope, attachedVpcIds: [vpc]))
    }

    /// The default NACL for a dual-stack subnet: allow everything both ways, IPv4 and IPv6.
    mutating func openDualStackACL(_ id: String, vpc: String, subnets: [String]) {
        acl(id, vpc: vpc, subnets: subnets, [(100, false, .all, .allow, "0.0.0.0/0", nil), (100, true, .all, .allow, "0.0.0.0/0", nil),
                                             (101, false, .all, .allow, "::/0", nil), (101, true, .all, .allow, "::/0", nil)])
    }
}
