/// How a listener routes requests: its rules in evaluation order, and what each rule does.
///
/// AWS "Listener rules for your Application Load Balancer": rules are evaluated in priority order, lowest
/// first, the default rule last; each rule ends in exactly one of `forward`, `redirect` or `fixed-response`,
/// optionally preceded by `authenticate-oidc` / `authenticate-cognito` (lower `Order`). AWS "Listeners for
/// your Application Load Balancers": the default actions are the default rule's actions.
extension Listener {
    /// The rules in force, in evaluation order: the captured rules (`describe-rules`), with the default rule
    /// last; without them, the default rule alone, built from the default actions (or, when only their target
    /// groups were recorded, a forward to those).
    public var effectiveRules: [ListenerRule] {
        var out = (rules ?? []).sorted { ($0.order, $0.arn) < ($1.order, $1.arn) }
        if !out.contains(where: \.isDefault) { out.append(defaultRule) }
        return out
    }

    /// The rules a request can reach: those up to and including the first that matches every request (rules after
    /// it, the default rule included, are never evaluated).
    public var reachableRules: [ListenerRule] {
        let rules = effectiveRules
        guard let first = rules.firstIndex(where: \.matchesEveryRequest) else { return rules }
        return Array(rules[...first])
    }

    /// The rules never reached because an earlier rule matches every request, with that rule.
    public var shadowedRules: (by: ListenerRule, rules: [ListenerRule])? {
        let rules = effectiveRules
        guard let first = rules.firstIndex(where: \.matchesEveryRequest), first + 1 < rules.count else { return nil }
        return (rules[first], Array(rules[(first + 1)...]))
    }

    /// Whether the listener's rules were captured (`describe-rules`); without them only the default rule is known.
    public var rulesKnown: Bool { rules != nil }

    /// The default rule as the default actions say.
    private var defaultRule: ListenerRule {
        let actions = defaultActions
            ?? (targetGroupArns.isEmpty ? [] : [ListenerAction(type: "forward", targetGroups: targetGroupArns.map { WeightedTargetGroup(arn: $0) })])
        return ListenerRule(arn: arn, priority: "default", isDefault: true, actions: actions)
    }

    /// Target groups some rule forwards traffic to (weight 0 receives none).
    public var forwardedTargetGroupArns: [String] {
        var out: [String] = []
        for rule in reachableRules {
            for arn in rule.forwardedTargetGroupArns where !out.contains(arn) { out.append(arn) }
        }
        return out
    }

    /// Whether some rule (default included) forwards traffic to a target group.
    public var forwards: Bool { !forwardedTargetGroupArns.isEmpty }
}

extension ListenerRule {
    /// The actions in the order the load balancer performs them (`Order`, lowest first; unordered ones as listed).
    public var orderedActions: [ListenerAction] {
        actions.enumerated().sorted { ($0.element.order ?? Int.max, $0.offset) < ($1.element.order ?? Int.max, $1.offset) }.map(\.element)
    }

    /// The action that answers the request: the last `forward`, `redirect` or `fixed-response`.
    public var finalAction: ListenerAction? {
        orderedActions.last { ["forward", "redirect", "fixed-response"].contains($0.type) }
    }

    /// The steps taken before the final action (`authenticate-oidc`, `authenticate-cognito`, `jwt-validation`).
    public var preliminaryActions: [ListenerAction] {
        orderedActions.filter { !["forward", "redirect", "fixed-response"].contains($0.type) }
    }

    /// Whether the rule takes every request: the default rule, or a rule whose every condition is a catch-all
    /// (path pattern `*` or `/*`, host header `*`), without regular expressions.
    public var matchesEveryRequest: Bool {
        if isDefault { return true }
        guard !conditions.isEmpty else { return false }
        return conditions.allSatisfy { c in
            guard c.regexValues?.isEmpty ?? true else { return false }
            switch c.field {
            case "path-pattern": return c.values.contains("*") || c.values.contains("/*")
            case "host-header": return c.values.contains("*")
            default: return false
            }
        }
    }

    /// Target groups the rule sends traffic to.
    public var forwardedTargetGroupArns: [String] { finalAction?.forwardedTargetGroupArns ?? [] }

    /// The client addresses a `source-ip` condition admits; nil when the rule has none (every client).
    /// Values that are not CIDR blocks are left out (they match no client).
    public var sourcePrefixes: [IPPrefix]? {
        let conditions = self.conditions.filter { $0.field == "source-ip" }
        guard !conditions.isEmpty else { return nil }
        return conditions.flatMap { $0.values.compactMap { IPPrefix($0) } }
    }
}

extension WeightedTargetGroup {
    /// The target group's name, read off its ARN (`…:targetgroup/<name>/<id>`); the ARN when it has no name part.
    public var name: String { TargetGroup.name(fromArn: arn) }
}

extension TargetGroup {
    /// A target group's name from its ARN (`arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`).
    public static func name(fromArn arn: String) -> String {
        guard let range = arn.range(of: ":targetgroup/") else { return arn }
        return arn[range.upperBound...].split(separator: "/").first.map(String.init) ?? arn
    }
}
