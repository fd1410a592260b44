import NetModel

/// Tables for VPCs, subnets, routing and gateways.
enum NetworkTables {
    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<VPC>("vpcs", \.vpcs, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("cidr_blocks") { joined($0.cidrBlocks.map(\.description)) },
            Column("is_default", "INTEGER") { $0.isDefault },
        ])),
        AnyResourceTable(ResourceTable<Subnet>("subnets", \.subnets, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("cidr_block") { $0.cidrBlocks.first?.description },
            Column("cidr_blocks") { joined($0.cidrBlocks.map(\.description)) },
            Column("availability_zone") { $0.availabilityZone },
            Column("map_public_ip_on_launch", "INTEGER") { $0.mapPublicIpOnLaunch },
            Column("ipv6_native", "INTEGER") { $0.ipv6Native },
        ])),
        AnyResourceTable(ResourceTable<RouteTable>("route_tables", \.routeTables, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("is_main", "INTEGER") { $0.isMain },
            Column("propagating_vgws") { $0.propagatingVgws.map { ColumnLists.list($0) } },
        ], indexes: ["vpc_id"], children: [
            ChildTable("routes", columns: [
                Column("route_table_id") { $0.0.id },
                Column("destination") { $0.1.destination.description },
                Column("target_kind") { $0.1.target.kind },
                Column("target_id") { $0.1.target.targetId },
                Column("state") { $0.1.state.rawValue },
                Column("origin") { $0.1.origin },
            ], indexes: ["route_table_id"], rows: \.routes),
            ChildTable("route_table_associations", columns: [
                Column("route_table_id") { $0.0.id },
                Column("association_id") { $0.1.id },
                Column("is_main", "INTEGER") { $0.1.isMain },
                Column("subnet_id") { $0.1.subnetId },
                Column("gateway_id") { $0.1.gatewayId },
            ], indexes: ["route_table_id"], rows: \.associations),
        ])),
        AnyResourceTable(ResourceTable<InternetGateway>("internet_gateways", \.internetGateways, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("attached_vpc_ids") { joined($0.attachedVpcIds) },
        ])),
        AnyResourceTable(ResourceTable<EgressOnlyInternetGateway>("egress_only_internet_gateways", \.egressOnlyInternetGateways,
                                                                  scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("attached_vpc_ids") { joined($0.attachedVpcIds) },
        ])),
        AnyResourceTable(ResourceTable<NATGateway>("nat_gateways", \.natGateways, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_id") { $0.subnetId },
            Column("state") { $0.state },
            Column("connectivity_type") { $0.connectivityType },
            Column("private_ips") { joined($0.addresses.compactMap(\.privateIp)) },
            Column("public_ips") { joined($0.addresses.compactMap(\.publicIp)) },
            Column("addresses") { ColumnLists.natAddresses($0.addresses) },
        ])),
        AnyResourceTable(ResourceTable<ElasticIP>("elastic_ips", \.elasticIps, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("public_ip") { $0.publicIp },
            Column("network_interface_id") { $0.networkInterfaceId },
            Column("private_ip") { $0.privateIp },
            Column("instance_id") { $0.instanceId },
        ])),
        AnyResourceTable(ResourceTable<TransitGateway>("transit_gateways", \.transitGateways, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("state") { $0.state },
        ])),
        AnyResourceTable(ResourceTable<TransitGatewayAttachment>("transit_gateway_attachments", \.transitGatewayAttachments,
                                                                 scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("transit_gateway_id") { $0.transitGatewayId },
            Column("resource_type") { $0.resourceType },
            Column("resource_id") { $0.resourceId },
            Column("state") { $0.state },
            Column("route_table_id") { $0.associatedRouteTableId },
            Column("subnet_ids") { joined($0.subnetIds) },
        ])),
        AnyResourceTable(ResourceTable<TransitGatewayRouteTable>("transit_gateway_route_tables", \.transitGatewayRouteTables,
                                                                 scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("transit_gateway_id") { $0.transitGatewayId },
            Column("routes_known", "INTEGER") { $0.routesKnown },
            Column("associated_attachment_ids") { $0.associatedAttachmentIds.map { ColumnLists.list($0) } },
        ], children: [
            ChildTable("transit_gateway_routes", columns: [
                Column("route_table_id") { $0.0.id },
                Column("destination") { $0.1.destination.description },
                Column("attachment_ids") { joined($0.1.attachmentIds) },
                Column("type") { $0.1.type },
                Column("state") { $0.1.state.rawValue },
            ], rows: \.routes),
            ChildTable("transit_gateway_propagations", columns: [
                Column("route_table_id") { $0.0.id },
                Column("attachment_id") { $0.1.attachmentId },
                Column("resource_type") { $0.1.resourceType },
                Column("resource_id") { $0.1.resourceId },
                Column("state") { $0.1.state },
            ], rows: { $0.propagations ?? [] }),
        ])),
        AnyResourceTable(ResourceTable<VPCPeeringConnection>("vpc_peering_connections", \.vpcPeeringConnections,
                                                             scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("status") { $0.status },
            Column("requester_vpc_id") { $0.requester.vpcId },
            Column("requester_owner_id") { $0.requester.ownerId },
            Column("requester_region") { $0.requester.region },
            Column("accepter_vpc_id") { $0.accepter.vpcId },
            Column("accepter_owner_id") { $0.accepter.ownerId },
            Column("accepter_region") { $0.accepter.region },
            Column("requester_cidr_blocks") { ColumnLists.prefixes($0.requester.cidrBlocks) },
            Column("accepter_cidr_blocks") { ColumnLists.prefixes($0.accepter.cidrBlocks) },
        ])),
        AnyResourceTable(ResourceTable<VPCEndpoint>("vpc_endpoints", \.vpcEndpoints, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("endpoint_type") { $0.endpointType },
            Column("service_name") { $0.serviceName },
            Column("state") { $0.state },
            Column("route_table_ids") { joined($0.routeTableIds) },
            Column("subnet_ids") { joined($0.subnetIds) },
        ])),
        AnyResourceTable(ResourceTable<PrefixList>("prefix_lists", \.prefixLists, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("address_family") { $0.addressFamily },
            Column("entries") { joined($0.entries.map(\.description)) },
            Column("entries_known", "INTEGER") { $0.entriesKnown },
        ])),
    ]
}
