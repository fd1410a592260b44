import NetModel

/// Tables for Site-to-Site VPN and Direct Connect (added in schema version 2).
enum VPNTables {
    /// The schema version that introduced these tables; older snapshots lack them and read as empty.
    static let introducedIn = 2

    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<VPNGateway>("vpn_gateways", \.vpnGateways, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("state") { $0.state },
            Column("attached_vpc_ids") { joined($0.attachedVpcIds) },
            Column("amazon_side_asn", "INTEGER") { $0.amazonSideAsn },
        ])),
        AnyResourceTable(ResourceTable<CustomerGateway>("customer_gateways", \.customerGateways, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("state") { $0.state },
            Column("ip_address") { $0.ipAddress },
            Column("bgp_asn") { $0.bgpAsn },
            Column("device_name") { $0.deviceName },
        ])),
        AnyResourceTable(ResourceTable<VPNConnection>("vpn_connections", \.vpnConnections, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("state") { $0.state },
            Column("customer_gateway_id") { $0.customerGatewayId },
            Column("vpn_gateway_id") { $0.vpnGatewayId },
            Column("transit_gateway_id") { $0.transitGatewayId },
            Column("transit_gateway_attachment_id") { $0.transitGatewayAttachmentId },
            Column("static_routes_only", "INTEGER") { $0.staticRoutesOnly },
            Column("tunnels_up", "INTEGER") { $0.tunnels.filter { $0.status.uppercased() == "UP" }.count },
            Column("tunnel_count", "INTEGER") { $0.tunnels.count },
            Column("local_network_cidr") { $0.localNetworkCidr?.description },
            Column("remote_network_cidr") { $0.remoteNetworkCidr?.description },
        ], children: [
            ChildTable("vpn_connection_routes", columns: [
                Column("vpn_connection_id") { $0.0.id },
                Column("destination") { $0.1.destination.description },
                Column("state") { $0.1.state },
            ], rows: \.routes),
        ])),
        AnyResourceTable(ResourceTable<DirectConnectGateway>("direct_connect_gateways", \.directConnectGateways, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("state") { $0.state },
            Column("associated_gateway_ids") { joined($0.associatedGatewayIds) },
            Column("allowed_prefixes") { joined($0.allowedPrefixes.map(\.description)) },
        ])),
    ]
}
