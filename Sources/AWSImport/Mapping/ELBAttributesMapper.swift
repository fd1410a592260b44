import NetModel

/// Maps `describe-load-balancer-attributes` and `describe-target-group-attributes`: both print `Attributes`,
/// so the folder tells which (`elbv2-describe-load-balancer-attributes/<lb-name>.json`,
/// `elbv2-describe-target-group-attributes/<tg-name>.json`).
enum ELBAttributesMapper {
    static let loadBalancerFolder = "elbv2-describe-load-balancer-attributes"
    static let targetGroupFolder = "elbv2-describe-target-group-attributes"

    static func attributes(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let name = ctx.file.resourceName,
              ctx.file.callFolder == loadBalancerFolder || ctx.file.callFolder == targetGroupFolder else {
            c.warn(ctx.file, "unscoped-document",
                   "load balancer or target group attributes without their resource: put the file in \(loadBalancerFolder)/<lb-name>.json or \(targetGroupFolder)/<tg-name>.json; kept raw")
            return
        }
        var values: [String: String] = [:]
        for a in try root.array("Attributes") {
            guard let key = try a.string("Key") else {
                throw .missingField(file: ctx.file.displayPath, path: a.path, field: "Key")
            }
            values[key] = try a.string("Value") ?? ""
        }
        let key = ELBAttributeKey.scoped(name: name, scope: ctx.scope())
        if ctx.file.callFolder == loadBalancerFolder {
            c.loadBalancerAttributes[key, default: [:]].merge(values) { _, new in new }
        } else {
            c.targetGroupAttributes[key, default: [:]].merge(values) { _, new in new }
        }
    }
}

/// Keys of `Collector.loadBalancerAttributes` / `.targetGroupAttributes`: an ARN, a bare name, or
/// `account/region/name` when the file's folders scope it (names are unique only per account and region).
enum ELBAttributeKey {
    static func scoped(name: String, scope: ResourceScope) -> String {
        scope.account == ResourceScope.unknownValue && scope.region == ResourceScope.unknownValue
            ? name : "\(scope.account)/\(scope.region)/\(name)"
    }

    /// Whether a key names the resource with this ARN, name and scope (unknown parts of the key match any).
    static func matches(_ key: String, arn: String, name: String, scope: ResourceScope) -> Bool {
        if key.hasPrefix("arn:") { return key == arn }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return key == name }
        func fits(_ part: String, _ value: String) -> Bool { part == ResourceScope.unknownValue || part == value }
        return parts[2] == name && fits(parts[0], scope.account) && fits(parts[1], scope.region)
    }
}
