import NetModel

/// Maps peering connections, transit gateways, VPC endpoints and prefix lists.
enum EC2ConnectivityMapper {
    static func peeringConnections(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("VpcPeeringConnections") {
            guard let requester = item["RequesterVpcInfo"], let accepter = item["AccepterVpcInfo"] else {
                throw .missingField(file: ctx.file.displayPath, path: item.path, field: "RequesterVpcInfo/AccepterVpcInfo")
            }
            let req = try side(requester, ctx), acc = try side(accepter, ctx)
            c.inventory.vpcPeeringConnections.append(VPCPeeringConnection(
                id: try item.requiredString("VpcPeeringConnectionId"),
                scope: ctx.scope(account: req.ownerId, region: req.region),
                status: try item["Status"]?.string("Code") ?? "unknown", requester: req, accepter: acc, tags: try item.tags()))
        }
    }

    private static func side(_ node: Node, _ ctx: FileContext) throws(ImportError) -> PeeringSide {
        var blocks: [IPPrefix] = []
        if let p = try ctx.cidr(try node.string("CidrBlock"), at: node) { blocks.append(p) }
        for b in try node.array("CidrBlockSet") {
            if let p = try ctx.cidr(try b.string("CidrBlock"), at: b), !blocks.contains(p) { blocks.append(p) }
        }
        for b in try node.array("Ipv6CidrBlockSet") {
            if let p = try ctx.cidr(try b.string("Ipv6CidrBlock"), at: b) { blocks.append(p) }
        }
        return PeeringSide(vpcId: try node.requiredString("VpcId"), ownerId: try node.string("OwnerId"),
                           region: try node.string("Region"), cidrBlocks: blocks)
    }

    static func transitGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGateways") {
            let options = item["Options"]
            c.inventory.transitGateways.append(TransitGateway(
                id: try item.requiredString("TransitGatewayId"), scope: ctx.scope(arn: try item.string("TransitGatewayArn")),
                state: try item.string("State") ?? "available",
                associationDefaultRouteTableId: try options?.string("AssociationDefaultRouteTableId"),
                propagationDefaultRouteTableId: try options?.string("PropagationDefaultRouteTableId"), tags: try item.tags()))
        }
    }

    static func transitGatewayAttachments(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGatewayAttachments") {
            c.inventory.transitGatewayAttachments.append(TransitGatewayAttachment(
                id: try item.requiredString("TransitGatewayAttachmentId"),
                scope: ctx.scope(account: try item.string("TransitGatewayOwnerId")),
                transitGatewayId: try item.requiredString("TransitGatewayId"),
                resourceType: try item.string("ResourceType") ?? "unknown", resourceId: try item.string("ResourceId"),
                resourceOwnerId: try item.string("ResourceOwnerId"), state: try item.string("State") ?? "available",
                associatedRouteTableId: try item["Association"]?.string("TransitGatewayRouteTableId"), tags: try item.tags()))
        }
    }

    /// `describe-transit-gateway-vpc-attachments`: adds the attachment subnets.
    static func transitGatewayVpcAttachments(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGatewayVpcAttachments") {
            let id = try item.requiredString("TransitGatewayAttachmentId")
            c.vpcAttachmentSubnets[id] = (try item.string("VpcId"), try item.strings("SubnetIds"))
            if try item["Options"]?.string("Ipv6Support") == "enable" { c.vpcAttachmentsWithIpv6.insert(id) }
        }
    }

    static func transitGatewayRouteTables(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGatewayRouteTables") {
            c.inventory.transitGatewayRouteTables.append(TransitGatewayRouteTable(
                id: try item.requiredString("TransitGatewayRouteTableId"), scope: ctx.scope(),
                transitGatewayId: try item.requiredString("TransitGatewayId"), tags: try item.tags()))
        }
    }

    /// `search-transit-gateway-routes`, one file per route table in `ec2-search-transit-gateway-routes/<tgw-rtb-id>.json`.
    static func transitGatewayRoutes(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let table = ctx.file.resourceName else {
            c.warn(ctx.file, "unscoped-document",
                   "transit gateway routes without their route table: put the file in ec2-search-transit-gateway-routes/<tgw-rtb-id>.json; kept raw")
            return
        }
        var routes: [TransitGatewayRoute] = []
        for r in try root.array("Routes") {
            // Only routes in effect: a route being deleted (or a listing filtered by type only) is not one.
            if let state = try r.string("State"), state == "deleted" || state == "deleting" { continue }
            let destination: RouteDestination
            if let p = try ctx.cidr(try r.string("DestinationCidrBlock"), at: r) { destination = .cidr(p) }
            else if let pl = try r.string("PrefixListId") { destination = .prefixList(pl) }
            else { throw .missingField(file: ctx.file.displayPath, path: r.path, field: "DestinationCidrBlock") }
            var attachments: [String] = []
            for a in try r.array("TransitGatewayAttachments") {
                if let id = try a.string("TransitGatewayAttachmentId") { attachments.append(id) }
            }
            routes.append(TransitGatewayRoute(destination: destination, attachmentIds: attachments,
                                              type: try r.string("Type") ?? "static",
                                              state: try r.string("State") == "blackhole" ? .blackhole : .active))
        }
        c.transitGatewayRoutes[table, default: []] += routes
    }

    static func vpcEndpoints(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("VpcEndpoints") {
            var groups: [String] = []
            for g in try item.array("Groups") { groups.append(try g.requiredString("GroupId")) }
            c.inventory.vpcEndpoints.append(VPCEndpoint(
                id: try item.requiredString("VpcEndpointId"), scope: ctx.scope(account: try item.string("OwnerId")),
                vpcId: try item.requiredString("VpcId"), endpointType: try item.string("VpcEndpointType") ?? "Gateway",
                serviceName: try item.string("ServiceName") ?? "", state: try item.string("State") ?? "available",
                routeTableIds: try item.strings("RouteTableIds"), subnetIds: try item.strings("SubnetIds"),
                securityGroupIds: groups, networkInterfaceIds: try item.strings("NetworkInterfaceIds"),
                policyDocument: try item.policyDocument("PolicyDocument"), tags: try item.tags()))
        }
    }

    /// `describe-managed-prefix-lists` (no entries) or `describe-prefix-lists` (with `Cidrs`).
    static func prefixLists(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("PrefixLists") {
            let cidrs = try item.strings("Cidrs")
            var entries: [IPPrefix] = []
            for text in cidrs { if let p = try ctx.cidr(text, at: item) { entries.append(p) } }
            c.inventory.prefixLists.append(PrefixList(
                id: try item.requiredString("PrefixListId"), scope: ctx.scope(account: try item.string("OwnerId")),
                name: try item.string("PrefixListName"), addressFamily: try item.string("AddressFamily"),
                entries: entries, entriesKnown: item["Cidrs"] != nil, tags: try item.tags()))
        }
    }

    /// `get-managed-prefix-list-entries`, one file per list in `ec2-get-managed-prefix-list-entries/<pl-id>.json`.
    static func prefixListEntries(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let list = ctx.file.resourceName else {
            c.warn(ctx.file, "unscoped-document",
                   "prefix list entries without their list: put the file in ec2-get-managed-prefix-list-entries/<pl-id>.json; kept raw")
            return
        }
        var entries: [IPPrefix] = []
        for e in try root.array("Entries") {
            if let p = try ctx.cidr(try e.string("Cidr"), at: e) { entries.append(p) }
        }
        c.prefixListEntries[list, default: []] += entries
    }
}
