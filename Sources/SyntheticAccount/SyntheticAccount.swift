import JSON
import Foundation

/// A large, realistic synthetic AWS account written as AWS CLI JSON, for benchmarks and scale tests.
///
/// Each VPC is a three-tier network: public, app and database subnets; an internet gateway
/// and a NAT gateway; security groups that reference each other; instances behind them.
/// Neighbouring VPCs are peered with routes on both sides. The output is deterministic
/// for given parameters, so two runs compare like for like.
public struct SyntheticAccount: Sendable {
    public var account = "123456789012"
    public var region = "us-east-1"
    public var vpcs = 200
    public var subnetsPerVPC = 5
    public var interfacesPerVPC = 100
    public var securityGroupsPerVPC = 20
    public var rulesPerSecurityGroup = 10
    /// `realistic` is the shape of issue 13: many public interfaces, world-open rules spread over all
    /// groups, custom NACLs; `benchmark` the original, gentler shape.
    public var shape: Shape = .benchmark

    /// Which account shape to write.
    public enum Shape: String, Sendable, CaseIterable { case benchmark, realistic }

    public init() {}

    /// The documented benchmark size: 200 VPCs, 1,000 subnets, 20,000 ENIs, 4,000 SGs, 40,000 rules.
    public static let benchmark = SyntheticAccount()

    /// The shape real accounts have (issue 13): 200 VPCs, 1,000 subnets, `interfaces` ENIs (a quarter
    /// with public addresses), one security group per five interfaces with ten ingress rules each (about
    /// 10% open to 0.0.0.0/0 on 22, 3306, 5432, 6379 or 9200), custom NACLs per tier, a peering chain.
    public static func realistic(interfaces: Int) -> SyntheticAccount {
        var account = SyntheticAccount()
        account.shape = .realistic
        account.interfacesPerVPC = max(interfaces / account.vpcs, 1)
        account.securityGroupsPerVPC = max(account.interfacesPerVPC / 5, 4)
        return account
    }

