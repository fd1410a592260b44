/// All broad-permission facts about one principal, computed together.
public struct PermissionSummary: Sendable, Hashable, Codable {
    /// Full administrator access (`*` on `*`), if granted.
    public var fullAdmin: Grant?
    /// Every action but a few on every resource (`NotAction` on `*`).
    public var allActionsExcept: [ExceptionGrant]
    /// Service-wide wildcards such as `s3:*`, one per service.
    public var serviceWildcards: [ServiceWildcardGrant]
    /// Write and Permissions-management actions allowed on `Resource: *`.
    public var writeActionsOnAllResources: [ActionGrant]
    /// `iam:PassRole` on `Resource: *`, if allowed.
    public var passRoleOnAllResources: ActionGrant?
    /// Known privilege-escalation methods the policies allow.
    public var privilegeEscalations: [EscalationPath]

    public init(fullAdmin: Grant?, allActionsExcept: [ExceptionGrant] = [], serviceWildcards: [ServiceWildcardGrant], writeActionsOnAllResources: [ActionGrant],
                passRoleOnAllResources: ActionGrant?, privilegeEscalations: [EscalationPath]) {
        self.fullAdmin = fullAdmin
        self.allActionsExcept = allActionsExcept
        self.serviceWildcards = serviceWildcards
        self.writeActionsOnAllResources = writeActionsOnAllResources
        self.passRoleOnAllResources = passRoleOnAllResources
        self.privilegeEscalations = privilegeEscalations
    }
}

extension PermissionAnalysis {
    /// Every fact of `PermissionAnalysis` in one value.
    public func summary() -> PermissionSummary {
        PermissionSummary(fullAdmin: fullAdmin(), allActionsExcept: allActionsExcept(), serviceWildcards: serviceWildcards(),
                          writeActionsOnAllResources: writeActionsOnAllResources(),
                          passRoleOnAllResources: passRoleOnAllResources(), privilegeEscalations: privilegeEscalations())
    }
}
