import AWSImport
import NetModel
import JSON

/// The network resources of a template as `ec2 describe-*` would print them after deploy: VPCs, subnets, internet
/// and NAT gateways, route tables with their routes and associations, security groups with inline and standalone
/// rules, network ACLs. What EC2 creates by itself is added as EC2 does: each VPC's main route table (local route
/// only) and default network ACL (allow all), and a security group's allow-all egress rule when the template gives
/// none ("AWS::EC2::SecurityGroup": "the default rule is removed only when you specify one or more egress rules").
struct CloudFormationNetworkDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds


    func tags(_ r: TemplateResource) -> JSONValue {
        var tags: [String: String] = ["aws:cloudformation:logical-id": r.logicalId]
        for tag in r["Tags"]?.elements ?? [] {
            if let k = tag["Key"]?.knownString { tags[k] = tag["Value"]?.knownString ?? tag["Value"]?.rendered ?? "" }
        }
        if tags["Name"] == nil { tags["Name"] = r.logicalId }
        tags.merge(CloudFormationUnknowns(resources: resources, ids: ids).tags(r)) { _, unknown in unknown }
        return .tags(tags)
    }

    func write(into docs: inout CLIDocuments) {
        var vpcCidrs: [String: String] = [:]
        for r in resources.of("AWS::EC2::VPC") {
            let id = ids.ref(r.logicalId)
            vpcCidrs[id] = r["CidrBlock"]?.knownString
            docs.add("Vpcs", ["VpcId": .string(id), "CidrBlock": .text(r["CidrBlock"]?.knownString), "IsDefault": .bool(false), "Tags": tags(r)])
        }
        var subnetVpc: [String: String] = [:]
        var publicSubnets = Set<String>()
        for r in resources.of("AWS::EC2::Subnet") {
            let id = ids.ref(r.logicalId)
            subnetVpc[id] = ids.id(r["VpcId"])
            if r["MapPublicIpOnLaunch"]?.knownString == "true" { publicSubnets.insert(id) }
            docs.add("Subnets", ["SubnetId": .string(id), "VpcId": .text(ids.id(r["VpcId"])), "CidrBlock": .text(r["CidrBlock"]?.knownString),
                                 "AvailabilityZone": .text(r["AvailabilityZone"]?.knownString),
                                 "MapPublicIpOnLaunch": .bool(r["MapPublicIpOnLaunch"] == .bool(true) || r["MapPublicIpOnLaunch"] == .string("true")),
                                 "Tags": tags(r)])
        }
        let attachments = resources.of("AWS::EC2::VPCGatewayAttachment")
        for r in resources.of("AWS::EC2::InternetGateway") {
            let id = ids.ref(r.logicalId)
            let vpcs = attachments.filter { ids.id($0["InternetGatewayId"]) == id }.compactMap { ids.id($0["VpcId"]) }
            docs.add("InternetGateways", ["InternetGatewayId": .string(id), "Tags": tags(r),
                                          "Attachments": .array(vpcs.map { .object(["VpcId": .string($0), "State": .string("available")]) })])
        }
        for r in resources.of("AWS::EC2::NatGateway") {
            let subnet = ids.id(r["SubnetId"])
            docs.add("NatGateways", ["NatGatewayId": .string(ids.ref(r.logicalId)), "SubnetId": .text(subnet), "VpcId": .text(subnet.flatMap { subnetVpc[$0] }),
                                     "State": .string("available"), "ConnectivityType": .string(r["ConnectivityType"]?.knownString ?? "public"),
                                     "Tags": tags(r)])
        }
        routeTables(vpcCidrs: vpcCidrs, into: &docs)
        CloudFormationSecurityDocuments(resources: resources, ids: ids, tags: tags).write(vpcs: Array(vpcCidrs.keys), subnetVpc: subnetVpc, into: &docs)
        let services = CloudFormationServiceDocuments(resources: resources, ids: ids, subnetVpc: subnetVpc)
        services.write(into: &docs)
        CloudFormationIdentityDocuments(resources: resources, ids: ids, json: services.json).write(into: &docs)
        CloudFormationComputeDocuments(resources: resources, ids: ids, subnetVpc: subnetVpc, publicSubnets: publicSubnets,
                                       json: services.json, tags: tags).write(into: &docs)
        CloudFormationResourcePolicyDocuments(resources: resources, ids: ids, json: services.json).write(into: &docs)
    }

    private func routeTables(vpcCidrs: [String: String], into docs: inout CLIDocuments) {
        let routes = resources.of("AWS::EC2::Route")
        let associations = resources.of("AWS::EC2::SubnetRouteTableAssociation")
        func local(_ vpc: String?) -> [JSONValue] {
            guard let vpc, let cidr = vpcCidrs[vpc] else { return [] }
            return [.object(["DestinationCidrBlock": .string(cidr), "GatewayId": .string("local"), "State": .string("active")])]
        }
        for r in resources.of("AWS::EC2::RouteTable") {
            let id = ids.ref(r.logicalId)
            let vpc = ids.id(r["VpcId"])
            var items = local(vpc)
            for route in routes where ids.id(route["RouteTableId"]) == id && !CloudFormationUnknowns.isUnknown(route: route, ids: ids) {
                var item: [String: JSONValue] = ["State": .string("active")]
                if let d = route["DestinationCidrBlock"]?.knownString { item["DestinationCidrBlock"] = .string(d) }
                if let d = route["DestinationIpv6CidrBlock"]?.knownString { item["DestinationIpv6CidrBlock"] = .string(d) }
                for (property, field) in [("GatewayId", "GatewayId"), ("NatGatewayId", "NatGatewayId"), ("TransitGatewayId", "TransitGatewayId"),
                                          ("VpcPeeringConnectionId", "VpcPeeringConnectionId"), ("InstanceId", "InstanceId"),
                                          ("NetworkInterfaceId", "NetworkInterfaceId"), ("EgressOnlyInternetGatewayId", "EgressOnlyInternetGatewayId"),
                                          ("VpcEndpointId", "GatewayId")] {
                    if let target = ids.id(route[property]) { item[field] = .string(target) }
                }
                items.append(.object(item))
            }
            let subnets = associations.filter { ids.id($0["RouteTableId"]) == id }.enumerated().compactMap { i, a -> JSONValue? in
                ids.id(a["SubnetId"]).map { .object(["RouteTableAssociationId": .string("rtbassoc-\(a.logicalId)"), "SubnetId": .string($0), "Main": .bool(false)]) }
            }
            docs.add("RouteTables", ["RouteTableId": .string(id), "VpcId": .text(vpc), "Routes": .array(items), "Associations": .array(subnets), "Tags": tags(r)])
        }
        // Each VPC's main route table: subnets without an explicit association use it.
        for vpc in vpcCidrs.keys.sorted() {
            docs.add("RouteTables", ["RouteTableId": .string("rtb-main-\(vpc)"), "VpcId": .string(vpc), "Routes": .array(local(vpc)),
                                     "Associations": .array([.object(["RouteTableAssociationId": .string("rtbassoc-main-\(vpc)"), "Main": .bool(true)])])])
        }
    }
}
