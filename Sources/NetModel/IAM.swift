/// Which kind of IAM identity holds a policy.
public enum IAMPrincipalKind: String, Sendable, Hashable, Codable {
    case user
    case group
    case role
}

/// An IAM identity: user, group or role, with its inline and attached policies.
public struct IAMPrincipal: Sendable, Hashable, Codable, Identifiable {
    /// The principal's ARN.
    public var id: String
    public var scope: ResourceScope
    public var kind: IAMPrincipalKind
    public var name: String
    public var path: String?
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicyArns: [String]
    /// Roles only: the trust policy (JSON text).
    public var trustPolicy: String?
    /// Users only: the groups the user belongs to.
    public var groupNames: [String]
    /// Roles only: ARNs of instance profiles that carry the role.
    public var instanceProfileArns: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, kind: IAMPrincipalKind, name: String, path: String? = nil,
                inlinePolicies: [InlinePolicy] = [], attachedPolicyArns: [String] = [], trustPolicy: String? = nil,
                groupNames: [String] = [], instanceProfileArns: [String] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.kind = kind
        self.name = name
        self.path = path
        self.inlinePolicies = inlinePolicies
        self.attachedPolicyArns = attachedPolicyArns
        self.trustPolicy = trustPolicy
        self.groupNames = groupNames
        self.instanceProfileArns = instanceProfileArns
        self.tags = tags
    }
}

/// A policy embedded in a user, group or role.
public struct InlinePolicy: Sendable, Hashable, Codable {
    public var name: String
    /// The policy document (JSON text).
    public var document: String

    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}

/// A managed policy (AWS-managed or customer-managed) with its default version's document.
public struct ManagedPolicy: Sendable, Hashable, Codable, Identifiable {
    /// The policy ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    /// The default version's document (JSON text); nil when the snapshot lacks it.
    public var document: String?
    public var attachmentCount: Int?

    public init(id: String, scope: ResourceScope, name: String, document: String? = nil, attachmentCount: Int? = nil) {
        self.id = id
        self.scope = scope
        self.name = name
        self.document = document
        self.attachmentCount = attachmentCount
    }

    /// Whether AWS owns the policy (`arn:aws:iam::aws:policy/...`).
    public var isAWSManaged: Bool { id.contains(":iam::aws:policy/") }
}
