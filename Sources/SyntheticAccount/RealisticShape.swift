import JSON
import Foundation

/// The `realistic` shape of issue 13: what makes scans of real accounts slow.
///
/// Every group has one world-open rule (10% of rules) on an admin or database port; interfaces share
/// a few groups per tier, the rest of the groups have no members. A quarter of the interfaces (in
/// public subnets) have public addresses. Each tier has its own NACL (the default NACL is left
/// unassociated).
extension SyntheticAccount {
    static let worldOpenPorts = [22, 3306, 5432, 6379, 9200]
    static let realisticPorts = [443, 80, 8080, 5000, 3306, 5432, 6379, 9200, 22, 3389]

    /// The ID of interface `i` of VPC `v` (and `i-…` of its instance), unique however many a VPC has.
    public func interfaceNumber(_ v: Int, _ i: Int) -> Int { v * max(1000, interfacesPerVPC) + i }

    func realisticSecurityGroups(_ v: Int) -> [JSONValue] {
        (0..<securityGroupsPerVPC).map { g in
            let rules: [JSONValue] = (0..<rulesPerSecurityGroup).map { r in
                var port = Self.realisticPorts[r % Self.realisticPorts.count]
                var permission: JSONValue = ["IpProtocol": "tcp"]
                if (g + r) % 10 == 0 {
                    port = Self.worldOpenPorts[(g / 10 + v) % Self.worldOpenPorts.count]
                    permission["IpRanges"] = .array([["CidrIp": "0.0.0.0/0"]])
                } else if r % 3 == 2 {
                    permission["IpRanges"] = .array([["CidrIp": .string(cidr(v))]])
                } else if r % 5 == 1 && v > 0 {
                    permission["IpRanges"] = .array([["CidrIp": .string(cidr(v - 1))]])
                } else {
                    let peer = (g + r + 1) % securityGroupsPerVPC
                    permission["UserIdGroupPairs"] = .array([["GroupId": .string(realisticGroupId(v, peer)), "UserId": .string(account)]])
                }
                permission["FromPort"] = .number(Double(port))
                permission["ToPort"] = .number(Double(port))
                return permission
            }
            return ["GroupId": .string(realisticGroupId(v, g)), "GroupName": .string("vpc-\(v)-sg-\(g)"), "Description": "synthetic",
                    "VpcId": .string(vpcId(v)), "OwnerId": .string(account), "IpPermissions": .array(rules),
                    "IpPermissionsEgress": .array([["IpProtocol": "-1", "IpRanges": .array([["CidrIp": "0.0.0.0/0"]])]])]
        }
    }

    func realisticGroupId(_ v: Int, _ g: Int) -> String { String(format: "sg-%08x", v * max(64, securityGroupsPerVPC) + g) }

    func realisticInterfaces(_ v: Int) -> [JSONValue] {
        (0..<interfacesPerVPC).map { i in
            let s = i % subnetsPerVPC, j = i / subnetsPerVPC
            let octets = subnetCidr(v, s).split(separator: ".").compactMap { Int($0.split(separator: "/").first ?? "") }
            let host = "\(octets[0]).\(octets[1]).\(octets[2] + j / 250).\(j % 250 + 4)"
            var address: JSONValue = ["Primary": true, "PrivateIpAddress": .string(host)]
            if tier(s) == "public" && j % 8 < 5 {
                let k = v * interfacesPerVPC + i
                address["Association"] = ["PublicIp": .string("44.\(k >> 16).\((k >> 8) & 255).\(k & 255)")]
            }
            // Interfaces share a few groups per tier (as real fleets do): load balancer or bastion in public
            // subnets, one of four app services (half also in the monitoring group), the database group.
            let g = securityGroupsPerVPC
            let indexes: [Int]
            switch tier(s) {
            case "public": indexes = [j % 8 == 0 ? 1 : 0]
            case "db": indexes = [g - 1]
            default: indexes = [2 + i % 4] + (i % 2 == 0 ? [g - 2] : [])
            }
            let groups = indexes.map { realisticGroupId(v, $0) }
            let id = interfaceNumber(v, i)
            return ["NetworkInterfaceId": .string(String(format: "eni-%08x", id)), "SubnetId": .string(subnetId(v, s)),
                    "VpcId": .string(vpcId(v)), "AvailabilityZone": .string(region + ["a", "b", "c"][s % 3]),
                    "InterfaceType": "interface", "Description": "", "OwnerId": .string(account), "Status": "in-use",
                    "Groups": .array(groups.map { ["GroupId": .string($0)] }), "PrivateIpAddress": .string(host),
                    "PrivateIpAddresses": .array([address]),
                    "Attachment": ["InstanceId": .string(String(format: "i-%08x", id)), "Status": "attached"]]
        }
    }

