import NetModel

/// Maps EC2's VPC, subnet, route table, gateway and address documents.
enum EC2NetworkMapper {
    static func vpcs(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Vpcs") {
            var blocks: [IPPrefix] = []
            if let primary = try ctx.cidr(try item.string("CidrBlock"), at: item) { blocks.append(primary) }
            for assoc in try item.array("CidrBlockAssociationSet") {
                let state = try assoc["CidrBlockState"]?.string("State")
                if state == nil || state == "associated", let p = try ctx.cidr(try assoc.string("CidrBlock"), at: assoc),
                   !blocks.contains(p) { blocks.append(p) }
            }
            for assoc in try item.array("Ipv6CidrBlockAssociationSet") {
                if let p = try ctx.cidr(try assoc.string("Ipv6CidrBlock"), at: assoc) { blocks.append(p) }
            }
            c.inventory.vpcs.append(VPC(id: try item.requiredString("VpcId"), scope: ctx.ownedScope(owner: try item.string("OwnerId")),
                                        cidrBlocks: blocks, isDefault: try item.bool("IsDefault") ?? false, tags: try item.tags()))
        }
    }

    static func subnets(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Subnets") {
            var blocks: [IPPrefix] = []
            if let p = try ctx.cidr(try item.string("CidrBlock"), at: item) { blocks.append(p) }
            for assoc in try item.array("Ipv6CidrBlockAssociationSet") {
                if let p = try ctx.cidr(try assoc.string("Ipv6CidrBlock"), at: assoc) { blocks.append(p) }
            }
            let zone = try item.string("AvailabilityZone")
            var subnet = Subnet(
                id: try item.requiredString("SubnetId"),
                scope: ctx.ownedScope(owner: try item.string("OwnerId"), region: FileContext.region(fromZone: zone)),
                vpcId: try item.requiredString("VpcId"), cidrBlocks: blocks, availabilityZone: zone,
                mapPublicIpOnLaunch: try item.bool("MapPublicIpOnLaunch") ?? false, tags: try item.tags())
            subnet.ipv6Native = try item.bool("Ipv6Native")
            c.inventory.subnets.append(subnet)
        }
    }

    static func routeTables(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("RouteTables") {
            var routes: [Route] = []
            for r in try item.array("Routes") {
                let destination: RouteDestination
                if let p = try ctx.cidr(try r.firstString("DestinationCidrBlock", "DestinationIpv6CidrBlock"), at: r) {
                    destination = .cidr(p)
                } else if let pl = try r.string("DestinationPrefixListId") {
                    destination = .prefixList(pl)
                } else {
                    throw .missingField(file: ctx.file.displayPath, path: r.path, field: "DestinationCidrBlock")
                }
                routes.append(Route(destination: destination, target: try routeTarget(r),
                                    state: try r.string("State") == "blackhole" ? .blackhole : .active,
                                    origin: try r.string("Origin")))
            }
            var associations: [RouteTableAssociation] = []
            for a in try item.array("Associations") {
                if let state = try a["AssociationState"]?.string("State"), state != "associated" { continue }
                associations.append(RouteTableAssociation(
                    id: try a.string("RouteTableAssociationId"), isMain: try a.bool("Main") ?? false,
                    subnetId: try a.string("SubnetId"), gatewayId: try a.string("GatewayId")))
            }
            var table = RouteTable(
                id: try item.requiredString("RouteTableId"), scope: ctx.scope(account: try item.string("OwnerId")),
                vpcId: try item.requiredString("VpcId"), routes: routes, associations: associations, tags: try item.tags())
            if item["PropagatingVgws"] != nil {
                var vgws: [String] = []
                for g in try item.array("PropagatingVgws") { if let id = try g.string("GatewayId") { vgws.append(id) } }
                table.propagatingVgws = vgws
            }
            c.inventory.routeTables.append(table)
        }
    }

    /// The route's next hop from whichever target field AWS filled in.
    static func routeTarget(_ r: Node) throws(ImportError) -> RouteTarget {
        if let id = try r.string("NatGatewayId") { return .natGateway(id) }
        if let id = try r.string("TransitGatewayId") { return .transitGateway(id) }
        if let id = try r.string("VpcPeeringConnectionId") { return .vpcPeering(id) }
        if let id = try r.string("EgressOnlyInternetGatewayId") { return .egressOnlyInternetGateway(id) }
        if let id = try r.string("InstanceId") { return .instance(id) }
        if let id = try r.string("NetworkInterfaceId") { return .networkInterface(id) }
        if let id = try r.string("CarrierGatewayId") { return .carrierGateway(id) }
        if let id = try r.string("LocalGatewayId") { return .localGateway(id) }
        if let id = try r.string("CoreNetworkArn") { return .coreNetwork(id) }
        if let id = try r.string("GatewayId") {
            if id == "local" { return .local }
            if id.hasPrefix("igw-") { return .internetGateway(id) }
            if id.hasPrefix("vgw-") { return .virtualPrivateGateway(id) }
            if id.hasPrefix("vpce-") { return .vpcEndpoint(id) }
            return .other(id)
        }
        return .other("unknown")
    }

    static func internetGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("InternetGateways") {
            c.inventory.internetGateways.append(InternetGateway(
                id: try item.requiredString("InternetGatewayId"), scope: ctx.scope(account: try item.string("OwnerId")),
                attachedVpcIds: try attachedVpcs(item), tags: try item.tags()))
        }
    }

    static func egressOnlyInternetGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("EgressOnlyInternetGateways") {
            c.inventory.egressOnlyInternetGateways.append(EgressOnlyInternetGateway(
                id: try item.requiredString("EgressOnlyInternetGatewayId"), scope: ctx.scope(),
                attachedVpcIds: try attachedVpcs(item), tags: try item.tags()))
        }
    }

    private static func attachedVpcs(_ item: Node) throws(ImportError) -> [String] {
        var ids: [String] = []
        for a in try item.array("Attachments") {
            let state = try a.string("State")
            if state == nil || state == "available" || state == "attached", let vpc = try a.string("VpcId") { ids.append(vpc) }
        }
        return ids
    }

    static func natGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("NatGateways") {
            var addresses: [NATGatewayAddress] = []
            for a in try item.array("NatGatewayAddresses") {
                addresses.append(NATGatewayAddress(networkInterfaceId: try a.string("NetworkInterfaceId"),
                                                   privateIp: try a.address("PrivateIp"), publicIp: try a.address("PublicIp"),
                                                   allocationId: try a.string("AllocationId")))
            }
            c.inventory.natGateways.append(NATGateway(
                id: try item.requiredString("NatGatewayId"), scope: ctx.scope(),
                vpcId: try item.requiredString("VpcId"), subnetId: try item.requiredString("SubnetId"),
                state: try item.string("State") ?? "available", connectivityType: try item.string("ConnectivityType") ?? "public",
                addresses: addresses, tags: try item.tags()))
        }
    }

    static func addresses(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Addresses") {
            guard let ip = try item.address("PublicIp") else { throw .missingField(file: ctx.file.displayPath, path: item.path, field: "PublicIp") }
            c.inventory.elasticIps.append(ElasticIP(
                id: try item.string("AllocationId") ?? ip, scope: ctx.scope(), publicIp: ip,
                networkInterfaceId: try item.string("NetworkInterfaceId"), privateIp: try item.address("PrivateIpAddress"),
                instanceId: try item.string("InstanceId"), tags: try item.tags()))
        }
    }
}