    /// Writes the account's CLI output under `folder/<account>/<region>/`.
    public func write(to folder: URL) throws {
        let dir = folder.appendingPathComponent(account).appendingPathComponent(region)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let realistic = shape == .realistic
        let documents: [(String, JSONValue)] = [
            ("ec2-describe-vpcs.json", ["Vpcs": .array((0..<vpcs).map(vpc))]),
            ("ec2-describe-subnets.json", ["Subnets": .array(allSubnets())]),
            ("ec2-describe-route-tables.json", ["RouteTables": .array((0..<vpcs).flatMap(routeTables))]),
            ("ec2-describe-internet-gateways.json", ["InternetGateways": .array((0..<vpcs).map(internetGateway))]),
            ("ec2-describe-nat-gateways.json", ["NatGateways": .array((0..<vpcs).map(natGateway))]),
            ("ec2-describe-security-groups.json", ["SecurityGroups": .array((0..<vpcs).flatMap(realistic ? realisticSecurityGroups : securityGroups))]),
            ("ec2-describe-network-acls.json", ["NetworkAcls": .array(realistic ? (0..<vpcs).flatMap(realisticNetworkACLs) : (0..<vpcs).map(networkACL))]),
            ("ec2-describe-network-interfaces.json", ["NetworkInterfaces": .array((0..<vpcs).flatMap(realistic ? realisticInterfaces : interfaces))]),
            ("ec2-describe-vpc-peering-connections.json", ["VpcPeeringConnections": .array(peerings())]),
        ]
        for (name, doc) in documents {
            try Data(doc.text().utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    // MARK: naming

    func vpcId(_ v: Int) -> String { String(format: "vpc-%08x", v) }
    func subnetId(_ v: Int, _ s: Int) -> String { String(format: "subnet-%08x", v * 16 + s) }
    func groupId(_ v: Int, _ g: Int) -> String { String(format: "sg-%08x", v * 64 + g) }
    func cidr(_ v: Int) -> String { "10.\(v / 2).\(v % 2 * 128).0/17" }
    func subnetCidr(_ v: Int, _ s: Int) -> String { "10.\(v / 2).\(v % 2 * 128 + s * 8).0/21" }
    func tier(_ s: Int) -> String { s < 2 ? "public" : (s == subnetsPerVPC - 1 ? "db" : "app") }
    func tags(_ name: String) -> JSONValue { .array([["Key": "Name", "Value": .string(name)]]) }

    // MARK: documents

    func vpc(_ v: Int) -> JSONValue {
        ["VpcId": .string(vpcId(v)), "CidrBlock": .string(cidr(v)), "OwnerId": .string(account), "IsDefault": false,
         "Tags": tags("vpc-\(v)")]
    }

    func allSubnets() -> [JSONValue] {
        (0..<vpcs).flatMap { v in
            (0..<subnetsPerVPC).map { s in
                ["SubnetId": .string(subnetId(v, s)), "VpcId": .string(vpcId(v)), "CidrBlock": .string(subnetCidr(v, s)),
                 "AvailabilityZone": .string(region + ["a", "b", "c"][s % 3]), "OwnerId": .string(account),
                 "MapPublicIpOnLaunch": .bool(tier(s) == "public"), "Tags": tags("vpc-\(v)-\(tier(s))-\(s)")]
            }
        }
    }

    func routeTables(_ v: Int) -> [JSONValue] {
        let local: JSONValue = ["DestinationCidrBlock": .string(cidr(v)), "GatewayId": "local", "State": "active"]
        var peerRoutes: [JSONValue] = []
        for peer in [v - 1, v + 1] where peer >= 0 && peer < vpcs {
            peerRoutes.append(["DestinationCidrBlock": .string(cidr(peer)),
                               "VpcPeeringConnectionId": .string(peeringId(min(v, peer))), "State": "active"])
        }
        func table(_ suffix: Int, _ name: String, _ extra: [JSONValue], subnets: [Int], main: Bool = false) -> JSONValue {
            var associations: [JSONValue] = subnets.map { ["Main": false, "SubnetId": .string(subnetId(v, $0)), "RouteTableId": .string(String(format: "rtb-%08x", v * 4 + suffix))] }
            if main { associations.append(["Main": true]) }
            return ["RouteTableId": .string(String(format: "rtb-%08x", v * 4 + suffix)), "VpcId": .string(vpcId(v)),
                    "OwnerId": .string(account), "Routes": .array([local] + extra), "Associations": .array(associations),
                    "Tags": tags("vpc-\(v)-\(name)")]
        }
        let subnets = Array(0..<subnetsPerVPC)
        return [
            table(0, "main", [], subnets: [], main: true),
            table(1, "public", [["DestinationCidrBlock": "0.0.0.0/0", "GatewayId": .string(String(format: "igw-%08x", v)), "State": "active"]] + peerRoutes,
                  subnets: subnets.filter { tier($0) == "public" }),
            table(2, "app", [["DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": .string(String(format: "nat-%08x", v)), "State": "active"]] + peerRoutes,
                  subnets: subnets.filter { tier($0) == "app" }),
            table(3, "db", peerRoutes, subnets: subnets.filter { tier($0) == "db" }),
        ]
    }

    func internetGateway(_ v: Int) -> JSONValue {
        ["InternetGatewayId": .string(String(format: "igw-%08x", v)), "OwnerId": .string(account),
         "Attachments": .array([["VpcId": .string(vpcId(v)), "State": "available"]])]
    }

    func natGateway(_ v: Int) -> JSONValue {
        ["NatGatewayId": .string(String(format: "nat-%08x", v)), "VpcId": .string(vpcId(v)), "SubnetId": .string(subnetId(v, 0)),
         "State": "available", "ConnectivityType": "public",
         "NatGatewayAddresses": .array([["PublicIp": .string("198.18.\(v / 250).\(v % 250 + 1)")]])]
    }

    func networkACL(_ v: Int) -> JSONValue {
        func entry(_ n: Int, _ egress: Bool, _ action: String) -> JSONValue {
            ["RuleNumber": .number(Double(n)), "Egress": .bool(egress), "Protocol": "-1", "RuleAction": .string(action), "CidrBlock": "0.0.0.0/0"]
        }
        return ["NetworkAclId": .string(String(format: "acl-%08x", v)), "VpcId": .string(vpcId(v)), "IsDefault": true,
                "OwnerId": .string(account),
                "Entries": .array([entry(100, false, "allow"), entry(32767, false, "deny"), entry(100, true, "allow"), entry(32767, true, "deny")]),
                "Associations": .array((0..<subnetsPerVPC).map { ["SubnetId": .string(subnetId(v, $0))] })]
    }

    /// Group 0 is the load balancer tier, 1 the bastion, the last the database; the rest are app tiers.
    func securityGroups(_ v: Int) -> [JSONValue] {
        (0..<securityGroupsPerVPC).map { g in
            var rules: [JSONValue] = []
            for r in 0..<rulesPerSecurityGroup {
                let port = Double([443, 80, 22, 5000, 8080, 3306, 5432, 6379, 9000, 3389][r % 10])
                var permission: JSONValue = ["IpProtocol": "tcp", "FromPort": .number(port), "ToPort": .number(port)]
                if g == 0 || (r == 9 && g % 7 == 3) {
                    permission["IpRanges"] = .array([["CidrIp": "0.0.0.0/0"]])
                } else if r % 3 == 2 {
                    permission["IpRanges"] = .array([["CidrIp": .string(cidr(v))]])
                } else {
                    let peer = (g + r + 1) % securityGroupsPerVPC
                    permission["UserIdGroupPairs"] = .array([["GroupId": .string(groupId(v, peer)), "UserId": .string(account)]])
                }
                rules.append(permission)
            }
            return ["GroupId": .string(groupId(v, g)), "GroupName": .string("vpc-\(v)-sg-\(g)"), "Description": "synthetic",
                    "VpcId": .string(vpcId(v)), "OwnerId": .string(account), "IpPermissions": .array(rules),
                    "IpPermissionsEgress": .array([["IpProtocol": "-1", "IpRanges": .array([["CidrIp": "0.0.0.0/0"]])]])]
        }
    }

    func interfaces(_ v: Int) -> [JSONValue] {
        (0..<interfacesPerVPC).map { i in
            let s = i % subnetsPerVPC
            let octets = subnetCidr(v, s).split(separator: ".").map { Int($0.split(separator: "/")[0])! }
            let host = "\(octets[0]).\(octets[1]).\(octets[2] + (i / subnetsPerVPC) / 250).\((i / subnetsPerVPC) % 250 + 4)"
            var address: JSONValue = ["Primary": true, "PrivateIpAddress": .string(host)]
            if tier(s) == "public" && i % 4 == 0 {
                address["Association"] = ["PublicIp": .string("198.19.\(v).\(i % 250 + 1)")]
            }
            // Realistic grouping: load balancer or bastion in public subnets, one of four app services
            // (half of them also in a shared monitoring group) in app subnets, the database group in db subnets.
            let groupIndexes: [Int]
            switch tier(s) {
            case "public": groupIndexes = [i % 4 == 0 ? 1 : 0]
            case "db": groupIndexes = [securityGroupsPerVPC - 1]
            default: groupIndexes = [2 + i % 4] + (i % 2 == 0 ? [securityGroupsPerVPC - 2] : [])
            }
            let groups: [JSONValue] = groupIndexes.map { ["GroupId": .string(groupId(v, $0))] }
            return ["NetworkInterfaceId": .string(String(format: "eni-%08x", interfaceNumber(v, i))), "SubnetId": .string(subnetId(v, s)),
                    "VpcId": .string(vpcId(v)), "AvailabilityZone": .string(region + ["a", "b", "c"][s % 3]),
                    "InterfaceType": "interface", "Description": "", "OwnerId": .string(account), "Status": "in-use",
                    "Groups": .array(groups), "PrivateIpAddress": .string(host), "PrivateIpAddresses": .array([address]),
                    "Attachment": ["InstanceId": .string(String(format: "i-%08x", interfaceNumber(v, i))), "Status": "attached"]]
        }
    }

    func peeringId(_ v: Int) -> String { String(format: "pcx-%08x", v) }

    func peerings() -> [JSONValue] {
        (0..<max(vpcs - 1, 0)).map { v in
            ["VpcPeeringConnectionId": .string(peeringId(v)), "Status": ["Code": "active"],
             "RequesterVpcInfo": ["VpcId": .string(vpcId(v)), "OwnerId": .string(account), "Region": .string(region), "CidrBlock": .string(cidr(v))],
             "AccepterVpcInfo": ["VpcId": .string(vpcId(v + 1)), "OwnerId": .string(account), "Region": .string(region), "CidrBlock": .string(cidr(v + 1))]]
        }
    }
}
