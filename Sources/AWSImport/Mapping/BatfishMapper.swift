import NetModel

/// Maps the documents Batfish's AWS snapshot layout (`aws_configs/[<account>/]<region>/*.json`) wraps
/// around per-resource calls: one entry per route table, load balancer or target group, holding the
/// resource's ID and the call's answer. Shapes as Batfish's parser reads them
/// (`org.batfish.representation.aws`: TransitGatewayStaticRoutes, TransitGatewayPropagations,
/// LoadBalancerListener, LoadBalancerTargetHealth, LoadBalancerAttributes). Batfish has no wrapper for listener
/// rules (its region parser knows no rules key): `describe-rules` output is read as the AWS CLI prints it.
enum BatfishMapper {
    /// `{"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId", "Routes": [search-transit-gateway-routes]}]}`.
    static func transitGatewayStaticRoutes(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGatewayStaticRoutes") {
            let table = try item.requiredString("TransitGatewayRouteTableId")
            try EC2ConnectivityMapper.transitGatewayRoutes(item, ctx.describing(table, in: "ec2-search-transit-gateway-routes"), into: &c)
            c.vpn.staticOnlyRouteListings[table] = ctx.file.displayPath
        }
    }

    /// `{"TransitGatewayPropagations": [{"TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations": [...]}]}`.
    static func transitGatewayPropagations(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TransitGatewayPropagations") {
            let table = try item.requiredString("TransitGatewayRouteTableId")
            var propagations: [TransitGatewayPropagation] = []
            for p in try item.array("TransitGatewayRouteTablePropagations") {
                propagations.append(TransitGatewayPropagation(
                    attachmentId: try p.requiredString("TransitGatewayAttachmentId"), resourceType: try p.string("ResourceType"),
                    resourceId: try p.string("ResourceId"), state: try p.string("State") ?? "enabled"))
            }
            c.transitGatewayPropagations[table, default: []] += propagations
        }
    }

    /// `{"LoadBalancerListeners": [{"LoadBalancerArn", "Listeners": [describe-listeners]}]}`; entries that are
    /// themselves listeners (with their own `LoadBalancerArn`) are read too.
    static func loadBalancerListeners(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("LoadBalancerListeners") {
            let outer = try item.string("LoadBalancerArn")
            let listeners = item["Listeners"] == nil ? [item] : try item.array("Listeners")
            for l in listeners {
                guard let arn = try l.string("LoadBalancerArn") ?? outer else {
                    throw .missingField(file: ctx.file.displayPath, path: l.path, field: "LoadBalancerArn")
                }
                guard let port = try l.int("Port") else { throw .missingField(file: ctx.file.displayPath, path: l.path, field: "Port") }
                var groups: [String] = []
                for action in try l.array("DefaultActions") {
                    if let tg = try action.string("TargetGroupArn") { groups.append(tg) }
                    for weighted in try action["ForwardConfig"]?.array("TargetGroups") ?? [] {
                        if let tg = try weighted.string("TargetGroupArn"), !groups.contains(tg) { groups.append(tg) }
                    }
                }
                c.listenersByLoadBalancer[arn, default: []].append(Listener(
                    arn: try l.requiredString("ListenerArn"), port: port, protocolName: try l.string("Protocol") ?? "",
                    targetGroupArns: groups, defaultActions: try ELBRulesMapper.actions(l, "DefaultActions")))
            }
        }
    }

    /// `{"LoadBalancerTargetHealth": [{"TargetGroupArn", "TargetHealthDescriptions": [describe-target-health]}]}`.
    static func loadBalancerTargetHealth(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("LoadBalancerTargetHealth") {
            let arn = try item.requiredString("TargetGroupArn")
            // arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>
            let resource = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? ""
            let parts = resource.split(separator: "/")
            guard parts.count >= 2, parts[0] == "targetgroup" else {
                throw .invalidValue(file: ctx.file.displayPath, path: item.path, message: "'\(arn)' is not a target group ARN")
            }
            var scoped = ctx.describing(String(parts[1]), in: "elbv2-describe-target-health")
            if scoped.file.account == nil { scoped = FileContext(file: scoped.file.with(account: ctx.scope(arn: arn).account)) }
            try ELBMapper.targetHealth(item, scoped, into: &c)
        }
    }

    /// `{"LoadBalancerAttributes": [{"LoadBalancerArn", "Attributes": [{"Key", "Value"}]}]}`.
    static func loadBalancerAttributes(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("LoadBalancerAttributes") {
            let arn = try item.requiredString("LoadBalancerArn")
            var attributes: [String: String] = [:]
            for a in try item.array("Attributes") {
                if let key = try a.string("Key") { attributes[key] = try a.string("Value") ?? "" }
            }
            c.loadBalancerAttributes[arn, default: [:]].merge(attributes) { _, new in new }
        }
    }

    /// VPC endpoint services are not in the model: kept raw with a warning naming what the document holds.
    static func unmodelled(_ kind: DocumentKind, _ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        var names: [String] = []
        for s in try root.array("ServiceDetails") { names.append(try s.string("ServiceName") ?? "?") }
        if names.isEmpty { names = try root.strings("ServiceNames") }
        c.warn(ctx.file, "unmodelled-resource",
               "\(names.count) VPC endpoint service(s) (\(shortList(names))) kept raw: modelled in a later version")
    }

    private static func shortList(_ names: [String]) -> String {
        names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + ", ..."
    }
}

extension FileContext {
    /// This file read as if it sat in a per-resource call folder, describing `resource`
    /// (how Batfish's wrapper entries name the route table or target group they hold).
    func describing(_ resource: String, in callFolder: String) -> FileContext {
        var f = file
        f.callFolder = callFolder
        f.baseName = resource
        return FileContext(file: f)
    }
}

extension InputFile {
    func with(account: String) -> InputFile {
        var f = self
        f.account = account == ResourceScope.unknownValue ? nil : account
        return f
    }
}
