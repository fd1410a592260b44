import AWSImport
import Foundation
import NetModel
import Testing
@testable import Reachability

/// Writes AWS CLI output for two accounts: the owner of a VPC whose subnet is shared through RAM, and a
/// participant with an instance in that subnet. The owner's database admits the participant's security group
/// by `UserId`/`GroupId` (AWS "Share your VPC with other accounts"; "Security group rules": other accounts' groups).
private func sharedVPCFolders(dbAllowsGroup: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-shared-vpc-\(UUID().uuidString)")
    let owner = "111111111111", participant = "222222222222"
    let sharedSubnet = #"{"SubnetId": "subnet-shared", "VpcId": "vpc-shared", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a", "OwnerId": "111111111111"}"#
    let files: [String: String] = [
        "\(owner)/us-east-1/vpcs.json": #"{"Vpcs": [{"VpcId": "vpc-shared", "CidrBlock": "10.0.0.0/16", "OwnerId": "111111111111", "IsDefault": false}]}"#,
        "\(owner)/us-east-1/subnets.json": #"{"Subnets": [\#(sharedSubnet), {"SubnetId": "subnet-db", "VpcId": "vpc-shared", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1a", "OwnerId": "111111111111"}]}"#,
        "\(owner)/us-east-1/route-tables.json": #"{"RouteTables": [{"RouteTableId": "rtb-main", "VpcId": "vpc-shared", "OwnerId": "111111111111", "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active", "Origin": "CreateRouteTable"}], "Associations": [{"Main": true, "RouteTableAssociationId": "rtbassoc-1", "RouteTableId": "rtb-main"}]}]}"#,
        "\(owner)/us-east-1/network-acls.json": #"{"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-shared", "IsDefault": true, "OwnerId": "111111111111", "Entries": [{"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": false, "CidrBlock": "0.0.0.0/0"}, {"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": true, "CidrBlock": "0.0.0.0/0"}], "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-1", "SubnetId": "subnet-shared"}, {"NetworkAclAssociationId": "aclassoc-2", "NetworkAclId": "acl-1", "SubnetId": "subnet-db"}]}]}"#,
        "\(owner)/us-east-1/security-groups.json": #"{"SecurityGroups": [{"GroupId": "sg-db", "GroupName": "db", "Description": "db", "VpcId": "vpc-shared", "OwnerId": "111111111111", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"UserId": "222222222222", "GroupId": "\#(dbAllowsGroup)"}], "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": []}], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "UserIdGroupPairs": [], "Ipv6Ranges": [], "PrefixListIds": []}]}]}"#,
        "\(owner)/us-east-1/network-interfaces.json": #"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-db", "SubnetId": "subnet-db", "VpcId": "vpc-shared", "OwnerId": "111111111111", "AvailabilityZone": "us-east-1a", "PrivateIpAddress": "10.0.2.10", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.2.10", "Primary": true}], "Groups": [{"GroupId": "sg-db", "GroupName": "db"}], "InterfaceType": "interface", "Attachment": {"InstanceId": "i-db"}}]}"#,
        // The participant sees the shared subnet too, with the owner's account as OwnerId.
        "\(participant)/us-east-1/subnets.json": #"{"Subnets": [\#(sharedSubnet)]}"#,
        "\(participant)/us-east-1/security-groups.json": #"{"SecurityGroups": [{"GroupId": "sg-part", "GroupName": "app", "Description": "app", "VpcId": "vpc-shared", "OwnerId": "222222222222", "IpPermissions": [], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "UserIdGroupPairs": [], "Ipv6Ranges": [], "PrefixListIds": []}]}]}"#,
        "\(participant)/us-east-1/network-interfaces.json": #"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-part", "SubnetId": "subnet-shared", "VpcId": "vpc-shared", "OwnerId": "222222222222", "AvailabilityZone": "us-east-1a", "PrivateIpAddress": "10.0.1.20", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.20", "Primary": true}], "Groups": [{"GroupId": "sg-part", "GroupName": "app"}], "InterfaceType": "interface", "Attachment": {"InstanceId": "i-part"}}]}"#,
    ]
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}

@Suite("Shared VPCs and several accounts")
struct SharedVPCTests {
    @Test("a participant's instance in a shared subnet reaches the owner's database through a cross-account group reference",
          arguments: [("sg-part", true), ("sg-other", false)])
    func participantReachesOwner(group: String, reachable: Bool) throws {
        let root = try sharedVPCFolders(dbAllowsGroup: group)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Importer().importPaths([root.path])
        // The shared subnet, listed by both accounts, is one subnet of the owner.
        #expect(result.inventory.subnets.filter { $0.id == "subnet-shared" }.map(\.scope.account) == ["111111111111"])
        #expect(result.inventory.networkInterfaces.first { $0.id == "eni-part" }?.scope.account == "222222222222")
        let solver = Solver(inventory: result.inventory)
        let pairs = solver.answer(from: try solver.selector.resolve("i-part"), to: try solver.selector.resolve("i-db"), proto: .tcp, ports: PortSet(5432))
        let answer = try #require(pairs.first)
        #expect(answer.reachable == reachable)
        if reachable {
            #expect(answer.best.path.contains { $0.kind == "security-group-ingress" && $0.detail.contains("sg-db") })
        } else {
            #expect(answer.best.blockers.map(\.kind) == ["security-group-ingress"])
        }
    }
}
