import NetModel

/// Maps Elastic Load Balancing v2 load balancers, listeners, target groups and target health.
enum ELBMapper {
    static func loadBalancers(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("LoadBalancers") {
            let arn = try item.requiredString("LoadBalancerArn")
            var subnets: [String] = []
            for zone in try item.array("AvailabilityZones") {
                if let s = try zone.string("SubnetId") { subnets.append(s) }
            }
            c.inventory.loadBalancers.append(LoadBalancer(
                id: arn, scope: ctx.scope(arn: arn), name: try item.string("LoadBalancerName") ?? arn,
                type: try item.string("Type") ?? "application", scheme: try item.string("Scheme") ?? "internet-facing",
                vpcId: try item.string("VpcId"), subnetIds: subnets, securityGroupIds: try item.strings("SecurityGroups"),
                dnsName: try item.string("DNSName"), state: try item["State"]?.string("Code")))
        }
    }

    static func listeners(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Listeners") {
            var groups: [String] = []
            for action in try item.array("DefaultActions") {
                if let tg = try action.string("TargetGroupArn") { groups.append(tg) }
                for weighted in try action["ForwardConfig"]?.array("TargetGroups") ?? [] {
                    if let tg = try weighted.string("TargetGroupArn"), !groups.contains(tg) { groups.append(tg) }
                }
            }
            guard let port = try item.int("Port") else {
                throw .missingField(file: ctx.file.displayPath, path: item.path, field: "Port")
            }
            let listener = Listener(arn: try item.requiredString("ListenerArn"), port: port,
                                    protocolName: try item.string("Protocol") ?? "", targetGroupArns: groups,
                                    defaultActions: try ELBRulesMapper.actions(item, "DefaultActions"))
            c.listenersByLoadBalancer[try item.requiredString("LoadBalancerArn"), default: []].append(listener)
        }
    }

    static func targetGroups(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("TargetGroups") {
            let arn = try item.requiredString("TargetGroupArn")
            c.inventory.targetGroups.append(TargetGroup(
                id: arn, scope: ctx.scope(arn: arn), name: try item.string("TargetGroupName") ?? arn,
                protocolName: try item.string("Protocol"), port: try item.int("Port"), vpcId: try item.string("VpcId"),
                targetType: try item.string("TargetType") ?? "instance",
                loadBalancerArns: try item.strings("LoadBalancerArns")))
        }
    }

    /// `describe-target-health`, one file per group in `elbv2-describe-target-health/<target-group-name>.json`.
    static func targetHealth(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let group = ctx.file.resourceName else {
            c.warn(ctx.file, "unscoped-document",
                   "target health without its target group: put the file in elbv2-describe-target-health/<target-group-name>.json; kept raw")
            return
        }
        var targets: [Target] = []
        for d in try root.array("TargetHealthDescriptions") {
            guard let t = d["Target"] else { continue }
            targets.append(Target(id: try t.requiredString("Id"), port: try t.int("Port"),
                                  availabilityZone: try t.string("AvailabilityZone"),
                                  health: try d["TargetHealth"]?.string("State")))
        }
        c.targetsByGroup[ScopedName(account: ctx.file.account, name: group), default: []] += targets
    }
}
