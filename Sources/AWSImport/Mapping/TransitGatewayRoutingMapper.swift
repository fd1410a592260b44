import NetModel

/// Maps a transit gateway route table's propagations and associations, one file per route table in
/// `ec2-get-transit-gateway-route-table-propagations/<tgw-rtb-id>.json` and
/// `ec2-get-transit-gateway-route-table-associations/<tgw-rtb-id>.json`.
enum TransitGatewayRoutingMapper {
    static let propagationsFolder = "ec2-get-transit-gateway-route-table-propagations"
    static let associationsFolder = "ec2-get-transit-gateway-route-table-associations"

    /// `get-transit-gateway-route-table-propagations` (`TransitGatewayRouteTablePropagations`).
    static func propagations(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let table = ctx.file.resourceName, ctx.file.callFolder == propagationsFolder else {
            c.warn(ctx.file, "unscoped-document",
                   "transit gateway propagations without their route table: put the file in \(propagationsFolder)/<tgw-rtb-id>.json; kept raw")
            return
        }
        var found: [TransitGatewayPropagation] = []
        for p in try root.array("TransitGatewayRouteTablePropagations") {
            found.append(TransitGatewayPropagation(
                attachmentId: try p.requiredString("TransitGatewayAttachmentId"), resourceType: try p.string("ResourceType"),
                resourceId: try p.string("ResourceId"), state: try p.string("State") ?? "enabled"))
        }
        c.transitGatewayPropagations[table, default: []] += found
    }

    /// `get-transit-gateway-route-table-associations` (`Associations`); only `associated` ones count.
    static func associations(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let table = ctx.file.resourceName, ctx.file.callFolder == associationsFolder else {
            c.warn(ctx.file, "unscoped-document",
                   "transit gateway associations without their route table: put the file in \(associationsFolder)/<tgw-rtb-id>.json; kept raw")
            return
        }
        var ids = c.transitGatewayAssociations[table] ?? []
        for a in try root.array("Associations") {
            let id = try a.requiredString("TransitGatewayAttachmentId")
            if (try a.string("State") ?? "associated") == "associated", !ids.contains(id) { ids.append(id) }
        }
        c.transitGatewayAssociations[table] = ids
    }
}
