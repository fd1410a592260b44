/// A listener rule (`elbv2 describe-rules`): conditions on the request and the actions taken when they match.
/// AWS "Listener rules for your Application Load Balancer": rules are evaluated in priority order, the default rule last.
public struct ListenerRule: Sendable, Hashable, Codable {
    public var arn: String
    /// The priority as AWS prints it: a number, or `default`.
    public var priority: String
    public var isDefault: Bool
    public var conditions: [RuleCondition]
    public var actions: [ListenerAction]

    public init(arn: String, priority: String, isDefault: Bool = false, conditions: [RuleCondition] = [], actions: [ListenerAction] = []) {
        self.arn = arn
        self.priority = priority
        self.isDefault = isDefault
        self.conditions = conditions
        self.actions = actions
    }

    /// The listener the rule belongs to, read off the rule's ARN
    /// (`…:listener-rule/app/<lb>/<lb-id>/<listener-id>/<rule-id>` → `…:listener/app/<lb>/<lb-id>/<listener-id>`).
    public var listenerArn: String? {
        guard let range = arn.range(of: ":listener-rule/") else { return nil }
        let path = arn[range.upperBound...].split(separator: "/")
        guard path.count >= 5 else { return nil }
        return arn[..<range.lowerBound] + ":listener/" + path.dropLast().joined(separator: "/")
    }

    /// The numeric priority (default rule: `Int.max`, evaluated last).
    public var order: Int { isDefault ? Int.max : Int(priority) ?? Int.max }
}

/// One condition of a rule: `path-pattern`, `host-header`, `http-header`, `http-request-method`, `query-string` or `source-ip`.
public struct RuleCondition: Sendable, Hashable, Codable {
    public var field: String
    /// Patterns, hosts, methods, CIDRs or `key=value` query pairs.
    public var values: [String]
    /// The header name of an `http-header` condition.
    public var headerName: String?
    /// Regular expressions of a `path-pattern`, `host-header` or `http-header` condition (`RegexValues`); nil when none.
    public var regexValues: [String]?

    public init(field: String, values: [String] = [], headerName: String? = nil, regexValues: [String]? = nil) {
        self.field = field
        self.values = values
        self.headerName = headerName
        self.regexValues = regexValues
    }
}

/// An action of a listener or rule.
public struct ListenerAction: Sendable, Hashable, Codable {
    /// `forward`, `redirect`, `fixed-response`, `authenticate-oidc` or `authenticate-cognito`.
    public var type: String
    public var order: Int?
    /// Target groups a `forward` sends to, with their weights (one group: weight nil).
    public var targetGroups: [WeightedTargetGroup]
    /// Where a `redirect` sends the client (`HTTPS://#{host}:443/#{path}`), as text.
    public var redirect: String?
    /// The status code of a `fixed-response`.
    public var fixedResponseStatus: String?
    /// Who an `authenticate-*` action signs clients in with: the OIDC issuer or the Cognito user pool ARN; nil otherwise.
    public var authenticationProvider: String?

    public init(type: String, order: Int? = nil, targetGroups: [WeightedTargetGroup] = [], redirect: String? = nil,
                fixedResponseStatus: String? = nil, authenticationProvider: String? = nil) {
        self.type = type
        self.order = order
        self.targetGroups = targetGroups
        self.redirect = redirect
        self.fixedResponseStatus = fixedResponseStatus
        self.authenticationProvider = authenticationProvider
    }

    /// Target groups that receive traffic: a weight of 0 receives none.
    public var forwardedTargetGroupArns: [String] {
        guard type == "forward" else { return [] }
        return targetGroups.filter { ($0.weight ?? 1) > 0 }.map(\.arn)
    }
}

/// A target group of a forward action and its weight.
public struct WeightedTargetGroup: Sendable, Hashable, Codable {
    public var arn: String
    public var weight: Int?

    public init(arn: String, weight: Int? = nil) {
        self.arn = arn
        self.weight = weight
    }
}
