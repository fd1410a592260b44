import NetModel

/// Maps network interfaces and instances.
enum EC2ComputeMapper {
    static func networkInterfaces(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("NetworkInterfaces") {
            c.inventory.networkInterfaces.append(try interface(item, ctx, instanceId: nil))
        }
    }

    /// One interface, from `describe-network-interfaces` or an instance's `NetworkInterfaces`.
    static func interface(_ item: Node, _ ctx: FileContext, instanceId: String?,
                          defaultZone: String? = nil) throws(ImportError) -> NetworkInterface {
        let id = try item.requiredString("NetworkInterfaceId")
        var addresses: [PrivateAddress] = []
        for a in try item.array("PrivateIpAddresses") {
            guard let ip = try a.address("PrivateIpAddress") else { continue }
            addresses.append(PrivateAddress(address: ip, primary: try a.bool("Primary") ?? false,
                                            publicIp: try a["Association"]?.address("PublicIp")))
        }
        // The interface-level Association is the primary address's public IP; some outputs (moto's)
        // carry it only there.
        let interfacePublicIp = try item["Association"]?.address("PublicIp")
        if addresses.isEmpty, let ip = try item.address("PrivateIpAddress") {
            addresses.append(PrivateAddress(address: ip, primary: true, publicIp: interfacePublicIp))
        } else if let publicIp = interfacePublicIp, !addresses.contains(where: { $0.publicIp == publicIp }),
                  let primary = addresses.firstIndex(where: \.primary) ?? addresses.indices.first, addresses[primary].publicIp == nil {
            addresses[primary].publicIp = publicIp
        }
        var groups: [String] = []
        for g in try item.array("Groups") { groups.append(try g.requiredString("GroupId")) }
        var ipv6: [String] = []
        for a in try item.array("Ipv6Addresses") { if let ip = try a.address("Ipv6Address") { ipv6.append(ip) } }
        var prefixes: [IPPrefix] = []
        for p in try item.array("Ipv6Prefixes") {
            if let prefix = try ctx.cidr(try p.string("Ipv6Prefix"), at: p) { prefixes.append(prefix) }
        }
        let zone = try item.string("AvailabilityZone") ?? defaultZone
        let type = try item.string("InterfaceType") ?? "interface"
        let description = try item.string("Description")
        let attachedTo = try item["Attachment"]?.string("InstanceId") ?? instanceId
        var interface = NetworkInterface(
            id: id, scope: ctx.scope(account: try item.string("OwnerId"), region: FileContext.region(fromZone: zone)),
            vpcId: try item.requiredString("VpcId"), subnetId: try item.requiredString("SubnetId"),
            availabilityZone: zone, interfaceType: type, description: description,
            privateAddresses: addresses, ipv6Addresses: ipv6, securityGroupIds: groups,
            owner: InterfaceOwnerRecognizer.owner(InterfaceFacts(
                type: type, description: description ?? "", instanceId: attachedTo, requesterId: try item.string("RequesterId"),
                requesterManaged: try item.bool("RequesterManaged") ?? false, attachmentOwner: try item["Attachment"]?.string("InstanceOwnerId"))),
            requesterManaged: try item.bool("RequesterManaged") ?? false,
            sourceDestCheck: try item.bool("SourceDestCheck") ?? true, status: try item.string("Status"),
            tags: try item.tags())
        interface.ipv6Prefixes = prefixes.isEmpty ? nil : prefixes
        return interface
    }

    static func reservations(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for reservation in try root.array("Reservations") {
            let owner = try reservation.string("OwnerId")
            for item in try reservation.array("Instances") {
                let id = try item.requiredString("InstanceId")
                let zone = try item["Placement"]?.string("AvailabilityZone")
                var groups: [String] = []
                for g in try item.array("SecurityGroups") { groups.append(try g.requiredString("GroupId")) }
                var eniIds: [String] = []
                for eni in try item.array("NetworkInterfaces") {
                    let iface = try interface(eni, ctx, instanceId: id, defaultZone: zone)
                    eniIds.append(iface.id)
                    c.instanceInterfaces.append(iface)
                }
                c.inventory.instances.append(Instance(
                    id: id, scope: ctx.scope(account: owner, region: FileContext.region(fromZone: zone)),
                    state: try item["State"]?.string("Name") ?? "unknown",
                    vpcId: try item.string("VpcId"), subnetId: try item.string("SubnetId"),
                    privateIp: try item.address("PrivateIpAddress"), publicIp: try item.address("PublicIpAddress"),
                    securityGroupIds: groups, networkInterfaceIds: eniIds,
                    instanceProfileArn: try item["IamInstanceProfile"]?.string("Arn"),
                    imageId: try item.string("ImageId"), instanceType: try item.string("InstanceType"), tags: try item.tags()))
            }
        }
    }
}
