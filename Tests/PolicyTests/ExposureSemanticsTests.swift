import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// Exposure findings follow the solver's AWS semantics: IPv6 without a public IPv4, and targets of network
/// load balancers that show them the clients' addresses.
@Suite("Exposure semantics in the policy engine")
struct ExposureSemanticsTests {
    /// A dual-stack VPC: `win` has an IPv6 address, no public IPv4, and RDP open to ::/0; a firewall route elsewhere.
    static func dualStack() throws -> Inventory {
        let fixture = WorkshopScanTests.root.appendingPathComponent("Tests/AWSImportTests/Fixtures/dual-stack-appliance").path
        return try Importer().importPaths([fixture]).inventory
    }

    @Test("RDP open to ::/0 on an IPv6 host without a public IPv4 is a critical exposure, not a latent one (AWS: IPv6 addresses are public)")
    func ipv6RDPIsCritical() throws {
        let result = try WorkshopScanTests.scan(try Self.dualStack())
        let exposed = try #require(result.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.id == "i-win" })
        #expect(exposed.severity == .critical && exposed.title.hasPrefix("tcp/3389"))
        #expect(exposed.evidence.contains { $0.contains("IPv6 internet") })
        #expect(!result.findings.contains { $0.ruleId == "latent-open-security-group" && $0.title.contains("3389") })
    }

    @Test("a world-open rule on an instance behind an internet-facing NLB that preserves client IPs is an exposure through the NLB")
    func nlbPreservingClientIP() throws {
        var inv = try Self.dualStack()
        let scope = inv.vpcs[0].scope
        // Public subnet for the NLB's node: IPv4 default route to the internet gateway.
        inv.subnets.append(Subnet(id: "subnet-edge", scope: scope, vpcId: "vpc-ds", cidrBlocks: [IPPrefix("10.0.9.0/24")!], availabilityZone: "us-east-1a"))
        inv.routeTables.append(RouteTable(id: "rtb-edge", scope: scope, vpcId: "vpc-ds", routes: [
            Route(destination: .cidr(IPPrefix("10.0.0.0/16")!), target: .local),
            Route(destination: .cidr(.anyV4), target: .internetGateway("igw-ds"))], associations: [RouteTableAssociation(subnetId: "subnet-edge")]))
        inv.networkACLs[0].subnetIds.append("subnet-edge")
        // The Windows host also serves 8443 to the world; its subnet has no IPv4 internet route, so only the NLB reaches it.
        inv.securityGroups[0].ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: 8443, toPort: 8443, peer: .cidr(.anyV4)))
        inv.loadBalancers.append(LoadBalancer(id: "arn:nlb", scope: scope, name: "edge-nlb", type: "network", scheme: "internet-facing",
                                              vpcId: "vpc-ds", subnetIds: ["subnet-edge"],
                                              listeners: [Listener(arn: "arn:l", port: 443, protocolName: "TCP", targetGroupArns: ["arn:tg"])]))
        inv.networkInterfaces.append(NetworkInterface(id: "eni-nlb", scope: scope, vpcId: "vpc-ds", subnetId: "subnet-edge", availabilityZone: "us-east-1a",
                                                      interfaceType: "network_load_balancer", description: "ELB net/edge-nlb/1",
                                                      privateAddresses: [PrivateAddress(address: "10.0.9.4", publicIp: "198.51.100.4")],
                                                      owner: .loadBalancer("edge-nlb"), requesterManaged: true))
        inv.targetGroups.append(TargetGroup(id: "arn:tg", scope: scope, name: "win-8443", protocolName: "TCP", port: 8443, vpcId: "vpc-ds",
                                            targetType: "instance", loadBalancerArns: ["arn:nlb"],
                                            targets: [Target(id: "i-win", port: 8443, availabilityZone: "us-east-1a", health: "healthy")], targetsKnown: true))
        let result = try WorkshopScanTests.scan(inv)
        let exposed = try #require(result.findings.first { $0.ruleId == "internet-exposed-port" && $0.title.hasPrefix("tcp/8443") })
        #expect(exposed.title.contains("through edge-nlb"))
        #expect(exposed.evidence.contains { $0.contains("load-balancer-client-ip") })
        #expect(!result.findings.contains { $0.ruleId == "latent-open-security-group" && $0.title.contains("8443") })
    }
}