    /// The default NACL (unassociated) and one custom NACL per tier: public admits web, SSH and
    /// replies from anywhere (a documentation range denied first), app and db admit only 10.0.0.0/8.
    func realisticNetworkACLs(_ v: Int) -> [JSONValue] {
        func entry(_ n: Int, _ egress: Bool, _ action: String, _ cidr: String, ports: ClosedRange<Int>? = nil) -> JSONValue {
            var e: JSONValue = ["RuleNumber": .number(Double(n)), "Egress": .bool(egress), "Protocol": ports == nil ? "-1" : "6",
                           "RuleAction": .string(action), "CidrBlock": .string(cidr)]
            if let ports { e["PortRange"] = ["From": .number(Double(ports.lowerBound)), "To": .number(Double(ports.upperBound))] }
            return e
        }
        let egress = [entry(100, true, "allow", "0.0.0.0/0"), entry(32767, true, "deny", "0.0.0.0/0")]
        let inbound: [String: [JSONValue]] = [
            "public": [entry(90, false, "deny", "192.0.2.0/24"), entry(100, false, "allow", "0.0.0.0/0", ports: 80...80),
                       entry(110, false, "allow", "0.0.0.0/0", ports: 443...443), entry(120, false, "allow", "0.0.0.0/0", ports: 22...22),
                       entry(130, false, "allow", "0.0.0.0/0", ports: 1024...65535), entry(140, false, "allow", "10.0.0.0/8")],
            "app": [entry(100, false, "allow", "10.0.0.0/8"), entry(110, false, "allow", "0.0.0.0/0", ports: 1024...65535)],
            "db": [entry(100, false, "allow", "10.0.0.0/8", ports: 3306...3306), entry(110, false, "allow", "10.0.0.0/8", ports: 5432...5432),
                   entry(120, false, "allow", "10.0.0.0/8", ports: 6379...6379), entry(130, false, "allow", "0.0.0.0/0", ports: 1024...65535)],
        ]
        let deny = entry(32767, false, "deny", "0.0.0.0/0")
        var acls: [JSONValue] = [["NetworkAclId": .string(String(format: "acl-%08x", v * 4)), "VpcId": .string(vpcId(v)), "IsDefault": true,
                             "OwnerId": .string(account), "Entries": .array([entry(100, false, "allow", "0.0.0.0/0"), deny] + egress),
                             "Associations": .array([])]]
        for (n, name) in ["public", "app", "db"].enumerated() {
            let subnets = (0..<subnetsPerVPC).filter { tier($0) == name }
            acls.append(["NetworkAclId": .string(String(format: "acl-%08x", v * 4 + n + 1)), "VpcId": .string(vpcId(v)), "IsDefault": false,
                         "OwnerId": .string(account), "Entries": .array((inbound[name] ?? []) + [deny] + egress),
                         "Associations": .array(subnets.map { ["SubnetId": .string(subnetId(v, $0))] }), "Tags": tags("vpc-\(v)-\(name)-nacl")])
        }
        return acls
    }
}
