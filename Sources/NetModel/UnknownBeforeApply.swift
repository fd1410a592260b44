/// Values a Terraform plan or CloudFormation template leaves unknown until apply (`after_unknown`, `Fn::ImportValue`
/// without a snapshot, `Fn::GetAtt` of a runtime attribute), recorded on the resource they belong to as tags under
/// `netaudit:unknown-before-apply:` so that they reach every snapshot load. Answers that depend on one are
/// `unknown` with the reason, never decided on a guess; the tag's value is the reason
/// (`aws_subnet.app.cidr_block is known after apply`).
///
/// Keys: `…:cidr` (a VPC's or subnet's address range), `…:ingress:<protocol>:<from>-<to>` and `…:egress:…` (a
/// security group rule whose peer is unknown: it may admit that traffic), `…:route:<destination>` (a route whose
/// target, or with `*` whose destination, is unknown), `…:acl` (a network ACL entry with an unknown part).
public enum UnknownBeforeApply {
    public static let prefix = "netaudit:unknown-before-apply:"
    public static let cidrKey = prefix + "cidr"
    public static let aclKey = prefix + "acl"

    /// A security group rule left out because its peer is unknown: what it would admit, and why it is unknown.
    public struct Rule: Sendable, Hashable {
        public var egress: Bool
        /// The rule with its protocol and ports; its peer stands for "any".
        public var rule: SecurityGroupRule
        public var reason: String
    }

    /// A route left out because its target or destination is unknown.
    public struct Route: Sendable, Hashable {
        /// nil when the destination itself is unknown (it may cover any address).
        public var destination: IPPrefix?
        public var reason: String
    }

    /// The key for an unknown rule of a security group.
    public static func ruleKey(egress: Bool, protocol text: String, from: Int?, to: Int?) -> String {
        let proto = IPProtocol(aws: text).map(\.description) ?? "all"
        return prefix + (egress ? "egress" : "ingress") + ":\(proto):\(from ?? -1)-\(to ?? -1)"
    }

    /// The key for an unknown route (`destination` nil: the destination is unknown).
    public static func routeKey(destination: String?) -> String { prefix + "route:" + (destination ?? "*") }

    /// Adds `reason` under `key`, keeping reasons already there.
    public static func add(_ reason: String, key: String, to tags: inout Tags) {
        if let old = tags[key], !old.isEmpty, old != reason, !old.contains(reason) { tags[key] = old + "; " + reason } else { tags[key] = reason }
    }

    /// Why a VPC's or subnet's address range is unknown, if it is.
    public static func cidr(_ tags: Tags) -> String? { tags[cidrKey] }

    /// Why some entry of a network ACL is unknown, if one is.
    public static func acl(_ tags: Tags) -> String? { tags[aclKey] }

    /// The rules of a security group left out as unknown.
    public static func rules(_ tags: Tags) -> [Rule] {
        guard tags.keys.contains(where: { $0.hasPrefix(prefix) }) else { return [] }
        return tags.keys.sorted().compactMap { key in
            guard key.hasPrefix(prefix), let reason = tags[key] else { return nil }
            let parts = key.dropFirst(prefix.count).split(separator: ":")
            guard parts.count == 3, parts[0] == "ingress" || parts[0] == "egress", let proto = IPProtocol(aws: String(parts[1])) else { return nil }
            let ports = parts[2].split(separator: "-", omittingEmptySubsequences: false)
            let from = ports.count == 2 ? Int(ports[0]) : nil, to = ports.count == 2 ? Int(ports[1]) : nil
            let any = IPPrefix("0.0.0.0/0").map(RulePeer.cidr) ?? .prefixList("unknown")
            return Rule(egress: parts[0] == "egress",
                        rule: SecurityGroupRule(ipProtocol: proto, fromPort: from.flatMap { $0 < 0 ? nil : $0 }, toPort: to.flatMap { $0 < 0 ? nil : $0 }, peer: any),
                        reason: reason)
        }
    }

    /// The routes of a route table left out as unknown.
    public static func routes(_ tags: Tags) -> [Route] {
        guard tags.keys.contains(where: { $0.hasPrefix(prefix) }) else { return [] }
        return tags.keys.sorted().compactMap { key in
            guard key.hasPrefix(prefix + "route:"), let reason = tags[key] else { return nil }
            let destination = String(key.dropFirst((prefix + "route:").count))
            return Route(destination: destination == "*" ? nil : IPPrefix(destination), reason: reason)
        }
    }
}
