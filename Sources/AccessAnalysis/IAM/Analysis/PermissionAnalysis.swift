/// Facts about the broad permissions in one principal's effective identity policies.
///
/// All answers account for `Deny`: something is reported only when no unconditional
/// `Deny` removes it, and conditional denies are carried in each `Grant`.
public struct PermissionAnalysis: Sendable {
    public let evaluator: PolicyEvaluator
    public let actions: ActionDatabase
    /// The ARN of the principal whose policies these are, when known: policy variables and the principal's own
    /// ARN in a resource tell what the principal can do to itself from what it can do to others.
    public let principalArn: String?

    public init(policies: [PolicySource], actions: ActionDatabase, principalArn: String? = nil) {
        self.evaluator = PolicyEvaluator(policies: policies)
        self.actions = actions
        self.principalArn = principalArn
    }

    /// The actions with which a principal rewrites permissions; a `Deny` of any of them on every resource
    /// leaves a principal short of administrator.
    static let permissionsCore = ["iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutUserPolicy", "iam:AttachUserPolicy",
                                  "iam:CreatePolicyVersion", "iam:PassRole"]

    /// Full administrator access: `Allow` of `*` on `*`.
    ///
    /// Nil when no statement grants it, or an unconditional `Deny` on every resource takes away everything but a
    /// few actions (`NotAction`) or the actions that rewrite permissions (`iam:*`). An `Allow` of `NotAction` on
    /// `*` (the PowerUserAccess shape, "every service but IAM") is not administrator: see `allActionsExcept()`.
    public func fullAdmin() -> Grant? {
        let statements = evaluator.statements.filter { ref in
            let s = ref.statement
            return s.effect == .allow && s.coversAllResources && s.actions.coversEverything
        }
        guard !statements.isEmpty else { return nil }
        let denies = evaluator.statements.filter { ref in
            let s = ref.statement
            return s.effect == .deny && s.coversAllResources
                && (s.actions.coversEverything || s.actions.isNegated || Self.permissionsCore.contains(where: s.actions.coversAction))
        }
        guard !denies.contains(where: { !$0.isConditional }) else { return nil }
        return Grant(statements: statements, conditionalDenies: denies)
    }

    /// `Allow` of every action but a few (`NotAction`) on every resource, one per statement: broad short of
    /// administrator. Left out when an unconditional `Deny` of everything on every resource cancels it.
    public func allActionsExcept() -> [ExceptionGrant] {
        let denies = evaluator.statements.filter { $0.statement.effect == .deny && $0.statement.coversAllResources && $0.statement.actions.coversEverything }
        guard !denies.contains(where: { !$0.isConditional }) else { return [] }
        return evaluator.statements.compactMap { ref in
            let s = ref.statement
            guard s.effect == .allow, s.coversAllResources, case .allExcept(let excluded) = s.actions, !excluded.isEmpty else { return nil }
            return ExceptionGrant(excluded: excluded, grant: Grant(statements: [ref], conditionalDenies: denies))
        }
    }

    /// Service-wide wildcards (`s3:*`, `iam:*`, ...) in `Allow` statements, one per service.
    ///
    /// A wildcard counts whatever its resources (see `Grant.coversAllResources`); a service is
    /// left out when an unconditional `Deny` of `service:*` on every resource cancels it.
    public func serviceWildcards() -> [ServiceWildcardGrant] {
        var byService: [String: [StatementRef]] = [:]
        for ref in evaluator.statements where ref.statement.effect == .allow && !ref.statement.actions.isNegated {
            for pattern in ref.statement.actions.patterns {
                let parts = pattern.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[1] == "*", !Wildcard.hasWildcard(parts[0]) else { continue }
                let service = parts[0].lowercased()
                if byService[service]?.last != ref { byService[service, default: []].append(ref) }
            }
        }
        return byService.keys.sorted().compactMap { service in
            guard let grant = anyResourceGrant(statements: byService[service] ?? [], action: "\(service):*") else { return nil }
            return ServiceWildcardGrant(service: service, grant: grant)
        }
    }

    /// Write and Permissions-management actions allowed on `Resource: *`, by known action — those that support
    /// resource-level permissions: for an action with no resource types `*` is the only resource a policy can name
    /// (AWS "Service Authorization Reference"), so granting it there is not over-broad (parliament's RESOURCE_STAR
    /// draws the same line).
    public func writeActionsOnAllResources() -> [ActionGrant] {
        let candidates = evaluator.statements.filter { $0.statement.effect == .allow && $0.statement.coversAllResources }
        var seen = Set<ActionInfo>()
        var out: [ActionGrant] = []
        for ref in candidates {
            for info in actions.expand(ref.statement.actions) where info.level.isWriteOrPermissionsManagement && info.supportsResourceLevelPermissions {
                guard seen.insert(info).inserted,
                      let grant = Grant(evaluator.evaluate(action: info.fullName, resource: "*")) else { continue }
                out.append(ActionGrant(action: info.fullName, level: info.level, grant: grant))
            }
        }
        return out.sorted { $0.action.lowercased() < $1.action.lowercased() }
    }

    /// `iam:PassRole` allowed on `Resource: *`, if it is.
    public func passRoleOnAllResources() -> ActionGrant? {
        grant(action: "iam:PassRole", onAllResources: true)
    }

    /// One action as granted on every resource (`onAllResources`) or on any resource at all.
    ///
    /// With `onAllResources: false` a statement scoped to particular resources counts too;
    /// only a `Deny` covering every resource cancels the grant.
    public func grant(action: String, onAllResources: Bool) -> ActionGrant? {
        let level = actions.accessLevel(of: action)
        if onAllResources {
            return Grant(evaluator.evaluate(action: action, resource: "*")).map { ActionGrant(action: action, level: level, grant: $0) }
        }
        let allows = evaluator.statements.filter { $0.statement.effect == .allow && $0.statement.actions.coversAction(action) }
        return anyResourceGrant(statements: allows, action: action).map { ActionGrant(action: action, level: level, grant: $0) }
    }

    /// A grant from `allows` unless an unconditional `Deny` of `action` on every resource cancels it.
    private func anyResourceGrant(statements allows: [StatementRef], action: String) -> Grant? {
        guard !allows.isEmpty else { return nil }
        let denies = evaluator.statements.filter {
            $0.statement.effect == .deny && $0.statement.actions.coversAction(action) && $0.statement.coversAllResources
        }
        guard !denies.contains(where: { !$0.isConditional }) else { return nil }
        return Grant(statements: allows, conditionalDenies: denies)
    }
}

extension Statement {
    /// Whether the statement applies to every resource: `Resource: *`, no resource element,
    /// or a `NotResource` (everything but a few).
    var coversAllResources: Bool {
        guard let resources else { return true }
        return resources.isNegated || resources.coversEverything
    }
}
