import NetModel

/// Puts `describe-load-balancer-attributes` and `describe-target-group-attributes` on their resources,
/// by ARN, by name, or by `account/region/name` (see `ELBAttributeKey`).
enum ELBAttributesReconciler {
    static func apply(_ inv: inout Inventory, _ c: Collector) {
        for (key, values) in c.loadBalancerAttributes.sorted(by: { $0.key < $1.key }) {
            let matches = inv.loadBalancers.indices.filter {
                let lb = inv.loadBalancers[$0]
                return ELBAttributeKey.matches(key, arn: lb.id, name: lb.name, scope: lb.scope)
            }
            for i in matches { inv.loadBalancers[i].attributes = merged(inv.loadBalancers[i].attributes, values) }
            if matches.isEmpty { orphan(&inv, ELBAttributesMapper.loadBalancerFolder, key, "load balancer", "describe-load-balancers") }
        }
        for (key, values) in c.targetGroupAttributes.sorted(by: { $0.key < $1.key }) {
            let matches = inv.targetGroups.indices.filter {
                let group = inv.targetGroups[$0]
                return ELBAttributeKey.matches(key, arn: group.id, name: group.name, scope: group.scope)
            }
            for i in matches { inv.targetGroups[i].attributes = merged(inv.targetGroups[i].attributes, values) }
            if matches.isEmpty { orphan(&inv, ELBAttributesMapper.targetGroupFolder, key, "target group", "describe-target-groups") }
        }
    }

    private static func merged(_ old: [String: String]?, _ new: [String: String]) -> [String: String] {
        (old ?? [:]).merging(new) { _, value in value }
    }

    private static func orphan(_ inv: inout Inventory, _ folder: String, _ key: String, _ kind: String, _ call: String) {
        let name = key.hasPrefix("arn:") ? key : String(key.split(separator: "/").last ?? Substring(key))
        inv.warnings.append(CaptureWarning(source: "\(folder)/\(name).json", code: "orphan-document",
                                           message: "attributes of \(kind) \(name), which no \(call) output lists"))
    }
}
