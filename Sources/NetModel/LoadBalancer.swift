/// An Elastic Load Balancing v2 load balancer (application, network or gateway).
public struct LoadBalancer: Sendable, Hashable, Codable, Identifiable {
    /// The load balancer's ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    /// `application`, `network` or `gateway`.
    public var type: String
    /// `internet-facing` or `internal`.
    public var scheme: String
    public var vpcId: String?
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    public var dnsName: String?
    public var state: String?
    public var listeners: [Listener]
    /// `describe-load-balancer-attributes` as key → value (`load_balancing.cross_zone.enabled`, ...); nil when not captured.
    public var attributes: [String: String]?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String, type: String, scheme: String, vpcId: String? = nil,
                subnetIds: [String] = [], securityGroupIds: [String] = [], dnsName: String? = nil,
                state: String? = nil, listeners: [Listener] = [], attributes: [String: String]? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.type = type
        self.scheme = scheme
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.dnsName = dnsName
        self.state = state
        self.listeners = listeners
        self.attributes = attributes
        self.tags = tags
    }

    public var isInternetFacing: Bool { scheme == "internet-facing" }

    /// Whether nodes in one zone send to targets in every zone. AWS "Cross-zone load balancing":
    /// always on for Application Load Balancers, off by default for Network and Gateway Load Balancers.
    public var crossZoneEnabled: Bool {
        if type == "application" { return true }
        return attributes?["load_balancing.cross_zone.enabled"] == "true"
    }
}

/// A listener: a port the load balancer accepts traffic on and where it forwards it.
public struct Listener: Sendable, Hashable, Codable {
    public var arn: String
    public var port: Int
    public var protocolName: String
    /// Target groups the default actions forward to.
    public var targetGroupArns: [String]
    /// The default actions in full (forward, redirect, fixed-response, authenticate-*); nil when not recorded.
    public var defaultActions: [ListenerAction]?
    /// The listener's rules from `describe-rules`, the default rule included; nil when not captured.
    public var rules: [ListenerRule]?

    public init(arn: String, port: Int, protocolName: String, targetGroupArns: [String] = [],
                defaultActions: [ListenerAction]? = nil, rules: [ListenerRule]? = nil) {
        self.arn = arn
        self.port = port
        self.protocolName = protocolName
        self.targetGroupArns = targetGroupArns
        self.defaultActions = defaultActions
        self.rules = rules
    }
}

/// A target group and its registered targets.
public struct TargetGroup: Sendable, Hashable, Codable, Identifiable {
    /// The target group's ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    public var protocolName: String?
    public var port: Int?
    public var vpcId: String?
    /// `instance`, `ip`, `lambda` or `alb`.
    public var targetType: String
    public var loadBalancerArns: [String]
    public var targets: [Target]
    /// False when the snapshot holds no target-health listing (targets unknown, not absent).
    public var targetsKnown: Bool
    /// `describe-target-group-attributes` as key → value (`preserve_client_ip.enabled`, ...); nil when not captured.
    public var attributes: [String: String]?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String, protocolName: String? = nil, port: Int? = nil,
                vpcId: String? = nil, targetType: String = "instance", loadBalancerArns: [String] = [],
                targets: [Target] = [], targetsKnown: Bool = false, attributes: [String: String]? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.protocolName = protocolName
        self.port = port
        self.vpcId = vpcId
        self.targetType = targetType
        self.loadBalancerArns = loadBalancerArns
        self.targets = targets
        self.targetsKnown = targetsKnown
        self.attributes = attributes
        self.tags = tags
    }
}

extension TargetGroup {
    /// Whether the target sees the client's address as source. AWS "Client IP preservation" (Network Load
    /// Balancers): on by default for instance and ALB targets and for ip targets over UDP/TCP_UDP, off by default
    /// for ip targets over TCP/TLS; the attribute `preserve_client_ip.enabled` overrides.
    public var preservesClientIp: Bool {
        if let value = attributes?["preserve_client_ip.enabled"] { return value == "true" }
        if targetType == "ip" { return ["UDP", "TCP_UDP"].contains(protocolName?.uppercased() ?? "") }
        return true
    }

    /// The target group's own cross-zone setting: true, false, or nil to follow the load balancer
    /// (`load_balancing.cross_zone.enabled` = `use_load_balancer_configuration`, the default).
    public var crossZoneOverride: Bool? {
        switch attributes?["load_balancing.cross_zone.enabled"] {
        case "true"?: true
        case "false"?: false
        default: nil
        }
    }
}

/// A registered target: an instance ID, IP address, Lambda ARN or ALB ARN, with its port.
public struct Target: Sendable, Hashable, Codable {
    public var id: String
    public var port: Int?
    public var availabilityZone: String?
    public var health: String?

    public init(id: String, port: Int? = nil, availabilityZone: String? = nil, health: String? = nil) {
        self.id = id
        self.port = port
        self.availabilityZone = availabilityZone
        self.health = health
    }
}
